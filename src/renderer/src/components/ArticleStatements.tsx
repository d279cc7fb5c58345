import { useState } from 'react';
import { call } from '../api';
import type { Person, Statement, StatementKind } from '../statements/api';
import { SpeakerInput, speakerChoice } from './SpeakerInput';
import { StatementItem } from './StatementItem';
import { ErrorLine } from './ErrorLine';

/** A stretch of the article's text the analyst selected: offsets into the stored body. */
export interface BodySelection {
  start: number;
  end: number;
  text: string;
}

interface Props {
  articleId: number;
  statements: Statement[];
  /** Colour slot of each speaker (by person id, or -1 for unknown speakers). */
  colours: Map<number, number>;
  selection: BodySelection | null;
  currentId: number | null;
  onChanged(statement: Statement): void;
  onShow(statement: Statement): void;
}

/**
 * The reader's statements: a key of speakers in their colours, every statement with the
 * analyst's actions, and "mark the selected text as a statement".
 */
export function ArticleStatements({ articleId, statements, colours, selection, currentId, onChanged, onShow }: Props) {
  const speakers = new Map<number, { name: string; n: number }>();
  for (const s of statements) {
    if (s.status === 'rejected') continue;
    const key = s.speaker?.personId ?? -1;
    const e = speakers.get(key) ?? { name: s.speaker?.name ?? 'Unknown speaker', n: 0 };
    e.n++;
    speakers.set(key, e);
  }
  return (
    <section className="article-statements" aria-label="Statements in this article">
      <h3>Statements ({statements.length})</h3>
      {speakers.size > 0 && (
        <ul className="speaker-key" aria-label="Speakers">
          {[...speakers].map(([id, e]) => (
            <li key={id}>
              <span className={`swatch speaker-${colours.get(id) ?? 5}`} aria-hidden="true" /> {e.name} ({e.n})
            </li>
          ))}
        </ul>
      )}
      <MarkStatementForm articleId={articleId} selection={selection} onCreated={onChanged} />
      <ol className="statement-list">
        {statements.map((s) => (
          <li key={s.id}>
            <StatementItem statement={s} onChanged={onChanged} current={s.id === currentId} />
            <button type="button" className="link" onClick={() => onShow(s)} aria-label={`Show in the text: the statement by ${s.speaker?.name ?? 'an unknown speaker'}`}>
              Show in the text
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}

function MarkStatementForm({ articleId, selection, onCreated }: { articleId: number; selection: BodySelection | null; onCreated(s: Statement): void }) {
  const [name, setName] = useState('');
  const [picked, setPicked] = useState<Person | null>(null);
  const [kind, setKind] = useState<StatementKind>('direct');
  const [error, setError] = useState<string | null>(null);

  async function mark() {
    if (!selection) return;
    const speaker = speakerChoice(name, picked);
    setError(null);
    try {
      onCreated(await call('statements.create', { articleId, start: selection.start, end: selection.end, kind, ...(speaker ?? {}) }));
      setName('');
      setPicked(null);
    } catch (e) {
      setError((e as Error).message);
    }
  }

  return (
    <form
      className="mark-statement"
      aria-label="Mark a statement"
      onSubmit={(e) => {
        e.preventDefault();
        void mark();
      }}
    >
      <p className="selected">{selection ? `Selected: “${selection.text.length > 120 ? selection.text.slice(0, 117) + '…' : selection.text}”` : 'Select words of the text to mark them as a statement.'}</p>
      <SpeakerInput label="Speaker of the selection" value={name} onChange={setName} picked={picked} onPick={setPicked} />
      <select aria-label="Kind of statement" value={kind} onChange={(e) => setKind(e.target.value as StatementKind)}>
        <option value="direct">Direct quote</option>
        <option value="indirect">Reported speech</option>
        <option value="mixed">Reported, partly quoted</option>
      </select>
      <button type="submit" disabled={!selection}>
        Mark as statement
      </button>
      <ErrorLine message={error} />
    </form>
  );
}
