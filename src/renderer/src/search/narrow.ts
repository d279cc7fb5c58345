/**
 * Narrowing a query by a facet value: the clause the query language reads for it, appended to
 * the query as text the analyst can see and edit (docs/query-language.md).
 */

/** The facet groups of a search result, in the order they are shown. */
export const FACET_FIELDS = ['source', 'language', 'year', 'month', 'tag', 'speaker'] as const;
export type FacetField = (typeof FACET_FIELDS)[number];

/**
 * A value as the query language takes it after `field:`. Values that are more than letters and
 * digits are quoted; the language has no escape for quotes inside quotes, so quote marks in a
 * value become spaces (metadata values match word by word, so this finds the same values).
 */
function quoted(value: string): string {
  const clean = value.replace(/["“”*]/g, ' ').replace(/\s+/g, ' ').trim();
  return `"${clean}"`;
}

/** The clause that keeps only articles with this facet value, e.g. `source:"Reuters"`, `date:1987-03`. */
export function facetClause(field: FacetField, value: string): string {
  switch (field) {
    case 'source':
      return `source:${quoted(value)}`;
    case 'tag':
      return `tag:${quoted(value)}`;
    case 'speaker':
      return `speaker:${quoted(value)}`;
    case 'language':
      return /^[\p{L}\p{N}-]+$/u.test(value) ? `lang:${value.toLowerCase()}` : `lang:${quoted(value)}`;
    case 'year':
    case 'month':
      return `date:${value}`;
  }
}

/** The query with its quoted parts blanked, so keywords inside phrases are not mistaken for operators. */
function unquoted(query: string): string {
  return query.replace(/["“”][^"“”]*["“”]?/g, (m) => ' '.repeat(m.length));
}

/**
 * The query narrowed by one more clause. A query with a top-level OR is wrapped in parentheses
 * first (AND binds tighter than OR, so `a OR b source:x` would narrow only `b`); a clause the
 * query already has is not added twice.
 *
 * @example
 *   narrowQuery('oil OR gas', 'date:1987')  // '(oil OR gas) date:1987'
 */
export function narrowQuery(query: string, clause: string): string {
  const q = query.trim();
  if (!q) return clause;
  if (` ${q} `.includes(` ${clause} `)) return q;
  return `${hasTopLevelOr(q) ? `(${q})` : q} ${clause}`;
}

function hasTopLevelOr(query: string): boolean {
  const text = unquoted(query);
  let depth = 0;
  const re = /[()]|(?<=^|[\s()])OR(?=[\s()]|$)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0] === '(') depth++;
    else if (m[0] === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0) return true;
  }
  return false;
}

/** The 1-based column a query error names ("... at column 12 ..."), if it names one. */
export function errorColumn(message: string): number | null {
  const m = /\bcolumn (\d+)\b/.exec(message);
  return m ? Number(m[1]) : null;
}
