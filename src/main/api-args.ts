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
