import { crc32 } from 'node:zlib';
import { Deflate, Zip, type ZipInputFile } from 'fflate';

const MB = 1024 * 1024;

/**
 * A zip of 1 GB of zeros (about 1 MB compressed), made without ever holding the gigabyte: one
 * megabyte is deflated once and flushed to a byte boundary, and that block, which only refers
 * back to zeros, is repeated. fflate's streaming Zip writes the archive around it.
 */
export function zerosBomb(megabytes: number, name = 'zeros.txt'): Uint8Array {
  const pieces: Uint8Array[] = [];
  const deflate = new Deflate({ level: 9 }, (chunk) => pieces.push(chunk));
  const zeros = new Uint8Array(MB);
  deflate.push(zeros);
  deflate.flush(true);
  const block = Buffer.concat(pieces);
  let crc = 0;
  for (let i = 0; i < megabytes; i++) crc = crc32(zeros, crc);

  const out: Uint8Array[] = [];
  const zip = new Zip((err, chunk) => {
    if (err) throw err;
    out.push(chunk);
  });
  const file: ZipInputFile = { filename: name, size: megabytes * MB, crc, compression: 8 };
  zip.add(file);
  for (let i = 0; i < megabytes; i++) file.ondata!(null, block, false);
  file.ondata!(null, new Uint8Array([3, 0]), true); // an empty final deflate block
  zip.end();
  return Buffer.concat(out);
}

/** Rewrites every declared uncompressed size (local headers and directory) to `size`: a lying archive. */
export function lieAboutSizes(zip: Uint8Array, size: number): Uint8Array {
  const z = new Uint8Array(zip);
  const v = new DataView(z.buffer);
  for (let p = 0; p + 4 <= z.length; p++) {
    const sig = v.getUint32(p, true);
    if (sig === 0x04034b50) v.setUint32(p + 22, size, true);
    if (sig === 0x02014b50) v.setUint32(p + 24, size, true);
  }
  return z;
}

