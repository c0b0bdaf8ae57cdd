// Visible reasons in the sheet (issue 14): a cell Cadans cannot use gets a note saying why and a
// colour through one conditional-format rule of Cadans's; both go at the run after the cell is
// fixed, the team's own notes and rules stay, and the calls do not grow with the rows.

import { describe, expect, it } from 'vitest';
import { addDays, loadCadans, midnight, todayIn, workbook } from './harness';

const HEADER = ['ID', 'Naam', 'Type', 'Organisatie', 'E-mail', 'Eigenaar', 'Tier', 'Laatste contact', 'Jaaromzet', 'Plaatsingen', 'Referrals', 'Actief', 'Notities', 'Uitstellen tot', 'Volgend contact', 'Status', 'Dagen te laat'];
const LAST = 8; // H
const MARK_FORMULA = '=ISTEXT("cadans:mark")';
const DATE_NOTE =
  "⚠ Cadans: 'vorige week': geen geldige datum; verwacht bijvoorbeeld 3-2-2026, 2026-02-03 of een datumcel (jaar 1900-9999)\nVerbeter de cel; bij de volgende run haalt Cadans deze notitie en de kleur weg.";
const ID_NOTE = "⚠ Cadans: 'X99': geen relatie met dit ID in Relaties\nVerbeter de cel; bij de volgende run haalt Cadans deze notitie en de kleur weg.";

/** `relations` rows; every `badEvery`-th has `vorige week` as its last contact, the first always does. */
function team(relations: number, badEvery = 0, tz = 'Europe/Amsterdam') {
  const T = todayIn(tz);
  const rows: unknown[][] = [HEADER];
  for (let i = 1; i <= relations; i++) {
    const bad = i === 2 || (badEvery > 0 && i % badEvery === 0);
    rows.push([`R${i}`, `Relatie ${i}`, 'Klant', 'Org', '', 'joost@bureau.nl', 'ABC'[i % 3], bad ? 'vorige week' : midnight(tz, addDays(T, -i)), 1000, 1, 0, 'ja', '']);
  }
  return workbook({
    timeZone: tz,
    sheets: {
      Relaties: rows,
      Touchpoints: [['Datum', 'Relatie-ID', 'Soort'], [midnight(tz, addDays(T, -1)), 'R1', 'Bel'], [midnight(tz, addDays(T, -2)), 'X99', 'Bel']],
      Instellingen: [['Instelling', 'Waarde'], ['Taal', 'nl'], ['Team', '@bureau.nl']],
      Log: [['Tijdstip', 'Soort', 'Blad', 'Rij', 'Kolom', 'Waarde', 'Melding', 'Datum', 'Eigenaar', 'Aantal']],
    },
  });
}

function ranges(sheet: ReturnType<ReturnType<typeof workbook>['$sheet']>): string[][] {
  return sheet.conditionalRules.map((r) => r.ranges.map((range) => `${range.row},${range.column}`));
}

