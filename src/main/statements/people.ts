/**
 * People inside one article: the personal names it mentions (fullest form of each), the role
 * words it attaches to them, and the resolution of pronouns and role nouns ("he", "the
 * spokesman") to the person they refer to. No registry here: only what the article says.
 */
import { isCapitalised, TITLES } from './speakers';

/** One occurrence of a personal name in the article. */
export interface NameMention {
  start: number;
  end: number;
  /** The name as written, titles stripped ("Anthony Blinken"). */
  name: string;
  /** Its last word, lower-cased: the key to the fullest form. */
  surname: string;
}

// Runs of capitalised words (Latin or Cyrillic), initials allowed inside.
const RUN = /(?<![\p{L}\p{N}'’-])\p{Lu}[\p{Ll}\p{Lu}'’-]*\.?(?:[ \u00a0]+(?:\p{Lu}[\p{Ll}\p{Lu}'’-]*\.?|(?:de|da|del|van|von|der|bin|al|ibn|di)(?=[ \u00a0]+\p{Lu})))*/gu;

/** Capitalised words that never belong to a personal name. */
const NOT_NAME = new Set(
  ('january february march april may june july august september october november december monday tuesday wednesday ' +
    'thursday friday saturday sunday i we he she they it you his her their our my its there here what who why how this these ' +
    'those that not no yes mr. mrs. ms. dr. ' +
    'department ministry house office committee council party agency service commission kremlin pentagon reuters interfax ' +
    'news times post journal network campaign foundation institute university court police government administration union ' +
    'organization organisation association company inc corp group bank fund board bureau center centre tass ria cnn fox ' +
    'nbc abc cbs msnbc bbc radio tv street avenue road county city island islands republic federation kingdom states nations ' +
    'america american russia russian kazakhstan ukraine china europe european washington moscow iowa texas florida york ' +
    'new hampshire carolina virginia ohio california trumpcare obamacare god christmas twitter facebook instagram youtube ' +
    'google apple microsoft amazon senate congress parliament duma nato csto osce un eu us uk gop isis fbi cia nsa dnc rnc ' +
    'related read more advertisement photo image getty images ap afp').split(/\s+/),
);

/** Finds personal-name mentions: runs of capitalised words, titles stripped, places and bodies left out. */
export function findNames(text: string): NameMention[] {
  const out: NameMention[] = [];
  RUN.lastIndex = 0;
  for (let m = RUN.exec(text); m; m = RUN.exec(text)) {
    const words = m[0].split(/[ \u00a0]+/);
    let offset = m.index;
    let i = 0;
    // strip titles and sentence-opening words from the left
    while (i < words.length && (TITLES.has(words[i]!.toLowerCase()) || NOT_NAME.has(words[i]!.toLowerCase()))) {
      offset += words[i]!.length;
      while (offset < m.index + m[0].length && /[ \u00a0]/.test(text[offset]!)) offset++;
      i++;
    }
    const rest = words.slice(i).map((w) => w.replace(/['’]s$/, ''));
    if (rest.length < 2 || rest.length > 4) continue;
    if (rest.some((w) => NOT_NAME.has(w.toLowerCase()) || TITLES.has(w.toLowerCase()) || /^\p{Lu}{2,}$/u.test(w))) continue;
    const last = rest[rest.length - 1]!.replace(/\.$/, '');
    if (last.length < 2) continue;
    const name = rest.join(' ').replace(/\.$/, '');
    out.push({ start: offset, end: offset + name.length, name, surname: last.toLowerCase() });
  }
  return out;
}

/**
 * The people of one article: fullest names by surname, and the resolution of mentions.
 * Built lazily by the extractor, only for articles that have statements.
 */
export class ArticlePeople {
  readonly names: NameMention[];
  private readonly fullest = new Map<string, string>();

  constructor(private readonly text: string) {
    this.names = findNames(text);
    for (const n of this.names) {
      const known = this.fullest.get(n.surname);
      if (!known || n.name.split(' ').length > known.split(' ').length) this.fullest.set(n.surname, n.name);
    }
  }

  /** The fullest form of a name the article has ("Borrel" → "Josep Borrel"). */
  fullName(name: string): string {
    const words = name.split(/\s+/);
    const surname = words[words.length - 1]!.toLowerCase();
    const full = this.fullest.get(surname);
    if (full && full.split(' ').length >= words.length) return full;
    return name;
  }

  /**
   * The person a pronoun at `at` most likely refers to: the first name mentioned in the
   * sentence before (its subject, in news writing), else the latest name before it.
   */
  personBefore(at: number, prevSentenceStart: number, lastSpeaker: { name: string; at: number } | null): string | null {
    let latest: NameMention | null = null;
    let subject: NameMention | null = null;
    // names are in text order: start from the first one at or after prevSentenceStart - 1500
    let lo = 0;
    let hi = this.names.length;
    const from = Math.min(prevSentenceStart, at - 1500);
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.names[mid]!.start < from) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < this.names.length; i++) {
      const n = this.names[i]!;
      if (n.start >= at) break;
      if (n.start >= prevSentenceStart && !subject) subject = n;
      latest = n;
    }
    if (subject) return this.fullName(subject.name);
    if (lastSpeaker && at - lastSpeaker.at < 1500) return lastSpeaker.name;
    if (latest && at - latest.start < 1500) return this.fullName(latest.name);
    return null;
  }

  /** The latest person named before `at` (within 3,000 characters) whose role has the word `head`. */
  holderBefore(at: number, head: string): string | null {
    let checked = 0;
    for (let i = this.names.length - 1; i >= 0 && checked < 20; i--) {
      const n = this.names[i]!;
      if (n.start >= at) continue;
      if (at - n.start > 3000) break;
      checked++;
      const full = this.fullName(n.name);
      if (this.roleOf(full)?.toLowerCase().includes(head)) return full;
    }
    return null;
  }

  /**
   * Role words the article gives a person: a title run before a full mention ("US Secretary of
   * State Anthony Blinken"), an apposition before it ("the head of EU diplomacy, Josep Borrel")
   * or after it ("Ned Price, a State Department spokesman,").
   */
  roleOf(fullName: string): string | null {
    if (!this.roles.has(fullName)) this.roles.set(fullName, this.findRole(fullName));
    return this.roles.get(fullName) ?? null;
  }

  private readonly roles = new Map<string, string | null>();

  private findRole(fullName: string): string | null {
    const surname = fullName.split(' ').pop()!.toLowerCase();
    for (const n of this.names) {
      if (n.surname !== surname) continue;
      const before = this.text.slice(Math.max(0, n.start - 90), n.start);
      const apposBefore = /(?:^|[,;:.!?\n]\s*|\bthe\s+)((?:the|a|an)\s+)?([^,;:.!?\n"“”]{3,80}?),\s*$/i.exec(before);
      const tight = /(?:^|[,;:.!?\n(]\s*|\b(?:the|a|an|by|with|and|from|to|of)\s+)([^,;:.!?\n"“”()]{2,80}?)\s*$/i.exec(before);
      const cand = apposBefore?.[2] ?? tight?.[1] ?? null;
      if (cand) {
        const role = cleanRole(cand);
        if (role) return role;
      }
      const after = this.text.slice(n.end, n.end + 90);
      const apposAfter = /^,\s*(?:the|a|an|who is|who was)\s+([^,;:.!?\n"“”]{3,70}),/i.exec(after);
      if (apposAfter) {
        const role = cleanRole(apposAfter[1]!);
        if (role) return role;
      }
    }
    return null;
  }
}

const ROLE_HEAD =
  /\b(?:spokes(?:man|woman|person)|minister|secretary|president|senator|sen\.|governor|gov\.|mayor|chairm[ae]n|chairwoman|director|head|chief|leader|ambassador|envoy|adviser|advisor|aide|analyst|expert|lawmaker|candidate|nominee|representative|rep\.|congress(?:man|woman)|lawyer|attorney|economist|professor|strategist|commentator|reporter|correspondent|officer|general|commander|diplomat|prosecutor|judge|justice|sheriff|manager|founder|executive|ceo|speaker|premier|chancellor|king|queen|prince|pope|official|moderator|host|anchor|editor|chair|deputy|director|pollster|researcher|activist|министр|президент|пресс-секретарь|глава|представитель|посол|премьер|депутат|сенатор|губернатор|мэр)\b/i;

/** Keeps role words: the phrase must hold a role noun and no verb-like filler; leading articles dropped. */
function cleanRole(phrase: string): string | null {
  let p = phrase.trim().replace(/^(?:the|a|an)\s+/i, '');
  const words = p.split(/\s+/);
  if (words.length > 9 || !ROLE_HEAD.test(p)) return null;
  // a role is a noun phrase: no lower-case verbs of a clause
  if (/\b(?:is|was|were|are|said|says|told|has|have|had|will|would|that|who|when|after|before)\b/i.test(p)) return null;
  p = p.replace(/['’]s$/, '');
  if (!words.some((w) => isCapitalised(w) || ROLE_HEAD.test(w))) return null;
  return p;
}
