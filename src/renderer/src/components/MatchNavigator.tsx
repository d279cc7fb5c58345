import { useEffect } from 'react';

interface Props {
  query: string;
  count: number;
  /** The current match, from 0. */
  current: number;
  onMove(delta: 1 | -1): void;
}

/** True when typing goes into `el` (so single-letter shortcuts must leave the key alone). */
function isTextField(el: Element | null): boolean {
  if (!el) return false;
  if (el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) return true;
  if (el instanceof HTMLInputElement) return !['button', 'checkbox', 'radio', 'submit', 'reset', 'file', 'range', 'color'].includes(el.type);
  return el instanceof HTMLElement && el.isContentEditable;
}

/**
 * Previous / next match of the search in the article, "Match 3 of 12", and the keys n and p
 * (when the focus is not in a text field). Going past the last match comes back to the first.
 */
export function MatchNavigator({ query, count, current, onMove }: Props) {
  useEffect(() => {
    if (count === 0) return;
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || isTextField(document.activeElement)) return;
      if (e.key === 'n' || e.key === 'p') {
        e.preventDefault();
        onMove(e.key === 'n' ? 1 : -1);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [count, onMove]);

  if (count === 0) {
    return (
      <div className="match-nav" role="group" aria-label="Matches of the search">
        <span role="status" aria-live="polite">
          Nothing to mark: no words of “{query}” in the title or text.
        </span>
      </div>
    );
  }
  return (
    <div className="match-nav" role="group" aria-label="Matches of the search">
      <span className="query" title={query}>
        Matches of “{query}”
      </span>
      <button type="button" onClick={() => onMove(-1)} disabled={count < 2} aria-keyshortcuts="p" title="Previous match (p)">
        Previous match
      </button>
      <span className="position" role="status" aria-live="polite">
        Match {current + 1} of {count}
      </span>
      <button type="button" onClick={() => onMove(1)} disabled={count < 2} aria-keyshortcuts="n" title="Next match (n)">
        Next match
      </button>
    </div>
  );
}
