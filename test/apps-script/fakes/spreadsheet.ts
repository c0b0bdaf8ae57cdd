// Spreadsheet, Sheet and Range, after developers.google.com/apps-script/reference/spreadsheet.
// Only what Cadans uses, with the details that bite: getValues returns a fresh copy; the data
// range of an empty sheet is A1 holding ''; setValues checks dimensions and turns a string that
// starts with '=' into a formula (a leading apostrophe keeps text); a date cell holds an instant.
// The grid is strict (issue 9): a new tab is 1000 x 26, a range outside getMaxRows() x
// getMaxColumns() throws, and only insertRowsAfter, insertColumnsAfter and appendRow grow it, up
// to 10 million cells over all tabs. Each rule cites its page below.
// Methods whose names start with `$` are the tests' window on the grid: not Apps Script, not counted.

import { type Env, isDate } from './env';
import { ConditionalFormatRule, DataValidation } from './rules';
import { FakeEmbeddedChart, FakeEmbeddedChartBuilder, newChartState } from './charts';

export type CellValue = string | number | boolean | Date;

export interface Cell {
  value: CellValue;
  /** The formula as typed (with its `=`), when the cell holds one; `value` is then its result. */
  formula?: string;
}

/** A seed cell holding a formula, with the result getValues should return. */
export class Formula {
  constructor(
    readonly formula: string,
    readonly value: CellValue = '',
  ) {}
}

interface Rect {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

interface Styled<T> extends Rect {
  value: T;
}

function inRect(r: Rect, row: number, column: number): boolean {
  return row >= r.row && row < r.row + r.numRows && column >= r.column && column < r.column + r.numColumns;
}

function seedCell(value: unknown): Cell | undefined {
  if (value instanceof Formula) return { value: value.value, formula: value.formula };
  if (value === null || value === undefined || value === '') return undefined;
  if (isDate(value)) return { value: new Date(value.getTime()) };
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return { value };
  throw new Error(`cannot seed a cell with ${String(value)}`);
}

export class FakeSpreadsheet {
  readonly sheets: FakeSheet[] = [];
  readonly toasts: Array<{ message: string; title?: string; timeoutSeconds?: number }> = [];

  constructor(
    readonly env: Env,
    public timeZone = 'Europe/Amsterdam',
    public locale = 'nl_NL',
    readonly name = 'Cadans test',
    readonly id = '1CaDaNsTestSpreadsheet0123456789abcdefghijk',
  ) {}

  getName(): string {
    this.env.hit('Spreadsheet.getName', 'read');
    return this.name;
  }

  getId(): string {
    this.env.hit('Spreadsheet.getId', 'read');
    return this.id;
  }

  getUrl(): string {
    this.env.hit('Spreadsheet.getUrl', 'read');
    return this.$url();
  }

  $url(): string {
    return `https://docs.google.com/spreadsheets/d/${this.id}/edit`;
  }

  getSpreadsheetTimeZone(): string {
    this.env.hit('Spreadsheet.getSpreadsheetTimeZone', 'read');
    return this.timeZone;
  }

  getSpreadsheetLocale(): string {
    this.env.hit('Spreadsheet.getSpreadsheetLocale', 'read');
    return this.locale;
  }

  getSheets(): FakeSheet[] {
    this.env.hit('Spreadsheet.getSheets', 'read');
    return this.env.array(this.sheets);
  }

  getSheetByName(name: string): FakeSheet | null {
    this.env.hit('Spreadsheet.getSheetByName', 'read');
    return this.sheets.find((s) => s.name === name) ?? null;
  }

  /** A new sheet of 1000 rows and 26 columns, placed last here. Sheet names are unique regardless of case. */
  insertSheet(name: string): FakeSheet {
    this.env.hit('Spreadsheet.insertSheet', 'write');
    if (this.sheets.some((s) => s.name.toLowerCase() === String(name).toLowerCase())) {
      throw this.env.error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    }
    return this.$addSheet(String(name));
  }

  /**
   * The range the person has selected. A spreadsheet always has one: A1 of the first tab until a
   * test selects another with $select; $select(null) stands for a context without a selection.
   */
  getActiveRange(): FakeRange | null {
    this.env.hit('Spreadsheet.getActiveRange', 'read');
    return this.$activeRange();
  }

  getActiveSheet(): FakeSheet {
    this.env.hit('Spreadsheet.getActiveSheet', 'read');
    return this.$activeRange()?.sheet ?? this.sheets[0];
  }

  private selection: { sheet: FakeSheet; row: number; column: number; numRows: number; numColumns: number } | null | undefined;

  /** Test: the person selects these cells (of the tab named), or nothing at all (null). */
  $select(sheet: string | null, row = 1, column = 1, numRows = 1, numColumns = 1): void {
    this.selection = sheet === null ? null : { sheet: this.$sheet(sheet), row, column, numRows, numColumns };
  }

