// A sample team at a fictional Utrecht agency, with the mix of clean and messy cells real sheets
// have. Dates are given as days before the run's day, so the sample always shows every status.
// `cadans init` and `npm start` fill the template with it; one cell ("vorige week") is wrong on
// purpose, to show how a problem is reported.

export interface SampleDate {
  daysAgo: number;
  /** How the cell holds it: a real date cell (default) or text as a recruiter typed it. */
  as?: 'date' | 'text-nl' | 'text-iso';
}

export type SampleCell = string | number | boolean | SampleDate | null;

export const SAMPLE_TEAM = {
  domain: 'bureau-lindeboom.nl',
  members: ['sanne.devries@bureau-lindeboom.nl', 'joris.bakker@bureau-lindeboom.nl', 'amira.elidrissi@bureau-lindeboom.nl'],
};

const [SANNE, JORIS, AMIRA] = SAMPLE_TEAM.members;
const ago = (daysAgo: number, as?: SampleDate['as']): SampleDate => ({ daysAgo, as });

/**
 * The KPI and Risico inputs per relation, in the template's order after Uitstellen tot: Klant
 * sinds, Jaaromzet vorig jaar, Herhaalplaatsingen, Retainer per maand, Afdelingen bekend,
 * Afdelingen bediend, Rode vlaggen, Kanssignalen.
 */
const KPI_INPUTS: Record<string, SampleCell[]> = {
  R001: [ago(5 * 365 + 40), 172000, 4, 6000, 6, 3, '', 'strategisch betrokken; eerste keus'],
  R002: [ago(3 * 365 + 10), 150000, 3, 4500, 8, 2, 'tariefdruk', 'klant belt zelf'],
  R003: [ago(2 * 365 + 70), 71000, 1, null, 5, 1, 'wisseling contactpersoon', ''],
  R004: [ago(400), 30000, 1, null, 3, 1, '', ''],
  R005: [ago(600), 18000, 0, null, 2, 1, '', ''],
  R006: [ago(6 * 365), 9800, 1, null, 1, 1, 'geen reactie', ''],
  R007: [null, null, 0, null, 4, 0, '', 'klant belt zelf'],
  R008: [null, null, 4, null, null, null, '', 'eerste keus'],
  R009: [null, null, 2, null, null, null, 'concurrent', ''],
  R010: [null, null, 1, null, null, null, '', ''],
  R011: [null, null, 1, null, null, null, '', 'interne referrals'],
  R012: [null, null, 0, null, null, null, '', ''],
  R013: [null, null, 0, null, null, null, '', ''],
  R014: [null, null, 0, null, null, null, '', ''],
  R015: [ago(2 * 365 + 100), 120000, 2, 2500, 4, 1, 'concurrent, tariefdruk', ''],
};

/** Rode vlag sinds, Afdeling and Rol (issue 11): where each client contact sits in their organisation. */
const ACCOUNT_INPUTS: Record<string, SampleCell[]> = {
  R001: [null, 'HR', 'beslisser'],
  R002: [null, 'IT', 'champion'],
  R003: [null, 'Financiën', 'inkoop'],
  R004: [null, 'Logistiek', 'beslisser'],
  R005: [null, 'HR', 'gebruiker'],
  R006: [null, '', 'beslisser'],
  R007: [null, 'Jeugdzorg', ''],
  R015: [null, 'Projecten', 'champion, beslisser'],
};

