// The KPI and Risico tabs through the built bundle: refreshNow writes both, each as one block
// after clearing the old content, with their embedded charts created once and updated after;
// the number of service calls does not grow with the rows; and user text never becomes a formula.

import { describe, expect, it } from 'vitest';
import type { FakeSheet, FakeSpreadsheet } from './fakes/index';
import { addDays, loadCadans, midnight, todayIn, workbook } from './harness';

const HEADER = ['ID', 'Naam', 'Type', 'Organisatie', 'E-mail', 'Eigenaar', 'Tier', 'Laatste contact', 'Jaaromzet', 'Plaatsingen', 'Referrals', 'Actief', 'Notities', 'Uitstellen tot',
  'Klant sinds', 'Jaaromzet vorig jaar', 'Herhaalplaatsingen', 'Retainer per maand', 'Afdelingen bekend', 'Afdelingen bediend', 'Rode vlaggen', 'Kanssignalen',
  'Volgend contact', 'Status', 'Dagen te laat', 'Tier-advies', 'Gezondheid', 'Waarom'];
const TOUCHPOINTS = ['Datum', 'Relatie-ID', 'Soort', 'Duur (min)', 'Eigenaar', 'Notities', 'Waarde-add', 'Nieuwe kans', 'Referral'];
const TZ = 'Europe/Amsterdam';

function client(id: string, name: string, revenue: number, extra: Partial<Record<'redFlags' | 'retainer' | 'known' | 'served' | 'organisation', unknown>> = {}): unknown[] {
  const T = todayIn(TZ);
  return [id, name, 'Klant', extra.organisation ?? `Org ${id}`, '', 'joost@bureau.nl', 'A', midnight(TZ, addDays(T, -3)), revenue, 1, 0, 'ja', '', '',
    '', '', 0, extra.retainer ?? '', extra.known ?? '', extra.served ?? '', extra.redFlags ?? '', ''];
}

function sheetWith(relaties: unknown[][], cashMonths: number | '' = ''): FakeSpreadsheet {
  return workbook({
    timeZone: TZ,
    sheets: {
      Relaties: [HEADER, ...relaties],
      Touchpoints: [TOUCHPOINTS],
      Instellingen: [['Instelling', 'Waarde'], ['Taal', 'nl'], ['Kasreserve (maanden)', cashMonths]],
      Log: [['Tijdstip', 'Soort', 'Blad', 'Rij', 'Kolom', 'Waarde', 'Melding', 'Datum', 'Eigenaar', 'Aantal']],
    },
  });
}

/** The rows below a section title up to the next blank row, header first. */
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

