/**
 * The text inside Reuters-21578 SGML: entity and control-code clean-up, the "Reuter" sign-off,
 * and paragraphs from the wire's line layout (a new paragraph is an indented line).
 */

// Teletype control codes written as references (&#2; starts a story, &#3; ends it, &#5;, &#22;...).
const CONTROL_REFERENCE = /&#(\d{1,3});/g;
// Raw control characters, DEL and the replacement character standing for a byte that was not text.
const NOISE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffd]/g;

/**
 * SGML text to plain text: `&lt;` `&gt;` `&amp;` decoded, control codes (as references or raw)
 * removed, and the "^M" carriage-return marks the corpus kept as text dropped.
 *
 * @example
 * cleanSgmlText('&lt;AMERICAN EXPRESS CO&gt; said&#3;') // '<AMERICAN EXPRESS CO> said'
 */
export function cleanSgmlText(raw: string): string {
  let s = raw;
  if (s.indexOf('&') >= 0) {
    s = s
      .replace(CONTROL_REFERENCE, (whole, code: string) => {
        const n = Number(code);
        return n >= 32 && n !== 127 && n < 256 ? String.fromCharCode(n) : '';
      })
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
  }
  return s.replace(NOISE, '').replace(/\^M$/gm, '').replace(/\r\n?/g, '\n');
}

// The sign-off on the last line: " Reuter", " REUTER...", "NIL. REUTER", "REUTER11:43/VB", " REUITER".
const SIGN_OFF = /(?:^|\s)reu(?:ters?|iter|te)\b\S*\s*$/i;

/**
 * The body's lines without trailing blank lines and without the wire's "Reuter" sign-off.
 *
 * @example
 * withoutSignOff(['Prices rose.', ' Reuter']) // ['Prices rose.']
 */
export function withoutSignOff(lines: string[]): string[] {
  const out = lines.slice();
  // Some stories are signed twice ("REUTER" then " Reuter").
  for (;;) {
    while (out.length > 0 && !out[out.length - 1]!.trim()) out.pop();
    const last = out[out.length - 1];
    if (last === undefined || !SIGN_OFF.test(last)) return out;
    const rest = last.replace(SIGN_OFF, '');
    if (rest.trim()) {
      out[out.length - 1] = rest;
      return out;
    }
    out.pop();
  }
}

// A row of a table: columns separated by runs of spaces, or dot leaders before a figure
// ("Bank borrowings.....680", "reserves....N.A."); "Gaza Strip....They" is prose.
const TABULAR = /\S {3,}\S|\.{4,} *(?:[\d(+-]|N\.?A)/;

/**
 * Paragraphs from wire text: a blank line or an indented line starts a paragraph, other lines
 * continue it; table rows stay one per paragraph. Lines are joined with a space, except after a
 * hyphen that ends a word ("U.S.-" + "Japan").
 *
 * @example
 * wireParagraphs('Showers continued\nin the Bahia zone.\n    The dry period...') // ['Showers continued in the Bahia zone.', 'The dry period...']
 */
export function wireParagraphs(text: string): string[] {
  const paragraphs: string[] = [];
  let current = '';
  let currentIsTable = false;
  const flush = (): void => {
    const p = current.replace(/\s+/g, ' ').trim();
    if (p) paragraphs.push(p);
    current = '';
  };
  for (const line of withoutSignOff(text.split('\n'))) {
    if (!line.trim()) {
      flush();
      continue;
    }
    const isTable = TABULAR.test(line);
    const c = line.charCodeAt(0);
    if (c === 32 || c === 9 || isTable || currentIsTable || !current) {
      flush();
      current = line;
    } else {
      const end = current.trimEnd();
      current = /[\p{L}\p{N}.]-$/u.test(end) ? end + line.trimStart() : `${current} ${line}`;
    }
    currentIsTable = isTable;
  }
  flush();
  return paragraphs;
}
