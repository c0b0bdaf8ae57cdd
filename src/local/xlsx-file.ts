// The WorkbookPort over an existing .xlsx file, for `cadans run`: it reads the sheets' XML
// directly and, on save, rewrites only the cells Cadans wrote. Everything else in the file (the
// team's formulas, styles, charts, comments, validation, other tabs) is carried over byte for
// byte, which a load-and-rewrite library cannot promise, and a 50,000-row workbook is read and
// written in seconds rather than minutes.
//
// Dates: an .xlsx stores serial numbers; cells whose number format is a date are handed to the
// engine as midnight UTC, so this workbook's calendar is UTC (as with ExcelJS).

import { readFile, writeFile } from 'node:fs/promises';
import JSZip from 'jszip';
import { intlClock, isDate, MS_PER_DAY, SERIAL_OF_EPOCH, type ZoneClock } from '../core/dates';
import { DEFAULT_LOCALE } from '../core/locale';
import { columnLetter } from '../workbook/headers';
import type { ChartSpec, SheetPort, StatusColourRule, WorkbookPort } from '../workbook/ports';

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const WORKSHEET_TYPE = `${REL_NS}/worksheet`;
const WORKSHEET_CONTENT = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';

// ---- XML text helpers ------------------------------------------------------------------------

function unescapeXml(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-f]+|#\d+|lt|gt|amp|quot|apos);/gi, (_, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" } as Record<string, string>)[e.toLowerCase()];
  });
}

/** Escapes text for XML and drops characters XML 1.0 cannot hold. */
export function escapeXml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:]+)="([^"]*)"/g)) out[m[1]] = unescapeXml(m[2]);
  return out;
}

/** Text of all <t> runs inside, skipping phonetic guides (<rPh>). */
function runsText(xml: string): string {
  const plain = xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '');
  let text = '';
  for (const m of plain.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>|<t(?:\s[^>]*)?\/>/g)) text += unescapeXml(m[1] ?? '');
  return text;
}

// ---- Cell references ------------------------------------------------------------------------

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** 1 is A, 27 is AA: the same rule the Log uses for column labels. */
export const columnLetters = columnLetter;

// ---- Number formats -------------------------------------------------------------------------

