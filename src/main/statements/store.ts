/**
 * The statements table: writing extracted statements (on import, inside the article's
 * transaction, and on re-extraction), the analyst's changes, and reading them back. Keeps
 * article_speakers (what `speaker:` searches) in step, in the same transactions.
 */
import type { Db } from '../archive';
import type { StatementKind, StatementQuery, Statement, StatementStatus } from '../../shared/types';
import { foldedWords } from './names';
import type { PeopleDirectory } from './directory';
import { newArticleMemo, resolveSpeaker } from './resolve';
import type { ExtractedStatement } from './types';

/** The article fields writing statements needs. */
export interface StatementArticle {
  id: number;
  body: string;
  publishedAt: string | null;
}

/** An article's speakers for the search catalog: canonical names and statement counts. */
export type ArticleSpeakers = Array<{ name: string; statements: number }>;

interface Row {
  id: number;
  article_id: number;
  kind: StatementKind;
  quote_start: number;
  quote_end: number;
  quote_text: string;
  cue_start: number | null;
  cue_end: number | null;
  cue_text: string | null;
  mention_start: number | null;
  mention_end: number | null;
  mention_text: string | null;
  speaker_name_raw: string | null;
  person_id: number | null;
  status: StatementStatus;
  speaker_by_analyst: number;
  title: string;
  source: string | null;
  published_at: string | null;
}

const SELECT = `SELECT s.id, s.article_id, s.kind, s.quote_start, s.quote_end, s.quote_text, s.cue_start, s.cue_end, s.cue_text,
  s.mention_start, s.mention_end, s.mention_text, s.speaker_name_raw, s.person_id, s.status, s.speaker_by_analyst,
  a.title, a.source, a.published_at
  FROM statements s JOIN articles a ON a.id = s.article_id`;

/** The overlap of two spans relative to the shorter one (0..1). */
export function overlapShare(a: { start: number; end: number }, b: { start: number; end: number }): number {
  const o = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  const shorter = Math.min(a.end - a.start, b.end - b.start);
  return o <= 0 || shorter <= 0 ? 0 : o / shorter;
}

/** Statements of the archive. Methods that write expect to run inside a transaction the caller opened. */
export class StatementStore {
  private readonly insertStmt;
  private readonly selectKept;
  private readonly deleteAuto;
  private readonly selectPersons;
  private readonly deleteSpeakers;
  private readonly insertSpeaker;

