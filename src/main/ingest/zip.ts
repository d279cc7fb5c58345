/**
 * Safe expansion of a zip archive held in memory. The central directory is read by hand (it is
 * the archive's authoritative table of contents), each entry is inflated with fflate's streaming
 * `Inflate`, and the bytes that actually come out are counted as they come: declared sizes are
 * only ever used to refuse early, never to allow. Entries with paths that could escape a folder
 * are refused; directories, `__MACOSX/` and dotfiles are skipped.
 */
import { crc32 } from 'node:zlib';
import { Inflate } from 'fflate';
import iconv from 'iconv-lite';
import { ImportError } from './errors';

export interface ZipLimits {
  /** Most files read from one archive (default 20,000). */
  maxEntries?: number;
  /** Most bytes all entries together may expand to (default 512 MB); the rest of the archive is not read. */
  maxTotalBytes?: number;
  /** Most bytes one entry may expand to (default 100 MB). */
  maxEntryBytes?: number;
  /** Highest expansion ratio for an entry once it is past 1 MB (default 100, i.e. 100:1). */
  maxRatio?: number;
}

export interface ZipEntry {
  /** Path inside the archive, with `/` separators, no `.` or empty segments. */
  name: string;
  bytes: Uint8Array;
  modifiedAt: Date | null;
}

export interface ZipProblem {
  name: string;
  error: string;
}

export interface ExpandedZip {
  entries: ZipEntry[];
  problems: ZipProblem[];
}

const MB = 1024 * 1024;
const DEFAULTS: Required<ZipLimits> = {
  maxEntries: 20_000,
  maxTotalBytes: 512 * MB,
  maxEntryBytes: 100 * MB,
  maxRatio: 100,
};
/** The ratio limit only applies past this size: small files (a run of spaces) may compress very well. */
const RATIO_FLOOR = MB;
/** Compressed bytes per push; one push can inflate to about 1,000 times this, which bounds memory. */
const CHUNK = 32 * 1024;

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;
const SIG_END64 = 0x06064b50;
const SIG_END64_LOCATOR = 0x07064b50;

const METHOD_NAMES: Record<number, string> = { 9: 'Deflate64', 12: 'bzip2', 14: 'LZMA', 93: 'Zstandard', 95: 'xz', 98: 'PPMd', 99: 'AES' };

/** One central-directory record. */
interface CentralRecord {
  rawName: string;
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
  modifiedAt: Date | null;
  isDirectory: boolean;
  isSymlink: boolean;
}

/**
 * Expands a zip archive into its files, refusing unsafe paths and stopping zip bombs by the
 * bytes that really come out. Nested archives come back as ordinary entries.
 *
 * @example
 *   const { entries, problems } = expandZip(fs.readFileSync('exports.zip'));
 *   entries[0].name // 'articles/2024-01.csv'
 *   problems[0] // { name: '../evil.txt', error: 'unsafe path' }
 * @throws ImportError when the bytes are not a readable zip archive.
 */
export function expandZip(bytes: Uint8Array, limits: ZipLimits = {}): ExpandedZip {
  const lim = { ...DEFAULTS, ...definedOnly(limits) };
  let records: CentralRecord[];
  try {
    records = readCentralDirectory(bytes);
  } catch (e) {
    // Offsets that point outside the file surface as RangeErrors from DataView.
    if (e instanceof RangeError) throw notReadable('the zip directory points outside the file');
    throw e;
  }
  const entries: ZipEntry[] = [];
  const problems: ZipProblem[] = [];
  let total = 0;

  for (let i = 0; i < records.length; i++) {
    const rec = records[i]!;
    const name = safeEntryName(rec.rawName);
    if (name === null) {
      problems.push({ name: printable(rec.rawName), error: 'unsafe path' });
      continue;
    }
    if (rec.isDirectory || isSkippedName(name)) continue;
    if (entries.length >= lim.maxEntries) {
      problems.push({ name, error: `not read: the archive has more than ${lim.maxEntries} files (${records.length - i} entries left)` });
      break;
    }
    if (rec.isSymlink) {
      problems.push({ name, error: 'symbolic link; not read' });
      continue;
    }
    const budget = Math.min(lim.maxEntryBytes, lim.maxTotalBytes - total);
    const out = inflateEntry(bytes, rec, budget, lim.maxRatio);
    if ('error' in out) {
      problems.push({ name, error: out.error === OVER_BUDGET ? overBudgetMessage(lim, total) : out.error });
      if (out.error === OVER_BUDGET && budget < lim.maxEntryBytes) {
        // The archive as a whole is over its budget: read nothing more from it.
        const left = records.length - i - 1;
        if (left > 0) problems.push({ name: `${left} more entries`, error: `not read: the archive expands beyond ${mb(lim.maxTotalBytes)} in total` });
        break;
      }
      continue;
    }
    total += out.bytes.byteLength;
    entries.push({ name, bytes: out.bytes, modifiedAt: rec.modifiedAt });
  }
  return { entries, problems };
}