  $activeRange(): FakeRange | null {
    if (this.selection === null) return null;
    const s = this.selection ?? (this.sheets[0] && { sheet: this.sheets[0], row: 1, column: 1, numRows: 1, numColumns: 1 });
    return s ? new FakeRange(s.sheet, s.row, s.column, s.numRows, s.numColumns) : null;
  }

  toast(message: string, title?: string, timeoutSeconds?: number): void {
    this.env.hit('Spreadsheet.toast', 'ui');
    this.toasts.push({ message, title, timeoutSeconds });
  }

  /**
   * Test set-up: a sheet with these rows from A1 (Dates, numbers, strings, booleans, Formula). Its
   * grid is 1000 x 26, as a new tab's (developers.google.com/apps-script/reference/spreadsheet/spreadsheet#insertsheet
   * makes "a new sheet"; Sheets gives it 1000 rows and 26 columns), or just large enough for the rows.
   */
  $addSheet(name: string, rows: readonly (readonly unknown[])[] = []): FakeSheet {
    // The first tab has gid 0; later ones get large ids, unique in the spreadsheet.
    const sheetId = this.sheets.length === 0 ? 0 : 104_729 * this.sheets.length + 1_000_003;
    const sheet = new FakeSheet(this.env, name, rows, sheetId);
    sheet.spreadsheet = this;
    this.sheets.push(sheet);
    return sheet;
  }

  /** Cells in every tab's grid, for the 10-million-cell limit. */
  $cells(): number {
    return this.sheets.reduce((n, s) => n + s.maxRows * s.maxColumns, 0);
  }

  $sheet(name: string): FakeSheet {
    const sheet = this.sheets.find((s) => s.name === name);
    if (!sheet) throw new Error(`no sheet ${name}; have ${this.sheets.map((s) => s.name).join(', ')}`);
    return sheet;
  }
}

let chartIds = 0;

/** Cells per spreadsheet, over all tabs (support.google.com/drive/answer/37603). */
export const CELL_LIMIT = 10_000_000;

export class FakeSheet {
  /** 0-based rows of 0-based cells; a missing cell is empty. */
  readonly grid: Array<Array<Cell | undefined> | undefined> = [];
  maxRows: number;
  maxColumns: number;
  frozenRows = 0;
  readonly columnWidths = new Map<number, number>();
  readonly formats: Styled<string>[] = [];
  readonly validations: Styled<DataValidation | null>[] = [];
  readonly fontWeights: Styled<string | null>[] = [];
  readonly fontStyles: Styled<string | null>[] = [];
  conditionalRules: ConditionalFormatRule[] = [];
  /** Notes per cell, 0-based rows of 0-based cells; kept apart from values, as setValues and clearContents leave notes alone. */
  readonly notes: Array<Array<string | undefined> | undefined> = [];
  /** Method names (e.g. 'getValues') that throw on this sheet, to simulate a failing service. */
  readonly failures = new Set<string>();

  constructor(
    readonly env: Env,
    readonly name: string,
    rows: readonly (readonly unknown[])[],
    /** The gid in the sheet's URL. */
    readonly sheetId = 0,
  ) {
    rows.forEach((row, r) => row.forEach((value, c) => this.put(r + 1, c + 1, seedCell(value))));
    this.maxRows = Math.max(1000, rows.length);
    this.maxColumns = Math.max(26, ...rows.map((r) => r.length));
  }

  private put(row: number, column: number, cell: Cell | undefined): void {
    const r = (this.grid[row - 1] ??= []);
    r[column - 1] = cell;
  }

  $fail(method: string): void {
    if (this.failures.has(method)) {
      throw this.env.error(`Service Spreadsheets failed while accessing document with id 1CaDaNs-${this.name}.`);
    }
  }

  getName(): string {
    this.env.hit('Sheet.getName', 'read');
    return this.name;
  }

  getSheetId(): number {
    this.env.hit('Sheet.getSheetId', 'read');
    return this.sheetId;
  }

  getMaxRows(): number {
    this.env.hit('Sheet.getMaxRows', 'read');
    return this.maxRows;
  }

  getMaxColumns(): number {
    this.env.hit('Sheet.getMaxColumns', 'read');
    return this.maxColumns;
  }

  getLastRow(): number {
    this.env.hit('Sheet.getLastRow', 'read');
    return this.$lastRow();
  }

  getLastColumn(): number {
    this.env.hit('Sheet.getLastColumn', 'read');
    return this.$lastColumn();
  }

  /** From A1 to the last row and column with content; A1 alone for an empty sheet. */
  getDataRange(): FakeRange {
    this.env.hit('Sheet.getDataRange', 'read');
    return new FakeRange(this, 1, 1, Math.max(1, this.$lastRow()), Math.max(1, this.$lastColumn()));
  }

