// setupWorkbook: adds what is missing, changes nothing that is there, and is safe to run twice.

import { describe, expect, it } from 'vitest';
import { DEFAULT_QUESTIONS } from '../../sheets-templates/questions';
import { ConditionalFormatRuleBuilder } from './fakes/rules';
import type { FakeSheet } from './fakes/index';
import { diff, formula, loadCadans, midnight, snapshot, workbook } from './harness';

/** The Relaties header before the KPI and Risico inputs (issue 4). */
const RELATIES_BEFORE_KPI = ['ID', 'Naam', 'Type', 'Organisatie', 'E-mail', 'Eigenaar', 'Tier', 'Laatste contact', 'Jaaromzet', 'Plaatsingen', 'Referrals', 'Actief', 'Notities', 'Uitstellen tot', 'Volgend contact', 'Status', 'Dagen te laat'];
const KPI_INPUTS = ['Klant sinds', 'Jaaromzet vorig jaar', 'Herhaalplaatsingen', 'Retainer per maand', 'Afdelingen bekend', 'Afdelingen bediend', 'Rode vlaggen', 'Kanssignalen', 'Rode vlag sinds', 'Afdeling', 'Rol'];
const COMPUTED = ['Volgend contact', 'Status', 'Dagen te laat', 'Tier-advies', 'Gezondheid', 'Waarom', 'Voorgestelde contactdag', 'Laatste contact (berekend)'];
const RELATIES = [...RELATIES_BEFORE_KPI.slice(0, 14), ...KPI_INPUTS, ...COMPUTED];
const TOUCHPOINTS = ['Datum', 'Relatie-ID', 'Soort', 'Duur (min)', 'Eigenaar', 'Notities', 'Waarde-add', 'Nieuwe kans', 'Referral', 'Testimonial', 'Positief', 'Tevredenheid', 'Reactie', 'Checklist'];
const INSTELLINGEN = ['Instelling', 'Waarde', 'Uitleg'];
const LOG = ['Tijdstip', 'Soort', 'Blad', 'Rij', 'Kolom', 'Waarde', 'Melding', 'Datum', 'Eigenaar', 'Aantal'];
const ACTIES = ['Relatie-ID', 'Relatie', 'Eigenaar', 'Actie', 'Deadline', 'Gedaan', 'Aangemaakt'];
const PIPELINE = [
  'Organisatie', 'Contactpersoon', 'Eigenaar', 'Fase', 'Budget', 'Budget notitie', 'Beslisser', 'Beslisser notitie',
  'Behoefte', 'Behoefte notitie', 'Tijdlijn', 'Tijdlijn notitie', 'Voorstel verstuurd', 'Volgende stap', 'BANT',
  'Fase sinds', 'Binnengekomen', 'Startdatum', 'Plezier', 'Brengt ons verder', 'Betaalt goed en op tijd', 'Regie zonder micromanagement',
  'Reactie op werktest', 'Reden afgewezen', 'Reden afgehaakt', 'Go/no-go', 'Waarom go/no-go',
];
const GESPREKSVRAGEN = ['Fase', 'Type', 'Tier', 'Taal', 'Vraag'];
const ORGANISATIES = ['Organisatie', 'Accounteigenaar', 'Jaaromzet', 'Jaaromzet vorig jaar', 'Retainer per maand', 'Klant sinds', 'Afdelingen', 'Afdelingen bediend', 'Notities',
  'Contactpersonen', 'Afdelingen met contact', 'Omzetaandeel', 'Accounttier-advies', 'Sleutelklant', 'Gezondheid'];
const TEAM = ['Eigenaar', 'Minuten per dag', 'Werkdagen', 'Afwezig van', 'Afwezig tot en met'];
const TABS_NL = ['Relaties', 'Touchpoints', 'Instellingen', 'Log', 'Acties', 'Pipeline', 'Gespreksvragen', 'Organisaties', 'Team'];

/** The phases as the Gespreksvragen tab names them, in Dutch and English (the playbook's words). */
const PHASE_NAMES: Record<string, [string, string]> = {
  prepOrganisation: ['Organisatie in kaart', 'Organisation mapping'],
  prepStakeholders: ['Stakeholdernetwerk', 'Stakeholder network'],
  prepIntelligence: ['Business intelligence', 'Business intelligence'],
  situation: ['Situatie', 'Situation'],
  problem: ['Probleem', 'Problem'],
  implication: ['Implicatie', 'Implication'],
  needPayoff: ['Need-payoff', 'Need-payoff'],
  expansion: ['Uitbreiding plannen', 'Expansion planning'],
  commitment: ['Commitment', 'Commitment'],
  checklist: ['Checklist', 'Checklist'],
  career: ['Loopbaanontwikkeling', 'Career development'],
  currentAssignment: ['Huidige opdracht', 'Current assignment'],
  future: ['Toekomstige kansen', 'Future opportunities'],
  addingValue: ['Waarde toevoegen', 'Adding value'],
  checkIn: ['Check-in', 'Check-in'],
  developments: ['Ontwikkelingen', 'Developments'],
  challenges: ['Uitdagingen', 'Challenges'],
  runningProjects: ['Lopende projecten', 'Current projects'],
  status: ['Stand van zaken', 'Status'],
  opportunities: ['Kansen en uitdagingen', 'Opportunities and challenges'],
  networking: ['Netwerkkansen', 'Networking opportunities'],
  lightTouch: ['Even bijpraten', 'Light touch'],
  marketInsight: ['Marktinzicht delen', 'Sharing a market insight'],
  needsCheck: ['Behoefte peilen', 'Needs check'],
  upcomingProjects: ['Komende projecten', 'Upcoming projects'],
  outlook: ['Vooruitkijken', 'Future planning'],
  keepWarm: ['Warm houden', 'Keeping it warm'],
  afterSales: ['Nabellen na plaatsing', 'After-sales call'],
  budget: ['Budget', 'Budget'],
  authority: ['Beslisser', 'Authority'],
  need: ['Behoefte', 'Need'],
  timeline: ['Tijdlijn', 'Timeline'],
};
const AUDIENCE_NAMES: Record<string, [string, string]> = { klant: ['Klant', 'Client'], kandidaat: ['Kandidaat', 'Candidate'], prospect: ['Prospect', 'Prospect'], '': ['', ''] };

