/**
 * Speaker mentions: the noun phrase before or after a cue ("State Department spokesman Ned
 * Price said", "said the spokesman", "according to officials"), and its split into role words
 * and a personal name.
 */

/** A mention found in the text: [start, end). */
export interface Mention {
  start: number;
  end: number;
}

export const PRONOUNS = new Set(['he', 'she', 'they', 'we', 'i', 'it', 'он', 'она', 'они', 'мы', 'я']);
const PERSON_PRONOUNS = new Set(['he', 'she', 'он', 'она']);

/** Words between a subject and its verb that belong to neither ("he also said", "has long argued"). */
const ADVERBS = new Set(
  ('also has have had would will later then previously repeatedly reportedly publicly recently again once further never ' +
    'often simply just only quickly flatly firmly bluntly openly privately first initially long frequently since still ' +
    'already ultimately even specifically explicitly falsely correctly rightly wrongly finally last yesterday today ' +
    'tonight is was were are be been not did does do may might could should must can always ' +
    'также тогда ранее уже еще ещё вновь снова неоднократно').split(/\s+/),
);

/** Lower-case words that end a speaker phrase when walking back from the cue. */
const BREAK_WORDS = new Set(
  ('that and but while because as when after before if so which who whom whose where than though although since until ' +
    'is was were are be been being has have had will would can could should may might must did does do ' +
    'found find finds says said say told tell tells believe believes think thinks know knows says added adds ' +
    'to of in on at for with by from about into over under against between during through what how why ' +
    'not no nor or yet even also just only said, says, unless whether then there here this these those it its ' +
    'что и а но как когда если чтобы который которая которые в на по с о об для к от из за при это').split(/\s+/),
);
/** Determiners and quantifiers that may open a speaker phrase. */
const DETERMINERS = new Set(
  'the a an his her their its our my your this that these those some many several both other one two three most few all each any no another such top'.split(
    ' ',
  ),
);
/** Words after a cue that end an inverted speaker phrase ("said Ned Price on Monday"). */
const AFTER_BREAK = new Set(
  ('in on at during after before when while who that to about via last this told adding as because if and but according ' +
    'yesterday today tonight recently earlier later in, on, at, noting arguing saying explaining ' +
    'в на во журналистам агентству корреспонденту изданию газете телеканалу что').split(/\s+/),
);