const OVER_BUDGET = 'over budget';

function overBudgetMessage(lim: Required<ZipLimits>, total: number): string {
  return lim.maxTotalBytes - total < lim.maxEntryBytes
    ? `not read: the archive expands beyond ${mb(lim.maxTotalBytes)} in total`
    : `expands beyond ${mb(lim.maxEntryBytes)}`;
}

function mb(n: number): string {
  return n >= MB ? `${Math.round((n / MB) * 10) / 10} MB` : `${n} bytes`;
}

function definedOnly(l: ZipLimits): ZipLimits {
  return Object.fromEntries(Object.entries(l).filter(([, v]) => typeof v === 'number' && !Number.isNaN(v))) as ZipLimits;
}

// ---------------------------------------------------------------------------------------------
// Central directory

function notReadable(why: string): ImportError {
  return new ImportError(`not a readable zip archive: ${why}`);
}

/** Finds the end-of-central-directory record and reads every record it points to. */
function readCentralDirectory(bytes: Uint8Array): CentralRecord[] {
  if (bytes.byteLength < 22) throw notReadable('the file is too short to be a zip archive');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const endPos = findEndRecord(view);
  if (endPos < 0) {
    throw notReadable(
      view.getUint32(0, true) === SIG_LOCAL
        ? 'the end of the archive is missing (the file is truncated or still being written)'
        : 'no zip directory found',
    );
  }
  if (view.getUint16(endPos + 4, true) !== 0 || view.getUint16(endPos + 6, true) !== 0) {
    throw notReadable('split (multi-part) archives are not supported');
  }
  let count = view.getUint16(endPos + 10, true);
  let dirSize = view.getUint32(endPos + 12, true);
  let dirOffset = view.getUint32(endPos + 16, true);

  let dirEnd = endPos;
  const locator = endPos - 20;
  if (locator >= 0 && view.getUint32(locator, true) === SIG_END64_LOCATOR) {
    const end64 = safeNumber(view.getBigUint64(locator + 8, true));
    if (end64 + 56 > endPos || view.getUint32(end64, true) !== SIG_END64) throw notReadable('the Zip64 directory record is damaged');
    count = safeNumber(view.getBigUint64(end64 + 32, true));
    dirSize = safeNumber(view.getBigUint64(end64 + 40, true));
    dirOffset = safeNumber(view.getBigUint64(end64 + 48, true));
    dirEnd = end64;
  }

  // Data prepended to the archive (self-extractors) shifts every offset by the same amount.
  let shift = 0;
  if (dirOffset + 4 > bytes.byteLength || (count > 0 && view.getUint32(dirOffset, true) !== SIG_CENTRAL)) {
    const guess = dirEnd - dirSize;
    if (count > 0 && guess > dirOffset && guess + 4 <= bytes.byteLength && view.getUint32(guess, true) === SIG_CENTRAL) shift = guess - dirOffset;
    else throw notReadable('the zip directory is damaged or missing');
  }

  const records: CentralRecord[] = [];
  let pos = dirOffset + shift;
  for (let i = 0; i < count; i++) {
    if (pos + 46 > bytes.byteLength || view.getUint32(pos, true) !== SIG_CENTRAL) {
      throw notReadable(`the zip directory is damaged at entry ${i + 1} of ${count}`);
    }
    const rec = readCentralRecord(bytes, view, pos, shift);
    records.push(rec.record);
    pos = rec.next;
  }
  return records;
}

function findEndRecord(view: DataView): number {
  // The record is 22 bytes plus a comment of at most 65,535 bytes, at the very end.
  const last = view.byteLength - 22;
  const first = Math.max(0, last - 0xffff);
  for (let p = last; p >= first; p--) {
    if (view.getUint32(p, true) === SIG_END && p + 22 + view.getUint16(p + 20, true) <= view.byteLength) return p;
  }
  return -1;
}

