import { readFileSync } from 'node:fs';
import { test } from 'vitest';
import { findDateMentions, resolvePublicationDate } from '../src/main/ingest/dates';
test('perf', () => {
  const page = readFileSync('/work/shared/data/seed/000_2c03e237f77aa444.txt', 'utf8');
  const cases: Record<string, string> = {
    seed: page.repeat(Math.ceil(5e6 / page.length)),
    dots: '1.'.repeat(2.5e6),
    digits: '1'.repeat(5e6),
    dashes: 'a-'.repeat(2.5e6),
    spaces: ' '.repeat(5e6),
    slash: '03/04/2022 the '.repeat(5e6 / 15),
    words: 'January '.repeat(5e6 / 8),
    times: '12:30 13.11 '.repeat(5e6 / 12),
    cyr: 'в понедельник заявил '.repeat(5e6 / 21),
  };
  for (const [name, text] of Object.entries(cases)) {
    const t0 = performance.now();
    const n = findDateMentions(text).length;
    const t1 = performance.now();
    resolvePublicationDate({ paragraphs: [text.slice(0, 1000)], headerLines: [], pageText: text, fileTime: new Date() });
    const t2 = performance.now();
    console.log(name, text.length, n, Math.round(t1 - t0), Math.round(t2 - t1));
  }
});
