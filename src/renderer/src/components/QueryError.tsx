import { errorColumn } from '../search/narrow';

interface Props {
  message: string;
  /** The query that failed. */
  query: string;
  /** The query whose results are still shown, or null when none are. */
  shownQuery: string | null;
}

/**
 * Why a query could not be read, as the workbench says it, with the query repeated and the
 * column it names marked, and what the results below still show.
 */
export function QueryError({ message, query, shownQuery }: Props) {
  const col = errorColumn(message);
  const at = col !== null && col >= 1 && col <= query.length + 1 ? col - 1 : null;
  return (
    <div role="alert" className="error query-error">
      <p>{message}</p>
      {at !== null && (
        <p className="query-at" aria-hidden="true">
          <code>
            {query.slice(0, at)}
            <mark className="error-at">{query.slice(at, at + 1) || ' '}</mark>
            {query.slice(at + 1)}
          </code>
        </p>
      )}
      {shownQuery !== null && (
        <p className="still-shown">
          {shownQuery.trim() ? `The results below are still those of “${shownQuery}”.` : 'The list below still shows the whole archive.'}
        </p>
      )}
    </div>
  );
}