/**
 * The seeded question bank as the tab holds it (Fase, Type, Tier, Taal, Vraag): every Dutch row,
 * then every English one, each in its own language's words, whatever the workbook's language.
 */
function seededQuestions(): unknown[][] {
  const rows: unknown[][] = [];
  for (const language of [0, 1] as const) {
    for (const [phase, audience, tier, nl, en] of DEFAULT_QUESTIONS) {
      rows.push([PHASE_NAMES[phase][language], AUDIENCE_NAMES[audience][language], tier, language === 0 ? 'nl' : 'en', language === 0 ? nl : en]);
    }
  }
  return rows;
}

/** Every setting with its Dutch default, in the order setup writes them. */
const SETTINGS_NL = [
  ['Taal', 'nl'],
  ['Maanden tussen contact, tier A', 1],
  ['Maanden tussen contact, tier B', 3],
  ['Maanden tussen contact, tier C', 6],
  ['Venster binnenkort (dagen)', 7],
  ['Landinstelling', ''],
  ['Tijdzone', ''],
  ['Vandaag', ''],
  ['Verzenddagen', 'ma-vr'],
  ['Feestdagen overslaan', 'ja'],
  ['Verzenduur', 7],
  ['Max. relaties per ochtendmail', 50],
  ['Log bewaren (dagen)', 90],
  ['Team', ''],
  ['Minuten per dag', 60],
  ['Planhorizon (dagen)', 28],
  ['Agenda klant A', 'Business check-in (20 min): hoe ontwikkelt de organisatie zich, huidige uitdagingen, lopende projecten, marktinzicht delen, komende projecten en waar HR/IT/Finance-behoeften ontstaan'],
  ['Agenda klant B', 'Check-in (15 min): ontwikkelingen en uitdagingen, lopende en komende projecten, een marktinzicht delen'],
  ['Agenda klant C', 'Korte check-in (10 min): hoe gaat het, komen er projecten aan'],
  ['Agenda kandidaat A', 'Kandidaat-gesprek (15 min): loopbaanontwikkeling (5), huidige opdracht (3), toekomstige kansen (5), waarde toevoegen (2: een artikel, link of introductie)'],
  ['Agenda kandidaat B', 'Kandidaat-gesprek (15 min): huidige opdracht, beschikbaarheid, wensen voor de volgende opdracht'],
  ['Agenda kandidaat C', 'Korte check-in (10 min): beschikbaarheid en specialisme actueel'],
  ['Doel omzet uit bestaande relaties', 0.8],
  ['Doel referrals per A-relatie per jaar', 3],
  ['Doel behoud A- en B-klanten', 0.9],
  ['Doel herhaalplaatsingen', 0.6],
  ['Doel voorstellen per week', 1],
  ['Doel terugkerende omzet', ''],
  ['Grens sleutelklant', 0.2],
  ['Grens significante klant', 0.1],
  ['Kasreserve minimum (maanden)', 3],
  ['Kasreserve ideaal (maanden)', 6],
  ['Kasreserve (maanden)', ''],
  ['Vooruit geboekt minimum (dagen)', 30],
  ['Vooruit geboekt ideaal (dagen)', 60],
  ['Vooruit geboekt (dagen)', ''],
  ['Aandacht tier A', 0.6],
  ['Aandacht tier B', 0.2],
  ['Aandacht tier C', 0.2],
  ['Minuten touchpoint klant A', 20],
  ['Minuten touchpoint klant B', 15],
  ['Minuten touchpoint klant C', 10],
  ['Minuten touchpoint kandidaat A', 15],
  ['Minuten touchpoint kandidaat B', 15],
  ['Minuten touchpoint kandidaat C', 10],
  ['Tier-advies: grens A', 0.8],
  ['Tier-advies: grens B', 0.95],
  ['Tier-advies kandidaat A: herhaalplaatsingen', 2],
  ['Tier-advies kandidaat A: referrals', 2],
  ['Tier-advies kandidaat B: plaatsingen', 2],
  ['Gezondheid: basis', 60],
  ['Gezondheid: op schema', 10],
  ['Gezondheid: te laat (max)', 40],
  ['Gezondheid: nooit gesproken', 20],
  ['Gezondheid: per rode vlag', 15],
  ['Gezondheid: per kanssignaal', 5],
  ['Gezondheid: referrals', 5],
  ['Gezondheid: herhaalplaatsingen', 5],
  ['Gezondheid: tevredenheid na plaatsing', 5],
  ['Gezondheid: recente waarde-add', 5],
  ['Historie: maanden bewaren', 24],
  ['Go/no-go gewicht: plezier', 1],
  ['Go/no-go gewicht: brengt ons verder', 1],
  ['Go/no-go gewicht: betaalgedrag', 1],
  ['Go/no-go gewicht: regie', 1],
  ['Go/no-go gewicht: werktest', 1],
  ['Go/no-go gewicht: budget', 1],
  ['Go/no-go gewicht: beslisser', 1],
  ['Go/no-go gewicht: behoefte', 1],
  ['Go/no-go gewicht: tijdlijn', 1],
  ['Go vanaf score', 0.5],
  ['No-go onder score', 0],
  ['Start uiterlijk over (maanden)', 6],
  ['Afgehaakt opnieuw benaderen na (maanden)', 6],
  ['Prospect stil na (dagen)', 30],
  ['Nabellen na plaatsing (dagen)', 14],
  ['Geen reactie na pogingen', 2],
];