const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** A custom format is a date format when it has d, m, y, h or s outside quotes, brackets and escapes. */
export function isDateFormatCode(code: string): boolean {
  const bare = code.replace(/"[^"]*"|\[[^\]]*\]|\\.|_.|\*./g, '');
  return /[dmyhs]/i.test(bare) && !/^[#0.,%\s€$£]*$/.test(bare);
}

interface Styles {
  xml: string;
  /** Per cellXfs index: is its number format a date? */
  dateStyle: boolean[];
  /** Per cellXfs index: does its format show a time of day? */
  timeStyle: boolean[];
  added: Map<string, number>;
  count: number;
}

function parseStyles(xml: string): Styles {
  const custom = new Map<number, string>();
  for (const m of xml.matchAll(/<numFmt\b[^>]*\/?>/g)) {
    const a = attributes(m[0]);
    custom.set(Number(a.numFmtId), a.formatCode);
  }
  const cellXfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml)?.[1] ?? '';
  const dateStyle: boolean[] = [];
  const timeStyle: boolean[] = [];
  for (const m of cellXfs.matchAll(/<xf\b[^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g)) {
    const id = Number(attributes(/<xf\b[^>]*>/.exec(m[0])![0]).numFmtId ?? 0);
    const code = custom.get(id);
    const isDate = code !== undefined ? isDateFormatCode(code) : BUILTIN_DATE_FORMATS.has(id);
    dateStyle.push(isDate);
    timeStyle.push(isDate && (code !== undefined ? /[hs]/i.test(code.replace(/"[^"]*"|\[[^\]]*\]/g, '')) : id >= 18));
  }
  return { xml, dateStyle, timeStyle, added: new Map(), count: dateStyle.length };
}

/** The cellXfs index for a date (or date-time) format, added to the styles if there is none. */
function dateStyleIndex(styles: Styles, withTime: boolean): number {
  const code = withTime ? 'dd-mm-yyyy hh:mm' : 'dd-mm-yyyy';
  const known = styles.added.get(code);
  if (known !== undefined) return known;
  let xml = styles.xml;
  const ids = [...xml.matchAll(/numFmtId="(\d+)"/g)].map((m) => Number(m[1]));
  const numFmtId = Math.max(163, ...ids) + 1;
  const numFmt = `<numFmt numFmtId="${numFmtId}" formatCode="${code}"/>`;
  if (/<numFmts\b[^>]*>/.test(xml)) xml = xml.replace(/<\/numFmts>/, `${numFmt}</numFmts>`);
  else xml = xml.replace(/(<styleSheet\b[^>]*>)/, `$1<numFmts count="1">${numFmt}</numFmts>`);
  const index = styles.count;
  xml = xml.replace(/<\/cellXfs>/, `<xf numFmtId="${numFmtId}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>`);
  styles.xml = xml;
  styles.dateStyle.push(true);
  styles.timeStyle.push(withTime);
  styles.added.set(code, index);
  styles.count++;
  return index;
}

// ---- Sheets ---------------------------------------------------------------------------------

interface CellXml {
  column: number;
  xml: string;
}

interface RowXml {
  row: number;
  /** The row's opening tag, kept as it was (less `spans`, when cells are added). */
  open: string;
  /** Raw inner XML, or null for an empty `<row/>`. */
  inner: string | null;
}

const ROW = /<row\b[^>]*?(?:\/>|>[\s\S]*?<\/row>)/g;
const CELL = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;

class XlsxFileSheet implements SheetPort {
  private rows: RowXml[] | null = null;
  private prefix = '';
  private suffix = '';
  private values: unknown[][] | null = null;
  private readonly writes = new Map<number, Map<number, unknown>>();
  private lastUsedRow = 0;

  constructor(
    private readonly file: XlsxFile,
    readonly name: string,
    readonly path: string,
    private xml: string,
    readonly created: boolean,
  ) {}

  private parse(): RowXml[] {
    if (this.rows) return this.rows;
    const start = this.xml.search(/<sheetData\b/);
    const selfClosing = /<sheetData\s*\/>/.exec(this.xml);
    const rows: RowXml[] = [];
    if (selfClosing) {
      this.prefix = this.xml.slice(0, selfClosing.index) + '<sheetData>';
      this.suffix = '</sheetData>' + this.xml.slice(selfClosing.index + selfClosing[0].length);
    } else {
      const open = this.xml.indexOf('>', start) + 1;
      const close = this.xml.indexOf('</sheetData>', open);
      this.prefix = this.xml.slice(0, open);
      this.suffix = this.xml.slice(close);
      const body = this.xml.slice(open, close);
      let previous = 0;
      for (const m of body.matchAll(ROW)) {
        const openTag = /^<row\b[^>]*?\/?>/.exec(m[0])![0];
        const r = Number(attributes(openTag).r ?? previous + 1);
        previous = r;
        const inner = openTag.endsWith('/>') ? null : m[0].slice(openTag.length, -'</row>'.length);
        rows.push({ row: r, open: openTag.endsWith('/>') ? `${openTag.slice(0, -2)}>` : openTag, inner });
      }
    }
    this.xml = ''; // the parts above hold it now
    this.rows = rows;
    return rows;
  }

  private cellsOf(inner: string | null): CellXml[] {
    const cells: CellXml[] = [];
    if (!inner) return cells;
    let previous = 0;
    for (const m of inner.matchAll(CELL)) {
      const ref = /\br="([A-Z]+)\d+"/.exec(m[1]);
      const column = ref ? columnNumber(ref[1]) : previous + 1;
      previous = column;
      cells.push({ column, xml: m[0] });
    }
    return cells;
  }

  private cellValue(attrs: string, inner: string | undefined): unknown {
    const a = attributes(attrs);
    const type = a.t ?? 'n';
    if (type === 'inlineStr') return runsText(/<is>([\s\S]*?)<\/is>/.exec(inner ?? '')?.[1] ?? '');
    const v = /<v>([\s\S]*?)<\/v>/.exec(inner ?? '')?.[1];
    if (v === undefined) return '';
    if (type === 's') return this.file.sharedString(Number(v));
    if (type === 'str' || type === 'e') return unescapeXml(v);
    if (type === 'b') return v === '1';
    if (type === 'd') return new Date(unescapeXml(v));
    const n = Number(v);
    if (a.s !== undefined && this.file.isDateStyle(Number(a.s))) return new Date(Math.round((n - this.file.epochSerial) * MS_PER_DAY));
    return n;
  }

  readAll(): unknown[][] {
    if (this.writes.size === 0 && this.values) return this.values;
    const grid: unknown[][] = [];
    let width = 0;
    for (const row of this.parse()) {
      const cells: unknown[] = [];
      for (const m of (row.inner ?? '').matchAll(CELL)) {
        const ref = /\br="([A-Z]+)\d+"/.exec(m[1]);
        const column = ref ? columnNumber(ref[1]) : cells.length + 1;
        cells[column - 1] = this.cellValue(m[1], m[2]);
      }
      const pending = this.writes.get(row.row);
      if (pending) for (const [column, value] of pending) cells[column - 1] = value;
      grid[row.row - 1] = cells;
    }
    for (const [r, pending] of this.writes) {
      if (grid[r - 1]) continue;
      const cells: unknown[] = [];
      for (const [column, value] of pending) cells[column - 1] = value;
      grid[r - 1] = cells;
    }
    // Dense rows of '' where the file has gaps; trailing blank rows and columns dropped.
    let last = grid.length;
    const blank = (v: unknown) => v === undefined || v === null || v === '';
    while (last > 0 && (!grid[last - 1] || grid[last - 1].every(blank))) last--;
    for (let r = 0; r < last; r++) {
      const row = grid[r] ?? [];
      let w = row.length;
      while (w > 0 && blank(row[w - 1])) w--;
      width = Math.max(width, w);
    }
    const out: unknown[][] = new Array(last);
    for (let r = 0; r < last; r++) {
      const row = grid[r] ?? [];
      const dense = new Array(width);
      for (let c = 0; c < width; c++) dense[c] = row[c] ?? '';
      out[r] = dense;
    }
    this.lastUsedRow = last;
    this.values = out;
    return out;
  }

  readHeader(): unknown[] {
    const all = this.readAll();
    return all.length === 0 ? [] : all[0];
  }

  write(row: number, column: number, values: unknown[][]): void {
    values.forEach((rowValues, i) => {
      let pending = this.writes.get(row + i);
      if (!pending) this.writes.set(row + i, (pending = new Map()));
      rowValues.forEach((value, j) => pending!.set(column + j, value));
    });
    this.values = null;
  }

  append(values: unknown[][]): void {
    this.readAll();
    this.write(this.lastUsedRow + 1, 1, values);
  }

  /** Drops every row the tab had (Cadans's own generated tab) and writes the block from A1. */
  replaceAll(values: unknown[][]): void {
    this.parse();
    this.rows = [];
    this.writes.clear();
    this.cleared = true;
    this.write(1, 1, values);
  }

  cleared = false;

  /** Charts in an existing .xlsx are left as they are; the local runner draws them in report.html. */
  setCharts(_charts: readonly ChartSpec[]): void {}

  private unsupported(what: string): never {
    throw new Error(`${what} is not available when updating an existing .xlsx; it keeps the team's formatting as it is`);
  }

  setNumberFormat(): void {
    this.unsupported('Setting number formats');
  }

  setListValidation(): void {
    this.unsupported('Adding drop-down lists');
  }

  setStatusColours(_column: number, _fromRow: number, _rules: readonly StatusColourRule[]): void {
    this.unsupported('Adding status colours');
  }

  /** Only a tab this port created gets a frozen header row; an existing tab keeps the team's view. */
  styleHeader(): void {
    if (this.created) this.frozenHeader = true;
  }

  frozenHeader = false;

  private cellXml(ref: string, value: unknown, keepStyle: string | undefined): string {
    const s = keepStyle !== undefined ? ` s="${keepStyle}"` : '';
    if (value === null || value === undefined || value === '') return `<c r="${ref}"${s}/>`;
    if (typeof value === 'number') return Number.isFinite(value) ? `<c r="${ref}"${s}><v>${value}</v></c>` : `<c r="${ref}"${s}/>`;
    if (typeof value === 'boolean') return `<c r="${ref}"${s} t="b"><v>${value ? 1 : 0}</v></c>`;
    if (isDate(value)) {
      const serial = value.getTime() / MS_PER_DAY + this.file.epochSerial;
      const withTime = value.getTime() % MS_PER_DAY !== 0;
      const style = keepStyle !== undefined && this.file.isDateStyle(Number(keepStyle)) ? Number(keepStyle) : this.file.dateStyle(withTime);
      return `<c r="${ref}" s="${style}"><v>${serial}</v></c>`;
    }
    // Strings are inline text: never a formula, whatever they start with.
    return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${escapeXml(String(value))}</t></is></c>`;
  }

  /** The sheet's XML with Cadans's writes applied; null when nothing changed. */
  serialise(): string | null {
    if (this.writes.size === 0 && !this.created && !this.cleared) return null;
    const rows = this.parse();
    const byNumber = new Map(rows.map((r) => [r.row, r]));
    const numbers = [...new Set([...rows.map((r) => r.row), ...this.writes.keys()])].sort((a, b) => a - b);
    let maxColumn = 0;
    const parts: string[] = [];
    for (const n of numbers) {
      const existing = byNumber.get(n);
      const pending = this.writes.get(n);
      if (!pending) {
        const r = existing!;
        parts.push(r.inner === null ? `${r.open.slice(0, -1)}/>` : `${r.open}${r.inner}</row>`);
        continue;
      }
      const cells = this.cellsOf(existing?.inner ?? null);
      const byColumn = new Map(cells.map((c) => [c.column, c]));
      for (const [column, value] of pending) {
        const old = byColumn.get(column);
        if (old && /<f\b/.test(old.xml)) this.file.formulaReplaced = true;
        const style = old ? attributes(/^<c\b[^>]*>/.exec(old.xml)![0]).s : undefined;
        byColumn.set(column, { column, xml: this.cellXml(`${columnLetters(column)}${n}`, value, style) });
      }
      const ordered = [...byColumn.values()].sort((a, b) => a.column - b.column);
      maxColumn = Math.max(maxColumn, ordered[ordered.length - 1]?.column ?? 0);
      const open = existing ? existing.open.replace(/\sspans="[^"]*"/, '') : `<row r="${n}">`;
      parts.push(`${open}${ordered.map((c) => c.xml).join('')}</row>`);
    }
    let prefix = this.prefix;
    const lastRow = numbers[numbers.length - 1] ?? 1;
    const dimension = /<dimension ref="[A-Z]+\d+(?::([A-Z]+)(\d+))?"\/>/.exec(prefix);
    if (dimension) {
      const oldColumn = dimension[1] ? columnNumber(dimension[1]) : 1;
      const oldRow = dimension[2] ? Number(dimension[2]) : 1;
      prefix = prefix.replace(dimension[0], `<dimension ref="A1:${columnLetters(Math.max(oldColumn, maxColumn, 1))}${Math.max(oldRow, lastRow)}"/>`);
    }
    if (this.created && this.frozenHeader) {
      prefix = prefix.replace('<sheetViews/>', '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>');
    }
    return `${prefix}${parts.join('')}${this.suffix}`;
  }
}

// ---- The workbook ---------------------------------------------------------------------------

export class XlsxFile implements WorkbookPort {
  readonly clock: ZoneClock = intlClock('UTC');
  private readonly sheets = new Map<string, XlsxFileSheet>();
  private sharedStrings: string[] | null = null;
  private styles: Styles | null = null;
  private readonly order: string[] = [];
  formulaReplaced = false;
  /** The serial of 1970-01-01: 25569 in the usual 1900 date system, 24107 in the 1904 one (old Mac files). */
  epochSerial = SERIAL_OF_EPOCH;

  private constructor(
    private readonly zip: JSZip,
    private readonly sharedStringsXml: string,
    private readonly stylesPath: string | null,
    stylesXml: string | null,
    readonly locale: string,
  ) {
    if (stylesXml) this.styles = parseStyles(stylesXml);
  }

  static async open(path: string, locale: string = DEFAULT_LOCALE): Promise<XlsxFile> {
    const zip = await JSZip.loadAsync(await readFile(path));
    const text = async (name: string) => (zip.file(name) ? await zip.file(name)!.async('string') : null);
    const workbookXml = await text('xl/workbook.xml');
    const relsXml = await text('xl/_rels/workbook.xml.rels');
    if (!workbookXml || !relsXml) throw new Error('no workbook part (xl/workbook.xml) in the file');
    const targets = new Map<string, { target: string; type: string }>();
    for (const m of relsXml.matchAll(/<Relationship\b[^>]*\/?>/g)) {
      const a = attributes(m[0]);
      targets.set(a.Id, { target: a.Target, type: a.Type });
    }
    const resolve = (target: string) => (target.startsWith('/') ? target.slice(1) : `xl/${target}`);
    const byType = (suffix: string) => [...targets.values()].find((t) => t.type.endsWith(suffix));
    const stylesRel = byType('/styles');
    const stringsRel = byType('/sharedStrings');
    const file = new XlsxFile(
      zip,
      stringsRel ? ((await text(resolve(stringsRel.target))) ?? '') : '',
      stylesRel ? resolve(stylesRel.target) : null,
      stylesRel ? await text(resolve(stylesRel.target)) : null,
      locale,
    );
    if (/<workbookPr\b[^>]*\bdate1904="(1|true)"/.test(workbookXml)) file.epochSerial = SERIAL_OF_EPOCH - 1462;
    for (const m of workbookXml.matchAll(/<sheet\b[^>]*\/?>/g)) {
      const a = attributes(m[0]);
      const rel = targets.get(a['r:id']);
      if (!rel || !rel.type.endsWith('/worksheet')) continue; // chart sheets and the like
      const sheetPath = resolve(rel.target);
      const xml = await text(sheetPath);
      if (xml === null) continue;
      // Some tools write every element with a namespace prefix (<x:sheetData>); Cadans reads the
      // plain form only, and refuses rather than misread or damage such a file.
      if (!/<sheetData\b/.test(xml)) {
        throw new Error(`the tab ${a.name} is written in a form Cadans cannot update (prefixed XML); open the file in Excel or Google Sheets, save it, and run again`);
      }
      file.sheets.set(a.name, new XlsxFileSheet(file, a.name, sheetPath, xml, false));
      file.order.push(a.name);
    }
    return file;
  }

  sharedString(index: number): string {
    if (!this.sharedStrings) {
      this.sharedStrings = [...this.sharedStringsXml.matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)].map((m) => runsText(m[1] ?? ''));
    }
    return this.sharedStrings[index] ?? '';
  }

  isDateStyle(index: number): boolean {
    return this.styles?.dateStyle[index] ?? false;
  }

  dateStyle(withTime: boolean): number {
    if (!this.styles) throw new Error('the workbook has no styles part to hold a date format');
    return dateStyleIndex(this.styles, withTime);
  }

  sheetNames(): string[] {
    return [...this.order];
  }

  sheet(name: string): SheetPort {
    const sheet = this.sheets.get(name);
    if (!sheet) throw new Error(`No tab named ${name}`);
    return sheet;
  }

  addSheet(name: string): SheetPort {
    const used = new Set([...this.sheets.values()].map((s) => s.path));
    let n = 1;
    while (used.has(`xl/worksheets/sheet${n}.xml`) || this.zip.file(`xl/worksheets/sheet${n}.xml`)) n++;
    const path = `xl/worksheets/sheet${n}.xml`;
    const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><dimension ref="A1"/><sheetViews/><sheetData/></worksheet>`;
    const sheet = new XlsxFileSheet(this, name, path, xml, true);
    this.sheets.set(name, sheet);
    this.order.push(name);
    return sheet;
  }

  /** Writes the workbook with Cadans's changes; parts that did not change are copied as they were. */
  async save(path: string): Promise<void> {
    const zip = this.zip;
    for (const sheet of this.sheets.values()) {
      const xml = sheet.serialise();
      if (xml !== null) zip.file(sheet.path, xml);
      if (sheet.created) await this.register(sheet);
    }
    if (this.styles && this.styles.added.size > 0 && this.stylesPath) zip.file(this.stylesPath, this.styles.xml);
    if (this.formulaReplaced) await this.dropCalcChain();
    const buffer = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
    await writeFile(path, buffer);
  }

  private async register(sheet: XlsxFileSheet): Promise<void> {
    const zip = this.zip;
    const rels = (await zip.file('xl/_rels/workbook.xml.rels')!.async('string'));
    const target = sheet.path.replace(/^xl\//, '');
    if (rels.includes(`Target="${target}"`)) return;
    const ids = [...rels.matchAll(/Id="rId(\d+)"/g)].map((m) => Number(m[1]));
    const rId = `rId${Math.max(0, ...ids) + 1}`;
    zip.file('xl/_rels/workbook.xml.rels', rels.replace('</Relationships>', `<Relationship Id="${rId}" Type="${WORKSHEET_TYPE}" Target="${target}"/></Relationships>`));
    let workbook = await zip.file('xl/workbook.xml')!.async('string');
    const sheetIds = [...workbook.matchAll(/<sheet\b[^>]*\bsheetId="(\d+)"/g)].map((m) => Number(m[1]));
    const entry = `<sheet name="${escapeXml(sheet.name)}" sheetId="${Math.max(0, ...sheetIds) + 1}" r:id="${rId}"/>`;
    workbook = workbook.replace('</sheets>', `${entry}</sheets>`);
    zip.file('xl/workbook.xml', workbook);
    const types = await zip.file('[Content_Types].xml')!.async('string');
    zip.file('[Content_Types].xml', types.replace('</Types>', `<Override PartName="/${sheet.path}" ContentType="${WORKSHEET_CONTENT}"/></Types>`));
  }

  /** Excel's calculation chain lists formula cells; once one became a value, it must be rebuilt. */
  private async dropCalcChain(): Promise<void> {
    const zip = this.zip;
    if (!zip.file('xl/calcChain.xml')) return;
    zip.remove('xl/calcChain.xml');
    const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
    zip.file('xl/_rels/workbook.xml.rels', rels.replace(/<Relationship\b[^>]*calcChain[^>]*\/>/, ''));
    const types = await zip.file('[Content_Types].xml')!.async('string');
    zip.file('[Content_Types].xml', types.replace(/<Override\b[^>]*calcChain[^>]*\/>/, ''));
  }
}
