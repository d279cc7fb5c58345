import { useState } from 'react';
import { call } from '../api';
import { formatDate } from '../format';
import type { Person, Statement } from '../statements/api';
import { SpeakerInput, speakerChoice } from './SpeakerInput';
import { ErrorLine } from './ErrorLine';

interface Props {
  statement: Statement;
  /** Opens the article at the quote (absent in the reader, where the article is open). */
  onOpen?(statement: Statement): void;
  /** Called with the statement as stored after an analyst's change. */
  onChanged(statement: Statement): void;
  /** Marks the statement as the one shown in the reader. */
  current?: boolean;
}

const KIND: Record<Statement['kind'], string> = { direct: 'direct quote', indirect: 'reported speech', mixed: 'reported, partly quoted' };
const STATUS: Record<Statement['status'], string> = { auto: 'unchecked', verified: 'verified', rejected: 'rejected', manual: 'marked by an analyst' };

/**
 * One statement: the quote, who said it with the role held then, the cue, the outlet and
 * date, and what an analyst can do with it: verify, reject, change the speaker, open it.
 */
export function StatementItem({ statement: s, onOpen, onChanged, current }: Props) {
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState('');
  const [picked, setPicked] = useState<Person | null>(null);
  const [error, setError] = useState<string | null>(null);
  const who = s.speaker?.name ?? 'Unknown speaker';

  async function act(fn: () => Promise<Statement>) {
    setError(null);
    try {
      onChanged(await fn());
      return true;
    } catch (e) {
      setError((e as Error).message);
      return false;
    }
  }

  async function setSpeaker() {
    const choice = speakerChoice(name, picked);
    if (!choice) {
      setError('Type or pick the speaker’s name.');
      return;
    }
    if (await act(() => call('statements.setSpeaker', { id: s.id, ...choice }))) setEditing(false);
  }

  return (
    <article className={`statement status-${s.status}${current ? ' current' : ''}`} aria-label={`Statement by ${who}`} data-statement={s.id}>
      {/* The quote as the article has it, less a comma or colon left at its end by the attribution. */}
      <blockquote className={`quote kind-${s.kind}`}>{s.quote.text.replace(/[,;:]\s*$/u, '')}</blockquote>
      <p className="who">
        <strong>{who}</strong>
        {s.speaker?.role && <span className="role">, {s.speaker.role}</span>}
        {s.mention && s.mention.text !== s.speaker?.name && <span className="mention"> (as “{s.mention.text}”)</span>}
        {s.speakerByAnalyst && <span className="badge">speaker set by analyst</span>}
      </p>
      <p className="meta">
        {KIND[s.kind]}
        {s.cue && <> · cue “{s.cue.text}”</>}
        {onOpen && (
          <>
            {' '}
            · {s.source ?? 'unknown outlet'} · {formatDate(s.date)}
          </>
        )}
        <span className={`badge status ${s.status}`}>{STATUS[s.status]}</span>
      </p>
      {onOpen && <p className="article-title">{s.articleTitle}</p>}
      <div className="actions" role="group" aria-label={`Actions on the statement by ${who}`}>
        {onOpen && (
          <button type="button" onClick={() => onOpen(s)} aria-label={`Open the article at the statement by ${who}`}>
            Open article
          </button>
        )}
        <button type="button" disabled={s.status === 'verified'} onClick={() => void act(() => call('statements.verify', { id: s.id }))} aria-label={`Verify the statement by ${who}`}>
          Verify
        </button>
        <button type="button" disabled={s.status === 'rejected'} onClick={() => void act(() => call('statements.reject', { id: s.id }))} aria-label={`Reject the statement by ${who}`}>
          Reject
        </button>
        <button type="button" aria-expanded={editing} onClick={() => setEditing((v) => !v)} aria-label={`Change the speaker of the statement by ${who}`}>
          Change speaker
        </button>
      </div>
      {editing && (
        <form
          className="set-speaker"
          onSubmit={(e) => {
            e.preventDefault();
            void setSpeaker();
          }}
        >
          <SpeakerInput label="New speaker" value={name} onChange={setName} picked={picked} onPick={setPicked} />
          <button type="submit">Set speaker</button>
        </form>
      )}
      <ErrorLine message={error} />
    </article>
  );
}
