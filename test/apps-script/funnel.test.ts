// The KPI tab's pipeline funnel through the bundle (issue 13), on a workbook with a year of
// Pipeline-historie: requests per month, the funnel and conversion per step over the last 12
// months, median days per stage, stalled prospects per owner, and the funnel chart (a column
// chart in Sheets, which has no funnel chart).

import { describe, expect, it } from 'vitest';
import { loadCadans, midnight, workbook } from './harness';

const HEADER = ['Organisatie', 'Contactpersoon', 'Eigenaar', 'Fase', 'Fase sinds', 'Binnengekomen'];
const HISTORY = ['Datum', 'Organisatie', 'Van', 'Naar', 'Bron'];

/** Sections of a generated tab: the rows under a title and its one-line explanation, up to the next empty row. */
function section(values: unknown[][], title: string): unknown[][] {
  const start = values.findIndex((r) => String(r[0]).startsWith(title));
  expect(start, title).toBeGreaterThan(-1);
  const out: unknown[][] = [];
  for (let i = start + 2; i < values.length && values[i].some((c) => c !== ''); i++) {
    const row = [...values[i]];
    while (row.length > 0 && row[row.length - 1] === '') row.pop();
    out.push(row);
  }
  return out;
}

describe.each(['Pacific/Auckland', 'America/Los_Angeles'])('the KPI funnel in a spreadsheet in %s, on Tuesday 1 December 2026', (tz) => {
  const d = (iso: string) => midnight(tz, iso);
  const now = new Date(d('2026-12-01').getTime() + 12 * 3_600_000);
  // The core test's hand-made history: P5 went cold before the window (2 Dec 2025 - 1 Dec 2026).
  const history = [
    ['2026-01-05', 'P1', '', 'koud'], ['2026-01-15', 'P1', 'koud', 'warm'], ['2026-02-14', 'P1', 'warm', 'heet'], ['2026-03-16', 'P1', 'heet', 'klant'],
    ['2026-02-01', 'P2', '', 'koud'], ['2026-02-21', 'P2', 'koud', 'warm'], ['2026-04-01', 'P2', 'warm', 'afgehaakt'],
    ['2026-03-01', 'P3', '', 'koud'], ['2026-03-05', 'P3', 'koud', 'afgewezen'],
    ['2026-04-01', 'P4', '', 'warm'], ['2026-04-11', 'P4', 'warm', 'heet'], ['2026-05-11', 'P4', 'heet', 'klant'], ['2026-11-07', 'P4', 'klant', 'vaste klant'],
    ['2025-06-01', 'P5', '', 'koud'], ['2025-12-10', 'P5', 'koud', 'warm'],
  ].sort((a, b) => a[0].localeCompare(b[0])).map(([date, org, from, to]) => [d(date), org, from, to, 'wijziging in blad']);
  const pipeline = [
    HEADER,
    ['P1', '', 'sanne@bureau.nl', 'klant', d('2026-03-16'), d('2026-01-05')],
    ['P2', '', 'sanne@bureau.nl', 'afgehaakt', d('2026-04-01'), d('2026-01-28')],
    ['P3', '', 'joris@bureau.nl', 'afgewezen', d('2026-03-05'), d('2026-03-01')],
    ['P4', '', 'joris@bureau.nl', 'vaste klant', d('2026-11-07'), d('2026-03-31')],
    ['P5', '', 'joris@bureau.nl', 'warm', d('2025-12-10'), d('2025-05-20')],
  ];

  function run(settings: unknown[][] = []) {
    const ss = workbook({
      timeZone: tz,
      sheets: {
        Relaties: [['ID', 'Naam', 'Tier', 'Laatste contact'], ['R1', 'Anna', 'A', d('2026-11-20')]],
        Instellingen: [['Instelling', 'Waarde'], ['Taal', 'nl'], ...settings],
        Pipeline: pipeline,
        'Pipeline-historie': [HISTORY, ...history],
      },
    });
    loadCadans(ss, { now }).refreshNow();
    return ss;
  }

  it('counts requests per month over the last 12 months from Binnengekomen', () => {
    const kpi = run().$sheet('KPI').$values();
    expect(section(kpi, 'Pipeline: aanvragen per maand')).toEqual([
      ['Maand', 'Aanvragen'],
      ['jan 2026', 2], ['feb 2026', 0], ['mrt 2026', 2], ['apr 2026', 0], ['mei 2026', 0], ['jun 2026', 0],
      ['jul 2026', 0], ['aug 2026', 0], ['sep 2026', 0], ['okt 2026', 0], ['nov 2026', 0], ['dec 2026', 0],
    ]);
  });

  it('shows the funnel, the conversion per step and the median days per stage from the history', () => {
    const ss = run();
    const kpi = ss.$sheet('KPI').$values();
    expect(section(kpi, 'Pipeline: trechter')).toEqual([
      ['Fase', 'Bereikt', 'Deel van koud (%)', 'Door naar volgende fase', 'Conversie naar volgende (%)'],
      ['koud', 5, 1, 4, 0.8],
      ['warm', 4, 0.8, 2, 0.5],
      ['heet', 2, 0.4, 2, 1],
      ['klant', 2, 0.4, 1, 0.5],
      ['vaste klant', 1, 0.2],
    ]);
    expect(section(kpi, 'Pipeline: mediaan')).toEqual([['Fase', 'Mediaan dagen'], ['koud', 15], ['warm', 30], ['heet', 30], ['klant', 180]]);
    // Nothing was changed unseen: the history is as it was.
    expect(ss.$sheet('Pipeline-historie').$lastRow()).toBe(history.length + 1);
    const funnel = ss.$sheet('KPI').charts.find((c) => c.state.options.title === 'Trechter: deel van de prospects dat elke fase bereikte (%)')!;
    const header = kpi.findIndex((r) => r[0] === 'Fase' && r[1] === 'Bereikt') + 1;
    expect(funnel.state.type).toBe('COLUMN');
    expect(funnel.state.ranges.map((r) => [r.row, r.column, r.numRows, r.numColumns])).toEqual([[header, 1, 6, 1], [header, 3, 6, 1]]);
  });

  it('lists stalled prospects per owner', () => {
    const kpi = run().$sheet('KPI').$values();
    expect(section(kpi, 'Pipeline: stilgevallen prospects per eigenaar')).toEqual([['Eigenaar', 'Stilgevallen', 'Open prospects'], ['joris@bureau.nl', 1, 1]]);
  });

  it('shows requests per year against 52 on the Risico scorecard, and warns when booked-ahead days and proposals are both short', () => {
    const quiet = run().$sheet('Risico').$values();
    const scorecard = section(quiet, 'Onafhankelijkheid');
    expect(scorecard.slice(-2)).toEqual([
      ['Voorstellen verstuurd (Pipeline, laatste 13 weken)', '0 in 13 weken', 'minstens 1 per week (13 in 13 weken)', '✘ onder doel'],
      ['Aanvragen per jaar (Pipeline, laatste 12 maanden)', 4, 'minstens 52', '✘ onder doel'],
    ]);
    const busy = run([['Vooruit geboekt (dagen)', 20]]).$sheet('Risico').$values();
    expect(section(busy, 'Onafhankelijkheid').at(-1)).toEqual([
      'Waarschuwing: 20 dagen vooruit geboekt (minimum 30) en 0 voorstellen in de laatste 13 weken (doel: 13). Een verkoop duurt twee tot drie maanden (de gids): verkoop nu, ook al is het druk.',
    ]);
    // An empty Pipeline tells nothing yet: unknown, not "below target".
    const empty = workbook({ timeZone: tz, sheets: { Relaties: [['ID', 'Naam', 'Tier', 'Laatste contact'], ['R1', 'Anna', 'A', d('2026-11-20')]], Pipeline: [HEADER] } });
    loadCadans(empty, { now }).refreshNow();
    expect(section(empty.$sheet('Risico').$values(), 'Onafhankelijkheid').slice(-2)).toEqual([
      ['Voorstellen verstuurd (Pipeline, laatste 13 weken)', 'onbekend', 'minstens 1 per week (13 in 13 weken)', '? onbekend'],
      ['Aanvragen per jaar (Pipeline, laatste 12 maanden)', 'onbekend', 'minstens 52', '? onbekend'],
    ]);
    const booked = run([['Vooruit geboekt (dagen)', 45]]).$sheet('Risico').$values();
    expect(section(booked, 'Onafhankelijkheid').at(-1)![0]).toBe('Aanvragen per jaar (Pipeline, laatste 12 maanden)');
  });
});
