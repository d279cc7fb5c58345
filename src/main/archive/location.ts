import os from 'node:os';
import path from 'node:path';

/**
 * The user's data folder for Wirewatch: the same folder Electron's `app.getPath('userData')`
 * gives for an app named "Wirewatch", so the desktop app and the CLI share one archive.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Wirewatch');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Wirewatch');
  return path.join(env.XDG_CONFIG_HOME || path.join(home, '.config'), 'Wirewatch');
}

/** The archive file to open: `--db PATH` first, then `WIREWATCH_DB`, then the data folder's `wirewatch.db`. */
export function resolveDbPath(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  const chosen = flag || env.WIREWATCH_DB;
  return path.resolve(chosen || path.join(defaultDataDir(env), 'wirewatch.db'));
}
