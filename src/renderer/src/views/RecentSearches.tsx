import { useId } from 'react';
import type { SearchHistoryEntry } from '../../../shared/types';
import { plural } from '../format';

/** Entries shown. */
const SHOWN = 10;

interface Props {
  history: SearchHistoryEntry[];
  onRun(query: string): void;
}

/** The latest searches, newest first; each runs again when chosen. */
export function RecentSearches({ history, onRun }: Props) {
  const headingId = useId();
  return (
    <section className="recent-searches" aria-labelledby={headingId}>
      <h2 id={headingId}>Recent searches</h2>
      {history.length === 0 ? (
        <p className="empty">Searches you run are listed here.</p>
      ) : (
        <ul>
          {history.slice(0, SHOWN).map((h, i) => (
            <li key={`${i}-${h.at}`}>
              <button type="button" onClick={() => onRun(h.query)} aria-describedby={`${headingId}-${i}`}>
                {h.query}
              </button>
              <span className="when" id={`${headingId}-${i}`}>
                {plural(h.total, 'hit', 'hits')} · <time dateTime={h.at}>{new Date(h.at).toLocaleString()}</time>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