describe('the Risico tab: the worked examples of the domain brief', () => {
  it('agency A, two clients at 50%: HHI 5,000, 2 effective clients, both key, each loss carried 6 months by a 3-month reserve', () => {
    const ss = sheetWith([client('R1', 'Anna', 50_000), client('R2', 'Bram', 50_000)], 3);
    loadCadans(ss).refreshNow();
    const risico = ss.$sheet('Risico');
    expect(String(risico.$value(1, 1))).toMatch(/^Risico: gegenereerd door Cadans op \d\d-\d\d-\d{4}\. Dit tabblad wordt bij elke run opnieuw opgebouwd/);
    expect(section(risico, 'Klantconcentratie: hoe afhankelijk is het bureau van een paar klanten?')).toEqual([
      ['HHI', 5000],
      ['Aandeel grootste klant', 0.5],
      ['Aandeel top 5', 1],
      ['Effectief aantal klanten', 2],
      ['Oordeel', 'hoog'],
    ]);
    // Under the title, in plain words (in italics), and the legend of the marks on row 2.
    const explanation = risico.$values().findIndex((r) => r[0] === 'HHI') ;
    expect(risico.$value(explanation, 1)).toBe('HHI 5.000: hoge concentratie — 2 klanten dragen de omzet (HHI loopt van bijna 0, omzet over veel klanten verspreid, tot 10.000, alles bij één klant; vanaf 1.000 matig, boven 1.800 hoog)');
    expect(risico.$fontStyle(explanation, 1)).toBe('italic');
    expect(risico.$value(2, 1)).toBe('Legenda: ✔ op doel · ~ voldoende, dicht bij het doel · ✘ onder doel · ? onbekend: te weinig gegevens om te oordelen · geen doel: er is geen streefwaarde ingesteld');
    expect(section(risico, 'Klantorganisaties op omzet, grootste eerst')).toEqual([
      ['#', 'Organisatie', 'Contactpersonen', 'Omzet', 'Omzet uit', 'Aandeel (%)', 'Cumulatief (%)', 'Sleutelklant (≥ 20%)', 'Significant (≥ 10%)'],
      [1, 'Org R1', 1, 50000, 'contactrijen', 0.5, 0.5, 'ja', 'ja'],
      [2, 'Org R2', 1, 50000, 'contactrijen', 0.5, 1, 'ja', 'ja'],
    ]);
    expect(section(risico, 'Stresstest per sleutelklant')).toEqual([
      ['Klant', 'Verlies omzet (%)', 'Kasreserve draagt (maanden)', 'Toelichting'],
      ['Org R1', 0.5, 6, 'Verlies van Org R1 kost 50% van de omzet; de kasreserve van 3 maanden vaste lasten draagt dat verlies 6 maanden (reserve ÷ verloren aandeel, met kosten gelijk aan omzet)'],
      ['Org R2', 0.5, 6, 'Verlies van Org R2 kost 50% van de omzet; de kasreserve van 3 maanden vaste lasten draagt dat verlies 6 maanden (reserve ÷ verloren aandeel, met kosten gelijk aan omzet)'],
    ]);
    expect(section(risico, 'Onafhankelijkheid')).toEqual([
      ['Indicator', 'Waarde', 'Doel', 'Oordeel'],
      ['Vooruit geboekt (dagen)', 'onbekend', 'minstens 30, ideaal 60', '? onbekend'],
      ['Geen sleutelklantrisico: grootste klant (%)', 0.5, 'minder dan 20%', '✘ onder doel'],
      ['Terugkerende omzet: 12 × retainer ÷ omzet (%)', 0, '—', 'geen doel'],
      ['Kasreserve (maanden)', 3, 'minstens 3, ideaal 6', '~ voldoende'],
      ['Voorstellen verstuurd (Pipeline, laatste 13 weken)', 'onbekend', 'minstens 1 per week (13 in 13 weken)', '? onbekend'],
    ]);
  });

  it('agency B, 5 clients making 50% and 10 sharing 50%: HHI 750, 13.3 effective clients, no key client', () => {
    const rows = [...Array.from({ length: 5 }, (_, i) => client(`G${i + 1}`, `Groot ${i + 1}`, 100_000)), ...Array.from({ length: 10 }, (_, i) => client(`K${String(i + 1).padStart(2, '0')}`, `Klein ${String(i + 1).padStart(2, '0')}`, 50_000))];
    const ss = sheetWith(rows);
    loadCadans(ss).refreshNow();
    const risico = ss.$sheet('Risico');
    expect(section(risico, 'Klantconcentratie: hoe afhankelijk is het bureau van een paar klanten?').map((r) => r.slice(0, 2))).toEqual([
      ['HHI', 750],
      ['Aandeel grootste klant', 0.1],
      ['Aandeel top 5', 0.5],
      ['Effectief aantal klanten', 13.3],
      ['Oordeel', 'laag'],
    ]);
    const clients = section(risico, 'Klantorganisaties op omzet, grootste eerst').slice(1);
    expect(clients).toHaveLength(15);
    expect(clients.map((r) => [r[1], r[5], r[6], r[7] ?? '', r[8] ?? '']).slice(3, 7)).toEqual([
      ['Org G4', 0.1, 0.4, '', 'ja'],
      ['Org G5', 0.1, 0.5, '', 'ja'],
      ['Org K01', 0.05, 0.55, '', ''],
      ['Org K02', 0.05, 0.6, '', ''],
    ]);
    expect(section(risico, 'Stresstest per sleutelklant')[1]).toEqual(['Geen sleutelklanten (geen klant boven 20% van de omzet).']);
  });
});

