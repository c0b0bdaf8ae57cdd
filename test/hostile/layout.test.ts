// Hostile layouts: merged and duplicate headers, blank rows in the middle, a missing header, and
// tabs renamed or deleted. Each case runs `cadans run` on a real .xlsx for Tuesday 24-11-2026.

import { describe, expect, it } from 'vitest';
import { COL, computed, expectProblems, mergesOf, NL, relation, RELATIONS_HEADER, runOn, TOUCHPOINTS_HEADER, utc } from './workbook';

describe('merged header cells', () => {
  it("a header merged over the column beside it is read once, as the user sees it, and the merge stays", async () => {
    // The team widened "Notities" over M1:N1 and keeps a second line of notes in N, without a header
    // of its own. As in Google Sheets, only the top-left cell of a merge holds the name.
    const header = [...RELATIONS_HEADER.slice(0, 13), null, 'Volgend contact', 'Status', 'Dagen te laat'];
    const o = await runOn(
      {
        relations: {
          header,
          rows: [
            [...relation('R1', { tier: 'A', notes: 'belt terug' }).slice(0, 13), 'tweede regel', null, null, null],
            [...relation('R2', { tier: 'C', lastContact: '1-6-2026' }).slice(0, 13), 'nog een regel', null, null, null],
          ],
        },
      },
      (book) => book.getWorksheet('Relaties')!.mergeCells('M1:N1'),
    );
    expect(o.code).toBe(0);
    // No "column appears twice": the user sees one "Notities" header.
    expectProblems(o, []);
    expect(computed(o.output, 2, 'Relaties', [15, 16, 17])).toEqual([utc(2026, 11, 1), 'te laat', 23]);
    expect(computed(o.output, 3, 'Relaties', [15, 16, 17])).toEqual([utc(2026, 12, 1), 'binnenkort', 0]);
    const ws = o.output.getWorksheet('Relaties')!;
    expect(mergesOf(ws)).toEqual(['M1:N1']);
    expect([ws.getCell('M1').value, ws.getCell('M2').value, ws.getCell('N2').value, ws.getCell('N3').value]).toEqual(['Notities', 'belt terug', 'tweede regel', 'nog een regel']);
  });

  it("a note merged across Cadans's columns keeps its text; the rows are still computed", async () => {
    // R1's note spans M2:O2, over "Uitstellen tot" and "Volgend contact". Writing the next contact
    // must not go through the merge into the note.
    const o = await runOn(
      { relations: { rows: [relation('R1', { tier: 'A', notes: 'lange notitie over drie kolommen' }), relation('R2', { tier: 'B' })] } },
      (book) => book.getWorksheet('Relaties')!.mergeCells('M2:O2'),
    );
    expectProblems(o, []);
    const ws = o.output.getWorksheet('Relaties')!;
    expect(ws.getCell('M2').value).toBe('lange notitie over drie kolommen');
    expect(mergesOf(ws)).toEqual(['M2:O2']);
    expect(computed(o.output, 2).slice(1)).toEqual(['te laat', 23]);
    expect(computed(o.output, 3)).toEqual([utc(2027, 1, 1), 'op schema', 0]);
  });
});

describe('duplicate headers', () => {
  it("two Tier columns: the first is used, the second reported once with its place and left alone", async () => {
    const o = await runOn({
      relations: {
        // A second Status (a column Cadans fills) is refused instead since issue 25 (test/local/column-clash.test.ts).
        header: [...RELATIONS_HEADER, 'Tier'],
        rows: [
          [...relation('R1', { tier: 'A' }), null, null, null, 'C'],
          [...relation('R2', { tier: 'B' }), null, null, null, 'A'],
        ],
      },
    });
    expect(o.code).toBe(0);
    expectProblems(o, [
      ['Relaties', 1, 'Tier (R)', 'Tier', NL.duplicateColumn],
    ]);
    // The first Tier (G): A gives 1 Oct + 1 month, B gives 1 Oct + 3 months.
    expect(computed(o.output, 2)).toEqual([utc(2026, 11, 1), 'te laat', 23]);
    expect(computed(o.output, 3)).toEqual([utc(2027, 1, 1), 'op schema', 0]);
    const ws = o.output.getWorksheet('Relaties')!;
    expect([ws.getCell('R2').value, ws.getCell('R3').value]).toEqual(['C', 'A']);
  });
});

