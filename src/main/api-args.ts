/**
 * Checks of the arguments a contract method receives: every door passes them through as they
 * came (JSON from HTTP, structured clones over IPC), so the Workbench checks them once, here.
 */
import { ApiError } from '../shared/api';
import { SEARCH_SORTS, type SearchSort } from '../shared/types';

/** A whole number, or a bad_request naming the argument. */
export function requiredInt(v: unknown, name: string): number {
  if (typeof v !== 'number' || !Number.isInteger(v)) throw new ApiError('bad_request', `${name} must be a whole number`);
  return v;
}

/** A whole number when given, else `fallback`. */
export function optionalInt(v: unknown, name: string, fallback: number): number {
  return v === undefined || v === null ? fallback : requiredInt(v, name);
}

/** Text, or a bad_request naming the argument. */
export function requiredString(v: unknown, name: string): string {
  if (typeof v !== 'string') throw new ApiError('bad_request', `${name} must be text`);
  return v;
}

/** A search order; relevance when not given. */
export function searchSort(v: unknown): SearchSort {
  if (v === undefined || v === null) return 'relevance';
  if (!(SEARCH_SORTS as readonly unknown[]).includes(v)) throw new ApiError('bad_request', `sort must be one of ${SEARCH_SORTS.join(', ')}`);
  return v as SearchSort;
}

/** Text when given (null/undefined → undefined), else a bad_request naming the argument. */
export function optionalString(v: unknown, name: string): string | undefined {
  return v === undefined || v === null ? undefined : requiredString(v, name);
}

/** Non-empty text (trimmed), or a bad_request naming the argument. */
export function requiredText(v: unknown, name: string): string {
  const s = requiredString(v, name).trim();
  if (!s) throw new ApiError('bad_request', `${name} must not be empty`);
  return s;
}

const PARTIAL_DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

/** A date "YYYY", "YYYY-MM" or "YYYY-MM-DD" when given, else a bad_request naming the argument. */
export function optionalDate(v: unknown, name: string): string | undefined {
  const s = optionalString(v, name);
  if (s === undefined || s === '') return undefined;
  if (!PARTIAL_DATE.test(s)) throw new ApiError('bad_request', `${name} must be a date: YYYY, YYYY-MM or YYYY-MM-DD (got "${s}")`);
  return s;
}
