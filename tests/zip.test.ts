import { randomBytes } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { Deflate, Zip, strToU8, zipSync, type ZipInputFile } from 'fflate';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { ImportError } from '../src/main/ingest/errors';
import { expandZip } from '../src/main/ingest/zip';
import { lieAboutSizes, zerosBomb } from './helpers/zips';

const MB = 1024 * 1024;

interface RawEntry {
  name: string | Uint8Array;
  data: Uint8Array;
  flags?: number;
}

/** A stored (uncompressed) zip written byte by byte, so entry names and flags can be anything. */
function rawZip(entries: RawEntry[]): Uint8Array {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = typeof e.name === 'string' ? Buffer.from(e.name, 'utf8') : Buffer.from(e.name);
    const flags = (e.flags ?? 0) | (typeof e.name === 'string' ? 0x800 : 0);
    const crc = crc32(e.data) >>> 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(0, 8); // stored
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(0x5a21, 12); // 2025-01-01
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, Buffer.from(e.data));
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(flags, 8);
    dir.writeUInt16LE(0x5a21, 14);
    dir.writeUInt32LE(crc, 16);
    dir.writeUInt32LE(e.data.length, 20);
    dir.writeUInt32LE(e.data.length, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    central.push(dir, name);
    offset += 30 + name.length + e.data.length;
  }
  const dirBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dirBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dirBytes, end]);
}

const text = (b: Uint8Array) => Buffer.from(b).toString('utf8');

