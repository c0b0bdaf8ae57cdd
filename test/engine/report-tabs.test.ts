// The KPI tab's figures on a hand-built workbook, through the engine (refresh over an in-memory
// workbook), each against a value worked out by hand from the definitions in the README.

import { describe, expect, it } from 'vitest';
import { dayFromYmd, isoFromDay } from '../../src/core/dates';
import { refresh } from '../../src/engine/refresh';
import { MemoryWorkbook } from '../hostile/memory-workbook';

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

function section(rows: unknown[][], title: string): unknown[][] {
  const start = rows.findIndex((r) => r[0] === title);
  expect(start, title).toBeGreaterThanOrEqual(0);
  const out: unknown[][] = [];
  for (let i = start + 2; i < rows.length && rows[i].some((v) => v !== ''); i++) {
    const row = [...rows[i]];
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
    const months = section(kpi, 'Cadans-naleving per maand: touchpoints verwacht en op tijd gedaan');
    expect(months.slice(0, 9).every((r) => r[1] === 0)).toBe(true); // May 2025 - Jan 2026
    expect(months.slice(9)).toEqual([
      ['feb 2026', 2, 1, 50],
      ['mrt 2026', 1, 1, 100],
      ['apr 2026', 1, 0, 0],
      ['Totaal', 4, 2, 50],
    ]);
    expect(section(kpi, 'Naleving per eigenaar (12 maanden)')).toEqual([
      ['joris@b.nl', 1, 1, 100],
      ['sanne@b.nl', 3, 1, 33.3],
    ]);
    expect(section(kpi, 'Naleving per tier (12 maanden)')).toEqual([['A', 3, 1, 33.3], ['B', 1, 1, 100], ['C', 0, 0]]);
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
      ['Omzet uit bestaande relaties (%)', 80, '≥ 80', '✔ op doel'],
      // Active A: R1 4 referrals, R3 0 → 2.
      ['Referrals per A-relatie per jaar', 2, '≥ 3', '✘ onder doel'],
      // A/B clients with revenue last year: R1, R2; both still have revenue.
      ['Behoud A- en B-klanten (%)', 100, '≥ 90', '✔ op doel'],
      // (3 + 0 + 2) / (5 + 5 + 2) = 5/12.
      ['Herhaalplaatsingen (%)', 41.7, '≥ 60', '✘ onder doel'],
    ]);
    // Per account; without an Organisatie column each client is an account of its own, under its
    // name, with its own Afdelingen bekend / bediend. No Afdeling column: no department has a contact.
    expect(section(kpi, 'Accountpenetratie per organisatie: afdelingen met actief contact en bediend, van bekend')).toEqual([
      ['Anna', 4, 0, 0, 1, 25],
      ['Bram', 2, 0, 0, 2, 100],
    ]);
    // R1 client A 20 × 12 = 240, R2 client B 15 × 4 = 60, R3 candidate A 15 × 12 = 180; 480 in all.
    expect(section(kpi, 'Aandachtsverdeling: geplande minuten per tier per jaar')).toEqual([
      ['A', 420, 87.5, 60],
      ['B', 60, 12.5, 20],
      ['C', 0, 0, 20],
    ]);
    // Sanne 240/12/60 = 0.33 h, Joris 240/12/60 = 0.33 h.
    expect(section(kpi, 'Geplande relatie-uren per eigenaar per maand')).toEqual([['joris@b.nl', 0.3], ['sanne@b.nl', 0.3]]);
  });

  it('lists red flags, the portfolio review, and writes tier advice and health with their reasons', () => {
    // No 'Rode vlag sinds' column: Cadans cannot tell when the flag was raised, so it is listed.
    expect(section(kpi, 'Aandachtslijst: rode vlaggen zonder contact sindsdien')).toEqual([['R1', 'Anna', 'sanne@b.nl', 'tariefdruk', '?', '10-03-2026', 'te laat']]);
    expect(result.outcomes.map((o) => [o.relation.id, o.advice?.tier, o.health?.score])).toEqual([
      // R1: due 10 Apr, 20 days overdue of a 31-day interval: −26; flag −15; signal +5; referrals +5; repeat +5 → 34.
      ['R1', 'A', 34],
      // R2: 200 of 1,000 comes after the first 80%: advice B, its own tier. Next 20 Jun, on
      // schedule +10; no repeat placements; value add on 20 Mar, within 3 months, +5 → 75.
      ['R2', 'B', 75],
      // R3: never −20; repeat placements 2 +5 → 45.
      ['R3', 'A', 45],
    ]);
    const relaties = workbook.rowsOf('Relaties')!;
    expect(relaties[1].slice(17, 20)).toEqual(['A', 34, 'basis 60; 20 dagen te laat −26; rode vlag tariefdruk −15; kanssignaal eerste keus +5; 4 referrals +5; 3 herhaalplaatsingen +5']);
    // One action per relationship that needs one, the reason being what pulls its health down
    // (not its Tier or Gezondheid again); Bram (B, advice B, health 75) needs nothing (issue 14).
    expect(section(kpi, 'Portfolio-review')).toEqual([
      ['Verdiepen: A-relatie weer op peil brengen', 'R1', 'Anna', 'A', 'A', 34, '20 dagen te laat −26; rode vlag tariefdruk −15'],
      ['Verdiepen: A-relatie weer op peil brengen', 'R3', 'Cor', 'A', 'A', 45, 'nooit gesproken −20'],
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
    expect(section(kpiWith('2026-03-15'), 'Aandachtslijst: rode vlaggen zonder contact sindsdien')).toEqual([['R1', 'Anna', 'sanne@b.nl', 'tariefdruk', '15-03-2026', '10-03-2026', 'te laat']]);
  });

  it('lists a red flag raised on the day of the last contact, and drops one raised before it', () => {
    expect(section(kpiWith('2026-03-10'), 'Aandachtslijst: rode vlaggen zonder contact sindsdien')).toHaveLength(1);
    expect(section(kpiWith('2026-03-01'), 'Aandachtslijst: rode vlaggen zonder contact sindsdien')).toEqual([['Geen rode vlaggen die om aandacht vragen.']]);
  });
});
