/**
 * A small language guess for labelling articles and choosing an analyser.
 *
 * The script decides first: Hangul is Korean, kana among Han is Japanese, Han alone is Chinese,
 * and Greek, Hebrew, Thai, Georgian, Armenian and Devanagari name their language. Arabic script
 * splits Arabic / Persian / Urdu by their own letters.
 *
 * Within Latin and Cyrillic a tiny naive-Bayes model decides. Each language has a hand-written
 * list of its most frequent function words (their probability taken from the rank, Zipf-like)
 * and rough rates of the letters that tell it from its neighbours (ы, і, ъ, ј, ł, ř, ñ, ã, w,
 * k...). The log-likelihood of the words found and of the counts of those letters is added up; the
 * absence of a letter a language uses often counts against it too (no і in a long Cyrillic text
 * is not Ukrainian). The answer is null when the text is too short, when the two best languages
 * are too close, or when the best one has too few of its own words and letters to show (tables
 * of figures, headlines in capitals: a word counts once, however often a table repeats it).
 * Languages without a profile (Danish, say) come out as a neighbour or null.
 */

interface Profile {
  code: string;
  script: 'latin' | 'cyrillic';
  /** Frequent function words, most frequent first, space separated, lower case. */
  words: string;
  /** Rates (per cent of letters) of the telling letters; any telling letter not named is rare. */
  letters: string;
}

