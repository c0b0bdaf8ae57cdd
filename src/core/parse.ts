// Reading what people type into cells. Every parser takes a raw cell value (a string, number,
// boolean, Date or blank) and returns either a value or the kind of mistake, never throws: the
// caller decides whether that becomes a reported problem with its place or a formula error.

import { type Day, dayFromSerial, dayFromYmd, isDate, isValidYmd, MAX_YEAR, MIN_YEAR, serialFromDay, type ZoneClock } from './dates';
import type { LocaleConventions } from './locale';

export type ParseError =
  | 'date'
  | 'amount'
  | 'negativeAmount'
  | 'count'
  | 'score'
  | 'tier'
  | 'yesNo'
  | 'relationType'
  | 'email'
  | 'cellError';

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: ParseError };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(error: ParseError): Parsed<T> => ({ ok: false, error });

export interface ParseContext {
  conventions: LocaleConventions;
  /** The spreadsheet's time zone: the zone in which a Date cell's instant is a calendar date. */
  clock: Pick<ZoneClock, 'dayOf'>;
}

export function isBlank(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

/** Spreadsheet error values as they arrive in exported or pasted data: #N/A, #REF!, #DIV/0! ... */
export function isCellError(value: unknown): boolean {
  return typeof value === 'string' && /^#(N\/A|REF!|VALUE!|DIV\/0!|NAME\?|NUM!|NULL!|ERROR!|SPILL!|CALC!)$/i.test(value.trim());
}

// ---- Dates ----------------------------------------------------------------------------------

const MONTH_NAMES: Record<string, number> = {};
[
  ['januari', 'january', 'jan'],
  ['februari', 'february', 'feb'],
  ['maart', 'march', 'mrt', 'mar'],
  ['april', 'apr'],
  ['mei', 'may'],
  ['juni', 'june', 'jun'],
  ['juli', 'july', 'jul'],
  ['augustus', 'august', 'aug'],
  ['september', 'sep', 'sept'],
  ['oktober', 'october', 'okt', 'oct'],
  ['november', 'nov'],
  ['december', 'dec'],
].forEach((names, i) => names.forEach((n) => (MONTH_NAMES[n] = i + 1)));

const MAX_SERIAL = serialFromDay(dayFromYmd(MAX_YEAR, 12, 31));
const MIN_SERIAL = serialFromDay(dayFromYmd(MIN_YEAR, 1, 1));
// Matched against lower-cased text, hence `t` and `z`.
const TIME_SUFFIX = String.raw`(?:[ t]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s*(?:z|[+-]\d{2}:?\d{2}))?)?`;
const ISO = new RegExp(String.raw`^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})${TIME_SUFFIX}$`);
const NUMERIC = new RegExp(String.raw`^(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})${TIME_SUFFIX}$`);
const DAY_MONTHNAME = /^(\d{1,2})\.?\s+([a-z]+)\.?,?\s+(\d{4})$/;
const MONTHNAME_DAY = /^([a-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})$/;

/** Two-digit years as Sheets reads them: 00-29 are 2000-2029, 30-99 are 1930-1999. */
function fullYear(text: string): number {
  const y = Number(text);
  if (text.length === 4) return y;
  return y < 30 ? 2000 + y : 1900 + y;
}

function fromParts(year: number, month: number, day: number): Parsed<Day> {
  return isValidYmd(year, month, day) ? ok(dayFromYmd(year, month, day)) : fail('date');
}

/**
 * A calendar date from a Date cell (read in the spreadsheet's time zone), a date serial, ISO text
 * (`2026-02-03`), short dates in the locale's order (`3-2-2026`, `03/02/2026`, `3.2.26`) or with a
 * month name (`3 februari 2026`, `Feb 3, 2026`). A time after the date is ignored: a contact on
 * `2026-02-03T23:30` happened on 3 February, whatever zone the text came from.
 */
export function parseDay(value: unknown, ctx: ParseContext): Parsed<Day> {
  if (isDate(value)) {
    if (Number.isNaN(value.getTime())) return fail('date');
    const day = ctx.clock.dayOf(value);
    return inRange(day) ? ok(day) : fail('date');
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < MIN_SERIAL || value > MAX_SERIAL + 0.999999) return fail('date');
    return ok(dayFromSerial(value));
  }
  if (typeof value !== 'string') return fail('date');
  if (isCellError(value)) return fail('cellError');
  const text = value.trim().toLowerCase().replace(/\s+/g, ' ');
  let m = ISO.exec(text);
  if (m) return fromParts(Number(m[1]), Number(m[2]), Number(m[3]));
  m = NUMERIC.exec(text);
  if (m) {
    const [first, second] = [Number(m[1]), Number(m[3])];
    const year = fullYear(m[4]);
    return ctx.conventions.dateOrder === 'dmy' ? fromParts(year, second, first) : fromParts(year, first, second);
  }
  m = DAY_MONTHNAME.exec(text);
  if (m && MONTH_NAMES[m[2]]) return fromParts(Number(m[3]), MONTH_NAMES[m[2]], Number(m[1]));
  m = MONTHNAME_DAY.exec(text);
  if (m && MONTH_NAMES[m[1]]) return fromParts(Number(m[3]), MONTH_NAMES[m[1]], Number(m[2]));
  return fail('date');
}