  constructor(
    private readonly db: Db,
    private readonly people: PeopleDirectory,
  ) {
    this.insertStmt = db.prepare(
      `INSERT INTO statements (article_id, kind, quote_start, quote_end, quote_text, quote_folded, cue_start, cue_end, cue_text,
         mention_start, mention_end, mention_text, speaker_name_raw, speaker_role_raw, person_id, resolved_by, status,
         speaker_by_analyst, extractor_version, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.selectKept = db.prepare(
      "SELECT quote_start AS start, quote_end AS end FROM statements WHERE article_id = ? AND (status <> 'auto' OR speaker_by_analyst = 1)",
    );
    this.deleteAuto = db.prepare("DELETE FROM statements WHERE article_id = ? AND status = 'auto' AND speaker_by_analyst = 0");
    this.selectPersons = db.prepare("SELECT person_id FROM statements WHERE article_id = ? AND status <> 'rejected' AND person_id IS NOT NULL").pluck();
    this.deleteSpeakers = db.prepare('DELETE FROM article_speakers WHERE article_id = ?');
    this.insertSpeaker = db.prepare('INSERT INTO article_speakers (article_id, speaker, statements) VALUES (?, ?, ?)');
  }

  /**
   * Writes an article's extracted statements: its earlier automatic ones go, the ones analysts
   * made or judged (verified, rejected, manual, or with a speaker an analyst chose) stay, and an
   * extracted statement overlapping one of those by half or more is not added again. Speakers
   * are resolved; plausible unknown names become people of origin 'found'. Returns how many
   * statements were added and the article's speakers. Call inside a transaction.
   */
  writeExtracted(article: StatementArticle, extracted: ExtractedStatement[], version: number): { added: number; speakers: ArticleSpeakers } {
    this.deleteAuto.run(article.id);
    const kept = this.selectKept.all(article.id) as Array<{ start: number; end: number }>;
    const memo = newArticleMemo();
    const now = new Date().toISOString();
    let added = 0;
    for (const e of extracted) {
      if (!validSpan(e.quote, article.body)) continue;
      if (kept.some((k) => overlapShare(k, e.quote) >= 0.5)) continue;
      const index = this.people.resolutionIndex();
      const at = e.speaker ?? e.quote;
      const r = resolveSpeaker(
        index,
        { speakerName: e.speakerName, mention: e.speaker?.text ?? null, speakerRole: e.speakerRole, date: article.publishedAt, text: article.body, at: at.start, atEnd: at.end },
        memo,
      );
      let personId = r.personId;
      let by: string | null = r.by;
      if (personId === null && r.foundName) {
        personId = this.people.ensure(r.foundName, 'found');
        by = 'found';
      }
      const quoteText = article.body.slice(e.quote.start, e.quote.end);
      const cue = e.cue && validSpan(e.cue, article.body) ? e.cue : null;
      const mention = e.speaker && validSpan(e.speaker, article.body) ? e.speaker : null;
      this.insertStmt.run(
        article.id, e.kind, e.quote.start, e.quote.end, quoteText, foldedWords(quoteText).join(' '),
        cue?.start ?? null, cue?.end ?? null, cue ? article.body.slice(cue.start, cue.end) : null,
        mention?.start ?? null, mention?.end ?? null, mention ? article.body.slice(mention.start, mention.end) : null,
        e.speakerName, e.speakerRole, personId, by, 'auto', 0, version, now, now,
      );
      added++;
    }
    return { added, speakers: this.syncSpeakers(article.id) };
  }

  /**
   * Carries an analyst's statements of an article's older version (re-imported with another
   * encoding) to the new version, where their quote is found in the new text (the occurrence
   * nearest the old offset). Call inside a transaction, before writing the new extraction.
   */
  carryOver(oldId: number, article: StatementArticle): number {
    const rows = this.db
      .prepare("SELECT * FROM statements WHERE article_id = ? AND (status <> 'auto' OR speaker_by_analyst = 1) ORDER BY quote_start")
      .all(oldId) as Array<Record<string, unknown>>;
    let n = 0;
    const now = new Date().toISOString();
    for (const r of rows) {
      const q = nearestIndex(article.body, r.quote_text as string, r.quote_start as number);
      if (q < 0) continue;
      const shift = q - (r.quote_start as number);
      const moved = (s: unknown, e: unknown, text: unknown) => {
        if (s === null || typeof text !== 'string') return [null, null, null] as const;
        const at = nearestIndex(article.body, text, (s as number) + shift);
        return at < 0 ? ([null, null, null] as const) : ([at, at + text.length, text] as const);
      };
      const cue = moved(r.cue_start, r.cue_end, r.cue_text);
      const mention = moved(r.mention_start, r.mention_end, r.mention_text);
      this.insertStmt.run(
        article.id, r.kind, q, q + (r.quote_text as string).length, r.quote_text, r.quote_folded, ...cue, ...mention,
        r.speaker_name_raw, r.speaker_role_raw, r.person_id, r.resolved_by, r.status, r.speaker_by_analyst, r.extractor_version,
        r.created_at, now,
      );
      n++;
    }
    return n;
  }

  /** Rewrites an article's rows in article_speakers from its statements; returns them for the search catalog. */
  syncSpeakers(articleId: number): ArticleSpeakers {
    const counts = new Map<string, number>();
    for (const pid of this.selectPersons.all(articleId) as number[]) {
      const name = this.people.nameOf(pid);
      if (name) counts.set(name, (counts.get(name) ?? 0) + 1);
    }
    this.deleteSpeakers.run(articleId);
    const out: ArticleSpeakers = [];
    for (const [name, n] of counts) {
      this.insertSpeaker.run(articleId, name, n);
      out.push({ name, statements: n });
    }
    return out;
  }

  /** Articles with statements attributed to any of these people. */
  articlesOf(personIds: number[]): number[] {
    return this.db
      .prepare('SELECT DISTINCT article_id FROM statements WHERE person_id IN (SELECT value FROM json_each(?))')
      .pluck()
      .all(JSON.stringify(personIds)) as number[];
  }

  /** One statement, or undefined. */
  get(id: number): Statement | undefined {
    const r = this.db.prepare(`${SELECT} WHERE s.id = ?`).get(id) as Row | undefined;
    return r && this.record(r);
  }

  /** The raw article id and status of a statement. */
  meta(id: number): { articleId: number; status: StatementStatus } | undefined {
    return this.db.prepare('SELECT article_id AS articleId, status FROM statements WHERE id = ?').get(id) as
      | { articleId: number; status: StatementStatus }
      | undefined;
  }

  /** An article's statements in text order, rejected ones included. */
  forArticle(articleId: number): Statement[] {
    return (this.db.prepare(`${SELECT} WHERE s.article_id = ? ORDER BY s.quote_start, s.id`).all(articleId) as Row[]).map((r) => this.record(r));
  }

  /** Sets a statement's status (an analyst's verdict). */
  setStatus(id: number, status: StatementStatus): void {
    this.db.prepare('UPDATE statements SET status = ?, updated_at = ? WHERE id = ?').run(status, new Date().toISOString(), id);
  }

  /** Sets the speaker an analyst chose. */
  setSpeaker(id: number, personId: number | null): void {
    this.db
      .prepare("UPDATE statements SET person_id = ?, speaker_by_analyst = 1, resolved_by = 'analyst', updated_at = ? WHERE id = ?")
      .run(personId, new Date().toISOString(), id);
  }

  /**
   * Adds a statement an analyst marked. An automatic statement it overlaps by half or more is
   * the same statement found less well: it goes (re-extraction would not add it again either).
   * Returns the new statement's id.
   */
  createManual(article: StatementArticle, start: number, end: number, kind: StatementKind, personId: number | null): number {
    const autos = this.db
      .prepare("SELECT id, quote_start AS start, quote_end AS end FROM statements WHERE article_id = ? AND status = 'auto' AND speaker_by_analyst = 0")
      .all(article.id) as Array<{ id: number; start: number; end: number }>;
    const drop = this.db.prepare('DELETE FROM statements WHERE id = ?');
    for (const a of autos) if (overlapShare(a, { start, end }) >= 0.5) drop.run(a.id);
    const now = new Date().toISOString();
    const text = article.body.slice(start, end);
    return Number(
      this.insertStmt.run(
        article.id, kind, start, end, text, foldedWords(text).join(' '), null, null, null, null, null, null, null, null,
        personId, personId === null ? null : 'analyst', 'manual', personId === null ? 0 : 1, null, now, now,
      ).lastInsertRowid,
    );
  }

  /**
   * Statements matching a query, newest article first. `personIds` (already resolved from the
   * speaker argument) limits them to those people; null = anyone.
   */
  query(q: StatementQuery, personIds: number[] | null): { total: number; statements: Statement[] } {
    const where = ['a.superseded_by IS NULL'];
    const params: unknown[] = [];
    if (personIds) {
      where.push('s.person_id IN (SELECT value FROM json_each(?))');
      params.push(JSON.stringify(personIds));
    }
    if (q.status) {
      where.push('s.status = ?');
      params.push(q.status);
    } else where.push("s.status <> 'rejected'");
    for (const w of foldedWords(q.query ?? '')) {
      where.push("(' ' || s.quote_folded) LIKE ? ESCAPE '\\'");
      params.push(`% ${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    }
    if (q.from) {
      where.push('a.published_at IS NOT NULL AND substr(a.published_at, 1, 10) >= ?');
      params.push(q.from);
    }
    if (q.to) {
      where.push('a.published_at IS NOT NULL AND substr(a.published_at, 1, ?) <= ?');
      params.push(q.to.length, q.to);
    }
    if (q.tag) {
      where.push('EXISTS (SELECT 1 FROM article_tags t WHERE t.article_id = s.article_id AND lower(t.tag) = lower(?))');
      params.push(q.tag);
    }
    const cond = where.join(' AND ');
    const total = this.db.prepare(`SELECT count(*) FROM statements s JOIN articles a ON a.id = s.article_id WHERE ${cond}`).pluck().get(...params) as number;
    const limit = q.limit ?? 50;
    const rows = this.db
      .prepare(`${SELECT} WHERE ${cond} ORDER BY a.published_at IS NULL, a.published_at DESC, s.article_id DESC, s.quote_start LIMIT ? OFFSET ?`)
      .all(...params, limit < 0 ? -1 : limit, q.offset ?? 0) as Row[];
    return { total, statements: rows.map((r) => this.record(r)) };
  }

  private record(r: Row): Statement {
    const span = (s: number | null, e: number | null, t: string | null) => (s === null || e === null || t === null ? null : { start: s, end: e, text: t });
    let speaker: Statement['speaker'] = null;
    if (r.person_id !== null) {
      const root = this.people.root(r.person_id);
      const role = this.people.roleOn(root, r.published_at);
      speaker = { personId: root, name: this.people.nameOf(root) ?? '?', role: role ? roleLabel(role) : null };
    }
    return {
      id: r.id,
      articleId: r.article_id,
      articleTitle: r.title,
      source: r.source,
      date: r.published_at,
      kind: r.kind,
      quote: { start: r.quote_start, end: r.quote_end, text: r.quote_text },
      cue: span(r.cue_start, r.cue_end, r.cue_text),
      mention: span(r.mention_start, r.mention_end, r.mention_text),
      speaker,
      status: r.status,
      speakerByAnalyst: r.speaker_by_analyst === 1,
    };
  }
}

/** A role as one line: "State Department spokesman, United States Department of State". */
export function roleLabel(r: { title: string; org: string | null }): string {
  return r.org && !r.title.toLowerCase().includes(r.org.toLowerCase()) ? `${r.title}, ${r.org}` : r.title;
}

/** True when a span lies inside the text and is not empty. */
function validSpan(s: { start: number; end: number }, text: string): boolean {
  return Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.end <= text.length && s.start < s.end;
}

/** The occurrence of `needle` in `text` nearest to `near`, or -1. */
function nearestIndex(text: string, needle: string, near: number): number {
  if (!needle) return -1;
  let best = -1;
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
    if (best < 0 || Math.abs(at - near) < Math.abs(best - near)) best = at;
    if (at > near) break;
  }
  return best;
}