describe('blank rows in the middle', () => {
  it('are skipped; the rows after them are computed and reported with the row numbers the user sees', async () => {
    const o = await runOn({
      relations: {
        rows: [
          relation('R1', { tier: 'A' }), // row 2
          [], // row 3
          relation('R2', { tier: 'B' }), // row 4
          [null, '', '   '], // row 5: only spaces
          relation('R3', { lastContact: 'gisteren' }), // row 6
          [...Array(15).fill(null), 'te laat', 12], // row 7: cleared by the team, Cadans's old output left
          relation('R4', { tier: 'C', lastContact: '1-6-2026' }), // row 8
        ],
      },
    });
    expect(o.lines[1]).toBe('Relaties: 4');
    expectProblems(o, [['Relaties', 6, 'Laatste contact (H)', 'gisteren', NL.date]]);
    expect(computed(o.output, 2)).toEqual([utc(2026, 11, 1), 'te laat', 23]);
    expect(computed(o.output, 3)).toEqual([null, null, null]);
    expect(computed(o.output, 4)).toEqual([utc(2027, 1, 1), 'op schema', 0]);
    expect(computed(o.output, 5)).toEqual([null, null, null]);
    expect(computed(o.output, 6)).toEqual([utc(2026, 11, 24), 'nooit', 0]);
    // The old output of a cleared row is cleared too.
    expect(computed(o.output, 7)).toEqual([null, null, null]);
    expect(computed(o.output, 8)).toEqual([utc(2026, 12, 1), 'binnenkort', 0]);
    expect(o.output.getWorksheet('Relaties')!.getCell('C5').value).toBe('   ');
  });
});

describe('a header missing', () => {
  it('no Tier column: reported once on the header row, not per row; no row gets a next contact', async () => {
    const header = RELATIONS_HEADER.filter((h) => h !== 'Tier');
    const rows = ['R1', 'R2', 'R3'].map((id) => relation(id).filter((_, i) => i !== COL.Tier - 1));
    const o = await runOn({ relations: { header, rows } });
    expect(o.code).toBe(0);
    expectProblems(o, [['Relaties', 1, 'Tier', '', NL.missingColumn]]);
    // README: "a row with no tier gets no next contact".
    expect(o.lines[1]).toBe('Relaties: 0');
    for (const row of [2, 3, 4]) expect(computed(o.output, row, 'Relaties', [14, 15, 16])).toEqual([null, null, null]);
    // Cadans does not invent a Tier column.
    expect((o.output.getWorksheet('Relaties')!.getRow(1).values as unknown[]).slice(1)).toEqual(header);
  });

  it("Laatste contact renamed to a name Cadans does not know: reported once; each row counts as never contacted unless a touchpoint says otherwise", async () => {
    const header = RELATIONS_HEADER.map((h) => (h === 'Laatste contact' ? 'Laatst gesproken' : h));
    const o = await runOn({
      relations: { header, rows: [relation('R1', { tier: 'A' }), relation('R2', { tier: 'B' })] },
      touchpoints: { rows: [[utc(2026, 11, 10), 'R2', 'Telefoon']] },
    });
    expectProblems(o, [['Relaties', 1, 'Laatste contact', '', NL.missingColumn]]);
    expect(computed(o.output, 2)).toEqual([utc(2026, 11, 24), 'nooit', 0]);
    expect(computed(o.output, 3)).toEqual([utc(2027, 2, 10), 'op schema', 0]);
    // The renamed column is the team's now: its dates are left as they were.
    expect(o.output.getWorksheet('Relaties')!.getCell('H2').value).toEqual(utc(2026, 10, 1));
  });
});

