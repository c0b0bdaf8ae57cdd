// The spreadsheet's calendar inside Apps Script. Intl converts dates without a service call per
// cell; before trusting it, a few calls to Utilities.formatDate check that it agrees with Google's
// own time-zone data, and if it does not, Utilities is used for every distinct instant instead.
//
// The check compares UTC offsets, not dates (issue 9): an Intl that ignored `timeZone` would give
// the right date most hours of the day. It probes now, mid-January, mid-July, and an hour either
// side of each clock change Intl reports for this year, so a wrong summer-time rule shows too.

import { type Day, dayFromYmd, intlClock, MS_PER_DAY, wallTimeAsUtc, type ZoneClock } from '../core/dates';

const HOUR_MS = 3_600_000;

export interface ClockProbe {
  instant: Date;
  /** Minutes east of UTC, by Intl and by Utilities.formatDate; null where Intl cannot tell. */
  intl: number | null;
  utilities: number;
}

export interface ClockCheck {
  /** True when Intl and Utilities agree at every probe. */
  agrees: boolean;
  probes: ClockProbe[];
}

export function appsScriptClock(timeZone: string): ZoneClock {
  try {
    if (checkClock(timeZone).agrees) return intlClock(timeZone);
  } catch {
    // An unknown zone in Intl: fall through to Utilities.
  }
  return utilitiesClock(timeZone);
}

/** Intl against Utilities.formatDate, by UTC offset, at the instants around both clock changes. */
export function checkClock(timeZone: string, now = new Date()): ClockCheck {
  const probes = probeInstants(timeZone, now).map((instant) => ({
    instant,
    intl: intlOffset(instant, timeZone),
    utilities: utilitiesOffset(instant, timeZone),
  }));
  return { agrees: probes.every((p) => p.intl === p.utilities), probes };
}

function intlOffset(instant: Date, timeZone: string): number | null {
  try {
    const ms = Math.floor(instant.getTime() / 1000) * 1000;
    return Math.round((wallTimeAsUtc(instant, timeZone).getTime() - ms) / 60_000);
  } catch {
    return null;
  }
}

function utilitiesOffset(instant: Date, timeZone: string): number {
  const offset = Utilities.formatDate(instant, timeZone, 'Z'); // "+0100"
  const sign = offset.startsWith('-') ? -1 : 1;
  return sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(3, 5)));
}

/**
 * Now, 15 January and 15 July (noon UTC) of this year, and an hour before and after each change of
 * offset that Intl finds in the year, located to the hour without service calls.
 */
function probeInstants(timeZone: string, now: Date): Date[] {
  const year = now.getUTCFullYear();
  const probes = [now, new Date(Date.UTC(year, 0, 15, 12)), new Date(Date.UTC(year, 6, 15, 12))];
  const start = Date.UTC(year, 0, 1);
  let previous = intlOffset(new Date(start), timeZone);
  for (let day = 1; day <= 366 && previous !== null; day++) {
    const ms = start + day * MS_PER_DAY;
    const offset = intlOffset(new Date(ms), timeZone);
    if (offset === null) break;
    if (offset !== previous) {
      // The change lies in the last 24 hours: find its hour.
      for (let h = ms - MS_PER_DAY + HOUR_MS; h <= ms; h += HOUR_MS) {
        if (intlOffset(new Date(h), timeZone) !== previous) {
          probes.push(new Date(h - HOUR_MS), new Date(h + HOUR_MS));
          break;
        }
      }
      previous = offset;
    }
  }
  return probes;
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
      // Midnight by the offset at noon UTC; where the clocks change at midnight (Santiago, Havana,
      // Beirut ...), that offset is not midnight's and the instant lands on the previous day, or
      // later than the day's start: step by the hour to the day's first hour.
      const noonUtc = new Date(day * MS_PER_DAY + MS_PER_DAY / 2);
      let ms = day * MS_PER_DAY - utilitiesOffset(noonUtc, timeZone) * 60_000;
      for (let guard = 0; guard < 4 && dayOf(new Date(ms)) < day; guard++) ms += HOUR_MS;
      for (let guard = 0; guard < 4 && dayOf(new Date(ms - HOUR_MS)) === day; guard++) ms -= HOUR_MS;
      instant = new Date(ms);
      instants.set(day, instant);
    }
    return new Date(instant.getTime());
  };
  return { timeZone, dayOf, instantOf };
}
