// The WorkbookPort over SpreadsheetApp: every method is a fixed handful of service calls, so a
// job's number of calls does not grow with its rows.

import type { ZoneClock } from '../core/dates';
import { mergeNotes, withCadansText } from '../core/notes';
import { type CellMark, type ChartSpec, type DocumentStore, type MarkExtent, NUMBER_PATTERNS, type SheetPort, type StatusColourRule, type TabFormat, type WorkbookPort } from '../workbook/ports';
import { appsScriptClock } from './clock';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * setValues parses strings as if typed: `=...` becomes a formula, and `+`, `-` or `@` can too.
 * A leading apostrophe keeps such text text (Sheets shows it without the apostrophe).
 */
export function asCellValue(value: unknown): unknown {
  // A leading apostrophe of the text itself would be taken as that prefix and vanish: it gets one too.
  if (typeof value === 'string' && /^[=+\-@']/.test(value)) return `'${value}`;
  return value ?? '';
}

/** A, B, ..., Z, AA, AB, ... */
export function columnLetters(column: number): string {
  let out = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

function rectangular(values: unknown[][]): unknown[][] {
  // A loop, not Math.max(...rows): spreading 125,000 rows overflows the stack.
  let width = 0;
  for (const r of values) if (r.length > width) width = r.length;
  return values.map((r) => Array.from({ length: width }, (_, i) => asCellValue(r[i])));
}

/**
 * The condition of Cadans's colour rule for cells it could not use: always true (the rule's ranges
 * are exactly those cells), and a text no rule of the team's has, so a later run finds its own.
 */
export const MARK_FORMULA = '=ISTEXT("cadans:mark")';
/** The colour of such a cell: the light red of `te laat`, so it reads as "needs you". */
const MARK_COLOURS = { background: '#f4c7c3', color: '#a50e0e' };
/** A print of a mark's text, four characters at most: the store keeps one per marked cell (issue 20). */
export function markPrint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return (hash >>> 12).toString(36);
}

/** `14.8` → `H14`. */
function a1OfMarkKey(key: string): string {
  const [row, column] = key.split('.').map(Number);
  return `${columnLetters(column)}${row}`;
}

/** A short fingerprint of a tab's presentation (FNV-1a over its JSON): equal formats, equal prints. */
export function formatPrint(format: TabFormat): string {
  const text = JSON.stringify(format);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `${text.length.toString(36)}.${hash.toString(36)}`;
}

/**
 * Which presentation each generated tab last got, kept in the document's properties under one
 * key: a refresh whose tab looks as it did last time (most mornings) skips its ~15 formatting
 * calls. clearContents keeps formats, so the tab still shows them.
 * https://developers.google.com/apps-script/reference/spreadsheet/sheet#clearContents()
 */
export const FORMAT_PRINTS_KEY = 'cadans.tabFormats';

class FormatPrints {
  private prints: Record<string, string> | null = null;

  constructor(private readonly store: DocumentStore) {}

  private load(): Record<string, string> {
    if (this.prints === null) {
      try {
        const parsed: unknown = JSON.parse(this.store.get(FORMAT_PRINTS_KEY) ?? '{}');
        this.prints = parsed && typeof parsed === 'object' ? (parsed as Record<string, string>) : {};
      } catch {
        this.prints = {};
      }
    }
    return this.prints;
  }

  unchanged(tab: string, print: string): boolean {
    return this.load()[tab] === print;
  }

  remember(tab: string, print: string): void {
    const prints = this.load();
    prints[tab] = print;
    this.store.set(FORMAT_PRINTS_KEY, JSON.stringify(prints));
  }
}

class AppsScriptSheet implements SheetPort {
  constructor(
    private readonly sheet: Sheet,
    readonly name: string,
    private readonly prints: FormatPrints,
    /** Inserted by this execution: it has no formats yet, whatever the properties remember. */
    private readonly created = false,
  ) {}

  readAll(): unknown[][] {
    const values = this.sheet.getDataRange().getValues();
    const all = values.length === 1 && values[0].length === 1 && values[0][0] === '' ? [] : values;
    this.seen = { rows: all.length, columns: all[0]?.length ?? 0 };
    return all;
  }

  /** The block readAll last read, so marking cells after a refresh needs no second look. */
  private seen: MarkExtent | null = null;

  /**
   * Issue 20: the notes of only the cells whose mark comes, goes or changes, by cell list: one
   * getRangeList for them, then getNote and setNote per cell (Apps Script has no getNotes over a
   * RangeList), so the cells moved are the marks changed, never the tab. A morning whose marks are
   * those of the last run touches nothing. Cadans's colour rule is rewritten only when the set of
   * marked cells changed. A record of an earlier version (an extent without cells) is cleaned
   * once over its block, as before.
   */
  markCells(marks: readonly CellMark[], previous: MarkExtent | null): MarkExtent {
    if (previous && !previous.cells) return this.markBlock(marks, previous);
    const before = previous?.cells ?? {};
    const after: Record<string, string> = {};
    const texts = new Map<string, string>();
    let rows = 0;
    let columns = 0;
    for (const m of marks) {
      const key = `${m.row}.${m.column}`;
      after[key] = markPrint(m.text);
      texts.set(key, m.text);
      rows = Math.max(rows, m.row);
      columns = Math.max(columns, m.column);
    }
    const changed = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => before[k] !== after[k]);
    if (changed.length > 0) {
      // A cell of an earlier mark may lie outside the grid now (rows deleted since): nothing to take away there.
      if (!this.grid) this.grid = { rows: this.sheet.getMaxRows(), columns: this.sheet.getMaxColumns() };
      const inGrid = changed.filter((k) => {
        const [r, c] = k.split('.').map(Number);
        return r <= this.grid!.rows && c <= this.grid!.columns;
      });
      if (inGrid.length > 0) {
        const cells = this.sheet.getRangeList(inGrid.map(a1OfMarkKey)).getRanges();
        cells.forEach((cell, i) => {
          const note = String(cell.getNote() ?? '');
          const next = withCadansText(note, texts.get(inGrid[i]) ?? null);
          if (next !== note) cell.setNote(next);
        });
      }
    }
    const sameCells = previous !== null && Object.keys(before).length === texts.size && Object.keys(before).every((k) => texts.has(k));
    if (!sameCells) this.markRule([...texts.keys()].map(a1OfMarkKey));
    return { rows, columns, cells: after };
  }

  /** Replaces Cadans's colour rule on this tab with one over exactly these cells (none when empty). */
  private markRule(cells: readonly string[]): void {
    const rules = this.sheet.getConditionalFormatRules();
    const kept = rules.filter((rule) => {
      const condition = rule.getBooleanCondition();
      return !(
        condition !== null &&
        condition.getCriteriaType() === SpreadsheetApp.BooleanCriteria.CUSTOM_FORMULA &&
        String(condition.getCriteriaValues()[0]) === MARK_FORMULA
      );
    });
    if (kept.length === rules.length && cells.length === 0) return;
    // First, so that the mark shows over any colour of the team's on the same cell.
    const ours = cells.length
      ? [
          SpreadsheetApp.newConditionalFormatRule()
            .whenFormulaSatisfied(MARK_FORMULA)
            .setBackground(MARK_COLOURS.background)
            .setFontColor(MARK_COLOURS.color)
            .setRanges(this.sheet.getRangeList([...cells]).getRanges())
            .build(),
        ]
      : [];
    this.sheet.setConditionalFormatRules([...ours, ...kept]);
  }

  /**
   * An earlier version's record (issue 14) knows only the block it checked: one read and at most
   * one write of that block's notes takes every Cadans note away but this run's, once; the record
   * then lists the cells, and later runs go by cell list.
   */
  private markBlock(marks: readonly CellMark[], previous: MarkExtent): MarkExtent {
    const seen = this.seen ?? { rows: this.sheet.getLastRow(), columns: this.sheet.getLastColumn() };
    let rows = Math.max(seen.rows, previous.rows);
    let columns = Math.max(seen.columns, previous.columns);
    for (const m of marks) {
      rows = Math.max(rows, m.row);
      columns = Math.max(columns, m.column);
    }
    if (rows > seen.rows || columns > seen.columns) {
      // An earlier run's block may be larger than the grid is now (rows deleted since): stay inside it.
      if (!this.grid) this.grid = { rows: this.sheet.getMaxRows(), columns: this.sheet.getMaxColumns() };
      rows = Math.min(rows, this.grid.rows);
      columns = Math.min(columns, this.grid.columns);
    }
    const inBlock = marks.filter((m) => m.row <= rows && m.column <= columns);
    if (rows >= 1 && columns >= 1) {
      const block = this.sheet.getRange(1, 1, rows, columns);
      const texts = new Map(inBlock.map((m) => [`${m.row - 1},${m.column - 1}`, m.text]));
      const notes = mergeNotes(block.getNotes(), texts);
      if (notes) block.setNotes(notes);
    }
    this.markRule(inBlock.map((m) => `${columnLetters(m.column)}${m.row}`));
    return { rows: 0, columns: 0, cells: Object.fromEntries(inBlock.map((m) => [`${m.row}.${m.column}`, markPrint(m.text)])) };
  }

  readHeader(): unknown[] {
    const columns = this.sheet.getLastColumn();
    return columns === 0 ? [] : this.sheet.getRange(1, 1, 1, columns).getValues()[0];
  }

  /** The grid's size as this execution last saw it: it only grows while Cadans runs. */
  private grid: { rows: number; columns: number } | null = null;

  /**
   * Grows the tab's grid to hold this cell: a range outside getMaxRows() x getMaxColumns() throws
   * ("The coordinates of the range are outside the dimensions of the sheet."), and a write does not
   * grow it. At most two reads per tab and execution, and one insert per dimension per write.
   */
  private fit(lastRow: number, lastColumn: number): void {
    if (!this.grid) this.grid = { rows: this.sheet.getMaxRows(), columns: this.sheet.getMaxColumns() };
    if (lastRow > this.grid.rows) {
      this.sheet.insertRowsAfter(this.grid.rows, lastRow - this.grid.rows);
      this.grid.rows = lastRow;
    }
    if (lastColumn > this.grid.columns) {
      this.sheet.insertColumnsAfter(this.grid.columns, lastColumn - this.grid.columns);
      this.grid.columns = lastColumn;
    }
  }

  write(row: number, column: number, values: unknown[][]): void {
    if (values.length === 0) return;
    const block = rectangular(values);
    this.fit(row + block.length - 1, column + block[0].length - 1);
    this.sheet.getRange(row, column, block.length, block[0].length).setValues(block);
  }

  /** Below the last used row: a read, then a write, so callers that share the tab hold the script lock. */
  append(values: unknown[][]): void {
    if (values.length === 0) return;
    this.write(this.sheet.getLastRow() + 1, 1, values);
  }

  usedRows(): number {
    return this.sheet.getLastRow();
  }

  readRows(fromRow: number, toRow: number): unknown[][] {
    if (toRow < fromRow) return [];
    const columns = this.sheet.getLastColumn();
    if (columns === 0) return [];
    return this.sheet.getRange(fromRow, 1, toRow - fromRow + 1, columns).getValues();
  }

  readBlock(fromRow: number, toRow: number, fromColumn: number, columns: number): unknown[][] {
    if (toRow < fromRow || columns < 1) return [];
    return this.sheet.getRange(fromRow, fromColumn, toRow - fromRow + 1, columns).getValues();
  }

  deleteRows(row: number, count: number): void {
    if (count <= 0) return;
    this.sheet.deleteRows(row, count);
    // The grid shrinks with them: the size this execution remembers must follow.
    if (this.grid) this.grid.rows -= count;
  }

  /** One row, in one atomic call that also grows the grid: for writers that cannot take the lock. */
  appendRow(values: unknown[]): void {
    this.sheet.appendRow(values.map(asCellValue));
  }

  replaceAll(values: unknown[][]): void {
    this.sheet.clearContents();
    this.write(1, 1, values);
  }

  /**
   * Charts are matched to specs by their order on the tab, so a rerun updates the same charts
   * (keeping any size or style the team gave them) instead of stacking new ones.
   */
  setCharts(charts: readonly ChartSpec[]): void {
    const existing = this.sheet.getCharts();
    charts.forEach((spec, i) => {
      const domain = this.sheet.getRange(spec.domain.row, spec.domain.column, spec.domain.numRows, 1);
      const series = this.sheet.getRange(spec.series.row, spec.series.column, spec.series.numRows, 1);
      const old = existing[i];
      const builder = (old ? old.modify().clearRanges() : this.sheet.newChart().setPosition(spec.anchor.row, spec.anchor.column, 0, 0))
        .addRange(domain)
        .addRange(series)
        .setNumHeaders(1)
        .setOption('title', spec.title);
      const typed = spec.kind === 'pie' ? builder.asPieChart() : builder.asColumnChart();
      if (old) this.sheet.updateChart(typed.build());
      else this.sheet.insertChart(typed.build());
    });
    for (const extra of existing.slice(charts.length)) this.sheet.removeChart(extra);
  }

  /**
   * A generated tab's presentation in a fixed number of calls, whatever its rows: one range gets
   * every cell's number format, weight and style in one call each (plain cells back to General, so
   * a row that held a percentage last run reads as it should now), the colour rules replace the
   * tab's in one call, and the widths go one call per column of the layout.
   */
  formatTab(format: TabFormat): void {
    const { rows, columns } = format;
    if (rows < 1 || columns < 1) return;
    const print = formatPrint(format);
    if (!this.created && this.prints.unchanged(this.name, print)) return;
    this.applyFormat(format);
    this.prints.remember(this.name, print);
  }

  private applyFormat(format: TabFormat): void {
    const { rows, columns } = format;
    this.fit(rows, columns);
    const range = this.sheet.getRange(1, 1, rows, columns);
    const patterns: string[][] = Array.from({ length: rows }, () => Array.from({ length: columns }, () => 'General'));
    for (const n of format.numbers) patterns[n.row - 1][n.column - 1] = NUMBER_PATTERNS[n.kind];
    const bold = new Set(format.bold);
    const italic = new Set(format.italic);
    const weights = Array.from({ length: rows }, (_, r) => Array.from({ length: columns }, () => (bold.has(r + 1) ? 'bold' : 'normal')));
    const styles = Array.from({ length: rows }, (_, r) => Array.from({ length: columns }, () => (italic.has(r + 1) ? 'italic' : 'normal')));
    range.setNumberFormats(patterns);
    range.setFontWeights(weights as GoogleAppsScript.Spreadsheet.FontWeight[][]);
    range.setFontStyles(styles as GoogleAppsScript.Spreadsheet.FontStyle[][]);
    const rules = format.colours.map((c) => {
      const target = c.column === null ? range : this.sheet.getRange(1, c.column, rows, 1);
      const builder = SpreadsheetApp.newConditionalFormatRule();
      return (c.match === 'equals' ? builder.whenTextEqualTo(c.text) : builder.whenTextContains(c.text))
        .setBackground(c.background)
        .setFontColor(c.color)
        .setRanges([target])
        .build();
    });
    this.sheet.setConditionalFormatRules(rules);
    this.sheet.setFrozenRows(format.frozenRows);
    // One call per column: as many as the tab's layout has columns, never more with more rows.
    format.widths.forEach((width, c) => this.sheet.setColumnWidths(c + 1, 1, width));
  }

  /** A whole-column range (Y2:Y): formats, drop-downs and colours then also cover rows added later. */
  private columnFrom(column: number, fromRow: number) {
    const letters = columnLetters(column);
    return this.sheet.getRange(`${letters}${fromRow}:${letters}`);
  }

  setNumberFormat(column: number, fromRow: number, format: string): void {
    this.columnFrom(column, fromRow).setNumberFormat(format);
  }

  setListValidation(column: number, fromRow: number, values: readonly string[]): void {
    const rule = SpreadsheetApp.newDataValidation().requireValueInList([...values], true).setAllowInvalid(true).build();
    this.columnFrom(column, fromRow).setDataValidation(rule);
  }

  setStatusColours(column: number, fromRow: number, rules: readonly StatusColourRule[]): void {
    const texts = new Set(rules.map((r) => r.text));
    const kept = this.sheet.getConditionalFormatRules().filter((rule) => {
      const condition = rule.getBooleanCondition();
      const ours =
        condition !== null &&
        condition.getCriteriaType() === SpreadsheetApp.BooleanCriteria.TEXT_EQUAL_TO &&
        texts.has(String(condition.getCriteriaValues()[0])) &&
        rule.getRanges().some((r) => r.getColumn() === column);
      return !ours;
    });
    const range = this.columnFrom(column, fromRow);
    const added = rules.map((r) =>
      SpreadsheetApp.newConditionalFormatRule()
        .whenTextEqualTo(r.text)
        .setBackground(r.background)
        .setFontColor(r.color)
        .setRanges([range])
        .build(),
    );
    this.sheet.setConditionalFormatRules([...kept, ...added]);
  }

  styleHeader(columns: number, widths: readonly (number | undefined)[]): void {
    this.sheet.setFrozenRows(1);
    this.fit(1, columns);
    // Issue 20: a tab this execution created is as wide as its columns, not 26: the spreadsheet's
    // 10 million cells count empty ones too (a Touchpoints tab of 500,000 rows x 26 is 13 million).
    // A column added later grows the grid again (fit).
    if (this.created && this.grid!.columns > columns) {
      this.sheet.deleteColumns(columns + 1, this.grid!.columns - columns);
      this.grid!.columns = columns;
    }
    this.sheet.getRange(1, 1, 1, columns).setFontWeight('bold');
    widths.forEach((w, i) => w && this.sheet.setColumnWidth(i + 1, w));
  }
}

/** The document's properties: shared by every editor and execution of the bound script. */
const documentStore: DocumentStore = {
  get: (key) => PropertiesService.getDocumentProperties().getProperty(key),
  set: (key, value) => void PropertiesService.getDocumentProperties().setProperty(key, value),
};

export class AppsScriptWorkbook implements WorkbookPort {
  readonly clock: ZoneClock;
  readonly locale: string;
  readonly store = documentStore;
  private sheets: Map<string, AppsScriptSheet> | null = null;
  private readonly prints = new FormatPrints(documentStore);

  constructor(private readonly spreadsheet: Spreadsheet) {
    this.clock = appsScriptClock(spreadsheet.getSpreadsheetTimeZone());
    this.locale = spreadsheet.getSpreadsheetLocale();
  }

  private all(): Map<string, AppsScriptSheet> {
    if (!this.sheets) {
      this.sheets = new Map();
      for (const s of this.spreadsheet.getSheets()) {
        const name = s.getName();
        this.sheets.set(name, new AppsScriptSheet(s, name, this.prints));
      }
    }
    return this.sheets;
  }

  sheetNames(): string[] {
    return [...this.all().keys()];
  }

  sheet(name: string): SheetPort {
    const found = this.all().get(name);
    if (!found) throw new Error(`No tab named ${name}`);
    return found;
  }

  addSheet(name: string): SheetPort {
    const sheet = new AppsScriptSheet(this.spreadsheet.insertSheet(name), name, this.prints, true);
    this.all().set(name, sheet);
    return sheet;
  }
}
