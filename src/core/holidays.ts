// Dutch public holidays (nationale feestdagen), as a small rule set: a holiday library for all
// countries would weigh more than the rest of the bundle, and the Dutch list is short and stable.
//
// Good Friday is not a general day off in the Netherlands, so it is not listed. Liberation Day
// (5 May) is a day off in most collective agreements only in lustrum years (2025, 2030, ...), so it
// is listed in those years only.

import { addDays, type Day, dayFromYmd, weekdayOf } from './dates';

/** Easter Sunday (Gregorian), by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
export function easterSunday(year: number): Day {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return dayFromYmd(year, month, day);
}

export interface Holiday {
  day: Day;
  nl: string;
  en: string;
}

export function dutchHolidays(year: number): Holiday[] {
  const easter = easterSunday(year);
  // King's Day is 27 April, or the 26th when the 27th is a Sunday.
  let kingsDay = dayFromYmd(year, 4, 27);
  if (weekdayOf(kingsDay) === 0) kingsDay = addDays(kingsDay, -1);
  const list: Holiday[] = [
    { day: dayFromYmd(year, 1, 1), nl: 'Nieuwjaarsdag', en: "New Year's Day" },
    { day: easter, nl: 'Eerste paasdag', en: 'Easter Sunday' },
    { day: addDays(easter, 1), nl: 'Tweede paasdag', en: 'Easter Monday' },
    { day: kingsDay, nl: 'Koningsdag', en: "King's Day" },
    { day: addDays(easter, 39), nl: 'Hemelvaartsdag', en: 'Ascension Day' },
    { day: addDays(easter, 49), nl: 'Eerste pinksterdag', en: 'Whit Sunday' },
    { day: addDays(easter, 50), nl: 'Tweede pinksterdag', en: 'Whit Monday' },
    { day: dayFromYmd(year, 12, 25), nl: 'Eerste kerstdag', en: 'Christmas Day' },
    { day: dayFromYmd(year, 12, 26), nl: 'Tweede kerstdag', en: 'Boxing Day' },
  ];
  if (year % 5 === 0) list.push({ day: dayFromYmd(year, 5, 5), nl: 'Bevrijdingsdag', en: 'Liberation Day' });
  return list.sort((x, y) => x.day - y.day);
}

const cache = new Map<number, Map<Day, Holiday>>();

export function dutchHolidayOn(day: Day, year: number): Holiday | null {
  let byDay = cache.get(year);
  if (!byDay) {
    byDay = new Map(dutchHolidays(year).map((h) => [h.day, h]));
    cache.set(year, byDay);
  }
  return byDay.get(day) ?? null;
}
