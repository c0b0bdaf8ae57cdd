// Issue 11 through the built bundle: the client organisation is the unit. The Risico tab per
// organisation with and without an Organisaties tab, the Organisaties tab's computed columns and
// its menu fill, the sidebar's account card, and the monthly Historie snapshot.

import { describe, expect, it } from 'vitest';
import type { FakeSheet, FakeSpreadsheet } from './fakes/index';
import { addDays, loadCadans, midnight, todayIn, workbook } from './harness';

const TZ = 'Europe/Amsterdam';
const HEADER = ['ID', 'Naam', 'Type', 'Organisatie', 'E-mail', 'Eigenaar', 'Tier', 'Laatste contact', 'Jaaromzet', 'Actief', 'Afdeling', 'Rol', 'Volgend contact', 'Status', 'Dagen te laat', 'Tier-advies', 'Gezondheid'];
const ORGANISATIES = ['Organisatie', 'Accounteigenaar', 'Jaaromzet', 'Jaaromzet vorig jaar', 'Retainer per maand', 'Klant sinds', 'Afdelingen', 'Afdelingen bediend', 'Notities',
  'Contactpersonen', 'Afdelingen met contact', 'Omzetaandeel', 'Accounttier-advies', 'Sleutelklant', 'Gezondheid'];
const LOG = ['Tijdstip', 'Soort', 'Blad', 'Rij', 'Kolom', 'Waarde', 'Melding', 'Datum', 'Eigenaar', 'Aantal'];

function person(id: string, name: string, organisation: string, revenue: number | '', department = '', role = '', daysAgo = 10, tier = 'B'): unknown[] {
  return [id, name, 'Klant', organisation, '', 'joost@bureau.nl', tier, midnight(TZ, addDays(todayIn(TZ), -daysAgo)), revenue, 'ja', department, role];
}

/** Gemeente Utrecht: four contacts in three departments, three at 15% of revenue each; eleven clients at 5%. */
function contacts(): unknown[][] {
  return [
    person('R1', 'Marieke Hoekstra', 'Gemeente Utrecht', 15_000, 'HR', 'beslisser', 5, 'A'),
    person('R2', 'Joost de Boer', 'gemeente utrecht', 15_000, 'IT', 'gebruiker', 40),
    person('R3', 'Sara Bakker', 'Gemeente  Utrecht', 15_000, 'HR', 'HR', 200),
    person('R4', 'Ahmed Yilmaz', 'Gemeente Utrecht', '', 'Financiën', 'inkoop', 20),
    ...Array.from({ length: 11 }, (_, i) => person(`K${i + 1}`, `Klant ${i + 1}`, `Klant ${i + 1} BV`, 5_000)),
  ];
}

function book(organisaties?: unknown[][], settings: unknown[][] = []): FakeSpreadsheet {
  return workbook({
    timeZone: TZ,
    sheets: {
      Relaties: [HEADER, ...contacts()],
      Instellingen: [['Instelling', 'Waarde'], ['Taal', 'nl'], ['Kasreserve (maanden)', 3], ...settings],
      Log: [LOG],
      ...(organisaties ? { Organisaties: organisaties } : {}),
    },
  });
}

/** The rows below a section title up to the next blank row. */
function section(sheet: FakeSheet, title: string): unknown[][] {
  const values = sheet.$values();
  const start = values.findIndex((r) => r[0] === title);
  expect(start, `section ${title}`).toBeGreaterThanOrEqual(0);
  const rows: unknown[][] = [];
  for (let i = start + 1; i < values.length && values[i].some((v) => v !== ''); i++) {
    // The section's plain-words explanation (in italics) is not part of its table.
    if (sheet.$fontStyle(i + 1, 1) === 'italic') continue;
    const row = [...values[i]];
    while (row.length > 0 && row[row.length - 1] === '') row.pop();
    rows.push(row);
  }
  return rows;
}

const STRESS = (name: string, share: string, months: string) =>
  `Verlies van ${name} kost ${share}% van de omzet; de kasreserve van 3 maanden vaste lasten draagt dat verlies ${months} maanden (reserve ÷ verloren aandeel, met kosten gelijk aan omzet)`;

