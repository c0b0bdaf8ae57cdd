// The Team tab as the week plan reads it: per owner minutes, working days and absences, defaults
// for what is left empty, and every unreadable cell reported at its place.

import { describe, expect, it } from 'vitest';
import { dayFromYmd, intlClock } from '../../src/core/dates';
import { conventionsFor } from '../../src/core/locale';
import { ProblemList } from '../../src/workbook/problems';
import { readTeam } from '../../src/workbook/team';

const ctx = { conventions: conventionsFor('nl_NL'), clock: intlClock('UTC') };
const HEADER = ['Eigenaar', 'Minuten per dag', 'Werkdagen', 'Afwezig van', 'Afwezig tot en met'];
const days = (set: ReadonlySet<number>) => [...set].sort();

describe('readTeam', () => {
  it('reads minutes, working days and absences per owner, one more row per absence', () => {
    const problems = new ProblemList('nl');
    const team = readTeam('Team', [
      HEADER,
      ['Anna@Bureau.nl', 90, 'ma,di,do', '24-12-2026', '2-1-2027'],
      ['anna@bureau.nl', '', '', '16-2-2027', ''],
      ['bram@bureau.nl', '', '', '', ''],
    ], ctx, problems, 60);
    expect(problems.items).toEqual([]);
    const anna = team.capacityOf('anna@bureau.nl');
    expect(anna.minutesPerDay).toBe(90);
    expect(days(anna.workingDays)).toEqual([1, 2, 4]);
    expect(anna.absences).toEqual([
      { from: dayFromYmd(2026, 12, 24), to: dayFromYmd(2027, 1, 2) },
      { from: dayFromYmd(2027, 2, 16), to: dayFromYmd(2027, 2, 16) }, // one day when only one end is given
    ]);
    // Bram is on the tab with nothing filled in, Chris is not on it: both get the defaults.
    for (const owner of ['bram@bureau.nl', 'chris@bureau.nl']) {
      const c = team.capacityOf(owner);
      expect([c.minutesPerDay, days(c.workingDays), c.absences]).toEqual([60, [1, 2, 3, 4, 5], []]);
    }
  });

  it('reports each unreadable cell with its place and uses the default or the first row', () => {
    const problems = new ProblemList('nl');
    const team = readTeam('Team', [
      HEADER,
      ['anna@bureau.nl', 'een uur', 'elke dag', 'volgende week', ''],
      ['anna@bureau.nl', 45, '', '10-1-2027', '3-1-2027'],
      ['bram@bureau.nl', 30, '', '', ''],
      ['bram@bureau.nl', 40, '', '', ''],
      ['', 50, '', '', ''],
    ], ctx, problems, 60);
    expect(problems.items.map((p) => [p.row, p.column, p.value, p.message])).toEqual([
      [2, 'Minuten per dag (B)', 'een uur', 'geen geldig aantal; verwacht een heel getal, 0 of meer'],
      [2, 'Werkdagen (C)', 'elke dag', 'geen geldige werkdagen; verwacht bijvoorbeeld ma-vr of ma,di,do'],
      [2, 'Afwezig van (D)', 'volgende week', 'geen geldige datum; verwacht bijvoorbeeld 3-2-2026, 2026-02-03 of een datumcel (jaar 1900-9999)'],
      [3, 'Afwezig tot en met (E)', '3-1-2027', 'ligt vóór Afwezig van; Cadans slaat deze afwezigheid over'],
      [5, 'Minuten per dag (B)', '40', 'wijkt af van een eerdere rij van dit teamlid; Cadans gebruikt de eerste'],
      [6, 'Eigenaar (A)', '', 'geen eigenaar ingevuld; vul het e-mailadres van het teamlid in'],
    ]);
    expect(team.capacityOf('anna@bureau.nl')).toMatchObject({ minutesPerDay: 45, absences: [] });
    expect(team.capacityOf('bram@bureau.nl').minutesPerDay).toBe(30);
  });
});
