// Visible reasons in the sheet (issue 14): every cell the run could not use gets a note saying why
// and a colour, on its own tab; a later run takes both away once the cell is fixed. The tabs marked
// and the block checked are kept in the workbook's store, so a run with nothing to mark touches no
// tab, and a mark on a cell the team has since cleared is still found.

import type { Language } from '../core/locale';
import { catalogue, fill } from '../i18n/catalogue';
import type { CellMark, MarkExtent, WorkbookPort } from '../workbook/ports';
import { type Problem, problemCell } from '../workbook/problems';
import { findTab } from '../workbook/headers';
import { ACTIONS, ORGANISATIONS, PIPELINE, RELATIONS, SETTINGS, TEAM_TAB, TOUCHPOINTS } from '../../sheets-templates/tabs';

/** The tabs whose cells Cadans reads, and so may mark. */
const INPUT_TABS = [RELATIONS, TOUCHPOINTS, ACTIONS, PIPELINE, ORGANISATIONS, TEAM_TAB, SETTINGS];

const MARKS_KEY = 'cadans.marks';
/** At most this many marks per tab (Cadans's choice): beyond it the Log still lists every problem. */
export const MAX_MARKS_PER_TAB = 500;

/** The marks per tab: each problem with a cell of a data row, problems of one cell joined. */
export function marksOf(problems: readonly Problem[], language: Language): Map<string, CellMark[]> {
  const words = catalogue(language).problem;
  const byCell = new Map<string, { sheet: string; row: number; column: number; lines: string[] }>();
  for (const p of problems) {
    const cell = problemCell(p);
    if (!cell) continue;
    const key = `${p.sheet}\u0000${cell.row}\u0000${cell.column}`;
    let entry = byCell.get(key);
    if (!entry) byCell.set(key, (entry = { sheet: p.sheet, ...cell, lines: [] }));
    const line = p.value === '' ? p.message : `'${p.value}': ${p.message}`;
    if (!entry.lines.includes(line)) entry.lines.push(line);
  }
  const out = new Map<string, CellMark[]>();
  for (const e of byCell.values()) {
    const list = out.get(e.sheet) ?? [];
    if (list.length >= MAX_MARKS_PER_TAB) continue;
    list.push({ row: e.row, column: e.column, text: fill(words.cellNote, { problem: e.lines.join('\n') }) });
    out.set(e.sheet, list);
  }
  return out;
}

/**
 * The write that makes the marks in the sheet these, or null when there is nothing to mark and
 * nothing marked before (then the run makes no call for it but the store's read).
 */
export function planMarks(workbook: WorkbookPort, problems: readonly Problem[], language: Language): (() => void) | null {
  const names = workbook.sheetNames();
  const marks = marksOf(problems, language);
  const store = workbook.store;
  const index = store ? readIndex(store.get(MARKS_KEY)) : {};
  const previous: Record<string, MarkExtent> = {};
  for (const [tab, entry] of Object.entries(index)) {
    previous[tab] = typeof entry === 'number' ? { rows: 0, columns: 0, cells: parseCells(store!.get(cellsKey(tab))) } : entry;
  }
  // Without a store (the local runner, which reads every part anyway) the tabs Cadans reads are
  // looked at every run, so that a rule left by a run on an earlier export goes too.
  const inputs = store ? [] : INPUT_TABS.map((def) => findTab(def, names)).filter((n): n is string => n !== null && n !== undefined);
  const tabs = [...new Set([...marks.keys(), ...Object.keys(previous), ...inputs])].filter((t) => names.includes(t));
  if (tabs.length === 0 && Object.keys(previous).length === 0) return null;
  return () => {
    const next: Record<string, number> = {};
    for (const tab of tabs) {
      const sheet = workbook.sheet(tab);
      if (!sheet.markCells) continue;
      const own = marks.get(tab) ?? [];
      const result = sheet.markCells(own, previous[tab] ?? null);
      if (!store) continue;
      const text = own.length && result.cells ? formatCells(result.cells) : '';
      const before = previous[tab]?.cells ? formatCells(previous[tab].cells!) : '';
      if (text !== before) store.set(cellsKey(tab), text);
      if (own.length) next[tab] = own.length;
    }
    const text = JSON.stringify(next);
    if (store && text !== JSON.stringify(index)) store.set(MARKS_KEY, text);
  };
}

/**
 * The marks' index: per tab the number of cells listed under its own key (issue 20), or, from an
 * earlier version, the block checked (issue 14), which the shell then cleans once.
 */
function readIndex(text: string | null): Record<string, number | MarkExtent> {
  const out: Record<string, number | MarkExtent> = {};
  try {
    const parsed: unknown = JSON.parse(text ?? '{}');
    if (!parsed || typeof parsed !== 'object') return out;
    for (const [tab, e] of Object.entries(parsed as Record<string, unknown>)) {
      if (typeof e === 'number' && Number.isInteger(e) && e > 0) out[tab] = e;
      else if (e && typeof e === 'object') {
        const { rows, columns } = e as Partial<MarkExtent>;
        if (Number.isInteger(rows) && Number.isInteger(columns) && rows! > 0 && columns! > 0) out[tab] = { rows: rows!, columns: columns! };
      }
    }
  } catch {
    // An unreadable index is an empty one: the marks are then written afresh.
  }
  return out;
}

/**
 * One property per tab, as `row.column:print` separated by spaces: 500 marks (MAX_MARKS_PER_TAB)
 * of a tab of 100,000 rows take about 7 KB, inside the 9 KB a property value may hold.
 */
function cellsKey(tab: string): string {
  return `${MARKS_KEY}.${tab}`;
}

function formatCells(cells: Record<string, string>): string {
  return Object.entries(cells)
    .map(([key, print]) => `${key}:${print}`)
    .join(' ');
}

function parseCells(text: string | null): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (text ?? '').split(' ')) {
    const m = /^(\d+\.\d+):(\w+)$/.exec(part);
    if (m) out[m[1]] = m[2];
  }
  return out;
}