  /**
   * getRange(row, column, numRows?, numColumns?), or getRange(a1Notation) for a whole-column range
   * such as 'Y2:Y' only (…/sheet#getrangea1notation). A whole-column range reaches the last row of
   * the grid; formats, validation and conditional formats given to it also cover rows added to the
   * grid later, as the project's platform notes say (/work/shared/apps-script-facts.md, "The grid is
   * strict"). A range with a fixed end (Y2:Y1000) covers only its rows: the stricter side.
   */
  getRange(row: number | string, column?: number, numRows = 1, numColumns = 1): FakeRange {
    this.env.hit('Sheet.getRange', 'read');
    if (typeof row === 'string') {
      const m = /^([A-Z]+)(\d+):([A-Z]+)$/.exec(row);
      if (!m || m[1] !== m[3]) throw new Error(`fake Sheet.getRange: only whole-column A1 ranges such as Y2:Y are supported, not ${row}`);
      const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
      const first = Number(m[2]);
      if (first < 1 || first > this.maxRows || col > this.maxColumns) throw this.env.error('Range not found');
      return new FakeRange(this, first, col, this.maxRows - first + 1, 1, true);
    }
    if (column === undefined) throw this.env.error('The fake supports getRange(row, column, numRows, numColumns) only');
    for (const n of [row, column, numRows, numColumns]) {
      if (!Number.isInteger(n)) throw this.env.error(`Cannot convert ${n} to int.`);
    }
    if (row < 1) throw this.env.error('The starting row of the range is too small.');
    if (column < 1) throw this.env.error('The starting column of the range is too small.');
    if (numRows < 1) throw this.env.error('The number of rows in the range must be at least 1.');
    if (numColumns < 1) throw this.env.error('The number of columns in the range must be at least 1.');
    this.$inGrid(row, column, numRows, numColumns);
    return new FakeRange(this, row, column, numRows, numColumns);
  }

  /**
   * A range must lie inside the tab's grid (getMaxRows() x getMaxColumns()); Apps Script throws
   * this message otherwise, and a write never grows the grid by itself: only insertRows*,
   * insertColumns* and appendRow do (developers.google.com/apps-script/reference/spreadsheet/sheet,
   * "getMaxRows", "insertRowsAfter", "appendRow"). The message is the one Apps Script gives; the
   * reference does not list error texts.
   */
  $inGrid(row: number, column: number, numRows: number, numColumns: number): void {
    if (row + numRows - 1 > this.maxRows || column + numColumns - 1 > this.maxColumns) {
      throw this.env.error('The coordinates of the range are outside the dimensions of the sheet.');
    }
  }

  /**
   * Inserts rows after the given row (developers.google.com/apps-script/reference/spreadsheet/sheet#insertrowsafterafterposition,-howmany).
   * The fake supports inserting at the end of the grid only, which is what Cadans does; the new
   * rows are empty and carry no format, validation or conditional format: the reference says
   * nothing about inheritance, so the fake takes the stricter side.
   */
  insertRowsAfter(afterPosition: number, howMany: number): FakeSheet {
    this.env.hit('Sheet.insertRowsAfter', 'write');
    if (!Number.isInteger(howMany) || howMany < 1) throw this.env.error(`Invalid argument: howMany (${howMany})`);
    if (afterPosition !== this.maxRows) throw new Error(`fake Sheet.insertRowsAfter: only after the last row (${this.maxRows}) is supported, not ${afterPosition}`);
    this.$limitCells(howMany * this.maxColumns);
    this.maxRows += howMany;
    return this;
  }

  /** As insertRowsAfter, for columns (…/sheet#insertcolumnsafteraftersposition,-howmany); at the end of the grid only. */
  insertColumnsAfter(afterPosition: number, howMany: number): FakeSheet {
    this.env.hit('Sheet.insertColumnsAfter', 'write');
    if (!Number.isInteger(howMany) || howMany < 1) throw this.env.error(`Invalid argument: howMany (${howMany})`);
    if (afterPosition !== this.maxColumns) throw new Error(`fake Sheet.insertColumnsAfter: only after the last column (${this.maxColumns}) is supported, not ${afterPosition}`);
    this.$limitCells(howMany * this.maxRows);
    this.maxColumns += howMany;
    return this;
  }

  /**
   * Deletes howMany rows from rowPosition on (…/sheet#deleterowsrowposition,-howmany): the rows
   * below move up and the grid shrinks. Formats given to whole-column ranges stay; the fake does not
   * move other formats (Cadans gives the Log whole-column formats only). Deleting every row throws.
   */
  deleteRows(rowPosition: number, howMany: number): void {
    this.env.hit('Sheet.deleteRows', 'write');
    if (!Number.isInteger(rowPosition) || !Number.isInteger(howMany) || rowPosition < 1 || howMany < 1) throw this.env.error('Invalid argument');
    if (rowPosition + howMany - 1 > this.maxRows) throw this.env.error('Those rows are out of bounds.');
    if (howMany >= this.maxRows) throw this.env.error('You can\'t delete all the rows on the sheet.');
    this.grid.splice(rowPosition - 1, howMany);
    this.notes.splice(rowPosition - 1, howMany);
    this.maxRows -= howMany;
  }

