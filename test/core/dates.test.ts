import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  dayFromSerial,
  dayFromYmd,
  dayOfInstant,
  daysInMonth,
  formatDay,
  instantOfDay,
  intlClock,
  isDate,
  isLeapYear,
  isoFromDay,
  isValidYmd,
  serialFromDay,
  parseIsoDay,
  wallTimeAsUtc,
  weekdayOf,
  ymdFromDay,
} from '../../src/core/dates';
import { civilFromDays, daysFromCivil, edate, transitionDays, wallClockText } from './reference';

const day = (y: number, m: number, d: number) => daysFromCivil(y, m, d);
const iso = (d: number) => {
  const c = civilFromDays(d);
  return `${String(c.year).padStart(4, '0')}-${String(c.month).padStart(2, '0')}-${String(c.day).padStart(2, '0')}`;
};
const plusMonths = (y: number, m: number, d: number, months: number) => iso(addMonths(day(y, m, d), months));

const FIRST_DAY = day(1900, 1, 1);
const LAST_DAY = day(9999, 12, 31);
const anyDay = fc.integer({ min: FIRST_DAY, max: LAST_DAY });

describe('dayFromYmd and ymdFromDay', () => {
  it('count 1970-01-01 as day 0 and 2026-02-03 as day 20487', () => {
    expect(dayFromYmd(1970, 1, 1)).toBe(0);
    expect(dayFromYmd(2026, 2, 3)).toBe(20487);
    expect(dayFromYmd(1969, 12, 31)).toBe(-1);
    expect(ymdFromDay(20487)).toEqual({ year: 2026, month: 2, day: 3 });
    expect(ymdFromDay(-1)).toEqual({ year: 1969, month: 12, day: 31 });
  });

  it('reads the years 0-99 as themselves, not as 1900-1999', () => {
    expect(dayFromYmd(99, 1, 1)).toBe(daysFromCivil(99, 1, 1));
    expect(ymdFromDay(dayFromYmd(29, 2, 28))).toEqual({ year: 29, month: 2, day: 28 });
  });

  it('agree with an independent calendar for every valid date from year 1 to 9999', () => {
    fc.assert(
      fc.property(fc.integer({ min: daysFromCivil(1, 1, 1), max: LAST_DAY }), (d) => {
        const c = civilFromDays(d);
        expect(dayFromYmd(c.year, c.month, c.day)).toBe(d);
        expect(ymdFromDay(d)).toEqual(c);
      }),
    );
  });

  it('round-trip: ymdFromDay(dayFromYmd(y, m, d)) gives back y, m, d', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), (y, m, dd) => {
        fc.pre(dd <= daysInMonth(y, m));
        expect(ymdFromDay(dayFromYmd(y, m, dd))).toEqual({ year: y, month: m, day: dd });
      }),
    );
  });
});

describe('isLeapYear, daysInMonth and isValidYmd', () => {
  it('follow the Gregorian leap rule: 2028 and 2000 leap, 2026, 1900 and 2100 not', () => {
    expect([2028, 2000, 2024, 2026, 1900, 2100].map(isLeapYear)).toEqual([true, true, true, false, false, false]);
  });

  it('give February 29 days in a leap year and 28 otherwise, April 30, December 31', () => {
    expect(daysInMonth(2028, 2)).toBe(29);
    expect(daysInMonth(2026, 2)).toBe(28);
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(daysInMonth(2026, 4)).toBe(30);
    expect(daysInMonth(2026, 12)).toBe(31);
  });

  it('accept real dates in 1900-9999 and reject 29 Feb 2026, 31 Apr, month 13 and years outside the range', () => {
    expect(isValidYmd(2028, 2, 29)).toBe(true);
    expect(isValidYmd(1900, 1, 1)).toBe(true);
    expect(isValidYmd(9999, 12, 31)).toBe(true);
    expect(isValidYmd(2026, 2, 29)).toBe(false);
    expect(isValidYmd(2026, 4, 31)).toBe(false);
    expect(isValidYmd(2026, 13, 1)).toBe(false);
    expect(isValidYmd(2026, 0, 1)).toBe(false);
    expect(isValidYmd(2026, 1, 0)).toBe(false);
    expect(isValidYmd(1899, 12, 31)).toBe(false);
    expect(isValidYmd(10000, 1, 1)).toBe(false);
    expect(isValidYmd(2026, 1.5, 1)).toBe(false);
  });
});

