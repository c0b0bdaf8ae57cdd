// Laatste contact (berekend) (issue 14): a row whose Laatste contact is older than its newest
// touchpoint shows the date Cadans counted, beside the Volgend contact it explains.

import { describe, expect, it } from 'vitest';
import { addDays, columnOf, edate, loadCadans, midnight, todayIn, workbook } from './harness';

const HEADER = ['ID', 'Naam', 'Type', 'Eigenaar', 'Tier', 'Laatste contact', 'Notities'];

describe.each(['Pacific/Auckland', 'America/Los_Angeles'])('Laatste contact (berekend) in %s', (tz) => {
  it('setup adds it right of the team\'s columns, and a refresh writes the later of the cell and the touchpoints', () => {
    const T = todayIn(tz);
    const day = (offset: number) => midnight(tz, addDays(T, offset));
    const ss = workbook({
      timeZone: tz,
      sheets: {
        Relaties: [
          HEADER,
          ['R1', 'Anna', 'Klant', 'joost@bureau.nl', 'B', day(-60), 'eigen notitie'],
          ['R2', 'Bram', 'Klant', 'joost@bureau.nl', 'B', day(-10), ''],
          ['R3', 'Chris', 'Klant', 'joost@bureau.nl', 'C', '', ''],
        ],
        Touchpoints: [['Datum', 'Relatie-ID', 'Soort'], [day(-20), 'R1', 'Bel'], [day(-30), 'R2', 'Mail'], [day(3), 'R3', 'Lunch']],
      },
    });
    const cadans = loadCadans(ss);
    cadans.setupWorkbook();
    const sheet = ss.$sheet('Relaties');
    const computed = columnOf(sheet, 'Laatste contact (berekend)');
    expect(computed).toBeGreaterThan(HEADER.length);
    // Setup changed no cell of the team's.
    expect(sheet.$row(2).slice(0, HEADER.length)).toEqual(['R1', 'Anna', 'Klant', 'joost@bureau.nl', 'B', day(-60), 'eigen notitie']);
    cadans.refreshNow();
    const next = columnOf(sheet, 'Volgend contact');
    // Anna: the touchpoint of 20 days ago is later than her Laatste contact, and B's three months count from it.
    expect([sheet.$value(2, computed), sheet.$value(2, next)]).toEqual([day(-20), midnight(tz, edate(addDays(T, -20), 3))]);
    // Bram: his own cell is the later one.
    expect([sheet.$value(3, computed), sheet.$value(3, next)]).toEqual([day(-10), midnight(tz, edate(addDays(T, -10), 3))]);
    // Chris: never contacted (a lunch planned in three days is not contact yet): the cell stays empty.
    expect(sheet.$value(4, computed)).toBe('');
    expect(sheet.$format(2, computed)).toBe('dd-mm-yyyy');
  });
});
