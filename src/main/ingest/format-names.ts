/**
 * The formats Wirewatch reads and how files are told apart, without the readers themselves
 * (which load jsdom and the XML parser): what the importer and the CLI need to start fast.
 */

/** The formats Wirewatch reads. */
export type Format = 'text' | 'html' | 'feed' | 'reuters' | 'json' | 'ndjson' | 'csv' | 'tsv';

/** File endings read when found in folders and archives, by format. */
export const EXTENSIONS: Record<string, Format | 'zip'> = {
  '.txt': 'text', '.text': 'text',
  '.html': 'html', '.htm': 'html', '.xhtml': 'html', '.shtml': 'html',
  '.xml': 'feed', '.rss': 'feed', '.atom': 'feed', '.rdf': 'feed',
  '.sgm': 'reuters', '.sgml': 'reuters',
  '.json': 'json', '.ndjson': 'ndjson', '.jsonl': 'ndjson',
  '.csv': 'csv', '.tsv': 'tsv', '.tab': 'tsv',
  '.zip': 'zip',
};

/** True when the bytes are a zip archive. */
export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 0x03 || bytes[2] === 0x05) && (bytes[3] === 0x04 || bytes[3] === 0x06);
}