describe('addMonths (EDATE)', () => {
  it('adds the given number of months, keeping the day of the month', () => {
    expect(plusMonths(2026, 2, 3, 1)).toBe('2026-03-03');
    expect(plusMonths(2026, 2, 3, 3)).toBe('2026-05-03');
    expect(plusMonths(2026, 2, 3, 6)).toBe('2026-08-03');
  });

  it('clamps 31 January + 1 month to 28 February', () => {
    expect(plusMonths(2026, 1, 31, 1)).toBe('2026-02-28');
  });

  it('clamps 31 January + 1 month to 29 February in the leap year 2028', () => {
    expect(plusMonths(2028, 1, 31, 1)).toBe('2028-02-29');
  });

  it('takes 29 February 2028 + 12 months to 28 February 2029, and + 48 months to 29 February 2032', () => {
    expect(plusMonths(2028, 2, 29, 12)).toBe('2029-02-28');
    expect(plusMonths(2028, 2, 29, 48)).toBe('2032-02-29');
  });

  it('clamps 31 March + 1 month to 30 April', () => {
    expect(plusMonths(2026, 3, 31, 1)).toBe('2026-04-30');
  });

  it('does not remember a clamp: 30 April + 1 month is 30 May, not 31 May', () => {
    expect(plusMonths(2026, 4, 30, 1)).toBe('2026-05-30');
  });

  it('rolls December into January of the next year', () => {
    expect(plusMonths(2026, 12, 15, 1)).toBe('2027-01-15');
    expect(plusMonths(2026, 11, 30, 3)).toBe('2027-02-28');
    expect(plusMonths(2026, 8, 31, 6)).toBe('2027-02-28');
  });

  it('goes back for negative months, clamping and rolling into the previous year', () => {
    expect(plusMonths(2026, 3, 31, -1)).toBe('2026-02-28');
    expect(plusMonths(2026, 1, 15, -1)).toBe('2025-12-15');
    expect(plusMonths(2026, 2, 3, -14)).toBe('2024-12-03');
    expect(plusMonths(2028, 3, 31, -1)).toBe('2028-02-29');
  });

  it('leaves the date alone for 0 months', () => {
    expect(plusMonths(2026, 1, 31, 0)).toBe('2026-01-31');
  });

  it('truncates fractional months toward zero, as EDATE does', () => {
    expect(plusMonths(2026, 1, 31, 1.9)).toBe('2026-02-28');
    expect(plusMonths(2026, 3, 31, -1.9)).toBe('2026-02-28');
  });

  it('agrees with an independent EDATE for any date in 1900-9999 and any shift of up to 200 years', () => {
    fc.assert(
      fc.property(anyDay, fc.integer({ min: -2400, max: 2400 }), (d, months) => {
        expect(addMonths(d, months)).toBe(edate(d, months));
      }),
    );
  });

  it('agrees with the independent EDATE on month ends, where clamping happens', () => {
    const monthEnd = fc
      .tuple(fc.integer({ min: 1900, max: 9990 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 3 }))
      .map(([y, m, back]) => daysFromCivil(y, m, 1) + 27 + (3 - back)); // day 28-31, or the 1st of the next month
    fc.assert(
      fc.property(monthEnd, fc.integer({ min: -36, max: 36 }), (d, months) => {
        expect(addMonths(d, months)).toBe(edate(d, months));
      }),
    );
  });
});

describe('addDays, weekdayOf, serials and formatting', () => {
  it('adds days across a month and year end', () => {
    expect(iso(addDays(day(2026, 12, 30), 3))).toBe('2027-01-02');
    expect(iso(addDays(day(2028, 3, 1), -1))).toBe('2028-02-29');
  });

  it('names the weekday as Date.getDay does: 3 Feb 2026 is a Tuesday, 31 Dec 1969 a Wednesday', () => {
    expect(weekdayOf(day(2026, 2, 3))).toBe(2);
    expect(weekdayOf(day(2026, 2, 8))).toBe(0);
    expect(weekdayOf(day(1969, 12, 31))).toBe(3);
    expect(weekdayOf(day(1900, 1, 1))).toBe(1);
  });

  it('converts spreadsheet serials: 46056 is 3 February 2026, 2 is 1 January 1900, 2958465 is 31 December 9999', () => {
    expect(dayFromSerial(46056)).toBe(day(2026, 2, 3));
    expect(dayFromSerial(25569)).toBe(0);
    expect(dayFromSerial(2)).toBe(day(1900, 1, 1));
    expect(dayFromSerial(2958465)).toBe(day(9999, 12, 31));
    expect(serialFromDay(day(2026, 2, 3))).toBe(46056);
  });

  it('drops the time of day from a serial: 46056.99 (23:45) is still 3 February', () => {
    expect(dayFromSerial(46056.99)).toBe(day(2026, 2, 3));
  });

  it('formats a day as ISO, Dutch dd-mm-yyyy and US mm/dd/yyyy', () => {
    const d = day(2026, 2, 3);
    expect(isoFromDay(d)).toBe('2026-02-03');
    expect(formatDay(d)).toBe('03-02-2026');
    expect(formatDay(d, 'dmy')).toBe('03-02-2026');
    expect(formatDay(d, 'mdy')).toBe('02/03/2026');
    expect(formatDay(d, 'iso')).toBe('2026-02-03');
    expect(formatDay(day(2026, 11, 23), 'mdy')).toBe('11/23/2026');
  });
});

