// The WorkbookPort over an existing .xlsx file, for `cadans run`: it reads the parts it needs with
// a real XML parser (./xml.ts) and, on save, rewrites only the cells Cadans wrote. Everything else in
// the file (the team's formulas, styles, charts, comments, validation, other tabs) is carried over
// byte for byte, which a load-and-rewrite library cannot promise, and a 50,000-row workbook is read
// and written in seconds rather than minutes.
//
// What a valid file from another producer may hold, and what happens to it here:
//   - comments, CDATA, processing instructions, either quote style, namespace prefixes: read as XML
//     defines them; Cadans's own cells are written in the part's own prefix;
//   - shared, inline and rich strings: read as their text (phonetic runs left out);
//   - a shared formula whose master Cadans overwrites: the remaining cells get their formula in full;
//   - a formula saved without its result: read as blank and listed (uncachedFormulas) so the
//     runner can name the cell;
//   - a truncated or missing part, a Strict Open XML file: refused (WorkbookFormError);
//   - a column past XFD (16,384): refused before anything is written.
// The output asks spreadsheet programs to recalculate every formula on load (calcPr fullCalcOnLoad),
// so the team's formulas over Cadans's columns never show stale results.
//
// Dates: an .xlsx stores serial numbers; cells whose number format is a date are handed to the
// engine as midnight UTC, so this workbook's calendar is UTC (as with ExcelJS).

import { fitCell } from '../core/cell-text';
import JSZip from 'jszip';
import { intlClock, isDate, MS_PER_DAY, SERIAL_OF_EPOCH, type ZoneClock } from '../core/dates';
import { DEFAULT_LOCALE } from '../core/locale';
import { NOTE_MARK } from '../core/notes';
import { columnLetter } from '../workbook/headers';
import { type CellMark, type ChartSpec, type MarkExtent, NUMBER_PATTERNS, type SheetPort, type StatusColourRule, type TabFormat, type WorkbookPort } from '../workbook/ports';
import { moveFormula } from './shared-formula';
import { formProblem } from './messages';
import {
  applySplices,
  attribute,
  childrenOf,
  CONTENT_TYPES_NS,
  escapeXml,
  MAIN_NS,
  PACKAGE_REL_NS,
  parseTree,
  prefixFor,
  qualified,
  REL_NS,
  scanXml,
  type Splice,
  STRICT_MAIN_NS,
  XmlFormatError,
  type XmlElement,
  type XmlNode,
} from './xml';

export { escapeXml } from './xml';

const WORKSHEET_TYPE = `${REL_NS}/worksheet`;
const WORKSHEET_CONTENT = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
/** The last column of a sheet in Excel and LibreOffice (XFD); cells beyond it are dropped on load. */
export const LAST_COLUMN = 16_384;
const LAST_ROW = 1_048_576;

/** A workbook Cadans cannot read or update safely; the message says which part and what to do. */
export class WorkbookFormError extends Error {}

// ---- Cell references ------------------------------------------------------------------------

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** 1 is A, 27 is AA: the same rule the Log uses for column labels. */
export const columnLetters = columnLetter;

/** "AB12" as [28, 12]; null when it is not an A1 reference. */
function parseReference(ref: string): [number, number] | null {
  let i = 0;
  let column = 0;
  for (let ch = ref.charCodeAt(0); i < ref.length && ch >= 65 && ch <= 90; ch = ref.charCodeAt(++i)) column = column * 26 + ch - 64;
  if (i === 0 || i > 3 || i === ref.length) return null;
  let row = 0;
  for (let j = i; j < ref.length; j++) {
    const d = ref.charCodeAt(j) - 48;
    if (d < 0 || d > 9) return null;
    row = row * 10 + d;
  }
  return row >= 1 ? [column, row] : null;
}

// ---- Number formats -------------------------------------------------------------------------

