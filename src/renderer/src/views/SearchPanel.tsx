import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
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
  const [stories, setStories] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    setError(null);
    const run = submitted.trim()
      ? call('search.query', { query: submitted, limit: 100 }).then((r) => live && setResult(r))
      : Promise.all([call('articles.list', { limit: 100 }), call('archive.info', {})]).then(([r, info]) => {
          if (live) {
            setRecent(r);
            setStories(info.stories);
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
              <ArticleItem key={h.id} article={h} selected={h.id === selectedId} onOpen={onOpen}>
                <span className="snippet">
                  <Highlighted text={h.snippet} spans={h.highlights} />
                </span>
              </ArticleItem>
            ))}
          </ul>
        </>
      ) : (
        recent && (
          <>
            <p className="count">
              {recent.total === 0
                ? 'The archive is empty: import some articles.'
                : `${recent.total} ${recent.total === 1 ? 'article' : 'articles'} in the archive` +
                  (stories !== null && stories !== recent.total ? ` (${stories} stories)` : '') +
                  ', newest import first'}
            </p>
            <ul className="results" aria-label="Recent articles">
              {recent.articles.map((a) => (
                <ArticleItem key={a.id} article={a} selected={a.id === selectedId} onOpen={onOpen} />
              ))}
            </ul>
          </>
        )
      )}
    </section>
  );
}

interface ItemProps {
  article: { id: number; title: string; source: string | null; publishedAt: string | null; copies?: number };
  selected: boolean;
  onOpen(id: number): void;
  children?: ReactNode;
}

/** One article in a list: a button named after its title that opens it in the reader. */
function ArticleItem({ article, selected, onOpen, children }: ItemProps) {
  return (
    <li className={selected ? 'selected' : ''}>
      <button type="button" className="hit" onClick={() => onOpen(article.id)} aria-label={`Open ${article.title}`}>
        <span className="title">{article.title}</span>
        <span className="meta">
          {[article.source, article.publishedAt ?? 'undated'].filter(Boolean).join(' · ')}
          {article.copies !== undefined && article.copies > 1 && <span className="badge">{article.copies} copies</span>}
        </span>
        {children}
      </button>
    </li>
  );
}
