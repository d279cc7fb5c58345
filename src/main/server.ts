import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { Api } from '../shared/api';
import { MAX_FILE_BYTES } from '../shared/limits';
import { dispatch } from './dispatch';

export interface ServerOptions {
  api: Api;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  /** 0 picks a free port. */
  port?: number;
  /** The token to require; a fresh random one by default (tests may pass their own). */
  token?: string;
}

export interface RunningServer {
  /** The address to open, with the token in the fragment (never sent to the server in logs). */
  url: string;
  port: number;
  /** The address the server is bound to: always 127.0.0.1. */
  address: string;
  token: string;
  close(): Promise<void>;
}

/** Largest request body: the largest importable file in base64 (4/3 of its size) plus JSON framing. */
const MAX_BODY_BYTES = Math.ceil((MAX_FILE_BYTES * 4) / 3) + 1024 * 1024;

const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

/**
 * Browser mode: serves the built UI and the whole API over HTTP on 127.0.0.1 only.
 * Every API call needs the per-launch token (`Authorization: Bearer <token>`); a request whose
 * Host is not this loopback address and port, or whose Origin is foreign, is refused (this
 * stops DNS-rebinding and cross-site requests).
 *
 * @example
 *   const s = await startServer({ api: wb.api, rendererDir: 'out/renderer' });
 *   console.log(s.url); // http://127.0.0.1:43121/#token=...
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const token = options.token ?? randomBytes(24).toString('hex');
  const expected = Buffer.from(`Bearer ${token}`);
  let port = 0;

  const server = http.createServer((req, res) => {
    const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
    const origin = req.headers.origin;
    if (!req.headers.host || !allowedHosts.includes(req.headers.host)) return refuse(res, 403, 'foreign Host refused');
    if (origin !== undefined && !allowedHosts.map((h) => `http://${h}`).includes(origin)) {
      return refuse(res, 403, 'foreign Origin refused');
    }
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    if (url.pathname.startsWith('/api/')) {
      const auth = Buffer.from(req.headers.authorization ?? '');
      if (auth.length !== expected.length || !timingSafeEqual(auth, expected)) return refuse(res, 401, 'missing or wrong token');
      if (req.method !== 'POST') return refuse(res, 405, 'use POST');
      return void handleApi(options.api, decodeURIComponent(url.pathname.slice(5)), req, res);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'method not allowed');
    serveStatic(options.rendererDir, url.pathname, res);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    // Loopback only: browser mode is never reachable from another machine.
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const bound = server.address() as { port: number; address: string };
  port = bound.port;
  return {
    address: bound.address,
    url: `http://127.0.0.1:${port}/#token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function handleApi(api: Api, method: string, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  let args: unknown;
  try {
    const raw = await readBody(req);
    args = raw.length ? JSON.parse(raw.toString('utf8')) : {};
  } catch (err) {
    return sendJson(res, 400, { ok: false, error: { code: 'bad_request', message: (err as Error).message } });
  }
  const envelope = await dispatch(api, method, args);
  const status = envelope.ok ? 200 : { bad_request: 400, not_found: 404, unavailable: 501, internal: 500 }[envelope.error.code];
  sendJson(res, status, envelope);
}

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error(`request body over ${MAX_BODY_BYTES / 1048576} MB`));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function serveStatic(root: string, pathname: string, res: http.ServerResponse): void {
  const rel = pathname === '/' ? 'index.html' : decodeURIComponent(pathname).replace(/^\/+/, '');
  const file = path.resolve(root, rel);
  if (!file.startsWith(path.resolve(root) + path.sep)) return refuse(res, 404, 'not found');
  fs.readFile(file, (err, data) => {
    if (err) return refuse(res, 404, 'not found');
    res.writeHead(200, {
      'Content-Type': MIME[path.extname(file)] ?? 'application/octet-stream',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-store',
    });
    res.end(data);
  });
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}

function refuse(res: http.ServerResponse, status: number, message: string): void {
  sendJson(res, status, { ok: false, error: { code: status === 401 || status === 403 ? 'bad_request' : 'not_found', message } });
}
