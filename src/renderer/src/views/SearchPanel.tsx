import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { SavedSearch, SearchSort } from '../../../shared/types';
import { FacetList } from '../components/FacetList';
import { HitItem } from '../components/HitItem';
import { QueryError } from '../components/QueryError';
import { SaveSearchForm } from '../components/SaveSearchForm';
import { formatCount, formatMs, plural } from '../format';
import { facetClause, narrowQuery, type FacetField } from '../search/narrow';
import type { SearchState, ShownResult } from '../search/useSearch';

interface Props {
  search: SearchState;
  selectedId: number | null;
  /** Opens an article in the reader, with the query whose hits listed it. */
  onOpen(id: number, query: string): void;
  onSaved(saved: SavedSearch): void;
}

const SORTS: Array<[SearchSort, string]> = [
  ['relevance', 'Relevance'],
  ['newest', 'Newest first'],
  ['oldest', 'Oldest first'],
];

/**
 * The search box, its options, the count, facets and hits of the shown search; with no query,
 * the whole archive, newest first. Arrow Down in the box goes to the first hit, and Arrow
 * Up/Down move between hits.
 */
export function SearchPanel({ search, selectedId, onOpen, onSaved }: Props) {
  const { draft, setDraft, params, result, error, busy, loadingMore, note } = search;
  const list = useRef<HTMLUListElement>(null);
  const [focusHit, setFocusHit] = useState<number | null>(null);

  useEffect(() => {
    if (focusHit === null) return;
    list.current?.querySelectorAll<HTMLButtonElement>('button.hit')[focusHit]?.focus();
    setFocusHit(null);
  }, [focusHit, result]);

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    void search.run({ query: draft.trim() }, { record: true });
  }

  function narrow(field: FacetField, value: string) {
    if (!result) return;
    void search.run({ query: narrowQuery(result.params.query, facetClause(field, value)) }, { record: true });
  }

  async function more() {
    const before = result?.data.hits.length ?? 0;
    const added = await search.loadMore();
    if (added > 0) setFocusHit(before);
  }

  function onBoxKey(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'ArrowDown' && result && result.data.hits.length > 0) {
      e.preventDefault();
      setFocusHit(0);
    }
  }

  function onListKey(e: KeyboardEvent<HTMLUListElement>) {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const buttons = [...(list.current?.querySelectorAll<HTMLButtonElement>('button.hit') ?? [])];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (at < 0) return;
    e.preventDefault();
    buttons[Math.max(0, Math.min(buttons.length - 1, at + (e.key === 'ArrowDown' ? 1 : -1)))]?.focus();
  }

  const shownQuery = result?.params.query ?? '';
  // While another search is on its way, the old hits are not offered as if they were its hits
  // (they come back, with the reason, if it fails).
  const pending = busy && result !== null && params !== result.params;
  const hits = pending ? [] : (result?.data.hits ?? []);
  return (
    <section className="search" aria-label="Search">
      <form role="search" onSubmit={onSubmit}>
        <input
          type="search"
          aria-label="Search the archive"
          placeholder="e.g. Borrel, title:oil date:1987-03, “exact phrase”"
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={onBoxKey}
          spellCheck={false}
        />
        <button type="submit">Search</button>
      </form>
      <div className="search-options" role="group" aria-label="Search options">
        <select aria-label="Sort results" value={params.sort} onChange={(e) => void search.run({ sort: e.target.value as SearchSort })}>
          {SORTS.map(([v, label]) => (
            <option key={v} value={v}>
              {label}
            </option>
          ))}
        </select>
        <label title="With relevance order: a newer article outranks an older one of similar relevance">
          <input
            type="checkbox"
            checked={params.boostRecent}
            disabled={params.sort !== 'relevance'}
            onChange={(e) => void search.run({ boostRecent: e.target.checked })}
          />
          Recent first
        </label>
        <label title="Show copies of a story (syndicated or re-published) as one hit">
          <input type="checkbox" checked={params.foldCopies} onChange={(e) => void search.run({ foldCopies: e.target.checked })} />
          Fold copies
        </label>
        <SaveSearchForm query={result ? shownQuery : null} sort={result?.params.sort ?? params.sort} onSaved={onSaved} />
      </div>
      {error && <QueryError message={error.message} query={error.query} shownQuery={result ? shownQuery : null} />}
      {note && <p className="note">{note}</p>}
      <div className="notices" role="status" aria-live="polite">
        {result?.data.notices.map((n, i) => (
          <p key={i} className="notice">
            {n}
          </p>
        ))}
      </div>
      <p className="count" aria-live="polite">
        {pending || (!result && busy) ? 'Searching…' : result ? countLine(result) : ''}
        {result && !pending && result.data.articles > 0 && <span className="took"> · {formatMs(result.data.tookMs)}</span>}
      </p>
      {result?.data.facets && <FacetList facets={result.data.facets} onNarrow={narrow} />}
      {result?.data.summaryPending && (
        <p className="facets facets-pending" aria-busy="true">
          Counting sources, languages and dates…
        </p>
      )}
      {result && (
        <ul
          ref={list}
          className="results"
          aria-label={shownQuery.trim() ? 'Search results' : result.params.sort === 'oldest' ? 'Oldest articles' : 'Recent articles'}
          aria-busy={busy}
          onKeyDown={onListKey}
        >
          {hits.map((h) => (
            <HitItem key={h.id} hit={h} selected={h.id === selectedId} onOpen={(id) => onOpen(id, shownQuery)} />
          ))}
        </ul>
      )}
      {result && !pending && hits.length < result.data.total && (
        <p className="more">
          <button type="button" onClick={() => void more()} disabled={loadingMore} aria-busy={loadingMore}>
            Show more results
          </button>{' '}
          <span className="shown">
            {formatCount(hits.length)} of {formatCount(result.data.total)} shown
          </span>
        </p>
      )}
    </section>
  );
}

/** "1,234 stories (1,310 articles) match “oil”", or for no query "1,310 articles in the archive (1,234 stories), newest first". */
function countLine({ params, data }: ShownResult): string {
  const q = params.query.trim();
  const folded = params.foldCopies && data.total !== data.articles;
  if (!q) {
    if (data.articles === 0) return 'The archive is empty: import some articles.';
    return (
      `${plural(data.articles, 'article', 'articles')} in the archive` +
      (folded ? ` (${plural(data.total, 'story', 'stories')})` : '') +
      (params.sort === 'oldest' ? ', oldest first' : ', newest first')
    );
  }
  if (data.storiesPending) {
    // Articles are counted; stories (and facets) are on their way.
    const v = data.articles === 1 ? 'matches' : 'match';
    return `${plural(data.articles, 'article', 'articles')} ${v} “${q}” · counting stories…`;
  }
  const verb = data.total === 1 ? 'matches' : 'match';
  if (!params.foldCopies) return `${plural(data.total, 'article', 'articles')} ${verb} “${q}”`;
  if (folded) return `${plural(data.total, 'story', 'stories')} (${plural(data.articles, 'article', 'articles')}) ${verb} “${q}”`;
  return `${plural(data.total, 'story', 'stories')} ${verb} “${q}”`;
}
