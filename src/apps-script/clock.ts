// The spreadsheet's calendar inside Apps Script. Intl converts dates without a service call per
// cell; before trusting it, one call to Utilities.formatDate checks that it agrees with Google's
// own time-zone data, and if it does not, Utilities is used for every distinct instant instead.

import { type Day, dayFromYmd, intlClock, isoFromDay, MS_PER_DAY, type ZoneClock } from '../core/dates';

export function appsScriptClock(timeZone: string): ZoneClock {
  const now = new Date();
  try {
    const intl = intlClock(timeZone);
    if (isoFromDay(intl.dayOf(now)) === Utilities.formatDate(now, timeZone, 'yyyy-MM-dd')) return intl;
  } catch {
    // An unknown zone in Intl: fall through to Utilities.
  }
  return utilitiesClock(timeZone);
}

function utilitiesClock(timeZone: string): ZoneClock {
  const days = new Map<number, Day>();
  const instants = new Map<Day, Date>();
  const dayOf = (instant: Date): Day => {
    const key = instant.getTime();
    let day = days.get(key);
    if (day === undefined) {
      const [y, m, d] = Utilities.formatDate(instant, timeZone, 'yyyy-MM-dd').split('-').map(Number);
      day = dayFromYmd(y, m, d);
      days.set(key, day);
    }
    return day;
  };
  const instantOf = (day: Day): Date => {
    let instant = instants.get(day);
    if (!instant) {
      const noonUtc = new Date(day * MS_PER_DAY + MS_PER_DAY / 2);
      const offset = Utilities.formatDate(noonUtc, timeZone, 'Z'); // "+0100"
      const sign = offset.startsWith('-') ? -1 : 1;
      const minutes = sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(3, 5)));
      instant = new Date(day * MS_PER_DAY - minutes * 60_000);
      instants.set(day, instant);
    }
    return instant;
  };
  return { timeZone, dayOf, instantOf };
}
