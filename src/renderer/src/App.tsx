import { useState } from 'react';
import type { SavedSearch } from '../../shared/types';
import { ImportLog } from './views/ImportLog';
import { ImportPanel } from './views/ImportPanel';
import { Reader } from './views/Reader';
import { RecentSearches } from './views/RecentSearches';
import { SavedSearches } from './views/SavedSearches';
import { SearchPanel } from './views/SearchPanel';
import { StatementsView } from './views/StatementsView';
import { plural } from './format';
import { useSearch } from './search/useSearch';
import { useSearchLists } from './search/useSearchLists';

/** The two things the middle column can show. */
type MiddleTab = 'articles' | 'statements';

/**
 * The workbench window: import, saved and recent searches on the left; in the middle either
 * the article search with its facets and hits or the statements view; the reader on the right.
 */
export function App() {
  const [version, setVersion] = useState(0);
  const [open, setOpen] = useState<{ id: number; query: string; statementId?: number } | null>(null);
  const [tab, setTab] = useState<MiddleTab>('articles');
  const search = useSearch(version);
  const lists = useSearchLists([version, search.historyVersion]);

  function runSaved(s: SavedSearch) {
    const note = s.newMatches > 0 ? `Saved search “${s.name}”: ${plural(s.newMatches, 'new article', 'new articles')} since it was last opened.` : null;
    void search.run({ query: s.query, sort: s.sort }, { record: true, note });
  }

  return (
    <div className="app">
      <header>
        <h1>Wirewatch</h1>
      </header>
      <main>
        <div className="side">
          <ImportPanel onImported={() => setVersion((v) => v + 1)} />
          <ImportLog version={version} />
          <SavedSearches saved={lists.saved} error={lists.error} onRun={runSaved} onChanged={lists.refresh} />
          <RecentSearches history={lists.history} onRun={(query) => void search.run({ query }, { record: true })} />
        </div>
        <div className="middle">
          <div role="tablist" aria-label="What to search" className="tabs">
            {(['articles', 'statements'] as const).map((t) => (
              <button
                key={t}
                type="button"
                role="tab"
                id={`tab-${t}`}
                aria-selected={tab === t}
                aria-controls={`panel-${t}`}
                tabIndex={tab === t ? 0 : -1}
                onClick={() => setTab(t)}
                onKeyDown={(e) => {
                  if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
                    const next = t === 'articles' ? 'statements' : 'articles';
                    setTab(next);
                    document.getElementById(`tab-${next}`)?.focus();
                  }
                }}
              >
                {t === 'articles' ? 'Articles' : 'Statements'}
              </button>
            ))}
          </div>
          <div role="tabpanel" id="panel-articles" aria-labelledby="tab-articles" hidden={tab !== 'articles'}>
            <SearchPanel search={search} selectedId={open?.id ?? null} onOpen={(id, query) => setOpen({ id, query })} onSaved={lists.refresh} />
          </div>
          <div role="tabpanel" id="panel-statements" aria-labelledby="tab-statements" hidden={tab !== 'statements'}>
            {tab === 'statements' && (
              <StatementsView
                version={version}
                selectedId={open?.statementId ?? null}
                onOpen={(s) => setOpen({ id: s.articleId, query: '', statementId: s.id })}
              />
            )}
          </div>
        </div>
        <div className="content">
          {open === null ? (
            <p className="placeholder">Open an article to read it here.</p>
          ) : (
            <Reader
              id={open.id}
              query={open.query}
              statementId={open.statementId ?? null}
              onOpen={(id) => setOpen((o) => ({ id, query: o?.query ?? '' }))}
              onChanged={() => setVersion((v) => v + 1)}
            />
          )}
        </div>
      </main>
    </div>
  );
}