describe('the Risico tab per organisation', () => {
  it('without Organisaties: groups the contact rows by their Organisatie, one key client at 45% named in the stress test and the chart', () => {
    const ss = book();
    loadCadans(ss).refreshNow();
    const risico = ss.$sheet('Risico');
    expect(section(risico, 'Klantconcentratie: hoe afhankelijk is het bureau van een paar klanten?')).toEqual([
      ['HHI', 2300],
      ['Aandeel grootste klant', 0.45],
      ['Aandeel top 5', 0.65],
      ['Effectief aantal klanten', 4.3],
      ['Oordeel', 'hoog'],
    ]);
    const clients = section(risico, 'Klantorganisaties op omzet, grootste eerst');
    expect(clients[0]).toEqual(['#', 'Organisatie', 'Contactpersonen', 'Omzet', 'Omzet uit', 'Aandeel (%)', 'Cumulatief (%)', 'Sleutelklant (≥ 20%)', 'Significant (≥ 10%)']);
    expect(clients.slice(1, 3)).toEqual([
      [1, 'Gemeente Utrecht', 4, 45000, 'contactrijen', 0.45, 0.45, 'ja', 'ja'],
      [2, 'Klant 1 BV', 1, 5000, 'contactrijen', 0.05, 0.5],
    ]);
    expect(clients).toHaveLength(1 + 12);
    expect(section(risico, 'Stresstest per sleutelklant')).toEqual([
      ['Klant', 'Verlies omzet (%)', 'Kasreserve draagt (maanden)', 'Toelichting'],
      ['Gemeente Utrecht', 0.45, 6.7, STRESS('Gemeente Utrecht', '45', '6,7')],
    ]);
    expect(section(risico, 'Onafhankelijkheid')[2]).toEqual(['Geen sleutelklantrisico: grootste klant (%)', 0.45, 'minder dan 20%', '✘ onder doel']);
    // The pie's labels are the organisations.
    const pie = risico.charts[0].state;
    expect(pie.options.title).toBe('Omzetaandeel per klantorganisatie (%)');
    const [labels] = pie.ranges;
    expect(risico.$values().slice(labels.row, labels.row + 3).map((r) => r[labels.column - 1])).toEqual(['Gemeente Utrecht', 'Klant 1 BV', 'Klant 10 BV']);
    // A contact's tier advice follows its account: every Gemeente Utrecht contact is A, even R4
    // without revenue of its own (alone it would be C). The 5,000 clients start at 45%: A too.
    const relaties = ss.$sheet('Relaties');
    expect([2, 3, 4, 5, 6].map((row) => relaties.$value(row, 16))).toEqual(['A', 'A', 'A', 'A', 'A']);
    // The spellings are reported with their rows, as one organisation.
    const log = ss.$sheet('Log').$values().filter((r) => r[1] === 'probleem');
    expect(log.map((r) => [r[2], r[3], r[4], r[6]])).toEqual([
      ['Relaties', 2, 'Organisatie (D)', "Eén organisatie, Gemeente Utrecht, in meer schrijfwijzen: 'Gemeente Utrecht' (Relaties rijen 2, 4, 5), 'gemeente utrecht' (Relaties rij 3). Cadans telt ze samen (hoofdletters, spaties en leestekens tellen niet mee); maak de schrijfwijze gelijk als dat klopt."],
    ]);
  });

  it('with Organisaties: the organisation row brings the revenue, the contact rows beside it are reported and never added', () => {
    const ss = book([
      ORGANISATIES,
      ['Gemeente Utrecht', 'joost@bureau.nl', 60_000, 50_000, '', '', 'HR, IT, Financiën, Sociaal Domein, Juridisch', 'HR, IT', ''],
      ['Klant 1 B.V.', '', '', '', '', '', 2, '', ''],
    ]);
    loadCadans(ss).refreshNow();
    const risico = ss.$sheet('Risico');
    const clients = section(risico, 'Klantorganisaties op omzet, grootste eerst').slice(1);
    // 60,000 of 60,000 + 11 × 5,000 = 115,000: 52.2%. The contacts' 45,000 is not added.
    expect(clients[0]).toEqual([1, 'Gemeente Utrecht', 4, 60000, 'Organisaties', 0.5217, 0.5217, 'ja', 'ja']);
    expect(clients[1]).toEqual([2, 'Klant 1 B.V.', 1, 5000, 'contactrijen', 0.0435, 0.5652]);
    expect(section(risico, 'Stresstest per sleutelklant')[1][0]).toBe('Gemeente Utrecht');
    // The computed columns of Organisaties.
    const org = ss.$sheet('Organisaties');
    expect(org.$row(2).slice(9)).toEqual([4, 3, 0.522, 'A', 'ja', expect.any(Number)]);
    expect(org.$row(3).slice(9)).toEqual([1, 0, 0.043, 'A', '', expect.any(Number)]);
    // The double revenue is a problem at the organisation's Jaaromzet cell.
    const problems = ss.$sheet('Log').$values().filter((r) => r[1] === 'probleem').map((r) => [r[2], r[3], r[4], r[5], r[6]]);
    expect(problems).toContainEqual([
      'Organisaties', 2, 'Jaaromzet (C)', '60000',
      'Jaaromzet staat ook bij contactpersonen (Relaties rij 2, 3, 4, samen 45000); Cadans telt alleen deze van Organisaties, nooit beide. Maak die cellen bij de contactpersonen leeg.',
    ]);
    // Penetration per organisation on the KPI tab: 3 departments with contact of 5 known, 2 served.
    const kpi = ss.$sheet('KPI');
    expect(section(kpi, 'Accountpenetratie per organisatie: afdelingen met actief contact en bediend, van bekend')).toEqual([
      ['Organisatie', 'Afdelingen bekend', 'Met actief contact', 'Contact (%)', 'Bediend', 'Bediend (%)'],
      ['Klant 1 B.V.', 2, 0, 0],
      ['Gemeente Utrecht', 5, 3, 0.6, 2, 0.4],
    ]);
    expect(section(kpi, 'Organisaties zonder beslisser of champion (het playbook vraagt om beslissers en champions; dat juist deze twee rollen nodig zijn is een keuze van Cadans)').slice(0, 2)).toEqual([
      ['Organisatie', 'Ontbreekt', 'Actieve contactpersonen', 'Omzetaandeel (%)'],
      ['Gemeente Utrecht', 'champion', 4, 0.5217],
    ]);
    expect(section(kpi, 'Organisaties met één actieve contactpersoon (vertrekt die, dan is de klant weg)')[1]).toEqual(['Klant 1 B.V.', 'Klant 1', '', 0.0435]);
  });
});

