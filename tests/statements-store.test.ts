/**
 * Statements through the real import path (the reference article, the fixture registry and
 * whichever extractor the build has): storage, the analyst's work surviving re-extraction,
 * people merges, aliases in Cyrillic, the search integration, and atomicity with the article.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Statement } from '../src/shared/types';
import { ArticleStore, combineIndexers, openArchiveDb } from '../src/main/archive';
import { readAndPrepare } from '../src/main/ingest/read-file';
import { FullTextIndex } from '../src/main/search';
import { openStatements } from '../src/main/statements';
import { openWorkbench, type Workbench } from '../src/main/workbench';
import { OFFICIALS_SAMPLE } from './helpers/people';
import { SEED_FILE, tempDir } from './helpers/paths';

let dir: string;
let dbPath: string;
let wb: Workbench;
let articleId: number;

const open = () => openWorkbench({ dbPath, officialsPath: OFFICIALS_SAMPLE });
const api = () => wb.api;
const personId = async (name: string) => (await api()['people.search']({ prefix: name, limit: 1 })).people[0]!.id;
const all = async () => (await api()['statements.forArticle']({ articleId })).statements;
const byMention = async (mention: string) => (await all()).find((s) => s.mention?.text === mention)!;
const quoteOf = (body: string, phrase: string) => ({ start: body.indexOf(phrase), end: body.indexOf(phrase) + phrase.length });

beforeEach(async () => {
  dir = tempDir();
  dbPath = path.join(dir, 'w.db');
  wb = open();
  const r = await wb.api['import.paths']({ paths: [SEED_FILE] });
  expect(r.imported).toBe(1);
  articleId = (r.outcomes[0] as { articleId: number }).articleId;
});
afterEach(() => {
  wb.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('statements stored on import', () => {
  it('stores the article\'s statements with offsets into its body, speakers resolved against the registry', async () => {
    const { body } = await api()['articles.get']({ id: articleId });
    const list = await all();
    expect(list.length).toBeGreaterThanOrEqual(2);
    for (const s of list) {
      expect(body.slice(s.quote.start, s.quote.end)).toBe(s.quote.text);
      if (s.cue) expect(body.slice(s.cue.start, s.cue.end)).toBe(s.cue.text);
      if (s.mention) expect(body.slice(s.mention.start, s.mention.end)).toBe(s.mention.text);
      expect(s).toMatchObject({ articleId, date: '2022-01-10', status: 'auto', speakerByAnalyst: false });
    }
    // "Borrel" (sic) is Josep Borrell: the article gives "the head of EU diplomacy, Josep Borrel".
    const borrel = await byMention('Borrel');
    expect(borrel.speaker).toMatchObject({ name: 'Josep Borrell' });
    expect(borrel.speaker!.role).toMatch(/High Representative.*European Union/);
    expect(borrel.quote.text).toMatch(/^Experience shows that when Russians come, it is difficult for them to leave/);
  });

  it('finds them by speaker name, alias in Cyrillic, prefix, words of the quote and dates', async () => {
    const byName = await api()['statements.query']({ speaker: 'Josep Borrell' });
    expect(byName.total).toBeGreaterThanOrEqual(1);
    expect(byName.statements.every((s) => s.speaker?.name === 'Josep Borrell')).toBe(true);
    expect((await api()['statements.query']({ speaker: 'Боррель' })).statements.map((s) => s.id)).toEqual(byName.statements.map((s) => s.id));
    expect((await api()['statements.query']({ speaker: 'borrel' })).total).toBe(byName.total);
    expect((await api()['statements.query']({ personId: await personId('Josep Borrell') })).total).toBe(byName.total);
    expect((await api()['statements.query']({ speaker: 'Josep Borrell', query: 'RUSSIANS difficult' })).total).toBe(1);
    expect((await api()['statements.query']({ speaker: 'Josep Borrell', query: 'russians nowhere' })).total).toBe(0);
    expect((await api()['statements.query']({ speaker: 'Josep Borrell', from: '2022-01', to: '2022-01-10' })).total).toBe(byName.total);
    expect((await api()['statements.query']({ speaker: 'Josep Borrell', from: '2022-01-11' })).total).toBe(0);
    expect((await api()['statements.query']({ speaker: 'Nobody Atall' })).total).toBe(0);
  });

  it('checks arguments', async () => {
    await expect(api()['statements.query']({ from: '2022-13' })).rejects.toMatchObject({ code: 'bad_request', message: /from must be a date/ });
    await expect(api()['statements.query']({ status: 'maybe' as never })).rejects.toMatchObject({ code: 'bad_request' });
    await expect(api()['statements.verify']({ id: 9999 })).rejects.toMatchObject({ code: 'not_found' });
    await expect(api()['statements.forArticle']({ articleId: 'x' as never })).rejects.toMatchObject({ code: 'bad_request' });
    await expect(api()['statements.extract']({ articleIds: [articleId, 777] })).rejects.toMatchObject({ code: 'not_found', message: /777/ });
    await expect(api()['statements.create']({ articleId, start: 10, end: 5 })).rejects.toMatchObject({ code: 'bad_request' });
    await expect(api()['statements.create']({ articleId, start: 0, end: 1e6 })).rejects.toMatchObject({ code: 'bad_request', message: /article body/ });
    await expect(api()['people.merge']({ keep: 1, merge: 1 })).rejects.toMatchObject({ code: 'bad_request' });
    await expect(api()['people.split']({ id: 1 })).rejects.toMatchObject({ code: 'bad_request', message: /not merged/ });
    await expect(api()['people.addRole']({ id: 1, title: 'X', from: 'soon' })).rejects.toMatchObject({ code: 'bad_request' });
  });
});

describe('the analyst\'s work survives re-extraction', () => {
  it('keeps verified, rejected and manual statements and speakers an analyst set', async () => {
    const { body } = await api()['articles.get']({ id: articleId });
    const borrel = await byMention('Borrel');
    const he = (await all()).find((s) => s.quote.text.startsWith('They should leave Kazakhstan'))!;
    const price = await personId('Ned Price');
    const blinken = await personId('Блинкен');

    expect((await api()['statements.verify']({ id: borrel.id })).status).toBe('verified');
    const setSpeaker = await api()['statements.setSpeaker']({ id: he.id, personId: price });
    expect(setSpeaker).toMatchObject({ speaker: { personId: price, name: 'Ned Price' }, speakerByAnalyst: true });
    // A statement the extractor may not find: the analyst marks it from a selection.
    const q = quoteOf(body, 'when Russia comes to your home, then sometimes it is difficult to get her to leave.');
    const manual = await api()['statements.create']({ articleId, ...q, name: 'Блинкен' });
    expect(manual).toMatchObject({ status: 'manual', kind: 'direct', speaker: { personId: blinken, name: 'Antony Blinken' }, quote: { text: body.slice(q.start, q.end) } });
    const before = await all();
    // The analyst's statement stands in for an automatic one over the same words.
    expect(before.filter((s) => s.quote.start < q.end && s.quote.end > q.start)).toHaveLength(1);

    const r = await api()['statements.extract']({});
    expect(r.articles).toBe(1);
    const after = await all();
    expect((await byMention('Borrel')).status).toBe('verified');
    expect(after.find((s) => s.id === he.id)).toMatchObject({ speaker: { name: 'Ned Price' }, speakerByAnalyst: true });
    expect(after.find((s) => s.id === manual.id)).toMatchObject({ status: 'manual', speaker: { name: 'Antony Blinken' } });
    // Nothing extracted again over what the analyst kept: one statement per quote still.
    const overlapping = (s: Statement, k: Statement) => Math.min(s.quote.end, k.quote.end) - Math.max(s.quote.start, k.quote.start) > 0;
    for (const k of [borrel, he, manual]) expect(after.filter((s) => overlapping(s, k))).toHaveLength(1);
    expect(after.length).toBe(before.length);
    // Ned Price is now a speaker of the article for search.
    expect((await api()['search.query']({ query: 'speaker:"Ned Price"' })).total).toBe(1);
  });

  it('reads an archive again, in the background, when its statements are another extractor version\'s or missing', async () => {
    const borrel = await byMention('Borrel');
    await api()['statements.verify']({ id: borrel.id });
    const full = (await all()).length;
    wb.close();
    // As an archive of an older Wirewatch: one article's automatic statements gone (imported
    // before statements existed), the version mark of another extractor.
    const db = openArchiveDb(dbPath);
    db.prepare("DELETE FROM statements WHERE article_id = ? AND status = 'auto'").run(articleId);
    db.prepare("UPDATE meta SET value = '1' WHERE key = 'statements_extractor'").run();
    db.close();

    wb = open();
    // Calls are answered at once, saying the archive is being read again; the statements come back a chunk at a time.
    expect((await all()).length).toBe(1);
    expect((await api()['statements.query']({})).notice).toMatch(/being read again .*\(0% done\)/);
    for (let i = 0; i < 100 && (await all()).length < full; i++) await new Promise((r) => setTimeout(r, 20));
    const after = await all();
    expect(after).toHaveLength(full);
    expect((await byMention('Borrel')).status).toBe('verified');
    expect((await api()['search.query']({ query: 'speaker:"Antony Blinken"' })).total).toBe(1);
    expect((await api()['statements.query']({})).notice).toBeUndefined();
    wb.close();
    // Done once: the next open reads nothing again, and the CLI's way catches up before answering.
    const db2 = openArchiveDb(dbPath);
    expect(db2.prepare("SELECT value FROM meta WHERE key = 'statements_extractor'").pluck().get()).not.toBe('1');
    db2.prepare("DELETE FROM statements WHERE status = 'auto'").run();
    db2.prepare("UPDATE meta SET value = '1' WHERE key = 'statements_extractor'").run();
    db2.close();
    wb = openWorkbench({ dbPath, officialsPath: OFFICIALS_SAMPLE, buildIndexNow: true });
    expect(await all()).toHaveLength(full);
  });

  it('keeps a rejected statement rejected and out of listings', async () => {
    const borrel = await byMention('Borrel');
    const total = (await api()['statements.query']({})).total;
    await api()['statements.reject']({ id: borrel.id });
    expect((await api()['statements.query']({})).total).toBe(total - 1);
    await api()['statements.extract']({ articleIds: [articleId] });
    expect((await api()['statements.query']({})).total).toBe(total - 1);
    const rejected = await api()['statements.query']({ status: 'rejected' });
    expect(rejected.statements.map((s) => s.id)).toEqual([borrel.id]);
    // The rejected one no longer makes Borrell a speaker of the article (unless another statement does).
    const borrellLeft = (await all()).filter((s) => s.status !== 'rejected' && s.speaker?.name === 'Josep Borrell').length;
    expect((await api()['search.query']({ query: 'speaker:"Josep Borrell"' })).total).toBe(borrellLeft ? 1 : 0);
  });
});

describe('a new version of an article', () => {
  it('carries the analyst\'s statements over when the article is re-imported with another encoding', async () => {
    const borrel = await byMention('Borrel');
    await api()['statements.verify']({ id: borrel.id });
    const total = (await api()['statements.query']({})).total;
    const r = await api()['articles.reimport']({ id: articleId, encoding: 'windows-1252' });
    const newId = (r.outcomes[0] as { articleId: number }).articleId;
    expect(newId).not.toBe(articleId);
    const carried = (await api()['statements.forArticle']({ articleId: newId })).statements;
    expect(carried.filter((s) => s.status === 'verified')).toMatchObject([{ quote: borrel.quote, speaker: { name: 'Josep Borrell' } }]);
    expect(carried).toHaveLength((await all()).length);
    // Listings show the current version only.
    const listed = await api()['statements.query']({});
    expect(listed.total).toBe(total);
    expect(new Set(listed.statements.map((s) => s.articleId))).toEqual(new Set([newId]));
  });
});

describe('people', () => {
  it('merges a person into another and splits them again, statements following', async () => {
    const borrell = await personId('Josep Borrell');
    const borrel = await byMention('Borrel');
    // An analyst attributes the quote to a person typed by name: a new person.
    const moved = await api()['statements.setSpeaker']({ id: borrel.id, name: 'J. Borrell Fontelles' });
    const other = moved.speaker!.personId;
    expect(other).not.toBe(borrell);
    expect((await api()['people.get']({ id: other })).origin).toBe('analyst');
    const count = (await api()['statements.query']({ personId: borrell })).total;

    const merged = await api()['people.merge']({ keep: borrell, merge: other });
    expect(merged.merged).toEqual([{ id: other, name: 'J. Borrell Fontelles' }]);
    expect(merged.aliases).toContain('J. Borrell Fontelles');
    expect((await api()['statements.query']({ personId: borrell })).total).toBe(count + 1);
    expect((await api()['statements.forArticle']({ articleId })).statements.find((s) => s.id === borrel.id)!.speaker!.name).toBe('Josep Borrell');
    expect((await api()['statements.query']({ speaker: 'J. Borrell Fontelles' })).total).toBe(count + 1);
    expect((await api()['people.get']({ id: other })).mergedInto).toBe(borrell);

    const split = await api()['people.split']({ id: other });
    expect(split.mergedInto).toBeNull();
    expect((await api()['statements.query']({ personId: borrell })).total).toBe(count);
    expect((await api()['statements.query']({ personId: other })).total).toBe(1);
  });

  it('autocompletes over names and aliases, Cyrillic too, with the current role; adds aliases and roles', async () => {
    expect((await api()['people.search']({ prefix: 'Бор' })).people.map((p) => p.name)).toEqual(['Josep Borrell']);
    const [lavrov] = (await api()['people.search']({ prefix: 'лавр' })).people;
    expect(lavrov).toMatchObject({ name: 'Sergei Lavrov', matched: 'Лавров', role: 'Minister of Foreign Affairs, Government of Russia' });
    expect((await api()['people.search']({ prefix: 'borrel' })).people[0]!.name).toBe('Josep Borrell');
    expect((await api()['people.search']({ prefix: 'Zakharowa' })).people[0]?.name).toBe('Maria Zakharova'); // a near spelling

    const price = await personId('Ned Price');
    const withAlias = await api()['people.addAlias']({ id: price, alias: 'Эдвард Прайс' });
    expect(withAlias.aliases).toContain('Эдвард Прайс');
    expect((await api()['people.search']({ prefix: 'эдвард' })).people[0]!.id).toBe(price);
    const withRole = await api()['people.addRole']({ id: price, title: 'Deputy Representative to the United Nations', org: 'United States Mission to the United Nations', from: '2024' });
    expect(withRole.roles[0]).toMatchObject({ title: 'Deputy Representative to the United Nations', origin: 'analyst' });
    expect(withRole.role).toMatch(/^Deputy Representative/);
  });
});

describe('search integration', () => {
  it('finds the article by speaker, canonical name or alias, and counts statements by speaker', async () => {
    const borrellStatements = (await all()).filter((s) => s.speaker?.name === 'Josep Borrell').length;
    expect((await api()['search.query']({ query: 'speaker:"Josep Borrell"' })).total).toBe(1);
    expect((await api()['search.query']({ query: 'speaker:Боррель' })).total).toBe(1);
    expect((await api()['search.query']({ query: 'speaker:borrell Kazakhstan' })).total).toBe(1);
    const facets = (await api()['search.query']({ query: 'Kazakhstan' })).facets!;
    expect(facets.speaker).toContainEqual({ value: 'Josep Borrell', count: 1 });
    expect(facets.speakers).toContainEqual({ value: 'Josep Borrell', count: borrellStatements });
    // After reopening, from the archive.
    wb.close();
    wb = open();
    expect((await api()['search.query']({ query: 'speaker:Боррель' })).total).toBe(1);
    expect((await api()['search.query']({ query: 'Kazakhstan' })).facets!.speakers).toContainEqual({ value: 'Josep Borrell', count: borrellStatements });
  });
});

describe('atomicity', () => {
  it('commits an article and its statements together: a failure while storing leaves neither', () => {
    const file = path.join(dir, 'atomic.db');
    const db = openArchiveDb(file);
    const st = openStatements(db, { registryPath: OFFICIALS_SAMPLE });
    const failing = { add: () => { throw new Error('power cut'); }, remove: () => {} };
    const store = new ArticleStore(db, combineIndexers(new FullTextIndex(db), st.indexer, failing));
    const bytes = fs.readFileSync(SEED_FILE);
    const read = readAndPrepare({ bytes, fileName: SEED_FILE, fileTime: null, options: {} });
    if (!read.ok) throw new Error(read.error);
    expect(read.result.prepared[0]!.statements!.length).toBeGreaterThan(0);
    const batch = store.startBatch('test');
    const original = { file: SEED_FILE, fileModifiedAt: null, contentHash: 'x', bytes, encoding: 'utf-8', encodingReason: 'test' };
    expect(() => store.insertFile(batch, original, 'text', read.result.prepared, [], () => null)).toThrow('power cut');
    const n = (t: string) => db.prepare(`SELECT count(*) FROM ${t}`).pluck().get();
    expect([n('articles'), n('statements'), n('article_speakers')]).toEqual([0, 0, 0]);
    // Without the failure, all of them at once.
    const ok = new ArticleStore(db, combineIndexers(new FullTextIndex(db), st.indexer));
    ok.insertFile(batch, original, 'text', read.result.prepared, [], () => null);
    expect(n('articles')).toBe(1);
    expect(n('statements')).toBe(read.result.prepared[0]!.statements!.length);
    db.close();
  });
});
