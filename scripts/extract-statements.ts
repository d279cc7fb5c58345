/**
 * Dev runner: prints one NDJSON line per file, `{"file", "statements": [...]}`, the input of
 * ../shared/tools/eval-statements.mjs. Files are read as UTF-8 and used as they are.
 *
 * Usage: npx tsx scripts/extract-statements.ts [--language xx] [--split dev|heldout] <files or folders>...
 *   --split keeps the files of one half of the deterministic split (see statements/split.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { extractStatements } from '../src/main/statements/extract';
import { splitHalf } from '../src/main/statements/split';

const args = process.argv.slice(2);
let language: string | null = null;
let half: 'dev' | 'heldout' | null = null;
const inputs: string[] = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--language') language = args[++i] ?? null;
  else if (args[i] === '--split') half = args[++i] === 'heldout' ? 'heldout' : 'dev';
  else inputs.push(args[i]!);
}
const files = inputs.flatMap((p) =>
  fs.statSync(p).isDirectory()
    ? fs.readdirSync(p).filter((f) => f.endsWith('.txt')).sort().map((f) => path.join(p, f))
    : [p],
);
const out: string[] = [];
for (const file of files) {
  if (half && splitHalf(path.basename(file)) !== half) continue;
  const text = fs.readFileSync(file, 'utf8');
  const statements = extractStatements(text, { language }).map((s) => ({
    kind: s.kind,
    quote: s.quote,
    cue: s.cue,
    speaker: s.speaker,
    speakerName: s.speakerName,
    speakerRole: s.speakerRole,
  }));
  out.push(JSON.stringify({ file, statements }));
}
process.stdout.write(out.join('\n') + (out.length ? '\n' : ''));