describe('Cadans > Organisaties vullen uit Relaties', () => {
  it('creates the tab with a row per organisation, sums the revenue still on contact rows, says so, and adds nothing the second time', () => {
    const ss = book();
    const cadans = loadCadans(ss);
    cadans.fillOrganisations();
    const org = ss.$sheet('Organisaties');
    expect(org.$row(1)).toEqual(ORGANISATIES);
    expect(org.$values().slice(1, 3).map((r) => r.slice(0, 9))).toEqual([
      ['Gemeente Utrecht', 'joost@bureau.nl', 45000, '', '', '', 'HR, IT, Financiën', '', ''],
      ['Klant 1 BV', 'joost@bureau.nl', 5000, '', '', '', '', '', ''],
    ]);
    expect(org.$lastRow()).toBe(13);
    expect(cadans.ui.alerts.at(-1)!.prompt).toBe(
      '12 organisaties toegevoegd aan Organisaties.\n' +
        'Bij 12 daarvan is de Jaaromzet opgeteld uit de contactrijen van Relaties. Cadans telt vanaf nu de omzet op Organisaties: maak Jaaromzet, Jaaromzet vorig jaar en Retainer per maand bij de contactpersonen leeg, anders meldt elke run dubbele omzet (die nooit dubbel geteld wordt).\n' +
        "Eén organisatie, Gemeente Utrecht, in meer schrijfwijzen: 'Gemeente Utrecht' (Relaties rijen 2, 4, 5), 'gemeente utrecht' (Relaties rij 3). Cadans telt ze samen (hoofdletters, spaties en leestekens tellen niet mee); maak de schrijfwijze gelijk als dat klopt.",
    );
    // The Risico tab is the same as before the fill: the revenue is counted once.
    const before = book();
    loadCadans(before).refreshNow();
    cadans.refreshNow();
    const concentration = (s: FakeSpreadsheet) => section(s.$sheet('Risico'), 'Klantconcentratie: hoe afhankelijk is het bureau van een paar klanten?');
    expect(concentration(ss)).toEqual(concentration(before));
    cadans.fillOrganisations();
    expect(org.$lastRow()).toBe(13);
    expect(cadans.ui.alerts.at(-1)!.prompt.split('\n')[0]).toBe('Elke organisatie uit Relaties staat al in Organisaties; niets toegevoegd.');
  });
});