  /**
   * Deletes howMany columns from columnPosition on (…/sheet#deletecolumnscolumnposition,-howmany):
   * the columns to the right move left and the grid narrows. As deleteRows, the fake moves no
   * formats; deleting every column throws.
   */
  deleteColumns(columnPosition: number, howMany: number): void {
    this.env.hit('Sheet.deleteColumns', 'write');
    if (!Number.isInteger(columnPosition) || !Number.isInteger(howMany) || columnPosition < 1 || howMany < 1) throw this.env.error('Invalid argument');
    if (columnPosition + howMany - 1 > this.maxColumns) throw this.env.error('Those columns are out of bounds.');
    if (howMany >= this.maxColumns) throw this.env.error("You can't delete all the columns on the sheet.");
    for (const row of this.grid) row?.splice(columnPosition - 1, howMany);
    for (const row of this.notes) row?.splice(columnPosition - 1, howMany);
    this.maxColumns -= howMany;
  }

  /**
   * "Appends a row to the bottom of the current data region in the sheet": one atomic call
   * (…/sheet#appendrowrowcontents); the grid grows by a row when the data region fills it.
   */
  appendRow(rowContents: unknown[]): FakeSheet {
    this.env.hit('Sheet.appendRow', 'write');
    this.$fail('appendRow');
    if (!Array.isArray(rowContents)) throw this.env.error("The parameters don't match the method signature for SpreadsheetApp.Sheet.appendRow.");
    const row = this.$lastRow() + 1;
    if (row > this.maxRows) {
      this.$limitCells(this.maxColumns);
      this.maxRows = row;
    }
    if (rowContents.length > this.maxColumns) {
      this.$limitCells((rowContents.length - this.maxColumns) * this.maxRows);
      this.maxColumns = rowContents.length;
    }
    this.$write({ row, column: 1, numRows: 1, numColumns: rowContents.length }, [rowContents]);
    this.env.move('Sheet.appendRow', this.name, rowContents.length);
    return this;
  }

  /** A spreadsheet holds at most 10 million cells over all its tabs (support.google.com/drive/answer/37603, "Spreadsheets"). */
  private $limitCells(added: number): void {
    const used = this.spreadsheet ? this.spreadsheet.$cells() : this.maxRows * this.maxColumns;
    if (used + added > CELL_LIMIT) {
      throw this.env.error('This action would increase the number of cells in the workbook above the limit of 10000000 cells.');
    }
  }

  /** Set by the spreadsheet that holds this tab, for the 10-million-cell limit. */
  spreadsheet: FakeSpreadsheet | null = null;

  setFrozenRows(rows: number): void {
    this.env.hit('Sheet.setFrozenRows', 'write');
    this.frozenRows = rows;
  }

  setColumnWidth(column: number, width: number): FakeSheet {
    this.env.hit('Sheet.setColumnWidth', 'write');
    this.columnWidths.set(column, width);
    return this;
  }

  /**
   * "Returns the RangeList collection representing the ranges in the same sheet specified by a
   * non-empty list of A1 notations" (developers.google.com/apps-script/reference/spreadsheet/sheet#getrangelista1notations).
   * The fake reads single cells and rectangles (H14, A2:C5); an empty list or another notation throws.
   */
  getRangeList(a1Notations: string[]): FakeRangeList {
    this.env.hit('Sheet.getRangeList', 'read');
    if (!Array.isArray(a1Notations) || a1Notations.length === 0) throw this.env.error('Invalid argument: a1Notations');
    const ranges = a1Notations.map((a1) => {
      const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(String(a1));
      if (!m) throw this.env.error(`Range not found`);
      const col = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
      const row = Number(m[2]);
      const column = col(m[1]);
      const endRow = m[4] ? Number(m[4]) : row;
      const endColumn = m[3] ? col(m[3]) : column;
      if (row < 1 || endRow < row || endColumn < column) throw this.env.error('Range not found');
      this.$inGrid(row, column, endRow - row + 1, endColumn - column + 1);
      return new FakeRange(this, row, column, endRow - row + 1, endColumn - column + 1);
    });
    return new FakeRangeList(this.env, ranges);
  }

  /**
   * "Sets the width of the given columns in pixels" (…/sheet#setcolumnwidthsstartcolumn,-numcolumns,-width):
   * one call for a run of columns. Columns outside the grid throw, as a range outside it does.
   */
  setColumnWidths(startColumn: number, numColumns: number, width: number): FakeSheet {
    this.env.hit('Sheet.setColumnWidths', 'write');
    for (const n of [startColumn, numColumns, width]) if (!Number.isInteger(n)) throw this.env.error(`Cannot convert ${n} to int.`);
    if (startColumn < 1 || numColumns < 1) throw this.env.error('Invalid argument');
    this.$inGrid(1, startColumn, 1, numColumns);
    for (let c = startColumn; c < startColumn + numColumns; c++) this.columnWidths.set(c, width);
    return this;
  }

