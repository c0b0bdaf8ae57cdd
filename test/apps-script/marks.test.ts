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

  it('marks every bad cell with the same number of calls for 10 rows (1 bad) as for 2,000 (200 bad)', () => {
    const calls = (relations: number, badEvery: number) => {
      const ss = team(relations, badEvery);
      const cadans = loadCadans(ss);
      cadans.refreshNow(); // the first run creates the report tabs
      cadans.env.reset();
      cadans.refreshNow();
      return { ss, byMethod: cadans.env.byMethod() };
    };
    const small = calls(10, 0);
    const large = calls(2000, 10);
    const relaties = large.ss.$sheet('Relaties');
    expect(ranges(relaties)[0]).toHaveLength(201);
    expect(relaties.$note(2001, LAST)).toBe(DATE_NOTE);
    for (const m of ['Range.getNotes', 'Range.setNotes', 'Sheet.getConditionalFormatRules', 'Sheet.setConditionalFormatRules', 'Sheet.getRangeList', 'RangeList.getRanges']) {
      expect([m, large.byMethod[m]]).toEqual([m, small.byMethod[m]]);
    }
    expect(small.byMethod['Range.getNotes']).toBe(2); // Relaties and Touchpoints, one block each
    expect(large.byMethod).toEqual(small.byMethod);
  });
});
