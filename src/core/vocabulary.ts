// The playbook's words for red flags, opportunity signals and value-add activities (domain brief,
// sections 1-2). A cell holds a list separated by commas or semicolons, in Dutch or English; each
// word is matched case-, space- and hyphen-insensitively, and a word outside the vocabulary is
// handed back so that the reader can report it with its place.

export type RedFlag = 'noResponse' | 'competitor' | 'ratePressure' | 'stakeholderChange' | 'lostExclusivity';
export type Signal = 'clientReachesOut' | 'internalReferrals' | 'strategicInvolvement' | 'firstCall';
export type ValueAdd = 'marketInsight' | 'introduction' | 'advice' | 'none';
/** A contact's part in the account (issue 11): the stakeholder network of domain brief, section 5. */
export type Role = 'decisionMaker' | 'champion' | 'procurement' | 'hr' | 'user';

export const VALUE_ADDS: readonly ValueAdd[] = ['marketInsight', 'introduction', 'advice', 'none'];

/** Accepted words per term; the first Dutch and first English word are the ones Cadans shows. */
export const VOCABULARY: {
  redFlag: Record<RedFlag, { nl: readonly string[]; en: readonly string[] }>;
  signal: Record<Signal, { nl: readonly string[]; en: readonly string[] }>;
  valueAdd: Record<ValueAdd, { nl: readonly string[]; en: readonly string[] }>;
  role: Record<Role, { nl: readonly string[]; en: readonly string[] }>;
} = {
  redFlag: {
    noResponse: { nl: ['geen reactie', 'reageert niet'], en: ['no response', 'unresponsive'] },
    competitor: { nl: ['concurrent', 'noemt concurrent', 'concurrenten'], en: ['competitor', 'competitor mentions', 'competitors'] },
    ratePressure: { nl: ['tariefdruk', 'prijsdruk'], en: ['rate pressure', 'price pressure'] },
    stakeholderChange: { nl: ['wisseling contactpersoon', 'stakeholderwissel', 'nieuwe contactpersoon'], en: ['stakeholder change', 'new contact'] },
    lostExclusivity: { nl: ['exclusiviteit kwijt', 'geen exclusiviteit meer'], en: ['lost exclusivity', 'exclusivity lost'] },
  },
  signal: {
    clientReachesOut: { nl: ['klant belt zelf', 'neemt zelf contact op', 'klant neemt initiatief'], en: ['client reaches out', 'reaches out'] },
    internalReferrals: { nl: ['interne referrals', 'interne doorverwijzing'], en: ['internal referrals', 'internal referral'] },
    strategicInvolvement: { nl: ['strategisch betrokken', 'betrokken bij strategie'], en: ['strategic involvement', 'strategically involved'] },
    firstCall: { nl: ['eerste keus', 'first call'], en: ['first-call status', 'first call'] },
  },
  valueAdd: {
    marketInsight: { nl: ['marktinzicht', 'marktinzichten'], en: ['market insight', 'market insights'] },
    introduction: { nl: ['introductie', 'intro'], en: ['introduction'] },
    advice: { nl: ['advies', 'strategisch advies'], en: ['advice', 'strategic advice'] },
    none: { nl: ['geen', '-'], en: ['none'] },
  },
  role: {
    decisionMaker: { nl: ['beslisser', 'besluitvormer', 'budgethouder'], en: ['decision maker', 'decision-maker', 'budget owner'] },
    champion: { nl: ['champion', 'pleitbezorger', 'ambassadeur'], en: ['champion'] },
    procurement: { nl: ['inkoop', 'inkoper'], en: ['procurement', 'purchasing'] },
    hr: { nl: ['HR', 'P&O'], en: ['HR'] },
    user: { nl: ['gebruiker', 'lijnmanager'], en: ['user', 'line manager'] },
  },
};

function key(word: string): string {
  return word.normalize('NFKC').toLowerCase().replace(/[\s\u00a0_-]+/g, '');
}

function lookup<T extends string>(table: Record<T, { nl: readonly string[]; en: readonly string[] }>): Map<string, T> {
  const map = new Map<string, T>();
  for (const term of Object.keys(table) as T[]) {
    for (const word of [...table[term].nl, ...table[term].en]) map.set(key(word), term);
  }
  return map;
}

const LOOKUPS = {
  redFlag: lookup(VOCABULARY.redFlag),
  signal: lookup(VOCABULARY.signal),
  valueAdd: lookup(VOCABULARY.valueAdd),
  role: lookup(VOCABULARY.role),
};

export interface ParsedList<T> {
  /** Each term once, in the order first written. */
  terms: T[];
  /** Words outside the vocabulary, as typed (trimmed). */
  unknown: string[];
}

/** `tariefdruk; noemt concurrent` or `Rate pressure, competitor`. */
export function parseTermList<K extends keyof typeof LOOKUPS>(kind: K, text: string): ParsedList<K extends 'redFlag' ? RedFlag : K extends 'signal' ? Signal : K extends 'role' ? Role : ValueAdd> {
  type T = K extends 'redFlag' ? RedFlag : K extends 'signal' ? Signal : K extends 'role' ? Role : ValueAdd;
  const terms: T[] = [];
  const unknown: string[] = [];
  for (const part of text.split(/[,;\n]/)) {
    const word = part.trim();
    if (word === '') continue;
    const term = LOOKUPS[kind].get(key(word)) as T | undefined;
    if (term === undefined) unknown.push(word);
    else if (!terms.includes(term)) terms.push(term);
  }
  return { terms, unknown };
}

/** The word Cadans shows for a term. */
export function termLabel(kind: keyof typeof VOCABULARY, term: string, language: 'nl' | 'en'): string {
  const entry = (VOCABULARY[kind] as Record<string, { nl: readonly string[]; en: readonly string[] }>)[term];
  return entry[language][0];
}

/** Every accepted first word of a kind, for messages: `geen reactie, concurrent, ...`. */
export function vocabularyList(kind: keyof typeof VOCABULARY, language: 'nl' | 'en'): string {
  return Object.values(VOCABULARY[kind] as Record<string, { nl: readonly string[]; en: readonly string[] }>)
    .map((e) => e[language][0])
    .join(', ');
}

/** A Soort (or an action's text) as Cadans compares it: NFKC, trimmed, lower case, one space between words. */
export function normaliseKind(text: string): string {
  return text.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');
}

/**
 * Whether a Soort is one of these words, whole, in any case or spacing. A team uses a handful of
 * Soort words over hundreds of thousands of touchpoints, and the daily job asks several times per
 * touchpoint: each distinct text is normalised once.
 */
export function kindMatcher(words: readonly string[]): (kind: string) => boolean {
  const wanted = new Set(words.map(normaliseKind));
  const known = new Map<string, boolean>();
  return (kind) => {
    if (kind === '') return false;
    let hit = known.get(kind);
    if (hit === undefined) {
      hit = wanted.has(normaliseKind(kind));
      if (known.size < 10_000) known.set(kind, hit);
    }
    return hit;
  };
}