  getConditionalFormatRules(): ConditionalFormatRule[] {
    this.env.hit('Sheet.getConditionalFormatRules', 'read');
    return this.env.array(this.conditionalRules);
  }

  /** Values and formulas go; formats, validation and charts stay (as in Apps Script). */
  clearContents(): FakeSheet {
    this.env.hit('Sheet.clearContents', 'write');
    this.$fail('clearContents');
    // The meter counts the block it empties (the stricter side: the reference gives no cost).
    this.env.move('Sheet.clearContents', this.name, this.$lastRow() * this.$lastColumn());
    this.grid.length = 0;
    return this;
  }

  getCharts(): FakeEmbeddedChart[] {
    this.env.hit('Sheet.getCharts', 'read');
    return this.env.array(this.charts);
  }

  newChart(): FakeEmbeddedChartBuilder {
    this.env.hit('Sheet.newChart', 'local');
    return new FakeEmbeddedChartBuilder(this.env, newChartState());
  }

  insertChart(chart: FakeEmbeddedChart): void {
    this.env.hit('Sheet.insertChart', 'write');
    if (!(chart instanceof FakeEmbeddedChart)) throw this.env.error("The parameters don't match the method signature for SpreadsheetApp.Sheet.insertChart.");
    if (chart.state.chartId !== null) throw this.env.error('This chart is already on the sheet; use updateChart.');
    this.charts.push(new FakeEmbeddedChart(this.env, { ...chart.state, chartId: ++chartIds }));
  }

  updateChart(chart: FakeEmbeddedChart): void {
    this.env.hit('Sheet.updateChart', 'write');
    const i = this.charts.findIndex((c) => c.state.chartId === chart.state.chartId);
    if (chart.state.chartId === null || i < 0) throw this.env.error('The chart does not exist on this sheet.');
    this.charts[i] = chart;
  }

  removeChart(chart: FakeEmbeddedChart): void {
    this.env.hit('Sheet.removeChart', 'write');
    const i = this.charts.findIndex((c) => c.state.chartId === chart.state.chartId);
    if (i < 0) throw this.env.error('The chart does not exist on this sheet.');
    this.charts.splice(i, 1);
  }

  readonly charts: FakeEmbeddedChart[] = [];

  setConditionalFormatRules(rules: ConditionalFormatRule[]): void {
    this.env.hit('Sheet.setConditionalFormatRules', 'write');
    if (!Array.isArray(rules) || !rules.every((r) => r instanceof ConditionalFormatRule)) {
      throw this.env.error('The parameters (...) don\'t match the method signature for SpreadsheetApp.Sheet.setConditionalFormatRules.');
    }
    this.conditionalRules = [...rules];
  }

  // ---- The tests' window (not Apps Script, not counted) ---------------------------------------

  $cell(row: number, column: number): Cell | undefined {
    return this.grid[row - 1]?.[column - 1];
  }

  $value(row: number, column: number): CellValue {
    return this.$cell(row, column)?.value ?? '';
  }

  $formula(row: number, column: number): string {
    return this.$cell(row, column)?.formula ?? '';
  }

  $lastRow(): number {
    for (let r = this.grid.length; r > 0; r--) if (this.grid[r - 1]?.some(hasContent)) return r;
    return 0;
  }

  $lastColumn(): number {
    let last = 0;
    for (const row of this.grid) {
      if (!row) continue;
      for (let c = row.length; c > last; c--) if (hasContent(row[c - 1])) last = c;
    }
    return last;
  }

  /** The values from A1 to the last row and column with content (outer-realm Dates). */
  $values(): CellValue[][] {
    const rows = this.$lastRow();
    const columns = this.$lastColumn();
    return Array.from({ length: rows }, (_, r) => Array.from({ length: columns }, (_, c) => this.$value(r + 1, c + 1)));
  }

  $row(row: number): CellValue[] {
    return Array.from({ length: this.$lastColumn() }, (_, c) => this.$value(row, c + 1));
  }

  $column(column: number, fromRow = 2, toRow = this.$lastRow()): CellValue[] {
    return Array.from({ length: Math.max(0, toRow - fromRow + 1) }, (_, i) => this.$value(fromRow + i, column));
  }

  /** Every cell with content, keyed by A1-style row,column, with its value and formula. */
  $snapshot(): Map<string, { value: unknown; formula: string }> {
    const out = new Map<string, { value: unknown; formula: string }>();
    this.grid.forEach((row, r) =>
      row?.forEach((cell, c) => {
        if (hasContent(cell)) {
          const value = isDate(cell!.value) ? `Date(${cell!.value.toISOString()})` : cell!.value;
          out.set(`${r + 1},${c + 1}`, { value, formula: cell!.formula ?? '' });
        }
      }),
    );
    return out;
  }

