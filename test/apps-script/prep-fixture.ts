// A team's workbook for the conversation sidebar tests (through the bundle and in Chromium): clients
// and candidates of every tier, touchpoints with notes, a pipeline, and the question bank as setup
// seeds it. Dates are relative to a given today in the spreadsheet's zone; what the sidebar should
// show is worked out here from the calendar alone (Intl and plain arithmetic, not src/).

import { DEFAULT_QUESTIONS } from '../../sheets-templates/questions';
import type { FakeSpreadsheet } from './fakes/index';
import { addDays, daysBetween, edate, loadCadans, midnight, todayIn, workbook } from './harness';
import { dmy, dutchHoliday, LOG, settingsRows, weekday } from './reminders-fixture';

export { dmy };

/**
 * Relaties as setup creates it today: the cadence columns, the KPI and Risico inputs (Klant sinds
 * ... Kanssignalen), then Cadans's computed columns, Tier-advies, Gezondheid, Waarom and Gepland included.
 */
export const RELATIES = [
  'ID', 'Naam', 'Type', 'Organisatie', 'E-mail', 'Eigenaar', 'Tier', 'Laatste contact', 'Jaaromzet', 'Plaatsingen', 'Referrals', 'Actief', 'Notities', 'Uitstellen tot',
  'Klant sinds', 'Jaaromzet vorig jaar', 'Herhaalplaatsingen', 'Retainer per maand', 'Afdelingen bekend', 'Afdelingen bediend', 'Rode vlaggen', 'Kanssignalen',
  'Volgend contact', 'Status', 'Dagen te laat', 'Tier-advies', 'Gezondheid', 'Waarom', 'Gepland', 'Laatste contact (berekend)',
] as const;

export const TOUCHPOINTS = ['Datum', 'Relatie-ID', 'Soort', 'Duur (min)', 'Eigenaar', 'Notities', 'Waarde-add', 'Nieuwe kans', 'Referral'];
export const ACTIES = ['Relatie-ID', 'Relatie', 'Eigenaar', 'Actie', 'Deadline', 'Gedaan', 'Aangemaakt'];
export const PIPELINE = [
  'Organisatie', 'Contactpersoon', 'Eigenaar', 'Fase', 'Budget', 'Budget notitie', 'Beslisser', 'Beslisser notitie',
  'Behoefte', 'Behoefte notitie', 'Tijdlijn', 'Tijdlijn notitie', 'Voorstel verstuurd', 'Volgende stap', 'BANT',
];

export const ANNA = 'anna@bureau.nl';
export const BRAM = 'bram@bureau.nl';
export const XSS = '<img src=x onerror=alert(1)>';

/** 1-based columns of Relaties. */
export const COL = Object.fromEntries(RELATIES.map((name, i) => [name, i + 1])) as Record<(typeof RELATIES)[number], number>;

export interface Relation {
  id: string;
  name: string;
  type: 'Klant' | 'Kandidaat';
  organisation: string;
  owner: string;
  tier: 'A' | 'B' | 'C';
  /** Days before today of the Last contact cell; null: blank. */
  ago: number | null;
  revenue?: number;
}

export const RELATIONS: Relation[] = [
  { id: 'R1', name: 'Marieke Hoekstra', type: 'Klant', organisation: 'Waterschap Rijnvallei', owner: ANNA, tier: 'A', ago: 45, revenue: 120_000 },
  { id: 'R2', name: 'Bram Jansen', type: 'Klant', organisation: 'Bakkerij Jansen', owner: ANNA, tier: 'B', ago: 10, revenue: 30_000 },
  { id: 'R3', name: 'Noor Hendriks', type: 'Kandidaat', organisation: 'Data-engineer', owner: BRAM, tier: 'A', ago: null },
  { id: 'R4', name: 'Daan Visser', type: 'Kandidaat', organisation: 'Freelance controller', owner: BRAM, tier: 'B', ago: 20 },
  { id: 'R5', name: 'Eva Koster', type: 'Kandidaat', organisation: 'Payroll', owner: BRAM, tier: 'C', ago: 30 },
  { id: '', name: 'Zonder ID', type: 'Klant', organisation: 'Nieuw BV', owner: ANNA, tier: 'C', ago: null },
];
/** Sheet rows of the relationships above. */
export const ROW = { R1: 2, R2: 3, R3: 4, R4: 5, R5: 6, noId: 7 } as const;