describe('expanding zip archives', () => {
  it('stops a lying zip bomb by the bytes that come out, with memory well under the bomb', () => {
    // Runs first in this file so the process's peak memory so far is this test's baseline.
    const bomb = lieAboutSizes(zerosBomb(1024), 1000);
    expect(bomb.length).toBeLessThan(2 * MB);
    const before = process.memoryUsage().rss;
    const started = Date.now();
    const { entries, problems } = expandZip(bomb);
    const peakGrowth = process.resourceUsage().maxRSS * 1024 - before;
    expect(entries).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.name).toBe('zeros.txt');
    expect(problems[0]!.error).toMatch(/expands (beyond 100 MB|more than 100:1)/);
    expect(peakGrowth).toBeLessThan(300 * MB);
    expect(Date.now() - started).toBeLessThan(30_000); // a hang check, not a speed target
  });

  it('refuses a bomb that declares its size without inflating it', () => {
    const started = Date.now();
    const { entries, problems } = expandZip(zerosBomb(1024));
    expect(entries).toEqual([]);
    expect(problems).toEqual([{ name: 'zeros.txt', error: 'expands beyond 100 MB' }]);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('refuses an entry compressed far beyond the ratio limit, but not a small file of blanks', () => {
    const zip = zipSync({ 'blanks.txt': new Uint8Array(500 * 1024).fill(0x20), 'padding.csv': new Uint8Array(5 * MB).fill(0x61) });
    const ratio = { name: 'padding.csv', error: 'expands more than 100:1 (a zip bomb?); not read' };
    const honest = expandZip(zip);
    expect(honest.problems).toEqual([ratio]);
    expect(honest.entries.map((e) => [e.name, e.bytes.length])).toEqual([['blanks.txt', 500 * 1024]]);
    // Declared sizes that lie do not help: the bytes coming out are counted.
    const lying = expandZip(lieAboutSizes(zip, 10));
    expect(lying.problems).toContainEqual(ratio);
    expect(lying.entries).toEqual([]);
  });

  it('stops reading an archive once its entries together pass the total limit', () => {
    const files = Object.fromEntries([1, 2, 3, 4].map((i) => [`part-${i}.bin`, new Uint8Array(randomBytes(2 * MB))]));
    const { entries, problems } = expandZip(zipSync(files), { maxTotalBytes: 5 * MB });
    expect(entries.map((e) => e.name)).toEqual(['part-1.bin', 'part-2.bin']);
    expect(problems).toEqual([
      { name: 'part-3.bin', error: 'not read: the archive expands beyond 5 MB in total' },
      { name: '1 more entries', error: 'not read: the archive expands beyond 5 MB in total' },
    ]);
  });

  it('gives the files of a normal archive with their times, skipping folders, dotfiles and macOS litter', () => {
    const mtime = new Date(2024, 0, 10, 12, 30, 0);
    const inner = zipSync({ 'deep.txt': strToU8('nested') });
    const zip = zipSync(
      {
        'a.txt': strToU8('first article'),
        'folder/b.csv': strToU8('title,body\nHello,World\n'),
        'folder/empty/': {},
        '.DS_Store': strToU8('junk'),
        'folder/.hidden.txt': strToU8('junk'),
        '__MACOSX/folder/._b.csv': strToU8('junk'),
        'inner.zip': [inner, { level: 0 }],
      },
      { mtime },
    );
    const { entries, problems } = expandZip(zip);
    expect(problems).toEqual([]);
    expect(entries.map((e) => e.name)).toEqual(['a.txt', 'folder/b.csv', 'inner.zip']);
    expect(text(entries[1]!.bytes)).toBe('title,body\nHello,World\n');
    expect(entries[0]!.modifiedAt?.getTime()).toBe(mtime.getTime());
    // A nested archive comes back whole, for the importer to expand in turn.
    expect(expandZip(entries[2]!.bytes).entries.map((e) => text(e.bytes))).toEqual(['nested']);
  });

  it('refuses every entry whose path could land outside the folder, and reads the rest', () => {
    const evil = ['../evil.txt', '/etc/passwd', 'C:/Windows/evil.txt', 'D:evil.txt', '..\\evil.txt', 'a/../../evil.txt', '\\\\server\\share\\x.txt', 'a/.../x.txt'];
    const zip = rawZip([...evil.map((name) => ({ name, data: strToU8('x') })), { name: 'ok/fine.txt', data: strToU8('fine') }]);
    const { entries, problems } = expandZip(zip);
    expect(problems).toEqual(evil.map((name) => ({ name, error: 'unsafe path' })));
    expect(entries.map((e) => [e.name, text(e.bytes)])).toEqual([['ok/fine.txt', 'fine']]);
    expect(entries[0]!.modifiedAt?.getFullYear()).toBe(2025);
  });

  it('reads backslash folders and names in the Russian DOS code page', () => {
    const name = iconv.encode('Новости\\сводка.txt', 'cp866');
    const { entries } = expandZip(rawZip([{ name: new Uint8Array(name), data: strToU8('x') }]));
    expect(entries.map((e) => e.name)).toEqual(['Новости/сводка.txt']);
  });

  it('reports damaged and encrypted entries and still reads the others', () => {
    const good = zipSync({ 'good.txt': strToU8('good text '.repeat(100)), 'bad.txt': strToU8('bad text '.repeat(100)) });
    // Damage the compressed data of the second entry.
    const damaged = new Uint8Array(good);
    const at = Buffer.from(damaged).indexOf('bad.txt') + 'bad.txt'.length + 5;
    for (let i = 0; i < 8; i++) damaged[at + i] = damaged[at + i]! ^ 0xff;
    const r = expandZip(damaged);
    expect(r.entries.map((e) => e.name)).toEqual(['good.txt']);
    expect(r.problems.map((p) => p.name)).toEqual(['bad.txt']);
    expect(r.problems[0]!.error).toMatch(/^damaged/);

    const locked = expandZip(rawZip([{ name: 'secret.txt', data: strToU8('x'), flags: 1 }, { name: 'open.txt', data: strToU8('y') }]));
    expect(locked.problems).toEqual([{ name: 'secret.txt', error: 'encrypted; not read' }]);
    expect(locked.entries.map((e) => e.name)).toEqual(['open.txt']);
  });

  it('reads no more than maxEntries files', () => {
    const zip = zipSync(Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`f${i}.txt`, strToU8(String(i))])));
    const { entries, problems } = expandZip(zip, { maxEntries: 3 });
    expect(entries).toHaveLength(3);
    expect(problems).toEqual([{ name: 'f3.txt', error: 'not read: the archive has more than 3 files (2 entries left)' }]);
  });

  it('throws "not a readable zip archive" for truncated and corrupt archives', () => {
    const zip = zipSync({ 'a.txt': strToU8('some text '.repeat(50)) });
    const cases: Uint8Array[] = [
      zip.subarray(0, zip.length - 30), // cut before the directory ends
      zip.subarray(0, 40),
      strToU8('PK\u0003\u0004 this is not really a zip archive at all'),
      new Uint8Array(0),
    ];
    for (const bytes of cases) {
      expect(() => expandZip(bytes)).toThrow(ImportError);
      expect(() => expandZip(bytes)).toThrow(/^not a readable zip archive: /);
    }
    // The directory pointing past the end of the file.
    const broken = new Uint8Array(zip);
    new DataView(broken.buffer).setUint32(broken.length - 6, 0x7fffffff, true);
    expect(() => expandZip(broken)).toThrow(/^not a readable zip archive: /);
  });
});