/** Columns in the template's order: ID, Naam, Type, Organisatie, E-mail, Eigenaar, Tier, Laatste contact, Jaaromzet, Plaatsingen, Referrals, Actief, Notities, Uitstellen tot, then KPI_INPUTS, then ACCOUNT_INPUTS. */
export const SAMPLE_RELATIONS: readonly SampleCell[][] = withKpiInputs([
  ['R001', 'Marieke Hoekstra', 'Klant', 'Waterschap Rijnvallei', 'm.hoekstra@rijnvallei.example', SANNE, 'A', ago(41), 186000, 6, 2, 'ja', 'HR-directeur; reorganisatie afdeling Financiën in Q1'],
  ['R002', 'Thomas Verbeek', 'Klant', 'Zorggroep Middenland', 't.verbeek@zorggroep-middenland.example', SANNE, 'A-klant', ago(12), '€ 142.500,00', 4, 1, 'ja', 'Wil een pilot met interim-IT in Amersfoort'],
  ['R003', 'Ingrid de Wit', 'Klant', 'Gemeente Heuvelrug', 'i.dewit@heuvelrug.example', JORIS, 'B', ago(95), '€ 64.000', 3, 0, 'ja', 'Budgetronde in maart'],
  ['R004', 'Pieter Jansen', 'Klant', 'Van Dijk Logistiek B.V.', 'p.jansen@vandijk-logistiek.example', JORIS, 'Tier B', ago(80, 'text-nl'), '38.750,00', 2, 0, 'ja', 'Contact via LinkedIn-event'],
  ['R005', 'Lotte Smit', 'Klant', 'TechNova Solutions', 'lotte@technova.example', AMIRA, 'C', ago(200), 12500, 1, 0, 'ja', 'Belt zelf terug na haar verlof', ago(-10)],
  ['R006', 'Hans Mulder', 'Klant', 'Bakkerij De Graanschuur', 'hans@graanschuur.example', AMIRA, 'c', ago(150), '€ 4.200,-', 1, 0, 'ja', 'Seizoenswerk'],
  ['R007', 'Eva Koster', 'Klant', 'Stichting Jeugdzorg Oost', 'e.koster@jeugdzorg-oost.example', SANNE, 'B', null, 0, 0, 0, 'ja', 'Nieuwe lead van beurs; nog niet gesproken'],
  ['R008', 'Fatima El Amrani', 'Kandidaat', 'Interim HR-adviseur', 'fatima.elamrani@mail.example', SANNE, 'A', ago(27), null, 5, 3, 'ja', 'Loopt tot eind maart bij Waterschap Rijnvallei'],
  ['R009', 'Daan Visser', 'Kandidaat', 'Freelance controller', 'daan@vissercontrol.example', JORIS, 'A', ago(33), null, 4, 1, 'x', 'Zoekt opdracht vanaf mei'],
  ['R010', 'Noor Hendriks', 'Kandidaat', 'Data-engineer', 'noor.hendriks@mail.example', AMIRA, 'B', ago(60), null, 2, 0, 'ja', ''],
  ['R011', 'Mehmet Yilmaz', 'Kandidaat', 'Interim IT-manager', 'mehmet.yilmaz@mail.example', JORIS, 'B', ago(89), null, 2, 1, 'ja', 'Sterke referrer'],
  ['R012', 'Sophie van den Berg', 'Kandidaat', 'Payroll-specialist', 'sophie.vdberg@mail.example', AMIRA, 'C', ago(170), null, 1, 0, 'ja', 'Niche: payroll in de zorg'],
  ['R013', 'Jeroen de Boer', 'Kandidaat', 'Business analist', 'jeroen.deboer@mail.example', SANNE, 'C', 'vorige week', null, 0, 0, 'ja', 'Datum nog invullen'],
  ['R014', 'Anouk Peters', 'Kandidaat', 'Recruiter (ZZP)', 'anouk.peters@mail.example', JORIS, 'B', ago(400), null, 1, 0, 'nee', 'Werkt sinds vorig jaar in loondienst'],
  ['R015', 'Kees van Leeuwen', 'Klant', 'Hollandse Bouwgroep', 'k.vanleeuwen@hbg.example', AMIRA, 'A', ago(30, 'text-iso'), '€ 98.000,00', 3, 1, 'ja', 'Vraagt om marktinzicht salarissen'],
]);

function withKpiInputs(rows: SampleCell[][]): SampleCell[][] {
  return rows.map((row) => [...row, ...Array<SampleCell>(14 - row.length).fill(null), ...KPI_INPUTS[String(row[0])], ...(ACCOUNT_INPUTS[String(row[0])] ?? [])]);
}