/** Touchpoints: days ago, relation, kind, minutes, notes. R1's newest (40 days ago) beats its cell (45). */
export const TOUCHES: Array<[number, string, string, number, string]> = [
  [40, 'R1', 'Business check-in', 20, 'Marktinzicht HR gedeeld'],
  [100, 'R1', 'Telefoon', 10, ''],
  [70, 'R1', 'Lunch', 60, 'Pilot IT besproken'],
  [130, 'R1', 'Mail', 5, 'Oud contact'],
  [10, 'R2', 'Koffie', 15, 'Goed gesprek'],
];

export const PIPELINE_ROWS = [
  ['Omgevingsdienst Eemland', 'Ruud Kramer', 'joris@bureau.nl', 'warm', 'ja', 'Begroting 2027 vastgesteld', 'nee', 'Directeur beslist', 'ja', 'Drie vacatures', '', '', '', 'Kennismaking met de directeur'],
  ['Fietsfabriek Velox', 'Annemiek Bos', ANNA, 'heet', 'ja', '', 'ja', 'CFO zelf', 'ja', 'Interim-controller', 'ja', 'Start 1 februari', null, 'Voorstel nabellen'],
];

export interface PrepOptions {
  language?: 'nl' | 'en';
  /** Further relationships (clients, tier C) after the six, for the scaling tests. */
  extra?: number;
  /** Today in the spreadsheet's zone; the real today by default. */
  today?: string;
  /** Replaces the name of R2 (for the hostile-name tests). */
  r2Name?: string;
  /** False: not set up, so without Acties and Gespreksvragen. */
  setup?: boolean;
  /** A Touchpoints tab from before the sidebar: without Waarde-add, Nieuwe kans and Referral. */
  oldTouchpoints?: boolean;
}

export interface PrepFixture {
  tz: string;
  today: string;
  ss: FakeSpreadsheet;
}

/** The workbook, set up by the bundle's own setupWorkbook (which seeds the question bank). */
export function prepWorkbook(tz: string, options: PrepOptions = {}): PrepFixture {
  const today = options.today ?? todayIn(tz);
  const at = (ago: number) => midnight(tz, addDays(today, -ago));
  const relations = RELATIONS.map((r) => (r.id === 'R2' && options.r2Name !== undefined ? { ...r, name: options.r2Name } : r));
  for (let i = 0; i < (options.extra ?? 0); i++) {
    relations.push({ id: `X${i + 1}`, name: `Extra ${i + 1}`, type: 'Klant', organisation: `Org ${i + 1}`, owner: ANNA, tier: 'C', ago: (i % 300) + 1, revenue: 1000 + i });
  }
  const rows: unknown[][] = [[...RELATIES]];
  for (const r of relations) {
    // The inputs up to Uitstellen tot, the KPI and Risico inputs left empty; Cadans fills the computed columns.
    const inputs = [r.id, r.name, r.type, r.organisation, '', r.owner, r.tier, r.ago === null ? '' : at(r.ago), r.revenue ?? '', '', '', 'ja', '', ''];
    rows.push([...inputs, ...new Array(RELATIES.indexOf('Volgend contact') - inputs.length).fill('')]);
  }
  const ss = workbook({
    timeZone: tz,
    sheets: {
      Relaties: rows,
      Touchpoints: [options.oldTouchpoints ? TOUCHPOINTS.slice(0, 6) : TOUCHPOINTS, ...TOUCHES.map(([ago, id, kind, minutes, notes]) => [at(ago), id, kind, minutes, ANNA, notes])],
      Instellingen: settingsRows(today, { language: options.language ?? 'nl' }),
      Log: [LOG],
      // Velox sent its proposal 3 days ago.
      Pipeline: [PIPELINE, ...PIPELINE_ROWS.map((r) => r.map((v) => (v === null ? at(3) : v)))],
    },
  });
  if (options.setup !== false) loadCadans(ss).setupWorkbook();
  return { tz, today, ss };
}

