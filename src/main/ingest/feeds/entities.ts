/**
 * Character references in feed text: the five XML entities, numeric references, and the HTML 4
 * named entities (feeds use `&nbsp;`, `&eacute;`, `&rsquo;` in XML and in escaped HTML alike).
 * Entities a document declares itself are never expanded here, whatever the DOCTYPE says.
 */

// HTML 4 names in code-point order for Latin-1 160-255, then name/code pairs for the rest.
const LATIN1_NAMES =
  'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 acute micro ' +
  'para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil ' +
  'Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave ' +
  'Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml ' +
  'igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml';
const GREEK_UPPER = 'Alpha Beta Gamma Delta Epsilon Zeta Eta Theta Iota Kappa Lambda Mu Nu Xi Omicron Pi Rho _ Sigma Tau Upsilon Phi Chi Psi Omega';
const OTHER_NAMES =
  'quot 34 amp 38 apos 39 lt 60 gt 62 OElig 338 oelig 339 Scaron 352 scaron 353 Yuml 376 fnof 402 circ 710 tilde 732 ' +
  'thetasym 977 upsih 978 piv 982 ensp 8194 emsp 8195 thinsp 8201 zwnj 8204 zwj 8205 lrm 8206 rlm 8207 ndash 8211 ' +
  'mdash 8212 lsquo 8216 rsquo 8217 sbquo 8218 ldquo 8220 rdquo 8221 bdquo 8222 dagger 8224 Dagger 8225 bull 8226 ' +
  'hellip 8230 permil 8240 prime 8242 Prime 8243 lsaquo 8249 rsaquo 8250 oline 8254 frasl 8260 euro 8364 image 8465 ' +
  'weierp 8472 real 8476 trade 8482 alefsym 8501 larr 8592 uarr 8593 rarr 8594 darr 8595 harr 8596 crarr 8629 ' +
  'lArr 8656 uArr 8657 rArr 8658 dArr 8659 hArr 8660 forall 8704 part 8706 exist 8707 empty 8709 nabla 8711 isin 8712 ' +
  'notin 8713 ni 8715 prod 8719 sum 8721 minus 8722 lowast 8727 radic 8730 prop 8733 infin 8734 ang 8736 and 8743 ' +
  'or 8744 cap 8745 cup 8746 int 8747 there4 8756 sim 8764 cong 8773 asymp 8776 ne 8800 equiv 8801 le 8804 ge 8805 ' +
  'sub 8834 sup 8835 nsub 8836 sube 8838 supe 8839 oplus 8853 otimes 8855 perp 8869 sdot 8901 lceil 8968 rceil 8969 ' +
  'lfloor 8970 rfloor 8971 lang 9001 rang 9002 loz 9674 spades 9824 clubs 9827 hearts 9829 diams 9830 mldr 8230';

const NAMED = new Map<string, string>();
LATIN1_NAMES.split(' ').forEach((name, i) => NAMED.set(name, String.fromCharCode(160 + i)));
GREEK_UPPER.split(' ').forEach((name, i) => {
  if (name === '_') return; // U+03A2 is unassigned
  NAMED.set(name, String.fromCharCode(913 + i));
  // Lower case sits 32 code points higher; final sigma (962) comes before sigma (963).
  NAMED.set(name.toLowerCase(), String.fromCharCode(945 + i));
});
NAMED.set('sigmaf', '\u03c2');
{
  const parts = OTHER_NAMES.split(' ');
  for (let i = 0; i < parts.length; i += 2) NAMED.set(parts[i]!, String.fromCharCode(Number(parts[i + 1])));
}

// Numeric references to 128-159 mean windows-1252 characters in practice (as HTML5 reads them).
const CP1252_C1 = '\u20ac\ufffd\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\ufffd\u017d\ufffd' +
  '\ufffd\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\ufffd\u017e\u0178';

const REFERENCE = /&(?:#(\d{1,8})|#[xX]([0-9a-fA-F]{1,7})|([A-Za-z][A-Za-z0-9]{1,9}));/g;

function fromCodePoint(code: number): string {
  if (code >= 128 && code <= 159) return CP1252_C1[code - 128]!;
  if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
  return String.fromCodePoint(code);
}

/**
 * Decodes character references; unknown names (and bare ampersands) are left as written.
 *
 * @example
 * decodeEntities('Caf&eacute; &amp; bar &#8217;s &lol;') // "Café & bar ’s &lol;"
 */
export function decodeEntities(text: string): string {
  if (text.indexOf('&') < 0) return text;
  return text.replace(REFERENCE, (whole, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (dec !== undefined) return fromCodePoint(Number(dec));
    if (hex !== undefined) return fromCodePoint(parseInt(hex, 16));
    return NAMED.get(name!) ?? whole;
  });
}

/**
 * True for the entity names this decoder knows (XML's five and HTML 4's), which read the same
 * whatever a DOCTYPE declares for them.
 *
 * @example
 * isKnownEntity('nbsp') // true
 */
export function isKnownEntity(name: string): boolean {
  return NAMED.has(name);
}
