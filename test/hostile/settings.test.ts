// Hostile settings: values in Instellingen that Cadans cannot read. Each is reported with its
// place, and the message says what Cadans uses instead, so the team knows what happened.

import { describe, expect, it } from 'vitest';
import { computed, relation, runOn, utc } from './workbook';

describe('unreadable settings', () => {
  it('are reported with their row and value, and the message names the value used instead', async () => {
    const o = await runOn({
      relations: { rows: [relation('R1', { tier: 'A', lastContact: '3-2-2026' })] },
      settings: [
        ['Landinstelling', 'Nederland'], // row 2
        ['Tijdzone', 'Amsterdam'], // row 3
        ['Taal', 'fries'], // row 4
        ['Maanden tussen contact, tier A', 'elke maand'], // row 5
        ['Venster binnenkort (dagen)', -3], // row 6
      ],
    });
    expect(o.code).toBe(0);
    const byRow = new Map(o.logProblems.map((p) => [p[1], p]));
    expect(byRow.get(4)).toEqual(['Instellingen', 4, 'Waarde (B)', 'fries', 'ongeldige waarde; Cadans gebruikt de standaard nl']);
    expect(byRow.get(5)).toEqual(['Instellingen', 5, 'Waarde (B)', 'elke maand', 'ongeldige waarde; Cadans gebruikt de standaard 1']);
    expect(byRow.get(6)).toEqual(['Instellingen', 6, 'Waarde (B)', '-3', 'ongeldige waarde; Cadans gebruikt de standaard 7']);
    // A setting whose default is "the spreadsheet's" must still say what that is, not end in nothing.
    const [, , , localeValue, localeMessage] = byRow.get(2)!;
    const [, , , zoneValue, zoneMessage] = byRow.get(3)!;
    expect([localeValue, zoneValue]).toEqual(['Nederland', 'Amsterdam']);
    expect(localeMessage).toMatch(/^ongeldige waarde; Cadans gebruikt .*nl_NL/);
    expect(zoneMessage).toMatch(/^ongeldige waarde; Cadans gebruikt .*Europe\/Amsterdam/);
    expect(o.problemCount).toBe(5);
    // The fallbacks are in force: 3-2-2026 is read day first (nl_NL), A is one month.
    expect(computed(o.output, 2)).toEqual([utc(2026, 3, 3), 'te laat', 266]);
  });
});
