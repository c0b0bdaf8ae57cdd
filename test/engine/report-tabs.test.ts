// The KPI tab's figures on a hand-built workbook, through the engine (refresh over an in-memory
// workbook), each against a value worked out by hand from the definitions in the README.

import { describe, expect, it } from 'vitest';
import { dayFromYmd, isoFromDay } from '../../src/core/dates';
import { refresh } from '../../src/engine/refresh';
import { asEuro, asPercent, concentrationWhy, formatLike, Grid } from '../../src/engine/report-tabs';
import { MemoryWorkbook } from '../hostile/memory-workbook';
import { intlClock } from '../../src/core/dates';

const clock = intlClock(new MemoryWorkbook({}).clock.timeZone);

const TODAY = dayFromYmd(2026, 4, 30);
const HEADER = ['ID', 'Naam', 'Type', 'Eigenaar', 'Tier', 'Laatste contact', 'Jaaromzet', 'Plaatsingen', 'Referrals', 'Actief', 'Klant sinds', 'Jaaromzet vorig jaar', 'Herhaalplaatsingen', 'Afdelingen bekend', 'Afdelingen bediend', 'Rode vlaggen', 'Kanssignalen', 'Tier-advies', 'Gezondheid', 'Waarom'];

function book() {
  return new MemoryWorkbook({
    Relaties: [
      HEADER,
      // Sanne's A client: contacts 1 Jan, 25 Jan, 10 Mar (see test/core/kpi.test.ts): Feb 1 on time, Feb 25 missed, Apr 10 missed.
      ['R1', 'Anna', 'Klant', 'sanne@b.nl', 'A', '2026-01-01', 800, 5, 4, 'ja', '2020-01-01', 700, 3, 4, 1, 'tariefdruk', 'eerste keus'],
      // Joris's B client: contact 15 Dec 2025 → due 15 Mar, contacted 20 Mar: on time.
      ['R2', 'Bram', 'Klant', 'joris@b.nl', 'B', '2025-12-15', 200, 5, 0, 'ja', '2026-02-01', 300, 0, 2, 2, '', ''],
      // A candidate of Joris, never contacted: nothing due.
      ['R3', 'Cor', 'Kandidaat', 'joris@b.nl', 'A', '', '', 2, 0, 'ja', '', '', 2, '', '', '', ''],
    ],
    Touchpoints: [
      ['Datum', 'Relatie-ID', 'Waarde-add', 'Nieuwe kans', 'Referral'],
      ['2026-01-25', 'R1', 'marktinzicht', 'ja', 'nee'],
      ['2026-03-10', 'R1', 'geen', 'nee', 'ja'],
      ['2026-03-20', 'R2', 'advies', 'ja', 'ja'],
    ],
  });
}

/** The rows of a section below its title, its explanation and its header; a date cell as an ISO day. */
function section(rows: unknown[][], title: string): unknown[][] {
  const start = rows.findIndex((r) => r[0] === title);
  expect(start, title).toBeGreaterThanOrEqual(0);
  const out: unknown[][] = [];
  for (let i = start + 3; i < rows.length && rows[i].some((v) => v !== ''); i++) {
    const row = rows[i].map((v) => (v instanceof Date ? isoFromDay(clock.dayOf(v)) : v));
    while (row.length && row[row.length - 1] === '') row.pop();
    out.push(row);
  }
  return out;
}