const STATUS_COLOURS = [
  ['te laat', '#f4c7c3', '#a50e0e'],
  ['overdue', '#f4c7c3', '#a50e0e'],
  ['nooit', '#cfe2f3', '#0b5394'],
  ['never', '#cfe2f3', '#0b5394'],
  ['binnenkort', '#fff2cc', '#7f6000'],
  ['due soon', '#fff2cc', '#7f6000'],
  ['op schema', '#d9ead3', '#274e13'],
  ['on track', '#d9ead3', '#274e13'],
  ['inactief', '#eeeeee', '#666666'],
  ['inactive', '#eeeeee', '#666666'],
];

/** Cadans's status colour rules on a sheet: [text, background, font colour, column, first row]. */
function statusRules(sheet: FakeSheet) {
  return sheet.conditionalRules.map((r) => [
    r.condition!.args[0],
    r.condition!.background,
    r.condition!.fontColor,
    r.ranges.map((range) => range.column).join(','),
    r.ranges.map((range) => range.row).join(','),
  ]);
}

function listValues(sheet: FakeSheet, row: number, column: number): unknown {
  const rule = sheet.$validation(row, column);
  return rule && { criteria: rule.criteria, values: rule.args[0], allowInvalid: rule.allowInvalid };
}

describe('setupWorkbook on a new spreadsheet', () => {
  const ss = workbook({ timeZone: 'Pacific/Auckland' });
  const cadans = loadCadans(ss);
  cadans.setupWorkbook();

  it('creates the eight tabs with their Dutch headers, bold and frozen', () => {
    expect(ss.sheets.map((s) => s.name)).toEqual(['Blad1', ...TABS_NL]);
    expect(ss.$sheet('Relaties').$row(1)).toEqual(RELATIES);
    expect(ss.$sheet('Touchpoints').$row(1)).toEqual(TOUCHPOINTS);
    expect(ss.$sheet('Instellingen').$row(1)).toEqual(INSTELLINGEN);
    expect(ss.$sheet('Log').$row(1)).toEqual(LOG);
    expect(ss.$sheet('Acties').$row(1)).toEqual(ACTIES);
    expect(ss.$sheet('Pipeline').$row(1)).toEqual(PIPELINE);
    expect(ss.$sheet('Gespreksvragen').$row(1)).toEqual(GESPREKSVRAGEN);
    expect(ss.$sheet('Organisaties').$row(1)).toEqual(ORGANISATIES);
    expect(ss.$sheet('Team').$row(1)).toEqual(TEAM);
    // Acties, Pipeline and Team start empty.
    expect([ss.$sheet('Acties').$lastRow(), ss.$sheet('Pipeline').$lastRow(), ss.$sheet('Team').$lastRow()]).toEqual([1, 1, 1]);
    for (const name of TABS_NL) {
      const sheet = ss.$sheet(name);
      expect(sheet.frozenRows, name).toBe(1);
      expect(sheet.$fontWeight(1, 1), name).toBe('bold');
      expect(sheet.$fontWeight(1, sheet.$lastColumn()), name).toBe('bold');
      expect(sheet.$fontWeight(2, 1), name).toBeNull();
    }
    expect(ss.$sheet('Blad1').$snapshot().size).toBe(0);
  });

  it('fills Instellingen with every setting and its default', () => {
    const rows = ss.$sheet('Instellingen').$values().slice(1).map((r) => [r[0], r[1]]);
    expect(rows).toEqual(SETTINGS_NL);
    // Every row explains itself.
    expect(ss.$sheet('Instellingen').$column(3).every((text) => typeof text === 'string' && text.length > 10)).toBe(true);
  });

  it('puts drop-downs on Type, Tier and Actief from row 2 to the end, warning but keeping other values', () => {
    const relaties = ss.$sheet('Relaties');
    for (const row of [2, 500, 1000]) {
      expect(listValues(relaties, row, 3)).toEqual({ criteria: 'VALUE_IN_LIST', values: ['Klant', 'Kandidaat', 'Client', 'Candidate'], allowInvalid: true });
      expect(listValues(relaties, row, 7)).toEqual({ criteria: 'VALUE_IN_LIST', values: ['A', 'B', 'C'], allowInvalid: true });
      expect(listValues(relaties, row, 12)).toEqual({ criteria: 'VALUE_IN_LIST', values: ['ja', 'nee', 'yes', 'no'], allowInvalid: true });
    }
    expect(relaties.$validation(1, 3)).toBeNull(); // not on the header
    expect(relaties.$validation(2, 2)).toBeNull();
  });

  it('seeds Gespreksvragen with the default question bank, in Dutch and in English', () => {
    const rows = ss.$sheet('Gespreksvragen').$values().slice(1);
    expect(DEFAULT_QUESTIONS.length).toBe(54);
    expect(rows).toHaveLength(2 * DEFAULT_QUESTIONS.length);
    expect(rows).toEqual(seededQuestions());
    // Spot checks of the playbook: the SPIN phases for clients, the client check-ins per tier (issue 12),
    // the after-sales call, the A-candidate agenda, BANT for prospects.
    expect(rows[7]).toEqual(['Situatie', 'Klant', '', 'nl', 'Hoe is de organisatie nu ingericht, over afdelingen en locaties heen?']);
    expect(rows[25]).toEqual(['Ontwikkelingen', 'Klant', 'A', 'nl', 'Hoe ontwikkelt jullie organisatie zich sinds we elkaar spraken?']);
    expect(rows[30]).toEqual(['Stand van zaken', 'Klant', 'B', 'nl', 'Hoe staan jullie ervoor, en hoe loopt de samenwerking?']);
    expect(rows[34]).toEqual(['Even bijpraten', 'Klant', 'C', 'nl', 'Hoe gaat het bij jullie?']);
    expect(rows[38]).toEqual(['Nabellen na plaatsing', 'Klant', '', 'nl', 'Is alles gegaan zoals je hoopte? Hoe is de start bevallen?']);
    expect(rows[41]).toEqual(['Loopbaanontwikkeling', 'Kandidaat', 'A', 'nl', 'Waar wil je over twee jaar staan, en wat heb je daarvoor nodig?']);
    expect(rows[54 + 49]).toEqual(['Budget', 'Prospect', '', 'en', 'Is there a budget set aside for this, and how much?']);
    // The register the playbook uses with clients: je/jullie, never u/uw.
    for (const [, , , nl] of DEFAULT_QUESTIONS) expect(nl, nl).not.toMatch(/\b(u|uw)\b/i);
    // Every phase the sidebar knows has a question in both languages.
    for (const language of ['nl', 'en']) {
      const phases = new Set(rows.filter((r) => r[3] === language).map((r) => r[0]));
      expect(phases.size, language).toBe(32);
    }
  });

  it('puts drop-downs on the new tabs: value add, yes/no, stage, question type, tier and language', () => {
    const list = (tab: string, column: number) => (listValues(ss.$sheet(tab), 2, column) as { values: unknown } | null)?.values;
    expect(list('Touchpoints', 7)).toEqual(['marktinzicht', 'introductie', 'advies', 'geen', 'market insight', 'introduction', 'advice', 'none']);
    expect(list('Touchpoints', 8)).toEqual(['ja', 'nee', 'yes', 'no']);
    expect(list('Touchpoints', 9)).toEqual(['ja', 'nee', 'yes', 'no']);
    expect(list('Acties', 6)).toEqual(['ja', 'nee', 'yes', 'no']);
    expect(list('Pipeline', 4)).toEqual(['koud', 'warm', 'heet', 'klant', 'vaste klant', 'afgewezen', 'afgehaakt', 'cold', 'hot', 'client', 'loyal client', 'rejected', 'dropped out']);
    for (const column of [5, 7, 9, 11]) expect(list('Pipeline', column), `Pipeline column ${column}`).toEqual(['ja', 'nee', 'yes', 'no']);
    // The agency guide's go/no-go criteria take ? for "not known yet".
    for (const column of [19, 20, 21, 22, 23]) expect(list('Pipeline', column), `Pipeline column ${column}`).toEqual(['ja', 'nee', '?', 'yes', 'no']);
    expect(list('Pipeline', 25)).toEqual(['geen budget', 'ander bureau gekozen', 'project gestopt', 'geen reactie meer', 'later', 'no budget', 'chose another agency', 'project stopped', 'no more response']);
    expect([16, 17, 18].map((c) => ss.$sheet('Pipeline').$format(2, c))).toEqual(['dd-mm-yyyy', 'dd-mm-yyyy', 'dd-mm-yyyy']);
    expect(list('Gespreksvragen', 2)).toEqual(['Klant', 'Kandidaat', 'Prospect', 'Client', 'Candidate']);
    expect(list('Gespreksvragen', 3)).toEqual(['A', 'B', 'C']);
    expect(list('Gespreksvragen', 4)).toEqual(['nl', 'en']);
    expect(list('Gespreksvragen', 5)).toBeUndefined();
    expect(list('Acties', 4)).toBeUndefined();
    expect([ss.$sheet('Acties').$format(2, 5), ss.$sheet('Acties').$format(2, 7), ss.$sheet('Pipeline').$format(2, 13)]).toEqual(['dd-mm-yyyy', 'dd-mm-yyyy', 'dd-mm-yyyy']);
  });

  it('formats dates, amounts and counts', () => {
    const relaties = ss.$sheet('Relaties');
    expect(relaties.$format(2, 8)).toBe('dd-mm-yyyy'); // Laatste contact
    expect(relaties.$format(2, 9)).toBe('€ #,##0.00'); // Jaaromzet
    expect(relaties.$format(2, 14)).toBe('dd-mm-yyyy'); // Uitstellen tot
    expect(relaties.$format(2, 15)).toBe('dd-mm-yyyy'); // Klant sinds
    expect(relaties.$format(2, 16)).toBe('€ #,##0.00'); // Jaaromzet vorig jaar
    expect(relaties.$format(2, 23)).toBe('dd-mm-yyyy'); // Rode vlag sinds
    expect(relaties.$format(2, 24)).toBeNull(); // Afdeling
    expect(relaties.$format(2, 26)).toBe('dd-mm-yyyy'); // Volgend contact
    expect(relaties.$format(1000, 28)).toBe('0'); // Dagen te laat
    expect(relaties.$format(1000, 30)).toBe('0'); // Gezondheid
    const organisaties = ss.$sheet('Organisaties');
    expect([3, 6, 10, 12, 15].map((column) => organisaties.$format(2, column))).toEqual(['€ #,##0.00', 'dd-mm-yyyy', '0', '0.0%', '0']);
    expect(relaties.$format(1, 8)).toBeNull();
    expect(ss.$sheet('Touchpoints').$format(2, 1)).toBe('dd-mm-yyyy');
    const log = ss.$sheet('Log');
    expect([log.$format(2, 1), log.$format(2, 4), log.$format(2, 8), log.$format(2, 10)]).toEqual(['dd-mm-yyyy hh:mm', '0', 'dd-mm-yyyy', '0']);
  });

  it('colours Status (column AA) in both languages, from row 2', () => {
    expect(statusRules(ss.$sheet('Relaties'))).toEqual(STATUS_COLOURS.map((c) => [...c, '27', '2']));
  });

  it('tells the user and logs the setup', () => {
    // A first setup shows what was made in the first-steps dialog (menu.test.ts), not in an alert.
    expect(cadans.ui.alerts).toEqual([]);
    expect(cadans.ui.dialogs.map((d) => d.title)).toEqual(['Welkom bij Cadans']);
    expect(cadans.ui.dialogs[0].html).toContain('<p>Werkboek ingericht: 9 tabbladen en 0 kolommen toegevoegd. Bestaande gegevens zijn niet gewijzigd.</p>');
    const log = ss.$sheet('Log').$values();
    expect(log).toHaveLength(2);
    expect(log[1].slice(1)).toEqual(['inrichting', '', '', '', '', 'Inrichting: 9 tabbladen en 0 kolommen toegevoegd, 77 instellingen aangevuld', '', '', '']);
    expect(Math.abs((log[1][0] as Date).getTime() - Date.now())).toBeLessThan(60_000);
  });

  it('running it again adds no tab, column, setting or colour rule', () => {
    const before = snapshot(ss);
    const rules = ss.sheets.map((s) => s.conditionalRules.length);
    cadans.setupWorkbook();
    expect(ss.sheets.map((s) => s.name)).toEqual(['Blad1', ...TABS_NL]);
    expect(ss.sheets.map((s) => s.conditionalRules.length)).toEqual(rules);
    const { changed, added } = diff(before, snapshot(ss));
    expect(changed).toEqual([]);
    expect(added.every((key) => key.startsWith('Log!3,'))).toBe(true); // only its own Log line
    expect(cadans.ui.alerts.at(-1)!.prompt).toBe('Het werkboek was al ingericht; er is niets gewijzigd.');
  });
});

