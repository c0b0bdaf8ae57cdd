// Hostile dates: text dates in both locales, dates in the future, and the edges of what a
// spreadsheet can hold (1900-9999) as date cells and as text. Every case runs under four machine
// time zones (vitest projects); an .xlsx has no zone, so none of them may move a date.

import { describe, expect, it } from 'vitest';
import { computed, daysBetween, EN, expectProblems, NL, relation, runOn, utc } from './workbook';

const TODAY = utc(2026, 11, 24);
const TEXTS = ['3-2-2026', '03/02/2026', '2026-02-03', '3 februari 2026', '3.2.26', '2026-02-03 23:30'];

describe('dates as text', () => {
  it('in nl_NL (Landinstelling): day first; all of them are 3 February', async () => {
    const o = await runOn({
      relations: { rows: TEXTS.map((t, i) => relation(`R${i}`, { tier: 'A', lastContact: t })) },
      settings: [['Landinstelling', 'nl_NL']],
    });
    expectProblems(o, []);
    // 3 Feb + 1 month = 3 March 2026, 266 days before 24 Nov.
    for (let row = 2; row < 2 + TEXTS.length; row++) expect(computed(o.output, row)).toEqual([utc(2026, 3, 3), 'te laat', 266]);
    // The text cells stay text.
    expect(TEXTS.map((_, i) => o.output.getWorksheet('Relaties')!.getRow(i + 2).getCell(8).value)).toEqual(TEXTS);
  });

  it('in en_US (Landinstelling): month first for 3-2-2026 and 03/02/2026 (2 March); ISO and month names are unambiguous', async () => {
    const o = await runOn({
      relations: { rows: TEXTS.map((t, i) => relation(`R${i}`, { tier: 'A', lastContact: t })) },
      settings: [['Landinstelling', 'en_US']],
    });
    expectProblems(o, []);
    const march2 = [utc(2026, 4, 2), 'te laat', 236];
    const feb3 = [utc(2026, 3, 3), 'te laat', 266];
    expect([2, 3, 4, 5, 6, 7].map((r) => computed(o.output, r))).toEqual([march2, march2, feb3, feb3, march2, feb3]);
  });

  it('in an English workbook (Locale en_US, Language en): a day-first date that cannot be month-first is a problem, told in English', async () => {
    const o = await runOn({
      relations: { name: 'Relations', header: ['ID', 'Name', 'Tier', 'Last contact', 'Owner'], rows: [['C1', 'Acme', 'A', '2/3/2026', 'kim@agency.com'], ['C2', 'Globex', 'B', '24/11/2026', 'kim@agency.com']] },
      settings: { name: 'Settings', header: ['Setting', 'Value'], rows: [['Language', 'en'], ['Locale', 'en_US']] },
    });
    expect(o.lines[0]).toBe('Cadans: team.xlsx on 24-11-2026');
    expect(o.problems).toEqual(["Relations, row 3, Last contact (D): '24/11/2026': " + EN.date]);
    expect(o.logProblems).toEqual([['Relations', 3, 'Last contact (D)', '24/11/2026', EN.date]]);
    expect(computed(o.output, 2, 'Relations', [6, 7, 8])).toEqual([utc(2026, 3, 3), 'overdue', 266]);
    expect(computed(o.output, 3, 'Relations', [6, 7, 8])).toEqual([utc(2026, 11, 24), 'never', 0]);
  });
});

describe('a Laatste contact in the future', () => {
  it('is used, and reported with its place (a date cell shows as ISO, text as typed)', async () => {
    const o = await runOn({
      relations: { rows: [relation('R1', { tier: 'B', lastContact: utc(2026, 12, 25) }), relation('R2', { tier: 'A', lastContact: '25-12-2026' }), relation('R3', { tier: 'A', lastContact: '24-11-2026' })] },
    });
    expectProblems(o, [
      ['Relaties', 2, 'Laatste contact (H)', '2026-12-25', NL.futureContact],
      ['Relaties', 3, 'Laatste contact (H)', '25-12-2026', NL.futureContact],
    ]);
    expect(computed(o.output, 2)).toEqual([utc(2027, 3, 25), 'op schema', 0]);
    expect(computed(o.output, 3)).toEqual([utc(2027, 1, 25), 'op schema', 0]);
    // Today itself is not the future.
    expect(computed(o.output, 4)).toEqual([utc(2026, 12, 24), 'op schema', 0]);
  });
});

