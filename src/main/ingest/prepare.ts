import { createHash } from 'node:crypto';
import type { PreparedArticle } from '../archive';
import { resolvePublicationDate } from './dates';
import { parseLooseDate } from './dates/loose';
import type { Format } from './formats';
import { detectLanguage } from './language';
import { bandKeys, shingles } from './near-duplicates';
import { analyseArticle } from '../search/analyse';
import type { ParsedArticle } from './parsed';
import { extractStatements } from '../statements/extract';

/** SHA-256 of bytes or text, hex. */
export function sha256(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Context of the file an article came from. */
export interface PrepareContext {
  format: Format;
  /** The whole decoded file, for date bounds of single-article pages. */
  pageText: string;
  fileTime: Date | null;
  /** The outlet given for the import, used when the file names none. */
  source: string | null;
}

/**
 * Turns what a reader found into an article ready to store: a title (the first sentence when
 * the item has none), the date (as given, parsed from the source's own text, or found and
 * inferred in the page), the language (declared, else detected), the text hash and the
 * near-duplicate signature. An item with neither title nor text is kept as "(untitled ...)",
 * with a warning: it exists in its source.
 */
export function prepareArticle(p: ParsedArticle, ctx: PrepareContext, warnings: string[], label: string): PreparedArticle {
  const paragraphs = p.paragraphs.map((x) => x.trim()).filter(Boolean);
  const body = paragraphs.join('\n\n');
  let title = (p.title ?? '').replace(/\s+/g, ' ').trim();
  if (!title && !body) {
    // Kept, not dropped: the record exists in its source (date, facets, id) even if empty.
    title = `(untitled${p.itemKey ? ` item ${p.itemKey}` : ''})`;
    warnings.push(`${label}: no title and no text in the source`);
  } else if (!title) {
    title = firstSentence(paragraphs[0]!);
    warnings.push(`${label}: no headline; the first sentence stands in for it`);
  }

  let date: Pick<PreparedArticle, 'publishedAt' | 'datePrecision' | 'dateInferred' | 'dateNote' | 'dateEvidence'> = {
    publishedAt: null,
    datePrecision: null,
    dateInferred: false,
    dateNote: null,
    dateEvidence: null,
  };
  if (p.published) {
    date = { publishedAt: p.published.value, datePrecision: p.published.precision, dateInferred: false, dateNote: p.published.note, dateEvidence: null };
  } else if (p.publishedRaw !== undefined && p.publishedRaw !== null && String(p.publishedRaw).trim()) {
    const parsed = parseLooseDate(String(p.publishedRaw));
    if (parsed) date = { publishedAt: parsed.value, datePrecision: parsed.precision, dateInferred: false, dateNote: parsed.note, dateEvidence: null };
    else warnings.push(`${label}: date not understood: "${String(p.publishedRaw).slice(0, 80)}"`);
  }
  if (!date.publishedAt && (ctx.format === 'text' || ctx.format === 'html')) {
    const r = resolvePublicationDate({ paragraphs, headerLines: p.headerLines ?? [], pageText: ctx.pageText, fileTime: ctx.fileTime });
    date = { publishedAt: r.publishedAt, datePrecision: r.precision, dateInferred: r.inferred, dateNote: r.note, dateEvidence: r.evidence };
  }

  const set = shingles(body);
  const prepared: PreparedArticle = {
    title,
    body,
    source: p.source?.trim() || ctx.source,
    agency: p.agency ?? null,
    dateline: p.dateline ?? null,
    ...date,
    imageCredit: p.imageCredit ?? null,
    imageCaption: p.imageCaption ?? null,
    url: p.url ?? null,
    language: p.language?.toLowerCase() || detectLanguage(`${title}\n${body}`),
    authors: p.authors ?? [],
    modifiedAt: p.modifiedAt ?? null,
    summaryOnly: p.summaryOnly ?? false,
    itemKey: p.itemKey ?? null,
    facets: p.facets ?? {},
    textHash: sha256(normaliseForHash(`${title}\n${body}`)),
    shingles: set,
    bandKeys: bandKeys(set),
  };
  // Analysed for the full-text index here, on the reader thread, so the storing thread only inserts.
  prepared.analysed = analyseArticle(prepared.title, prepared.body, prepared.language);
  // Statements too (offsets into the body); speakers are resolved where the article is stored.
  try {
    prepared.statements = extractStatements(prepared.body, { language: prepared.language });
  } catch (e) {
    prepared.statements = [];
    warnings.push(`${label}: statements not extracted: ${(e as Error).message}`);
  }
  return prepared;
}

function normaliseForHash(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

function firstSentence(p: string): string {
  const m = /^(.{20,160}?[.!?])(\s|$)/u.exec(p);
  return (m?.[1] ?? p.slice(0, 120)).trim();
}
