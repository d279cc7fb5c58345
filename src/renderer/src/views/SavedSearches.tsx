import { useId, useRef, useState } from 'react';
import type { SavedSearch } from '../../../shared/types';
import { call } from '../api';
import { formatCount } from '../format';
import { ErrorLine } from '../components/ErrorLine';

interface Props {
  saved: SavedSearch[];
  error: string | null;
  /** Runs a saved search (after it was marked opened). */
  onRun(opened: SavedSearch): void;
  /** The list changed (opened or deleted): fetch it again. */
  onChanged(): void;
}

const SORT_NAMES = { relevance: 'relevance', newest: 'newest first', oldest: 'oldest first' } as const;

/**
 * The saved searches, by name, each with its query and how many articles imported since it was
 * last opened match it. Opening one runs it (and starts its new-match count again); each can
 * be deleted.
 */
export function SavedSearches({ saved, error, onRun, onChanged }: Props) {
  const [problem, setProblem] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const headingId = useId();

  async function open(s: SavedSearch) {
    setProblem(null);
    try {
      const opened = await call('searches.open', { id: s.id });
      onRun(opened);
      onChanged();
    } catch (e) {
      setProblem((e as Error).message);
    }
  }

  async function remove(s: SavedSearch, index: number) {
    setProblem(null);
    try {
      await call('searches.delete', { id: s.id });
      setStatus(`Deleted the saved search “${s.name}”.`);
      // Focus the next search (or the one before, or the heading) so the keyboard stays in the list.
      const buttons = list.current?.querySelectorAll<HTMLButtonElement>('button.saved-name');
      const next = buttons?.[index + 1] ?? buttons?.[index - 1];
      if (next) next.focus();
      else heading.current?.focus();
      onChanged();
    } catch (e) {
      setProblem((e as Error).message);
    }
  }

  return (
    <section className="saved-searches" aria-labelledby={headingId}>
      <h2 id={headingId} ref={heading} tabIndex={-1}>
        Saved searches
      </h2>
      <ErrorLine message={problem ?? error} />
      <p className="visually-hidden" role="status">
        {status}
      </p>
      {saved.length === 0 ? (
        <p className="empty">None yet: run a search and choose “Save this search”.</p>
      ) : (
        <ul ref={list}>
          {saved.map((s, i) => (
            <li key={s.id}>
              <button type="button" className="saved-name" onClick={() => void open(s)} aria-describedby={`${headingId}-${s.id}`}>
                {s.name}
              </button>
              {s.newMatches > 0 && (
                <span className="badge new" title="Articles imported since the search was last opened">
                  {formatCount(s.newMatches)} new
                </span>
              )}
              <button type="button" className="delete" onClick={() => void remove(s, i)} aria-label={`Delete saved search ${s.name}`} title="Delete">
                ×
              </button>
              <span className="saved-query" id={`${headingId}-${s.id}`}>
                <code>{s.query}</code>
                {s.sort !== 'relevance' && ` · ${SORT_NAMES[s.sort]}`}
                {s.newMatches > 0 && <span className="visually-hidden">, {formatCount(s.newMatches)} new</span>}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
