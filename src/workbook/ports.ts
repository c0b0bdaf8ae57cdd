// The small surface through which the engine touches a workbook. The Apps Script shell implements
// it over SpreadsheetApp, the local shell over an .xlsx file; the engine cannot tell them apart.
// Each method is at most a few service calls, whatever the number of rows.

import type { ZoneClock } from '../core/dates';

export interface StatusColourRule {
  text: string;
  background: string;
  color: string;
}

/** An embedded chart over a block of a generated tab (1-based places; ranges include their header). */
export interface ChartSpec {
  /** `funnel`: Sheets has no funnel chart, so the Apps Script shell draws its shares as columns; report.html as a funnel. */
  kind: 'column' | 'pie' | 'funnel';
  title: string;
  domain: { row: number; column: number; numRows: number };
  series: { row: number; column: number; numRows: number };
  anchor: { row: number; column: number };
}

/** A cell Cadans could not use: its 1-based place and what is wrong, for a note in the sheet (issue 14). */
export interface CellMark {
  row: number;
  column: number;
  text: string;
}

/** The block (from A1) in which a tab's marks were checked: kept between runs, so a mark on a cell since cleared is still found. */
export interface MarkExtent {
  rows: number;
  columns: number;
  /**
   * Issue 20: the cells Cadans marked (`row.column`, 1-based) with a print of each mark's text, so
   * that the next run reads and writes the notes of only the cells whose mark comes, goes or
   * changes. A record without it (from an earlier version) is cleaned once over its block.
   */
  cells?: Record<string, string>;
}

/**
 * How a number cell of a generated tab reads. The patterns are the same in Sheets and in .xlsx:
 * `,` groups thousands and `.` marks decimals in the pattern, and the spreadsheet shows them in its
 * own locale (€ 186.000 and 34,1% in a Dutch sheet).
 */
export type NumberKind = 'euro' | 'percent' | 'date' | 'decimal' | 'whole';

export const NUMBER_PATTERNS: Record<NumberKind, string> = {
  euro: '"€ "#,##0',
  percent: '0.0%',
  date: 'dd-mm-yyyy',
  decimal: '#,##0.0',
  whole: '#,##0',
};

/** A colour for cells whose text equals (or contains) this text, in one column or the whole tab. */
export interface ColourRule {
  /** 1-based column, or null for every column of the tab. */
  column: number | null;
  match: 'equals' | 'contains';
  text: string;
  background: string;
  color: string;
}

/**
 * A generated tab's presentation as data, beside its values: the engine decides it, each shell
 * applies it in a fixed number of calls (whatever the rows).
 */
export interface TabFormat {
  /** The size of the block it describes (the tab's values from A1). */
  rows: number;
  columns: number;
  /** Rows kept in view while scrolling (the tab's first line). */
  frozenRows: number;
  /** Column widths in pixels, one per column. */
  widths: number[];
  /** 1-based rows in bold: section titles and table headers. */
  bold: number[];
  /** 1-based rows in italics: the plain-words explanations and the legend. */
  italic: number[];
  /** Number cells with their kind; every other cell keeps the automatic format. */
  numbers: Array<{ row: number; column: number; kind: NumberKind }>;
  colours: ColourRule[];
}

export interface SheetPort {
  readonly name: string;
  /** Every value from A1 to the last used row and column, in one read; [] for an empty tab. */
  readAll(): unknown[][];
  /** The first row, up to the last column used in any row (blank header cells included). */
  readHeader(): unknown[];
  /** Writes a rectangular block with its top-left cell at 1-based (row, column). */
  write(row: number, column: number, values: unknown[][]): void;
  /** Appends rows below the last used row. */
  append(values: unknown[][]): void;
  /**
   * Appends one row atomically, where the platform can (Apps Script's appendRow): for a writer
   * that may run beside another without the script lock. A shell without it uses append.
   */
  appendRow?(values: unknown[]): void;
  /** The last row with content (0 for an empty tab); with readRows, lets the Log read only its live end. */
  usedRows?(): number;
  /** The values of rows fromRow..toRow (1-based, inclusive), as wide as the tab's used columns, in one read. */
  readRows?(fromRow: number, toRow: number): unknown[][];
  /** The values of a block of rows and columns (1-based, inclusive rows), in one read: a narrow slice of a long tab. */
  readBlock?(fromRow: number, toRow: number, fromColumn: number, columns: number): unknown[][];
  /** Deletes `count` rows from `row` on (the Log's oldest lines), in one call. */
  deleteRows?(row: number, count: number): void;
  /**
   * For Cadans's own generated tabs only: clears every value and writes this rectangular block
   * from A1, in a fixed number of calls.
   */
  replaceAll(values: unknown[][]): void;
  /**
   * Makes the tab's embedded charts these, in this order: existing ones are updated, missing ones
   * inserted, extra ones removed. A shell without embedded charts ignores it.
   */
  setCharts(charts: readonly ChartSpec[]): void;
  /**
   * Makes Cadans's marks on this tab exactly these (issue 14): a note on each cell, below the team's
   * own note where it has one, and a colour through one conditional-format rule; Cadans's notes and
   * colour elsewhere in the block (at least `previous`) go. A fixed number of calls, whatever the
   * rows. Returns the block it checked. A shell that cannot mark cells leaves it out.
   */
  markCells?(marks: readonly CellMark[], previous: MarkExtent | null): MarkExtent;
  /**
   * For Cadans's own generated tabs only: widths, bold and italic rows, number formats, colour
   * rules and the frozen rows, replacing the tab's earlier ones, in a fixed number of calls.
   */
  formatTab(format: TabFormat): void;
  // Presentation, used by setup only.
  setNumberFormat(column: number, fromRow: number, format: string): void;
  setListValidation(column: number, fromRow: number, values: readonly string[]): void;
  /** Replaces Cadans's own colour rules on that column (so running setup twice adds none). */
  setStatusColours(column: number, fromRow: number, rules: readonly StatusColourRule[]): void;
  styleHeader(columns: number, widths: readonly (number | undefined)[]): void;
}

/** Small key-value storage that belongs to the workbook (Apps Script's document properties). */
export interface DocumentStore {
  get(key: string): string | null;
  set(key: string, value: string): void;
}

export interface WorkbookPort {
  /** Where the workbook keeps Cadans's bookkeeping (the Log's layout); absent in the local shell. */
  readonly store?: DocumentStore;
  /** The calendar of the spreadsheet: the zone its date cells are midnight in. */
  readonly clock: ZoneClock;
  /** The spreadsheet's locale, e.g. nl_NL; the Settings tab may override it. */
  readonly locale: string;
  /** False where the workbook has no Cadans menu (the local runner): messages then name none. */
  readonly hasMenu?: boolean;
  sheetNames(): string[];
  sheet(name: string): SheetPort;
  addSheet(name: string): SheetPort;
}