/** Columns: Datum, Relatie-ID, Soort, Duur (min), Eigenaar, Notities, Waarde-add, Nieuwe kans, Referral. */
export const SAMPLE_TOUCHPOINTS: readonly SampleCell[][] = [
  ...history(),
  [ago(41), 'R001', 'Business check-in', 20, SANNE, 'Marktinzicht HR gedeeld', 'marktinzicht', 'ja', 'nee'],
  [ago(12), 'R002', 'Business check-in', 20, SANNE, 'Pilot IT besproken', 'advies', 'ja', 'nee'],
  [ago(95), 'R003', 'Telefoon', 15, JORIS, ''],
  [ago(27), 'R008', 'Loopbaangesprek', 15, SANNE, 'Wil richting HR-manager', 'introductie', 'nee', 'ja'],
  [ago(33), 'R009', 'Loopbaangesprek', 15, JORIS, ''],
  [ago(20), 'R010', 'Koffie', 15, AMIRA, 'Telt mee als laatste contact'],
  [ago(89), 'R011', 'Telefoon', 15, JORIS, ''],
  [ago(5), 'R099', 'Telefoon', 10, AMIRA, 'ID bestaat niet: wordt gemeld'],
];

/** Columns: Organisatie, Contactpersoon, Eigenaar, Fase, Budget, Budget notitie, Beslisser, Beslisser notitie, Behoefte, Behoefte notitie, Tijdlijn, Tijdlijn notitie, Voorstel verstuurd, Volgende stap. */
export const SAMPLE_PIPELINE: readonly SampleCell[][] = [
  ['Omgevingsdienst Eemland', 'Ruud Kramer', JORIS, 'warm', 'ja', 'Begroting 2027 vastgesteld', 'nee', 'Directeur beslist, nog niet gesproken', 'ja', 'Drie vacatures vergunningverlening', '', '', null, 'Kennismaking met de directeur plannen'],
  ['Fietsfabriek Velox', 'Annemiek Bos', SANNE, 'heet', 'ja', '', 'ja', 'CFO zelf', 'ja', 'Interim-controller nodig', 'ja', 'Start 1 februari', ago(3), 'Voorstel nabellen'],
  ['Stichting Cultuurhuis', 'Wim de Groot', AMIRA, 'koud', '', '', '', '', 'ja', 'HR-adviseur voor reorganisatie', 'nee', 'Pas na de zomer', null, 'Marktinzicht salarissen sturen'],
];

/**
 * A year of earlier touchpoints for the A relationships, so that the KPI tab's compliance has a
 * history: Sanne keeps her monthly rhythm with one slip, Amira's Hollandse Bouwgroep misses a
 * quarter, Joris's Daan Visser is seen every five to six weeks.
 */
function history(): SampleCell[][] {
  const rows: SampleCell[][] = [];
  const insight = (i: number) => (i % 3 === 0 ? 'marktinzicht' : i % 3 === 1 ? 'geen' : 'introductie');
  for (let i = 1; i <= 11; i++) {
    if (i !== 5) rows.push([ago(41 + 30 * i), 'R001', 'Business check-in', 20, SANNE, '', insight(i), i % 4 === 0 ? 'ja' : 'nee', 'nee']);
    rows.push([ago(12 + 29 * i), 'R002', 'Business check-in', 20, SANNE, '', insight(i + 1), i % 5 === 0 ? 'ja' : 'nee', 'nee']);
    rows.push([ago(27 + 31 * i), 'R008', 'Loopbaangesprek', 15, SANNE, '', i % 2 ? 'advies' : 'geen', 'nee', i % 4 === 1 ? 'ja' : 'nee']);
    if (i < 4 || i > 6) rows.push([ago(30 + 30 * i), 'R015', 'Business check-in', 20, AMIRA, '', insight(i + 2), i % 3 === 0 ? 'ja' : 'nee', 'nee']);
  }
  for (let i = 1; i <= 8; i++) rows.push([ago(33 + 40 * i), 'R009', 'Loopbaangesprek', 15, JORIS, '', 'geen', 'nee', i % 3 === 0 ? 'ja' : 'nee']);
  return rows;
}

export const SAMPLE_WORKBOOK_NAME = 'cadans-voorbeeld.xlsx';

/**
 * The sample in English (`cadans init --lang en`): every word of the sample's own text, translated
 * cell by cell. Names of people and organisations stay as they are (a Utrecht agency's clients are
 * Dutch organisations); amounts and dates too, as the workbook's locale reads them.
 */