describe('the sidebar account card', () => {
  it('shows, for a contact whose account has four contacts in three departments, the other three, departments covered, the share with its key-client mark and the missing roles', () => {
    const ss = book([ORGANISATIES, ['Gemeente Utrecht', '', '', '', '', '', 'HR, IT, Financiën, Juridisch', '', '']]);
    ss.$select('Relaties', 2, 2);
    const cadans = loadCadans(ss);
    const result = cadans.serverCall('getPrepContext');
    expect(result.ok).toBe(true);
    const ctx = (result as { value: { kind: string; account: Record<string, unknown> } }).value;
    expect(ctx.kind).toBe('relation');
    const dmy = (days: number) => addDays(todayIn(TZ), -days).split('-').reverse().join('-');
    expect(ctx.account).toEqual({
      name: 'Gemeente Utrecht',
      row: 2,
      tier: 'A',
      contacts: [
        { row: 5, name: 'Ahmed Yilmaz', role: 'inkoop', department: 'Financiën', lastContact: dmy(20), status: 'op schema', statusKey: 'onTrack' },
        { row: 3, name: 'Joost de Boer', role: 'gebruiker', department: 'IT', lastContact: dmy(40), status: 'op schema', statusKey: 'onTrack' },
        { row: 4, name: 'Sara Bakker', role: 'HR', department: 'HR', lastContact: dmy(200), status: 'te laat', statusKey: 'overdue' },
      ],
      departments: 'Afdelingen met contact: 3 van 4 bekend',
      departmentNames: ['HR', 'IT', 'Financiën'],
      revenueShare: 0.45,
      key: true,
      significant: true,
      missingRoles: ['champion'],
      expansion: 'Uitbreiding: het SPIN-uitbreidingsgesprek (20 min voorbereiden, 25-30 min gesprek) en warme introducties binnen 48 uur bij afdelingen zonder contact.',
    });
  });

  it('prepares the account conversation for a selected Organisaties row: every contact and the SPIN phases', () => {
    const ss = book([ORGANISATIES, ['Gemeente Utrecht', '', '', '', '', '', '', '', '']]);
    loadCadans(ss).setupWorkbook(); // the question bank
    ss.$select('Organisaties', 2, 1);
    const result = loadCadans(ss).serverCall('getPrepContext');
    const ctx = (result as { value: { kind: string; account: { name: string; contacts: unknown[] }; phases: Array<{ key: string }> } }).value;
    expect(ctx.kind).toBe('account');
    expect(ctx.account.name).toBe('Gemeente Utrecht');
    expect(ctx.account.contacts).toHaveLength(4);
    expect(ctx.phases.map((p) => p.key)).toEqual(['prepOrganisation', 'prepStakeholders', 'prepIntelligence', 'situation', 'problem', 'implication', 'needPayoff', 'expansion', 'commitment']);
  });
});

describe('the Historie tab', () => {
  it('gets one snapshot per account per month, however many runs, and the next month appends', () => {
    const ss = book();
    // Klant 11 BV brings only 500 in November: account tier C.
    ss.$sheet('Relaties').getRange(16, 9).setValues([[500]]);
    const november = new Date(Date.UTC(2026, 10, 16, 9));
    for (let i = 0; i < 3; i++) loadCadans(ss, { now: november }).refreshNow();
    const historie = ss.$sheet('Historie');
    expect(historie.$row(1)).toEqual(['Maand', 'Organisatie', 'Accounttier-advies', 'Jaaromzet', 'Contactpersonen', 'Afdelingen met contact', 'Gezondheid']);
    expect(historie.$lastRow()).toBe(1 + 12);
    expect(historie.$row(2).slice(0, 6)).toEqual(['2026-11', 'Gemeente Utrecht', 'A', 45000, 4, 3]);
    expect(historie.$row(13).slice(0, 4)).toEqual(['2026-11', 'Klant 11 BV', 'C', 500]);
    const upgrades = () => section(ss.$sheet('KPI'), 'Partnership-upgrades (playbook; uit Historie)')[1];
    expect(upgrades()).toEqual(['Organisaties die een accounttier stegen (%)', 'onbekend', 'nog geen Historie van vóór deze maand; Cadans legt elke maand een momentopname vast']);
    // In December Klant 11 BV brings 50,000: it moved from C to A, the one B or C account of November.
    ss.$sheet('Relaties').getRange(16, 9).setValues([[50_000]]);
    loadCadans(ss, { now: new Date(Date.UTC(2026, 11, 1, 9)) }).refreshNow();
    expect(upgrades()).toEqual(['Organisaties die een accounttier stegen (%)', 1, '1 van 1 B- of C-organisaties sinds 2026-11']);
    loadCadans(ss, { now: new Date(Date.UTC(2026, 11, 20, 9)) }).refreshNow();
    expect(historie.$lastRow()).toBe(1 + 24);
    expect(historie.$column(1).filter((m) => m === '2026-12')).toHaveLength(12);
  });
});