// ---- What the sidebar should show ------------------------------------------------------------

type Audience = 'klant' | 'kandidaat' | 'prospect';

/** The seeded questions of one phase, in one language, for an audience and tier. */
export function defaults(phase: string, language: 'nl' | 'en', audience: Audience, tier: '' | 'A' | 'B' | 'C' = ''): string[] {
  const fitting = DEFAULT_QUESTIONS.filter(([p, a]) => p === phase && (a === audience || a === ''));
  const specific = tier ? fitting.filter(([, , t]) => t === tier) : [];
  return (specific.length > 0 ? specific : fitting.filter(([, , t]) => t === '')).map(([, , , nl, en]) => (language === 'nl' ? nl : en));
}

/** [key, Dutch title, English title, minutes, group] of each phase, in conversation order. */
export const PHASE_TABLE: Array<[string, string, string, number | null, string]> = [
  ['prepOrganisation', 'Organisatie in kaart', 'Organisation mapping', 10, 'preparation'],
  ['prepStakeholders', 'Stakeholdernetwerk', 'Stakeholder network', 5, 'preparation'],
  ['prepIntelligence', 'Business intelligence', 'Business intelligence', 5, 'preparation'],
  ['situation', 'Situatie', 'Situation', 7, 'conversation'],
  ['problem', 'Probleem', 'Problem', 10, 'conversation'],
  ['implication', 'Implicatie', 'Implication', 8, 'conversation'],
  ['needPayoff', 'Need-payoff', 'Need-payoff', 5, 'conversation'],
  ['career', 'Loopbaanontwikkeling', 'Career development', 5, 'conversation'],
  ['currentAssignment', 'Huidige opdracht', 'Current assignment', 3, 'conversation'],
  ['future', 'Toekomstige kansen', 'Future opportunities', 5, 'conversation'],
  ['addingValue', 'Waarde toevoegen', 'Adding value', 2, 'conversation'],
  ['checkIn', 'Check-in', 'Check-in', null, 'conversation'],
  ['developments', 'Ontwikkelingen', 'Developments', null, 'conversation'],
  ['challenges', 'Uitdagingen', 'Challenges', null, 'conversation'],
  ['runningProjects', 'Lopende projecten', 'Current projects', null, 'conversation'],
  ['status', 'Stand van zaken', 'Status', null, 'conversation'],
  ['opportunities', 'Kansen en uitdagingen', 'Opportunities and challenges', null, 'conversation'],
  ['networking', 'Netwerkkansen', 'Networking opportunities', null, 'conversation'],
  ['lightTouch', 'Even bijpraten', 'Light touch', null, 'conversation'],
  ['marketInsight', 'Marktinzicht delen', 'Sharing a market insight', null, 'conversation'],
  ['needsCheck', 'Behoefte peilen', 'Needs check', null, 'conversation'],
  ['upcomingProjects', 'Komende projecten', 'Upcoming projects', null, 'conversation'],
  ['outlook', 'Vooruitkijken', 'Future planning', null, 'conversation'],
  ['keepWarm', 'Warm houden', 'Keeping it warm', null, 'conversation'],
  ['afterSales', 'Nabellen na plaatsing', 'After-sales call', null, 'conversation'],
  ['expansion', 'Uitbreiding plannen', 'Expansion planning', 15, 'followUp'],
  ['commitment', 'Commitment', 'Commitment', 5, 'followUp'],
  ['budget', 'Budget', 'Budget', null, 'bant'],
  ['authority', 'Beslisser', 'Authority', null, 'bant'],
  ['need', 'Behoefte', 'Need', null, 'bant'],
  ['timeline', 'Tijdlijn', 'Timeline', null, 'bant'],
];

