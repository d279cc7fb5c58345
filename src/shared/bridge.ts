import type { ApiArgs, ApiEnvelope, ApiMethod, ApiResult } from './api';

/**
 * What the Electron preload puts on `window.wirewatch`: one function per contract method,
 * by name, each answering with the wire envelope. Nothing else.
 */
export type WirewatchBridge = { [M in ApiMethod]: (args: ApiArgs<M>) => Promise<ApiEnvelope<ApiResult<M>>> };