describe('the years 1900 and 9999', () => {
  it('1900 as a date cell and as text is a valid (very old) last contact', async () => {
    const o = await runOn({
      relations: { rows: [relation('R1', { tier: 'C', lastContact: utc(1900, 1, 1) }), relation('R2', { tier: 'A', lastContact: '1-1-1900' }), relation('R3', { tier: 'A', lastContact: '1900-03-01' })] },
    });
    expectProblems(o, []);
    expect(computed(o.output, 2)).toEqual([utc(1900, 7, 1), 'te laat', daysBetween(utc(1900, 7, 1), TODAY)]);
    expect(computed(o.output, 3)).toEqual([utc(1900, 2, 1), 'te laat', daysBetween(utc(1900, 2, 1), TODAY)]);
    expect(computed(o.output, 4)).toEqual([utc(1900, 4, 1), 'te laat', daysBetween(utc(1900, 4, 1), TODAY)]);
  });

  it('9999 as a date cell and as text is read, reported as in the future, and never gives a next contact past 31-12-9999', async () => {
    const o = await runOn({
      relations: {
        rows: [
          relation('R1', { tier: 'C', lastContact: utc(9999, 12, 31) }),
          relation('R2', { tier: 'A', lastContact: '31-12-9999' }),
          relation('R3', { tier: 'C', lastContact: '9999-06-15' }),
        ],
      },
    });
    expect(o.code).toBe(0);
    expect(o.problems.slice(0, 5)).toEqual([
      `Relaties, rij 2, Laatste contact (H): '9999-12-31': ${NL.futureContact}`,
      `Relaties, rij 2, Laatste contact (H): '9999-12-31': ${NL.nextBeyondCalendar}`,
      `Relaties, rij 3, Laatste contact (H): '31-12-9999': ${NL.futureContact}`,
      `Relaties, rij 3, Laatste contact (H): '31-12-9999': ${NL.nextBeyondCalendar}`,
      `Relaties, rij 4, Laatste contact (H): '9999-06-15': ${NL.futureContact}`,
    ]);
    // 15 June 9999 + 6 months is 15 December 9999: still a date a spreadsheet can hold.
    expect(computed(o.output, 4)).toEqual([utc(9999, 12, 15), 'op schema', 0]);
    // 31-12-9999 + 1 or 6 months is no date any spreadsheet can hold (Excel and Sheets stop at
    // 31-12-9999): Cadans must not write year 10000 into Volgend contact.
    for (const row of [2, 3]) {
      const [next] = computed(o.output, row);
      expect(next === null || (next instanceof Date && next.getUTCFullYear() <= 9999), `row ${row}: ${String(next)}`).toBe(true);
    }
  });

  it('1899 and 10000, as date cells and as text, are rejected with their place; the row counts as never contacted', async () => {
    const o = await runOn({
      relations: {
        rows: [
          relation('R1', { lastContact: utc(1899, 12, 31) }),
          relation('R2', { lastContact: new Date(Date.UTC(10000, 0, 1)) }),
          relation('R3', { lastContact: '31-12-1899' }),
          relation('R4', { lastContact: '1-1-10000' }),
          relation('R5', { lastContact: '10000-01-01' }),
          relation('R6', { lastContact: 0 }),
        ],
      },
    });
    expectProblems(o, [
      ['Relaties', 2, 'Laatste contact (H)', '1899-12-31', NL.date],
      ['Relaties', 3, 'Laatste contact (H)', '10000-01-01', NL.date],
      ['Relaties', 4, 'Laatste contact (H)', '31-12-1899', NL.date],
      ['Relaties', 5, 'Laatste contact (H)', '1-1-10000', NL.date],
      ['Relaties', 6, 'Laatste contact (H)', '10000-01-01', NL.date],
      ['Relaties', 7, 'Laatste contact (H)', '0', NL.date],
    ]);
    for (let row = 2; row <= 7; row++) expect(computed(o.output, row)).toEqual([utc(2026, 11, 24), 'nooit', 0]);
  });

  it('impossible days are rejected, not rolled over: 29-2-2026, 31-4-2026, 0-1-2026, 2026-13-01', async () => {
    const bad = ['29-2-2026', '31-4-2026', '0-1-2026', '2026-13-01'];
    const o = await runOn({ relations: { rows: [...bad.map((t, i) => relation(`R${i}`, { lastContact: t })), relation('R9', { tier: 'A', lastContact: '29-2-2024' })] } });
    expectProblems(o, bad.map((t, i) => ['Relaties', i + 2, 'Laatste contact (H)', t, NL.date]));
    // 29 Feb 2024 is real: + 1 month = 29 March 2024.
    expect(computed(o.output, 6)).toEqual([utc(2024, 3, 29), 'te laat', daysBetween(utc(2024, 3, 29), TODAY)]);
  });
});

describe('date cells with a time', () => {
  it('count for their calendar date, whatever the machine zone', async () => {
    const o = await runOn({
      relations: { rows: [relation('R1', { tier: 'A', lastContact: new Date(Date.UTC(2026, 9, 31, 23, 59)) }), relation('R2', { tier: 'A', lastContact: new Date(Date.UTC(2026, 9, 31, 0, 1)) })] },
      touchpoints: { rows: [[new Date(Date.UTC(2026, 10, 24, 23, 30)), 'R2', 'Laat telefoontje']] },
    });
    expectProblems(o, []);
    // 31 Oct + 1 month = 30 Nov (clamped).
    expect(computed(o.output, 2)).toEqual([utc(2026, 11, 30), 'binnenkort', 0]);
    // A touchpoint late on today counts today.
    expect(computed(o.output, 3)).toEqual([utc(2026, 12, 24), 'op schema', 0]);
  });
});
