import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { PersonCard } from '../components/PersonCard';
import { SpeakerInput } from '../components/SpeakerInput';
import { StatementItem } from '../components/StatementItem';
import { call } from '../api';
import { formatCount, plural } from '../format';
import { findStatements, suggestPeople, type Person, type Statement, type StatementStatus } from '../statements/api';
import type { StatementQuery } from '../../../shared/types';
import { ErrorLine } from '../components/ErrorLine';

interface Props {
  /** Bumped after imports and corrections elsewhere: the list is fetched again. */
  version: number;
  /** Opens an article in the reader at a statement's quote. */
  onOpen(statement: Statement): void;
  selectedId: number | null;
}

const PAGE = 50;
const STATUSES: Array<[StatementStatus | '', string]> = [
  ['', 'Any status'],
  ['auto', 'Unchecked'],
  ['verified', 'Verified'],
  ['rejected', 'Rejected'],
  ['manual', 'Marked by an analyst'],
];

/**
 * Who said what: statements found by speaker (with suggestions over names and aliases), words
 * in the quote, article dates and tag; newest first. A speaker typed but not picked is read as
 * the best suggestion when no person has exactly that name ("borrel" finds Josep Borrell).
 */
export function StatementsView({ version, onOpen, selectedId }: Props) {
  const [speaker, setSpeaker] = useState('');
  const [picked, setPicked] = useState<Person | null>(null);
  const [words, setWords] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [tag, setTag] = useState('');
  const [status, setStatus] = useState<StatementStatus | ''>('');
  const [filter, setFilter] = useState<StatementQuery>({});
  const [result, setResult] = useState<{ total: number; statements: Statement[]; notice?: string } | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [rerun, setRerun] = useState<string | null>(null);
  const seq = useRef(0);

  const load = useCallback(async (f: StatementQuery, limit = PAGE) => {
    const my = ++seq.current;
    setBusy(true);
    try {
      const r = await findStatements({ ...f, offset: 0, limit });
      if (my !== seq.current) return;
      setResult(r);
      setError(null);
    } catch (e) {
      if (my === seq.current) setError((e as Error).message);
    } finally {
      if (my === seq.current) setBusy(false);
    }
  }, []);

  // Again after imports and corrections, with as many statements as are shown.
  const shown = useRef(0);
  shown.current = result?.statements.length ?? 0;
  useEffect(() => {
    void load(filter, Math.max(PAGE, shown.current));
  }, [version, filter, load]);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setNote(null);
    const f: StatementQuery = {};
    const name = speaker.trim();
    if (picked && picked.name === speaker) f.personId = picked.id;
    else if (name) {
      // Typed, not picked: an exact name or alias is used as it is, else the best suggestion.
      const people = await suggestPeople(name, 5).catch(() => []);
      const exact = people.find((p) => [p.name, ...p.aliases].some((a) => a.toLocaleLowerCase() === name.toLocaleLowerCase()));
      const best = exact ?? people[0];
      if (best) {
        f.personId = best.id;
        if (!exact) setNote(`Showing statements by ${best.name}, the closest name to “${name}”.`);
      } else f.speaker = name;
    }
    if (words.trim()) f.query = words.trim();
    if (from) f.from = from;
    if (to) f.to = to;
    if (tag.trim()) f.tag = tag.trim();
    if (status) f.status = status;
    setFilter(f);
  }

  async function more() {
    if (!result) return;
    try {
      const r = await findStatements({ ...filter, offset: result.statements.length, limit: PAGE });
      setResult({ total: r.total, statements: [...result.statements, ...r.statements] });
    } catch (e) {
      setError((e as Error).message);
    }
  }

  /** Runs extraction again over the whole archive; analysts' work is kept. */
  async function reextract() {
    setRerun('Extracting statements again…');
    try {
      const r = await call('statements.extract', {});
      setRerun(`Extraction ran again over ${plural(r.articles, 'article', 'articles')}: ${plural(r.statements, 'statement', 'statements')}. Verified, rejected and hand-marked statements were kept.`);
      await load(filter, Math.max(PAGE, shown.current));
    } catch (e) {
      setRerun(null);
      setError((e as Error).message);
    }
  }

  function changed(s: Statement) {
    setResult((r) => r && { ...r, statements: r.statements.map((x) => (x.id === s.id ? s : x)) });
  }

  return (
    <section className="statements" aria-label="Statements">
      <form className="statement-filters" role="search" aria-label="Find statements" onSubmit={(e) => void onSubmit(e)}>
        <label>
          Speaker
          <SpeakerInput label="Speaker" value={speaker} onChange={setSpeaker} picked={picked} onPick={setPicked} placeholder="Name, alias or Cyrillic" />
        </label>
        <label>
          Words in the quote
          <input type="search" value={words} onChange={(e) => setWords(e.target.value)} />
        </label>
        <label>
          From
          <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label>
          To
          <input type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </label>
        <label>
          Article tag
          <input type="text" value={tag} onChange={(e) => setTag(e.target.value)} />
        </label>
        <label>
          Status
          <select value={status} onChange={(e) => setStatus(e.target.value as StatementStatus | '')}>
            {STATUSES.map(([v, l]) => (
              <option key={v} value={v}>
                {l}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">Find statements</button>
      </form>
      <p className="rerun">
        <button type="button" onClick={() => void reextract()}>
          Re-run extraction
        </button>
        {rerun && <span role="status"> {rerun}</span>}
      </p>
      {note && <p className="note">{note}</p>}
      {result?.notice && (
        <p className="notice" role="status">
          {result.notice}
        </p>
      )}
      <ErrorLine message={error} />
      {filter.personId !== undefined && <PersonCard personId={filter.personId} onChanged={() => void load(filter, Math.max(PAGE, shown.current))} />}
      <p className="count" aria-live="polite">
        {busy && !result ? 'Searching…' : result ? plural(result.total, 'statement', 'statements') : ''}
      </p>
      {result && (
        <ul className="statement-list" aria-label="Statements found" aria-busy={busy}>
          {result.statements.map((s) => (
            <li key={s.id}>
              <StatementItem statement={s} onOpen={onOpen} onChanged={changed} current={s.id === selectedId} />
            </li>
          ))}
        </ul>
      )}
      {result && result.statements.length < result.total && (
        <p className="more">
          <button type="button" onClick={() => void more()}>
            Show more statements
          </button>
          {result.statements.length} of {formatCount(result.total)} shown
        </p>
      )}
    </section>
  );
}
