// Independent reference implementations for property tests. Written from the definitions (the
// proleptic Gregorian calendar and the spreadsheet function EDATE), sharing no code with src/, so
// that a test compares the product against something that could disagree with it.

export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

/** Days since 1970-01-01 of a civil date (H. Hinnant's days_from_civil). Any year, including <= 0. */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12; // March = 0 ... February = 11
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The civil date of a day count (H. Hinnant's civil_from_days). */
export function civilFromDays(days: number): CivilDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** Length of a month, as the distance between two first-of-months. */
export function monthLength(year: number, month: number): number {
  const next = month === 12 ? { year: year + 1, month: 1 } : { year, month: month + 1 };
  return daysFromCivil(next.year, next.month, 1) - daysFromCivil(year, month, 1);
}

/**
 * EDATE: step the calendar month one at a time (months truncated toward zero, as EDATE does), then
 * clamp the day of the month to the length of the month reached.
 */
export function edate(days: number, months: number): number {
  const start = civilFromDays(days);
  let { year, month } = start;
  const steps = Math.trunc(months);
  for (let i = 0; i < Math.abs(steps); i++) {
    if (steps > 0) {
      month += 1;
      if (month === 13) {
        month = 1;
        year += 1;
      }
    } else {
      month -= 1;
      if (month === 0) {
        month = 12;
        year -= 1;
      }
    }
  }
  return daysFromCivil(year, month, Math.min(start.day, monthLength(year, month)));
}

const wallFormatters = new Map<string, Intl.DateTimeFormat>();

/** Wall-clock reading of an instant in a zone, as `YYYY-MM-DD HH:MM:SS` (era-aware, ISO year). */
export function wallClockText(instant: Date, timeZone: string): string {
  let f = wallFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    wallFormatters.set(timeZone, f);
  }
  const parts: Record<string, string> = {};
  for (const p of f.formatToParts(instant)) parts[p.type] = p.value;
  const year = /^B/.test(parts.era) ? 1 - Number(parts.year) : Number(parts.year);
  return `${String(year).padStart(4, '0')}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
}

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

/** The zone's UTC offset at an instant as Intl names it, e.g. `GMT+13:00`. */
export function offsetName(instant: Date, timeZone: string): string {
  let f = offsetFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
    offsetFormatters.set(timeZone, f);
  }
  return f.formatToParts(instant).find((p) => p.type === 'timeZoneName')!.value;
}

/**
 * Calendar days (as day counts) on or next to which the zone's offset changes, in the given years:
 * DST starts and ends, and one-off changes. Found by comparing the offset at successive UTC noons.
 */
export function transitionDays(timeZone: string, fromYear: number, toYear: number): number[] {
  const days = new Set<number>();
  const first = daysFromCivil(fromYear, 1, 1);
  const last = daysFromCivil(toYear, 12, 31);
  let previous = offsetName(new Date(first * 86_400_000 + 43_200_000), timeZone);
  for (let d = first + 1; d <= last; d++) {
    const current = offsetName(new Date(d * 86_400_000 + 43_200_000), timeZone);
    if (current !== previous) for (const near of [d - 2, d - 1, d, d + 1]) days.add(near);
    previous = current;
  }
  return [...days].sort((a, b) => a - b);
}