describe('a cell Cadans cannot read', () => {
  it('gets a note with the problem and a colour; both go at the run after the fix, and the team\'s notes stay', () => {
    const ss = team(5);
    const relaties = ss.$sheet('Relaties');
    // The team's own notes: one on the bad cell, one elsewhere.
    relaties.$setNote(3, LAST, 'Gebeld door Eva');
    relaties.$setNote(4, 2, 'Verhuist in maart');
    const cadans = loadCadans(ss);
    cadans.refreshNow();

    expect(relaties.$note(3, LAST)).toBe(`Gebeld door Eva\n\n${DATE_NOTE}`);
    expect(relaties.$note(4, 2)).toBe('Verhuist in maart');
    expect(ss.$sheet('Touchpoints').$note(3, 2)).toBe(ID_NOTE);
    // One rule of Cadans's per tab, over exactly the marked cells, in the light red of "te laat".
    const rule = relaties.conditionalRules[0];
    expect([rule.condition?.criteria, rule.condition?.args, rule.condition?.background, rule.condition?.fontColor]).toEqual(['CUSTOM_FORMULA', [MARK_FORMULA], '#f4c7c3', '#a50e0e']);
    expect(ranges(relaties)).toEqual([['3,8']]);
    expect(ranges(ss.$sheet('Touchpoints'))).toEqual([['3,2']]);

    // The owner's morning mail says why rather than "nooit", and where (issue 14).
    cadans.previewReminders();
    expect(cadans.ui.dialogs[0].html).toContain('Laatste contact onleesbaar (&#39;vorige week&#39;), zie rij 3 · Contact uiterlijk:');

    // A second run with nothing fixed changes nothing: one note, one rule.
    cadans.refreshNow();
    expect(relaties.$note(3, LAST)).toBe(`Gebeld door Eva\n\n${DATE_NOTE}`);
    expect(ranges(relaties)).toEqual([['3,8']]);

    // The team fixes the date: the next run takes Cadans's note and colour away, theirs stays.
    relaties.grid[2]![LAST - 1] = { value: midnight('Europe/Amsterdam', addDays(todayIn('Europe/Amsterdam'), -3)) };
    cadans.refreshNow();
    expect(relaties.$note(3, LAST)).toBe('Gebeld door Eva');
    expect(relaties.$note(4, 2)).toBe('Verhuist in maart');
    expect(relaties.conditionalRules).toEqual([]);
    // The Touchpoints cell is still wrong and still marked.
    expect(ss.$sheet('Touchpoints').$note(3, 2)).toBe(ID_NOTE);
    expect(ranges(ss.$sheet('Touchpoints'))).toEqual([['3,2']]);
  });

  it('keeps the team\'s conditional-format rules (the status colours) beside its own', () => {
    const ss = team(5);
    const cadans = loadCadans(ss);
    cadans.setupWorkbook();
    const before = ss.$sheet('Relaties').conditionalRules.length;
    cadans.refreshNow();
    const rules = ss.$sheet('Relaties').conditionalRules;
    expect(rules).toHaveLength(before + 1);
    expect(rules.filter((r) => r.condition?.criteria === 'CUSTOM_FORMULA')).toHaveLength(1);
  });

  it('a cell the team cleared in the last row loses its note too (the block checked is remembered)', () => {
    const ss = team(2); // the bad cell is in row 3, the last
    const cadans = loadCadans(ss);
    cadans.refreshNow();
    const relaties = ss.$sheet('Relaties');
    expect(relaties.$note(3, LAST)).toBe(DATE_NOTE);
    relaties.grid[2] = undefined; // the whole row cleared: the data range ends at row 2
    cadans.refreshNow();
    expect(relaties.$note(3, LAST)).toBe('');
    expect(relaties.conditionalRules).toEqual([]);
  });

  it('reads and writes the notes of only the cells whose mark comes, goes or changes, never the tab (issue 20)', () => {
    const ss = team(2000, 10); // 201 bad dates in Relaties (row 3 and every tenth relationship), one bad ID in Touchpoints
    const relaties = ss.$sheet('Relaties');
    const cadans = loadCadans(ss);
    const notes = () => ({
      cells: ['Range.getNote', 'Range.setNote', 'Range.getNotes', 'Range.setNotes'].map((method) => cadans.env.cellsMoved({ method })),
      rules: cadans.env.count('Sheet.setConditionalFormatRules'),
    });
    cadans.refreshNow(); // the first run creates the report tabs (and formats them) and marks 202 cells
    expect(ranges(relaties)[0]).toHaveLength(201);
    expect(relaties.$note(2001, LAST)).toBe(DATE_NOTE);
    cadans.env.reset();
    cadans.refreshNow();
    // Nothing changed: no note read or written, Cadans's colour rule left as it is.
    expect(notes()).toEqual({ cells: [0, 0, 0, 0], rules: 0 });

    // The team fixes ten dates and the ID: the notes of those eleven cells are read and written, no other.
    for (let i = 1; i <= 10; i++) relaties.grid[i * 10]![LAST - 1] = { value: midnight('Europe/Amsterdam', addDays(todayIn('Europe/Amsterdam'), -3)) };
    ss.$sheet('Touchpoints').grid[2]![1] = { value: 'R1' };
    cadans.env.reset();
    cadans.refreshNow();
    expect(notes().cells).toEqual([11, 11, 0, 0]);
    expect(relaties.$note(11, LAST)).toBe('');
    expect(relaties.$note(101, LAST)).toBe('');
    expect(relaties.$note(111, LAST)).toBe(DATE_NOTE);
    expect(ss.$sheet('Touchpoints').$note(3, 2)).toBe('');
    expect(ranges(relaties)[0]).toHaveLength(191);
    expect(ss.$sheet('Touchpoints').conditionalRules).toEqual([]);
  });

  it('cleans an earlier version\'s marks once over the block it remembered, then goes by cell list (issue 20)', () => {
    const ss = team(5);
    const relaties = ss.$sheet('Relaties');
    // Left by issue 14's Cadans: a note on a cell since fixed, and the block it checked.
    relaties.$setNote(5, LAST, `Gebeld\n\n${DATE_NOTE}`);
    const cadans = loadCadans(ss);
    cadans.project.documentProperties.map.set('cadans.marks', JSON.stringify({ Relaties: { rows: 6, columns: 17 } }));
    cadans.env.reset();
    cadans.refreshNow();
    expect(relaties.$note(5, LAST)).toBe('Gebeld');
    expect(relaties.$note(3, LAST)).toBe(DATE_NOTE);
    expect(cadans.env.cellsMoved({ method: 'Range.getNotes', tab: 'Relaties' })).toBe(6 * 17);
    cadans.env.reset();
    cadans.refreshNow();
    expect(cadans.env.cellsMoved({ method: 'Range.getNotes' }) + cadans.env.cellsMoved({ method: 'Range.getNote' })).toBe(0);
    expect(relaties.$note(3, LAST)).toBe(DATE_NOTE);
  });
});