describe('the KPI tab on a hand-built workbook', () => {
  const workbook = book();
  const result = refresh(workbook, { today: TODAY, now: new Date(0), job: 'test' });
  const kpi = workbook.rowsOf('KPI')!;

  it('counts compliance per month, owner and tier as defined', () => {
    const months = section(kpi, 'Contactritme per maand: contactmomenten verwacht en op tijd gedaan');
    // May 2025 - Jan 2026: nothing due, so no share: said in words, not a 0% bar.
    expect(months.slice(0, 9).every((r) => r[1] === 0 && r[3] === 'geen gegevens')).toBe(true);
    expect(months.slice(9)).toEqual([
      ['feb 2026', 2, 1, 0.5],
      ['mrt 2026', 1, 1, 1],
      ['apr 2026', 1, 0, 0],
      ['Totaal', 4, 2, 0.5],
    ]);
    expect(section(kpi, 'Contactritme per eigenaar (12 maanden)')).toEqual([
      ['joris@b.nl', 1, 1, 1],
      ['sanne@b.nl', 3, 1, 0.3333],
    ]);
    expect(section(kpi, 'Contactritme per tier (12 maanden)')).toEqual([['A', 3, 1, 0.3333], ['B', 1, 1, 1], ['C', 0, 0, 'geen gegevens']]);
  });

  it('counts the activity of each month', () => {
    const activity = section(kpi, 'Activiteit per maand');
    expect(activity.slice(8)).toEqual([
      ['jan 2026', 1, 1, 1, 1, 0],
      ['feb 2026', 0, 0, 0, 0, 0],
      ['mrt 2026', 2, 1, 1, 0, 2],
      ['apr 2026', 0, 0, 0, 0, 0],
    ]);
  });

  it('gives the success indicators, penetration and attention split with their targets and marks', () => {
    expect(section(kpi, 'Succesindicatoren')).toEqual([
      // R1 (client since 2020) 800 of 1,000 with a known date.
      ['Omzet uit bestaande relaties (%)', 0.8, 'minstens 80%', '✔ op doel'],
      // Active A (issue 12: dated referrals of the last 12 months, the column only without any):
      // R1 one dated referral (10 Mar; its column's 4 is not read), R3 none dated, column 0 → 0.5.
      ['Referrals per A-relatie per jaar', 0.5, 'minstens 3', '✘ onder doel'],
      // A/B clients with revenue last year: R1, R2; both still have revenue.
      ['Behoud A- en B-klanten (%)', 1, 'minstens 90%', '✔ op doel'],
      // (3 + 0 + 2) / (5 + 5 + 2) = 5/12.
      ['Herhaalplaatsingen (%)', 0.4167, 'minstens 60%', '✘ onder doel'],
    ]);
    // Per account; without an Organisatie column each client is an account of its own, under its
    // name, with its own Afdelingen bekend / bediend. No Afdeling column: no department has a contact.
    expect(section(kpi, 'Accountpenetratie per organisatie: afdelingen met actief contact en bediend, van bekend')).toEqual([
      ['Anna', 4, 0, 0, 1, 0.25],
      ['Bram', 2, 0, 0, 2, 1],
    ]);
    // R1 client A 20 × 12 = 240, R2 client B 15 × 4 = 60, R3 candidate A 15 × 12 = 180; 480 in all.
    expect(section(kpi, 'Aandachtsverdeling: geplande minuten per tier per jaar')).toEqual([
      ['A', 420, 0.875, 0.6],
      ['B', 60, 0.125, 0.2],
      ['C', 0, 0, 0.2],
    ]);
    // Sanne 240/12/60 = 0.33 h, Joris 240/12/60 = 0.33 h.
    expect(section(kpi, 'Geplande relatie-uren per eigenaar per maand')).toEqual([['joris@b.nl', 0.3], ['sanne@b.nl', 0.3]]);
  });

  it('gives referrals of the last 12 months per tier and per owner of A relationships against 3 per A (issue 12)', () => {
    // A: R1 one dated (10 Mar), R3 none (column 0); B: R2 one dated (20 Mar).
    expect(section(kpi, 'Referrals per tier (laatste 12 maanden; doel per A-relatie uit het playbook)')).toEqual([
      ['A', 2, 1, 0.5, 'minstens 3', '✘ onder doel'],
      ['B', 1, 1, 1],
      ['C', 0, 0, 'geen gegevens'],
    ]);
    expect(section(kpi, 'Referrals per eigenaar, A-relaties (laatste 12 maanden)')).toEqual([
      ['sanne@b.nl', 1, 1, 1, 'minstens 3', '✘ onder doel'],
      ['joris@b.nl', 1, 0, 0, 'minstens 3', '✘ onder doel'],
    ]);
  });

  it('lists red flags, the portfolio review, and writes tier advice and health with their reasons', () => {
    // No 'Rode vlag sinds' column: Cadans cannot tell when the flag was raised, so it is listed.
    expect(section(kpi, 'Aandachtslijst: rode vlaggen zonder contact sindsdien')).toEqual([['R1', 'Anna', 'sanne@b.nl', 'tariefdruk', '?', '2026-03-10', 'te laat']]);
    expect(result.outcomes.map((o) => [o.relation.id, o.advice?.tier, o.health?.score])).toEqual([
      // R1: due 10 Apr, 20 days overdue of a 31-day interval: −26; flag −15; signal +5; 1 referral
      // in 12 months of the playbook's 3: round(5 × 1/3) = +2; repeat 3 of 5 = 60%, the target: +5 → 31.
      ['R1', 'A', 31],
      // R2: 200 of 1,000 comes after the first 80%: advice B, its own tier. Next 20 Jun, on
      // schedule +10; no repeat placements; value add on 20 Mar, within 3 months, +5; 1 referral +2 → 77.
      ['R2', 'B', 77],
      // R3: never −20; repeat placements 2 +5 → 45.
      ['R3', 'A', 45],
    ]);
    const relaties = workbook.rowsOf('Relaties')!;
    expect(relaties[1].slice(17, 20)).toEqual(['A', 31, 'basis 60; 20 dagen te laat −26; rode vlag tariefdruk −15; kanssignaal eerste keus +5; 1 referral in 12 maanden +2; herhaalplaatsingen 60% in 12 maanden +5']);
    // One action per relationship that needs one, the reason being what pulls its health down
    // (not its Tier or Gezondheid again); Bram (B, advice B, health 75) needs nothing (issue 14).
    expect(section(kpi, 'Portfolio-review')).toEqual([
      ['Verdiepen: A-relatie versterken', 'R1', 'Anna', 'A', 'A', 31, '20 dagen te laat −26; rode vlag tariefdruk −15'],
      ['Verdiepen: A-relatie versterken', 'R3', 'Cor', 'A', 'A', 45, 'nooit gesproken −20'],
    ]);
    expect(isoFromDay(TODAY)).toBe('2026-04-30');
  });
});

