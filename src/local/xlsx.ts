// The WorkbookPort over a new workbook built with ExcelJS: the template of `cadans init` and the
// sample of `npm start` (a team's existing file is updated by XlsxFile). An .xlsx stores dates as
// serial numbers with no time zone; ExcelJS hands them over as midnight UTC, so this workbook's
// calendar is UTC while "today" comes from the team's time zone.

import ExcelJS from 'exceljs';
import { intlClock, isDate, type ZoneClock } from '../core/dates';
import { DEFAULT_LOCALE } from '../core/locale';
import { type ChartSpec, NUMBER_PATTERNS, type SheetPort, type StatusColourRule, type TabFormat, type WorkbookPort } from '../workbook/ports';

type Worksheet = ExcelJS.Worksheet;

const DATE_FORMAT = 'dd-mm-yyyy';
/** ExcelJS's default font (its styles.xml's first font). */
const DEFAULT_FONT = { name: 'Calibri', family: 2, size: 11 } as const;
const DATETIME_FORMAT = 'dd-mm-yyyy hh:mm';

/** What a spreadsheet shows for a cell: formulas give their last result, rich text its text. */
export function plainValue(value: ExcelJS.CellValue): unknown {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'object' || isDate(value)) return value;
  const v = value as unknown as Record<string, unknown>;
  if ('error' in v) return String(v.error);
  if ('formula' in v || 'sharedFormula' in v) return v.result === undefined ? '' : plainValue(v.result as ExcelJS.CellValue);
  if ('richText' in v && Array.isArray(v.richText)) return v.richText.map((r: { text: string }) => r.text).join('');
  if ('text' in v) return plainValue(v.text as ExcelJS.CellValue);
  return String(value);
}

function isBlankCell(value: unknown): boolean {
  return value === '' || value === null || value === undefined;
}

function argb(hex: string): string {
  return `FF${hex.replace('#', '').toUpperCase()}`;
}

class XlsxSheet implements SheetPort {
  constructor(private readonly ws: Worksheet) {}

  get name(): string {
    return this.ws.name;
  }

  private lastRow(): number {
    let r = this.ws.rowCount;
    while (r > 0) {
      const row = this.ws.getRow(r);
      let any = false;
      row.eachCell((cell) => {
        if (!isBlankCell(plainValue(cell.value))) any = true;
      });
      if (any) break;
      r--;
    }
    return r;
  }

  readAll(): unknown[][] {
    const rows = this.lastRow();
    const columns = this.ws.columnCount;
    const out: unknown[][] = [];
    for (let r = 1; r <= rows; r++) {
      const row = this.ws.getRow(r);
      const values: unknown[] = new Array(columns);
      for (let c = 1; c <= columns; c++) values[c - 1] = plainValue(row.getCell(c).value);
      out.push(values);
    }
    let width = columns;
    while (width > 0 && out.every((row) => isBlankCell(row[width - 1]))) width--;
    return width === columns ? out : out.map((row) => row.slice(0, width));
  }

  readHeader(): unknown[] {
    const header = this.ws.getRow(1);
    const values: unknown[] = [];
    const width = this.readAll().reduce((w, row) => Math.max(w, row.length), 0);
    for (let c = 1; c <= width; c++) values.push(plainValue(header.getCell(c).value));
    return values;
  }

  write(row: number, column: number, values: unknown[][]): void {
    values.forEach((rowValues, i) => {
      const target = this.ws.getRow(row + i);
      rowValues.forEach((value, j) => {
        const cell = target.getCell(column + j);
        if (isDate(value)) {
          cell.value = value;
          // Keep the team's own date format; give a bare cell Cadans's.
          if (!cell.numFmt || cell.numFmt === 'mm-dd-yy') {
            const hasTime = value.getUTCHours() + value.getUTCMinutes() + value.getUTCSeconds() > 0;
            cell.numFmt = hasTime ? DATETIME_FORMAT : DATE_FORMAT;
          }
        } else {
          // Strings stay strings in .xlsx: a name starting with "=" is never a formula here.
          cell.value = value === null || value === undefined || value === '' ? null : (value as ExcelJS.CellValue);
        }
      });
    });
  }

  append(values: unknown[][]): void {
    this.write(this.lastRow() + 1, 1, values);
  }

  replaceAll(values: unknown[][]): void {
    if (this.ws.rowCount > 0) this.ws.spliceRows(1, this.ws.rowCount);
    this.write(1, 1, values);
  }

  /** An .xlsx written here carries no charts; the local runner draws them in report.html. */
  setCharts(_charts: readonly ChartSpec[]): void {}