describe('the generated tabs are formatted for reading (issue 14)', () => {
  // R3 was last spoken to 60 days ago: overdue, so on the Vandaag tab.
  const late = client('R3', 'Cor', 10);
  late[7] = midnight(TZ, addDays(todayIn(TZ), -60));
  const ss = sheetWith([client('R1', 'Anna', 50_000), client('R2', 'Bram', 50_000), late], 3);
  loadCadans(ss).refreshNow();
  const risico = ss.$sheet('Risico');
  const rowOf = (sheet: FakeSheet, first: unknown) => sheet.$values().findIndex((r) => r[0] === first) + 1;

  it('freezes the first row, puts titles and headers in bold and explanations in italics, on every generated tab', () => {
    for (const name of ['Vandaag', 'KPI', 'Risico', 'Kwartaal', 'Historie']) expect(ss.$sheet(name).frozenRows, name).toBe(1);
    const title = rowOf(risico, 'Stresstest per sleutelklant');
    expect([risico.$fontWeight(title, 1), risico.$fontStyle(title + 1, 1), risico.$fontWeight(title + 2, 1), risico.$fontWeight(title + 3, 1)]).toEqual(['bold', 'italic', 'bold', 'normal']);
    expect(risico.$value(title + 1, 1)).toBe('Wat er gebeurt als één sleutelklant wegvalt: het deel van de omzet dat verdwijnt, en hoe lang de kasreserve dat opvangt.');
    expect(ss.$sheet('Historie').$fontWeight(1, 4)).toBe('bold');
    // The compliance table's total in bold too.
    const kpi = ss.$sheet('KPI');
    expect(kpi.$fontWeight(rowOf(kpi, 'Totaal'), 2)).toBe('bold');
  });

  it('shows euros with thousands, shares as percentages, dates as dates, and plain cells as General', () => {
    const first = rowOf(risico, 1);
    expect([4, 6, 7].map((c) => [risico.$value(first, c), risico.$format(first, c)])).toEqual([[50000, '"€ "#,##0'], [0.5, '0.0%'], [0.5, '0.0%']]);
    expect(risico.$format(rowOf(risico, 'HHI'), 2)).toBe('#,##0');
    expect(risico.$format(rowOf(risico, 'Effectief aantal klanten'), 2)).toBe('#,##0.0');
    expect(risico.$format(first, 3)).toBe('General');
    expect(ss.$sheet('Historie').$format(2, 4)).toBe('"€ "#,##0');
    // Vandaag: Contact uiterlijk (G) is a date cell of the spreadsheet, formatted as a date.
    const vandaag = ss.$sheet('Vandaag');
    const line = vandaag.$values().findIndex((r) => r[2] === 'R3') + 1;
    expect(vandaag.$value(line, 7)).toBeInstanceOf(Date);
    expect(vandaag.$format(line, 7)).toBe('dd-mm-yyyy');
  });

  it('colours the verdict marks and the statuses', () => {
    const rule = (sheet: FakeSheet, text: string) => {
      const r = sheet.conditionalRules.find((c) => c.condition?.args[0] === text)!;
      return [r.condition!.criteria, r.condition!.background, r.condition!.fontColor, r.ranges.map((g) => [g.row, g.column, g.numRows, g.numColumns])];
    };
    const size = [1, 1, risico.$lastRow(), risico.$lastColumn()];
    expect(rule(risico, '✘ onder doel')).toEqual(['TEXT_EQUAL_TO', '#f4c7c3', '#a50e0e', [size]]);
    expect(rule(risico, '✔ op doel')).toEqual(['TEXT_EQUAL_TO', '#d9ead3', '#274e13', [size]]);
    expect(rule(risico, '~ voldoende')).toEqual(['TEXT_EQUAL_TO', '#fff2cc', '#7f6000', [size]]);
    expect(rule(risico, '? onbekend')).toEqual(['TEXT_EQUAL_TO', '#eeeeee', '#555555', [size]]);
    const vandaag = ss.$sheet('Vandaag');
    expect(rule(vandaag, 'te laat')).toEqual(['TEXT_CONTAINS', '#f4c7c3', '#a50e0e', [[1, 6, vandaag.$lastRow(), 1]]]);
    // KPI's attention list: its Status column (G), as on Relaties.
    const kpi = ss.$sheet('KPI');
    expect(rule(kpi, 'nooit')).toEqual(['TEXT_EQUAL_TO', '#cfe2f3', '#0b5394', [[1, 7, kpi.$lastRow(), 1]]]);
  });

  it('makes the columns as wide as what they hold', () => {
    // Historie: each header in bold (8 px a character) or its widest value (7 px), plus 16, at least 60:
    // Maand '2026-11' 65, Organisatie 104, Accounttier-advies 160, Jaaromzet 88, Contactpersonen 136,
    // Afdelingen met contact 192, Gezondheid 96.
    const historie = ss.$sheet('Historie');
    expect([1, 2, 3, 4, 5, 6, 7].map((c) => historie.columnWidths.get(c))).toEqual([65, 104, 160, 88, 136, 192, 96]);
    // Risico column A: its longest label, 'Voorstellen verstuurd (Pipeline, laatste 13 weken)', 50 × 7 + 16.
    expect(risico.columnWidths.get(1)).toBe(366);
  });
});

