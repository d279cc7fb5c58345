import { useId } from 'react';
import type { SearchHit } from '../../../shared/types';
import { formatDate, plural } from '../format';
import { Highlighted } from './Highlighted';

interface Props {
  hit: SearchHit;
  selected: boolean;
  onOpen(id: number): void;
}

/**
 * One search hit: a button named "Open <title>" that opens it in the reader, with the title's
 * and the snippet's matches marked, its date, source and language, and how many other copies
 * of the story are folded under it (read out as the button's description).
 */
export function HitItem({ hit, selected, onOpen }: Props) {
  const id = useId();
  const copies = hit.foldedCopies;
  const showSnippet = hit.snippet && hit.snippet !== hit.title;
  return (
    <li className={selected ? 'selected' : undefined}>
      <button
        type="button"
        className="hit"
        onClick={() => onOpen(hit.id)}
        aria-label={`Open ${hit.title}`}
        aria-describedby={[`${id}-meta`, showSnippet ? `${id}-snippet` : ''].filter(Boolean).join(' ')}
        aria-current={selected ? 'true' : undefined}
      >
        <span className="title">
          <Highlighted text={hit.title} spans={hit.titleHighlights} />
        </span>
        <span className="meta" id={`${id}-meta`}>
          {hit.publishedAt ? <time dateTime={hit.publishedAt}>{formatDate(hit.publishedAt)}</time> : 'undated'}
          {hit.source && ` · ${hit.source}`}
          {hit.language && <span className="lang"> · {hit.language}</span>}
          {copies > 0 && (
            <span className="badge copies" role="img" aria-label={`${plural(copies, 'more copy', 'more copies')} of this story`}>
              +{plural(copies, 'copy', 'copies')}
            </span>
          )}
        </span>
        {showSnippet && (
          <span className="snippet" id={`${id}-snippet`}>
            <Highlighted text={hit.snippet} spans={hit.highlights} />
          </span>
        )}
      </button>
    </li>
  );
}