describe('the attention list with Rode vlag sinds', () => {
  function kpiWith(since: string) {
    const workbook = new MemoryWorkbook({
      Relaties: [
        ['ID', 'Naam', 'Type', 'Eigenaar', 'Tier', 'Laatste contact', 'Rode vlaggen', 'Rode vlag sinds'],
        ['R1', 'Anna', 'Klant', 'sanne@b.nl', 'A', '2026-03-10', 'tariefdruk', since],
      ],
    });
    refresh(workbook, { today: TODAY, now: new Date(0), job: 'test' });
    return workbook.sheet('KPI').readAll();
  }

  it('lists a red flag raised after the last contact: no touchpoint since', () => {
    expect(section(kpiWith('2026-03-15'), 'Aandachtslijst: rode vlaggen zonder contact sindsdien')).toEqual([['R1', 'Anna', 'sanne@b.nl', 'tariefdruk', '2026-03-15', '2026-03-10', 'te laat']]);
  });

  it('lists a red flag raised on the day of the last contact, and drops one raised before it', () => {
    expect(section(kpiWith('2026-03-10'), 'Aandachtslijst: rode vlaggen zonder contact sindsdien')).toHaveLength(1);
    expect(section(kpiWith('2026-03-01'), 'Aandachtslijst: rode vlaggen zonder contact sindsdien')).toEqual([['Geen rode vlaggen die om aandacht vragen.']]);
  });
});

describe('the concentration in plain words (issue 14)', () => {
  it('says the HHI with thousands, its level, and how many clients carry the revenue, in both languages', () => {
    // The example: HHI 2,357.8 is 4.24 effective clients.
    expect(concentrationWhy(2357.8, 4.24, 'high', 'nl')).toBe('HHI 2.358: hoge concentratie — minder dan 5 klanten dragen de omzet');
    expect(concentrationWhy(2357.8, 4.24, 'high', 'en')).toBe('HHI 2,358: high concentration — fewer than 5 clients carry the revenue');
    // Two clients at 50% each: exactly two carry it.
    expect(concentrationWhy(5000, 2, 'high', 'nl')).toBe('HHI 5.000: hoge concentratie — 2 klanten dragen de omzet');
    expect(concentrationWhy(750, 13.33, 'low', 'nl')).toBe('HHI 750: lage concentratie — minder dan 14 klanten dragen de omzet');
  });
});

