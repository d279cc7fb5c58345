import { useCallback, useEffect, useRef, useState } from 'react';
import type { SavedSearch, SearchHistoryEntry } from '../../../shared/types';
import { call } from '../api';

export interface SearchLists {
  saved: SavedSearch[];
  history: SearchHistoryEntry[];
  error: string | null;
  refresh(): void;
}

/**
 * The saved searches (with their new matches) and the recent-searches history, fetched again
 * whenever one of `deps` changes (imports, searches added to the history) or on `refresh()`.
 */
export function useSearchLists(deps: readonly unknown[]): SearchLists {
  const [saved, setSaved] = useState<SavedSearch[]>([]);
  const [history, setHistory] = useState<SearchHistoryEntry[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  const seq = useRef(0);

  useEffect(() => {
    const my = ++seq.current;
    call('searches.list', {})
      .then((r) => {
        if (my !== seq.current) return;
        setSaved(r.saved);
        setHistory(r.history);
        setError(null);
      })
      .catch((e: Error) => my === seq.current && setError(e.message));
  }, [tick, ...deps]);

  const refresh = useCallback(() => setTick((t) => t + 1), []);
  return { saved, history, error, refresh };
}
