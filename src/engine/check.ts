// Cadans > Controleren (issue 9): the checks a support question starts with, shared by both shells.
// The engine checks what any workbook shows (its tabs and columns, its size against the cell
// limit, its time zone); the Apps Script shell adds what only the platform knows (the script's
// zone, Intl against Utilities, permissions, the reminders' sender and next run, the mail quota).

import { cellForecast, lastYearCount } from '../core/capacity';
import { type Day, isDate, ymdFromDay } from '../core/dates';
import type { Language } from '../core/locale';
import { catalogue, fill } from '../i18n/catalogue';
import { TABS, TOUCHPOINTS } from '../../sheets-templates/tabs';
import { displayName, findTab, mapColumns } from '../workbook/headers';
import type { WorkbookPort } from '../workbook/ports';

export type CheckLevel = 'ok' | 'warn' | 'fail';

export interface CheckLine {
  level: CheckLevel;
  text: string;
}

/** A tab's grid (Apps Script: getMaxRows x getMaxColumns; a file: its used area) and its last used row. */
export interface TabSize {
  name: string;
  rows: number;
  columns: number;
  lastRow: number;
}

/** A spreadsheet holds at most 10 million cells over all its tabs (Google's limit). */
export const CELL_LIMIT = 10_000_000;
/** From this share of the limit on, new rows and tabs may soon fail: Cadans's own thresholds. */
const CELLS_WARN = 0.8;
const CELLS_FAIL = 0.95;

/** Tabs Cadans cannot work without; the others are added by setup when wanted. */
const REQUIRED = new Set(['relations', 'settings', 'log']);

/** The tabs and columns Cadans needs: a missing tab or column names the menu item that adds it. */
export function checkTabs(workbook: WorkbookPort, language: Language): CheckLine[] {
  const words = catalogue(language).platform;
  const names = workbook.sheetNames();
  const lines: CheckLine[] = [];
  for (const tab of TABS) {
    const name = findTab(tab, names);
    if (!name) {
      lines.push({ level: REQUIRED.has(tab.key) ? 'fail' : 'warn', text: fill(workbook.hasMenu === false ? words.checkTabMissingLocal : words.checkTabMissing, { tab: displayName(tab, language) }) });
      continue;
    }
    const missing = mapColumns(tab, workbook.sheet(name).readHeader()).missing;
    for (const column of missing) lines.push({ level: 'warn', text: fill(workbook.hasMenu === false ? words.checkColumnMissingLocal : words.checkColumnMissing, { column: displayName(column, language), tab: name }) });
  }
  if (lines.length === 0) lines.push({ level: 'ok', text: words.checkTabsOk });
  return lines;
}

/** Cells used against the 10 million limit, in total and per tab. */
export function checkCells(sizes: readonly TabSize[], language: Language): CheckLine[] {
  const words = catalogue(language).platform;
  const number = (n: number) => n.toLocaleString(language === 'nl' ? 'nl-NL' : 'en-GB');
  const used = sizes.reduce((n, s) => n + s.rows * s.columns, 0);
  const share = used / CELL_LIMIT;
  const percent = (Math.round(share * 1000) / 10).toLocaleString(language === 'nl' ? 'nl-NL' : 'en-GB');
  const level: CheckLevel = share >= CELLS_FAIL ? 'fail' : share >= CELLS_WARN ? 'warn' : 'ok';
  const lines: CheckLine[] = [{ level, text: fill(words.checkCells, { used: number(used), percent }) }];
  if (level !== 'ok') lines.push({ level, text: fill(words.checkCellsFull, { percent }) });
  for (const s of sizes) {
    lines.push({ level: 'ok', text: fill(words.checkTab, { tab: s.name, rows: number(s.rows), columns: number(s.columns), cells: number(s.rows * s.columns), lastRow: number(s.lastRow) }) });
  }
  return lines;
}

/**
 * Issue 20: how fast the spreadsheet grows and the month it would reach the 10 million cells, at
 * the pace the Touchpoints tab grew over the last 12 months. Reads the tab's date column only.
 */
export function checkGrowth(workbook: WorkbookPort, sizes: readonly TabSize[], today: Day, language: Language): CheckLine[] {
  const words = catalogue(language).platform;
  const number = (n: number) => n.toLocaleString(language === 'nl' ? 'nl-NL' : 'en-GB');
  const used = sizes.reduce((n, s) => n + s.rows * s.columns, 0);
  const name = findTab(TOUCHPOINTS, workbook.sheetNames());
  const size = sizes.find((s) => s.name === name);
  if (!name || !size) return [];
  const sheet = workbook.sheet(name);
  const dateColumn = mapColumns(TOUCHPOINTS, sheet.readHeader()).index.get('date');
  if (dateColumn === undefined) return [];
  const cells = size.lastRow < 2 ? [] : sheet.readBlock ? sheet.readBlock(2, size.lastRow, dateColumn + 1, 1).map((r) => r[0]) : sheet.readAll().slice(1).map((r) => r[dateColumn]);
  const days = cells.filter(isDate).map((d) => workbook.clock.dayOf(d));
  const f = cellForecast({ used, limit: CELL_LIMIT, touchpointsLastYear: lastYearCount(days, today), columns: size.columns, freeRows: Math.max(0, size.rows - size.lastRow) }, today);
  if (f.reached === null) return [{ level: 'ok', text: words.checkGrowthNone }];
  const month = `${String(f.reached.month).padStart(2, '0')}-${f.reached.year}`;
  const now = ymdFromDay(today);
  // Within a year: time to move old touchpoints out (Cadans's choice of warning).
  const soon = f.reached.year * 12 + f.reached.month - (now.year * 12 + now.month) <= 12;
  return [{ level: soon ? 'warn' : 'ok', text: fill(words.checkGrowth, { perMonth: number(f.perMonth), tab: name, month }) }];
}

/** The spreadsheet's zone against the script's: Cadans computes in the spreadsheet's. */
export function checkTimeZones(sheetZone: string, scriptZone: string, language: Language): CheckLine[] {
  const words = catalogue(language).platform;
  const lines: CheckLine[] = [{ level: 'ok', text: fill(words.checkTimeZones, { sheet: sheetZone, script: scriptZone }) }];
  if (sheetZone !== scriptZone) lines.push({ level: 'warn', text: fill(words.checkTimeZonesDiffer, { sheet: sheetZone, script: scriptZone }) });
  return lines;
}

/** The report as a user sends it to support: one line per check, the summary first. */
export function formatCheck(lines: readonly CheckLine[], language: Language): string {
  const words = catalogue(language).platform;
  const label = { ok: words.checkOk, warn: words.checkWarn, fail: words.checkFail };
  const count = (level: CheckLevel) => lines.filter((l) => l.level === level && !l.text.startsWith('  ')).length;
  const summary = fill(words.checkSummary, { ok: count('ok'), warn: count('warn'), fail: count('fail') });
  return [summary, '', ...lines.map((l) => (l.text.startsWith('  ') ? l.text : `[${label[l.level]}] ${l.text}`))].join('\n');
}
