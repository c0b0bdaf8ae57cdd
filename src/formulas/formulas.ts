// The custom functions' logic, free of Apps Script: each takes what Sheets passes (a value, or a
// 2-D array for a range) and the spreadsheet's calendar and locale, and returns what Sheets shows.
// A bad value throws an Error whose message Sheets shows in the cell's tooltip.

import { type CadenceSettings, DEFAULT_CADENCE, nextTouchpoint, touchpointStatus } from '../core/cadence';
import { concentrationOf } from '../core/concentration';
import { isDate, isoFromDay, MAX_DAY, type ZoneClock } from '../core/dates';
import { type Language, type LocaleConventions } from '../core/locale';
import { isBlank, type ParseError, parseAmount, parseDay, parseRevenue, parseTier, type Tier } from '../core/parse';
import { abcTiers, DEFAULT_A_SHARE, DEFAULT_B_SHARE } from '../core/tiers';
import { groupedAbcTiers, groupedRevenues } from '../core/accounts';
import { catalogue, fill } from '../i18n/catalogue';

export interface FormulaContext {
  clock: ZoneClock;
  conventions: LocaleConventions;
  language: Language;
}

type Grid = unknown[][];

function isGrid(value: unknown): value is Grid {
  return Array.isArray(value) && value.every(Array.isArray);
}

function shapeOf(grid: Grid): string {
  return `${grid.length}x${grid[0]?.length ?? 0}`;
}

function fail(ctx: FormulaContext, value: unknown, error: ParseError): never {
  const words = catalogue(ctx.language);
  throw new Error(fill(words.formula.invalid, { value: describe(ctx, value), what: words.parseError[error] }));
}

/** A value as the user sees it in the cell: a Date by its calendar date in the sheet's zone. */
function describe(ctx: FormulaContext, value: unknown): string {
  if (isDate(value)) return Number.isNaN(value.getTime()) ? String(value) : isoFromDay(ctx.clock.dayOf(value));
  return String(value);
}

/**
 * Applies `fn` cell by cell over one or two arguments that are each a value or a range. Two ranges
 * must have the same shape; a single value pairs with every cell of the other range.
 */
function zip<T>(ctx: FormulaContext, a: unknown, b: unknown, fn: (x: unknown, y: unknown) => T): T | T[][] {
  // Decided once: isGrid scans the whole range, so asking per cell made a range quadratic.
  const gridA = isGrid(a) ? a : null;
  const gridB = isGrid(b) ? b : null;
  if (!gridA && !gridB) return fn(a, b);
  if (gridA && gridB && shapeOf(gridA) !== shapeOf(gridB)) {
    throw new Error(fill(catalogue(ctx.language).formula.shape, { a: shapeOf(gridA), b: shapeOf(gridB) }));
  }
  const shape = (gridA ?? gridB)!;
  return shape.map((row, i) => row.map((_, j) => fn(gridA ? gridA[i][j] : a, gridB ? gridB[i][j] : b)));
}

/** A single value from a value or a 1x1 range. */
function single(value: unknown): unknown {
  return isGrid(value) && value.length === 1 && value[0].length === 1 ? value[0][0] : value;
}

function cadenceFrom(ctx: FormulaContext, range: unknown): CadenceSettings {
  if (isBlank(range)) return DEFAULT_CADENCE;
  const cells = isGrid(range) ? range.flat() : [range];
  const words = catalogue(ctx.language).formula;
  if (cells.length !== 3) throw new Error(words.cadenceRange);
  const months = cells.map((v) => {
    const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*\d+\s*$/.test(v) ? Number(v) : NaN;
    if (!Number.isInteger(n) || n < 1 || n > 120) throw new Error(fill(words.cadenceMonths, { value: String(v) }));
    return n;
  });
  return { ...DEFAULT_CADENCE, monthsPerTier: { A: months[0], B: months[1], C: months[2] } };
}

export function NEXT_TOUCHPOINT(ctx: FormulaContext, lastContact: unknown, tier: unknown, cadenceMonths?: unknown) {
  const cadence = cadenceFrom(ctx, cadenceMonths);
  return zip(ctx, lastContact, tier, (last, t): Date | '' => {
    if (isBlank(last) || isBlank(t)) return '';
    const day = parseDay(last, { conventions: ctx.conventions, clock: ctx.clock });
    if (!day.ok) fail(ctx, last, day.error);
    const parsedTier = parseTier(t);
    if (!parsedTier.ok) fail(ctx, t, parsedTier.error);
    const next = nextTouchpoint(day.value, parsedTier.value, cadence);
    if (next > MAX_DAY) throw new Error(fill(catalogue(ctx.language).formula.beyondCalendar, { value: describe(ctx, last) }));
    return ctx.clock.instantOf(next);
  });
}

