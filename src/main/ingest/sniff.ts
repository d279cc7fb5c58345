/** Signatures of common binary formats, so a renamed file gets a clear error. */
const SIGNATURES: Array<[string, number[]]> = [
  ['PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['JPEG image', [0xff, 0xd8, 0xff]],
  ['GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['PDF document', [0x25, 0x50, 0x44, 0x46]],
  ['ZIP archive', [0x50, 0x4b, 0x03, 0x04]],
  ['gzip archive', [0x1f, 0x8b]],
  ['WebP or other RIFF media', [0x52, 0x49, 0x46, 0x46]],
  ['executable', [0x7f, 0x45, 0x4c, 0x46]],
];

/**
 * Names the binary format of `bytes` when it is not text, else returns undefined.
 * Text is anything without NUL bytes in its first 8 KiB (UTF-16 is recognised by its BOM).
 */
export function binaryKind(bytes: Uint8Array): string | undefined {
  for (const [name, sig] of SIGNATURES) if (sig.every((b, i) => bytes[i] === b)) return name;
  const utf16Bom = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (utf16Bom) return undefined;
  const head = bytes.subarray(0, 8192);
  return head.includes(0) ? 'binary data (contains NUL bytes)' : undefined;
}
