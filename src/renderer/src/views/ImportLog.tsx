import { useEffect, useState } from 'react';
import type { ImportLogEntry } from '../../../shared/types';
import { call } from '../api';
import { ErrorLine } from '../components/ErrorLine';

/** The import log kept in the archive: every file of every import, newest first, with why. */
export function ImportLog({ version }: { version: number }) {
  const [open, setOpen] = useState(false);
  const [entries, setEntries] = useState<ImportLogEntry[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    let live = true;
    call('import.log', { limit: 200 })
      .then((r) => live && setEntries(r.entries))
      .catch((e: Error) => live && setError(e.message));
    return () => {
      live = false;
    };
  }, [open, version]);

  return (
    <section className="import-log" aria-label="Import log">
      <button type="button" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        {open ? 'Hide import log' : 'Show import log'}
      </button>
      <ErrorLine message={error} />
      {open && (
        <table>
          <caption>Import log, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Batch</th>
              <th scope="col">File</th>
              <th scope="col">Outcome</th>
              <th scope="col">Articles</th>
              <th scope="col">Format and encoding</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e, i) => (
              <tr key={i} className={e.status}>
                <td>{e.batchId}</td>
                <td className="file">{e.file}</td>
                <td>
                  {e.status}
                  {e.error && `: ${e.error}`}
                  {e.warnings.length > 0 && (
                    <ul className="warnings" aria-label="Warnings">
                      {e.warnings.map((w, k) => (
                        <li key={k}>{w}</li>
                      ))}
                    </ul>
                  )}
                </td>
                <td>
                  {e.status === 'imported' || e.status === 'duplicate'
                    ? `${e.articles} new${e.duplicates ? `, ${e.duplicates} already there` : ''}${e.copies ? `, ${e.copies} copies` : ''}`
                    : ''}
                </td>
                <td>{e.format ? `${e.format}, ${e.encoding} (${e.encodingReason})` : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