// The team's own Pipeline tab (a name Cadans now uses, but none of its columns) is left alone
// and named on its own in the list.
const MISSING_NOTE =
  '27 kolommen ontbreken in tabbladen met gegevens en zijn niet toegevoegd (zie tabblad Log): ' +
  'Relaties: Plaatsingen, Relaties: Referrals, Relaties: Actief, Relaties: Notities, Relaties: Uitstellen tot, ' +
  KPI_INPUTS.map((c) => `Relaties: ${c}, `).join('') +
  'Touchpoints: Duur (min), Touchpoints: Eigenaar, Touchpoints: Notities, Touchpoints: Waarde-add, Touchpoints: Nieuwe kans, Touchpoints: Referral, Touchpoints: Testimonial, Touchpoints: Positief, Touchpoints: Tevredenheid, Touchpoints: Reactie, Touchpoints: Checklist. ' +
  'Heeft je kolom een andere naam, geef hem dan die naam.\n\n' +
  'Cadans heeft deze tabbladen met rust gelaten, omdat ze al eigen kolommen hebben (zie tabblad Log): Pipeline.';

const TAB_NOT_ADOPTED =
  'dit tabblad heeft al eigen kolommen die Cadans niet kent; Cadans laat het met rust. Hernoem het als Cadans een eigen tabblad met deze naam moet maken';

