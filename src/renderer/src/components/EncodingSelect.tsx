/** Encodings an analyst may choose for legacy files. */
export const ENCODINGS = ['windows-1251', 'koi8-r', 'iso-8859-5', 'ibm866', 'maccyrillic', 'utf-8', 'windows-1252', 'iso-8859-1', 'iso-8859-15'];

interface Props {
  /** The accessible name of the list. */
  label: string;
  value: string;
  onChange(value: string): void;
  /** Offer "detect automatically" (the empty value) first. */
  detect?: boolean;
}

/** A list of encodings to read files with. */
export function EncodingSelect({ label, value, onChange, detect = false }: Props) {
  return (
    <select aria-label={label} value={value} onChange={(e) => onChange(e.target.value)}>
      {detect && <option value="">detect automatically</option>}
      {ENCODINGS.map((e) => (
        <option key={e} value={e}>
          {e}
        </option>
      ))}
    </select>
  );
}
