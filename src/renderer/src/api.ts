/**
 * The renderer's only way to the workbench: the contract's methods, called by name, over
 * Electron IPC (the preload's `window.wirewatch`) or, in browser mode, over HTTP with the
 * per-launch token. The UI code does not know which.
 */
import type { ApiArgs, ApiEnvelope, ApiMethod, ApiResult } from '../../shared/api';
import type { WirewatchBridge } from '../../shared/bridge';

declare global {
  interface Window {
    wirewatch?: WirewatchBridge;
  }
}

/** Which door the UI talks through. */
export const door: 'electron' | 'browser' = window.wirewatch ? 'electron' : 'browser';

const TOKEN_KEY = 'wirewatch-token';

/** Reads the token from the URL fragment once, keeps it for the tab, and clears it from the address bar. */
function browserToken(): string | null {
  const m = /(?:^|[#&])token=([0-9a-f]+)/.exec(window.location.hash);
  if (m) {
    sessionStorage.setItem(TOKEN_KEY, m[1]!);
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY);
}
const token = door === 'browser' ? browserToken() : null;

/** An error the workbench reported, with its message meant for people. */
export class CallError extends Error {}

/**
 * Calls one contract method.
 *
 * @example
 *   const { hits } = await call('search.query', { query: 'Borrel' });
 */
export async function call<M extends ApiMethod>(method: M, args: ApiArgs<M>): Promise<ApiResult<M>> {
  let envelope: ApiEnvelope<ApiResult<M>>;
  if (window.wirewatch) {
    const fn = window.wirewatch[method] as (a: ApiArgs<M>) => Promise<ApiEnvelope<ApiResult<M>>>;
    envelope = await fn(args);
  } else {
    if (!token) throw new CallError('No access token: open the address that `wirewatch serve` printed.');
    const res = await fetch(`/api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify(args),
    });
    envelope = (await res.json()) as ApiEnvelope<ApiResult<M>>;
  }
  if (!envelope.ok) throw new CallError(envelope.error.message);
  return envelope.result;
}