describe('refreshNow and the generated tabs', () => {
  it('creates both tabs and their charts on the first run and updates them after, with the same calls for 10 rows as for 2,000', () => {
    const calls = (n: number) => {
      const ss = sheetWith(Array.from({ length: n }, (_, i) => client(`R${i + 1}`, `Relatie ${i + 1}`, 1000 * (i + 1))));
      loadCadans(ss).refreshNow();
      const cadans = loadCadans(ss);
      cadans.env.reset();
      cadans.refreshNow();
      return { ss, byMethod: cadans.env.byMethod(), total: cadans.env.total };
    };
    const small = calls(10);
    const large = calls(2000);
    expect(large.byMethod).toEqual(small.byMethod);
    expect(large.total).toBe(small.total);
    // The second run finds the tabs and charts: it clears and rewrites Vandaag, KPI and Risico, and updates the three charts.
    expect(small.byMethod).toMatchObject({ 'Sheet.clearContents': 4, 'Sheet.getCharts': 4, 'EmbeddedChart.modify': 3, 'Sheet.updateChart': 3 });
    expect(small.byMethod['Sheet.insertChart']).toBeUndefined();
    // The tabs look as they did after the first run: their formats stay (clearContents keeps them)
    // and no formatting call is made; the document properties remember each tab's format print.
    for (const method of ['Range.setNumberFormats', 'Range.setFontWeights', 'Range.setFontStyles', 'Sheet.setConditionalFormatRules', 'Sheet.setFrozenRows', 'Sheet.setColumnWidths']) {
      expect(small.byMethod[method], method).toBeUndefined();
    }
    expect(small.ss.$sheet('KPI').frozenRows).toBeGreaterThan(0);
    expect(small.byMethod['Spreadsheet.insertSheet']).toBeUndefined();
    for (const { ss } of [small, large]) {
      const kpi = ss.$sheet('KPI');
      const risico = ss.$sheet('Risico');
      expect(kpi.charts).toHaveLength(2);
      expect(risico.charts).toHaveLength(1);
      // The capacity used per owner over the planning horizon: one owner here.
      const capacity = kpi.charts[1].state;
      expect(capacity.options.title).toBe('Benut deel van de capaciteit per eigenaar (%)');
      const capacityHeader = kpi.$values().findIndex((r) => r[0] === 'Eigenaar' && r[1] === 'Gepland (uur)') + 1;
      expect(capacity.ranges.map((r) => [r.row, r.column, r.numRows, r.numColumns])).toEqual([[capacityHeader, 1, 2, 1], [capacityHeader, 4, 2, 1]]);
      const column = kpi.charts[0].state;
      expect(column.type).toBe('COLUMN');
      expect(column.options.title).toBe('Contactritme per maand: op tijd (%)');
      // Month labels and the share on time: the header row and the twelve months.
      const header = kpi.$values().findIndex((r) => r[0] === 'Maand') + 1;
      expect(column.ranges.map((r) => [r.row, r.column, r.numRows, r.numColumns])).toEqual([[header, 1, 13, 1], [header, 4, 13, 1]]);
      const pie = risico.charts[0].state;
      expect(pie.type).toBe('PIE');
      const clientsHeader = risico.$values().findIndex((r) => r[0] === '#') + 1;
      const n = ss === small.ss ? 10 : 2000;
      expect(pie.ranges.map((r) => [r.row, r.column, r.numRows])).toEqual([[clientsHeader, 2, n + 1], [clientsHeader, 6, n + 1]]);
    }
  });

  it('formats a tab again when its layout changed, or when the team deleted it, in one call each per tab', () => {
    const ss = sheetWith([client('R1', 'Anna', 10), client('R2', 'Bram', 20)]);
    loadCadans(ss).refreshNow();
    // A relationship with a much longer organisation name widens Risico's Organisatie column.
    const relaties = ss.$sheet('Relaties');
    relaties.$write({ row: 4, column: 1, numRows: 1, numColumns: HEADER.length }, [client('R3', 'Christiaan', 30, { organisation: 'Stichting Openbaar Onderwijs Midden-Nederland' })]);
    let cadans = loadCadans(ss);
    cadans.env.reset();
    cadans.refreshNow();
    const changed = cadans.env.byMethod();
    expect(changed['Range.setNumberFormats']).toBeGreaterThanOrEqual(1);
    expect(changed['Range.setNumberFormats']).toBeLessThanOrEqual(4);
    expect(ss.$sheet('Risico').columnWidths.get(2)).toBe('Stichting Openbaar Onderwijs Midden-Nederland'.length * 7 + 16);
    // The team deletes the KPI tab: the next run inserts and formats it, though its format print is unchanged.
    ss.sheets.splice(ss.sheets.indexOf(ss.$sheet('KPI')), 1);
    cadans = loadCadans(ss);
    cadans.env.reset();
    cadans.refreshNow();
    expect(cadans.env.byMethod()['Range.setNumberFormats']).toBe(1);
    expect(ss.$sheet('KPI').frozenRows).toBeGreaterThan(0);
  });

  it('leaves nothing of a longer earlier run behind: the rebuilt tab equals a fresh one', () => {
    const ss = sheetWith([client('R1', 'Anna', 10), client('R2', 'Bram', 20), client('R3', 'Chris', 30)]);
    loadCadans(ss).refreshNow();
    // The team deletes two relationships; the next run rebuilds the tabs in place.
    ss.$sheet('Relaties').grid.length = 2;
    loadCadans(ss).refreshNow();
    const fresh = sheetWith([client('R1', 'Anna', 10)]);
    loadCadans(fresh).refreshNow();
    for (const name of ['KPI', 'Risico']) expect(ss.$sheet(name).$values(), name).toEqual(fresh.$sheet(name).$values());
    // And its formats: a row that held a share last run reads as what it holds now.
    const looks = (sheet: FakeSheet) => sheet.$values().map((row, r) => row.map((_, c) => [sheet.$format(r + 1, c + 1), sheet.$fontWeight(r + 1, c + 1), sheet.$fontStyle(r + 1, c + 1)].join(' ')));
    for (const name of ['KPI', 'Risico']) expect(looks(ss.$sheet(name)), name).toEqual(looks(fresh.$sheet(name)));
    expect(ss.$sheet('Risico').$values().flat()).not.toContain('Bram');
  });

  it("keeps a relationship named '=HYPERLINK(\"x\")' text in every tab it writes", () => {
    const evil = '=HYPERLINK("x")';
    const ss = sheetWith([
      client('R1', evil, 6000, { redFlags: 'tariefdruk', known: 4, served: 1, organisation: evil }),
      client('R2', '+31 6 1234', 2000, { organisation: '+31 6 1234' }),
      client('R3', '@team', 1000, { organisation: '@team' }),
      client('R4', '-min', 1000, { organisation: '-min' }),
    ], 3);
    loadCadans(ss).refreshNow();
    for (const name of ['KPI', 'Risico', 'Relaties', 'Log', 'Historie']) expect(ss.$sheet(name).$formulaCount(), name).toBe(0);
    const risico = ss.$sheet('Risico').$values();
    expect(risico.find((r) => r[0] === 1)!.slice(1, 3)).toEqual([evil, 1]);
    expect(risico.find((r) => r[0] === 2)![1]).toBe('+31 6 1234');
    expect(risico.find((r) => r[0] === 3)![1]).toBe('-min');
    expect(risico.find((r) => r[0] === 4)![1]).toBe('@team');
    expect(ss.$sheet('Historie').$column(2)).toEqual([evil, '+31 6 1234', '-min', '@team']);
    expect(risico.find((r) => r[0] === evil)![1]).toBe(0.6);
    expect(String(risico.find((r) => r[0] === evil)![3])).toBe(`Verlies van ${evil} kost 60% van de omzet; de kasreserve van 3 maanden vaste lasten draagt dat verlies 5 maanden (reserve ÷ verloren aandeel, met kosten gelijk aan omzet)`);
    const kpi = ss.$sheet('KPI').$values();
    expect(kpi.find((r) => r[0] === 'R1' && r[3] === 'tariefdruk')!.slice(0, 3)).toEqual(['R1', evil, 'joost@bureau.nl']); // attention list
    expect(kpi.find((r) => r[0] === evil && r[1] === 4)!.slice(0, 6)).toEqual([evil, 4, 0, 0, 1, 0.25]); // penetration
  });
});
