import { ApiError, isApiMethod, type Api, type ApiEnvelope } from '../shared/api';

/**
 * Calls one contract method by name and wraps the outcome for the wire. Every door uses this,
 * so none of them needs per-method code: an unknown name or a failing method becomes an
 * error envelope, never a crash of the door.
 */
export async function dispatch(api: Api, method: unknown, args: unknown): Promise<ApiEnvelope<unknown>> {
  if (!isApiMethod(method)) {
    return { ok: false, error: { code: 'not_found', message: `no such method: ${String(method)}` } };
  }
  try {
    const fn = api[method] as (a: unknown) => Promise<unknown>;
    return { ok: true, result: await fn(args ?? {}) };
  } catch (err) {
    if (err instanceof ApiError) return { ok: false, error: { code: err.code, message: err.message } };
    const message = err instanceof Error ? err.message : String(err);
    return { ok: false, error: { code: 'internal', message } };
  }
}