const SAMPLE_EN: Readonly<Record<string, string>> = {
  // Type, Tier, Actief
  Klant: 'Client',
  Kandidaat: 'Candidate',
  'A-klant': 'A-client',
  ja: 'yes',
  nee: 'no',
  // Organisatie of a candidate: their profession
  'Interim HR-adviseur': 'Interim HR adviser',
  'Freelance controller': 'Freelance controller',
  'Data-engineer': 'Data engineer',
  'Interim IT-manager': 'Interim IT manager',
  'Payroll-specialist': 'Payroll specialist',
  'Business analist': 'Business analyst',
  'Recruiter (ZZP)': 'Recruiter (freelance)',
  // Notities
  'HR-directeur; reorganisatie afdeling Financiën in Q1': 'HR director; reorganising the Finance department in Q1',
  'Wil een pilot met interim-IT in Amersfoort': 'Wants a pilot with interim IT in Amersfoort',
  'Budgetronde in maart': 'Budget round in March',
  'Contact via LinkedIn-event': 'Met at a LinkedIn event',
  'Belt zelf terug na haar verlof': 'Calls back herself after her leave',
  Seizoenswerk: 'Seasonal work',
  'Nieuwe lead van beurs; nog niet gesproken': 'New lead from a trade fair; not spoken to yet',
  'Loopt tot eind maart bij Waterschap Rijnvallei': 'At Waterschap Rijnvallei until the end of March',
  'Zoekt opdracht vanaf mei': 'Looking for an assignment from May',
  'Sterke referrer': 'Strong referrer',
  'Niche: payroll in de zorg': 'Niche: payroll in healthcare',
  'Datum nog invullen': 'Date still to fill in',
  'Werkt sinds vorig jaar in loondienst': 'Employed since last year',
  'Vraagt om marktinzicht salarissen': 'Asks for market insight on salaries',
  // The deliberately unreadable date
  'vorige week': 'last week',
  // Rode vlaggen, Kanssignalen
  'strategisch betrokken; eerste keus': 'strategic involvement; first-call status',
  tariefdruk: 'rate pressure',
  'klant belt zelf': 'client reaches out',
  'wisseling contactpersoon': 'stakeholder change',
  'geen reactie': 'no response',
  'eerste keus': 'first-call status',
  concurrent: 'competitor',
  'interne referrals': 'internal referrals',
  'concurrent, tariefdruk': 'competitor, rate pressure',
  // Afdeling, Rol
  Financiën: 'Finance',
  Logistiek: 'Logistics',
  Jeugdzorg: 'Youth care',
  Projecten: 'Projects',
  beslisser: 'decision maker',
  inkoop: 'procurement',
  gebruiker: 'user',
  'champion, beslisser': 'champion, decision maker',
  // Touchpoints: Soort, Notities, Waarde-add
  Telefoon: 'Phone',
  Loopbaangesprek: 'Career conversation',
  Koffie: 'Coffee',
  'Marktinzicht HR gedeeld': 'Shared HR market insight',
  'Pilot IT besproken': 'Discussed the IT pilot',
  'Wil richting HR-manager': 'Wants to move towards HR manager',
  'Telt mee als laatste contact': 'Counts as the last contact',
  'ID bestaat niet: wordt gemeld': 'ID does not exist: reported',
  marktinzicht: 'market insight',
  advies: 'advice',
  introductie: 'introduction',
  geen: 'none',
  // Pipeline
  koud: 'cold',
  heet: 'hot',
  'Begroting 2027 vastgesteld': '2027 budget approved',
  'Directeur beslist, nog niet gesproken': 'The director decides; not spoken to yet',
  'Drie vacatures vergunningverlening': 'Three vacancies in permits',
  'Kennismaking met de directeur plannen': 'Plan an introduction with the director',
  'CFO zelf': 'The CFO herself',
  'Interim-controller nodig': 'Needs an interim controller',
  'Start 1 februari': 'Starts 1 February',
  'Voorstel nabellen': 'Follow up the proposal',
  'HR-adviseur voor reorganisatie': 'HR adviser for a reorganisation',
  'Pas na de zomer': 'Not before the summer',
  'Marktinzicht salarissen sturen': 'Send market insight on salaries',
};

/** The sample's rows in a language: Dutch as written above, English through SAMPLE_EN. */
export function sampleIn(rows: readonly SampleCell[][], language: 'nl' | 'en'): SampleCell[][] {
  if (language === 'nl') return rows.map((row) => [...row]);
  return rows.map((row) => row.map((cell) => (typeof cell === 'string' && cell in SAMPLE_EN ? SAMPLE_EN[cell] : cell)));
}