describe('setupWorkbook on a filled spreadsheet', () => {
  const tz = 'America/Los_Angeles';
  const d = (date: string) => midnight(tz, date);
  const relaties = [
    ['ID', 'Naam', 'Type', 'Organisatie', 'E-mail', 'Eigenaar', 'Tier', 'Last contact', 'Regio', 'Score', 'Jaaromzet'],
    ['R1', 'Anna de Vries', 'Klant', 'Bakkerij Vries', 'anna@vries.nl', 'joost@bureau.nl', 'A', d('2026-10-01'), 'Noord', formula('=K2/1000', 12.5), '€ 12.500,00'],
    ['R2', 'Bram Jansen', 'Kandidaat', '', 'bram@mail.nl', 'eva@bureau.nl', 'B', '3-2-2026', 'Zuid', formula('=K3/1000', 0), ''],
    ['R3', 'Chris Smit', 'Klant', 'Smit BV', '', 'joost@bureau.nl', 'x', '', '', formula('=K4/1000', 80), 80000],
    ['R4', '=niet een formule', 'Klant', '', '', '', 'C', d('2025-12-31'), 'Oost', formula('=K5/1000', 1), 1000],
  ];
  const touchpoints = [
    ['Datum', 'Relatie-ID', 'Soort', 'Kanaal'],
    [d('2026-10-15'), 'R1', 'Bel', 'telefoon'],
  ];
  const pipeline = [['Deal', 'Waarde'], ['Groot', 50000]];

  function filled() {
    const ss = workbook({ timeZone: tz, sheets: { Relaties: relaties, Touchpoints: touchpoints, Pipeline: pipeline } });
    // The team's own colour rule, on Regio, happens to use a status word: it must stay.
    const sheet = ss.$sheet('Relaties');
    const theirs = new ConditionalFormatRuleBuilder(ss.env).whenTextEqualTo('te laat').setBackground('#000000').setRanges([sheet.getRange(2, 9, 100, 1)]).build();
    sheet.conditionalRules = [theirs];
    return ss;
  }

  it("changes no existing cell, adds only Cadans's own columns right of the last header, and reports missing input columns", () => {
    const ss = filled();
    const before = snapshot(ss);
    loadCadans(ss).setupWorkbook();
    const { changed, added } = diff(before, snapshot(ss));
    expect(changed).toEqual([]);
    const newTabs = new Set(['Instellingen', 'Log', 'Acties', 'Gespreksvragen', 'Organisaties', 'Team']);
    const addedToExisting = added.filter((key) => !newTabs.has(key.split('!')[0])).sort();
    const headerCells = (sheet: string, from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `${sheet}!1,${from + i}`);
    // The tabs hold data, so a missing input column may be one the team renamed: it is reported
    // in the Log, never recreated empty beside theirs. Cadans's computed columns are its own. The
    // team's own Pipeline tab (a name Cadans now uses, none of its columns) is theirs: reported
    // and left exactly as it was, without a BANT column.
    expect(addedToExisting).toEqual(headerCells('Relaties', 12, 19).sort());
    expect(ss.$sheet('Relaties').$row(1)).toEqual([...relaties[0], ...COMPUTED]);
    expect(ss.$sheet('Touchpoints').$row(1)).toEqual(touchpoints[0]);
    expect(ss.$sheet('Pipeline').$values()).toEqual(pipeline);
    const reported = ss.$sheet('Log').$values().filter((r) => r[1] === 'probleem').map((r) => [r[2], r[3], r[4]]);
    expect(reported).toEqual([
      ['Relaties', 1, 'Plaatsingen'],
      ['Relaties', 1, 'Referrals'],
      ['Relaties', 1, 'Actief'],
      ['Relaties', 1, 'Notities'],
      ['Relaties', 1, 'Uitstellen tot'],
      ...KPI_INPUTS.map((c) => ['Relaties', 1, c]),
      ['Touchpoints', 1, 'Duur (min)'],
      ['Touchpoints', 1, 'Eigenaar'],
      ['Touchpoints', 1, 'Notities'],
      ['Touchpoints', 1, 'Waarde-add'],
      ['Touchpoints', 1, 'Nieuwe kans'],
      ['Touchpoints', 1, 'Referral'],
      ['Touchpoints', 1, 'Testimonial'],
      ['Touchpoints', 1, 'Positief'],
      ['Touchpoints', 1, 'Tevredenheid'],
      ['Touchpoints', 1, 'Reactie'],
      ['Touchpoints', 1, 'Checklist'],
      ['Pipeline', 1, ''],
    ]);
    expect(ss.$sheet('Log').$values().filter((r) => r[1] === 'probleem' && r[2] === 'Pipeline').map((r) => [r[5], r[6]])).toEqual([['', TAB_NOT_ADOPTED]]);
    expect(ss.sheets.map((s) => s.name)).toEqual(['Relaties', 'Touchpoints', 'Pipeline', 'Instellingen', 'Log', 'Acties', 'Gespreksvragen', 'Organisaties', 'Team']);
    // The formulas are still formulas, the text that looks like one is still text.
    expect(ss.$sheet('Relaties').$formula(2, 10)).toBe('=K2/1000');
    expect(ss.$sheet('Relaties').$value(5, 2)).toBe('=niet een formule');
    expect(ss.$sheet('Relaties').$formula(5, 2)).toBe('');
  });

  it('formats only the columns it added, keeps the team\'s colour rules and colours the new Status column', () => {
    const ss = filled();
    loadCadans(ss).setupWorkbook();
    const sheet = ss.$sheet('Relaties');
    for (const column of [8, 9, 10, 11]) expect(sheet.$format(2, column), `column ${column}`).toBeNull();
    expect(sheet.$format(2, 12)).toBe('dd-mm-yyyy'); // Volgend contact, added
    expect(sheet.$format(2, 14)).toBe('0'); // Dagen te laat, added
    expect(sheet.$format(2, 16)).toBe('0'); // Gezondheid, added
    const rules = statusRules(sheet);
    expect(rules[0]).toEqual(['te laat', '#000000', null, '9', '2']);
    expect(rules.slice(1)).toEqual(STATUS_COLOURS.map((c) => [...c, '13', '2']));
    // Type and Tier get their drop-downs where the team has them.
    expect(listValues(sheet, 2, 3)).toMatchObject({ values: ['Klant', 'Kandidaat', 'Client', 'Candidate'] });
    expect(listValues(sheet, 2, 7)).toMatchObject({ values: ['A', 'B', 'C'] });
  });

  it('tells how many tabs and columns it added', () => {
    const ss = filled();
    const cadans = loadCadans(ss);
    cadans.setupWorkbook();
    expect(cadans.ui.alerts.map((a) => a.prompt)).toEqual([
      'Werkboek ingericht: 6 tabbladen en 8 kolommen toegevoegd. Bestaande gegevens zijn niet gewijzigd.\n\n' + MISSING_NOTE,
    ]);
  });

  it('running it twice adds no tabs, no columns and no duplicate colour rules', () => {
    const ss = filled();
    const cadans = loadCadans(ss);
    cadans.setupWorkbook();
    const once = snapshot(ss);
    const shape = ss.sheets.map((s) => [s.name, s.$lastColumn(), s.conditionalRules.length]);
    cadans.setupWorkbook();
    expect(ss.sheets.map((s) => [s.name, s.$lastColumn(), s.conditionalRules.length])).toEqual(shape);
    expect(ss.$sheet('Relaties').conditionalRules).toHaveLength(11);
    const { changed, added } = diff(once, snapshot(ss));
    // The Log is Cadans's own record: the second run's line joins the history above the open
    // problems, which stay one row each, now seen twice (issue 9).
    expect(changed.filter((key) => !key.startsWith('Log!'))).toEqual([]);
    expect(added.every((key) => key.startsWith('Log!'))).toBe(true);
    const log = ss.$sheet('Log').$values().slice(1);
    expect(log.map((r) => r[1])).toEqual(['inrichting', 'inrichting', ...log.slice(2).map(() => 'probleem')]);
    expect(log.slice(2).every((r) => r[9] === 2)).toBe(true);
    expect(cadans.ui.alerts.at(-1)!.prompt).toBe(`Het werkboek was al ingericht; er is niets gewijzigd.\n\n${MISSING_NOTE}`);
  });

  it('never takes over a column that holds the team\'s data without a header', () => {
    // Notes typed in column N without a header: the team's, even unnamed.
    const header = RELATIES_BEFORE_KPI.slice(0, 13);
    const ss = workbook({
      timeZone: tz,
      sheets: {
        Relaties: [
          header,
          ['R1', 'Anna', 'Klant', '', '', '', 'A', d('2026-10-01'), '', '', '', '', '', 'bellen na de zomer'],
          ['R2', 'Bram', 'Klant', '', '', '', 'B', d('2026-09-01'), '', '', '', '', '', 'privé: verhuisd'],
        ],
      },
    });
    const cadans = loadCadans(ss);
    cadans.setupWorkbook();
    cadans.refreshNow();
    const sheet = ss.$sheet('Relaties');
    expect(sheet.$value(2, 14)).toBe('bellen na de zomer');
    expect(sheet.$value(3, 14)).toBe('privé: verhuisd');
    // Cadans's own columns exist, to the right of every used column.
    expect(sheet.$row(1).slice(14)).toEqual(COMPUTED);
  });
});