/** The phase views the page gets for these keys, with the seeded questions. */
export function phaseViews(keys: string[], language: 'nl' | 'en', audience: Audience, tier: '' | 'A' | 'B' | 'C' = '') {
  return keys.map((key) => {
    const [, nl, en, minutes, group] = PHASE_TABLE.find(([k]) => k === key)!;
    return { key, title: language === 'nl' ? nl : en, minutes, group, questions: defaults(key, language, audience, tier) };
  });
}

export const CLIENT_PHASES = ['prepOrganisation', 'prepStakeholders', 'prepIntelligence', 'situation', 'problem', 'implication', 'needPayoff', 'expansion', 'commitment'];
export const CANDIDATE_A_PHASES = ['career', 'currentAssignment', 'future', 'addingValue'];
/** The client check-ins per tier (issue 12; domain brief, section 7). */
export const CLIENT_CHECKIN: Record<'A' | 'B' | 'C', string[]> = {
  A: ['developments', 'challenges', 'runningProjects', 'marketInsight', 'outlook'],
  B: ['status', 'opportunities', 'networking', 'upcomingProjects'],
  C: ['lightTouch', 'marketInsight', 'needsCheck', 'keepWarm'],
};
export const CHECKLIST_NL = ['Organisatie in kaart gebracht', 'SPIN-gesprek gevoerd', 'Uitbreidingsroadmap besproken', 'Warme introducties gepland', 'Partnerschap besproken', 'Volgende stappen met datum afgesproken'];

/** The conversations a client of this tier is offered: its check-in (proposed), expansion, after-sales. */
export function clientConversations(tier: 'A' | 'B' | 'C', language: 'nl' | 'en' = 'nl') {
  const nl = language === 'nl';
  return [
    { type: 'clientCheckIn', label: 'Check-in', minutes: { A: 20, B: 15, C: 10 }[tier], phases: phaseViews(CLIENT_CHECKIN[tier], language, 'klant', tier), checklist: [] },
    { type: 'expansion', label: nl ? 'Accountuitbreiding' : 'Account expansion', minutes: 50, phases: phaseViews(CLIENT_PHASES, language, 'klant', tier), checklist: defaults('checklist', language, 'klant') },
    { type: 'afterSales', label: nl ? 'Nabellen na plaatsing' : 'After-sales call', minutes: 10, phases: phaseViews(['afterSales'], language, 'klant'), checklist: [] },
  ];
}

/** The first working day on or after a date (Monday to Friday, not a Dutch public holiday). */
/** The last working day on or before a date, not before `notBefore` (the 48-hour rule, issue 12). */
export function workingDayUpTo(date: string, notBefore: string): string {
  for (let d = date; d >= notBefore; d = addDays(d, -1)) if (!(weekday(d) === 0 || weekday(d) === 6 || dutchHoliday(d))) return d;
  return notBefore;
}

export function workingDayFrom(date: string): string {
  let d = date;
  while (weekday(d) === 0 || weekday(d) === 6 || dutchHoliday(d)) d = addDays(d, 1);
  return d;
}

/** R1's card as the sidebar should get it on `today`, before anything is logged. */
export function r1Card(today: string) {
  const last = addDays(today, -40);
  const next = edate(last, 1);
  const late = daysBetween(next, today);
  return {
    row: ROW.R1,
    id: 'R1',
    name: 'Marieke Hoekstra',
    type: 'Klant',
    organisation: 'Waterschap Rijnvallei',
    tier: 'A',
    lastContact: dmy(last),
    nextContact: dmy(next),
    status: late > 0 ? 'te laat' : 'binnenkort',
    statusKey: late > 0 ? 'overdue' : 'dueSoon',
    daysOverdue: Math.max(0, late),
    revenue: 120_000,
    revenueShare: 0.8,
  };
}
