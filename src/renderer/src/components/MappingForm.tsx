import { useState } from 'react';
import type { ColumnMapping, ExportField, ExportPreview } from '../../../shared/types';

const FIELDS: Array<[ExportField, string]> = [
  ['title', 'Title'], ['body', 'Body text'], ['summary', 'Summary'], ['date', 'Date'], ['url', 'URL'],
  ['source', 'Source (outlet)'], ['author', 'Author'], ['language', 'Language'], ['agency', 'Agency'],
  ['dateline', 'Dateline'], ['modified', 'Modified'], ['keywords', 'Keywords'], ['id', 'Id'],
];

interface Props {
  file: string;
  preview: ExportPreview;
  onDone(mapping: ColumnMapping | null): void;
}

/** Asks which column fills which field when the guess for an export is unsure. */
export function MappingForm({ file, preview, onDone }: Props) {
  const [mapping, setMapping] = useState<ColumnMapping>(preview.mapping);
  return (
    <form
      className="mapping"
      aria-label={`Columns of ${file}`}
      onSubmit={(e) => {
        e.preventDefault();
        onDone(mapping);
      }}
    >
      <p>
        Which column holds what in <strong>{file}</strong>? The guess is unsure about{' '}
        {preview.unsure.join(', ')}.
      </p>
      <div className="fields">
        {FIELDS.map(([field, label]) => (
          <label key={field} className={preview.unsure.includes(field) ? 'unsure' : ''}>
            {label}
            <select
              aria-label={`Column for ${label}`}
              value={mapping[field] ?? ''}
              onChange={(e) => setMapping((m) => ({ ...m, [field]: e.target.value || undefined }))}
            >
              <option value="">(none)</option>
              {preview.columns.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </label>
        ))}
      </div>
      {preview.sample[0] && (
        <p className="sample">
          First row: {Object.entries(preview.sample[0]).map(([k, v]) => `${k}: ${v}`).join(' · ')}
        </p>
      )}
      <button type="submit">Import with these columns</button>{' '}
      <button type="button" onClick={() => onDone(null)}>
        Skip this file
      </button>
    </form>
  );
}
