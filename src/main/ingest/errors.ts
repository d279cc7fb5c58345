/**
 * A file (or an item in it) that cannot be imported, with the reason in words a person can act
 * on: "the file is empty", "malformed XML at line 12: unclosed tag <item>". Readers throw it; the
 * importer reports it as the file's outcome and goes on with the batch.
 */
export class ImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportError';
  }
}