const PROFILES: Profile[] = [
  {
    code: 'en',
    script: 'latin',
    words:
      "the of and to a in is that for it on was with as he by at said from his 's an are be this have has had not but were which they who i been its their will would she her or there what about more also after than we you one up new over into can could when how all no if out so 't do our us",
    letters: 'w2.3 k0.8 y2 q0.1 j0.15',
  },
  {
    code: 'de',
    script: 'latin',
    words:
      'der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als auch es an werden aus er hat dass sie nach wird bei einer um am sind noch wie einem über einen so zum war haben nur oder aber vor zur bis durch sei wurde ich wir',
    letters: 'w1.9 k1.2 y0.05 q0.02 j0.25 ä0.55 ö0.3 ü0.65 ß0.3',
  },
  {
    code: 'nl',
    script: 'latin',
    words:
      'de het een en van in is dat op te zijn met voor niet aan er die maar ook als bij of om dan nog wel uit naar door heeft hebben worden werd wordt hij zij ze was zou kan deze dit al tot over nu wat geen',
    letters: 'w1.5 k2.2 y0.05 q0.01 j1.4 ë0.05 é0.05',
  },
  {
    code: 'sv',
    script: 'latin',
    words:
      'och i att det som en på är av för med till den har de inte om ett men var sig från vi så kan man när år efter under också eller nu hade skulle han hon vara blir blev detta sina sin',
    letters: 'w0.1 k3 y0.7 q0.01 j0.6 å1.3 ä1.8 ö1.3 é0.02',
  },
  {
    code: 'fi',
    script: 'latin',
    words:
      'ja on ei se että oli hän mutta kun ovat tai myös kuin sen mitä niin joka jo vain ole olla mukaan sekä kanssa olivat jotka joita tämä nämä siitä sitä hänen vielä voi',
    letters: 'w0.02 k5 y1.8 q0.005 j2 ä3.5 ö0.45',
  },
  {
    code: 'fr',
    script: 'latin',
    words:
      "de la le l' et les des d' à en un du une est que qui pour dans a sur pas par au il ce se plus ne qu' n' s' avec son sont elle ont été sa ses cette mais ou aux leur c' nous comme y entre",
    letters: 'w0.05 k0.05 y0.3 q1 j0.5 é1.9 è0.3 ê0.2 à0.4 â0.03 ç0.08 î0.03 ï0.01 ô0.04 ù0.05 û0.05 ë0.01 œ0.02',
  },
  {
    code: 'es',
    script: 'latin',
    words:
      'de la que el en y a los del se las por un para con no una su al es lo como más o pero sus le ha este esta son fue entre también sobre ya hay cuando muy sin desde porque está todo',
    letters: 'w0.02 k0.03 y1 q0.9 j0.5 á0.45 é0.4 í0.7 ó0.8 ú0.15 ñ0.3 ü0.01',
  },
  {
    code: 'pt',
    script: 'latin',
    words:
      'de a o que e do da em um para é com não uma os no se na por mais as dos como mas ao ele das seu sua ou foi pelo pela são também já nos num numa está ser tem isso essa esse muito quando',
    letters: 'w0.03 k0.03 y0.03 q1.1 j0.4 á0.5 à0.1 â0.1 ã0.75 ç0.5 é0.35 ê0.45 í0.45 ó0.3 ô0.1 õ0.1 ú0.2',
  },
  {
    code: 'it',
    script: 'latin',
    words:
      "di e il la che è per un in a del non l' una con le si da i sono della al gli lo ha ma come nel anche alla più dei delle questo ci dell' all' nell' sul dalla degli stato essere ancora dopo d' un'",
    letters: 'w0.03 k0.03 y0.03 q0.5 j0.02 à0.15 è0.35 é0.05 ì0.05 ò0.07 ù0.15 ó0.01',
  },
  {
    code: 'ro',
    script: 'latin',
    words:
      'și de în a la cu pe care din că o un nu este pentru se al mai să sau fost au ale lui sunt după ca dar fi si in ce acest această iar între',
    letters: 'w0.03 k0.05 y0.05 q0.005 j0.2 ă2.3 â0.6 î1 ș1.2 ş1.2 ț1 ţ1',
  },
  {
    code: 'pl',
    script: 'latin',
    words:
      'i w na z się nie do to że jest o jak po co ale od przez za dla tak ten czy oraz tym był jego które który która już tylko jej też może są być ich gdy bardzo',
    letters: 'w4.5 k3.3 y3.8 q0.005 j1.9 ą1 ć0.4 ę1.1 ł1.8 ń0.2 ó0.8 ś0.7 ź0.06 ż0.8',
  },
  {
    code: 'cs',
    script: 'latin',
    words:
      'a v se na je že to s z do o i jako by ale pro za od po jsou tak který která které jeho ve už také jen byl bylo není při než jsem bude být jejich podle však další může když již mezi před prý',
    letters: 'w0.02 k3.5 y1.9 q0.005 j2 á2.2 č1 ď0.04 é1.2 ě1.6 í3 ň0.1 ó0.03 ř1.2 š0.8 ť0.04 ú0.1 ů0.6 ý1 ž0.9',
  },
  {
    code: 'sk',
    script: 'latin',
    words:
      'a v sa na je že to s z do o aj ako by ale pre za od po sú tak ktorý ktorá ktoré jeho vo už tiež len bol bolo nie pri než som bude byť ich podľa však ďalší môže keď medzi pred vraj',
    letters: 'w0.01 k3.3 y1.8 q0.005 j2 á2 ä0.1 č0.9 ď0.2 é0.7 í1.6 ĺ0.02 ľ0.4 ň0.2 ó0.1 ô0.2 ŕ0.02 š0.7 ť0.4 ú0.6 ý1.2 ž0.7',
  },
  {
    code: 'hu',
    script: 'latin',
    words:
      'a az és hogy nem is egy meg van volt de csak már ezt el ha mint még azt kell lesz pedig vagy sem után szerint amely ami aki között mert most több nagyon',
    letters: 'w0.02 k4.5 y2.1 q0.005 j1 á3.5 é3.6 í0.6 ó1 ö1 ő0.9 ú0.3 ü0.5 ű0.2',
  },
  {
    code: 'tr',
    script: 'latin',
    words:
      've bir bu da de için ile olarak çok gibi daha olan en ama ne o kadar sonra var yok her değil diye ise göre ancak şu ki mi kendi ayrıca tarafından üzere yeni',
    letters: 'w0.02 k4.7 y3.3 q0.005 j0.03 ç1.2 ğ1.1 ı5 ö0.8 ş1.8 ü1.8 â0.05',
  },
  {
    code: 'id',
    script: 'latin',
    words:
      'yang dan di ini itu dengan untuk dari dalam tidak akan pada adalah ke ada juga oleh karena saya mereka telah sebagai atau bisa kami kita sudah tersebut lebih',
    letters: 'w0.5 k3 y1.8 q0.005 j0.7',
  },
  {
    code: 'ru',
    script: 'cyrillic',
    words:
      'и в не на что с по это как он а к из для о от его так но же то все она был была были бы за у уже или только ее мы вы они их при также будет который которые после этом да ни',
    letters: 'ы1.9 э0.3 ё0.1 ъ0.04 и7.4 й1.2 щ0.4 ь1.7 я2 ю0.6',
  },
  {
    code: 'uk',
    script: 'cyrillic',
    words:
      'і в не на що з по це як він а до та й у для від його але же то все вона був була були б за вже або тільки її ми ви вони їх при також буде який які після цьому про',
    letters: 'і5 ї0.8 є0.4 ґ0.02 и6 й1.2 щ0.9 ь1.6 я2.2 ю0.8',
  },
  {
    code: 'be',
    script: 'cyrillic',
    words: 'і ў не на што з па гэта як ён а да для ад яго але ж усе яна быў была былі за ужо або толькі мы вы яны іх пры таксама будзе які якія пасля',
    letters: 'і5.5 ў1.9 ы2 э0.5 ё0.8 й1.2 ь1.5 я3 ю0.6',
  },
  {
    code: 'kk',
    script: 'cyrillic',
    words: 'және мен бұл деп үшін бойынша да де осы бар жоқ болып екен олар ол бір біз сол еді тиіс туралы арасында кейін қазір',
    letters: 'ә2.5 ғ0.9 қ2.6 ң1.2 ө0.8 ұ0.9 ү1.3 һ0.02 і3.5 ы3.5 и2.5 й1 я0.4 ю0.2 ь0.1',
  },
  {
    code: 'bg',
    script: 'cyrillic',
    words: 'на и за да от се в с е са че не това който която които като по си ще бъде към през той тя те след но или при още има',
    letters: 'ъ2.2 ѝ0.05 и8.5 й0.5 щ0.8 ь0.05 я2.2 ю0.3',
  },
  {
    code: 'sr',
    script: 'cyrillic',
    words: 'је и у да на се за од са не су што као из о по али који која које ће био била били јер или до',
    letters: 'ј2 љ0.4 њ0.5 ћ0.8 ђ0.2 џ0.05 и9',
  },
  {
    code: 'mk',
    script: 'cyrillic',
    words: 'на и во се да од со за е не што ќе како тоа која кој кои по но или при беше бил била',
    letters: 'ј1 љ0.2 њ0.4 ѓ0.2 ќ0.6 ѕ0.05 и7',
  },
];

