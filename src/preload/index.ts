/**
 * The preload: exposes the contract's methods by name and nothing else. Runs sandboxed, so
 * it imports only `electron` (and the pure contract, bundled in).
 */
import { contextBridge, ipcRenderer } from 'electron';
import { API_METHODS, ipcChannel } from '../shared/api';
import type { WirewatchBridge } from '../shared/bridge';

const bridge = Object.fromEntries(
  API_METHODS.map((method) => [method, (args: unknown) => ipcRenderer.invoke(ipcChannel(method), args)]),
) as WirewatchBridge;

contextBridge.exposeInMainWorld('wirewatch', bridge);