describe('bad account cells', () => {
  it('reports an unknown role and an unreadable Organisaties amount with their places, and still counts the rest', () => {
    const ss = book([ORGANISATIES, ['Gemeente Utrecht', '', 'veel', '', '', '', '', '', '']]);
    ss.$sheet('Relaties').getRange(2, 12).setValues([['beslisser, baas']]);
    loadCadans(ss).refreshNow();
    const problems = ss.$sheet('Log').$values().filter((r) => r[1] === 'probleem').map((r) => [r[2], r[3], r[4], r[5], r[6]]);
    // (The Log shows the message without its opening quote: Sheets takes a leading ' as a text
    // prefix. That is how every unknown-word message is written today, not particular to roles.)
    expect(problems).toContainEqual(['Relaties', 2, 'Rol (L)', 'beslisser, baas', "'baas' staat niet in de lijst; verwacht: beslisser, champion, inkoop, HR, gebruiker"]);
    expect(problems.filter((p) => p[0] === 'Organisaties').map((p) => p.slice(0, 4))).toEqual([['Organisaties', 2, 'Jaaromzet (C)', 'veel']]);
    // The unreadable amount counts as not filled in: the contacts' 45,000 is the account's revenue.
    expect(section(ss.$sheet('Risico'), 'Klantorganisaties op omzet, grootste eerst')[1]).toEqual([1, 'Gemeente Utrecht', 4, 45000, 'contactrijen', 0.45, 0.45, 'ja', 'ja']);
  });
});

describe('the Historie bound', () => {
  it('keeps the months of the Historie setting: with 2, January drops November', () => {
    const ss = book(undefined, [['Historie: maanden bewaren', 2]]);
    for (const [month, day] of [[10, 16], [11, 1], [0, 4]] as const) {
      loadCadans(ss, { now: new Date(Date.UTC(month === 0 ? 2027 : 2026, month, day, 9)) }).refreshNow();
    }
    expect([...new Set(ss.$sheet('Historie').$column(1))]).toEqual(['2026-12', '2027-01']);
  });
});

describe('in an English workbook', () => {
  it('names the organisation in English labels, and the fill action creates Organisations', () => {
    const header = ['ID', 'Name', 'Type', 'Organisation', 'Email', 'Owner', 'Tier', 'Last contact', 'Annual revenue', 'Active', 'Department', 'Role'];
    const rows = contacts().map((r) => [...r.slice(0, 2), 'Client', ...r.slice(3, 9), 'yes', r[10], r[11] === 'beslisser' ? 'decision maker' : r[11] === 'gebruiker' ? 'user' : r[11] === 'inkoop' ? 'procurement' : r[11]]);
    const ss = workbook({
      locale: 'en_GB',
      timeZone: TZ,
      sheets: { Relations: [header, ...rows], Settings: [['Setting', 'Value'], ['Language', 'en'], ['Cash reserve (months)', 3]], Log: [LOG] },
    });
    const cadans = loadCadans(ss);
    cadans.refreshNow();
    const risk = ss.$sheet('Risk');
    expect(section(risk, 'Client organisations by revenue, largest first')[1]).toEqual([1, 'Gemeente Utrecht', 4, 45000, 'contact rows', 0.45, 0.45, 'yes', 'yes']);
    expect(section(risk, 'Stress test per key client')[1][3]).toBe(
      'Losing Gemeente Utrecht removes 45% of revenue; the cash reserve of 3 months of costs carries that loss for 6.7 months (reserve ÷ lost share, with costs equal to revenue)',
    );
    expect(ss.$sheet('Account history').$row(1)).toEqual(['Month', 'Organisation', 'Account tier advice', 'Annual revenue', 'Contacts', 'Departments with contact', 'Health']);
    cadans.fillOrganisations();
    expect(ss.$sheet('Organisations').$row(2).slice(0, 3)).toEqual(['Gemeente Utrecht', 'joost@bureau.nl', 45000]);
    expect(cadans.ui.alerts.at(-1)!.prompt.split('\n')[0]).toBe('12 organisations added to Organisations.');
  });
});
