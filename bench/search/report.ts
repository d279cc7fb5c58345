/** Printing the figures: one block per engine, then a side-by-side table per dataset. */
import { MB } from './cache';
import type { Outcome } from './dataset';
import { QUERY_KINDS, type BuildFigures, type EngineName, type KindFigures, type MeasureFigures } from './types';

/** Both children's outcomes of one engine on one dataset. */
export interface EngineRun {
  engine: EngineName;
  build: Outcome<BuildFigures>;
  measure: Outcome<MeasureFigures> | null;
  notes: string[];
}

const mb = (bytes: number) => (bytes / MB).toFixed(1);
const ms = (v: number) => (Number.isFinite(v) ? (v < 10 ? v.toFixed(2) : v < 100 ? v.toFixed(1) : v.toFixed(0)) : '-');
const num = (v: number) => (Number.isFinite(v) ? (v < 100 ? v.toFixed(1) : Math.round(v).toLocaleString('en')) : '-');

/** A text table: first column left-aligned, the others right-aligned. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].map((l) => `  ${l}`).join('\n');
}

/** The figures of one engine on one dataset. */
export function printEngine(dataset: string, run: EngineRun): void {
  console.log(`\n== ${run.engine} on ${dataset}`);
  if (!run.build.ok) {
    console.log(`  build: FAILED: ${run.build.error}`);
    return;
  }
  const b = run.build.value;
  // Build figures: measured inside the build child (see the adapter), cached with the build.
  console.log(
    `  build ${b.buildS.toFixed(1)} s` + (b.persistS ? ` + persist ${b.persistS.toFixed(1)} s` : '') +
      (b.readRowsS ? ` (reading rows from the archive first: ${b.readRowsS.toFixed(1)} s, not counted)` : '') +
      `; ${b.documents.toLocaleString('en')} documents; peak RSS of the build process ${mb(b.peakRssBytes)} MB; built ${b.builtAt}`,
  );
  const parts = Object.entries(b.sizes).map(([k, v]) => (k.includes('chars') ? `${k} ${v.toLocaleString('en')}` : `${k} ${mb(v)} MB`));
  console.log(`  persisted ${mb(b.persistedBytes)} MB (${parts.join(', ')})`);
  for (const n of b.notes) console.log(`  build note: ${n}`);
  if (!run.measure) return;
  if (!run.measure.ok) {
    console.log(`  measure: FAILED: ${run.measure.error}`);
    return;
  }
  const m = run.measure.value;
  // Memory: process.memoryUsage() after a forced GC; peak = process.resourceUsage().maxRSS.
  console.log(
    `  open to first result ${ms(m.openToFirstMs)} ms${m.openToHitsMs === undefined ? '' : ` (hits in at ${ms(m.openToHitsMs)} ms)`}; RSS before open ${mb(m.baselineRssBytes)} MB, after open ${mb(m.rssAfterOpenBytes)} MB, ` +
      `peak over open and queries ${mb(m.peakRssBytes)} MB; heap used after open ${mb(m.heapUsedAfterOpenBytes)} MB, after queries ${mb(m.heapUsedAfterQueriesBytes)} MB`,
  );
  for (const n of m.notes) console.log(`  open note: ${n}`);
  console.log(
    table(
      ['kind', 'queries', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'mean hits', 'failed', 'skipped'],
      m.kinds.map((k) => [k.kind, String(k.count), ms(k.p50), ms(k.p95), ms(k.p99), ms(k.max), num(k.meanHits), String(k.failures), String(k.skipped)]),
    ),
  );
  for (const k of m.kinds.filter((x) => x.firstError)) console.log(`  first ${k.kind} failure: ${k.firstError}`);
  for (const n of run.notes) console.log(`  note: ${n}`);
}

/** The median of a list (the lower middle for an even count); NaN for none. */
function median(values: number[]): number {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)]! : NaN;
}

/**
 * One engine's runs over several rounds as one run: each kind's p50, p95 and p99 are the
 * medians over the rounds, open to first result too; memory and hits are the first round's.
 * A single run is returned as it is.
 */
