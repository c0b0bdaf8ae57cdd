// The built Apps Script bundle (dist/Cadans.js) in the vm harness with the counted fakes: the
// service calls of one full dailyRun, and NEXT_TOUCHPOINT over a 50,000-row range.

import { performance } from 'node:perf_hooks';
import { instantOfDay, type Day } from '../src/core/dates';
import { type Cadans, loadCadans, workbook } from '../test/apps-script/harness';
import type { FakeSheet, FakeSpreadsheet } from '../test/apps-script/fakes/index';
import { generate, LOCALE, LOG_HEADER, RELATION_HEADER, TIME_ZONE, TODAY, TOUCHPOINT_HEADER, settingsRows } from './generate';

/** 2026-11-24 07:00 in Amsterdam: the daily trigger's hour on a Tuesday. */
const FIXED_NOW = Date.UTC(2026, 10, 24, 6, 0, 0);

const midnights = new Map<Day, Date>();
function midnight(day: Day): Date {
  let d = midnights.get(day);
  if (!d) {
    d = instantOfDay(day, TIME_ZONE);
    midnights.set(day, d);
  }
  return d;
}

/**
 * Seeds a tab in chunks through the fake's own (uncounted) grid writer: seeding through the
 * constructor spreads every row into Math.max, which overflows the stack past ~125,000 rows.
 */
function seed(sheet: FakeSheet, rows: unknown[][]): void {
  const chunk = 10_000;
  for (let start = 0; start < rows.length; start += chunk) {
    const block = rows.slice(start, start + chunk);
    const width = block.reduce((w, r) => Math.max(w, r.length), 0);
    // A tab that holds this many rows has a grid that large (the strict fake's grid does not grow
    // on write: issue 9), and no wider than its data: 500,000 touchpoints in a 26-column tab would
    // be 13 million cells, over Google's 10 million for the whole spreadsheet.
    sheet.maxRows = Math.max(sheet.maxRows, start + block.length);
    sheet.maxColumns = start === 0 ? width : Math.max(sheet.maxColumns, width);
    sheet.$write({ row: start + 1, column: 1, numRows: block.length, numColumns: width }, block);
  }
}

/** The benchmark's workbook of n relationships with 10 touchpoints each, seeded in the fake (also used by test/apps-script/cells.test.ts). */
export function spreadsheet(n: number, perRelation?: number): FakeSpreadsheet {
  const data = generate(n, midnight, perRelation);
  const ss = workbook({ timeZone: TIME_ZONE, locale: LOCALE, sheets: { Relaties: [RELATION_HEADER], Touchpoints: [TOUCHPOINT_HEADER], Instellingen: settingsRows(), Log: [LOG_HEADER] } });
  seed(ss.$sheet('Relaties'), data.sheets.Relaties);
  seed(ss.$sheet('Touchpoints'), data.sheets.Touchpoints);
  return ss;
}

/**
 * Pins "now" inside the script's realm to FIXED_NOW (the clock keeps running from there), so
 * that every run is on the same send day whatever day the benchmark runs.
 */
function pinClock(cadans: Cadans): void {
  cadans.evaluate(`(() => {
    const Real = Date;
    const offset = ${FIXED_NOW} - Real.now();
    function PinnedDate(...args) {
      if (!new.target) return Real();
      return args.length === 0 ? new Real(Real.now() + offset) : new Real(...args);
    }
    PinnedDate.prototype = Real.prototype;
    PinnedDate.now = () => Real.now() + offset;
    PinnedDate.UTC = Real.UTC;
    PinnedDate.parse = Real.parse;
    globalThis.Date = PinnedDate;
  })()`);
}

export interface ServiceCallResult {
  size: number;
  relations: number;
  touchpoints: number;
  total: number;
  byMethod: Record<string, number>;
  /** Mails MailApp sent, and the relationships in them. */
  mails: number;
  digestItems: number;
  /** Computed cells the run wrote (Volgend contact, Status, Dagen te laat per data row). */
  computedRows: number;
  ms: number;
}

