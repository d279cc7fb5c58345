import { runCli } from '../../src/main/cli';

/** Runs the CLI in-process and captures what it prints. */
export async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string; lines: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  const text = out.join('\n');
  return { code, out: text, err: err.join('\n'), lines: text.split('\n').filter(Boolean) };
}
