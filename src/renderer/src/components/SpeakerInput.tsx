import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { suggestPeople, type Person, type SpeakerChoice } from '../statements/api';

interface Props {
  /** The accessible name of the box ("Speaker", "New speaker"). */
  label: string;
  value: string;
  onChange(text: string): void;
  /** A person picked from the suggestions (null when the text was typed over since). */
  picked: Person | null;
  onPick(person: Person | null): void;
  placeholder?: string;
}

/** Waits this long after a keystroke before asking for suggestions. */
const SUGGEST_DELAY_MS = 120;

/**
 * A name box with suggestions from the people registry (canonical names and aliases, any
 * script: "borrel" and "Боррель" both offer Josep Borrell). A combobox with a listbox: Arrow
 * Down/Up move through the suggestions, Enter or a click picks one, Escape closes the list.
 */
export function SpeakerInput({ label, value, onChange, picked, onPick, placeholder }: Props) {
  const [options, setOptions] = useState<Person[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const listId = useId();
  const seq = useRef(0);

  useEffect(() => {
    const text = value.trim();
    if (!text || (picked && picked.name === value)) {
      setOptions([]);
      return;
    }
    const my = ++seq.current;
    const timer = setTimeout(() => {
      suggestPeople(text)
        .then((people) => {
          if (my !== seq.current) return;
          setOptions(people);
          setActive(-1);
        })
        .catch(() => my === seq.current && setOptions([]));
    }, SUGGEST_DELAY_MS);
    return () => clearTimeout(timer);
  }, [value, picked]);

  function pick(p: Person) {
    onPick(p);
    onChange(p.name);
    setOpen(false);
    setOptions([]);
  }

  function onKey(e: KeyboardEvent<HTMLInputElement>) {
    if (!open || options.length === 0) {
      if (e.key === 'ArrowDown' && options.length) {
        setOpen(true);
        setActive(0);
        e.preventDefault();
      }
      return;
    }
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const d = e.key === 'ArrowDown' ? 1 : -1;
      setActive((a) => (a + d + options.length) % options.length);
    } else if (e.key === 'Enter' && active >= 0) {
      e.preventDefault();
      pick(options[active]!);
    } else if (e.key === 'Escape') {
      setOpen(false);
    }
  }

  const shown = open && options.length > 0;
  return (
    <span className="speaker-input">
      <input
        type="text"
        role="combobox"
        aria-label={label}
        aria-autocomplete="list"
        aria-expanded={shown}
        aria-controls={listId}
        aria-activedescendant={shown && active >= 0 ? `${listId}-${active}` : undefined}
        placeholder={placeholder}
        value={value}
        autoComplete="off"
        onChange={(e) => {
          onChange(e.target.value);
          onPick(null);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={onKey}
      />
      <ul id={listId} role="listbox" aria-label={`${label} suggestions`} hidden={!shown} className="suggestions">
        {options.map((p, i) => (
          <li
            key={p.id}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => pick(p)}
          >
            <span className="name">{p.name}</span>
            {p.role && <span className="role"> · {p.role}</span>}
          </li>
        ))}
      </ul>
    </span>
  );
}

/** What to send for a speaker box: the picked person, else the typed name (null when empty). */
export function speakerChoice(text: string, picked: Person | null): SpeakerChoice | null {
  if (picked && picked.name === text) return { personId: picked.id };
  const name = text.trim();
  return name ? { name } : null;
}
