/**
 * Datelines and wire agencies at the start of a news story:
 * "Washington. January 10th. INTERFAX - ...", "NEW YORK (Reuters) - ...", "HANOI, Vietnam (AP) — ...",
 * "МОСКВА, 10 января. /ТАСС/. ...", "(CNN) ...".
 */
import { ure } from './patterns';

/** Known agencies: how they appear in datelines → their usual spelling. */
const AGENCIES: ReadonlyArray<readonly [RegExp, string]> = [
  [ure(String.raw`^(?:interfax|интерфакс)(?:[-.](?:ru|ukraine|украина|az|kazakhstan))?$`, 'i'), 'Interfax'],
  [ure(String.raw`^(?:reuters|рейтер)$`, 'i'), 'Reuters'],
  [ure(String.raw`^(?:ap|the associated press|associated press)$`, 'i'), 'AP'],
  [ure(String.raw`^(?:afp|agence france[- ]presse|франс[- ]пресс)$`, 'i'), 'AFP'],
  [ure(String.raw`^(?:itar[- ]tass|итар[- ]тасс|tass|тасс)$`, 'i'), 'TASS'],
  [ure(String.raw`^(?:ria novosti|риа новости|ria|риа)$`, 'i'), 'RIA Novosti'],
  [ure(String.raw`^(?:прайм|prime)$`, 'i'), 'PRIME'],
  [ure(String.raw`^(?:xinhua|синьхуа)$`, 'i'), 'Xinhua'],
  [ure(String.raw`^(?:kyodo|kyodo news)$`, 'i'), 'Kyodo'],
  [ure(String.raw`^(?:upi|united press international)$`, 'i'), 'UPI'],
  [ure(String.raw`^(?:dpa)$`, 'i'), 'dpa'],
  [ure(String.raw`^(?:ansa)$`, 'i'), 'ANSA'],
  [ure(String.raw`^(?:efe)$`, 'i'), 'EFE'],
  [ure(String.raw`^(?:pti)$`, 'i'), 'PTI'],
  [ure(String.raw`^(?:ians)$`, 'i'), 'IANS'],
  [ure(String.raw`^(?:ani)$`, 'i'), 'ANI'],
  [ure(String.raw`^(?:yonhap)$`, 'i'), 'Yonhap'],
  [ure(String.raw`^(?:anadolu|anadolu agency|aa)$`, 'i'), 'Anadolu'],
  [ure(String.raw`^(?:bloomberg)$`, 'i'), 'Bloomberg'],
  [ure(String.raw`^(?:belta|белта)$`, 'i'), 'BelTA'],
  [ure(String.raw`^(?:ukrinform|укрінформ|укринформ)$`, 'i'), 'Ukrinform'],
  [ure(String.raw`^(?:unian|уніан|униан)$`, 'i'), 'UNIAN'],
  [ure(String.raw`^(?:čtk|ctk|чтк)$`, 'i'), 'ČTK'],
  [ure(String.raw`^(?:pap)$`, 'i'), 'PAP'],
  [ure(String.raw`^(?:sputnik|спутник)$`, 'i'), 'Sputnik'],
  [ure(String.raw`^(?:regnum|регнум)$`, 'i'), 'Regnum'],
  [ure(String.raw`^(?:cnn)$`, 'i'), 'CNN'],
  [ure(String.raw`^(?:bbc)$`, 'i'), 'BBC'],
  [ure(String.raw`^(?:kazinform|казинформ)$`, 'i'), 'Kazinform'],
  [ure(String.raw`^(?:trend)$`, 'i'), 'Trend'],
  [ure(String.raw`^(?:apa)$`, 'i'), 'APA'],
];

