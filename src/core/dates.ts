// Calendar dates without time zones.
//
// A relationship's "last contact" is a calendar date, not an instant. Inside the core every date
// is a `Day`: the whole number of days since 1970-01-01. Only the shells turn a JavaScript `Date`
// (an instant) into a Day, and always through the spreadsheet's time zone, so that no date moves
// when the script, the spreadsheet and the machine sit in different zones.

/** Whole days since 1970-01-01 (the proleptic Gregorian calendar). */
export type Day = number;

export interface Ymd {
  year: number;
  month: number; // 1-12
  day: number; // 1-31
}

export const MS_PER_DAY = 86_400_000;
/** Google Sheets and Excel count days from 1899-12-30 (serial 0); 1970-01-01 is serial 25569. */
export const SERIAL_OF_EPOCH = 25_569;
export const MIN_YEAR = 1900;
export const MAX_YEAR = 9999;

/** 31-12-9999, the last date a spreadsheet can hold. */
export const MAX_DAY: Day = 2_932_896;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

export function isValidYmd(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= MIN_YEAR &&
    year <= MAX_YEAR &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

export function dayFromYmd(year: number, month: number, day: number): Day {
  // setUTCFullYear, because Date.UTC maps the years 0-99 to 1900-1999.
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return Math.round(d.getTime() / MS_PER_DAY);
}

export function ymdFromDay(day: Day): Ymd {
  const d = new Date(day * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** 0 = Sunday ... 6 = Saturday, as `Date.getDay`. 1970-01-01 was a Thursday. */
export function weekdayOf(day: Day): number {
  return (((day + 4) % 7) + 7) % 7;
}

/**
 * Calendar-month arithmetic with month-end clamping, exactly as the spreadsheet function EDATE:
 * 31 Jan + 1 month = 28 Feb (29 in a leap year); 29 Feb + 12 months = 28 Feb.
 */
export function addMonths(day: Day, months: number): Day {
  const { year, month, day: dom } = ymdFromDay(day);
  const index = year * 12 + (month - 1) + Math.trunc(months);
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return dayFromYmd(y, m, Math.min(dom, daysInMonth(y, m)));
}

export function addDays(day: Day, days: number): Day {
  return day + days;
}

export function serialFromDay(day: Day): number {
  return day + SERIAL_OF_EPOCH;
}

export function dayFromSerial(serial: number): Day {
  return Math.floor(serial) - SERIAL_OF_EPOCH;
}

export function isoFromDay(day: Day): string {
  const { year, month, day: d } = ymdFromDay(day);
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(d)}`;
}

/** A strict `YYYY-MM-DD` (as a date input or a command line gives it), or null. */
export function parseIsoDay(text: unknown): Day | null {
  const m = typeof text === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(text) : null;
  return m && isValidYmd(Number(m[1]), Number(m[2]), Number(m[3])) ? dayFromYmd(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

/** Dutch style, as the team types it: 3-2-2026 becomes 03-02-2026. */
export function formatDay(day: Day, style: 'dmy' | 'mdy' | 'iso' = 'dmy'): string {
  if (style === 'iso') return isoFromDay(day);
  const { year, month, day: d } = ymdFromDay(day);
  return style === 'dmy' ? `${pad2(d)}-${pad2(month)}-${year}` : `${pad2(month)}/${pad2(d)}/${year}`;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

// ---- Instants and time zones -------------------------------------------------------------
// Apps Script's V8 has ICU time-zone data, so Intl gives the calendar date of an instant in any
// IANA zone without a service call per cell (Utilities.formatDate would be one call per cell).

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Throws a RangeError for a name that is not an IANA time zone. */
export function assertTimeZone(timeZone: string): void {
  formatterFor(timeZone);
}

interface WallClock extends Ymd {
  hour: number;
  minute: number;
  second: number;
}

function wallClock(ms: number, timeZone: string): WallClock {
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC' || timeZone === 'GMT') {
    const d = new Date(ms);
    return {
      year: d.getUTCFullYear(),
      month: d.getUTCMonth() + 1,
      day: d.getUTCDate(),
      hour: d.getUTCHours(),
      minute: d.getUTCMinutes(),
      second: d.getUTCSeconds(),
    };
  }
  const out: Record<string, number> = {};
  let beforeChrist = false;
  for (const part of formatterFor(timeZone).formatToParts(new Date(ms))) {
    if (part.type === 'era') beforeChrist = part.value.startsWith('B');
    else if (part.type !== 'literal') out[part.type] = Number(part.value);
  }
  if (beforeChrist) out.year = 1 - out.year; // 1 BC is year 0
  // Some ICU versions print midnight as hour 24 of the previous day.
  return {
    year: out.year,
    month: out.month,
    day: out.day,
    hour: out.hour === 24 ? 0 : out.hour,
    minute: out.minute,
    second: out.second,
  };
}

/**
 * The wall-clock time of an instant in a zone, as a Date whose UTC fields read that time: what a
 * file without time zones (an .xlsx) should store so that it shows the team's local time.
 */
export function wallTimeAsUtc(instant: Date, timeZone: string): Date {
  const w = wallClock(instant.getTime(), timeZone);
  return new Date(Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second));
}

/** The calendar date an instant falls on, in the given time zone. */
export function dayOfInstant(instant: Date, timeZone: string): Day {
  const w = wallClock(instant.getTime(), timeZone);
  return dayFromYmd(w.year, w.month, w.day);
}

function offsetMs(ms: number, timeZone: string): number {
  const w = wallClock(ms, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(ms / 1000) * 1000;
}

/**
 * The instant of midnight starting the given day in the given zone: the value a spreadsheet in that
 * zone stores for a date-only cell. Where a DST jump skips midnight, the first instant of the day.
 */
export function instantOfDay(day: Day, timeZone: string): Date {
  const utcMidnight = day * MS_PER_DAY;
  let ms = utcMidnight - offsetMs(utcMidnight, timeZone);
  const second = utcMidnight - offsetMs(ms, timeZone);
  if (second !== ms) ms = second;
  // A skipped midnight leaves us in the previous day; step forward to the day's first hour.
  for (let guard = 0; guard < 4 && dayOfInstant(new Date(ms), timeZone) < day; guard++) ms += 3_600_000;
  return new Date(ms);
}

/**
 * Turns instants into calendar dates of one time zone and back. The core only ever sees one of
 * these, so a shell can supply its own (Apps Script checks Intl against Utilities.formatDate).
 */
export interface ZoneClock {
  readonly timeZone: string;
  dayOf(instant: Date): Day;
  instantOf(day: Day): Date;
}

export function intlClock(timeZone: string): ZoneClock {
  assertTimeZone(timeZone);
  // A sheet holds few distinct dates among many cells (and ranges of formulas repeat them), so
  // both directions are memoised; Intl formatting is the costly part.
  const days = new Map<number, Day>();
  const instants = new Map<Day, number>();
  return {
    timeZone,
    dayOf(instant) {
      const ms = instant.getTime();
      let day = days.get(ms);
      if (day === undefined) {
        day = dayOfInstant(instant, timeZone);
        if (days.size < MEMO_LIMIT) days.set(ms, day);
      }
      return day;
    },
    instantOf(day) {
      let ms = instants.get(day);
      if (ms === undefined) {
        ms = instantOfDay(day, timeZone).getTime();
        if (instants.size < MEMO_LIMIT) instants.set(day, ms);
      }
      return new Date(ms); // a fresh Date: callers may hand it to code that mutates it
    },
  };
}

const MEMO_LIMIT = 100_000;

/** True for a `Date` from any realm (a sandbox or the Apps Script runtime), unlike `instanceof`. */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}
