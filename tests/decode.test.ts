import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../src/main/ingest';
import { dataRows, sharedData } from './helpers/paths';

const samples = path.join(sharedData, 'russian-text/charset-samples');
const manifest = dataRows(path.join(samples, 'manifest.csv')).map((line) => {
  const [file, encoding, , , cyrillic] = line.split(',');
  return { file: file!, encoding: encoding!.toLowerCase(), cyrillic: Number(cyrillic) };
});

/** The bytes with any charset declaration removed, so detection alone must find the encoding. */
function undeclared(bytes: Buffer): Buffer {
  const s = bytes.toString('latin1').replace(/encoding\s*=\s*["'][^"']+["']/i, '').replace(/charset\s*=\s*["']?[\w.:-]+/i, '');
  return Buffer.from(s, 'latin1');
}

const cyrillicCount = (s: string) => (s.match(/\p{Script=Cyrillic}/gu) ?? []).length;

describe('decoding legacy Russian text', () => {
  it('detects the encoding of every real sample without its declaration', () => {
    expect(manifest.length).toBe(51);
    const wrong = manifest.filter((m) => {
      const d = decodeBytes(undeclared(fs.readFileSync(path.join(samples, m.file))));
      return d.encoding !== m.encoding.replace('x-mac-cyrillic', 'maccyrillic');
    });
    expect(wrong.map((w) => w.file)).toEqual([]);
  });

  it('reads the same document in six encodings as the same Russian text', () => {
    const texts = ['IBM855', 'IBM866', 'KOI8-R', 'MacCyrillic', 'iso-8859-5-russian', 'windows-1251-russian'].map(
      (folder) => decodeBytes(undeclared(fs.readFileSync(path.join(samples, folder, 'newsru.com.xml')))).text,
    );
    for (const t of texts) expect(cyrillicCount(t)).toBe(7393);
    // Letters, not mojibake: the first Cyrillic words agree in every encoding.
    const words = texts.map((t) => (t.match(/\p{Script=Cyrillic}+/gu) ?? []).slice(0, 50).join(' '));
    expect(new Set(words).size).toBe(1);
  });

  it('reads an undeclared ISO-8859-1 Portuguese feed as Latin, not as Cyrillic', () => {
    const feed = fs.readFileSync(path.join(sharedData, 'rss-feeds/feeds/rss-parser__encoding.rss'));
    const d = decodeBytes(undeclared(feed));
    expect(d.encoding).toBe('windows-1252');
    expect(d.text).toContain('Notícias');
    expect(cyrillicCount(d.text)).toBe(0);
  });

  it('trusts valid UTF-8 bytes over a legacy charset the file declares', () => {
    const page = Buffer.from('<html><head><meta charset="gb2312"></head><body>新闻 — Новости</body></html>', 'utf8');
    const d = decodeBytes(page);
    expect(d.encoding).toBe('utf-8');
    expect(d.text).toContain('新闻 — Новости');
    expect(d.reason).toBe('valid UTF-8 (the file declares gb2312, which its bytes contradict)');
  });

  it('says how it chose: BOM, valid UTF-8, or detection', () => {
    expect(decodeBytes(Buffer.from('\ufeffПривет', 'utf8')).reason).toBe('byte-order mark');
    expect(decodeBytes(Buffer.from('Привет, мир', 'utf8'))).toMatchObject({ encoding: 'utf-8', reason: 'valid UTF-8' });
    const latin = decodeBytes(Buffer.from('caf\xe9 cr\xe8me', 'latin1'));
    expect(latin).toMatchObject({ encoding: 'windows-1252', text: 'café crème', warnings: [] });
    expect(latin.reason).toMatch(/^detected: .*accented letters inside Latin words/);
    // Too little to go on: read as windows-1252, with a warning saying so.
    const unsure = decodeBytes(Buffer.from([0xa9, 0x20, 0x32, 0x30, 0x32, 0x32]));
    expect(unsure.encoding).toBe('windows-1252');
    expect(unsure.text).toBe('© 2022');
    expect(unsure.warnings).toHaveLength(1);
  });
});