describe('setupWorkbook in an English spreadsheet', () => {
  it('creates English tabs and headers', () => {
    const ss = workbook({ locale: 'en_US', timeZone: 'America/Los_Angeles' });
    const cadans = loadCadans(ss);
    cadans.setupWorkbook();
    expect(ss.sheets.map((s) => s.name)).toEqual(['Blad1', 'Relations', 'Touchpoints', 'Settings', 'Log', 'Actions', 'Pipeline', 'Conversation questions', 'Organisations', 'Team']);
    expect(ss.$sheet('Relations').$row(1).slice(-8)).toEqual(['Next contact', 'Status', 'Days overdue', 'Tier advice', 'Health', 'Why', 'Suggested contact day', 'Last contact (computed)']);
    expect(ss.$sheet('Team').$row(1)).toEqual(['Owner', 'Minutes per day', 'Working days', 'Absent from', 'Absent until']);
    expect(ss.$sheet('Touchpoints').$row(1).slice(-8)).toEqual(['Value add', 'New opportunity', 'Referral', 'Testimonial', 'Positive', 'Satisfaction', 'Response', 'Checklist']);
    expect(ss.$sheet('Actions').$row(1)).toEqual(['Relation ID', 'Relation', 'Owner', 'Action', 'Due', 'Done', 'Created']);
    expect(ss.$sheet('Pipeline').$row(1)).toEqual([
      'Organisation', 'Contact', 'Owner', 'Stage', 'Budget', 'Budget note', 'Authority', 'Authority note',
      'Need', 'Need note', 'Timeline', 'Timeline note', 'Proposal sent', 'Next step', 'BANT',
      'Stage since', 'Received', 'Start date', 'Enjoyment', 'Moves us forward', 'Pays well and on time', 'Direction without micromanaging',
      'Response to work test', 'Reason rejected', 'Reason dropped out', 'Go/no-go', 'Why go/no-go',
    ]);
    // The question bank: English headers, the same seeded rows (each language in its own words).
    expect(ss.$sheet('Conversation questions').$values()).toEqual([['Phase', 'Type', 'Tier', 'Language', 'Question'], ...seededQuestions()]);
    // Its Language setting says what the workbook speaks.
    expect(ss.$sheet('Settings').$values()[1].slice(0, 2)).toEqual(['Language', 'en']);
    expect(cadans.ui.dialogs.map((d) => d.title)).toEqual(['Welcome to Cadans']);
    expect(cadans.ui.dialogs[0].html).toContain('<p>Workbook set up: added 9 tabs and 0 columns. Existing data was not changed.</p>');
    // The workbook stays English the next time it opens.
    const reopened = loadCadans(ss);
    reopened.onOpen();
    expect(reopened.ui.menus[0].entries[0]).toEqual({ caption: 'Set up workbook', functionName: 'setupWorkbook' });
  });
});

