// Issue 9: a simulated year of morning runs on the strict model. A team of 500 relationships (the
// issue's example), 20 of them with a bad cell that nobody fixes, runs dailyRun every day (twice on some, as a re-fired
// trigger would). The Log must stay bounded, the rows it gains per day must level off, the cells a
// morning run reads must stay flat, and every owner gets exactly one digest a day.

import { describe, expect, it } from 'vitest';
import type { FakeSpreadsheet } from './fakes/index';
import { addDays, loadCadans, midnight, type Cadans, workbook } from './harness';
import { LOG, settingsRows } from './reminders-fixture';

const TZ = 'Europe/Amsterdam';
const OWNERS = ['anna@bureau.nl', 'bram@bureau.nl', 'chris@bureau.nl'];
const START = '2026-01-05';
/** A Relaties tab as setup leaves it: the computed columns are there from day 1. */
const HEADER = ['ID', 'Naam', 'Type', 'Organisatie', 'E-mail', 'Eigenaar', 'Tier', 'Laatste contact', 'Jaaromzet', 'Plaatsingen', 'Referrals', 'Actief', 'Notities', 'Uitstellen tot', 'Volgend contact', 'Status', 'Dagen te laat'];

function teamWorkbook(): FakeSpreadsheet {
  const rows: unknown[][] = [HEADER];
  for (let i = 1; i <= 500; i++) {
    // Rows 1-20 have a tier nobody can read (the same 20 bad cells every day); all are long overdue.
    const tier = i <= 20 ? 'X' : 'A';
    rows.push([`R${i}`, `Relatie ${i}`, 'Klant', `Org ${i}`, '', OWNERS[i % 3], tier, midnight(TZ, addDays(START, -400 - i)), 1000 * i, '', '', 'ja', '', '', '', '', '']);
  }
  return workbook({
    timeZone: TZ,
    sheets: {
      Relaties: rows,
      Instellingen: settingsRows(START, { sendDays: 'ma-zo', skipHolidays: 'nee', team: '@bureau.nl' }),
      Log: [LOG],
    },
  });
}

/** One context for the whole year, its clock moved day by day (`new Date()` gives __cadansNow). */
function movableClock(cadans: Cadans): (instant: Date) => void {
  cadans.evaluate(`(() => {
    const Real = Date;
    function MovableDate(...args) {
      if (!new.target) return new Real(globalThis.__cadansNow).toString();
      return args.length === 0 ? new Real(globalThis.__cadansNow) : new Real(...args);
    }
    MovableDate.prototype = Real.prototype;
    MovableDate.now = () => globalThis.__cadansNow;
    MovableDate.UTC = Real.UTC;
    MovableDate.parse = Real.parse;
    Object.defineProperty(globalThis, 'Date', { value: MovableDate, writable: true, configurable: true, enumerable: false });
  })()`);
  return (instant) => void cadans.evaluate(`globalThis.__cadansNow = ${instant.getTime()}`);
}

