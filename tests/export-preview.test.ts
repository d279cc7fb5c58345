import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { previewExport } from '../src/main/ingest';
import { sharedData } from './helpers/paths';

const bytes = (s: string) => Buffer.from(s, 'utf8');

describe('previewing an export before import', () => {
  it('asks when the body and title are in doubt and columns are left to choose from', () => {
    const p = previewExport(bytes('Col A;Col B;Col C\nGrain deal;"Ukraine resumed grain exports from Odesa on Monday after a pause, officials said.";2022-08-01\n'), 'x.csv')!;
    expect(p.columns).toEqual(['Col A', 'Col B', 'Col C']);
    expect(p.ask).toBe(true);
    expect(p.sample[0]).toMatchObject({ 'Col A': 'Grain deal' });
  });

  it('does not ask when the columns say what they are', () => {
    const p = previewExport(bytes('headline,text,published\nA,Some body text here.,2022-01-10\n'), 'x.csv')!;
    expect(p.mapping).toMatchObject({ title: 'headline', body: 'text', date: 'published' });
    expect(p.ask).toBe(false);
  });

  it('reads records keyed by id and does not ask when no column is left to choose', () => {
    const gold = fs.readFileSync(path.join(sharedData, 'scraped-text/ground-truth.json'));
    const p = previewExport(gold, 'ground-truth.json')!;
    expect(p.columns.sort()).toEqual(['articleBody', 'url']);
    expect(p.mapping.body).toBe('articleBody');
    expect(p.ask).toBe(false);
  });

  it('says nothing about files that are not exports', () => {
    expect(previewExport(bytes('<html></html>'), 'page.html')).toBeNull();
  });
});