export function TOUCHPOINT_STATUS(ctx: FormulaContext, nextContact: unknown, referenceDate: unknown, dueSoonDays?: unknown) {
  const words = catalogue(ctx.language);
  const reference = single(referenceDate);
  if (isBlank(reference) || isGrid(reference)) throw new Error(words.formula.referenceDate);
  const parseCtx = { conventions: ctx.conventions, clock: ctx.clock };
  const today = parseDay(reference, parseCtx);
  if (!today.ok) fail(ctx, reference, today.error);
  let window = DEFAULT_CADENCE.dueSoonDays;
  const windowCell = single(dueSoonDays);
  if (!isBlank(windowCell)) {
    const n = typeof windowCell === 'number' ? windowCell : Number(String(windowCell).trim());
    if (!Number.isInteger(n) || n < 0 || n > 365) throw new Error(fill(words.formula.dueSoonDays, { value: String(windowCell) }));
    window = n;
  }
  return zip(ctx, nextContact, null, (next): string => {
    if (isBlank(next)) return '';
    const day = parseDay(next, parseCtx);
    if (!day.ok) fail(ctx, next, day.error);
    return words.status[touchpointStatus(day.value, today.value, window)];
  });
}

function shareFrom(ctx: FormulaContext, value: unknown, fallback: number): number {
  const cell = single(value);
  if (isBlank(cell)) return fallback;
  let n: number | null = null;
  if (typeof cell === 'number') n = cell;
  else if (typeof cell === 'string') {
    const percent = cell.trim().endsWith('%');
    const parsed = parseAmount(cell.replace('%', ''), ctx.conventions);
    if (parsed.ok) n = percent ? parsed.value / 100 : parsed.value;
  }
  if (n === null || !(n > 0 && n <= 1)) throw new Error(fill(catalogue(ctx.language).formula.share, { value: String(cell) }));
  return n;
}

function revenuesOf(ctx: FormulaContext, value: unknown): Array<number | null> {
  const cells = isGrid(value) ? value.flat() : [value];
  return cells.map((cell) => {
    if (isBlank(cell)) return null;
    const parsed = parseRevenue(cell, ctx.conventions);
    if (!parsed.ok) fail(ctx, cell, parsed.error);
    return parsed.value;
  });
}

/**
 * ABC tiers by revenue. Blank revenue is C, like zero; only blank rows after the last filled one
 * stay blank, so that an open range such as B2:B does not fill the empty sheet with C.
 */
export function RELATION_TIER(ctx: FormulaContext, revenues: unknown, aShare?: unknown, bShare?: unknown, organisations?: unknown) {
  const a = shareFrom(ctx, aShare, DEFAULT_A_SHARE);
  const b = shareFrom(ctx, bShare, DEFAULT_B_SHARE);
  if (a > b) throw new Error(catalogue(ctx.language).formula.shareOrder);
  const values = revenuesOf(ctx, revenues);
  const groups = groupsOf(ctx, revenues, organisations);
  // With organisations, every row takes its organisation's tier, from the organisation's summed revenue.
  const tiers = groups ? groupedAbcTiers(values.map((v) => v ?? 0), groups, a, b) : abcTiers(values.map((v) => v ?? 0), a, b);
  let lastFilled = -1;
  values.forEach((v, i) => v !== null && (lastFilled = i));
  const out: Array<Tier | ''> = tiers.map((t, i) => (i > lastFilled ? '' : t));
  if (!isGrid(revenues)) return out[0];
  const width = revenues[0]?.length ?? 0;
  return revenues.map((row, i) => row.map((_, j) => out[i * width + j]));
}

/**
 * The organisation per revenue cell, or null without an organisations argument. The range must
 * have the revenues' shape; a blank organisation is a client of its own.
 */
function groupsOf(ctx: FormulaContext, revenues: unknown, organisations: unknown): string[] | null {
  if (organisations === undefined || organisations === null || (!isGrid(organisations) && isBlank(organisations))) return null;
  const revenueGrid = isGrid(revenues) ? revenues : [[revenues]];
  const orgGrid = isGrid(organisations) ? organisations : [[organisations]];
  if (shapeOf(revenueGrid) !== shapeOf(orgGrid)) throw new Error(fill(catalogue(ctx.language).formula.shape, { a: shapeOf(revenueGrid), b: shapeOf(orgGrid) }));
  return orgGrid.flat().map((v) => (isBlank(v) ? '' : String(v)));
}

export function CONCENTRATION(ctx: FormulaContext, revenues: unknown, organisations?: unknown): Array<[string, string | number]> {
  const words = catalogue(ctx.language);
  const all = revenuesOf(ctx, revenues);
  const groups = groupsOf(ctx, revenues, organisations);
  // With organisations, an organisation's contacts are one client: their revenues are summed first.
  const values = groups
    ? groupedRevenues(all.map((v) => v ?? 0), groups.map((g, i) => (all[i] === null ? '' : g))).totals
    : all.filter((v): v is number => v !== null);
  const c = concentrationOf(values);
  if (!c) throw new Error(words.formula.noRevenue);
  return [
    [words.concentration.hhi, c.hhi],
    [words.concentration.largestShare, c.largestShare],
    [words.concentration.top5Share, c.top5Share],
    [words.concentration.effectiveClients, c.effectiveClients],
    [words.concentration.verdict, words.verdict[c.verdict]],
  ];
}
