// An array-backed WorkbookPort: the engine's view of a workbook with no spreadsheet behind it,
// so that the benchmark times the engine alone. It behaves like the Apps Script port where the
// engine can tell: readAll hands out a fresh copy (as getValues does), from A1 to the last row and
// column with content, padded to a rectangle; writes grow the grid.

import { intlClock, type ZoneClock } from '../src/core/dates';
import type { SheetPort, StatusColourRule, WorkbookPort } from '../src/workbook/ports';

function blank(value: unknown): boolean {
  return value === '' || value === null || value === undefined;
}

export class MemorySheet implements SheetPort {
  /** Rows from A1; every row is `width` long. */
  rows: unknown[][];
  width: number;

  constructor(
    readonly name: string,
    rows: unknown[][],
  ) {
    this.width = rows.reduce((w, r) => Math.max(w, r.length), 0);
    this.rows = rows.map((r) => this.padded(r.slice()));
  }

  private padded(row: unknown[]): unknown[] {
    while (row.length < this.width) row.push('');
    return row;
  }

  private lastRow(): number {
    let r = this.rows.length;
    while (r > 0 && this.rows[r - 1].every(blank)) r--;
    return r;
  }

  readAll(): unknown[][] {
    const rows = this.lastRow();
    const out: unknown[][] = new Array(rows);
    for (let r = 0; r < rows; r++) out[r] = this.rows[r].slice();
    return out;
  }

  readHeader(): unknown[] {
    return this.rows[0]?.slice() ?? [];
  }

  write(row: number, column: number, values: unknown[][]): void {
    const right = column - 1 + values.reduce((w, r) => Math.max(w, r.length), 0);
    if (right > this.width) {
      this.width = right;
      for (const r of this.rows) this.padded(r);
    }
    values.forEach((rowValues, i) => {
      const r = row - 1 + i;
      while (this.rows.length <= r) this.rows.push(this.padded([]));
      const target = this.rows[r];
      rowValues.forEach((value, j) => (target[column - 1 + j] = value ?? ''));
    });
  }

  append(values: unknown[][]): void {
    this.write(this.lastRow() + 1, 1, values);
  }

  /** A generated tab (KPI, Risico) rebuilt as one block, as the Apps Script port does. */
  replaceAll(values: unknown[][]): void {
    this.rows = [];
    this.width = 0;
    this.write(1, 1, values);
  }

  // Charts are presentation only; the benchmark measures the engine's data work.
  setCharts(): void {}
  formatTab(): void {}

  setNumberFormat(_column: number, _fromRow: number, _format: string): void {}
  setListValidation(_column: number, _fromRow: number, _values: readonly string[]): void {}
  setStatusColours(_column: number, _fromRow: number, _rules: readonly StatusColourRule[]): void {}
  styleHeader(_columns: number, _widths: readonly (number | undefined)[]): void {}
}

export class MemoryWorkbook implements WorkbookPort {
  readonly clock: ZoneClock;
  private readonly sheets = new Map<string, MemorySheet>();

  constructor(
    sheets: Record<string, unknown[][]>,
    timeZone: string,
    readonly locale: string,
  ) {
    this.clock = intlClock(timeZone);
    for (const [name, rows] of Object.entries(sheets)) this.sheets.set(name, new MemorySheet(name, rows));
  }

  sheetNames(): string[] {
    return [...this.sheets.keys()];
  }

  sheet(name: string): SheetPort {
    const sheet = this.sheets.get(name);
    if (!sheet) throw new Error(`No tab named ${name}`);
    return sheet;
  }

  addSheet(name: string): SheetPort {
    const sheet = new MemorySheet(name, []);
    this.sheets.set(name, sheet);
    return sheet;
  }
}