function readCentralRecord(bytes: Uint8Array, view: DataView, pos: number, shift: number): { record: CentralRecord; next: number } {
  const madeBy = view.getUint16(pos + 4, true) >> 8;
  const flags = view.getUint16(pos + 8, true);
  const method = view.getUint16(pos + 10, true);
  const dosTime = view.getUint16(pos + 12, true);
  const dosDate = view.getUint16(pos + 14, true);
  const crc = view.getUint32(pos + 16, true);
  let compressedSize = view.getUint32(pos + 20, true);
  let size = view.getUint32(pos + 24, true);
  const nameLen = view.getUint16(pos + 28, true);
  const extraLen = view.getUint16(pos + 30, true);
  const commentLen = view.getUint16(pos + 32, true);
  const externalAttrs = view.getUint32(pos + 38, true);
  let localOffset = view.getUint32(pos + 42, true);
  const next = pos + 46 + nameLen + extraLen + commentLen;
  if (next > bytes.byteLength) throw notReadable('the zip directory runs past the end of the file');

  const nameBytes = bytes.subarray(pos + 46, pos + 46 + nameLen);
  const extra = bytes.subarray(pos + 46 + nameLen, pos + 46 + nameLen + extraLen);
  let rawName = decodeName(nameBytes, (flags & 0x800) !== 0);
  let mtime: Date | null = null;

  forEachExtra(extra, (id, data) => {
    const dv = new DataView(data.buffer, data.byteOffset, data.byteLength);
    if (id === 0x0001) {
      // Zip64: the 64-bit values follow in this order, present only where the 32-bit field is full.
      let at = 0;
      const take = (): number => {
        if (at + 8 > data.byteLength) throw notReadable('a Zip64 size field is damaged');
        const v = safeNumber(dv.getBigUint64(at, true));
        at += 8;
        return v;
      };
      if (size === 0xffffffff) size = take();
      if (compressedSize === 0xffffffff) compressedSize = take();
      if (localOffset === 0xffffffff) localOffset = take();
    } else if (id === 0x5455 && data.byteLength >= 5 && (data[0]! & 1) !== 0) {
      mtime = new Date(dv.getUint32(1, true) * 1000);
    } else if (id === 0x7075 && data.byteLength > 5 && data[0] === 1 && dv.getUint32(1, true) === (crc32(nameBytes) >>> 0)) {
      // Info-ZIP Unicode path: a UTF-8 name that is valid as long as the CRC of the plain name matches.
      rawName = new TextDecoder().decode(data.subarray(5));
    }
  });

  const unixMode = externalAttrs >>> 16;
  return {
    record: {
      rawName,
      flags,
      method,
      crc,
      compressedSize,
      size,
      localOffset: localOffset + shift,
      modifiedAt: mtime ?? dosDateTime(dosDate, dosTime),
      isDirectory: /[/\\]$/.test(rawName) || (madeBy === 0 && (externalAttrs & 0x10) !== 0) || (unixMode & 0o170000) === 0o040000,
      isSymlink: madeBy === 3 && (unixMode & 0o170000) === 0o120000,
    },
    next,
  };
}

function forEachExtra(extra: Uint8Array, visit: (id: number, data: Uint8Array) => void): void {
  const dv = new DataView(extra.buffer, extra.byteOffset, extra.byteLength);
  for (let p = 0; p + 4 <= extra.byteLength; ) {
    const id = dv.getUint16(p, true);
    const len = dv.getUint16(p + 2, true);
    if (p + 4 + len > extra.byteLength) return;
    visit(id, extra.subarray(p + 4, p + 4 + len));
    p += 4 + len;
  }
}

function safeNumber(v: bigint): number {
  if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw notReadable('a Zip64 size is out of range');
  return Number(v);
}

/** MS-DOS date and time (local time, two-second steps); null when unset or impossible. */
function dosDateTime(date: number, time: number): Date | null {
  const day = date & 31;
  const month = (date >> 5) & 15;
  if (day === 0 || month === 0 || month > 12) return null;
  const d = new Date(1980 + (date >> 9), month - 1, day, time >> 11, (time >> 5) & 63, (time & 31) * 2);
  return Number.isNaN(d.getTime()) ? null : d;
}

const utf8Strict = new TextDecoder('utf-8', { fatal: true });

/** Entry names are UTF-8 when flagged; otherwise many tools still write UTF-8, else an OEM code page. */
function decodeName(b: Uint8Array, utf8Flag: boolean): string {
  if (utf8Flag) return new TextDecoder().decode(b);
  try {
    return utf8Strict.decode(b);
  } catch {
    // Russian Windows writes names in CP866, whose letters sit at 0x80-0xAF and 0xE0-0xF1;
    // anywhere else the DOS default CP437 is the better guess.
    let high = 0;
    let cyr = 0;
    for (const x of b) {
      if (x < 0x80) continue;
      high++;
      if (x <= 0xaf || (x >= 0xe0 && x <= 0xf1)) cyr++;
    }
    return iconv.decode(Buffer.from(b), high >= 2 && cyr === high ? 'cp866' : 'cp437');
  }
}

// ---------------------------------------------------------------------------------------------
// Names

