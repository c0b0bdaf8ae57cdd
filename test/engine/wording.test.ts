// The words a team reads in Relaties (Waarom, Status) and in the portfolio review (issue 14), on a
// hand-built workbook through the engine: exact strings, singular and plural included.

import { describe, expect, it } from 'vitest';
import { dayFromYmd } from '../../src/core/dates';
import { refresh } from '../../src/engine/refresh';
import { fill } from '../../src/i18n/catalogue';
import { MemoryWorkbook } from '../hostile/memory-workbook';

const TODAY = dayFromYmd(2026, 4, 30);
const HEADER = ['ID', 'Naam', 'Type', 'Eigenaar', 'Tier', 'Laatste contact', 'Jaaromzet', 'Plaatsingen', 'Referrals', 'Herhaalplaatsingen', 'Kanssignalen', 'Status', 'Tier-advies', 'Gezondheid', 'Waarom'];

function run() {
  const workbook = new MemoryWorkbook({
    Relaties: [
      HEADER,
      // A healthy A client (the largest revenue): nothing to do, so not in the review.
      ['R1', 'Anna', 'Klant', 'sanne@b.nl', 'A', '2026-04-20', 9000, 4, 0, 0, 'eerste keus'],
      // A B candidate with 3 repeat placements and 1 referral: the criteria say A.
      ['R2', 'Bram', 'Kandidaat', 'sanne@b.nl', 'B', '2026-04-01', '', 5, 1, 3, ''],
      // An A candidate with 1 placement: the criteria say C.
      ['R3', 'Cor', 'Kandidaat', 'joris@b.nl', 'A', '2026-04-25', '', 1, 0, 0, ''],
      // A C client with little revenue, never contacted.
      ['R4', 'Dina', 'Klant', 'joris@b.nl', 'C', '', 100, 0, 0, 0, ''],
      // An A client, 1 day overdue (due 29 Apr) but for that fine, with one referral and one repeat placement.
      ['R5', 'Eva', 'Klant', 'joris@b.nl', 'A', '2026-03-29', 8000, 2, 1, 1, ''],
      // A B client due within the window (due 5 May): binnenkort, and on time all the same.
      ['R6', 'Fer', 'Klant', 'joris@b.nl', 'B', '2026-02-05', 900, 0, 0, 0, ''],
    ],
  });
  refresh(workbook, { today: TODAY, now: new Date(0), job: 'test' });
  return workbook;
}

function section(rows: unknown[][], title: string): unknown[][] {
  const start = rows.findIndex((r) => r[0] === title);
  expect(start, title).toBeGreaterThanOrEqual(0);
  const out: unknown[][] = [];
  // The title, its one-line explanation, the header, then the rows.
  for (let i = start + 3; i < rows.length && rows[i].some((v) => v !== ''); i++) {
    const row = [...rows[i]];
    while (row.length && row[row.length - 1] === '') row.pop();
    out.push(row);
  }
  return out;
}

describe('Waarom and Status on Relaties', () => {
  it('say "op tijd" on a row due soon, and count in the singular where the count is 1', () => {
    const rows = run().rowsOf('Relaties')!.slice(1).map((r) => [r[0], r[11], r[14]]);
    expect(rows).toEqual([
      ['R1', 'op schema', 'basis 60; op tijd +10; kanssignaal eerste keus +5'],
      ['R2', 'op schema', 'basis 60; op tijd +10; 1 referral in 12 maanden +2; herhaalplaatsingen 60% in 12 maanden +5'],
      ['R3', 'op schema', 'basis 60; op tijd +10'],
      ['R4', 'nooit', 'basis 60; nooit gesproken −20'],
      ['R5', 'te laat', 'basis 60; 1 dag te laat −1; 1 referral in 12 maanden +2; herhaalplaatsingen 50% in 12 maanden +4'],
      ['R6', 'binnenkort', 'basis 60; op tijd +10'],
    ]);
  });
});

describe('the portfolio review', () => {
  it('puts each relationship that needs an action under one heading naming it, with a reason that adds to the row', () => {
    expect(section(run().rowsOf('KPI')!, 'Portfolio-review')).toEqual([
      ['Opwaarderen: tier omhoog', 'R2', 'Bram', 'B', 'A', 77, '3 herhaalplaatsingen (A vanaf 2)'],
      // Eva is an A at health 65 (below 70, Cadans's line): deepen, for what pulls it down. Anna, an A at 75, needs nothing.
      ['Verdiepen: A-relatie versterken', 'R5', 'Eva', 'A', 'A', 65, '1 dag te laat −1'],
      ['Afschalen: tier omlaag', 'R3', 'Cor', 'A', 'C', 70, '1 plaatsing (B vanaf 2)'],
      ['Heroverwegen: houden of loslaten', 'R4', 'Dina', 'C', 'C', 40, 'nooit gesproken −20'],
    ]);
  });
});

describe("the catalogue's fill", () => {
  it('picks the singular for exactly 1, the plural for every other count', () => {
    const t = '{n} {n|referral|referrals}, {m} {m|relatie wacht|relaties wachten}';
    expect(fill(t, { n: 1, m: 0 })).toBe('1 referral, 0 relaties wachten');
    expect(fill(t, { n: 2, m: 1 })).toBe('2 referrals, 1 relatie wacht');
    expect(fill(t, { n: '1', m: 1.5 })).toBe('1 referral, 1.5 relaties wachten');
    // A key not given stays as written, so a missing parameter shows.
    expect(fill('{x|a|b}', {})).toBe('{x|a|b}');
  });
});