describe('setupWorkbook on a workbook from before the reminders, the conversation sidebar and the KPI and Risico tabs', () => {
  it('adds the new tabs, settings, Log and Touchpoints columns and the computed Relaties columns, keeping every value, and reports the Uitstellen tot and KPI input columns rather than adding them to a filled tab', () => {
    const tz = 'Europe/Amsterdam';
    const old = RELATIES_BEFORE_KPI.filter((h) => h !== 'Uitstellen tot');
    const settings = [
      ['Instelling', 'Waarde', 'Uitleg'],
      ...SETTINGS_NL.slice(0, 8).map(([name, value]) => [name, name === 'Venster binnenkort (dagen)' ? 14 : value, 'uitleg']),
    ];
    const ss = workbook({
      timeZone: tz,
      sheets: {
        Relaties: [old, ['R1', 'Anna', 'Klant', '', '', 'anna@bureau.nl', 'A', midnight(tz, '2026-01-05'), '', '', '', '', '', midnight(tz, '2026-02-05'), 'te laat', 3]],
        Touchpoints: [TOUCHPOINTS.slice(0, 6)],
        Instellingen: settings,
        Log: [LOG.slice(0, 7), [midnight(tz, '2026-01-01'), 'run', '', '', '', '', 'oud']],
      },
    });
    const before = snapshot(ss);
    const cadans = loadCadans(ss);
    cadans.setupWorkbook();
    const { changed, added } = diff(before, snapshot(ss));
    // Every cell of the team's is kept. The Log is Cadans's own: its line from 1 January is older
    // than Log bewaren (dagen) and goes (issue 9).
    expect(changed.filter((key) => !key.startsWith('Log!'))).toEqual([]);
    // The computed columns Tier-advies, Gezondheid, Waarom and Gepland are Cadans's own: added.
    expect(ss.$sheet('Relaties').$row(1)).toEqual([...old, 'Tier-advies', 'Gezondheid', 'Waarom', 'Voorgestelde contactdag', 'Laatste contact (berekend)']);
    expect(ss.$sheet('Log').$row(1)).toEqual(LOG);
    // Touchpoints holds no data yet: its new columns are added.
    expect(ss.$sheet('Touchpoints').$row(1)).toEqual(TOUCHPOINTS);
    expect(ss.sheets.map((s) => s.name)).toEqual(['Relaties', 'Touchpoints', 'Instellingen', 'Log', 'Acties', 'Pipeline', 'Gespreksvragen', 'Organisaties', 'Team']);
    const rows = ss.$sheet('Instellingen').$values().slice(1).map((r) => [r[0], r[1]]);
    expect(rows).toEqual(SETTINGS_NL.map(([name, value]) => [name, name === 'Venster binnenkort (dagen)' ? 14 : value]));
    expect(added.filter((k) => k.startsWith('Instellingen!')).every((k) => Number(k.split('!')[1].split(',')[0]) >= 10)).toBe(true);
    expect(cadans.ui.alerts.map((a) => a.prompt)).toEqual([
      'Werkboek ingericht: 5 tabbladen en 16 kolommen toegevoegd. Bestaande gegevens zijn niet gewijzigd.\n\n' +
        '12 kolommen ontbreken in tabbladen met gegevens en zijn niet toegevoegd (zie tabblad Log): Relaties: Uitstellen tot, ' +
        KPI_INPUTS.map((c) => `Relaties: ${c}`).join(', ') +
        '. Heeft je kolom een andere naam, geef hem dan die naam.',
    ]);
    const log = ss.$sheet('Log').$values();
    expect(log).toHaveLength(1 + 1 + 12);
    expect(log.at(-13)!.slice(1)).toEqual(['inrichting', '', '', '', '', 'Inrichting: 5 tabbladen en 16 kolommen toegevoegd, 69 instellingen aangevuld', '', '', '']);
    const notAdded = 'kolom ontbreekt en is niet toegevoegd, omdat het tabblad al gegevens bevat: heeft de kolom een andere naam, geef hem dan deze naam; anders voeg hem zelf toe';
    expect(log.slice(-12).map((r) => r.slice(1, 7))).toEqual(['Uitstellen tot', ...KPI_INPUTS].map((c) => ['probleem', 'Relaties', 1, c, '', notAdded]));
  });
});