/** Title words that precede a personal name and are not part of it. */
export const TITLES = new Set(
  ('president vice secretary state minister sen sen. senator rep rep. representative gov gov. governor mayor mr mr. mrs mrs. ms ms. ' +
    'dr dr. gen gen. general chairman chairwoman chair speaker leader director chief judge justice ambassador pope king queen ' +
    'prince princess prime attorney commissioner chancellor spokesman spokeswoman spokesperson candidate democratic republican ' +
    'democrat gop former presidential u.s. us eu un the a an lt lt. col col. capt capt. sgt sgt. rev rev. prof prof. ' +
    'sir lord lady dame sheikh emir premier deputy acting foreign defense defence interior finance white house department ' +
    'ministry senate congress majority minority whip nominee hopeful frontrunner front-runner mogul billionaire businessman ' +
    'host anchor moderator correspondent editor founder ceo executive officer police sheriff agent envoy adviser advisor ' +
    'economist analyst professor strategist pollster lawmaker congressman congresswoman delegate governor-elect president-elect ' +
    'earlier later but and in on at when while after before if as so then this that meanwhile however also still yet for with ' +
    'without from by to of his her their our its my rival fellow independent conservative liberal progressive russian american ' +
    'british french german chinese ukrainian kazakh european iranian israeli syrian turkish japanese indian canadian mexican ' +
    'head top his her ' +
    // Russian bodies and countries in the genitive, before a name ("министр иностранных дел России Сергей Лавров")
    'россии рф сша украины кремля мид москвы ес нато оон китая германии франции казахстана белоруссии').split(/\s+/),
);
/** Words that make a capitalised phrase an organisation rather than a person. */
const ORG_WORDS = new Set(
  ('department ministry house office committee council party agency service commission kremlin pentagon reuters interfax ' +
    'news times post journal network campaign foundation institute university court police government administration union ' +
    'organization organisation association company inc corp group bank fund board bureau center centre tass ria cnn fox ' +
    'nbc abc cbs msnbc bbc poll survey report statement study data clinic hospital school college city county state states ' +
    'republicans democrats gop nato osce csto un eu senate congress white washington moscow kremlin parliament duma army ' +
    'navy force forces police guard').split(/\s+/),
);
/** Quantifiers that stand alone as the subject of a cue ("Several said", "Many say"). */
const QUANTIFIERS = new Set('several many some most both others few all'.split(' '));
/** Nouns that make a lower-case phrase a plausible source ("officials said", "the spokesman said"). */
const SOURCE_NOUNS =
  /^(?:officials?|spokes(?:man|woman|person|men|women|people)|ministers?|secretary|president|senators?|governors?|mayors?|chairm[ae]n|directors?|head|chief|leaders?|ambassadors?|envoys?|advis[eo]rs?|aides?|analysts?|experts?|lawmakers?|candidates?|nominees?|representatives?|congress(?:man|woman|men|women)|lawyers?|attorneys?|economists?|professors?|researchers?|strategists?|commentators?|reporters?|correspondents?|sources?|officers?|generals?|commanders?|diplomats?|negotiators?|prosecutors?|judges?|sheriffs?|managers?|founders?|executives?|critics?|supporters?|opponents?|voters?|residents?|witnesses?|people|activists?|protesters?|democrats?|republicans?|members?|staffers?|insiders?|observers?|scientists?|doctors?|police|authorities|administration|government|ministry|department|campaign|committee|statement|report|study|poll|polls|survey|analysis|data|agency|group|organi[sz]ation|spokesperson|press secretary|adviser|officials|пресс-секретарь|министр|глава|представитель|президент|премьер|посол|официальный|источник|эксперт|политик|депутат|сенатор)$/i;