  $formulaCount(): number {
    let n = 0;
    for (const row of this.grid) for (const cell of row ?? []) if (cell?.formula) n++;
    return n;
  }

  /** The note on a cell, '' without one. */
  $note(row: number, column: number): string {
    return this.notes[row - 1]?.[column - 1] ?? '';
  }

  /** Test set-up: a note of the team's on a cell. */
  $setNote(row: number, column: number, note: string): void {
    const r = (this.notes[row - 1] ??= []);
    r[column - 1] = note === '' ? undefined : note;
  }

  $format(row: number, column: number): string | null {
    return lastOver(this.formats, row, column) ?? null;
  }

  $validation(row: number, column: number): DataValidation | null {
    return lastOver(this.validations, row, column) ?? null;
  }

  $fontWeight(row: number, column: number): string | null {
    return lastOver(this.fontWeights, row, column) ?? null;
  }

  $fontStyle(row: number, column: number): string | null {
    return lastOver(this.fontStyles, row, column) ?? null;
  }

  // ---- For FakeRange (not Apps Script, not counted) ---------------------------------------

  $write(rect: Rect, values: unknown[][]): void {
    // Never grows the grid: the range was checked against it when it was made.
    this.$inGrid(rect.row, rect.column, rect.numRows, rect.numColumns);
    const cells = values.map((row) => row.map((v) => this.stored(v)));
    cells.forEach((row, i) => row.forEach((cell, j) => this.put(rect.row + i, rect.column + j, cell)));
  }

  private stored(value: unknown): Cell | undefined {
    if (value === null || value === undefined || value === '') return undefined;
    if (typeof value === 'string') {
      if (value.startsWith('=')) return { value: '', formula: value };
      if (value.startsWith("'")) return value.length > 1 ? { value: value.slice(1) } : undefined;
      return { value };
    }
    if (typeof value === 'number' && Number.isFinite(value)) return { value };
    if (typeof value === 'boolean') return { value };
    if (isDate(value) && !Number.isNaN(value.getTime())) return { value: new Date(value.getTime()) };
    throw this.env.error(`The fake cannot store ${Object.prototype.toString.call(value)} ${String(value)} in a cell`);
  }
}

function hasContent(cell: Cell | undefined): boolean {
  return cell !== undefined && (cell.formula !== undefined || cell.value !== '');
}

function lastOver<T>(list: Styled<T>[], row: number, column: number): T | undefined {
  for (let i = list.length - 1; i >= 0; i--) if (inRect(list[i], row, column)) return list[i].value;
  return undefined;
}

export class FakeRange implements Rect {
  private readonly env: Env;

  constructor(
    readonly sheet: FakeSheet,
    readonly row: number,
    readonly column: number,
    readonly numRows: number,
    readonly numColumns: number,
    /** A whole-column range (Y2:Y): its formats follow the grid as it grows. */
    readonly openEnded = false,
  ) {
    this.env = sheet.env;
  }

  /** The meter: this call moved every cell of the range (or `cells`). */
  private moved(method: string, cells = this.numRows * this.numColumns): void {
    this.env.move(method, this.sheet.name, cells);
  }

  getSheet(): FakeSheet {
    this.env.hit('Range.getSheet', 'read');
    return this.sheet;
  }

  getRow(): number {
    this.env.hit('Range.getRow', 'read');
    return this.row;
  }

  getColumn(): number {
    this.env.hit('Range.getColumn', 'read');
    return this.column;
  }

  getNumRows(): number {
    this.env.hit('Range.getNumRows', 'read');
    return this.numRows;
  }

  getNumColumns(): number {
    this.env.hit('Range.getNumColumns', 'read');
    return this.numColumns;
  }

  getA1Notation(): string {
    this.env.hit('Range.getA1Notation', 'read');
    const letters = (n: number): string => (n > 26 ? letters(Math.floor((n - 1) / 26)) : '') + String.fromCharCode(65 + ((n - 1) % 26));
    const start = `${letters(this.column)}${this.row}`;
    return this.numRows === 1 && this.numColumns === 1 ? start : `${start}:${letters(this.column + this.numColumns - 1)}${this.row + this.numRows - 1}`;
  }

  /** A fresh 2-D array of the bundle's realm; a formula cell gives its result; dates are new Dates. */
  getValues(): unknown[][] {
    this.env.hit('Range.getValues', 'read');
    this.sheet.$fail('getValues');
    this.env.cellsRead += this.numRows * this.numColumns;
    this.moved('Range.getValues');
    const rows: unknown[][] = [];
    for (let r = 0; r < this.numRows; r++) {
      const row: unknown[] = [];
      for (let c = 0; c < this.numColumns; c++) {
        const value = this.sheet.$value(this.row + r, this.column + c);
        row.push(isDate(value) ? this.env.date(value.getTime()) : value);
      }
      rows.push(this.env.array(row));
    }
    return this.env.array(rows);
  }

