/**
 * The Electron entry: one sandboxed, context-isolated window over the same Workbench that
 * browser mode and the CLI use. Kept thin on purpose: everything else runs in plain Node.
 * Electron's security checklist is followed item by item (see docs/decisions.md).
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, net, protocol, session, shell } from 'electron';
import { resolveDbPath } from './archive';
import { registerIpc } from './ipc';
import { openWorkbenchThread } from './workbench-thread';

/** The UI is served from this custom scheme rather than file:// (checklist: avoid file://). */
const SCHEME = 'wirewatch';
const APP_ORIGIN = `${SCHEME}://app`;
const RENDERER_DIR = path.join(__dirname, '../renderer');
const devServerUrl = process.env.ELECTRON_RENDERER_URL; // set by `electron-vite dev`

protocol.registerSchemesAsPrivileged([
  { scheme: SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

/** Only our own page may call the API or be navigated to. */
function isOwnPage(url: string): boolean {
  if (devServerUrl) return url.startsWith(devServerUrl);
  return url === APP_ORIGIN || url.startsWith(`${APP_ORIGIN}/`);
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

/** Serves the built renderer under wirewatch://app/, never anything outside its folder. */
function serveRenderer(): void {
  protocol.handle(SCHEME, (request) => {
    const { host, pathname } = new URL(request.url);
    const file = path.resolve(RENDERER_DIR, decodeURIComponent(pathname).replace(/^\/+/, '') || 'index.html');
    if (host !== 'app' || !file.startsWith(RENDERER_DIR + path.sep)) return new Response('not found', { status: 404 });
    return net.fetch(pathToFileURL(file).toString());
  });
}

app.setName('Wirewatch');
app.enableSandbox();

void app.whenReady().then(async () => {
  serveRenderer();
  // The Workbench runs on its own thread: imports and index builds never freeze the window.
  const wb = await openWorkbenchThread(
    {
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
    },
    path.join(__dirname, 'workbench-worker.js'),
  );
  registerIpc(wb.api, (_sender, frameUrl) => isOwnPage(frameUrl));

  // No permission (camera, notifications, ...) is ever granted to page content.
  session.defaultSession.setPermissionRequestHandler((_wc, _perm, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);

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
  void win.loadURL(devServerUrl ?? `${APP_ORIGIN}/index.html`);

  app.on('window-all-closed', () => {
    void wb.close().then(() => app.quit());
  });
});