export function serviceCalls(n: number): ServiceCallResult {
  const ss = spreadsheet(n);
  const cadans = loadCadans(ss);
  pinClock(cadans);
  cadans.env.reset();
  const t0 = performance.now();
  cadans.dailyRun();
  const ms = performance.now() - t0;
  const total = cadans.env.total;
  const byMethod = cadans.env.byMethod();

  // Check that it really did the work, through the tests' (uncounted) window on the grid.
  const relaties = ss.$sheet('Relaties');
  const statusCol = RELATION_HEADER.indexOf('Status') + 1;
  const computedRows = relaties.$column(statusCol).filter((v) => v !== '').length;
  const log = ss.$sheet('Log').$values();
  const kindCol = LOG_HEADER.indexOf('Soort');
  const countCol = LOG_HEADER.indexOf('Aantal');
  let digestItems = 0;
  for (const row of log.slice(1)) if (row[kindCol] === 'verzonden') digestItems += Number(row[countCol]) || 0;
  const errors = cadans.logs.filter((l) => /error|fout/i.test(l));
  if (errors.length) throw new Error(`dailyRun logged: ${errors.join('; ')}`);
  return {
    size: n,
    relations: n,
    touchpoints: ss.$sheet('Touchpoints').$lastRow() - 1,
    total,
    byMethod,
    mails: cadans.project.mail.sent.length,
    digestItems,
    computedRows,
    ms,
  };
}

/** One NEXT_TOUCHPOINT call over an n x 1 date range and an n x 1 tier range, as Sheets makes it. */
export function nextTouchpointBench(n: number, runs = 3) {
  const data = generate(n, midnight);
  const rows = data.sheets.Relaties.slice(1);
  const lastCol = RELATION_HEADER.indexOf('Laatste contact');
  const tierCol = RELATION_HEADER.indexOf('Tier');
  // The formula throws on the first invalid cell (that is its contract): keep the messy-but-valid
  // cells (text dates, loose tiers, blanks) and replace the invalid ones with a valid date.
  const bad = /^(vorige week|31-2-2026|#N\/A|2026-13-01|D|top|#REF!)$/;
  const dates = rows.map((r) => [typeof r[lastCol] === 'string' && bad.test(r[lastCol] as string) ? midnight(TODAY - 30) : r[lastCol]]);
  const tiers = rows.map((r) => [typeof r[tierCol] === 'string' && bad.test(r[tierCol] as string) ? 'B' : r[tierCol]]);

  const cadans = loadCadans(workbook({ timeZone: TIME_ZONE, locale: LOCALE, sheets: { Relaties: [RELATION_HEADER] } }));
  const env = cadans.env;
  // Arguments in the script's realm, as Sheets hands a range to a custom function.
  const realmArg = (grid: unknown[][]) => env.array(grid.map((row) => env.array(row.map((v) => (v instanceof Date ? env.date(v.getTime()) : v)))));
  const fn = cadans.functions.NEXT_TOUCHPOINT;
  const times: number[] = [];
  let result: unknown[][] = [];
  for (let i = 0; i <= runs; i++) {
    const a = realmArg(dates);
    const b = realmArg(tiers);
    (globalThis as { gc?: () => void }).gc?.();
    env.mode = 'CUSTOM_FUNCTION';
    const t0 = performance.now();
    try {
      result = fn(a, b) as unknown[][];
    } finally {
      env.mode = 'FULL';
    }
    const t1 = performance.now();
    if (i === 0) continue;
    times.push(t1 - t0);
  }
  const filled = result.filter((r) => r[0] !== '').length;
  if (result.length !== n) throw new Error(`NEXT_TOUCHPOINT returned ${result.length} rows for ${n}`);
  const median = (v: number[]) => [...v].sort((x, y) => x - y)[Math.floor(v.length / 2)];
  return { size: n, ms: median(times), samples: times, filled };
}
