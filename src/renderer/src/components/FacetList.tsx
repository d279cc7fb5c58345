import { useId, useState } from 'react';
import type { FacetCount, SearchFacets } from '../../../shared/types';
import { formatCount, plural } from '../format';
import { FACET_FIELDS, type FacetField } from '../search/narrow';

/** Values shown per group before "Show all". */
const SHOWN = 6;

const GROUPS: Record<FacetField, { title: string; noun: string; nouns: string; key: keyof SearchFacets }> = {
  source: { title: 'Source', noun: 'source', nouns: 'sources', key: 'source' },
  language: { title: 'Language', noun: 'language', nouns: 'languages', key: 'language' },
  year: { title: 'Year', noun: 'year', nouns: 'years', key: 'year' },
  month: { title: 'Month', noun: 'month', nouns: 'months', key: 'month' },
  tag: { title: 'Tag', noun: 'tag', nouns: 'tags', key: 'tag' },
  speaker: { title: 'Speaker', noun: 'speaker', nouns: 'speakers', key: 'speaker' },
};

interface Props {
  facets: SearchFacets;
  /** Narrows the search to articles with this value. */
  onNarrow(field: FacetField, value: string): void;
}

/**
 * Counts of the matching articles by source, language, year, month, tag and speaker; each
 * value is a button that narrows the search to it. Empty groups are left out.
 */
export function FacetList({ facets, onNarrow }: Props) {
  const groups = FACET_FIELDS.filter((f) => facets[GROUPS[f].key].length > 0);
  if (groups.length === 0) return null;
  return (
    <section className="facets" aria-label="Narrow the results">
      <p className="facets-caption">Narrow by (counts are articles):</p>
      {groups.map((f) => (
        <FacetGroup
          key={f}
          field={f}
          values={facets[GROUPS[f].key]}
          statements={f === 'speaker' ? new Map((facets.speakers ?? []).map((v) => [v.value, v.count])) : undefined}
          onNarrow={onNarrow}
        />
      ))}
    </section>
  );
}

/**
 * One facet's values as buttons; the speaker group also says how many statements each speaker
 * makes in the matching articles.
 */
function FacetGroup({
  field,
  values,
  statements,
  onNarrow,
}: {
  field: FacetField;
  values: FacetCount[];
  statements?: Map<string, number>;
  onNarrow: Props['onNarrow'];
}) {
  const [all, setAll] = useState(false);
  const id = useId();
  const g = GROUPS[field];
  const shown = all ? values : values.slice(0, SHOWN);
  return (
    <div className="facet-group" role="group" aria-labelledby={id}>
      <h3 id={id}>{g.title}</h3>
      <ul>
        {shown.map((v) => (
          <li key={v.value}>
            <button
              type="button"
              onClick={() => onNarrow(field, v.value)}
              aria-label={`Narrow to ${g.noun}: ${v.value} (${formatCount(v.count)}${statements?.get(v.value) ? `, ${plural(statements.get(v.value)!, 'statement', 'statements')}` : ''})`}
            >
              {v.value}{' '}
              <span className="n">
                ({formatCount(v.count)}
                {statements?.get(v.value) ? ` · ${plural(statements.get(v.value)!, 'statement', 'statements')}` : ''})
              </span>
            </button>
          </li>
        ))}
        {values.length > SHOWN && (
          <li>
            <button type="button" className="more" aria-expanded={all} onClick={() => setAll((a) => !a)} aria-label={all ? `Show fewer ${g.nouns}` : `Show all ${values.length} ${g.nouns}`}>
              {all ? 'Show fewer' : `Show all ${values.length}`}
            </button>
          </li>
        )}
      </ul>
    </div>
  );
}
