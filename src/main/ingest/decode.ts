import iconv from 'iconv-lite';
import { ImportError } from './errors';

/** Text decoded from bytes, with the encoding and how it was chosen. */
export interface DecodedText {
  text: string;
  encoding: string;
  reason: string;
  warnings: string[];
}

/** Legacy Cyrillic encodings tried when bytes are not UTF-8. */
const CYRILLIC_ENCODINGS = ['windows-1251', 'koi8-r', 'iso-8859-5', 'ibm866', 'ibm855', 'maccyrillic'] as const;

/**
 * Relative frequency (per mille) of lower-case letters in Russian prose, from the Russian
 * National Corpus figures quoted on Wikipedia ("Russian alphabet", letter frequency); the
 * Ukrainian-only letters are given a small weight so Ukrainian text still scores as Cyrillic.
 */
const RUSSIAN_LETTER_FREQ: Record<string, number> = {
  о: 109.7, е: 84.5, а: 80.1, и: 73.5, н: 67.0, т: 62.6, с: 54.7, р: 47.3, в: 45.4, л: 44.0,
  к: 34.9, м: 32.1, д: 29.8, п: 28.1, у: 26.2, я: 20.1, ы: 19.0, ь: 17.4, г: 17.0, з: 16.5,
  б: 15.9, ч: 14.4, й: 12.1, х: 9.7, ж: 9.4, ш: 7.3, ю: 6.4, ц: 4.8, щ: 3.6, э: 3.2, ф: 2.6,
  ъ: 0.4, ё: 0.4, і: 2, ї: 1, є: 1, ґ: 0.5,
};
const LOG_FREQ = new Map(Object.entries(RUSSIAN_LETTER_FREQ).map(([k, v]) => [k, Math.log(v / 1000)]));

/** Enough Cyrillic letters to tell the legacy encodings apart with confidence. */
const MIN_LETTERS_TO_DECIDE = 20;

/**
 * Decodes a file's bytes: a BOM first, then a charset the text declares (XML declaration,
 * `<meta charset>`), then valid UTF-8, then the legacy Cyrillic encoding whose decoding reads
 * most like Russian, else windows-1252 with a warning.
 *
 * @example
 *   decodeBytes(fs.readFileSync('koi8.txt')) // { encoding: 'koi8-r', reason: 'detected: ...' }
 */
export function decodeBytes(bytes: Uint8Array): DecodedText {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf)
    return { text: buf.subarray(3).toString('utf8'), encoding: 'utf-8', reason: 'byte-order mark', warnings: [] };
  if (buf[0] === 0xff && buf[1] === 0xfe)
    return { text: iconv.decode(buf.subarray(2), 'utf-16le'), encoding: 'utf-16le', reason: 'byte-order mark', warnings: [] };
  if (buf[0] === 0xfe && buf[1] === 0xff)
    return { text: iconv.decode(buf.subarray(2), 'utf-16be'), encoding: 'utf-16be', reason: 'byte-order mark', warnings: [] };

  const declared = declaredCharset(buf);
  const utf8 = isValidUtf8(buf);
  if (declared && iconv.encodingExists(declared)) {
    // Pages and feeds often keep a legacy declaration after being re-saved as UTF-8: non-ASCII
    // bytes that form valid UTF-8 are practically never legacy text, so the bytes win.
    if (utf8 && hasNonAscii(buf)) {
      return {
        text: buf.toString('utf8'),
        encoding: 'utf-8',
        reason: `valid UTF-8 (the file declares ${declared}, which its bytes contradict)`,
        warnings: [],
      };
    }
    return { text: iconv.decode(buf, declared), encoding: declared.toLowerCase(), reason: 'declared in the file', warnings: [] };
  }
  if (utf8) return { text: buf.toString('utf8'), encoding: 'utf-8', reason: 'valid UTF-8', warnings: [] };
  if (looksLikeAccentedLatin(buf)) {
    return {
      text: iconv.decode(buf, 'windows-1252'),
      encoding: 'windows-1252',
      reason: 'detected: not UTF-8; accented letters inside Latin words (windows-1252, a superset of ISO-8859-1)',
      warnings: [],
    };
  }

  let best: { encoding: string; text: string; score: number; letters: number } | undefined;
  for (const encoding of CYRILLIC_ENCODINGS) {
    const text = iconv.decode(buf, encoding);
    const { score, letters } = russianLikeness(text);
    if (!best || score > best.score) best = { encoding, text, score, letters };
  }
  if (best && best.letters >= MIN_LETTERS_TO_DECIDE && best.score > -4.5) {
    return {
      text: best.text,
      encoding: best.encoding,
      reason: `detected: not UTF-8; reads as Russian in ${best.encoding} (${best.letters} Cyrillic letters)`,
      warnings: [],
    };
  }
  return {
    text: iconv.decode(buf, 'windows-1252'),
    encoding: 'windows-1252',
    reason: 'fallback: not UTF-8 and not recognisably Cyrillic',
    warnings: ['The file is not valid UTF-8 and its encoding could not be detected; it was read as windows-1252.'],
  };
}