export function medianRun(runs: EngineRun[]): EngineRun {
  const ok = runs.map((r) => r.measure).filter((m): m is Extract<Outcome<MeasureFigures>, { ok: true }> => m?.ok === true);
  if (runs.length === 1 || ok.length === 0) return runs[0]!;
  const first = ok[0]!.value;
  const kinds = first.kinds.map((k) => {
    const same = ok.map((m) => m.value.kinds.find((x) => x.kind === k.kind)).filter((x): x is KindFigures => x !== undefined);
    return { ...k, p50: median(same.map((x) => x.p50)), p95: median(same.map((x) => x.p95)), p99: median(same.map((x) => x.p99)) };
  });
  const value: MeasureFigures = {
    ...first,
    openToFirstMs: median(ok.map((m) => m.value.openToFirstMs)),
    ...(first.openToHitsMs === undefined ? {} : { openToHitsMs: median(ok.map((m) => m.value.openToHitsMs ?? NaN)) }),
    kinds,
    notes: [...first.notes, `p50, p95, p99 and open to first result: medians over ${ok.length} rounds`],
  };
  return { ...runs[0]!, measure: { ...ok[0]!, value } };
}

/**
 * Per kind, each Wirewatch engine's p95 over the baselines' p95 taken within the same round:
 * median, lowest and highest over the rounds.
 */
export function printRoundRatios(dataset: string, rounds: EngineRun[][]): void {
  const p95 = (round: EngineRun[], e: EngineName, kind: string) => {
    const m = round.find((r) => r.engine === e)?.measure;
    return m?.ok ? m.value.kinds.find((k) => k.kind === kind)?.p95 : undefined;
  };
  const engines = rounds[0]!.map((r) => r.engine);
  const pairs: Array<[EngineName, EngineName]> = [];
  for (const ours of ['wirewatch', 'wirewatch-first', 'wirewatch-page'] as const) {
    for (const base of ['fts5', 'fts5-porter'] as const) if (engines.includes(ours) && engines.includes(base)) pairs.push([ours, base]);
  }
  if (pairs.length === 0) return;
  console.log(`\n== ${dataset}: p95 ratios within each of ${rounds.length} rounds (median, lowest–highest)`);
  const rows = QUERY_KINDS.map((kind) => [
    kind,
    ...pairs.map(([a, b]) => {
      const ratios = rounds.map((round) => (p95(round, a, kind) ?? NaN) / (p95(round, b, kind) ?? NaN)).filter(Number.isFinite);
      return ratios.length ? `${median(ratios).toFixed(2)} (${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)})` : '-';
    }),
  ]);
  console.log(table(['kind', ...pairs.map(([a, b]) => `${a} / ${b}`)], rows));
}