  getValue(): unknown {
    this.env.hit('Range.getValue', 'read');
    this.sheet.$fail('getValue');
    this.env.cellsRead += 1;
    this.moved('Range.getValue', 1);
    const value = this.sheet.$value(this.row, this.column);
    return isDate(value) ? this.env.date(value.getTime()) : value;
  }

  getFormulas(): string[][] {
    this.env.hit('Range.getFormulas', 'read');
    this.moved('Range.getFormulas');
    return this.env.array(
      Array.from({ length: this.numRows }, (_, r) =>
        this.env.array(Array.from({ length: this.numColumns }, (_, c) => this.sheet.$formula(this.row + r, this.column + c))),
      ),
    );
  }

  setValues(values: unknown[][]): FakeRange {
    this.env.hit('Range.setValues', 'write');
    this.sheet.$fail('setValues');
    if (!Array.isArray(values) || !values.every(Array.isArray)) {
      throw this.env.error("The parameters (number[]) don't match the method signature for SpreadsheetApp.Range.setValues.");
    }
    if (values.length !== this.numRows) {
      throw this.env.error(`The number of rows in the data does not match the number of rows in the range. The data has ${values.length} but the range has ${this.numRows}.`);
    }
    for (const row of values) {
      if (row.length !== this.numColumns) {
        throw this.env.error(`The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${this.numColumns}.`);
      }
    }
    this.sheet.$write(this, values);
    this.moved('Range.setValues');
    return this;
  }

  setValue(value: unknown): FakeRange {
    this.env.hit('Range.setValue', 'write');
    this.sheet.$fail('setValue');
    this.moved('Range.setValue');
    this.sheet.$write(this, Array.from({ length: this.numRows }, () => Array.from({ length: this.numColumns }, () => value)));
    return this;
  }

  /**
   * "Returns the notes associated with the cells in the range": a fresh String[][], '' for a cell
   * without a note (developers.google.com/apps-script/reference/spreadsheet/range#getnotes).
   */
  getNotes(): string[][] {
    this.env.hit('Range.getNotes', 'read');
    this.moved('Range.getNotes');
    return this.env.array(
      Array.from({ length: this.numRows }, (_, r) => this.env.array(Array.from({ length: this.numColumns }, (_, c) => this.sheet.$note(this.row + r, this.column + c)))),
    );
  }

  /**
   * "Sets a rectangular grid of notes (must match dimensions of this range)"
   * (…/range#setnotesnotes). The reference does not say what an empty string does; the fake keeps
   * no note for it, which getNotes reads as '' like a cell that never had one (clearNote,
   * …/range#clearnote, is the documented way to remove one). A wrong size throws, with
   * setValues's messages: the reference lists no error texts. Values, formats and rules stay.
   */
  setNotes(notes: unknown[][]): FakeRange {
    this.env.hit('Range.setNotes', 'write');
    if (!Array.isArray(notes) || !notes.every(Array.isArray)) {
      throw this.env.error("The parameters (number[]) don't match the method signature for SpreadsheetApp.Range.setNotes.");
    }
    if (notes.length !== this.numRows) {
      throw this.env.error(`The number of rows in the data does not match the number of rows in the range. The data has ${notes.length} but the range has ${this.numRows}.`);
    }
    for (const row of notes) {
      if (row.length !== this.numColumns) {
        throw this.env.error(`The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${this.numColumns}.`);
      }
    }
    this.sheet.$inGrid(this.row, this.column, this.numRows, this.numColumns);
    this.moved('Range.setNotes');
    notes.forEach((row, r) => row.forEach((note, c) => this.sheet.$setNote(this.row + r, this.column + c, note === null || note === undefined ? '' : String(note))));
    return this;
  }

  /**
   * "Returns the note associated with the given range", '' without one: the top-left cell's
   * (developers.google.com/apps-script/reference/spreadsheet/range#getnote). One cell moved.
   */
  getNote(): string {
    this.env.hit('Range.getNote', 'read');
    this.moved('Range.getNote', 1);
    return this.sheet.$note(this.row, this.column);
  }

  /**
   * "Sets the note to the given value" (…/range#setnotenote), on every cell of the range; an empty
   * string leaves no note, as setNotes's does here. The reference says nothing more: the meter
   * counts every cell of the range.
   */
  setNote(note: unknown): FakeRange {
    this.env.hit('Range.setNote', 'write');
    if (note !== null && typeof note !== 'string') throw this.env.error("The parameters don't match the method signature for SpreadsheetApp.Range.setNote.");
    this.sheet.$inGrid(this.row, this.column, this.numRows, this.numColumns);
    this.moved('Range.setNote');
    for (let r = 0; r < this.numRows; r++) for (let c = 0; c < this.numColumns; c++) this.sheet.$setNote(this.row + r, this.column + c, note ?? '');
    return this;
  }