/**
 * Legacy Latin text (Portuguese "Notícias", French "crème") has its non-ASCII bytes inside
 * words of ASCII letters; legacy Cyrillic has them in whole runs (every letter of a word is
 * non-ASCII). Counting how many non-ASCII bytes touch an ASCII letter tells the two apart.
 */
function looksLikeAccentedLatin(buf: Uint8Array): boolean {
  const isAsciiLetter = (b: number | undefined) => b !== undefined && ((b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a));
  let high = 0;
  let touching = 0;
  const n = Math.min(buf.length, 1 << 20);
  for (let i = 0; i < n; i++) {
    if (buf[i]! < 0x80) continue;
    high++;
    if (isAsciiLetter(buf[i - 1]) || isAsciiLetter(buf[i + 1])) touching++;
  }
  return high > 0 && touching / high > 0.5;
}

/** The charset named by an XML declaration or an HTML meta tag in the first kilobytes. */
function declaredCharset(buf: Buffer): string | undefined {
  const head = buf.subarray(0, 2048).toString('latin1');
  const m =
    /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head) ??
    /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head);
  const name = m?.[1]?.toLowerCase();
  // A declared UTF-8 is checked like any other UTF-8 (pages often lie), so only legacy names count.
  return name && name !== 'utf-8' && name !== 'utf8' ? name : undefined;
}

function hasNonAscii(buf: Uint8Array): boolean {
  for (let i = 0; i < buf.length; i++) if (buf[i]! >= 0x80) return true;
  return false;
}

/** Strict UTF-8 validation (no overlongs, no surrogates), without allocating a string. */
export function isValidUtf8(buf: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(buf);
    return true;
  } catch {
    return false;
  }
}

/**
 * Mean log-frequency of the Cyrillic letters, with penalties for what wrong decodings
 * produce: capitals in the middle of lower-case words and stray symbols instead of letters.
 */
function russianLikeness(text: string): { score: number; letters: number } {
  let total = 0;
  let letters = 0;
  let oddities = 0;
  let prevLower = false;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) {
      prevLower = false;
      continue;
    }
    const lower = ch.toLowerCase();
    const logf = LOG_FREQ.get(lower);
    if (logf === undefined) {
      oddities++;
      prevLower = false;
      continue;
    }
    letters++;
    total += logf;
    const isUpper = lower !== ch;
    if (isUpper && prevLower) total -= 3;
    prevLower = !isUpper;
  }
  if (letters === 0) return { score: -Infinity, letters: 0 };
  return { score: (total - oddities * 5) / letters, letters };
}

/** Throws ImportError when iconv-lite does not know the encoding's name. */
export function assertKnownEncoding(encoding: string): void {
  if (!iconv.encodingExists(encoding)) throw new ImportError(`unknown encoding "${encoding}"`);
}

/**
 * Decodes bytes with an encoding the analyst chose (re-import "with another encoding").
 * Throws when iconv-lite does not know the name.
 *
 * @example
 *   decodeWith(bytes, 'koi8-r').text
 */
export function decodeWith(bytes: Uint8Array, encoding: string): DecodedText {
  assertKnownEncoding(encoding);
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { text: iconv.decode(buf, encoding), encoding: encoding.toLowerCase(), reason: 'chosen by the analyst', warnings: [] };
}
