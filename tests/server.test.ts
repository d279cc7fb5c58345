import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_METHODS } from '../src/shared/api';
import { startServer, type RunningServer } from '../src/main/server';
import { openWorkbench, type Workbench } from '../src/main/workbench';
import { SEED_FILE, tempDir } from './helpers/paths';

let dir: string;
let wb: Workbench;
let server: RunningServer;

beforeAll(async () => {
  dir = tempDir();
  const rendererDir = path.join(dir, 'renderer');
  fs.mkdirSync(rendererDir);
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Wirewatch</title>');
  fs.writeFileSync(path.join(dir, 'secret.txt'), 'outside the renderer');
  wb = openWorkbench({ dbPath: path.join(dir, 'w.db') });
  server = await startServer({ api: wb.api, rendererDir });
});
afterAll(async () => {
  await server.close();
  wb.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A raw HTTP request, so Host and Origin can be set to anything. */
function request(
  pathname: string,
  { method = 'POST', headers = {}, body }: { method?: string; headers?: Record<string, string>; body?: unknown } = {},
): Promise<{ status: number; json: any; headers: http.IncomingHttpHeaders; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: server.port, path: pathname, method, headers: { Host: `127.0.0.1:${server.port}`, ...headers } },
      (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () => {
          let json: unknown;
          try {
            json = JSON.parse(text);
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode!, json, headers: res.headers, text });
        });
      },
    );
    req.on('error', reject);
    if (body !== undefined) req.write(JSON.stringify(body));
    req.end();
  });
}

const auth = () => ({ Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' });

describe('browser mode server', () => {
  it('prints a loopback URL carrying the token', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/#token=${server.token}`);
    expect(server.token).toMatch(/^[0-9a-f]{48}$/);
  });

  it('serves every contract method to a request with the token', async () => {
    const info = await request('/api/archive.info', { headers: auth(), body: {} });
    expect(info.status).toBe(200);
    expect(info.json.result.articles).toBe(0);
    const imported = await request('/api/import.uploads', {
      headers: auth(),
      body: { files: [{ name: 'seed.txt', base64: fs.readFileSync(SEED_FILE).toString('base64') }] },
    });
    expect(imported.json.result.imported).toBe(1);
    const search = await request('/api/search.query', { headers: auth(), body: { query: 'Borrel' } });
    expect(search.json.result.total).toBe(1);
  });

  it('reaches every contract method through the one generic door', async () => {
    for (const method of API_METHODS) {
      const r = await request(`/api/${method}`, { headers: auth(), body: {} });
      // Some need arguments or the desktop shell; none is unknown to the door.
      expect(r.json.error?.message ?? '', method).not.toMatch(/no such method/);
    }
    const shell = await request('/api/dialog.pickFiles', { headers: auth(), body: {} });
    expect(shell.status).toBe(501);
    expect(shell.json.error.message).toBe('the native file dialog exists only in the desktop app');
  });

  it('refuses a request without the token or with a wrong one', async () => {
    const none = await request('/api/archive.info', { body: {} });
    expect(none.status).toBe(401);
    const wrong = await request('/api/archive.info', { headers: { Authorization: 'Bearer 00' }, body: {} });
    expect(wrong.status).toBe(401);
  });

  it('refuses a foreign Host (DNS rebinding) and a foreign Origin (cross-site request)', async () => {
    const host = await request('/api/archive.info', { headers: { ...auth(), Host: `evil.example:${server.port}` }, body: {} });
    expect(host.status).toBe(403);
    const page = await request('/', { method: 'GET', headers: { Host: 'evil.example' } });
    expect(page.status).toBe(403);
    const origin = await request('/api/archive.info', { headers: { ...auth(), Origin: 'https://evil.example' }, body: {} });
    expect(origin.status).toBe(403);
    const ownOrigin = await request('/api/archive.info', { headers: { ...auth(), Origin: `http://127.0.0.1:${server.port}` }, body: {} });
    expect(ownOrigin.status).toBe(200);
  });

  it('answers unknown methods and bad JSON with errors, not crashes', async () => {
    const unknown = await request('/api/fs.readFile', { headers: auth(), body: {} });
    expect(unknown.status).toBe(404);
    expect(unknown.json.error.message).toBe('no such method: fs.readFile');
    const bad = await new Promise<number>((resolve) => {
      const req = http.request(
        { host: '127.0.0.1', port: server.port, path: '/api/search.query', method: 'POST', headers: auth() },
        (res) => resolve(res.statusCode!),
      );
      req.end('{not json');
    });
    expect(bad).toBe(400);
    const after = await request('/api/archive.info', { headers: auth(), body: {} });
    expect(after.status).toBe(200);
  });

  it('serves the UI with a strict Content Security Policy and nothing outside its folder', async () => {
    const page = await request('/', { method: 'GET' });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    const traversal = await request('/..%2fsecret.txt', { method: 'GET' });
    expect(traversal.status).toBe(404);
    expect(traversal.text).not.toContain('outside the renderer');
  });

  it('listens on 127.0.0.1 alone, so no other address reaches it', async () => {
    expect(server.address).toBe('127.0.0.1');
    // A server bound to every interface would answer on 127.0.0.2 too; ours does not.
    const reachable = await new Promise<boolean>((resolve) => {
      const sock = net.connect({ host: '127.0.0.2', port: server.port });
      sock.once('connect', () => {
        sock.destroy();
        resolve(true);
      });
      sock.once('error', () => resolve(false));
    });
    expect(reachable).toBe(false);
  });
});