describe('a tab renamed', () => {
  it("to its English name 'Relations': found, computed, and problems name the tab as it is called", async () => {
    const o = await runOn({ relations: { name: 'Relations', rows: [relation('R1', { tier: 'A' }), relation('R2', { lastContact: 'vorige week' })] } });
    expectProblems(o, [['Relations', 3, 'Laatste contact (H)', 'vorige week', NL.date]]);
    // KPI and Risico are Cadans's own generated tabs, created by the run.
    expect(o.output.worksheets.map((w) => w.name)).toEqual(['Relations', 'Vandaag', 'KPI', 'Risico', 'Historie', 'Kwartaal', 'Log']);
    expect(computed(o.output, 2, 'Relations')).toEqual([utc(2026, 11, 1), 'te laat', 23]);
    expect(computed(o.output, 3, 'Relations')).toEqual([utc(2026, 11, 24), 'nooit', 0]);
  });

  it("to an alias in other case and spacing (' relationships ', 'CONTACTMOMENTEN'): found", async () => {
    const o = await runOn({
      relations: { name: ' relationships ', rows: [relation('R1', { tier: 'A' })] },
      touchpoints: { name: 'CONTACTMOMENTEN', rows: [[utc(2026, 11, 20), 'R1', 'Koffie']] },
    });
    expectProblems(o, []);
    expect(computed(o.output, 2, ' relationships ')).toEqual([utc(2026, 12, 20), 'op schema', 0]);
  });

  it('to a name Cadans does not know: the tab is reported missing and left as it was', async () => {
    const o = await runOn({ relations: { name: 'Klanten', rows: [relation('R1')] } });
    expectProblems(o, [['Relaties', null, null, '', NL.missingTab]]);
    expect(o.output.getWorksheet('Klanten')!.getRow(2).getCell(COL['Volgend contact']).value).toBeNull();
    expect(o.output.worksheets.map((w) => w.name)).toEqual(['Klanten', 'Log']);
  });
});

describe('a tab deleted', () => {
  it('Touchpoints deleted: still computes from the Laatste contact cells, with no problem', async () => {
    const o = await runOn({ relations: { rows: [relation('R1', { tier: 'A', lastContact: '20-11-2026' }), relation('R2', { tier: 'C', lastContact: utc(2026, 5, 31) })] } });
    expect(o.code).toBe(0);
    expectProblems(o, []);
    expect(computed(o.output, 2)).toEqual([utc(2026, 12, 20), 'op schema', 0]);
    // 31 May + 6 months = 30 November (EDATE clamps to the month's end).
    expect(computed(o.output, 3)).toEqual([utc(2026, 11, 30), 'binnenkort', 0]);
    expect(o.output.worksheets.map((w) => w.name)).toEqual(['Relaties', 'Vandaag', 'KPI', 'Risico', 'Historie', 'Kwartaal', 'Log']);
  });

  it('Relaties deleted: one clear problem naming the tab, exit code 0 (bad data never stops the run), nothing else changed', async () => {
    const o = await runOn({ relations: null, touchpoints: { rows: [[utc(2026, 11, 20), 'R1', 'Telefoon']] }, settings: [['Taal', 'nl']] });
    // Only an unreadable file is a non-zero exit (README); a missing tab is a problem in the Log,
    // as it is in Google Sheets, where the same engine has no exit code at all.
    expect(o.code).toBe(0);
    expect(o.lines[1]).toBe('Relaties: 0');
    expectProblems(o, [['Relaties', null, null, '', NL.missingTab]]);
    // Touchpoints are not checked against a tab that is not there, and Cadans does not create it.
    expect(o.output.worksheets.map((w) => w.name)).toEqual(['Touchpoints', 'Instellingen', 'Log']);
    expect(o.output.getWorksheet('Touchpoints')!.getSheetValues()).toEqual(o.input.getWorksheet('Touchpoints')!.getSheetValues());
  });

  it('an empty Relaties tab (no header at all): every needed column reported once, no crash', async () => {
    const o = await runOn({ relations: { header: [], rows: [] }, touchpoints: { header: TOUCHPOINTS_HEADER, rows: [] } });
    expect(o.code).toBe(0);
    expectProblems(o, ['ID', 'Naam', 'Tier', 'Laatste contact'].map((c) => ['Relaties', 1, c, '', NL.missingColumn]));
  });
});