/** Few letters say nothing; below this the answer is null. */
const MIN_LETTERS = 20;
const SAMPLE_CHARS = 20_000;
/** Rate of a telling letter a language does not use (names, quotes, typos). */
const RARE_LETTER = 0.0003;
/** Probability of a listed function word of another language turning up in a text. */
const RARE_WORD = 0.0005;
/** The two best languages must be this far apart (natural log, about 7:1) to name one. */
const MARGIN = 2;
/** Weight of the letter evidence against the word evidence (letters are not independent). */
const LETTER_WEIGHT = 1;
/** Log prior odds: the workbench mostly sees English and Russian news. */
const PRIOR: Record<string, number> = { en: 1, ru: 1 };
const LOG_RARE_WORD = Math.log(RARE_WORD);

interface Model {
  codes: string[];
  /** Telling letters of the script (code points) and, per language, ln(rate) and rate. */
  letters: number[];
  /** Per language, the telling letters that are its own marks (beyond a-z, or beyond the common Cyrillic core). */
  marks: Set<number>[];
  logRate: Float64Array[];
  rate: Float64Array[];
}

/** word → per-language ln(probability), for every listed word of the script. */
const WORD_LOGP = new Map<string, { script: 'latin' | 'cyrillic'; logp: Float64Array }>();
const MODELS = { latin: buildModel('latin'), cyrillic: buildModel('cyrillic') };