function inRange(day: Day): boolean {
  const serial = serialFromDay(day);
  return serial >= MIN_SERIAL && serial <= MAX_SERIAL;
}

// ---- Money and counts -----------------------------------------------------------------------

const CURRENCY = /€|eur(o|os)?\b|\$|usd\b|£|gbp\b|chf\b/gi;

/**
 * An amount from a number or from text such as `€ 12.500,00`, `12500`, `EUR 12,500.00`,
 * `€ 12.500,-` or `(500)`. With both separators present the last one is the decimal one; with one
 * separator, the locale's decimal separator is decimal, and the other one groups thousands when
 * exactly three digits follow it (`12.500` is twelve thousand five hundred in nl_NL).
 */
export function parseAmount(value: unknown, conventions: LocaleConventions): Parsed<number> {
  if (typeof value === 'number') return Number.isFinite(value) ? ok(value) : fail('amount');
  if (typeof value !== 'string') return fail('amount');
  if (isCellError(value)) return fail('cellError');
  let text = value.replace(CURRENCY, '').replace(/[\s\u00a0\u202f']/g, '');
  let negative = false;
  if (/^\(.*\)$/.test(text)) {
    negative = true;
    text = text.slice(1, -1);
  }
  if (/^[-\u2212]/.test(text)) {
    negative = !negative;
    text = text.slice(1);
  }
  text = text.replace(/([.,])-{1,2}$/, '$100'); // "12.500,-" is whole euros: read it as ",00"
  if (!/^\d[\d.,]*$/.test(text) || /[.,]$/.test(text)) return fail('amount');
  const lastDot = text.lastIndexOf('.');
  const lastComma = text.lastIndexOf(',');
  let decimal: '.' | ',' | null = null;
  if (lastDot >= 0 && lastComma >= 0) decimal = lastDot > lastComma ? '.' : ',';
  else if (lastDot >= 0 || lastComma >= 0) {
    const sep = lastDot >= 0 ? '.' : ',';
    const count = text.split(sep).length - 1;
    const afterLast = text.length - text.lastIndexOf(sep) - 1;
    if (count > 1) decimal = null;
    else if (sep === conventions.decimalSeparator) decimal = sep;
    else decimal = afterLast === 3 ? null : sep;
  }
  const [whole, fraction = ''] = decimal ? splitOnce(text, decimal) : [text, ''];
  const grouping = decimal === '.' ? ',' : decimal === ',' ? '.' : null;
  if (fraction.includes('.') || fraction.includes(',')) return fail('amount');
  if (!validGrouping(whole, grouping)) return fail('amount');
  const number = Number(`${whole.replace(/[.,]/g, '')}.${fraction || '0'}`);
  if (!Number.isFinite(number)) return fail('amount');
  return ok(negative ? -number : number);
}

function splitOnce(text: string, sep: string): [string, string] {
  const i = text.lastIndexOf(sep);
  return [text.slice(0, i), text.slice(i + 1)];
}

/** Thousands separators, where present, must group by three: `12.500` yes, `1.25.00` no. */
function validGrouping(whole: string, grouping: string | null): boolean {
  if (!/[.,]/.test(whole)) return true;
  const seps = new Set(whole.replace(/\d/g, ''));
  if (seps.size !== 1 || (grouping && !seps.has(grouping))) return false;
  const groups = whole.split(/[.,]/);
  return groups[0].length >= 1 && groups[0].length <= 3 && groups.slice(1).every((g) => g.length === 3);
}

/** A revenue or other money figure that may not be negative. */
export function parseRevenue(value: unknown, conventions: LocaleConventions): Parsed<number> {
  const parsed = parseAmount(value, conventions);
  if (parsed.ok && parsed.value < 0) return fail('negativeAmount');
  return parsed;
}

/** A whole, non-negative count: placements, referrals, minutes. */
export function parseCount(value: unknown, conventions: LocaleConventions): Parsed<number> {
  const parsed = parseAmount(value, conventions);
  if (!parsed.ok) return parsed.error === 'cellError' ? parsed : fail('count');
  return Number.isInteger(parsed.value) && parsed.value >= 0 ? parsed : fail('count');
}

/** A score from 1 to 10: the after-sales satisfaction (issue 12). */
export function parseScore(value: unknown, conventions: LocaleConventions): Parsed<number> {
  const parsed = parseCount(value, conventions);
  if (!parsed.ok) return parsed.error === 'cellError' ? parsed : fail('score');
  return parsed.value >= 1 && parsed.value <= 10 ? parsed : fail('score');
}

// ---- Words ----------------------------------------------------------------------------------

export type Tier = 'A' | 'B' | 'C';

const TIER_PATTERN = /^(?:tier\s*)?([abc])(?:\s*-?\s*(?:klant|client|kandidaat|candidate|relatie|relation))?$/i;

/** `A`, ` a `, `A-klant`, `Tier B`, `c-kandidaat`. */
export function parseTier(value: unknown): Parsed<Tier> {
  if (typeof value !== 'string') return fail('tier');
  if (isCellError(value)) return fail('cellError');
  const m = TIER_PATTERN.exec(value.trim());
  return m ? ok(m[1].toUpperCase() as Tier) : fail('tier');
}

const YES = new Set(['ja', 'j', 'yes', 'y', 'x', 'true', 'waar', 'wel', '1', 'actief', 'active', '✓', '✔', 'v']);
const NO = new Set(['nee', 'n', 'no', 'false', 'onwaar', 'niet', '0', 'inactief', 'inactive', '-']);

/** `ja`, `nee`, `x`, TRUE, 1 ... */
export function parseYesNo(value: unknown): Parsed<boolean> {
  if (typeof value === 'boolean') return ok(value);
  if (typeof value === 'number') return value === 1 ? ok(true) : value === 0 ? ok(false) : fail('yesNo');
  if (typeof value !== 'string') return fail('yesNo');
  if (isCellError(value)) return fail('cellError');
  const text = value.trim().toLowerCase();
  if (YES.has(text)) return ok(true);
  if (NO.has(text)) return ok(false);
  return fail('yesNo');
}

export type RelationType = 'client' | 'candidate';

const CLIENT_WORDS = new Set(['klant', 'client', 'opdrachtgever', 'k']);
const CANDIDATE_WORDS = new Set(['kandidaat', 'candidate', 'freelancer', 'professional']);

export function parseRelationType(value: unknown): Parsed<RelationType> {
  if (typeof value !== 'string') return fail('relationType');
  if (isCellError(value)) return fail('cellError');
  const text = value.trim().toLowerCase();
  if (CLIENT_WORDS.has(text)) return ok('client');
  if (CANDIDATE_WORDS.has(text)) return ok('candidate');
  return fail('relationType');
}

const EMAIL = /^[^\s@<>(),;:"[\]]+@[^\s@<>(),;:"[\]]+\.[a-z]{2,}$/i;

/** An address, also from `Naam <naam@bureau.nl>`; lower-cased so that owners group reliably. */
export function parseEmail(value: unknown): Parsed<string> {
  if (typeof value !== 'string') return fail('email');
  if (isCellError(value)) return fail('cellError');
  const text = value.trim();
  const angle = /<([^<>]+)>\s*$/.exec(text);
  const address = (angle ? angle[1] : text).trim().toLowerCase();
  return EMAIL.test(address) ? ok(address) : fail('email');
}
