// Nothing lost: a workbook whose every other column is full of the team's values, formulas, long
// text and formula-like text is compared cell by cell before and after a run. Only Volgend contact,
// Status and Dagen te laat, the Vandaag setting and Cadans's own Log may change.

import type ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { cellsOf, computed, NL, type Outcome, runOn, utc } from './workbook';

const LONG = `Verslag: ${'zeer uitgebreide notitie, '.repeat(2000)}`.slice(0, 50_000);

/** The team's own kinds of cell, one per row of a user column. */
function teamCell(row: number, col: string): ExcelJS.CellValue {
  const kinds: ExcelJS.CellValue[] = [
    `tekst ${col}${row}`,
    row * 1000 + 0.25,
    utc(2025, (row % 12) + 1, row),
    row % 2 === 0,
    { formula: `LEN(A${row})`, result: 4 } as ExcelJS.CellValue,
    { formula: `B${row}&"!"`, result: `Relatie ${row}!` } as ExcelJS.CellValue,
    { richText: [{ text: 'vet ', font: { bold: true } }, { text: 'en gewoon' }] } as ExcelJS.CellValue,
    { text: 'website', hyperlink: 'https://bureau.example/' } as ExcelJS.CellValue,
    { error: '#N/A' } as ExcelJS.CellValue,
    LONG,
    '=SUM(1,2)',
    '+31 30 123 4567',
    '-- vervallen',
    '@team',
  ];
  return kinds[(row + col.charCodeAt(0)) % kinds.length];
}

// The team's layout: Cadans's columns are split up and the team's own columns sit in between, one
// without a header, right of everything.
const HEADER = ['Naam', 'ID', 'Score (eigen)', 'Tier', 'Laatste contact', 'Volgend contact', 'Opmerking intern', 'Status', 'Eigenaar', 'Dagen te laat', 'Actief', 'Notities', 'Formule (eigen)', null];
const OWN = new Set(['C', 'G', 'M', 'N']);
const COMPUTED = new Set(['F', 'H', 'J']);
const ROWS = 14;

async function teamWorkbook(): Promise<Outcome> {
  const rows = Array.from({ length: ROWS }, (_, i) => {
    const r = i + 2;
    const lastContact: ExcelJS.CellValue[] = [utc(2026, 10, r), `${r}-9-2026`, '', 'vorige week'];
    return [
      `Relatie ${r}`,
      `R${r}`,
      teamCell(r, 'C'),
      ['A', 'B', 'C', 'a-klant'][r % 4],
      lastContact[r % 4],
      // Old output of an earlier run, and the team's notes typed into Cadans's columns.
      r % 3 === 0 ? utc(2020, 1, 1) : null,
      teamCell(r, 'G'),
      r % 3 === 0 ? 'oude status' : null,
      'sanne@bureau.nl',
      r % 3 === 0 ? 999 : null,
      r % 5 === 0 ? 'nee' : 'ja',
      r === 4 ? LONG : teamCell(r, 'L'),
      teamCell(r, 'M'),
      teamCell(r, 'N'),
    ];
  });
  return runOn(
    {
      relations: { header: HEADER, rows },
      touchpoints: {
        header: ['Datum', 'Relatie-ID', 'Soort', 'Duur (min)', 'Eigenaar', 'Notities', 'Locatie (eigen)'],
        rows: [
          [utc(2026, 11, 20), 'R2', 'Telefoon', 15, 'sanne@bureau.nl', '=geen formule', { formula: 'UPPER("utrecht")', result: 'UTRECHT' }],
          [utc(2026, 11, 2), 'R404', 'Koffie', 30, 'sanne@bureau.nl', LONG, '@kantoor'],
        ],
      },
      settings: [
        ['Taal', 'nl'],
        ['Vandaag', utc(2020, 1, 1)],
        ['Maanden tussen contact, tier A', 1],
      ],
    },
    (book) => {
      // A tab of the team's own that refers to Relaties, and an explanation column in Instellingen.
      const own = book.addWorksheet('Analyse');
      own.addRow(['Aantal', { formula: 'COUNTA(Relaties!B:B)-1', result: ROWS }]);
      own.addRow(['Te laat', { formula: 'COUNTIF(Relaties!H:H,"te laat")', result: 3 }]);
      own.getCell('A4').value = '=niet uitrekenen';
      const settings = book.getWorksheet('Instellingen')!;
      settings.getCell('C3').value = 'wordt elke run bijgewerkt';
      settings.getCell('D2').value = { formula: 'B2&"?"', result: 'nl?' } as ExcelJS.CellValue;
    },
  );
}

