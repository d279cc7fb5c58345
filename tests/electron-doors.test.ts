import { describe, expect, it, vi } from 'vitest';
import { API_METHODS, ipcChannel, type Api } from '../src/shared/api';

// The Electron runtime cannot run here: these tests stand a recording fake in for the
// `electron` module and check what our preload and IPC bridge do with it.
const exposed: Record<string, unknown> = {};
const invoked: Array<[string, unknown]> = [];
const handlers = new Map<string, (event: unknown, args: unknown) => Promise<unknown>>();
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => (exposed[key] = value) },
  ipcRenderer: {
    invoke: async (channel: string, args: unknown) => {
      invoked.push([channel, args]);
      return { ok: true, result: null };
    },
  },
  ipcMain: { handle: (channel: string, fn: (e: unknown, a: unknown) => Promise<unknown>) => handlers.set(channel, fn) },
}));

describe('the preload', () => {
  it('exposes the contract methods by name and nothing else', async () => {
    await import('../src/preload/index');
    expect(Object.keys(exposed)).toEqual(['wirewatch']);
    const bridge = exposed.wirewatch as Record<string, (a: unknown) => Promise<unknown>>;
    expect(Object.keys(bridge).sort()).toEqual([...API_METHODS].sort());
    await bridge['search.query']!({ query: 'Borrel' });
    expect(invoked).toEqual([[ipcChannel('search.query'), { query: 'Borrel' }]]);
  });
});

describe('the IPC bridge', () => {
  it('serves every method to our own window and refuses any other sender', async () => {
    const { registerIpc } = await import('../src/main/ipc');
    const api = Object.fromEntries(API_METHODS.map((m) => [m, async () => `answer of ${m}`])) as unknown as Api;
    registerIpc(api, (_sender, url) => url === 'file:///app/out/renderer/index.html');
    expect([...handlers.keys()].sort()).toEqual(API_METHODS.map(ipcChannel).sort());

    const mainFrame = { url: 'file:///app/out/renderer/index.html' };
    const ours = { sender: { mainFrame }, senderFrame: mainFrame };
    expect(await handlers.get(ipcChannel('archive.info'))!(ours, {})).toEqual({ ok: true, result: 'answer of archive.info' });

    const foreignPage = { url: 'https://evil.example/' };
    const foreign = { sender: { mainFrame: foreignPage }, senderFrame: foreignPage };
    expect(await handlers.get(ipcChannel('archive.info'))!(foreign, {})).toMatchObject({ ok: false });

    const subframe = { url: 'file:///app/out/renderer/index.html' };
    const iframe = { sender: { mainFrame }, senderFrame: subframe };
    expect(await handlers.get(ipcChannel('archive.info'))!(iframe, {})).toMatchObject({
      ok: false,
      error: { message: 'refused: untrusted sender' },
    });
  });
});
