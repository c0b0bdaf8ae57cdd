// A small in-memory WorkbookPort for the property tests: tabs are arrays of rows, the calendar is
// any IANA zone (so that the spreadsheet's zone can differ from the machine's), and every write is
// recorded so that a test can see exactly which cells the engine touched.

import { intlClock, type ZoneClock } from '../../src/core/dates';
import type { SheetPort, StatusColourRule, WorkbookPort } from '../../src/workbook/ports';

export interface Write {
  sheet: string;
  row: number;
  column: number;
  values: unknown[][];
}

class MemorySheet implements SheetPort {
  constructor(
    readonly name: string,
    readonly rows: unknown[][],
    private readonly writes: Write[],
  ) {}

  readAll(): unknown[][] {
    const width = Math.max(0, ...this.rows.map((r) => r.length));
    // Like getDataRange().getValues(): a rectangle, blanks as ''.
    return this.rows.map((r) => Array.from({ length: width }, (_, i) => (r[i] === undefined ? '' : r[i])));
  }

  readHeader(): unknown[] {
    const width = Math.max(0, ...this.rows.map((r) => r.length));
    return Array.from({ length: width }, (_, i) => this.rows[0]?.[i] ?? '');
  }

  write(row: number, column: number, values: unknown[][]): void {
    this.writes.push({ sheet: this.name, row, column, values });
    values.forEach((v, i) => {
      const target = (this.rows[row - 1 + i] ??= []);
      v.forEach((cell, j) => (target[column - 1 + j] = cell));
    });
  }

  append(values: unknown[][]): void {
    let last = this.rows.length;
    while (last > 0 && this.rows[last - 1].every((c) => c === '' || c === null || c === undefined)) last--;
    this.write(last + 1, 1, values);
  }

  /** Cadans's generated tabs: every old value goes, the block is recorded as one write from A1. */
  replaceAll(values: unknown[][]): void {
    this.rows.length = 0;
    this.write(1, 1, values);
  }

  setCharts(): void {}
  /** Presentation is not recorded: the property tests look at values. */
  formatTab(): void {}
  setNumberFormat(): void {}
  setListValidation(): void {}
  setStatusColours(_column: number, _fromRow: number, _rules: readonly StatusColourRule[]): void {}
  styleHeader(): void {}
}

export class MemoryWorkbook implements WorkbookPort {
  readonly clock: ZoneClock;
  readonly writes: Write[] = [];
  private readonly tabs = new Map<string, unknown[][]>();

  constructor(
    tabs: Record<string, unknown[][]>,
    timeZone = 'UTC',
    readonly locale = 'nl_NL',
  ) {
    this.clock = intlClock(timeZone);
    for (const [name, rows] of Object.entries(tabs)) this.tabs.set(name, rows.map((r) => [...r]));
  }

  sheetNames(): string[] {
    return [...this.tabs.keys()];
  }

  sheet(name: string): SheetPort {
    const rows = this.tabs.get(name);
    if (!rows) throw new Error(`No tab named ${name}`);
    return new MemorySheet(name, rows, this.writes);
  }

  addSheet(name: string): SheetPort {
    const rows: unknown[][] = [];
    this.tabs.set(name, rows);
    return new MemorySheet(name, rows, this.writes);
  }

  rowsOf(name: string): unknown[][] | undefined {
    return this.tabs.get(name);
  }
}
