/**
 * The Electron entry: one sandboxed, context-isolated window over the same Workbench that
 * browser mode and the CLI use. Kept thin on purpose: everything else runs in plain Node.
 */
import path from 'node:path';
import { app, BrowserWindow, dialog, session, shell } from 'electron';
import { resolveDbPath } from './archive';
import { registerIpc } from './ipc';
import { openWorkbenchThread } from './workbench-thread';

const RENDERER_FILE = path.join(__dirname, '../renderer/index.html');
const rendererUrl = process.env.ELECTRON_RENDERER_URL; // set by `electron-vite dev`

/** Only our own page may call the API or navigate. */
function isOwnPage(url: string): boolean {
  if (rendererUrl) return url.startsWith(rendererUrl);
  try {
    const u = new URL(url);
    return u.protocol === 'file:' && path.normalize(decodeURIComponent(u.pathname)) === path.normalize(RENDERER_FILE);
  } catch {
    return false;
  }
}

/** Links leave the app only for the web, and only in the user's browser. */
function openExternally(url: string): void {
  try {
    const u = new URL(url);
    if (u.protocol === 'https:' || u.protocol === 'http:') void shell.openExternal(u.toString());
  } catch {
    // not a URL: ignore
  }
}

app.setName('Wirewatch');
app.enableSandbox();

void app.whenReady().then(async () => {
  // The Workbench runs on its own thread: imports and index builds never freeze the window.
  const wb = await openWorkbenchThread({
    dbPath: resolveDbPath(undefined),
    nativeBinding: process.env.WIREWATCH_SQLITE_BINDING, // the Electron build of better-sqlite3 (scripts/start.mjs)
    host: {
      pickFiles: async () => {
        const r = await dialog.showOpenDialog({
          title: 'Import articles',
          properties: ['openFile', 'openDirectory', 'multiSelections'],
          filters: [{ name: 'Scraped pages', extensions: ['txt', 'text'] }],
        });
        return r.canceled ? [] : r.filePaths;
      },
    },
  }, path.join(__dirname, 'workbench-worker.js'));
  registerIpc(wb.api, (_sender, frameUrl) => isOwnPage(frameUrl));

  // No permission (camera, notifications, ...) is ever granted to page content.
  session.defaultSession.setPermissionRequestHandler((_wc, _perm, callback) => callback(false));

  const win = new BrowserWindow({
    width: 1280,
    height: 860,
    title: 'Wirewatch',
    webPreferences: {
      preload: path.join(__dirname, '../preload/index.js'),
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    },
  });
  win.webContents.on('will-navigate', (event, url) => {
    if (!isOwnPage(url)) {
      event.preventDefault();
      openExternally(url);
    }
  });
  win.webContents.setWindowOpenHandler(({ url }) => {
    openExternally(url);
    return { action: 'deny' };
  });
  if (rendererUrl) void win.loadURL(rendererUrl);
  else void win.loadFile(RENDERER_FILE);

  app.on('window-all-closed', () => {
    void wb.close().then(() => app.quit());
  });
});
