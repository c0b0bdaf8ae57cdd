// A refresh that fails part-way writes nothing: all computing happens before the first write.

import { describe, expect, it } from 'vitest';
import { addDays, diff, edate, loadCadans, midnight, snapshot, todayIn, workbook } from './harness';

const tz = 'Pacific/Auckland';

function filled() {
  const T = todayIn(tz);
  return workbook({
    timeZone: tz,
    sheets: {
      Relaties: [
        ['ID', 'Naam', 'Tier', 'Laatste contact', 'Volgend contact', 'Status', 'Dagen te laat'],
        ['R1', 'Anna', 'A', midnight(tz, addDays(T, -40)), midnight(tz, '2020-01-01'), 'op schema', 0],
        ['R2', 'Bram', 'B', '', '', '', ''],
      ],
      Touchpoints: [['Datum', 'Relatie-ID'], [midnight(tz, addDays(T, -1)), 'R1']],
      Instellingen: [['Instelling', 'Waarde'], ['Taal', 'nl'], ['Vandaag', midnight(tz, '2020-01-01')]],
      Log: [['Tijdstip', 'Soort', 'Blad', 'Rij', 'Kolom', 'Waarde', 'Melding']],
    },
  });
}

describe('refreshNow when reading Touchpoints fails', () => {
  it('writes nothing anywhere, tells the user and rethrows', () => {
    const ss = filled();
    ss.$sheet('Touchpoints').failures.add('getValues');
    const before = snapshot(ss);
    const cadans = loadCadans(ss);
    cadans.env.reset();
    let thrown: { message?: unknown } | undefined;
    try {
      cadans.refreshNow();
    } catch (error) {
      thrown = error as { message?: unknown };
    }
    expect(String(thrown?.message)).toMatch(/^Service Spreadsheets failed while accessing document/);
    expect(diff(before, snapshot(ss))).toEqual({ changed: [], added: [] });
    expect(cadans.env.count('Range.setValues')).toBe(0);
    expect(cadans.env.count('Range.setValue')).toBe(0);
    expect(cadans.ui.alerts.map((a) => a.prompt)).toEqual([
      `Cadans kon dit niet afmaken en heeft niets gewijzigd: ${String(thrown?.message)}`,
    ]);
  });

  it('computes and writes normally once the sheet reads again', () => {
    const ss = filled();
    const cadans = loadCadans(ss);
    ss.$sheet('Touchpoints').failures.add('getValues');
    expect(() => cadans.refreshNow()).toThrow();
    ss.$sheet('Touchpoints').failures.clear();
    cadans.refreshNow();
    const T = todayIn(tz);
    // R1's touchpoint of yesterday counts: next contact a month after it.
    expect(ss.$sheet('Relaties').$row(2).slice(4)).toEqual([midnight(tz, edate(addDays(T, -1), 1)), 'op schema', 0]);
    expect(ss.$sheet('Relaties').$row(3).slice(4)).toEqual([midnight(tz, T), 'nooit', 0]);
    expect(ss.$sheet('Instellingen').$value(3, 2)).toEqual(midnight(tz, T));
  });
});
