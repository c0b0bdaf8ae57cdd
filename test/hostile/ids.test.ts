// Hostile IDs: the same ID on several rows, rows without an ID, and touchpoints for IDs that are
// not (or not exactly) in Relaties.

import { describe, expect, it } from 'vitest';
import { computed, expectProblems, NL, relation, runOn, utc } from './workbook';

describe('duplicate IDs', () => {
  it('the first row with an ID owns it and its touchpoints; each later copy is reported and computed from its own cell', async () => {
    const o = await runOn({
      relations: {
        rows: [
          relation('R1', { tier: 'B' }), // row 2: owns R1
          relation('R1', { tier: 'A' }), // row 3: same ID
          relation(' R1 ', { tier: 'C', email: 'kopie@klant.example' }), // row 4: same ID once trimmed
          relation('R2', { tier: 'B' }), // row 5
          relation('', { id: null, email: 'zonder-id@klant.example' }), // row 6: no ID
        ],
      },
      touchpoints: { rows: [[utc(2026, 11, 20), 'R1', 'Telefoon']] },
    });
    expect(o.code).toBe(0);
    expectProblems(o, [
      ['Relaties', 3, 'ID (A)', 'R1', NL.duplicateId(2)],
      ['Relaties', 4, 'ID (A)', 'R1', NL.duplicateId(2)],
      ['Relaties', 6, 'ID (A)', '', NL.missingId],
    ]);
    // Row 2: the touchpoint of 20 Nov beats the cell (1 Oct); B = 3 months.
    expect(computed(o.output, 2)).toEqual([utc(2027, 2, 20), 'op schema', 0]);
    // Rows 3 and 4 only have their own Laatste contact (1 Oct): A = 1 month, C = 6 months.
    expect(computed(o.output, 3)).toEqual([utc(2026, 11, 1), 'te laat', 23]);
    expect(computed(o.output, 4)).toEqual([utc(2027, 4, 1), 'op schema', 0]);
    expect(computed(o.output, 5)).toEqual([utc(2027, 1, 1), 'op schema', 0]);
    // A row without an ID is still a relationship with a cadence.
    expect(computed(o.output, 6)).toEqual([utc(2027, 1, 1), 'op schema', 0]);
    expect(o.output.getWorksheet('Relaties')!.getCell('A4').value).toBe(' R1 ');
  });
});

describe('touchpoints for unknown IDs', () => {
  it('are reported with their row and value and count for no one; a number ID matches the same digits as text', async () => {
    const o = await runOn({
      relations: { rows: [relation('R1', { tier: 'A' }), relation('1001', { id: 1001, tier: 'A' })] },
      touchpoints: {
        rows: [
          [utc(2026, 11, 2), 'R404', 'Telefoon'], // row 2: unknown
          [utc(2026, 12, 20), 'R405', 'Gepland'], // row 3: unknown and later than today
          [utc(2026, 11, 20), 'r1', 'Koffie'], // row 4: IDs are exact: r1 is not R1
          [utc(2026, 11, 21), '1001', 'Lunch'], // row 5: text '1001' is the ID typed as a number
          [utc(2026, 11, 22), 'R1 ', 'Mail'], // row 6: spaces do not matter
        ],
      },
    });
    expectProblems(o, [
      ['Touchpoints', 2, 'Relatie-ID (B)', 'R404', NL.unknownRelation],
      ['Touchpoints', 3, 'Relatie-ID (B)', 'R405', NL.unknownRelation],
      ['Touchpoints', 4, 'Relatie-ID (B)', 'r1', NL.unknownRelation],
    ]);
    expect(computed(o.output, 2)).toEqual([utc(2026, 12, 22), 'op schema', 0]);
    expect(computed(o.output, 3)).toEqual([utc(2026, 12, 21), 'op schema', 0]);
  });

  it('a touchpoint with a date but no Relatie-ID is reported as a missing ID, not as an unknown one', async () => {
    const o = await runOn({
      relations: { rows: [relation('R1', { tier: 'A' })] },
      touchpoints: { rows: [[utc(2026, 11, 20), null, 'Telefoon', 10, 'sanne@bureau.nl', 'ID vergeten']] },
    });
    // "geen relatie met dit ID in Relaties" next to an empty value leaves the user guessing which ID.
    expectProblems(o, [['Touchpoints', 2, 'Relatie-ID (B)', '', NL.missingId]]);
    expect(computed(o.output, 2)).toEqual([utc(2026, 11, 1), 'te laat', 23]);
  });

  it('a touchpoint without a date is reported as such; one with a bad date with its value', async () => {
    const o = await runOn({
      relations: { rows: [relation('R1', { tier: 'A' })] },
      touchpoints: { rows: [[null, 'R1', 'Telefoon'], ['morgen', 'R1', 'Telefoon'], [{ error: '#N/A' }, 'R1', 'Telefoon']] },
    });
    expectProblems(o, [
      ['Touchpoints', 2, 'Datum (A)', '', NL.missingTouchpointDate],
      ['Touchpoints', 3, 'Datum (A)', 'morgen', NL.date],
      ['Touchpoints', 4, 'Datum (A)', '#N/A', NL.cellError],
    ]);
    expect(computed(o.output, 2)).toEqual([utc(2026, 11, 1), 'te laat', 23]);
  });
});