function buildModel(script: 'latin' | 'cyrillic'): Model {
  const profiles = PROFILES.filter((p) => p.script === script);
  const parsed = profiles.map((p) => new Map(p.letters.split(' ').map((t) => [t.codePointAt(0)!, Number(t.slice(1)) / 100])));
  const letters = [...new Set(parsed.flatMap((m) => [...m.keys()]))];
  const rate = parsed.map((m) => Float64Array.from(letters, (c) => m.get(c) ?? RARE_LETTER));
  profiles.forEach((p, k) => {
    p.words.split(' ').forEach((w, rank) => {
      let entry = WORD_LOGP.get(w);
      if (!entry) {
        entry = { script, logp: new Float64Array(profiles.length).fill(Math.log(RARE_WORD)) };
        WORD_LOGP.set(w, entry);
      }
      // Zipf-like: the first word of a list is about 5% of running text, the 40th about 0.4%.
      entry.logp[k] = Math.log(0.05 / Math.pow(rank + 1, 0.7));
    });
  });
  const core = new Set([...'wkyqjийщьяю'].map((c) => c.codePointAt(0)!));
  const marks = parsed.map((m) => new Set([...m.keys()].filter((c) => !core.has(c))));
  return { codes: profiles.map((p) => p.code), letters, marks, rate, logRate: rate.map((r) => r.map(Math.log)) };
}

// Script classes of a code point.
const OTHER = 0;
const LATIN = 1;
const CYRILLIC = 2;
const GREEK = 3;
const ARABIC = 4;
const HEBREW = 5;
const HAN = 6;
const KANA = 7;
const HANGUL = 8;
const DEVANAGARI = 9;
const THAI = 10;
const GEORGIAN = 11;
const ARMENIAN = 12;
const MARK = 13;
const SCRIPT_COUNT = 14;

function scriptOf(c: number): number {
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) ? LATIN : OTHER;
  if (c < 0x250) return c >= 0xc0 && c !== 0xd7 && c !== 0xf7 ? LATIN : OTHER;
  if (c >= 0x300 && c < 0x370) return MARK;
  if (c < 0x370) return OTHER;
  if (c < 0x400) return GREEK;
  if (c < 0x530) return CYRILLIC;
  if (c < 0x590) return ARMENIAN;
  if (c < 0x600) return HEBREW;
  if (c < 0x700 || (c >= 0x750 && c < 0x780) || (c >= 0x8a0 && c < 0x900)) return isArabicLetter(c) ? ARABIC : OTHER;
  if (c >= 0x900 && c < 0x980) return DEVANAGARI;
  if (c >= 0xe00 && c < 0xe80) return THAI;
  if (c >= 0x10a0 && c < 0x1100) return GEORGIAN;
  if (c >= 0x1100 && c < 0x1200) return HANGUL;
  if (c >= 0x1e00 && c < 0x1f00) return LATIN;
  if (c >= 0x1f00 && c < 0x2000) return GREEK;
  if (c >= 0x3040 && c < 0x3100) return c === 0x30fb || c === 0x30fc ? OTHER : KANA;
  if (c >= 0x3130 && c < 0x3190) return HANGUL;
  if (c >= 0x31f0 && c < 0x3200) return KANA;
  if ((c >= 0x3400 && c < 0x4dc0) || (c >= 0x4e00 && c < 0xa000) || (c >= 0xf900 && c < 0xfb00)) return HAN;
  if (c >= 0xac00 && c < 0xd7b0) return HANGUL;
  if ((c >= 0xfb50 && c < 0xfe00) || (c >= 0xfe70 && c < 0xff00)) return ARABIC;
  if (c >= 0xff66 && c < 0xffa0) return KANA;
  if ((c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a)) return LATIN;
  return OTHER;
}

/** Arabic digits and punctuation are not letters. */
function isArabicLetter(c: number): boolean {
  return !((c >= 0x660 && c <= 0x66d) || (c >= 0x6f0 && c <= 0x6f9) || c === 0x60c || c === 0x61b || c === 0x61f || c === 0x6d4);
}

function isApostrophe(c: number): boolean {
  return c === 0x27 || c === 0x2019 || c === 0x2bc;
}

/** Scripts whose language the script alone gives. */
const SCRIPT_LANGUAGE: Record<number, string> = {
  [GREEK]: 'el',
  [HEBREW]: 'he',
  [DEVANAGARI]: 'hi',
  [THAI]: 'th',
  [GEORGIAN]: 'ka',
  [ARMENIAN]: 'hy',
  [HANGUL]: 'ko',
};

/** A candidate language and its log-likelihood relative to the best (0 for the best). */
export interface LanguageScore {
  language: string;
  score: number;
}

/**
 * Guesses the language of `text` as a primary language subtag (ISO 639-1), or null when the
 * text has under 20 letters, mixes scripts evenly, or two languages are too close to call.
 * Only the first 20,000 characters are looked at.
 *
 * @example
 *   detectLanguage('The US authorities are calling on the CSTO forces to leave') // 'en'
 *   detectLanguage('Госдеп призвал силы ОДКБ покинуть Казахстан по просьбе властей') // 'ru'
 *   detectLanguage('Hello') // null
 */
