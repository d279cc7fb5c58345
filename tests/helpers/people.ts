import path from 'node:path';
import { openArchiveDb, type Db } from '../../src/main/archive';
import { PeopleDirectory } from '../../src/main/statements/directory';
import { applyRegistry, readRegistryFile } from '../../src/main/statements/registry';

/** The small officials registry the statements tests use (format of resources/officials.json). */
export const OFFICIALS_SAMPLE = path.resolve(__dirname, '../fixtures/officials-sample.json');

/** A fresh archive at `file` with the sample registry applied, and its people. */
export function archiveWithRegistry(file: string): { db: Db; people: PeopleDirectory } {
  const db = openArchiveDb(file);
  const { registry, hash } = readRegistryFile(OFFICIALS_SAMPLE);
  applyRegistry(db, registry, hash);
  return { db, people: new PeopleDirectory(db) };
}