/**
 * The entry's path with `/` separators, or null when it could land outside the folder it is
 * extracted to: `..` segments, absolute or UNC paths, drive letters, control characters.
 * Backslashes count as separators, so `..\evil` is caught too.
 */
function safeEntryName(raw: string): string | null {
  if (/[\u0000-\u001f\u007f]/.test(raw)) return null;
  const name = raw.replace(/\\/g, '/');
  if (name.startsWith('/') || /^[a-z]:/i.test(name)) return null;
  const parts: string[] = [];
  for (const seg of name.split('/')) {
    if (seg === '' || seg === '.') continue;
    // Windows drops trailing dots and spaces, so '.. ' and '...' can act as '..'.
    if (/^\.{2,}[. ]*$/.test(seg) || /^\.[. ]+$/.test(seg)) return null;
    parts.push(seg);
  }
  return parts.length > 0 ? parts.join('/') : null;
}

/** macOS resource forks, dotfiles and Windows folder litter are not content. */
function isSkippedName(name: string): boolean {
  const parts = name.split('/');
  if (parts[0] === '__MACOSX') return true;
  const base = parts[parts.length - 1]!.toLowerCase();
  return parts.some((p) => p.startsWith('.')) || base === 'thumbs.db' || base === 'desktop.ini';
}

/** Names as shown in problems: control characters made visible. */
function printable(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

// ---------------------------------------------------------------------------------------------
// Entry data

/**
 * Inflates one entry, stopping as soon as the bytes that came out pass `budget` or (past 1 MB)
 * the ratio limit. Returns the bytes, or an error: OVER_BUDGET or a reason in words.
 */
function inflateEntry(bytes: Uint8Array, rec: CentralRecord, budget: number, maxRatio: number): { bytes: Uint8Array } | { error: string } {
  if (rec.flags & 1) return { error: 'encrypted; not read' };
  if (rec.method !== 0 && rec.method !== 8) {
    return { error: `compressed with an unsupported method (${METHOD_NAMES[rec.method] ?? `method ${rec.method}`})` };
  }
  // Declared sizes may refuse an entry early, but are never trusted to allow one.
  if (rec.size > budget) return { error: OVER_BUDGET };
  if (rec.size > RATIO_FLOOR && rec.size / Math.max(1, rec.compressedSize) > maxRatio) return { error: ratioMessage(maxRatio) };

  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const lh = rec.localOffset;
  if (lh < 0 || lh + 30 > bytes.byteLength || view.getUint32(lh, true) !== SIG_LOCAL) return { error: 'damaged: its local header is missing' };
  const start = lh + 30 + view.getUint16(lh + 26, true) + view.getUint16(lh + 28, true);
  const end = start + rec.compressedSize;
  if (end > bytes.byteLength) return { error: 'damaged: its data runs past the end of the archive' };

  const chunks: Uint8Array[] = [];
  let produced = 0;
  // Compressed bytes handed to the inflater so far: the ratio is watched as it goes, so a bomb
  // is caught after its first chunk rather than after 100 times its whole compressed size.
  let consumed = rec.method === 0 ? rec.compressedSize : 0;
  let crc = 0;
  let stop: string | null = null;
  const take = (chunk: Uint8Array) => {
    if (stop) return;
    produced += chunk.byteLength;
    if (produced > budget) stop = OVER_BUDGET;
    else if (produced > RATIO_FLOOR && produced / Math.max(1, consumed) > maxRatio) stop = ratioMessage(maxRatio);
    else {
      crc = crc32(chunk, crc);
      chunks.push(chunk);
    }
  };

  if (rec.method === 0) {
    take(bytes.slice(start, end));
  } else {
    let ended = false;
    const inflater = new Inflate((chunk, final) => {
      take(chunk);
      if (final) ended = true;
    });
    try {
      for (let p = start; p < end && !stop; p += CHUNK) {
        const q = Math.min(end, p + CHUNK);
        consumed = q - start;
        inflater.push(bytes.subarray(p, q), q === end);
      }
      if (start === end) inflater.push(new Uint8Array(0), true);
    } catch (e) {
      if (!stop) return { error: `damaged: ${(e as Error).message}` };
    }
    if (!stop && !ended) return { error: 'damaged: its compressed data ends early' };
  }
  if (stop) return { error: stop };
  if (produced !== rec.size || crc >>> 0 !== rec.crc >>> 0) return { error: 'damaged: its contents fail the checksum' };
  return { bytes: concat(chunks, produced) };
}

function ratioMessage(maxRatio: number): string {
  return `expands more than ${maxRatio}:1 (a zip bomb?); not read`;
}

function concat(chunks: Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}