// Zones where the calendar date of an instant is easy to get wrong: far from UTC on either side,
// half- and quarter-hour offsets, DST switches at midnight (Santiago, Havana) and Ramadan switches
// (Casablanca).
const ZONES = [
  'UTC',
  'Europe/Amsterdam',
  'Pacific/Auckland',
  'America/Los_Angeles',
  'Asia/Kolkata',
  'America/St_Johns',
  'Pacific/Chatham',
  'America/Santiago',
  'Africa/Casablanca',
  'America/Havana',
  'Asia/Kathmandu',
  'Pacific/Pago_Pago',
];

describe('dayOfInstant', () => {
  it('reads midnight 3 February 2026 in Auckland (11:00 UTC on 2 February) as 3 February there and 2 February in UTC', () => {
    const instant = new Date('2026-02-02T11:00:00Z');
    expect(iso(dayOfInstant(instant, 'Pacific/Auckland'))).toBe('2026-02-03');
    expect(iso(dayOfInstant(instant, 'UTC'))).toBe('2026-02-02');
    expect(iso(dayOfInstant(instant, 'America/Los_Angeles'))).toBe('2026-02-02');
  });

  it('puts 23:30 in Amsterdam on 3 February there, but on 4 February in Auckland', () => {
    const instant = new Date('2026-02-03T22:30:00Z');
    expect(iso(dayOfInstant(instant, 'Europe/Amsterdam'))).toBe('2026-02-03');
    expect(iso(dayOfInstant(instant, 'Pacific/Auckland'))).toBe('2026-02-04');
  });

  it('uses half-hour and 45-minute offsets: 18:29 UTC is still 3 February in Kolkata (+5:30), 18:30 is 4 February', () => {
    expect(iso(dayOfInstant(new Date('2026-02-03T18:29:59Z'), 'Asia/Kolkata'))).toBe('2026-02-03');
    expect(iso(dayOfInstant(new Date('2026-02-03T18:30:00Z'), 'Asia/Kolkata'))).toBe('2026-02-04');
    // Chatham is +13:45 in February (daylight time).
    expect(iso(dayOfInstant(new Date('2026-02-03T10:14:59Z'), 'Pacific/Chatham'))).toBe('2026-02-03');
    expect(iso(dayOfInstant(new Date('2026-02-03T10:15:00Z'), 'Pacific/Chatham'))).toBe('2026-02-04');
  });
});

describe('instantOfDay', () => {
  it('gives midnight of the day in the zone, with the offset of that day', () => {
    const d = day(2026, 2, 3);
    expect(instantOfDay(d, 'UTC').toISOString()).toBe('2026-02-03T00:00:00.000Z');
    expect(instantOfDay(d, 'Europe/Amsterdam').toISOString()).toBe('2026-02-02T23:00:00.000Z');
    expect(instantOfDay(d, 'Pacific/Auckland').toISOString()).toBe('2026-02-02T11:00:00.000Z');
    expect(instantOfDay(d, 'America/Los_Angeles').toISOString()).toBe('2026-02-03T08:00:00.000Z');
    expect(instantOfDay(d, 'Asia/Kolkata').toISOString()).toBe('2026-02-02T18:30:00.000Z');
    expect(instantOfDay(d, 'America/St_Johns').toISOString()).toBe('2026-02-03T03:30:00.000Z');
    // Summer in the north: Amsterdam +2, Los Angeles -7; winter in Auckland, +12.
    expect(instantOfDay(day(2026, 7, 1), 'Europe/Amsterdam').toISOString()).toBe('2026-06-30T22:00:00.000Z');
    expect(instantOfDay(day(2026, 7, 1), 'America/Los_Angeles').toISOString()).toBe('2026-07-01T07:00:00.000Z');
    expect(instantOfDay(day(2026, 7, 1), 'Pacific/Auckland').toISOString()).toBe('2026-06-30T12:00:00.000Z');
  });

  it('gives 01:00 where a DST switch skips midnight (Santiago, 6 September 2026)', () => {
    // Chile springs forward from Saturday 24:00 (-04) to Sunday 01:00 (-03).
    const instant = instantOfDay(day(2026, 9, 6), 'America/Santiago');
    expect(instant.toISOString()).toBe('2026-09-06T04:00:00.000Z');
    expect(wallClockText(instant, 'America/Santiago')).toBe('2026-09-06 01:00:00');
  });

  it('gives the one midnight of a day that follows a repeated hour (Santiago, 5 April 2026)', () => {
    // Chile falls back from Sunday 00:00 (-03) to Saturday 23:00 (-04): Sunday starts at 04:00 UTC.
    expect(instantOfDay(day(2026, 4, 5), 'America/Santiago').toISOString()).toBe('2026-04-05T04:00:00.000Z');
  });

  it('is read back as the same day in the same zone, for any day and zone', () => {
    fc.assert(
      fc.property(fc.integer({ min: FIRST_DAY, max: day(2100, 12, 31) }), fc.constantFrom(...ZONES), (d, tz) => {
        expect(dayOfInstant(instantOfDay(d, tz), tz)).toBe(d);
      }),
      { numRuns: 300 },
    );
  });

  it('is read back as the same day on every day next to an offset change in 2000-2030', () => {
    for (const tz of ZONES) {
      for (const d of transitionDays(tz, 2000, 2030)) {
        expect({ tz, day: iso(dayOfInstant(instantOfDay(d, tz), tz)) }).toEqual({ tz, day: iso(d) });
      }
    }
  });

  it('shows as 00:00 on the day, or, where the day has no 00:00, is its first instant', () => {
    for (const tz of ZONES) {
      for (const d of [...transitionDays(tz, 2020, 2030), day(2026, 2, 3), day(1950, 6, 1)]) {
        const instant = instantOfDay(d, tz);
        const shown = wallClockText(instant, tz);
        const midnight = shown === `${iso(d)} 00:00:00`;
        const firstInstant = shown.startsWith(iso(d)) && wallClockText(new Date(instant.getTime() - 1), tz).startsWith(iso(d - 1));
        expect({ tz, shown, ok: midnight || firstInstant }).toEqual({ tz, shown, ok: true });
      }
    }
  });
});

