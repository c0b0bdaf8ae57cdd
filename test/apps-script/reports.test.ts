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
    expect(section(risico, 'Concentratie (als CONCENTRATION)')).toEqual([
      ['HHI', 5000],
      ['Aandeel grootste klant (%)', 50],
      ['Aandeel top 5 (%)', 100],
      ['Effectief aantal klanten', 2],
      ['Oordeel', 'hoog'],
    ]);
    expect(section(risico, 'Klantorganisaties op omzet, grootste eerst').slice(1)).toEqual([
      ['#', 'Organisatie', 'Contactpersonen', 'Omzet', 'Omzet uit', 'Aandeel (%)', 'Cumulatief (%)', 'Sleutelklant (≥ 20%)', 'Significant (≥ 10%)'],
      [1, 'Org R1', 1, 50000, 'contactrijen', 50, 50, 'ja', 'ja'],
      [2, 'Org R2', 1, 50000, 'contactrijen', 50, 100, 'ja', 'ja'],
    ]);
    expect(section(risico, 'Stresstest per sleutelklant')).toEqual([
      ['Klant', 'Verlies omzet (%)', 'Kasreserve draagt (maanden)', 'Toelichting'],
      ['Org R1', 50, 6, 'Verlies van Org R1 kost 50% van de omzet; de kasreserve van 3 maanden vaste lasten draagt dat verlies 6 maanden (reserve ÷ verloren aandeel, met kosten gelijk aan omzet)'],
      ['Org R2', 50, 6, 'Verlies van Org R2 kost 50% van de omzet; de kasreserve van 3 maanden vaste lasten draagt dat verlies 6 maanden (reserve ÷ verloren aandeel, met kosten gelijk aan omzet)'],
    ]);
    expect(section(risico, 'Onafhankelijkheid')).toEqual([
      ['Indicator', 'Waarde', 'Doel', 'Oordeel'],
      ['Vooruit geboekt (dagen)', 'onbekend', '≥ 30 (30-60)', '? onbekend'],
      ['Geen sleutelklantrisico: grootste klant (%)', 50, '< 20', '✘ onder doel'],
      ['Terugkerende omzet: 12 × retainer ÷ omzet (%)', 0, '—', 'geen doel'],
      ['Kasreserve (maanden)', 3, '≥ 3 (6)', '~ voldoende'],
      ['Voorstellen per week (laatste 13 weken, uit Pipeline)', 'onbekend', '≥ 1', '? onbekend'],
    ]);
  });

  it('agency B, 5 clients making 50% and 10 sharing 50%: HHI 750, 13.3 effective clients, no key client', () => {
    const rows = [...Array.from({ length: 5 }, (_, i) => client(`G${i + 1}`, `Groot ${i + 1}`, 100_000)), ...Array.from({ length: 10 }, (_, i) => client(`K${String(i + 1).padStart(2, '0')}`, `Klein ${String(i + 1).padStart(2, '0')}`, 50_000))];
    const ss = sheetWith(rows);
    loadCadans(ss).refreshNow();
    const risico = ss.$sheet('Risico');
    expect(section(risico, 'Concentratie (als CONCENTRATION)').map((r) => r.slice(0, 2))).toEqual([
      ['HHI', 750],
      ['Aandeel grootste klant (%)', 10],
      ['Aandeel top 5 (%)', 50],
      ['Effectief aantal klanten', 13.3],
      ['Oordeel', 'laag'],
    ]);
    const clients = section(risico, 'Klantorganisaties op omzet, grootste eerst').slice(2);
    expect(clients).toHaveLength(15);
    expect(clients.map((r) => [r[1], r[5], r[6], r[7] ?? '', r[8] ?? '']).slice(3, 7)).toEqual([
      ['Org G4', 10, 40, '', 'ja'],
      ['Org G5', 10, 50, '', 'ja'],
      ['Org K01', 5, 55, '', ''],
      ['Org K02', 5, 60, '', ''],
    ]);
    expect(section(risico, 'Stresstest per sleutelklant')[1]).toEqual(['Geen sleutelklanten (geen klant boven 20% van de omzet).']);
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
      expect(column.options.title).toBe('Cadans-naleving per maand (%)');
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

  it('leaves nothing of a longer earlier run behind: the rebuilt tab equals a fresh one', () => {
    const ss = sheetWith([client('R1', 'Anna', 10), client('R2', 'Bram', 20), client('R3', 'Chris', 30)]);
    loadCadans(ss).refreshNow();
    // The team deletes two relationships; the next run rebuilds the tabs in place.
    ss.$sheet('Relaties').grid.length = 2;
    loadCadans(ss).refreshNow();
    const fresh = sheetWith([client('R1', 'Anna', 10)]);
    loadCadans(fresh).refreshNow();
    for (const name of ['KPI', 'Risico']) expect(ss.$sheet(name).$values(), name).toEqual(fresh.$sheet(name).$values());
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
    expect(risico.find((r) => r[0] === evil)![1]).toBe(60);
    expect(String(risico.find((r) => r[0] === evil)![3])).toBe(`Verlies van ${evil} kost 60% van de omzet; de kasreserve van 3 maanden vaste lasten draagt dat verlies 5 maanden (reserve ÷ verloren aandeel, met kosten gelijk aan omzet)`);
    const kpi = ss.$sheet('KPI').$values();
    expect(kpi.find((r) => r[0] === 'R1' && r[3] === 'tariefdruk')!.slice(0, 3)).toEqual(['R1', evil, 'joost@bureau.nl']); // attention list
    expect(kpi.find((r) => r[0] === evil && r[1] === 4)!.slice(0, 6)).toEqual([evil, 4, 0, 0, 1, 25]); // penetration
  });
});
