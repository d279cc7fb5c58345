import { useEffect, useState, type FormEvent } from 'react';
import type { Article, SearchResult } from '../../../shared/types';
import { call } from '../api';
import { Highlighted } from '../components/Highlighted';

interface Props {
  /** Bumped after imports, so the list refreshes. */
  version: number;
  selectedId: number | null;
  onOpen(id: number): void;
}

/** The search box and its results; with no query, the most recently imported articles. */
export function SearchPanel({ version, selectedId, onOpen }: Props) {
  const [query, setQuery] = useState('');
  const [submitted, setSubmitted] = useState('');
  const [result, setResult] = useState<SearchResult | null>(null);
  const [recent, setRecent] = useState<{ total: number; articles: Article[] } | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    setError(null);
    const run = submitted.trim()
      ? call('search.query', { query: submitted, limit: 100 }).then((r) => live && setResult(r))
      : call('articles.list', { limit: 100 }).then((r) => {
          if (live) {
            setRecent(r);
            setResult(null);
          }
        });
    run.catch((e: Error) => live && setError(e.message));
    return () => {
      live = false;
    };
  }, [submitted, version]);

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    setSubmitted(query);
  }

  return (
    <section className="search" aria-label="Search">
      <form role="search" onSubmit={onSubmit}>
        <input
          type="search"
          aria-label="Search the archive"
          placeholder="Search titles and text (e.g. Borrel, CSTO Kazakhstan)"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <button type="submit">Search</button>
      </form>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {result ? (
        <>
          <p className="count" aria-live="polite">
            {result.total} {result.total === 1 ? 'article matches' : 'articles match'} “{submitted}”
          </p>
          <ul className="results" aria-label="Search results">
            {result.hits.map((h) => (
              <li key={h.id} className={h.id === selectedId ? 'selected' : ''}>
                <button type="button" className="hit" onClick={() => onOpen(h.id)} aria-label={`Open ${h.title}`}>
                  <span className="title">{h.title}</span>
                  <span className="meta">
                    {[h.source, h.publishedAt ?? 'undated'].filter(Boolean).join(' · ')}
                  </span>
                  <span className="snippet">
                    <Highlighted text={h.snippet} spans={h.highlights} />
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : (
        recent && (
          <>
            <p className="count">
              {recent.total === 0 ? 'The archive is empty: import some articles.' : `${recent.total} ${recent.total === 1 ? 'article' : 'articles'} in the archive, newest import first`}
            </p>
            <ul className="results" aria-label="Recent articles">
              {recent.articles.map((a) => (
                <li key={a.id} className={a.id === selectedId ? 'selected' : ''}>
                  <button type="button" className="hit" onClick={() => onOpen(a.id)} aria-label={`Open ${a.title}`}>
                    <span className="title">{a.title}</span>
                    <span className="meta">{[a.source, a.publishedAt ?? 'undated'].filter(Boolean).join(' · ')}</span>
                  </button>
                </li>
              ))}
            </ul>
          </>
        )
      )}
    </section>
  );
}