describe("a run on a workbook full of the team's own cells", () => {
  let o: Outcome;

  it('runs, computes and reports', async () => {
    o = await teamWorkbook();
    expect(o.code).toBe(0);
    expect(o.problems).toEqual([
      ...[3, 7, 11, 15].map((row) => `Relaties, rij ${row}, Laatste contact (E): 'vorige week': ${NL.date}`),
      `Touchpoints, rij 3, Relatie-ID (B): 'R404': ${NL.unknownRelation}`,
    ]);
    const at = (row: number) => computed(o.output, row, 'Relaties', [6, 8, 10]);
    // Row 2: tier C, no Laatste contact, but a touchpoint on 20 Nov: + 6 months.
    expect(at(2)).toEqual([utc(2027, 5, 20), 'op schema', 0]);
    // Row 3: tier a-klant, 'vorige week' cannot be read: never contacted, due today.
    expect(at(3)).toEqual([utc(2026, 11, 24), 'nooit', 0]);
    // Row 4: tier A, 4 Oct + 1 month.
    expect(at(4)).toEqual([utc(2026, 11, 4), 'te laat', 20]);
    // Rows 6 and 9 held an old run's output (and 999 days overdue): replaced.
    expect(at(6)).toEqual([utc(2026, 11, 24), 'nooit', 0]);
    expect(at(9)).toEqual([utc(2026, 12, 9), 'op schema', 0]);
    // Row 10: Actief nee.
    expect(at(10)).toEqual([null, 'inactief', null]);
  });

  it('leaves every cell outside Volgend contact, Status and Dagen te laat exactly as it was', () => {
    const before = cellsOf(o.input.getWorksheet('Relaties'));
    const after = cellsOf(o.output.getWorksheet('Relaties'));
    const changed = [...new Set([...before.keys(), ...after.keys()])].filter((address) => {
      const [, col, row] = /^([A-Z]+)(\d+)$/.exec(address)!;
      if (COMPUTED.has(col) && Number(row) > 1) return false;
      return JSON.stringify(before.get(address)) !== JSON.stringify(after.get(address));
    });
    expect(changed).toEqual([]);
    // The comparison saw the team's columns in full, long notes included.
    expect([...before.keys()].filter((a) => OWN.has(a.replace(/\d+$/, ''))).length).toBe(4 * ROWS + 3);
    expect(after.get('L4')!.value).toBe(LONG);
  });

  it('leaves the Touchpoints tab and the team’s own tab exactly as they were', () => {
    for (const tab of ['Touchpoints', 'Analyse']) {
      expect(Object.fromEntries(cellsOf(o.output.getWorksheet(tab))), tab).toEqual(Object.fromEntries(cellsOf(o.input.getWorksheet(tab))));
    }
  });

  it('changes only the Vandaag value in Instellingen', () => {
    const before = Object.fromEntries(cellsOf(o.input.getWorksheet('Instellingen')));
    const after = Object.fromEntries(cellsOf(o.output.getWorksheet('Instellingen')));
    expect(after.B3.value).toEqual(utc(2026, 11, 24));
    delete before.B3;
    delete after.B3;
    expect(after).toEqual(before);
  });

  it('keeps the tabs in their order and adds only its generated Vandaag, KPI, Risico, Historie and Kwartaal tabs and the Log', () => {
    expect(o.output.worksheets.map((w) => w.name)).toEqual(['Relaties', 'Touchpoints', 'Instellingen', 'Analyse', 'Vandaag', 'KPI', 'Risico', 'Historie', 'Kwartaal', 'Log']);
  });
});