/** The usual spelling of an agency name as written in a dateline, or null if it is not a known agency. */
export function normaliseAgency(name: string): string | null {
  const cleaned = name
    .replace(/^[\s/(\[«"'-]+|[\s/)\]»"'.,:-]+$/gu, '')
    .replace(/\s+/g, ' ');
  if (cleaned.length === 0 || cleaned.length > 40) return null;
  for (const [re, spelling] of AGENCIES) if (re.test(cleaned)) return spelling;
  return null;
}

export interface Dateline {
  /** Place as written, ALL-CAPS turned to Title Case; null when only an agency was found. */
  place: string | null;
  agency: string | null;
}

const DASH = String.raw`\s[-–—]{1,2}\s?|\s?[—–]\s`;
const UPPER_WORD = String.raw`\p{Lu}[\p{Lu}'’.\-]*`;
const TITLE_WORD = String.raw`\p{Lu}[\p{Ll}'’.\-]*\p{Ll}[\p{Ll}'’.\-]*|\p{Lu}\.`;

// "NEW YORK (Reuters) - ", "HANOI, Vietnam (AP) — ", "LONDON (AP) — ", "WASHINGTON – ",
// "DUBAI, United Arab Emirates — ", "WASHINGTON, Jan 10 (Reuters) - "
const CAPS_PLACE = ure(
  String.raw`^(${UPPER_WORD}(?: ${UPPER_WORD}){0,3})((?:, [\p{L}\d.' ]{2,40}?)?)(?:\s*(?:\(([^)]{2,40})\)|\/([^/]{2,40})\/)\.?(?:${DASH})?|(${DASH}))`,
  'u',
);
// "Washington. January 10th. INTERFAX - ", "Москва. 10 января. INTERFAX.RU - ", "МОСКВА, 10 января. /ТАСС/. ",
// "МОСКВА, 10 янв — РИА Новости. "
const PLACE_DATE_AGENCY = ure(
  String.raw`^((?:${TITLE_WORD}|${UPPER_WORD})(?:[ -](?:${TITLE_WORD}|${UPPER_WORD}|on|upon|de|del|am|an|na|nad|pod)){0,3})[.,]\s+([^.\n]{3,40}?)\.?\s+(?:\/([^/]{2,30})\/|\(([^)]{2,30})\)|(\p{Lu}[\p{Lu}.\-]+(?: \p{Lu}[\p{Lu}.\-]+)?)\s*(?:${DASH})|[-–—]\s*(\p{Lu}[\p{L}\- ]{1,30}?)[.,:])`,
  'u',
);
// "Washington (Reuters) - ", "Moskau (dpa) - "
const TITLE_PLACE_AGENCY = ure(
  String.raw`^((?:${TITLE_WORD})(?: (?:${TITLE_WORD})){0,3})((?:, [\p{L}\d.' ]{2,40}?)?)\s*\(([^)]{2,40})\)`,
  'u',
);
// "(CNN) ...", "(Reuters) - ..."
const AGENCY_ONLY = /^\(([^)]{2,40})\)\s*(?:[-–—]\s*)?/u;
// A date right after the place ("10 января", "January 10th", "Jan 10", "10.01.2022").
const LOOKS_LIKE_DATE = ure(
  String.raw`\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|янв|фев|мар|апр|ма[йя]|июн|июл|авг|сен|окт|ноя|дек)`,
  'iu',
);

// Capitalised openers that are labels, not places ("THE POINT -- ...", "BREAKING - ...").
const NOT_A_PLACE = ure(
  String.raw`^(?:the|a|an|breaking|update[ds]?|watch|exclusive|live|opinion|analysis|editorial|editor'?s note|note|photos?|video|file|read|more|now|important|срочно|молния|эксклюзив)\b`,
  'iu',
);

/** "WASHINGTON" → "Washington", "NEW YORK" → "New York"; mixed-case text is kept as written. */
export function titleCaseIfAllCaps(place: string): string {
  if (place !== place.toUpperCase() || place === place.toLowerCase()) return place;
  return place.toLowerCase().replace(/(^|[\s\-'’.])(\p{L})/gu, (_, sep: string, ch: string) => sep + ch.toUpperCase());
}

/**
 * Reads the dateline at the start of a story's first paragraph. Returns null when the paragraph
 * does not open with one (a capitalised place must be followed by an agency, a date or a dash).
 */
export function parseDateline(paragraph: string): Dateline | null {
  const head = paragraph.slice(0, 160);

  const only = AGENCY_ONLY.exec(head);
  if (only) {
    const agency = normaliseAgency(only[1]!);
    return agency ? { place: null, agency } : null;
  }

  const pda = PLACE_DATE_AGENCY.exec(head);
  if (pda && LOOKS_LIKE_DATE.test(pda[2]!)) {
    const agency = normaliseAgency(pda[3] ?? pda[4] ?? pda[5] ?? pda[6] ?? '');
    if (agency) return { place: titleCaseIfAllCaps(pda[1]!), agency };
  }

  const caps = CAPS_PLACE.exec(head);
  if (caps) {
    const place = caps[1]!;
    // One capital letter ("A", "I") or an acronym-looking lead ("US officials") is not a place.
    const letters = place.replace(/[^\p{L}]/gu, '');
    if (letters.length >= 3 && !NOT_A_PLACE.test(place)) {
      const agencyText = caps[3] ?? caps[4];
      const agency = agencyText ? normaliseAgency(agencyText) : null;
      // Without an agency, only a dash makes it a dateline ("WASHINGTON – ..."), not "BREAKING: ...".
      if (agency || (!agencyText && caps[5])) return { place: titleCaseIfAllCaps(place), agency };
    }
  }

  const tpa = TITLE_PLACE_AGENCY.exec(head);
  if (tpa) {
    const agency = normaliseAgency(tpa[3]!);
    if (agency) return { place: tpa[1]!, agency };
  }
  return null;
}

/**
 * An agency named in a header line such as "PTI, Washington," or "By REUTERS", or null.
 * Only known agencies count, so ordinary names are never taken for one.
 */
export function agencyInHeaderLine(line: string): { agency: string; place: string | null } | null {
  const m = /^(by\s+)?([\p{L}][\p{L}\- ]{0,30}?)\s*(?:,\s*([\p{L}][\p{L} .'-]{1,40}?))?\s*,?\s*$/iu.exec(line.trim());
  // A lone "AP" under a photo is a credit; "PTI, Washington," or "By REUTERS" names the story's source.
  if (!m || (!m[1] && !m[3])) return null;
  const agency = normaliseAgency(m[2]!);
  if (!agency) return null;
  return { agency, place: m[3] ? titleCaseIfAllCaps(m[3]) : null };
}