  /** A generated tab's presentation: number formats, bold and italic rows, widths, the frozen row and colour rules. */
  formatTab(format: TabFormat): void {
    const bold = new Set(format.bold);
    const italic = new Set(format.italic);
    for (let r = 1; r <= format.rows; r++) {
      const row = this.ws.getRow(r);
      // The whole font, not only its weight: a font with no name falls back to a serif face in LibreOffice.
      if (bold.has(r) || italic.has(r)) row.font = { ...DEFAULT_FONT, bold: bold.has(r), italic: italic.has(r) };
    }
    for (const n of format.numbers) this.ws.getRow(n.row).getCell(n.column).numFmt = NUMBER_PATTERNS[n.kind];
    // Excel measures widths in characters of the default font, about 7 pixels each.
    format.widths.forEach((px, i) => (this.ws.getColumn(i + 1).width = Math.round((px / 7) * 100) / 100));
    this.ws.views = [{ state: 'frozen', ySplit: format.frozenRows }];
    const ws = this.ws as Worksheet & { conditionalFormattings?: unknown[] };
    ws.conditionalFormattings = [];
    const last = this.ws.getColumn(format.columns).letter;
    format.colours.forEach((c, i) => {
      const letter = c.column === null ? 'A' : this.ws.getColumn(c.column).letter;
      const ref = `${letter}1:${c.column === null ? last : letter}${format.rows}`;
      const style = { fill: { type: 'pattern' as const, pattern: 'solid' as const, bgColor: { argb: argb(c.background) } }, font: { color: { argb: argb(c.color) } } };
      this.ws.addConditionalFormatting({
        ref,
        rules: [
          c.match === 'equals'
            ? { type: 'cellIs' as const, operator: 'equal' as const, priority: i + 1, formulae: [`"${c.text.replace(/"/g, '""')}"`], style }
            // ExcelJS writes a containsText rule without its text attribute; the same test as a formula reads everywhere.
            : { type: 'expression' as const, priority: i + 1, formulae: [`NOT(ISERROR(SEARCH("${c.text.replace(/"/g, '""')}",${letter}1)))`], style },
        ],
      });
    });
  }

  private rangeRef(column: number, fromRow: number): string {
    const letter = this.ws.getColumn(column).letter;
    const toRow = Math.max(1000, this.ws.rowCount + 500);
    return `${letter}${fromRow}:${letter}${toRow}`;
  }

  setNumberFormat(column: number, fromRow: number, format: string): void {
    const col = this.ws.getColumn(column);
    col.numFmt = format;
    for (let r = fromRow; r <= this.ws.rowCount; r++) this.ws.getRow(r).getCell(column).numFmt = format;
    this.ws.getRow(1).getCell(column).numFmt = '@';
  }

  setListValidation(column: number, fromRow: number, values: readonly string[]): void {
    // ExcelJS supports range validations but does not declare them in its types.
    const ws = this.ws as Worksheet & { dataValidations: { add(ref: string, v: object): void } };
    ws.dataValidations.add(this.rangeRef(column, fromRow), {
      type: 'list',
      allowBlank: true,
      formulae: [`"${values.join(',')}"`],
      showErrorMessage: false,
    });
  }

  setStatusColours(column: number, fromRow: number, rules: readonly StatusColourRule[]): void {
    const ref = this.rangeRef(column, fromRow);
    const ws = this.ws as Worksheet & { conditionalFormattings?: Array<{ ref: string }> };
    if (ws.conditionalFormattings) ws.conditionalFormattings = ws.conditionalFormattings.filter((f) => f.ref !== ref);
    this.ws.addConditionalFormatting({
      ref,
      rules: rules.map((r, i) => ({
        type: 'cellIs' as const,
        operator: 'equal' as const,
        priority: i + 1,
        formulae: [`"${r.text}"`],
        style: {
          fill: { type: 'pattern' as const, pattern: 'solid' as const, bgColor: { argb: argb(r.background) } },
          font: { color: { argb: argb(r.color) } },
        },
      })),
    });
  }

  styleHeader(columns: number, widths: readonly (number | undefined)[]): void {
    this.ws.views = [{ state: 'frozen', ySplit: 1 }];
    const header = this.ws.getRow(1);
    for (let c = 1; c <= columns; c++) header.getCell(c).font = { bold: true };
    widths.forEach((w, i) => {
      if (w) this.ws.getColumn(i + 1).width = Math.round(w / 7);
    });
  }
}

export class XlsxWorkbook implements WorkbookPort {
  readonly clock: ZoneClock = intlClock('UTC');
  /** A workbook of the local runner: no Cadans menu to point at. */
  readonly hasMenu = false;

  constructor(
    readonly book: ExcelJS.Workbook,
    readonly locale: string = DEFAULT_LOCALE,
  ) {}

  static empty(locale?: string): XlsxWorkbook {
    const book = new ExcelJS.Workbook();
    book.creator = 'Cadans';
    return new XlsxWorkbook(book, locale);
  }

  async save(path: string): Promise<void> {
    await this.book.xlsx.writeFile(path);
  }

  async toBuffer(): Promise<Buffer> {
    return Buffer.from(await this.book.xlsx.writeBuffer());
  }

  sheetNames(): string[] {
    return this.book.worksheets.map((ws) => ws.name);
  }

  sheet(name: string): SheetPort {
    const ws = this.book.getWorksheet(name);
    if (!ws) throw new Error(`No tab named ${name}`);
    return new XlsxSheet(ws);
  }

  addSheet(name: string): SheetPort {
    return new XlsxSheet(this.book.addWorksheet(name));
  }
}