export function detectLanguage(text: string): string | null {
  return rankLanguages(text).language;
}

/**
 * The decision `detectLanguage` makes, with the candidate languages of the text's script best
 * first. For diagnostics and for a UI that wants to offer the runner-up.
 *
 * @example
 *   rankLanguages('Dnes ráno řekl předseda vlády, že se to nestane.').ranking[0] // { language: 'cs', score: 0 }
 */
export function rankLanguages(text: string): { language: string | null; ranking: LanguageScore[] } {
  let original = text.length > SAMPLE_CHARS ? text.slice(0, SAMPLE_CHARS) : text;
  // Decomposed accents (e + U+0301) would hide the letters that tell languages apart.
  if (/[\u0300-\u036f]/.test(original)) original = original.normalize('NFC');
  // İ is the one letter whose lower case is longer (i + U+0307); keep both strings aligned.
  if (original.includes('\u0130')) original = original.replace(/\u0130/g, 'I');
  const sample = original.toLowerCase();

  const scripts = new Uint32Array(SCRIPT_COUNT);
  // Counts of Latin and Cyrillic letters by code point (the telling letters are all below 0x530).
  const letterCounts = new Uint32Array(0x530);
  const wordLogp = { latin: new Float64Array(MODELS.latin.codes.length), cyrillic: new Float64Array(MODELS.cyrillic.codes.length) };
  // Distinct function words found per language: a table repeating one word ("per", "no", the
  // "A" of "6718A") is no evidence of a language, however often it repeats it.
  const wordHits = { latin: new Uint32Array(MODELS.latin.codes.length), cyrillic: new Uint32Array(MODELS.cyrillic.codes.length) };
  const wordsSeen = new Set<object>();
  let persian = 0;
  let urdu = 0;
  let vietnamese = 0;

  const n = sample.length;
  let start = -1;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? sample.charCodeAt(i) : 0x20;
    const s = scriptOf(c);
    if (s === LATIN || s === CYRILLIC || s === MARK) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      const entry = WORD_LOGP.get(wordKey(sample, start, i));
      if (entry && !isCapitals(original, sample, start, i)) {
        const acc = wordLogp[entry.script];
        const hits = wordHits[entry.script];
        const firstTime = !wordsSeen.has(entry);
        for (let k = 0; k < acc.length; k++) {
          acc[k]! += entry.logp[k]!;
          if (firstTime && entry.logp[k]! > LOG_RARE_WORD) hits[k]!++;
        }
        wordsSeen.add(entry);
      }
      start = -1;
    }
    if (i === n) break;
    scripts[s]!++;
    if (s === LATIN || s === CYRILLIC) {
      if (c < 0x530) letterCounts[c]!++;
      else if (c >= 0x1ea0 && c <= 0x1ef9) vietnamese++;
    } else if (s === ARABIC) {
      // Persian پ چ ژ گ ک ی; Urdu ٹ ڈ ڑ ں ے
      if (c === 0x67e || c === 0x686 || c === 0x698 || c === 0x6af || c === 0x6a9 || c === 0x6cc) persian++;
      if (c === 0x679 || c === 0x688 || c === 0x691 || c === 0x6ba || c === 0x6d2) urdu++;
    }
  }

  // CJK characters carry about a word each, so they weigh more than alphabet letters.
  const weight = (sc: number) => (sc === HAN || sc === KANA || sc === HANGUL ? scripts[sc]! * 3 : scripts[sc]!);
  let letters = 0;
  let all = 0;
  let top = OTHER;
  let topWeight = 0;
  for (let sc = LATIN; sc < MARK; sc++) {
    letters += scripts[sc]!;
    all += weight(sc);
    if (sc === KANA) continue; // counted with Han
    const w = sc === HAN ? weight(HAN) + weight(KANA) : weight(sc);
    if (w > topWeight) {
      top = sc;
      topWeight = w;
    }
  }
  const none = { language: null, ranking: [] };
  // A CJK character counts as two letters for the minimum.
  if (letters + scripts[HAN]! + scripts[KANA]! + scripts[HANGUL]! < MIN_LETTERS || topWeight < all * 0.5) return none;

  if (top === HAN) {
    const han = scripts[HAN]!;
    const kana = scripts[KANA]!;
    return one(kana >= 3 && kana >= (han + kana) * 0.05 ? 'ja' : 'zh');
  }
  if (top === ARABIC) {
    const arabic = scripts[ARABIC]!;
    if (urdu >= Math.max(3, arabic * 0.01)) return one('ur');
    return one(persian >= Math.max(3, arabic * 0.01) ? 'fa' : 'ar');
  }
  const byScript = SCRIPT_LANGUAGE[top];
  if (byScript) return one(byScript);
  if (top !== LATIN && top !== CYRILLIC) return none;
  if (top === LATIN && vietnamese >= Math.max(3, scripts[LATIN]! * 0.02)) return one('vi');

  const script = top === LATIN ? 'latin' : 'cyrillic';
  const model = MODELS[script];
  const total = scripts[top]!;
  const scores = model.codes.map((code, k) => {
    // Poisson log-likelihood of each telling letter's count (constant terms dropped).
    let letterLl = 0;
    let marks = 0;
    model.letters.forEach((c, j) => {
      const count = letterCounts[c]!;
      letterLl += count * model.logRate[k]![j]! - model.rate[k]![j]! * total;
      if (model.marks[k]!.has(c)) marks += count;
    });
    const score = (PRIOR[code] ?? 0) + wordLogp[script][k]! + LETTER_WEIGHT * letterLl;
    return { language: code, score, hits: wordHits[script][k]!, marks };
  });
  scores.sort((a, b) => b.score - a.score);
  const best = scores[0]!;
  const ranking = scores.map((s) => ({ language: s.language, score: s.score - best.score }));
  const second = ranking[1];
  // Letters alone (or their absence) never name a language: it needs two of its words, or one
  // with its own letters, or many of its own letters and a wider lead (Kazakh қ ң ә, Turkish ı
  // ş ğ). One Cyrillic word with a wide lead will do, since Cyrillic letters tell languages
  // apart; a Latin lead from one word mostly comes from letters a short text lacks (no w, k or
  // y in a table of figures), and English newswire tables then read as Italian ("per"),
  // Spanish ("no quote") or Slovak (the "A" of "6718A").
  const lead = second ? -second.score : Infinity;
  const evidence =
    best.hits >= 2 || (best.hits >= 1 && (best.marks >= 2 || (script === 'cyrillic' && lead >= 2 * MARGIN))) || (best.marks >= 3 && lead >= 3 * MARGIN);
  const sure = evidence && lead >= MARGIN;
  return { language: sure ? best.language : null, ranking };
}