describe('the format of a generated tab (the Grid)', () => {
  it('records number kinds, bold titles and headers, italic explanations, and widths from what the columns hold', () => {
    const g = new Grid();
    g.line(['KPI: gegenereerd door Cadans op 24-11-2026, een lange eerste regel die naar rechts doorloopt']);
    g.title('Klanten');
    g.note('Elke klant met zijn deel van de omzet.');
    g.header(['Naam', 'Omzet', 'Aandeel']);
    g.line(['Waterschap Rijnvallei', asEuro(186000), asPercent(0.34069)]);
    const tab = g.tab([]);
    // A blank line before the title; the share kept to 0.01%.
    expect(tab.values[5]).toEqual(['Waterschap Rijnvallei', 186000, 0.3407]);
    expect(tab.format).toEqual({
      rows: 6,
      columns: 3,
      frozenRows: 1,
      // 'Waterschap Rijnvallei' 21 × 7 + 16; '€ 186.000' 9 × 7 + 16; 'Aandeel' in bold 7 × 8 + 16.
      widths: [163, 79, 72],
      bold: [3, 5],
      italic: [4],
      numbers: [{ row: 6, column: 2, kind: 'euro' }, { row: 6, column: 3, kind: 'percent' }],
      colours: [],
    });
  });
});

describe('the format of a kept copy (formatLike)', () => {
  it("takes this build's format row by row where the labels match, and the explanation after a matched title", () => {
    const g = new Grid();
    g.line(['Kwartaal 2026-Q4']);
    g.title('Risico');
    g.note('HHI 4.600: hoge concentratie — minder dan 3 klanten dragen de omzet');
    g.header(['Maat', 'Dit kwartaal']);
    g.line(['Aandeel grootste klant', asPercent(0.6)]);
    const kept = [['Kwartaal 2026-Q3'], [], ['Risico'], ['HHI 2.358: hoge concentratie — minder dan 5 klanten dragen de omzet'], ['Maat', 'Dit kwartaal'], ['Aandeel grootste klant', 0.3407], ['Iets anders', 0.5]];
    const format = formatLike(kept, g.tab([]));
    expect([format.bold, format.italic, format.numbers, format.rows]).toEqual([[3, 5], [4], [{ row: 6, column: 2, kind: 'percent' }], 7]);
  });
});

describe('tier advice for a candidate counts dated referrals, as health does (issue 12)', () => {
  function adviceFor(referralDays: readonly string[], column: number | '') {
    const workbook = new MemoryWorkbook({
      Relaties: [HEADER, ['R9', 'Dana', 'Kandidaat', 'joris@b.nl', 'C', '2026-04-01', '', 1, column, 'ja', '', '', 0, '', '', '', '']],
      Touchpoints: [['Datum', 'Relatie-ID', 'Waarde-add', 'Nieuwe kans', 'Referral'], ...referralDays.map((d) => [d, 'R9', '', 'nee', 'ja'])],
    });
    const { outcomes } = refresh(workbook, { today: TODAY, now: new Date(0), job: 'test' });
    return outcomes[0].advice;
  }

  it('advises A after two referrals in the last 12 months, with the Referrals column empty', () => {
    expect(adviceFor(['2025-09-01', '2026-02-01'], '')).toEqual({ tier: 'A', reason: 'referrals' });
  });

  it('does not count referrals older than 12 months, nor the column when dated referrals exist', () => {
    // One within the year (1 Feb 2026), one before it (1 Apr 2025); the column's 5 is history typed by hand.
    expect(adviceFor(['2025-04-01', '2026-02-01'], 5)).toEqual({ tier: 'C', reason: 'fewPlacements' });
    // Without any dated referral the column still counts.
    expect(adviceFor([], 5)).toEqual({ tier: 'A', reason: 'referrals' });
  });
});