describe('a simulated year of daily runs with 20 bad cells', () => {
  it('keeps the Log bounded and the morning run\'s reading flat, with no digest doubled or lost', () => {
    const ss = teamWorkbook();
    const cadans = loadCadans(ss);
    const setNow = movableClock(cadans);
    const log = ss.$sheet('Log');
    const rowsAfter: number[] = [];
    const cellsRead: number[] = [];
    const mailsPerDay: string[][] = [];
    for (let d = 0; d < 365; d++) {
      const day = addDays(START, d);
      const seven = new Date(midnight(TZ, day).getTime() + 7 * 3600_000);
      cadans.project.mail.quota = 100; // the daily quota comes back
      const sentBefore = cadans.project.mail.sent.length;
      setNow(seven);
      cadans.env.reset();
      cadans.dailyRun();
      cellsRead.push(cadans.env.cellsRead);
      // Every fifth day the trigger fires again an hour later: nothing may go out twice.
      if (d % 5 === 0) {
        setNow(new Date(seven.getTime() + 3600_000));
        cadans.dailyRun();
      }
      mailsPerDay.push(cadans.project.mail.sent.slice(sentBefore).map((m) => m.to).sort());
      rowsAfter.push(log.$lastRow());
    }
    // Exactly one digest per owner per day, every day of the year.
    expect(mailsPerDay.every((to) => JSON.stringify(to) === JSON.stringify(OWNERS))).toBe(true);
    // The Log stays bounded: 90 days of history (a run line, three digests, a closing line a day, one
    // more on the re-fired days) plus the 20 open problems, one row each.
    const max = Math.max(...rowsAfter);
    expect(max).toBeLessThan(1 + 20 + 91 * 7);
    const added = rowsAfter.map((n, i) => n - (rowsAfter[i - 1] ?? 1));
    // Once the window is full, the rows gained per day level off at zero: each day's new lines
    // replace the day that falls out of the window.
    expect(rowsAfter[364]).toBeLessThanOrEqual(rowsAfter[120] + 7);
    expect(added.slice(120).reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(7);
    // The 20 bad cells: 20 open problem rows, first seen on day 1, seen by every run.
    const values = log.$values().slice(1);
    const problems = values.filter((r) => r[1] === 'probleem');
    expect(problems).toHaveLength(20);
    expect(problems.every((r) => (r[7] as Date).getTime() === midnight(TZ, START).getTime())).toBe(true);
    expect(problems.map((r) => r[9])).toEqual(Array(20).fill(365 + 73));
    // History goes back at most Log bewaren (dagen) = 90 days.
    const oldest = Math.min(...values.filter((r) => r[1] !== 'probleem').map((r) => (r[0] as Date).getTime()));
    expect(oldest).toBeGreaterThanOrEqual(midnight(TZ, addDays(START, 364 - 90)).getTime());
    // The cells a morning run reads stay flat: day 365 within 20% of day 1.
    expect(cellsRead[364]).toBeLessThanOrEqual(cellsRead[0] * 1.2);
    expect(Math.max(...cellsRead)).toBeLessThanOrEqual(cellsRead[0] * 1.2);
  }, 300_000);
});

describe('an older Log full of repeats', () => {
  it('is laid out once: one row per distinct problem, first seen the earliest, its runs counted; old runs past the window go', () => {
    const ss = teamWorkbook();
    const log = ss.$sheet('Log');
    const problem = (day: string, row: number) => [midnight(TZ, day), 'probleem', 'Relaties', row, 'Tier (G)', 'X', 'geen geldige tier; verwacht A, B of C (ook a, A-klant, Tier B)'];
    // Three earlier refreshes, each logging the same two bad cells again, and one run from last year.
    const rows = [
      [midnight(TZ, '2025-06-01'), 'run', '', '', '', '', 'oude run'],
      ...['2025-12-20', '2025-12-27', '2026-01-03'].flatMap((day) => [[midnight(TZ, day), 'run', '', '', '', '', `run ${day}`], problem(day, 2), problem(day, 3)]),
    ];
    log.getRange(2, 1, rows.length, 7).setValues(rows);
    const cadans = loadCadans(ss);
    movableClock(cadans)(new Date(midnight(TZ, START).getTime() + 7 * 3600_000));
    cadans.refreshNow();
    const values = log.$values().slice(1);
    expect(values.map((r) => r[6])).toEqual([
      'run 2025-12-20',
      'run 2025-12-27',
      'run 2026-01-03',
      'refreshNow: 480 relaties, 0 nooit, 480 te laat, 0 binnenkort, 0 op schema, 0 inactief, 20 problemen',
      // The 20 bad tiers of rows 2-21, one row each; rows 2 and 3 were seen three times before.
      ...Array(20).fill('geen geldige tier; verwacht A, B of C (ook a, A-klant, Tier B)'),
    ]);
    const open = values.filter((r) => r[1] === 'probleem');
    expect(open.slice(0, 2).map((r) => [r[3], (r[7] as Date).getTime(), r[9]])).toEqual([
      [2, midnight(TZ, '2025-12-20').getTime(), 4],
      [3, midnight(TZ, '2025-12-20').getTime(), 4],
    ]);
    expect(open.slice(2).every((r) => r[9] === 1 && (r[7] as Date).getTime() === midnight(TZ, START).getTime())).toBe(true);
  });
});