/** Per kind: p95 of each engine, the ratios wirewatch/fts5 and wirewatch/minisearch, hits, and agreement of totals. */
export function printSideBySide(dataset: string, runs: EngineRun[]): void {
  const measured = new Map<EngineName, MeasureFigures>();
  const built = new Map<EngineName, BuildFigures>();
  for (const r of runs) {
    if (r.measure?.ok) measured.set(r.engine, r.measure.value);
    if (r.build.ok) built.set(r.engine, r.build.value);
  }
  const engines = runs.map((r) => r.engine);
  const kindOf = (e: EngineName, kind: string): KindFigures | undefined => measured.get(e)?.kinds.find((k) => k.kind === kind);
  const ratio = (a?: number, b?: number) => (a !== undefined && b !== undefined && Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${(a / b).toFixed(1)}x` : '-');
  // Share of queries whose total is within 5% of fts5's (exact boolean semantics, the reference
  // here). The tolerance absorbs tokenizer differences: MiniSearch's default tokenizer does not
  // split on symbols, so `<BANK>` is one token there and two separators and a word in FTS5.
  const agree = (e: EngineName, kind: string) => {
    const a = kindOf(e, kind)?.totals;
    const f = kindOf('fts5', kind)?.totals;
    if (!a || !f || e === 'fts5') return '-';
    const n = Math.min(a.length, f.length);
    let same = 0;
    for (let i = 0; i < n; i++) {
      const [x, y] = [a[i], f[i]];
      if (x !== null && x !== undefined && y !== null && y !== undefined && Math.abs(x - y) <= 0.05 * y) same++;
    }
    return n ? `${Math.round((100 * same) / n)}%` : '-';
  };

  console.log(`\n== ${dataset}: side by side`);
  const header = ['kind', ...engines.map((e) => `${e} p95 ms`)];
  const hasRatios = engines.includes('wirewatch');
  const hasPage = engines.includes('wirewatch-page');
  const hasFirst = engines.includes('wirewatch-first');
  if (hasRatios && engines.includes('fts5')) header.push('ww/fts5');
  if (hasFirst && engines.includes('fts5')) header.push('first/fts5');
  if (hasPage && engines.includes('fts5')) header.push('page/fts5');
  if (hasFirst && engines.includes('fts5-porter')) header.push('first/porter');
  if (hasPage && engines.includes('fts5-porter')) header.push('page/porter');
  if (hasRatios && engines.includes('minisearch')) header.push('ww/ms');
  header.push(`mean hits (${engines.join(' / ')})`);
  const others = engines.filter((e) => e !== 'fts5');
  if (engines.includes('fts5') && others.length) header.push(`total within 5% of fts5 (${others.join(' / ')})`);
  const rows = QUERY_KINDS.map((kind) => {
    // A star marks a kind cut short by the time budget (its p95 is over the first queries only).
    const p95 = (e: EngineName) => {
      const k = kindOf(e, kind);
      return k ? `${ms(k.p95)}${k.skipped ? '*' : ''}` : '-';
    };
    const row = [kind, ...engines.map(p95)];
    if (hasRatios && engines.includes('fts5')) row.push(ratio(kindOf('wirewatch', kind)?.p95, kindOf('fts5', kind)?.p95));
    if (hasFirst && engines.includes('fts5')) row.push(ratio(kindOf('wirewatch-first', kind)?.p95, kindOf('fts5', kind)?.p95));
    if (hasPage && engines.includes('fts5')) row.push(ratio(kindOf('wirewatch-page', kind)?.p95, kindOf('fts5', kind)?.p95));
    if (hasFirst && engines.includes('fts5-porter')) row.push(ratio(kindOf('wirewatch-first', kind)?.p95, kindOf('fts5-porter', kind)?.p95));
    if (hasPage && engines.includes('fts5-porter')) row.push(ratio(kindOf('wirewatch-page', kind)?.p95, kindOf('fts5-porter', kind)?.p95));
    if (hasRatios && engines.includes('minisearch')) row.push(ratio(kindOf('wirewatch', kind)?.p95, kindOf('minisearch', kind)?.p95));
    row.push(engines.map((e) => num(kindOf(e, kind)?.meanHits ?? NaN)).join(' / '));
    if (engines.includes('fts5') && others.length) row.push(others.map((e) => agree(e, kind)).join(' / '));
    return row;
  });
  console.log(table(header, rows));
  if (runs.some((r) => r.measure?.ok && r.measure.value.kinds.some((k) => k.skipped))) {
    console.log('  * stopped by the time budget (--budget): p95 of the queries run before it, agreement over those');
  }

  const fig = (e: EngineName, f: (b: BuildFigures | undefined, m: MeasureFigures | undefined) => string) => f(built.get(e), measured.get(e));
  console.log(
    table(
      ['', ...engines],
      [
        ['build s (+ persist s)', ...engines.map((e) => fig(e, (b) => (b ? `${b.buildS.toFixed(1)}${b.persistS ? ` + ${b.persistS.toFixed(1)}` : ''}` : '-')))],
        ['index alone: rebuild s', ...engines.map((e) => fig(e, (b) => (b?.reindexS !== undefined ? b.reindexS.toFixed(1) : '-')))],
        ['persisted MB', ...engines.map((e) => fig(e, (b) => (b ? mb(b.persistedBytes) : '-')))],
        ['open to first result ms', ...engines.map((e) => fig(e, (_, m) => (m ? ms(m.openToFirstMs) : '-')))],
        ['  of which hits in at ms', ...engines.map((e) => fig(e, (_, m) => (m?.openToHitsMs !== undefined ? ms(m.openToHitsMs) : '-')))],
        ['RSS after open MB', ...engines.map((e) => fig(e, (_, m) => (m ? mb(m.rssAfterOpenBytes) : '-')))],
        ['peak RSS MB (open + queries)', ...engines.map((e) => fig(e, (_, m) => (m ? mb(m.peakRssBytes) : '-')))],
        ['heap used after open MB', ...engines.map((e) => fig(e, (_, m) => (m ? mb(m.heapUsedAfterOpenBytes) : '-')))],
        ['failed queries', ...engines.map((e) => fig(e, (_, m) => (m ? String(m.kinds.reduce((s, k) => s + k.failures, 0)) : '-')))],
      ],
    ),
  );
}