describe('intlClock', () => {
  it('turns instants into days and back in its zone, whatever the machine zone', () => {
    const clock = intlClock('Pacific/Auckland');
    expect(clock.timeZone).toBe('Pacific/Auckland');
    expect(iso(clock.dayOf(new Date('2026-02-02T11:00:00Z')))).toBe('2026-02-03');
    expect(clock.instantOf(day(2026, 2, 3)).toISOString()).toBe('2026-02-02T11:00:00.000Z');
  });

  it('hands out a fresh Date each time, so a caller that changes one does not move the next', () => {
    const clock = intlClock('Europe/Amsterdam');
    const first = clock.instantOf(day(2026, 2, 3));
    first.setTime(0);
    expect(clock.instantOf(day(2026, 2, 3)).toISOString()).toBe('2026-02-02T23:00:00.000Z');
  });

  it('gives the same answers when asked again, and each clock keeps to its own zone', () => {
    const auckland = intlClock('Pacific/Auckland');
    const utc = intlClock('UTC');
    const instant = new Date('2026-02-02T11:00:00Z');
    expect([auckland.dayOf(instant), utc.dayOf(instant), auckland.dayOf(instant), utc.dayOf(instant)].map(iso)).toEqual([
      '2026-02-03',
      '2026-02-02',
      '2026-02-03',
      '2026-02-02',
    ]);
  });

  it('refuses a name that is not a time zone, naming it', () => {
    expect(() => intlClock('Mars/Olympus_Mons')).toThrow(/Mars\/Olympus_Mons/);
  });
});

describe('wallTimeAsUtc', () => {
  it('gives a Date whose UTC fields read the wall-clock time in the zone', () => {
    const instant = new Date('2026-02-03T11:30:15Z');
    expect(wallTimeAsUtc(instant, 'Pacific/Auckland').toISOString()).toBe('2026-02-04T00:30:15.000Z');
    expect(wallTimeAsUtc(instant, 'America/Los_Angeles').toISOString()).toBe('2026-02-03T03:30:15.000Z');
    expect(wallTimeAsUtc(instant, 'UTC').toISOString()).toBe('2026-02-03T11:30:15.000Z');
  });
});

describe('isDate', () => {
  it('recognises Dates, also invalid ones, and nothing else', () => {
    expect(isDate(new Date('2026-02-03T00:00:00Z'))).toBe(true);
    expect(isDate(new Date(NaN))).toBe(true);
    expect(isDate('2026-02-03')).toBe(false);
    expect(isDate(46056)).toBe(false);
    expect(isDate({ getTime: () => 0 })).toBe(false);
    expect(isDate(null)).toBe(false);
  });
});

describe('parseIsoDay', () => {
  it('reads a strict YYYY-MM-DD and nothing else', () => {
    expect(parseIsoDay('2026-02-03')).toBe(dayFromYmd(2026, 2, 3));
    expect([parseIsoDay('2026-2-3'), parseIsoDay('2026-02-30'), parseIsoDay('03-02-2026'), parseIsoDay(' 2026-02-03'), parseIsoDay(20260203)]).toEqual([null, null, null, null, null]);
  });
});