const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** A custom format is a date format when it has d, m, y, h or s outside quotes, brackets and escapes. */
export function isDateFormatCode(code: string): boolean {
  const bare = code.replace(/"[^"]*"|\[[^\]]*\]|\\.|_.|\*./g, '');
  return /[dmyhs]/i.test(bare) && !/^[#0.,%\s€$£]*$/.test(bare);
}


/** Writes an open (or empty) tag from its parts, attribute values escaped, in double quotes. */
function tag(name: string, attrs: Record<string, string>, empty: boolean): string {
  let s = `<${name}`;
  for (const key in attrs) s += ` ${key}="${escapeXml(attrs[key])}"`;
  return s + (empty ? '/>' : '>');
}

/** The element's open tag rewritten with `changes` (undefined removes an attribute); the rest as it was. */
function retag(element: XmlElement, changes: Record<string, string | undefined>): string {
  const attrs: Record<string, string> = {};
  for (const key in element.attrs) if (!(key in changes)) attrs[key] = element.attrs[key];
  for (const key in changes) if (changes[key] !== undefined) attrs[key] = changes[key]!;
  return tag(qualified(element.prefix, element.local), attrs, element.selfClosing);
}

type FontKind = 'bold' | 'italic';

/** A cell format Cadans adds: a number format (or none) and a bold or italic font (or the default). */
interface AddedXf {
  code: string | null;
  font: FontKind | null;
}

interface Styles {
  xml: string;
  tree: XmlNode;
  /** Per cellXfs index: is its number format a date? */
  dateStyle: boolean[];
  /** Per cellXfs index: does its format show a time of day? */
  timeStyle: boolean[];
  /** The cellXfs the file had; Cadans's own follow, in `xfs` order. */
  base: number;
  xfs: AddedXf[];
  xfIndex: Map<string, number>;
  /** Fonts Cadans adds (the file's first font made bold or italic), in order. */
  fonts: FontKind[];
  /** Differential formats for Cadans's colour rules, in order after the file's own. */
  dxfs: Array<{ background: string; color: string }>;
  dxfIndex: Map<string, number>;
  numFmtIds: number[];
  /** What the file already holds, so that a run on Cadans's own output adds no second copy. */
  customCodes: Map<string, number>;
  existingFonts: Map<FontKind, number>;
  existingXfs: Map<string, number>;
  existingDxfs: Map<string, number>;
}

/** The file's first font (its default) made bold or italic: the generated tabs keep the workbook's typeface. */
function fontXml(tree: XmlNode, xml: string, kind: FontKind): string {
  const p = tree.prefix;
  const fontList = childrenOf(tree, 'fonts', MAIN_NS)[0];
  const firstFont = fontList ? childrenOf(fontList, 'font', MAIN_NS)[0] : undefined;
  const f = qualified(p, 'font');
  const mark = `<${qualified(p, kind === 'bold' ? 'b' : 'i')}/>`;
  if (!firstFont || firstFont.selfClosing) return `<${f}>${mark}</${f}>`;
  const inner = firstFont.children.filter((c) => c.local !== 'b' && c.local !== 'i').map((c) => xml.slice(c.start, c.end)).join('');
  return `<${f}>${mark}${inner}</${f}>`;
}

/** A colour rule's differential format: its font colour and solid fill. */
function dxfXml(p: string, background: string, color: string): string {
  const q = (local: string) => qualified(p, local);
  return `<${q('dxf')}><${q('font')}><${q('color')} rgb="${argbOf(color)}"/></${q('font')}><${q('fill')}><${q('patternFill')} patternType="solid"><${q('bgColor')} rgb="${argbOf(background)}"/></${q('patternFill')}></${q('fill')}></${q('dxf')}>`;
}

function parseStyles(xml: string, path: string): Styles {
  const tree = parseTree(xml, path);
  const custom = new Map<number, string>();
  const numFmtIds: number[] = [];
  for (const list of childrenOf(tree, 'numFmts', MAIN_NS)) {
    for (const f of childrenOf(list, 'numFmt', MAIN_NS)) {
      custom.set(Number(f.attrs.numFmtId), f.attrs.formatCode ?? '');
      numFmtIds.push(Number(f.attrs.numFmtId));
    }
  }
  const dateStyle: boolean[] = [];
  const timeStyle: boolean[] = [];
  for (const list of childrenOf(tree, 'cellXfs', MAIN_NS)) {
    for (const xf of childrenOf(list, 'xf', MAIN_NS)) {
      const id = Number(xf.attrs.numFmtId ?? 0);
      const code = custom.get(id);
      const isDate = code !== undefined ? isDateFormatCode(code) : BUILTIN_DATE_FORMATS.has(id);
      dateStyle.push(isDate);
      timeStyle.push(isDate && (code !== undefined ? /[hs]/i.test(code.replace(/"[^"]*"|\[[^\]]*\]/g, '')) : id >= 18));
    }
  }
  const customCodes = new Map<string, number>();
  for (const [id, code] of custom) if (!customCodes.has(code)) customCodes.set(code, id);
  const fontList = childrenOf(tree, 'fonts', MAIN_NS)[0];
  const fonts = fontList ? childrenOf(fontList, 'font', MAIN_NS).map((f) => xml.slice(f.start, f.end)) : [];
  const existingFonts = new Map<FontKind, number>();
  for (const kind of ['bold', 'italic'] as const) {
    const at = fonts.indexOf(fontXml(tree, xml, kind), 1);
    if (at > 0) existingFonts.set(kind, at);
  }
  // Plain cell formats (no fill, border, alignment or protection of their own), by number format and font.
  const existingXfs = new Map<string, number>();
  let index = 0;
  for (const list of childrenOf(tree, 'cellXfs', MAIN_NS)) {
    for (const xf of childrenOf(list, 'xf', MAIN_NS)) {
      const plain = xf.children.length === 0 && (xf.attrs.fillId ?? '0') === '0' && (xf.attrs.borderId ?? '0') === '0' && (xf.attrs.xfId ?? '0') === '0';
      const key = `${xf.attrs.numFmtId ?? '0'}|${xf.attrs.fontId ?? '0'}`;
      if (plain && !existingXfs.has(key)) existingXfs.set(key, index);
      index++;
    }
  }
  const existingDxfs = new Map<string, number>();
  const dxfList = childrenOf(tree, 'dxfs', MAIN_NS)[0];
  if (dxfList) childrenOf(dxfList, 'dxf', MAIN_NS).forEach((d, i) => existingDxfs.has(xml.slice(d.start, d.end)) || existingDxfs.set(xml.slice(d.start, d.end), i));
  return { xml, tree, dateStyle, timeStyle, base: dateStyle.length, xfs: [], xfIndex: new Map(), fonts: [], dxfs: [], dxfIndex: new Map(), numFmtIds, customCodes, existingFonts, existingXfs, existingDxfs };
}

/** The cellXfs index for a number format and font; added to the styles on save if new. */
function styleIndex(styles: Styles, code: string | null, font: FontKind | null): number {
  const key = `${code ?? ''}|${font ?? ''}`;
  const known = styles.xfIndex.get(key);
  if (known !== undefined) return known;
  // The same format the file already has (a run on Cadans's own output): that one.
  const numFmtId = code === null ? 0 : styles.customCodes.get(code);
  const fontId = font === null ? 0 : styles.existingFonts.get(font);
  const existing = numFmtId === undefined || fontId === undefined ? undefined : styles.existingXfs.get(`${numFmtId}|${fontId}`);
  if (existing !== undefined) {
    styles.xfIndex.set(key, existing);
    return existing;
  }
  if (childrenOf(styles.tree, 'cellXfs', MAIN_NS).length !== 1) throw new WorkbookFormError(formProblem('stylesNoCellXfs'));
  if (font && !styles.fonts.includes(font) && !styles.existingFonts.has(font)) styles.fonts.push(font);
  const index = styles.base + styles.xfs.length;
  const isDate = code !== null && isDateFormatCode(code);
  styles.dateStyle.push(isDate);
  styles.timeStyle.push(isDate && /[hs]/i.test(code!));
  styles.xfs.push({ code, font });
  styles.xfIndex.set(key, index);
  return index;
}

/** The cellXfs index for a date (or date-time) format. */
function dateStyleIndex(styles: Styles, withTime: boolean): number {
  return styleIndex(styles, withTime ? 'dd-mm-yyyy hh:mm' : 'dd-mm-yyyy', null);
}

/** The dxfs index of a colour rule's fill and font colour; added on save. */
function dxfIndex(styles: Styles, background: string, color: string): number {
  const key = `${background}|${color}`;
  const known = styles.dxfIndex.get(key) ?? styles.existingDxfs.get(dxfXml(styles.tree.prefix, background, color));
  if (known !== undefined) return known;
  const list = childrenOf(styles.tree, 'dxfs', MAIN_NS)[0];
  const index = (list ? childrenOf(list, 'dxf', MAIN_NS).length : 0) + styles.dxfs.length;
  styles.dxfs.push({ background, color });
  styles.dxfIndex.set(key, index);
  return index;
}

/** #F4C7C3 → FFF4C7C3, the ARGB form styles.xml uses. */
function argbOf(hex: string): string {
  return `FF${hex.replace('#', '').toUpperCase()}`;
}

/** Adds `items` at the end of a list element (creating it after `after`, or at the start), with its count. */
function appendToList(styles: Styles, splices: Splice[], local: string, items: string[], after: readonly string[]): void {
  if (items.length === 0) return;
  const tree = styles.tree;
  const p = tree.prefix;
  const list = childrenOf(tree, local, MAIN_NS)[0];
  const child = { numFmts: 'numFmt', fonts: 'font', cellXfs: 'xf', dxfs: 'dxf' }[local]!;
  if (!list) {
    const before = after.map((name) => childrenOf(tree, name, MAIN_NS)[0]).filter(Boolean).pop();
    const at = before ? before.end : tree.openEnd;
    splices.push({ from: at, to: at, text: `${tag(qualified(p, local), { count: String(items.length) }, false)}${items.join('')}</${qualified(p, local)}>` });
    return;
  }
  const count = childrenOf(list, child, MAIN_NS).length + items.length;
  splices.push({ from: list.start, to: list.openEnd, text: retag({ ...list, selfClosing: false }, { count: String(count) }) });
  if (list.selfClosing) splices.push({ from: list.end, to: list.end, text: `${items.join('')}</${qualified(list.prefix, local)}>` });
  else splices.push({ from: list.closeStart, to: list.closeStart, text: items.join('') });
}

/** The styles part with Cadans's number formats, fonts, cell formats and colour-rule formats added at the end of their lists. */
function stylesWithAdditions(styles: Styles): string {
  const tree = styles.tree;
  const p = tree.prefix;
  const splices: Splice[] = [];
  let nextId = Math.max(163, ...styles.numFmtIds) + 1;
  const numFmtIdOf = new Map<string, number>();
  const numFmts: string[] = [];
  for (const { code } of styles.xfs) {
    if (code === null || numFmtIdOf.has(code)) continue;
    const known = styles.customCodes.get(code);
    if (known !== undefined) {
      numFmtIdOf.set(code, known);
      continue;
    }
    numFmtIdOf.set(code, nextId);
    numFmts.push(tag(qualified(p, 'numFmt'), { numFmtId: String(nextId++), formatCode: code }, true));
  }
  appendToList(styles, splices, 'numFmts', numFmts, []);
  const fontList = childrenOf(tree, 'fonts', MAIN_NS)[0];
  const fontBase = fontList ? childrenOf(fontList, 'font', MAIN_NS).length : 0;
  if (fontList) appendToList(styles, splices, 'fonts', styles.fonts.map((kind) => fontXml(tree, styles.xml, kind)), []);
  const xfs = styles.xfs.map(({ code, font }) => {
    const fontId = !font || !fontList ? 0 : styles.existingFonts.get(font) ?? fontBase + styles.fonts.indexOf(font);
    const attrs: Record<string, string> = { numFmtId: String(code === null ? 0 : numFmtIdOf.get(code)), fontId: String(fontId), fillId: '0', borderId: '0', xfId: '0' };
    if (code !== null) attrs.applyNumberFormat = '1';
    if (font) attrs.applyFont = '1';
    return tag(qualified(p, 'xf'), attrs, true);
  });
  appendToList(styles, splices, 'cellXfs', xfs, []);
  const dxfs = styles.dxfs.map(({ background, color }) => dxfXml(p, background, color));
  appendToList(styles, splices, 'dxfs', dxfs, ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles']);
  return applySplices(styles.xml, splices);
}

/** The colour of a cell Cadans cannot use: light red, dark red text (as in Sheets). */
const MARK_COLOURS = { background: '#F4C7C3', color: '#A50E0E' };
/** The formula of Cadans's mark rule: always true, and recognisable at the next run (as in Sheets). */
const MARK_FORMULA_TEXT = 'ISTEXT("cadans:mark")';
/** Elements a worksheet has after its conditionalFormatting ones, in the schema's order (ECMA-376 Part 1, 18.3.1.99 CT_Worksheet). */
const AFTER_CONDITIONAL_FORMATTING = new Set(['dataValidations', 'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup', 'headerFooter', 'rowBreaks', 'colBreaks', 'customProperties', 'cellWatches', 'ignoredErrors', 'smartTags', 'drawing', 'legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst']);
/** Elements a worksheet has after its legacyDrawing (the anchor of its notes), in the schema's order. */
const AFTER_LEGACY_DRAWING = new Set(['legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst']);
const COMMENTS_TYPE = `${REL_NS}/comments`;
const VML_TYPE = `${REL_NS}/vmlDrawing`;
const COMMENTS_CONTENT = 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml';
const VML_CONTENT = 'application/vnd.openxmlformats-officedocument.vmlDrawing';
/** The author Cadans gives its notes. */
const NOTE_AUTHOR = 'Cadans';

/** Whether every note of a comments part is Cadans's: its text (all its runs) starts with the mark. */
function notesAreCadans(comments: XmlNode): boolean {
  const list = childrenOf(comments, 'commentList', MAIN_NS)[0];
  const all = list ? childrenOf(list, 'comment', MAIN_NS) : [];
  const textOf = (node: XmlNode): string => (node.local === 't' ? node.text : node.children.map(textOf).join(''));
  return all.every((c) => textOf(c).startsWith(NOTE_MARK));
}

/** A comments part holding Cadans's notes (ECMA-376 Part 1, 18.7 Comments). */
function commentsXml(marks: readonly CellMark[]): string {
  const list = marks
    .map((m) => `<comment ref="${columnLetters(m.column)}${m.row}" authorId="0"><text><t xml:space="preserve">${escapeXml(`${NOTE_MARK}${m.text}`)}</t></text></comment>`)
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${MAIN_NS}"><authors><author>${NOTE_AUTHOR}</author></authors><commentList>${list}</commentList></comments>`;
}

/**
 * The VML drawing that shows those notes (hidden until the pointer rests on the cell), as Excel
 * writes it. `block` keeps shape ids unique in the workbook: Excel gives drawing n the ids from
 * n × 1024 + 1 (its o:idmap), and repairs a file whose drawings share them.
 */
function notesVml(marks: readonly CellMark[], block: number): string {
  const shapes = marks.map((m, i) => {
    const r = m.row - 1;
    const c = m.column - 1;
    return (
      `<v:shape id="_x0000_s${block * 1024 + 1 + i}" type="#_x0000_t202" style="position:absolute;margin-left:80pt;margin-top:2pt;width:220pt;height:80pt;z-index:${i + 1};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
      '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
      `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${c + 1}, 15, ${Math.max(0, r - 1)}, 10, ${c + 4}, 15, ${r + 4}, 4</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>${r}</x:Row><x:Column>${c}</x:Column></x:ClientData></v:shape>`
    );
  });
  return (
    '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
    `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${block}"/></o:shapelayout>` +
    '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>' +
    `${shapes.join('')}</xml>`
  );
}

// ---- Sheets ---------------------------------------------------------------------------------

// Per cell, in one flat Int32Array per row: where it is in the part and what it holds.
const FIELDS = 8;
const [COLUMN, START, END, STYLE, FLAGS, SHARED_INDEX, F_START, F_END] = [0, 1, 2, 3, 4, 5, 6, 7];
const HAS_FORMULA = 1;
const SHARED_MASTER = 2;
const SHARED_CHILD = 4;

interface RowInfo {
  row: number;
  element: XmlElement;
  cells: Int32Array;
}

/** A formula cell saved without its result (as openpyxl and other generators write them). */
export interface UncachedFormula {
  sheet: string;
  row: number;
  column: number;
  formula: string;
}

interface CellState {
  element: XmlElement;
  column: number;
  type: string;
  style: number;
  v: string;
  hasV: boolean;
  formula: XmlElement | null;
  formulaText: string;
  inIs: boolean;
  inPhonetic: number;
  inline: string;
}

const blank = (v: unknown) => v === undefined || v === null || v === '';

class XlsxFileSheet implements SheetPort {
  private scanned = false;
  private rows: RowInfo[] = [];
  private grid: unknown[][] = [];
  private root: XmlElement | null = null;
  private sheetData: XmlElement | null = null;
  private dimension: XmlElement | null = null;
  private readonly masters = new Map<number, { formula: string; row: number; column: number }>();
  readonly uncached: UncachedFormula[] = [];
  private values: unknown[][] | null = null;
  private readonly writes = new Map<number, Map<number, unknown>>();
  private lastUsedRow = 0;
  cleared = false;
  frozenHeader = false;
  /** A generated tab's presentation (issue 14), applied as the part is written. */
  private format: { tab: TabFormat; codes: Map<number, string>; bold: Set<number>; italic: Set<number> } | null = null;
  /** Cadans's marks for this tab (issue 14), set by markCells; null when this run did not look. */
  marks: readonly CellMark[] | null = null;
  /** The relationship id of the notes' VML drawing, when this run adds the legacyDrawing that shows them. */
  notesDrawing: string | null = null;

  /** Whether the worksheet already has a legacyDrawing (notes or controls of its own). */
  hasLegacyDrawing(): boolean {
    this.scan();
    return this.topLevel.some((e) => e.local === 'legacyDrawing');
  }
  /** The worksheet's own children, for placing the view, widths and colour rules in schema order. */
  private readonly topLevel: XmlElement[] = [];

  constructor(
    private readonly file: XlsxFile,
    readonly name: string,
    readonly path: string,
    private xml: string,
    readonly created: boolean,
  ) {}

  private refuse(what: string): never {
    throw new WorkbookFormError(`${formProblem('tab', { name: this.name, path: this.path })} ${what}`);
  }

  /** Reads the part once: the rows and cells with their places, and every cell's value. */
  private scan(): void {
    if (this.scanned) return;
    this.scanned = true;
    if (this.created) return;
    const xml = this.xml;
    let row: RowInfo | null = null;
    let rowCells: number[] = [];
    let rowValues: unknown[] = [];
    let previousRow = 0;
    let previousColumn = 0;
    let cell: CellState | null = null;
    const reused = {} as CellState;
    try {
    scanXml(
      xml,
      {
        open: (e) => {
          if (e.ns !== MAIN_NS) {
            if (e.ns === STRICT_MAIN_NS) this.refuse(formProblem('tabStrict'));
            if (!e.parent) this.refuse(formProblem('tabNotWorksheet'));
            return;
          }
          const parent = e.parent;
          if (parent && parent === this.root) this.topLevel.push(e);
          switch (e.local) {
            case 'worksheet':
              if (!parent) this.root = e;
              break;
            case 'dimension':
              if (parent && parent === this.root) this.dimension = e;
              break;
            case 'sheetData':
              if (parent && parent === this.root) this.sheetData = e;
              break;
            case 'row': {
              if (!this.sheetData || parent !== this.sheetData) break;
              const r = e.attrs.r === undefined ? previousRow + 1 : Number(e.attrs.r);
              if (!Number.isInteger(r) || r <= previousRow || r > LAST_ROW) this.refuse(formProblem('tabRowOrder', { r: e.attrs.r, previous: previousRow, last: LAST_ROW }));
              previousRow = r;
              previousColumn = 0;
              row = { row: r, element: e, cells: new Int32Array(0) };
              rowCells = [];
              rowValues = [];
              break;
            }
            case 'c': {
              if (!row || parent !== row.element) break;
              let column = previousColumn + 1;
              if (e.attrs.r !== undefined) {
                const ref = parseReference(e.attrs.r);
                if (!ref || ref[1] !== row.row) this.refuse(formProblem('tabCellRef', { r: e.attrs.r, row: row.row }));
                column = ref[0];
              }
              if (column <= previousColumn) this.refuse(formProblem('tabCellOrder', { row: row.row, column: columnLetters(column), previous: columnLetters(previousColumn) }));
              if (column > LAST_COLUMN) this.refuse(formProblem('tabPastXfd', { row: row.row }));
              previousColumn = column;
              const style = e.attrs.s === undefined ? -1 : Number(e.attrs.s);
              // One state object for every cell (cells do not nest): no garbage per cell.
              cell = reused;
              cell.element = e;
              cell.column = column;
              cell.type = e.attrs.t ?? 'n';
              cell.style = Number.isInteger(style) ? style : -1;
              cell.v = '';
              cell.hasV = false;
              cell.formula = null;
              cell.formulaText = '';
              cell.inIs = false;
              cell.inPhonetic = 0;
              cell.inline = '';
              break;
            }
            case 'v':
              if (cell && parent === cell.element) cell.hasV = true;
              break;
            case 'f':
              if (cell && parent === cell.element) cell.formula = e;
              break;
            case 'is':
              if (cell && parent === cell.element) cell.inIs = true;
              break;
            case 'rPh':
              if (cell?.inIs) cell.inPhonetic++;
              break;
          }
        },
        close: (e) => {
          if (e.ns !== MAIN_NS) return;
          if (e.local === 'c' && cell && e === cell.element) {
            rowValues[cell.column - 1] = this.valueOf(cell);
            let flags = 0;
            let shared = -1;
            const f = cell.formula;
            if (f) {
              flags |= HAS_FORMULA;
              if (f.attrs.t === 'shared' && f.attrs.si !== undefined) {
                shared = Number(f.attrs.si);
                if (f.attrs.ref !== undefined && cell.formulaText !== '') {
                  flags |= SHARED_MASTER;
                  this.masters.set(shared, { formula: cell.formulaText, row: row!.row, column: cell.column });
                } else flags |= SHARED_CHILD;
              }
              // No <v>, or an empty one for a number (openpyxl writes <v></v>): no saved result.
              if (!cell.hasV || (cell.v === '' && cell.type !== 'str' && cell.type !== 'inlineStr')) {
                const master = shared >= 0 ? this.masters.get(shared) : undefined;
                const text = cell.formulaText || (master ? (moveFormula(master.formula, row!.row - master.row, cell.column - master.column) ?? '') : '');
                this.uncached.push({ sheet: this.name, row: row!.row, column: cell.column, formula: text });
              }
            }
            rowCells.push(cell.column, e.start, e.end, cell.style, flags, shared, f ? f.start : -1, f ? f.end : -1);
            cell = null;
          } else if (e.local === 'row' && row && e === row.element) {
            row.cells = Int32Array.from(rowCells);
            this.rows.push(row);
            this.grid[row.row - 1] = rowValues;
            row = null;
          } else if (e.local === 'is' && cell && e.parent === cell.element) {
            cell.inIs = false;
          } else if (e.local === 'rPh' && cell?.inIs) {
            cell.inPhonetic--;
          }
        },
        text: (data, parent) => {
          if (!cell || !parent || parent.ns !== MAIN_NS) return;
          if (parent.local === 'v' && parent.parent === cell.element) cell.v += data;
          else if (parent.local === 'f' && parent === cell.formula) cell.formulaText += data;
          else if (parent.local === 't' && cell.inIs && cell.inPhonetic === 0) cell.inline += data;
        },
      },
      formProblem('tab', { name: this.name, path: this.path }),
    );
    } catch (error) {
      if (error instanceof XmlFormatError) throw new WorkbookFormError(formProblem('saveAgain', { message: error.message }));
      throw error;
    }
    if (!this.root) this.refuse(formProblem('tabNotWorksheet'));
    if (!this.sheetData) this.refuse(formProblem('tabNoSheetData'));
  }

  private valueOf(cell: CellState): unknown {
    const type = cell.type;
    if (type === 'inlineStr') return cell.inline;
    if (!cell.hasV) return '';
    const v = cell.v;
    if (type === 's') return this.file.sharedString(Number(v));
    if (type === 'str' || type === 'e') return v;
    if (type === 'b') return v.trim() === '1' || v.trim() === 'true';
    if (type === 'd') return new Date(v);
    if (v.trim() === '') return '';
    const n = Number(v);
    if (cell.style >= 0 && this.file.isDateStyle(cell.style)) return new Date(Math.round((n - this.file.epochSerial) * MS_PER_DAY));
    return n;
  }

  readAll(): unknown[][] {
    if (this.values) return this.values;
    this.scan();
    const grid: unknown[][] = this.cleared ? [] : this.grid.map((cells) => cells.slice());
    for (const [r, pending] of this.writes) {
      const cells = grid[r - 1] ?? (grid[r - 1] = []);
      for (const [column, value] of pending) cells[column - 1] = value;
    }
    // Dense rows of '' where the file has gaps; trailing blank rows and columns dropped.
    let last = grid.length;
    while (last > 0 && (!grid[last - 1] || grid[last - 1].every(blank))) last--;
    let width = 0;
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
    const width = values.reduce((w, r) => Math.max(w, r.length), 0);
    if (column + width - 1 > LAST_COLUMN) {
      throw new WorkbookFormError(formProblem('columnsPastXfd', { name: this.name, letters: columnLetters(column - 1) }));
    }
    if (row + values.length - 1 > LAST_ROW) throw new WorkbookFormError(formProblem('tabFull', { name: this.name, last: LAST_ROW }));
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
    this.scan();
    this.cleared = true;
    this.writes.clear();
    this.values = null;
    this.write(1, 1, values);
  }

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

  /**
   * For Cadans's own generated tabs only: the cells it writes get their number formats and bold or
   * italic fonts (cell formats added to styles.xml), and the part gets the frozen rows, the column
   * widths and the colour rules, replacing the tab's earlier ones.
   */
  formatTab(format: TabFormat): void {
    this.scan();
    const codes = new Map(format.numbers.map((n) => [n.row * 20_000 + n.column, NUMBER_PATTERNS[n.kind]]));
    this.format = { tab: format, codes, bold: new Set(format.bold), italic: new Set(format.italic) };
  }

  /** The style of a cell Cadans writes: the generated tab's format, or the one the cell had. */
  private styleFor(row: number, column: number, had: number): number {
    const f = this.format;
    if (!f) return had;
    const code = f.codes.get(row * 20_000 + column) ?? null;
    const font = f.bold.has(row) ? 'bold' : f.italic.has(row) ? 'italic' : null;
    return this.file.cellStyle(code, font);
  }

  /** The view, widths and colour rules of a formatted tab, in the part's prefix. */
  private formatParts(p: string): { views: string; cols: string; rules: string } {
    const f = this.format!.tab;
    const q = (local: string) => qualified(p, local);
    const views = f.frozenRows > 0
      ? `<${q('sheetViews')}><${q('sheetView')} workbookViewId="0"><${q('pane')} ySplit="${f.frozenRows}" topLeftCell="A${f.frozenRows + 1}" activePane="bottomLeft" state="frozen"/></${q('sheetView')}></${q('sheetViews')}>`
      : '';
    // Excel measures a column in characters of the default font's digits, about 7 pixels each.
    const cols = f.widths.length === 0 ? '' : `<${q('cols')}>${f.widths.map((px, i) => `<${q('col')} min="${i + 1}" max="${i + 1}" width="${Math.round((px / 7) * 100) / 100}" customWidth="1"/>`).join('')}</${q('cols')}>`;
    const last = columnLetters(Math.max(1, f.columns));
    const rows = Math.max(1, f.rows);
    const rules = f.colours
      .map((c, i) => {
        const dxf = this.file.colourStyle(c.background, c.color);
        if (dxf === null) return '';
        const letter = c.column === null ? 'A' : columnLetters(c.column);
        const sqref = `${letter}1:${c.column === null ? last : letter}${rows}`;
        const text = `"${c.text.replace(/"/g, '""')}"`;
        const rule = c.match === 'equals'
          ? `<${q('cfRule')} type="cellIs" dxfId="${dxf}" priority="${i + 1}" operator="equal"><${q('formula')}>${escapeXml(text)}</${q('formula')}></${q('cfRule')}>`
          : `<${q('cfRule')} type="containsText" dxfId="${dxf}" priority="${i + 1}" operator="containsText" text="${escapeXml(c.text)}"><${q('formula')}>${escapeXml(`NOT(ISERROR(SEARCH(${text},${letter}1)))`)}</${q('formula')}></${q('cfRule')}>`;
        return `<${q('conditionalFormatting')} sqref="${sqref}">${rule}</${q('conditionalFormatting')}>`;
      })
      .join('');
    return { views, cols, rules };
  }

  /**
   * Notes and colour (issue 14): the cells get Cadans's conditional-format rule (an earlier run's
   * goes), and the workbook writes the notes as legacy comments on save (XlsxFile.writeNotes). The
   * whole part is read anyway, so `previous` is not needed.
   */
  markCells(marks: readonly CellMark[], _previous: MarkExtent | null): MarkExtent {
    const all = this.readAll();
    this.marks = marks;
    return { rows: all.length, columns: all.reduce((w, r) => Math.max(w, r.length), 0) };
  }

  /** Splices that replace Cadans's mark rule of an earlier run with this run's (none when this run did not look). */
  private markSplices(): Splice[] {
    if (this.marks === null || !this.root) return [];
    const splices: Splice[] = [];
    let priority = 0;
    for (const e of this.topLevel) {
      if (e.local !== 'conditionalFormatting') continue;
      const text = this.xml.slice(e.start, e.end);
      if (text.includes('cadans:mark')) splices.push({ from: e.start, to: e.end, text: '' });
      for (const m of text.matchAll(/priority="(\d+)"/g)) priority = Math.max(priority, Number(m[1]));
    }
    const dxf = this.marks.length ? this.file.colourStyle(MARK_COLOURS.background, MARK_COLOURS.color) : null;
    if (dxf === null) return splices;
    const p = this.root.prefix;
    const sqref = this.marks.map((m) => `${columnLetters(m.column)}${m.row}`).join(' ');
    const rule =
      `${tag(qualified(p, 'conditionalFormatting'), { sqref }, false)}${tag(qualified(p, 'cfRule'), { type: 'expression', dxfId: String(dxf), priority: String(priority + 1) }, false)}` +
      `<${qualified(p, 'formula')}>${escapeXml(MARK_FORMULA_TEXT)}</${qualified(p, 'formula')}></${qualified(p, 'cfRule')}></${qualified(p, 'conditionalFormatting')}>`;
    const after = this.topLevel.find((e) => AFTER_CONDITIONAL_FORMATTING.has(e.local));
    const at = after ? after.start : this.root.closeStart;
    splices.push({ from: at, to: at, text: rule });
    return splices;
  }

  /** The legacyDrawing element that shows the notes this run adds (after the rule: the schema's order). */
  private notesSplices(): Splice[] {
    if (this.notesDrawing === null || !this.root) return [];
    const r = prefixFor(this.root, REL_NS);
    const attrs: Record<string, string> = {};
    if (r === null || r === '') attrs['xmlns:cr'] = REL_NS;
    attrs[`${r || 'cr'}:id`] = this.notesDrawing;
    const after = this.topLevel.find((e) => AFTER_LEGACY_DRAWING.has(e.local));
    const at = after ? after.start : this.root.closeStart;
    return [{ from: at, to: at, text: tag(qualified(this.root.prefix, 'legacyDrawing'), attrs, true) }];
  }

  /** Only a tab this port created gets a frozen header row; an existing tab keeps the team's view. */
  styleHeader(): void {
    if (this.created) this.frozenHeader = true;
  }

  /** A new cell in the part's own prefix; strings are inline text, never a formula. */
  private cellXml(p: string, ref: string, value: unknown, style: number): string {
    const c = qualified(p, 'c');
    const v = qualified(p, 'v');
    const s = style >= 0 ? ` s="${style}"` : '';
    if (value === null || value === undefined || value === '') return `<${c} r="${ref}"${s}/>`;
    if (typeof value === 'number') return Number.isFinite(value) ? `<${c} r="${ref}"${s}><${v}>${value}</${v}></${c}>` : `<${c} r="${ref}"${s}/>`;
    if (typeof value === 'boolean') return `<${c} r="${ref}"${s} t="b"><${v}>${value ? 1 : 0}</${v}></${c}>`;
    if (isDate(value)) {
      const serial = value.getTime() / MS_PER_DAY + this.file.epochSerial;
      const withTime = value.getTime() % MS_PER_DAY !== 0;
      const dateStyle = style >= 0 && this.file.isDateStyle(style) ? style : this.file.dateStyle(withTime);
      return `<${c} r="${ref}" s="${dateStyle}"><${v}>${serial}</${v}></${c}>`;
    }
    const is = qualified(p, 'is');
    const t = qualified(p, 't');
    // No cell past Excel's limit, whatever text a run copies into it (a 40,000-character note).
    return `<${c} r="${ref}"${s} t="inlineStr"><${is}><${t} xml:space="preserve">${escapeXml(fitCell(String(value)))}</${t}></${is}></${c}>`;
  }

  /** One row as Cadans writes it: its own cells new, the others as they were (orphaned shared formulas written out). */
  private rowXml(p: string, n: number, existing: RowInfo | null, pending: Map<number, unknown> | undefined, orphaned: Set<number>): { xml: string; maxColumn: number } {
    const xml = this.xml;
    const parts: string[] = [];
    const columns = pending ? [...pending.keys()].sort((a, b) => a - b) : [];
    const cells = existing?.cells ?? new Int32Array(0);
    let k = 0;
    let maxColumn = 0;
    const newCell = (column: number, style: number) => {
      parts.push(this.cellXml(p, `${columnLetters(column)}${n}`, pending!.get(column), this.styleFor(n, column, style)));
      maxColumn = Math.max(maxColumn, column);
    };
    for (let i = 0; i < cells.length; i += FIELDS) {
      const column = cells[i + COLUMN];
      while (k < columns.length && columns[k] < column) newCell(columns[k++], -1);
      if (k < columns.length && columns[k] === column) {
        k++;
        if (cells[i + FLAGS] & HAS_FORMULA) this.file.formulaReplaced = true;
        newCell(column, cells[i + STYLE]);
        continue;
      }
      maxColumn = Math.max(maxColumn, column);
      const flags = cells[i + FLAGS];
      if (flags & SHARED_CHILD && orphaned.has(cells[i + SHARED_INDEX])) {
        // Its master is gone: the formula it shared, moved to this cell, written out in full.
        const master = this.masters.get(cells[i + SHARED_INDEX])!;
        const moved = moveFormula(master.formula, n - master.row, column - master.column) ?? '#REF!';
        const f = qualified(p, 'f');
        parts.push(xml.slice(cells[i + START], cells[i + F_START]), `<${f}>${escapeXml(moved)}</${f}>`, xml.slice(cells[i + F_END], cells[i + END]));
      } else {
        parts.push(xml.slice(cells[i + START], cells[i + END]));
      }
    }
    while (k < columns.length) newCell(columns[k++], -1);
    const r = qualified(p, 'row');
    const open = existing ? retag({ ...existing.element, selfClosing: false }, { spans: undefined }) : `<${r} r="${n}">`;
    return { xml: `${open}${parts.join('')}</${r}>`, maxColumn };
  }

  /** The sheet's XML with Cadans's writes applied; null when nothing changed. */
  serialise(): string | null {
    if (this.writes.size === 0 && !this.created && !this.cleared && !this.format) {
      // Only the marks may change: the part stays byte for byte when they do not.
      if (this.marks === null) return null;
      this.scan();
      const only = [...this.markSplices(), ...this.notesSplices()];
      return only.length ? applySplices(this.xml, only) : null;
    }
    this.scan();
    if (this.created) return this.newPart();
    const sheetData = this.sheetData!;
    const p = sheetData.prefix;
    const rows = this.cleared ? [] : this.rows;
    if (this.cleared && this.rows.some((r) => r.cells.some((_, i) => i % FIELDS === FLAGS && (r.cells[i] & HAS_FORMULA) !== 0))) this.file.formulaReplaced = true;
    // Shared formulas whose master cell Cadans overwrites.
    const orphaned = new Set<number>();
    for (const row of rows) {
      const pending = this.writes.get(row.row);
      if (!pending) continue;
      for (let i = 0; i < row.cells.length; i += FIELDS) {
        if (row.cells[i + FLAGS] & SHARED_MASTER && pending.has(row.cells[i + COLUMN])) orphaned.add(row.cells[i + SHARED_INDEX]);
      }
    }
    const hasOrphan = (row: RowInfo) => {
      for (let i = 0; i < row.cells.length; i += FIELDS) if (row.cells[i + FLAGS] & SHARED_CHILD && orphaned.has(row.cells[i + SHARED_INDEX])) return true;
      return false;
    };
    const splices: Splice[] = [];
    let maxColumn = 0;
    let lastRow = 0;
    const newRows = [...this.writes.keys()].sort((a, b) => a - b);
    const byNumber = new Map(rows.map((r) => [r.row, r]));
    // Rows that are new go before the first existing row with a higher number, or at the end.
    let inserting: string[] = [];
    let k = 0;
    const flushBefore = (at: number) => {
      if (inserting.length) splices.push({ from: at, to: at, text: inserting.join('') });
      inserting = [];
    };
    for (const row of rows) {
      while (k < newRows.length && newRows[k] < row.row) {
        const n = newRows[k++];
        const built = this.rowXml(p, n, null, this.writes.get(n), orphaned);
        inserting.push(built.xml);
        maxColumn = Math.max(maxColumn, built.maxColumn);
        lastRow = Math.max(lastRow, n);
      }
      flushBefore(row.element.start);
      if (k < newRows.length && newRows[k] === row.row) k++;
      const pending = this.writes.get(row.row);
      if (pending || (orphaned.size > 0 && hasOrphan(row))) {
        const built = this.rowXml(p, row.row, row, pending, orphaned);
        splices.push({ from: row.element.start, to: row.element.end, text: built.xml });
        maxColumn = Math.max(maxColumn, built.maxColumn);
        lastRow = Math.max(lastRow, row.row);
      }
    }
    while (k < newRows.length) {
      const n = newRows[k++];
      if (byNumber.has(n)) continue;
      const built = this.rowXml(p, n, null, this.writes.get(n), orphaned);
      inserting.push(built.xml);
      maxColumn = Math.max(maxColumn, built.maxColumn);
      lastRow = Math.max(lastRow, n);
    }
    const sd = qualified(p, 'sheetData');
    if (this.cleared) {
      const body = inserting.join('');
      splices.push({ from: sheetData.start, to: sheetData.end, text: `${retag({ ...sheetData, selfClosing: false }, {})}${body}</${sd}>` });
      inserting = [];
    } else if (sheetData.selfClosing) {
      if (inserting.length) splices.push({ from: sheetData.start, to: sheetData.end, text: `${retag({ ...sheetData, selfClosing: false }, {})}${inserting.join('')}</${sd}>` });
      inserting = [];
    } else {
      flushBefore(sheetData.closeStart);
    }
    const dimension = this.dimension;
    if (dimension) {
      const [from, to] = (dimension.attrs.ref ?? 'A1').split(':');
      const start = parseReference(from) ?? [1, 1];
      const end = parseReference(to ?? from) ?? start;
      const ref = `${columnLetters(start[0])}${start[1]}:${columnLetters(Math.max(end[0], maxColumn, 1))}${Math.max(end[1], lastRow, 1)}`;
      splices.push({ from: dimension.start, to: dimension.end, text: retag(dimension, { ref }) });
    }
    if (this.format) splices.push(...this.formatSplices(p));
    splices.push(...this.markSplices(), ...this.notesSplices());
    const out = applySplices(this.xml, splices);
    return out;
  }

  /**
   * The formatted tab's view, widths and colour rules in place of its old ones, each where the
   * worksheet schema puts it (sheetViews after dimension, cols before sheetData, conditional
   * formats after mergeCells and phoneticPr); every other element stays as it was.
   */
  private formatSplices(p: string): Splice[] {
    const ORDER = ['sheetPr', 'dimension', 'sheetViews', 'sheetFormatPr', 'cols', 'sheetData', 'sheetCalcPr', 'sheetProtection', 'protectedRanges', 'scenarios', 'autoFilter', 'sortState', 'dataConsolidate', 'customSheetViews', 'mergeCells', 'phoneticPr', 'conditionalFormatting', 'dataValidations', 'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup', 'headerFooter', 'rowBreaks', 'colBreaks', 'customProperties', 'cellWatches', 'ignoredErrors', 'smartTags', 'drawing', 'legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst'];
    const parts = this.formatParts(p);
    const replaced = new Set(['sheetViews', 'cols', 'conditionalFormatting']);
    const splices: Splice[] = [];
    const kept = this.topLevel.filter((e) => e.ns === MAIN_NS && ORDER.includes(e.local) && !replaced.has(e.local));
    for (const e of this.topLevel) if (e.ns === MAIN_NS && replaced.has(e.local)) splices.push({ from: e.start, to: e.end, text: '' });
    const insert = (local: keyof typeof parts, name: string) => {
      if (!parts[local]) return;
      const rank = ORDER.indexOf(name);
      const next = kept.find((e) => ORDER.indexOf(e.local) > rank);
      const at = next ? next.start : this.root!.closeStart;
      splices.push({ from: at, to: at, text: parts[local] });
    };
    insert('views', 'sheetViews');
    insert('cols', 'cols');
    insert('rules', 'conditionalFormatting');
    return splices;
  }

  /** A tab Cadans adds: a plain worksheet part with its rows (and a frozen header row). */
  private newPart(): string {
    const numbers = [...this.writes.keys()].sort((a, b) => a - b);
    const rows: string[] = [];
    let maxColumn = 1;
    for (const n of numbers) {
      const built = this.rowXml('', n, null, this.writes.get(n), new Set());
      rows.push(built.xml);
      maxColumn = Math.max(maxColumn, built.maxColumn);
    }
    const lastRow = numbers[numbers.length - 1] ?? 1;
    const formatted = this.format ? this.formatParts('') : null;
    const views = formatted ? formatted.views : this.frozenHeader ? '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>' : '';
    return (
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
      `<dimension ref="A1:${columnLetters(maxColumn)}${lastRow}"/>${views}${formatted?.cols ?? ''}<sheetData>${rows.join('')}</sheetData>${formatted?.rules ?? ''}</worksheet>`
    );
  }
}

// ---- The workbook ---------------------------------------------------------------------------

/** What kind of file the bytes are, when they are not an .xlsx (a zip package). */
/** What a file that is not an .xlsx package is instead, from its first bytes; null for a zip package. */
export function notAnXlsxKind(bytes: Uint8Array): 'encrypted' | 'xls' | 'notZip' | null {
  const ole = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  if (bytes.length >= 8 && ole.every((b, i) => bytes[i] === b)) {
    // An OLE compound file: an encrypted .xlsx keeps its package in a stream next to "EncryptionInfo".
    const marker = Buffer.from('EncryptionInfo', 'utf16le');
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(marker) ? 'encrypted' : 'xls';
  }
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) return 'notZip';
  return null;
}

function notAnXlsx(bytes: Uint8Array): string | null {
  const kind = notAnXlsxKind(bytes);
  return kind ? formProblem(kind) : null;
}

function resolvePart(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const piece of target.split('/')) {
    if (piece === '..') parts.pop();
    else if (piece !== '.' && piece !== '') parts.push(piece);
  }
  return parts.join('/');
}

function relsPathOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

export class XlsxFile implements WorkbookPort {
  /** A workbook of the local runner: no Cadans menu to point at. */
  readonly hasMenu = false;
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
    private readonly workbookPath: string,
    private readonly workbookXml: string,
    private readonly relsXml: string,
    private readonly sharedStringsXml: string,
    private readonly stringsPath: string,
    private readonly stylesPath: string | null,
    stylesXml: string | null,
    readonly locale: string,
  ) {
    if (stylesXml !== null && stylesPath) this.styles = parseStyles(stylesXml, stylesPath);
  }

  static async open(path: string, locale?: string): Promise<XlsxFile> {
    const { readFile } = await import('node:fs/promises');
    return XlsxFile.fromBytes(await readFile(path), locale);
  }

  /** Reads a workbook; throws WorkbookFormError (with what to do) for a file Cadans cannot update. */
  static async fromBytes(bytes: Uint8Array, locale: string = DEFAULT_LOCALE): Promise<XlsxFile> {
    const kind = notAnXlsx(bytes);
    if (kind) throw new WorkbookFormError(kind);
    let zip: JSZip;
    try {
      zip = await JSZip.loadAsync(bytes, { checkCRC32: true });
    } catch (error) {
      throw new WorkbookFormError(formProblem('zipDamaged', { detail: (error as Error).message }));
    }
    const text = async (name: string): Promise<string | null> => {
      const entry = zip.file(name);
      if (!entry) return null;
      try {
        return await entry.async('string');
      } catch (error) {
        throw new WorkbookFormError(formProblem('partUnpack', { name, detail: (error as Error).message }));
      }
    };
    try {
      // The workbook part is wherever the package's relationships say it is (almost always xl/workbook.xml).
      const packageRels = await text('_rels/.rels');
      let workbookPath = 'xl/workbook.xml';
      if (packageRels !== null) {
        const tree = parseTree(packageRels, '_rels/.rels');
        const office = childrenOf(tree, 'Relationship', PACKAGE_REL_NS).find((r) => (r.attrs.Type ?? '').endsWith('/officeDocument'));
        if (office?.attrs.Target) workbookPath = resolvePart('', office.attrs.Target);
      }
      const workbookXml = await text(workbookPath);
      const relsPath = relsPathOf(workbookPath);
      const relsXml = await text(relsPath);
      if (workbookXml === null) throw new WorkbookFormError(formProblem('noWorkbookPart', { path: workbookPath }));
      if (relsXml === null) throw new WorkbookFormError(formProblem('relsMissing', { path: relsPath }));
      const workbook = parseTree(workbookXml, workbookPath);
      if (workbook.ns === STRICT_MAIN_NS) throw new WorkbookFormError(formProblem('workbookStrict'));
      if (workbook.ns !== MAIN_NS || workbook.local !== 'workbook') throw new WorkbookFormError(formProblem('notWorkbook', { path: workbookPath }));
      const rels = parseTree(relsXml, relsPath);
      const targets = new Map<string, { target: string; type: string }>();
      for (const r of childrenOf(rels, 'Relationship', PACKAGE_REL_NS)) {
        if (r.attrs.TargetMode === 'External') continue;
        targets.set(r.attrs.Id ?? '', { target: resolvePart(workbookPath, r.attrs.Target ?? ''), type: r.attrs.Type ?? '' });
      }
      const byType = (suffix: string) => [...targets.values()].find((t) => t.type.endsWith(suffix));
      const stylesRel = byType('/styles');
      const stringsRel = byType('/sharedStrings');
      const stylesXml = stylesRel ? await text(stylesRel.target) : null;
      if (stylesRel && stylesXml === null) throw new WorkbookFormError(formProblem('stylesMissing', { path: stylesRel.target }));
      const stringsXml = stringsRel ? await text(stringsRel.target) : '';
      if (stringsRel && stringsXml === null) throw new WorkbookFormError(formProblem('stringsMissing', { path: stringsRel.target }));
      const file = new XlsxFile(zip, workbookPath, workbookXml, relsXml, stringsXml ?? '', stringsRel?.target ?? '', stylesRel?.target ?? null, stylesXml, locale);
      const pr = childrenOf(workbook, 'workbookPr', MAIN_NS)[0];
      if (pr && (pr.attrs.date1904 === '1' || pr.attrs.date1904 === 'true')) file.epochSerial = SERIAL_OF_EPOCH - 1462;
      for (const sheets of childrenOf(workbook, 'sheets', MAIN_NS)) {
        for (const s of childrenOf(sheets, 'sheet', MAIN_NS)) {
          const name = s.attrs.name ?? '';
          const rel = targets.get(attribute(s, 'id', REL_NS) ?? '');
          if (!rel) throw new WorkbookFormError(formProblem('tabNoRel', { name }));
          if (rel.type !== WORKSHEET_TYPE) continue; // chart sheets and the like
          const xml = await text(rel.target);
          if (xml === null) throw new WorkbookFormError(formProblem('tabPartMissing', { name, path: rel.target }));
          file.sheets.set(name, new XlsxFileSheet(file, name, rel.target, xml, false));
          file.order.push(name);
        }
      }
      return file;
    } catch (error) {
      if (error instanceof XmlFormatError) throw new WorkbookFormError(formProblem('saveAgain', { message: error.message }));
      throw error;
    }
  }

  sharedString(index: number): string {
    if (!this.sharedStrings) {
      const strings: string[] = [];
      let current: XmlElement | null = null;
      let text = '';
      let phonetic = 0;
      try {
        scanXml(
          this.sharedStringsXml,
          {
            open(e) {
              if (e.ns !== MAIN_NS) return;
              if (e.local === 'si' && e.parent && !e.parent.parent) {
                current = e;
                text = '';
              } else if (e.local === 'rPh' && current) phonetic++;
            },
            close(e) {
              if (e.ns !== MAIN_NS) return;
              if (e === current) {
                strings.push(text);
                current = null;
              } else if (e.local === 'rPh' && current) phonetic--;
            },
            text(data, parent) {
              if (current && phonetic === 0 && parent && parent.local === 't' && parent.ns === MAIN_NS) text += data;
            },
          },
          this.stringsPath,
        );
      } catch (error) {
        if (error instanceof XmlFormatError) throw new WorkbookFormError(formProblem('saveAgain', { message: error.message }));
        throw error;
      }
      this.sharedStrings = strings;
    }
    return this.sharedStrings[index] ?? '';
  }

  isDateStyle(index: number): boolean {
    return this.styles?.dateStyle[index] ?? false;
  }

  dateStyle(withTime: boolean): number {
    if (!this.styles) throw new WorkbookFormError(formProblem('noStyles'));
    return dateStyleIndex(this.styles, withTime);
  }

  /** A cell format for a generated tab's cell; -1 (the default) in a workbook without a styles part. */
  cellStyle(code: string | null, font: FontKind | null): number {
    if (!this.styles || (code === null && font === null)) return -1;
    return styleIndex(this.styles, code, font);
  }

  /** A colour rule's format; null in a workbook without a styles part (the rule is then left out). */
  colourStyle(background: string, color: string): number | null {
    return this.styles ? dxfIndex(this.styles, background, color) : null;
  }

  /** Formula cells saved without a result, in the tabs read so far. */
  uncachedFormulas(tab: string): UncachedFormula[] {
    const sheet = this.sheets.get(tab);
    if (!sheet) return [];
    sheet.readAll();
    return sheet.uncached;
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
    if (this.sheets.has(name)) throw new WorkbookFormError(formProblem('tabExists', { name }));
    const used = new Set([...this.sheets.values()].map((s) => s.path));
    let n = 1;
    while (used.has(`xl/worksheets/sheet${n}.xml`) || this.zip.file(`xl/worksheets/sheet${n}.xml`)) n++;
    const sheet = new XlsxFileSheet(this, name, `xl/worksheets/sheet${n}.xml`, '', true);
    this.sheets.set(name, sheet);
    this.order.push(name);
    return sheet;
  }

  /** The workbook with Cadans's changes as .xlsx bytes; parts that did not change are copied as they were. */
  async toBuffer(): Promise<Buffer> {
    const zip = this.zip;
    const created: XlsxFileSheet[] = [];
    const noteTypes = await this.writeNotes();
    for (const sheet of this.sheets.values()) {
      const xml = sheet.serialise();
      if (xml !== null) zip.file(sheet.path, xml);
      if (sheet.created) created.push(sheet);
    }
    if (this.styles && (this.styles.xfs.length > 0 || this.styles.dxfs.length > 0 || this.styles.fonts.length > 0) && this.stylesPath) zip.file(this.stylesPath, stylesWithAdditions(this.styles));
    await this.patchPackage(created);
    if (noteTypes.length) await this.addContentTypes(noteTypes);
    return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
  }

  async save(path: string): Promise<void> {
    const { writeFile } = await import('node:fs/promises');
    await writeFile(path, await this.toBuffer());
  }

  /**
   * The workbook, its relationships and content types: new tabs registered, a full recalculation
   * asked for on load, and Excel's calculation chain dropped once a formula cell became a value
   * (it lists formula cells and must then be rebuilt).
   */
  /**
   * Cadans's notes (issue 14) as the legacy comments every spreadsheet program reads: a comments
   * part and the VML drawing that shows it, per tab with marks. A tab whose comments part is
   * Cadans's alone (a run on an earlier output) gets it rewritten, so fixed cells lose their note;
   * a tab with notes or a drawing of the team's keeps them untouched and gets the colour only.
   * Returns the content types the package needs for new parts.
   */
  private async writeNotes(): Promise<Array<{ part: string; type: string } | { extension: string; type: string }>> {
    const zip = this.zip;
    const types: Array<{ part: string; type: string } | { extension: string; type: string }> = [];
    for (const sheet of this.sheets.values()) {
      if (sheet.marks === null || sheet.created) continue;
      const relsPath = relsPathOf(sheet.path);
      const relsXml = (await zip.file(relsPath)?.async('string')) ?? null;
      const rels = relsXml === null ? null : parseTree(relsXml, relsPath);
      const entries = rels ? childrenOf(rels, 'Relationship', PACKAGE_REL_NS) : [];
      const comments = entries.find((e) => e.attrs.Type === COMMENTS_TYPE);
      const vml = entries.find((e) => e.attrs.Type === VML_TYPE);
      if (comments) {
        // Only Cadans's own notes are rewritten; the team's are never touched.
        const commentsPath = resolvePart(sheet.path, comments.attrs.Target ?? '');
        const existing = await zip.file(commentsPath)?.async('string');
        if (!existing || !vml) continue;
        // Cadans's alone when every note starts with its mark (LibreOffice and others rewrite the author).
        if (!notesAreCadans(parseTree(existing, commentsPath))) continue;
        zip.file(commentsPath, commentsXml(sheet.marks));
        const vmlPath = resolvePart(sheet.path, vml.attrs.Target ?? '');
        zip.file(vmlPath, notesVml(sheet.marks, Number(/(\d+)\.vml$/i.exec(vmlPath)?.[1] ?? 0) || 900));
        continue;
      }
      if (sheet.marks.length === 0 || vml || sheet.hasLegacyDrawing()) continue;
      let n = 1;
      while (zip.file(`xl/comments${n}.xml`) || zip.file(`xl/drawings/vmlDrawing${n}.vml`)) n++;
      const commentsPath = `xl/comments${n}.xml`;
      const vmlPath = `xl/drawings/vmlDrawing${n}.vml`;
      zip.file(commentsPath, commentsXml(sheet.marks));
      zip.file(vmlPath, notesVml(sheet.marks, n));
      const ids = new Set(entries.map((e) => e.attrs.Id));
      let next = 1;
      const id = () => {
        while (ids.has(`rId${next}`)) next++;
        ids.add(`rId${next}`);
        return `rId${next}`;
      };
      const commentsId = id();
      const vmlId = id();
      const relative = (part: string) => `../${part.slice('xl/'.length)}`;
      const added =
        tag(qualified(rels?.prefix ?? '', 'Relationship'), { Id: commentsId, Type: COMMENTS_TYPE, Target: relative(commentsPath) }, true) +
        tag(qualified(rels?.prefix ?? '', 'Relationship'), { Id: vmlId, Type: VML_TYPE, Target: relative(vmlPath) }, true);
      if (rels && relsXml !== null && !rels.selfClosing) zip.file(relsPath, applySplices(relsXml, [{ from: rels.closeStart, to: rels.closeStart, text: added }]));
      else zip.file(relsPath, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PACKAGE_REL_NS}">${added}</Relationships>`);
      sheet.notesDrawing = vmlId;
      types.push({ part: `/${commentsPath}`, type: COMMENTS_CONTENT }, { extension: 'vml', type: VML_CONTENT });
    }
    return types;
  }

  /** Content types for the notes' new parts: an Override per comments part, a Default for .vml where missing. */
  private async addContentTypes(needed: ReadonlyArray<{ part: string; type: string } | { extension: string; type: string }>): Promise<void> {
    const typesXml = await this.zip.file('[Content_Types].xml')?.async('string');
    if (typesXml === undefined) throw new WorkbookFormError('the package has no [Content_Types].xml; the file is damaged');
    const types = parseTree(typesXml, '[Content_Types].xml');
    const defaults = new Set(childrenOf(types, 'Default', CONTENT_TYPES_NS).map((d) => (d.attrs.Extension ?? '').toLowerCase()));
    const parts = new Set(childrenOf(types, 'Override', CONTENT_TYPES_NS).map((o) => o.attrs.PartName));
    const added: string[] = [];
    for (const t of needed) {
      if ('extension' in t) {
        if (defaults.has(t.extension)) continue;
        defaults.add(t.extension);
        added.push(tag(qualified(types.prefix, 'Default'), { Extension: t.extension, ContentType: t.type }, true));
      } else if (!parts.has(t.part)) {
        parts.add(t.part);
        added.push(tag(qualified(types.prefix, 'Override'), { PartName: t.part, ContentType: t.type }, true));
      }
    }
    // Default and Override may come in any order (ECMA-376 Part 2, the Types element).
    if (added.length) this.zip.file('[Content_Types].xml', applySplices(typesXml, [{ from: types.closeStart, to: types.closeStart, text: added.join('') }]));
  }

  private async patchPackage(created: XlsxFileSheet[]): Promise<void> {
    const zip = this.zip;
    const rels = parseTree(this.relsXml, formProblem('relsLabel'));
    const relSplices: Splice[] = [];
    const relEntries = childrenOf(rels, 'Relationship', PACKAGE_REL_NS);
    const ids = new Set(relEntries.map((r) => r.attrs.Id));
    let nextId = 1;
    const newRels: Array<{ id: string; sheet: XlsxFileSheet }> = [];
    for (const sheet of created) {
      while (ids.has(`rId${nextId}`)) nextId++;
      const id = `rId${nextId++}`;
      newRels.push({ id, sheet });
      const target = sheet.path.startsWith('xl/') && this.workbookPath.startsWith('xl/') ? sheet.path.slice(3) : `/${sheet.path}`;
      relSplices.push({ from: rels.closeStart, to: rels.closeStart, text: tag(qualified(rels.prefix, 'Relationship'), { Id: id, Type: WORKSHEET_TYPE, Target: target }, true) });
    }
    const chain = this.formulaReplaced ? relEntries.filter((r) => (r.attrs.Type ?? '').endsWith('/calcChain')) : [];
    for (const r of chain) {
      relSplices.push({ from: r.start, to: r.end, text: '' });
      zip.remove(resolvePart(this.workbookPath, r.attrs.Target ?? ''));
    }
    if (rels.selfClosing && relSplices.length) throw new WorkbookFormError(formProblem('relsEmpty'));
    if (relSplices.length) zip.file(relsPathOf(this.workbookPath), applySplices(this.relsXml, relSplices));

    const workbook = parseTree(this.workbookXml, this.workbookPath);
    const splices: Splice[] = [];
    if (newRels.length) {
      const sheets = childrenOf(workbook, 'sheets', MAIN_NS)[0];
      if (!sheets || sheets.selfClosing) throw new WorkbookFormError(formProblem('noSheets'));
      const sheetIds = childrenOf(sheets, 'sheet', MAIN_NS).map((s) => Number(s.attrs.sheetId) || 0);
      let sheetId = Math.max(0, ...sheetIds);
      const r = prefixFor(sheets, REL_NS);
      const entries = newRels.map(({ id, sheet }) => {
        const attrs: Record<string, string> = { name: sheet.name, sheetId: String(++sheetId) };
        if (r === null || r === '') attrs['xmlns:cr'] = REL_NS;
        attrs[`${r || 'cr'}:id`] = id;
        return tag(qualified(sheets.prefix, 'sheet'), attrs, true);
      });
      splices.push({ from: sheets.closeStart, to: sheets.closeStart, text: entries.join('') });
    }
    const calcPr = childrenOf(workbook, 'calcPr', MAIN_NS)[0];
    if (calcPr) {
      if (calcPr.attrs.fullCalcOnLoad !== '1' && calcPr.attrs.fullCalcOnLoad !== 'true') splices.push({ from: calcPr.start, to: calcPr.openEnd, text: retag(calcPr, { fullCalcOnLoad: '1' }) });
    } else {
      // calcPr's place in the schema: after definedNames, before oleSize and what follows it.
      const later = new Set(['oleSize', 'customWorkbookViews', 'pivotCaches', 'smartTagPr', 'smartTagTypes', 'webPublishing', 'fileRecoveryPr', 'webPublishObjects', 'extLst']);
      const before = workbook.children.find((c) => c.ns === MAIN_NS && later.has(c.local));
      const at = before ? before.start : workbook.closeStart;
      splices.push({ from: at, to: at, text: tag(qualified(workbook.prefix, 'calcPr'), { fullCalcOnLoad: '1' }, true) });
    }
    if (workbook.selfClosing) throw new WorkbookFormError(formProblem('workbookEmpty'));
    zip.file(this.workbookPath, applySplices(this.workbookXml, splices));

    const typesXml = await zip.file('[Content_Types].xml')?.async('string');
    if (typesXml === undefined) throw new WorkbookFormError(formProblem('noContentTypes'));
    const types = parseTree(typesXml, '[Content_Types].xml');
    const typeSplices: Splice[] = [];
    for (const { sheet } of newRels) {
      typeSplices.push({ from: types.closeStart, to: types.closeStart, text: tag(qualified(types.prefix, 'Override'), { PartName: `/${sheet.path}`, ContentType: WORKSHEET_CONTENT }, true) });
    }
    if (chain.length) {
      for (const o of childrenOf(types, 'Override', CONTENT_TYPES_NS)) if ((o.attrs.ContentType ?? '').includes('calcChain')) typeSplices.push({ from: o.start, to: o.end, text: '' });
    }
    if (typeSplices.length) zip.file('[Content_Types].xml', applySplices(typesXml, typeSplices));
  }
}
