/**
 * `wirewatch statements extract <files>... --json`: statement extraction on files as they are,
 * without cleaning or storing them (the shared evaluator scores its output). One line per file.
 */
import fs from 'node:fs';
import { detectLanguage } from './ingest/language';
import { extractStatements } from './statements/extract';

/** Where the command writes. */
export interface ExtractIo {
  out(line: string): void;
  err(line: string): void;
}

/**
 * Extracts the statements of each file's UTF-8 text and prints one JSON line per file,
 * `{"file", "language", "statements": [{kind, quote, cue, speaker, speakerName, speakerRole}]}`
 * with offsets in JavaScript string indices of that text. A file that cannot be read gets a
 * message naming it on stderr; the others go on. Resolves to the exit status.
 */
export function extractFilesCommand(files: string[], json: boolean, io: ExtractIo): number {
  if (files.length === 0) {
    io.err('wirewatch: statements extract: name the files to read, e.g. `wirewatch statements extract article.txt --json`');
    return 2;
  }
  let failed = 0;
  for (const file of files) {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (e) {
      io.err(`wirewatch: ${file}: cannot read it: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
      failed++;
      continue;
    }
    const language = detectLanguage(text);
    const statements = extractStatements(text, { language });
    if (json) {
      io.out(JSON.stringify({ file, language, statements }));
      continue;
    }
    io.out(`${file}: ${statements.length} statement${statements.length === 1 ? '' : 's'}`);
    for (const s of statements) {
      const who = s.speakerName ?? s.speaker?.text ?? 'unknown speaker';
      io.out(`  ${s.kind.padEnd(8)} ${who}${s.cue ? ` (${s.cue.text})` : ''}: ${s.quote.text.replace(/\s+/g, ' ')}`);
    }
  }
  return failed ? 1 : 0;
}
