import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { call } from '../api';
import type { Person } from '../statements/api';
import { SpeakerInput } from './SpeakerInput';
import { ErrorLine } from './ErrorLine';

interface Props {
  personId: number;
  /** After a change that moves statements between people (merge, split): the lists reload. */
  onChanged(person: Person): void;
}

/**
 * One person of the registry or found in articles: roles with their dates, other names, and
 * the analyst's corrections: add a name or a role, merge another person into this one (a
 * duplicate found under another spelling), split a wrong merge off again.
 */
export function PersonCard({ personId, onChanged }: Props) {
  const [person, setPerson] = useState<Person | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    setError(null);
    call('people.get', { id: personId })
      .then((p) => live && setPerson(p))
      .catch((e: Error) => live && setError(e.message));
    return () => {
      live = false;
    };
  }, [personId]);

  async function change(fn: () => Promise<Person>, moved = false): Promise<boolean> {
    setError(null);
    try {
      const p = await fn();
      setPerson(p);
      if (moved) onChanged(p);
      return true;
    } catch (e) {
      setError((e as Error).message);
      return false;
    }
  }

  if (!person) return <ErrorLine message={error} />;
  return (
    <section className="person-card" aria-label={`About ${person.name}`}>
      <h3>
        {person.name} <span className="badge">{ORIGIN[person.origin]}</span>
      </h3>
      {person.roles.length > 0 && (
        <ul className="roles" aria-label="Roles">
          {person.roles.map((r, i) => (
            <li key={i}>
              {r.title}
              {r.org && !r.title.includes(r.org) ? `, ${r.org}` : ''} <span className="when">{span(r.from, r.to)}</span>
            </li>
          ))}
        </ul>
      )}
      {person.aliases.length > 0 && <p className="aliases">Also written: {person.aliases.join(' · ')}</p>}
      {person.merged.length > 0 && (
        <ul className="merged" aria-label="Merged into this person">
          {person.merged.map((m) => (
            <li key={m.id}>
              {m.name}{' '}
              <button type="button" onClick={() => void change(() => call('people.split', { id: m.id }).then(() => call('people.get', { id: person.id })), true)}>
                Split {m.name} off
              </button>
            </li>
          ))}
        </ul>
      )}
      <details className="person-edit">
        <summary>Correct this person</summary>
        <AliasForm onAdd={(alias) => change(() => call('people.addAlias', { id: person.id, alias }))} />
        <RoleForm onAdd={(role) => change(() => call('people.addRole', { id: person.id, ...role }))} />
        <MergeForm name={person.name} onMerge={(merge) => change(() => call('people.merge', { keep: person.id, merge }), true)} />
      </details>
      <ErrorLine message={error} />
    </section>
  );
}

const ORIGIN: Record<Person['origin'], string> = { registry: 'registry', found: 'found in articles', analyst: 'added by an analyst' };

function span(from: string | null, to: string | null): string {
  if (!from && !to) return '';
  return `${from ?? '?'} – ${to ?? 'now'}`;
}

/** A small form that clears itself when its action succeeded. */
function MiniForm({ label, children, onSubmit }: { label: string; children: ReactNode; onSubmit(): Promise<boolean> }) {
  return (
    <form
      className="mini-form"
      aria-label={label}
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        void onSubmit();
      }}
    >
      {children}
    </form>
  );
}

function AliasForm({ onAdd }: { onAdd(alias: string): Promise<boolean> }) {
  const [alias, setAlias] = useState('');
  return (
    <MiniForm label="Add another name" onSubmit={async () => alias.trim() !== '' && (await onAdd(alias.trim())) && (setAlias(''), true)}>
      <label>
        Another name or spelling
        <input type="text" value={alias} onChange={(e) => setAlias(e.target.value)} />
      </label>
      <button type="submit">Add name</button>
    </MiniForm>
  );
}

function RoleForm({ onAdd }: { onAdd(role: { title: string; org?: string; from?: string; to?: string }): Promise<boolean> }) {
  const [title, setTitle] = useState('');
  const [org, setOrg] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  async function submit() {
    if (!title.trim()) return false;
    const ok = await onAdd({ title: title.trim(), ...(org.trim() ? { org: org.trim() } : {}), ...(from ? { from } : {}), ...(to ? { to } : {}) });
    if (ok) [setTitle, setOrg, setFrom, setTo].forEach((f) => f(''));
    return ok;
  }
  return (
    <MiniForm label="Add a role" onSubmit={submit}>
      <label>
        Role title
        <input type="text" value={title} onChange={(e) => setTitle(e.target.value)} />
      </label>
      <label>
        Organisation
        <input type="text" value={org} onChange={(e) => setOrg(e.target.value)} />
      </label>
      <label>
        Role from
        <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
      </label>
      <label>
        Role until
        <input type="date" value={to} onChange={(e) => setTo(e.target.value)} />
      </label>
      <button type="submit">Add role</button>
    </MiniForm>
  );
}

function MergeForm({ name, onMerge }: { name: string; onMerge(id: number): Promise<boolean> }) {
  const [text, setText] = useState('');
  const [picked, setPicked] = useState<Person | null>(null);
  return (
    <MiniForm label={`Merge another person into ${name}`} onSubmit={async () => picked !== null && (await onMerge(picked.id)) && (setText(''), setPicked(null), true)}>
      <SpeakerInput label="Person to merge in" value={text} onChange={setText} picked={picked} onPick={setPicked} />
      <button type="submit" disabled={!picked}>
        Merge into {name}
      </button>
    </MiniForm>
  );
}
