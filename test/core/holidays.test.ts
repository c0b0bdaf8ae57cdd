import { describe, expect, it } from 'vitest';
import { dayFromYmd, isoFromDay } from '../../src/core/dates';
import { dutchHolidayOn, dutchHolidays, easterSunday } from '../../src/core/holidays';

describe('easterSunday', () => {
  it('matches the published Easter dates', () => {
    // Published Gregorian Easter Sundays.
    const known: Record<number, string> = {
      2000: '2000-04-23', 2008: '2008-03-23', 2011: '2011-04-24', 2019: '2019-04-21', 2024: '2024-03-31',
      2025: '2025-04-20', 2026: '2026-04-05', 2027: '2027-03-28', 2038: '2038-04-25', 2285: '2285-03-22',
    };
    for (const [year, iso] of Object.entries(known)) expect(isoFromDay(easterSunday(Number(year)))).toBe(iso);
  });
});

describe('dutchHolidays', () => {
  it('lists the Dutch public holidays of 2026 in date order', () => {
    expect(dutchHolidays(2026).map((h) => `${isoFromDay(h.day)} ${h.nl}`)).toEqual([
      '2026-01-01 Nieuwjaarsdag',
      '2026-04-05 Eerste paasdag',
      '2026-04-06 Tweede paasdag',
      '2026-04-27 Koningsdag',
      '2026-05-14 Hemelvaartsdag',
      '2026-05-24 Eerste pinksterdag',
      '2026-05-25 Tweede pinksterdag',
      '2026-12-25 Eerste kerstdag',
      '2026-12-26 Tweede kerstdag',
    ]);
  });

  it("moves King's Day to the 26th when the 27th is a Sunday (2025)", () => {
    expect(dutchHolidays(2025).find((h) => h.en === "King's Day")!.day).toBe(dayFromYmd(2025, 4, 26));
  });

  it('includes Liberation Day in lustrum years only', () => {
    expect(dutchHolidayOn(dayFromYmd(2030, 5, 5), 2030)?.nl).toBe('Bevrijdingsdag');
    expect(dutchHolidayOn(dayFromYmd(2026, 5, 5), 2026)).toBeNull();
  });

  it('does not treat Good Friday as a day off', () => {
    expect(dutchHolidayOn(dayFromYmd(2026, 4, 3), 2026)).toBeNull();
  });
});
