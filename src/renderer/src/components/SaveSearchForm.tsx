import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { SavedSearch, SearchSort } from '../../../shared/types';
import { call } from '../api';
import { ErrorLine } from './ErrorLine';

interface Props {
  /** The search to save: the one whose results are shown. Null when there is nothing to save. */
  query: string | null;
  sort: SearchSort;
  onSaved(saved: SavedSearch): void;
}

/**
 * "Save this search": opens a small inline form asking for a name (the query is offered), and
 * saves the shown query with its order under that name.
 */
export function SaveSearchForm({ query, sort, onSaved }: Props) {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const formId = useId();
  const canSave = !!query && query.trim() !== '';

  useEffect(() => {
    if (open) input.current?.select();
  }, [open]);

  // "Saved as …" is about the search it was said for.
  useEffect(() => setDone(null), [query]);

  function start() {
    setName((query ?? '').trim().slice(0, 80));
    setError(null);
    setDone(null);
    setOpen(true);
  }

  function close() {
    setOpen(false);
    toggle.current?.focus();
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!query || !name.trim()) {
      setError('Give the search a name.');
      return;
    }
    setSaving(true);
    try {
      const saved = await call('searches.save', { name: name.trim(), query, sort });
      setDone(`Saved as “${saved.name}”.`);
      onSaved(saved);
      close();
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setSaving(false);
    }
  }

  return (
    <div className="save-search">
      <button
        type="button"
        ref={toggle}
        onClick={() => (open ? close() : start())}
        disabled={!canSave}
        aria-expanded={open}
        aria-controls={open ? formId : undefined}
        title={canSave ? undefined : 'Search for something first: an empty query cannot be saved'}
      >
        Save this search
      </button>
      <span className="saved-note" role="status">
        {done}
      </span>
      {open && (
        <form
          id={formId}
          className="save-form"
          aria-label="Save the search"
          onSubmit={(e) => void submit(e)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') close();
          }}
        >
          <label>
            Name of the saved search
            <input ref={input} type="text" value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} />
          </label>
          <span className="save-query">
            Query: <code>{query}</code>
          </span>
          <button type="submit" disabled={saving}>
            Save
          </button>
          <button type="button" onClick={close}>
            Cancel
          </button>
          <ErrorLine message={error} />
        </form>
      )}
    </div>
  );
}