  setNumberFormat(format: string): FakeRange {
    this.env.hit('Range.setNumberFormat', 'write');
    this.moved('Range.setNumberFormat');
    this.sheet.formats.push({ ...this.rect(), value: String(format) });
    return this;
  }

  /**
   * A grid of formats, one per cell, in one call
   * (developers.google.com/apps-script/reference/spreadsheet/range#setnumberformatsnumberformats:
   * "Sets a rectangular grid of number or date formats (must match dimensions of this range)"). The
   * reference does not give the message for a grid of another size; the fake throws setValues's.
   */
  setNumberFormats(numberFormats: string[][]): FakeRange {
    this.env.hit('Range.setNumberFormats', 'write');
    this.moved('Range.setNumberFormats');
    this.eachOfGrid(numberFormats, 'setNumberFormats', (row, column, value) => this.sheet.formats.push({ row, column, numRows: 1, numColumns: 1, value: String(value) }));
    return this;
  }

  /** "Sets a rectangular grid of font weights", each 'bold', 'normal' or null (…/range#setfontweightsfontweights). */
  setFontWeights(fontWeights: Array<Array<string | null>>): FakeRange {
    this.env.hit('Range.setFontWeights', 'write');
    this.moved('Range.setFontWeights');
    this.eachOfGrid(fontWeights, 'setFontWeights', (row, column, value) => {
      if (value !== null && value !== 'bold' && value !== 'normal') throw this.env.error(`Invalid argument: fontWeights (${String(value)})`);
      this.sheet.fontWeights.push({ row, column, numRows: 1, numColumns: 1, value: value as string | null });
    });
    return this;
  }

  /** "Sets a rectangular grid of font styles", each 'italic', 'normal' or null (…/range#setfontstylesfontstyles). */
  setFontStyles(fontStyles: Array<Array<string | null>>): FakeRange {
    this.env.hit('Range.setFontStyles', 'write');
    this.moved('Range.setFontStyles');
    this.eachOfGrid(fontStyles, 'setFontStyles', (row, column, value) => {
      if (value !== null && value !== 'italic' && value !== 'normal') throw this.env.error(`Invalid argument: fontStyles (${String(value)})`);
      this.sheet.fontStyles.push({ row, column, numRows: 1, numColumns: 1, value: value as string | null });
    });
    return this;
  }

  /** A grid argument must match the range's rows and columns, as setValues's does. */
  private eachOfGrid(grid: unknown[][], method: string, each: (row: number, column: number, value: unknown) => void): void {
    if (!Array.isArray(grid) || !grid.every(Array.isArray)) throw this.env.error(`The parameters don't match the method signature for SpreadsheetApp.Range.${method}.`);
    if (grid.length !== this.numRows) throw this.env.error(`The number of rows in the data does not match the number of rows in the range. The data has ${grid.length} but the range has ${this.numRows}.`);
    for (const row of grid) {
      if (row.length !== this.numColumns) throw this.env.error(`The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${this.numColumns}.`);
    }
    grid.forEach((row, r) => row.forEach((value, c) => each(this.row + r, this.column + c, value)));
  }

  setDataValidation(rule: DataValidation | null): FakeRange {
    this.env.hit('Range.setDataValidation', 'write');
    this.moved('Range.setDataValidation');
    if (rule !== null && !(rule instanceof DataValidation)) {
      throw this.env.error("The parameters don't match the method signature for SpreadsheetApp.Range.setDataValidation.");
    }
    this.sheet.validations.push({ ...this.rect(), value: rule });
    return this;
  }

  setFontWeight(fontWeight: string | null): FakeRange {
    this.env.hit('Range.setFontWeight', 'write');
    this.moved('Range.setFontWeight');
    if (fontWeight !== null && fontWeight !== 'bold' && fontWeight !== 'normal') {
      throw this.env.error(`Invalid argument: fontWeight (${fontWeight})`);
    }
    this.sheet.fontWeights.push({ ...this.rect(), value: fontWeight });
    return this;
  }

  private rect(): Rect {
    return { row: this.row, column: this.column, numRows: this.openEnded ? Number.MAX_SAFE_INTEGER : this.numRows, numColumns: this.numColumns };
  }
}

/**
 * A list of ranges of one sheet (developers.google.com/apps-script/reference/spreadsheet/range-list):
 * Cadans only asks it for its ranges (…/range-list#getranges).
 */
export class FakeRangeList {
  constructor(
    private readonly env: Env,
    private readonly ranges: readonly FakeRange[],
  ) {}

  getRanges(): FakeRange[] {
    this.env.hit('RangeList.getRanges', 'read');
    return this.env.array(this.ranges);
  }
}