const WORD_CHAR = /[\p{L}\p{N}'’.\-]/u;
const WORD_START = /[\p{L}\p{N}]/u;

/**
 * The word that ends at `k` (blanks before `k` skipped), not reaching before `lo`: a backward
 * scan, linear in the word length (an end-anchored regular expression would be quadratic).
 */
function wordBefore(text: string, lo: number, k: number): { start: number; word: string } | null {
  let e = k;
  while (e > lo && /\s/.test(text[e - 1]!)) e--;
  let b = e;
  while (b > lo && b > e - 60 && WORD_CHAR.test(text[b - 1]!)) b--;
  while (b < e && !WORD_START.test(text[b]!)) b++;
  return b < e ? { start: b, word: text.slice(b, e) } : null;
}

/** True when `w` starts with a capital letter (any script). */
export const isCapitalised = (w: string): boolean => /^\p{Lu}/u.test(w);

/**
 * The speaker phrase that ends right before a cue at `cueStart` ("Ned Price said", "the head of
 * EU diplomacy, Josep Borrel, expressed"), not reaching before `from`. Null when the words
 * before the cue do not look like a speaker.
 */
export function speakerBefore(text: string, from: number, cueStart: number): Mention | null {
  const lo = Math.max(from, cueStart - 160);
  let e = cueStart;
  // Skip the adverbs and auxiliaries between subject and verb.
  for (let guard = 0; guard < 4; guard++) {
    const w = wordBefore(text, lo, e);
    if (!w || !ADVERBS.has(w.word.toLowerCase())) break;
    if (w.word.length > 1 && isCapitalised(w.word) && w.start === lo) break;
    e = w.start;
  }
  while (e > lo && /\s/.test(text[e - 1]!)) e--;
  // A party-and-state tag or an age after a name ("Roger Wicker (R-Miss.) said") is skipped.
  if (text[e - 1] === ')') {
    const open = text.lastIndexOf('(', e - 1);
    if (open > lo && e - open <= 24 && !/[()]/.test(text.slice(open + 1, e - 1)) && /[\p{L}\p{N}.]\s*$/u.test(text.slice(lo, open))) {
      e = open;
      while (e > lo && /\s/.test(text[e - 1]!)) e--;
    }
  }
  let s = e;
  let words = 0;
  let firstWord = '';
  for (;;) {
    let k = s;
    while (k > lo && /[ \t\u00a0]/.test(text[k - 1]!)) k--;
    if (k <= lo) break;
    const wb = wordBefore(text, lo, k);
    if (!wb || wb.start + wb.word.length !== k) break; // a punctuation mark ends the phrase
    let w = wb.word;
    // a word ending a sentence ("... Monday. He said") is not part of the phrase
    if (w.endsWith('.') && !/^(?:\p{Lu}\.|Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|St|Jr|Sr|Prof|Rev|U\.S|U\.N)\.?$/u.test(w)) break;
    const lw = w.toLowerCase();
    if (words > 0 && BREAK_WORDS.has(lw) && !(lw === 'of' || lw === 'for' || lw === 'and')) break;
    if (words === 0 && BREAK_WORDS.has(lw) && !PRONOUNS.has(lw)) return null;
    s = k - w.length;
    words++;
    firstWord = w;
    if (PRONOUNS.has(lw)) break;
    if (words > 9) return null;
    w = '';
  }
  // "of"/"for"/"and" may not open the phrase
  while (words > 0 && /^(?:of|for|and)$/i.test(firstWord)) {
    const m = /^\S+\s+/.exec(text.slice(s, e));
    if (!m) return null;
    s += m[0].length;
    firstWord = /^\S+/.exec(text.slice(s, e))?.[0] ?? '';
    words--;
  }
  if (words === 0 || s >= e) return null;
  return validPhrase(text, s, e) ? { start: s, end: e } : null;
}

/** The speaker phrase that starts right after a cue ending at `cueEnd` ("said the spokesman"). */
export function speakerAfter(text: string, cueEnd: number, to: number): Mention | null {
  const hi = Math.min(to, cueEnd + 160);
  const re = /[ \t\u00a0]*([\p{L}\p{N}][\p{L}\p{N}'’.\-]*)/uy;
  let k = cueEnd;
  let s = -1;
  let e = -1;
  let words = 0;
  for (;;) {
    re.lastIndex = k;
    const m = re.exec(text);
    if (!m || re.lastIndex > hi) break;
    let w = m[1]!;
    const lw = w.toLowerCase().replace(/[,.]$/, '');
    if (words === 0 && /^(?:ему|ей|им|мне|нам|him|her|them|us)$/.test(lw)) {
      k = m.index + m[0].length; // the hearer between verb and speaker ("сказал ему следователь")
      continue;
    }
    if (AFTER_BREAK.has(lw) && words > 0) break;
    if (words === 0 && (AFTER_BREAK.has(lw) || (BREAK_WORDS.has(lw) && !DETERMINERS.has(lw)))) return null;
    let wEnd = m.index + m[0].length;
    // a word that ends with a sentence period ends the phrase, the period excluded
    const sentenceEnd = w.endsWith('.') && !/^(?:\p{Lu}\.|Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|St|Jr|Sr|Prof|Rev|U\.S|U\.N)\.?$/u.test(w);
    if (sentenceEnd) {
      wEnd--;
      w = w.slice(0, -1);
    }
    if (s < 0) s = wEnd - w.length;
    e = wEnd;
    words++;
    k = wEnd;
    if (PRONOUNS.has(lw) || sentenceEnd || words > 9) break;
    if (!/^[ \t\u00a0]*[\p{L}\p{N}]/u.test(text.slice(k, k + 3))) break; // punctuation next
  }
  if (s < 0 || words > 9) return null;
  return validPhrase(text, s, e) ? { start: s, end: e } : null;
}

/** Whether [s, e) reads as a source: a pronoun, a name, a determined noun phrase, a source noun. */
function validPhrase(text: string, s: number, e: number): boolean {
  const words = text.slice(s, e).split(/\s+/);
  const first = words[0]!;
  const lf = first.toLowerCase();
  if (words.length === 1 && PRONOUNS.has(lf)) return true;
  // "Several said", "About 9 percent said", "1,409 teachers said", "most of them said"
  if (words.length === 1 && QUANTIFIERS.has(lf)) return true;
  if (words.length <= 5 && words.some((w) => /^(?:\d[\d.,]*%?|percent|half|majority|minority|third|quarter|two-thirds|them)$/i.test(w))) return true;
  if (PRONOUNS.has(lf)) return false;
  if (words.some((w, i) => (i > 0 || !DETERMINERS.has(w.toLowerCase())) && isCapitalised(w) && !/^(?:I|A)$/.test(w))) return true;
  const last = words[words.length - 1]!.replace(/['’]s$/, '');
  if (SOURCE_NOUNS.test(last)) return true;
  if (DETERMINERS.has(lf) && words.length <= 6) return words.length > 1 && words.every((w) => !BREAK_WORDS.has(w.toLowerCase()) || w === first);
  return false;
}

/** A speaker phrase split into its role words and its personal name (either may be null). */
export interface PhraseParts {
  pronoun: string | null;
  name: string | null;
  role: string | null;
}

/**
 * Splits "State Department spokesman Ned Price" into role "State Department spokesman" and name
 * "Ned Price"; "the spokesman" into role "spokesman"; "he" into pronoun "he".
 */
export function splitPhrase(phrase: string): PhraseParts {
  let words = phrase.split(/\s+/).filter(Boolean);
  // "Sen. Dianne Feinstein of California", "Gov. John Kasich of Ohio": the place is not the name
  const of = words.lastIndexOf('of');
  if (of >= 2 && of === words.length - 2 && isCapitalised(words[of + 1]!)) {
    const before = words.slice(0, of);
    const named = before.slice(-2).every((w) => isCapitalised(w) && !TITLES.has(w.toLowerCase().replace(/['’]s$/, '')));
    if (named) words = before;
  }
  if (words.length === 1 && PRONOUNS.has(words[0]!.toLowerCase())) return { pronoun: words[0]!.toLowerCase(), name: null, role: null };
  // The name is the trailing run of capitalised words that are not titles.
  let i = words.length;
  while (i > 0) {
    const w = words[i - 1]!.replace(/['’]s$/, '');
    const lw = w.toLowerCase();
    const particle = /^(?:de|da|del|van|von|der|bin|al|ibn|la|le|di)$/.test(w) && i < words.length;
    if (!(isCapitalised(w) || particle) || TITLES.has(lw)) break;
    i--;
  }
  let nameWords = words.slice(i).map((w) => w.replace(/['’]s$/, '').replace(/,$/, ''));
  if (nameWords.some((w) => ORG_WORDS.has(w.toLowerCase()) || QUANTIFIERS.has(w.toLowerCase())) || nameWords.every((w) => /^[\p{Lu}.\-]+$/u.test(w) && w.length <= 5)) nameWords = [];
  const name = nameWords.length ? nameWords.join(' ') : null;
  let roleWords = name ? words.slice(0, i) : words;
  while (roleWords.length && DETERMINERS.has(roleWords[0]!.toLowerCase())) roleWords = roleWords.slice(1);
  const role = roleWords.length && roleWords.some((w) => /\p{L}{2}/u.test(w)) ? roleWords.join(' ').replace(/,$/, '') : null;
  return { pronoun: null, name, role: name || (role && /\p{L}/u.test(role)) ? role : null };
}

/** True for he/she (a person), as opposed to they/we/it. */
export const isPersonPronoun = (p: string): boolean => PERSON_PRONOUNS.has(p.toLowerCase());

/** Openers of a sentence that stand before its subject ("But", "And", "Still,"). */
const CLAUSE_OPENER = /^(?:(?:But|And|So|Still|Yet|Even|Meanwhile|However|Instead|Now|Also|Then|Similarly|Likewise)\b,?\s+)?/;

/**
 * The subject of a sentence whose verb at `cueStart` follows an apposition or a relative clause
 * set off by commas: "Rep. Tom Cole of Oklahoma, an ally of GOP leadership, said ...",
 * "Mr. Coffman, who represents a swing district, said ...". The subject must open the sentence
 * (after a connective) and run to its first comma; what sits between that comma and the cue
 * is the apposition, which must itself end with a comma right before the verb.
 */
export function subjectBeforeApposition(text: string, masked: string, from: number, cueStart: number): Mention | null {
  if (cueStart - from > 320) return null;
  // read on the masked text (quotes blanked); a quote opening the sentence is skipped
  const quoted = /^\u0001+[\s,]*/.exec(masked.slice(from, Math.min(cueStart, from + 2000)));
  if (quoted) from += quoted[0].length;
  const lead = masked.slice(from, cueStart);
  // the verb must follow ", " (an adverb or an auxiliary may sit between: ", though, said", ", has said")
  const verbLead = /,\s*(?:(?:also|later|then|though|however|too|has|have|had|would|will|previously|recently|repeatedly)\s+){0,2}$/;
  if (!verbLead.test(lead)) return null;
  const opener = CLAUSE_OPENER.exec(lead)![0].length;
  const comma = lead.indexOf(',', opener);
  if (comma < 0 || comma >= lead.search(verbLead)) return null;
  const s = from + opener;
  const m = speakerBefore(text, s, from + comma);
  if (!m || m.start !== s) return null;
  const phrase = text.slice(m.start, m.end);
  // a name or a source noun, not a pronoun ("He, too, said" is already read by speakerBefore)
  if (PRONOUNS.has(phrase.toLowerCase())) return null;
  return m;
}

/** An introductory adverbial before the subject ("In a brief interview, ", "Last month, "). */
const INTRO_ADVERBIAL = /^(?:(?:In|On|At|During|After|Before|Last|Earlier|Later|Speaking|Asked|Meanwhile|Separately|Since|For|Over|This|Yesterday|Today)\b[^,;:.!?\u0001]{0,60},\s+)?/;
/** The subject noun phrase of a sentence: a capitalised run, "of" and "the" allowed inside, or a pronoun. */
const SUBJECT = /^(?:(?:He|She|They|We)\b|(?:(?:The|A|An)\s+)?(?:\p{Lu}[\p{L}'’.\-]*\s+(?:(?:of|for|the|de|van|von)\s+)*){0,6}\p{Lu}[\p{L}'’\-]*)(?=\s+\p{Ll})/u;

/**
 * The subject of a sentence whose cue at `cueStart` is a second verb coordinated with the first:
 * "FBI Director James Comey called the handling careless, but said ...", "Ms. Conway rejected the
 * idea and said ...". The subject opens the sentence (after a connective or a short
 * introductory adverbial) and is followed by its own lower-case verb. A participle after a comma
 * (`participle`: "Trump launched an attack, calling him ...") takes the subject the same way.
 */
export function subjectOfCoordinatedVerb(text: string, masked: string, from: number, cueStart: number, participle: boolean): Mention | null {
  if (cueStart - from > 400) return null;
  const quoted = /^\u0001+[\s,]*/.exec(masked.slice(from, Math.min(cueStart, from + 2000)));
  if (quoted) from += quoted[0].length;
  const lead = masked.slice(from, cueStart);
  const coordinated = /(?:,\s*|\s)(?:and|but)\s+(?:(?:also|then|later|again|even|still)\s+)?$/.test(lead);
  if (!coordinated && !(participle && /[,\u0001]\s*$/.test(lead))) return null;
  let at = CLAUSE_OPENER.exec(lead)![0].length;
  at += INTRO_ADVERBIAL.exec(lead.slice(at))![0].length;
  const m = SUBJECT.exec(lead.slice(at));
  if (!m) return null;
  const s = from + at;
  const e = s + m[0].length;
  if (PRONOUNS.has(m[0].toLowerCase())) return { start: s, end: e };
  const sp = speakerBefore(text, s, e);
  return sp && sp.start === s && sp.end === e ? sp : null;
}

/**
 * "Sen. Dianne Feinstein of California, who said ...": the person a relative "who" before the
 * cue refers to, the phrase right before it.
 */
export function antecedentOfWho(text: string, from: number, cueStart: number): Mention | null {
  const m = /(,?\s*)\bwho\s+(?:(?:also|later|then|has|had|have|previously|once)\s+)?$/.exec(text.slice(Math.max(from, cueStart - 40), cueStart));
  if (!m) return null;
  const at = Math.max(from, cueStart - 40) + m.index;
  return speakerBefore(text, from, at);
}