/**
 * The word between start and end as looked up: elided forms keep their apostrophe (`l'` in
 * "l'État", `'s` in "Russia's"), and single letters that are initials ("U.S.") are dropped.
 */
function wordKey(s: string, start: number, end: number): string {
  const before = start >= 2 && isApostrophe(s.charCodeAt(start - 1)) && scriptOf(s.charCodeAt(start - 2)) === LATIN;
  const after = end + 1 < s.length && isApostrophe(s.charCodeAt(end)) && scriptOf(s.charCodeAt(end + 1)) === LATIN;
  if (end - start === 1 && !before && !after) {
    const prev = start > 0 ? s.charCodeAt(start - 1) : 0x20;
    if (s.charCodeAt(end) === 0x2e || prev === 0x2e) return '';
  }
  const word = s.slice(start, end);
  return before ? `'${word}` : after ? `${word}'` : word;
}

/**
 * A word in capitals ("AM", "ATT", "DI") is a ticker, an acronym or a shouted headline, not a
 * function word: headlines in capitals would otherwise read as German or Swedish.
 */
function isCapitals(original: string, lower: string, start: number, end: number): boolean {
  // Most words start in lower case, and most others are Title Case: two looks settle them.
  if (end - start < 2 || original.charCodeAt(start) === lower.charCodeAt(start) || original.charCodeAt(start + 1) === lower.charCodeAt(start + 1)) {
    return false;
  }
  const w = original.slice(start, end);
  return w === w.toUpperCase();
}

function one(language: string): { language: string; ranking: LanguageScore[] } {
  return { language, ranking: [{ language, score: 0 }] };
}
