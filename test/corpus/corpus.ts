// The producer-variant corpus: .xlsx files written the way other programs write them, by hand from
// their XML parts (as the OpenXML spec allows), plus a LibreOffice-saved template checked in as a
// file. Helpers to build the packages, to read back parts and cells, and to render workbooks with
// LibreOffice headless as CSV (all files in one soffice start: each start costs seconds).

import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import { Parser } from 'htmlparser2';

const exec = promisify(execFile);

export const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** Writes an .xlsx package from its parts, as given, byte for byte. */
export async function writePackage(path: string, parts: Record<string, string | Buffer>): Promise<void> {
  const zip = new JSZip();
  for (const [name, content] of Object.entries(parts)) zip.file(name, content);
  writeFileSync(path, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}

export async function readParts(path: string): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  const out = new Map<string, Buffer>();
  for (const name of Object.keys(zip.files)) if (!zip.files[name].dir) out.set(name, await zip.file(name)!.async('nodebuffer'));
  return out;
}

export interface Tab {
  name: string;
  /** The worksheet part's XML, exactly as the producer wrote it. */
  xml: string;
}

/** A minimal package around hand-written worksheets, the way a small generator writes one. */
export function handWrittenParts(tabs: Tab[], options: { sharedStrings?: string; styles?: string; workbookExtra?: string; missing?: string[] } = {}): Record<string, string> {
  const parts: Record<string, string> = {
    '[Content_Types].xml':
      '<?xml version="1.0" encoding="UTF-8"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
      (options.sharedStrings ? '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' : '') +
      tabs.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('') +
      '</Types>',
    '_rels/.rels':
      '<?xml version="1.0" encoding="UTF-8"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    'xl/workbook.xml':
      `<?xml version="1.0" encoding="UTF-8"?>\n<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>` +
      tabs.map((t, i) => `<sheet name="${t.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
      `</sheets>${options.workbookExtra ?? ''}</workbook>`,
    'xl/_rels/workbook.xml.rels':
      '<?xml version="1.0" encoding="UTF-8"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      tabs.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('') +
      `<Relationship Id="rId${tabs.length + 1}" Type="${REL}/styles" Target="styles.xml"/>` +
      (options.sharedStrings ? `<Relationship Id="rId${tabs.length + 2}" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` : '') +
      '</Relationships>',
    'xl/styles.xml':
      options.styles ??
      `<?xml version="1.0" encoding="UTF-8"?>\n<styleSheet xmlns="${MAIN}"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>` +
        '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders>' +
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
        '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs></styleSheet>',
  };
  tabs.forEach((t, i) => (parts[`xl/worksheets/sheet${i + 1}.xml`] = t.xml));
  if (options.sharedStrings) parts['xl/sharedStrings.xml'] = options.sharedStrings;
  for (const name of options.missing ?? []) delete parts[name];
  return parts;
}

/** A worksheet part: `<worksheet>` around `sheetData` rows, in the main namespace. */
export function worksheet(rows: string, before = '<dimension ref="A1"/>', after = ''): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}" xmlns:r="${REL}">${before}<sheetData>${rows}</sheetData>${after}</worksheet>`;
}

/** An inline-string cell, the way many generators write text. */
export const text = (ref: string, value: string, style = '') => `<c r="${ref}" t="inlineStr"${style}><is><t>${value}</t></is></c>`;
export const num = (ref: string, value: number, style = '') => `<c r="${ref}"${style}><v>${value}</v></c>`;
export const row = (r: number, cells: string[]) => `<row r="${r}">${cells.join('')}</row>`;

export interface CellXml {
  /** The cell's element exactly as written. */
  xml: string;
}

/**
 * Every cell of a worksheet part by reference (local names, any prefix), with its exact XML, and
 * the part's text outside sheetData (less the dimension element, which Cadans may widen).
 */
export function sheetCells(xml: string): { cells: Map<string, string>; outside: string } {
  const cells = new Map<string, string>();
  const stack: Array<{ name: string; start: number; ref?: string }> = [];
  let dataStart = -1;
  let dataEnd = -1;
  let dimension: [number, number] | null = null;
  const local = (n: string) => n.slice(n.indexOf(':') + 1);
  const parser: Parser = new Parser(
    {
      onopentag(name, attrs) {
        const start = xml.lastIndexOf('<', parser.endIndex);
        stack.push({ name: local(name), start, ref: attrs.r });
        if (local(name) === 'sheetData') dataStart = start;
      },
      onclosetag(name) {
        const open = stack.pop()!;
        const end = parser.endIndex + 1;
        if (local(name) === 'c' && open.ref) cells.set(open.ref, xml.slice(open.start, end));
        if (local(name) === 'sheetData') dataEnd = end;
        if (local(name) === 'dimension') dimension = [open.start, end];
      },
    },
    { xmlMode: true, recognizeCDATA: true },
  );
  parser.write(xml);
  parser.end();
  let outside = xml.slice(0, dataStart) + xml.slice(dataEnd);
  if (dimension) outside = xml.slice(0, dimension[0]) + xml.slice(dimension[1], dataStart) + xml.slice(dataEnd);
  return { cells, outside };
}

export const columnOf = (ref: string): string => /^[A-Z]+/.exec(ref)![0];

// ---- LibreOffice ---------------------------------------------------------------------------------

function findSoffice(): string | null {
  for (const dir of (process.env.PATH ?? '').split(':')) if (dir && existsSync(join(dir, 'soffice'))) return join(dir, 'soffice');
  return null;
}

/**
 * LibreOffice renders only in the UTC project: the suite runs once per machine time zone, and what
 * LibreOffice shows of an .xlsx does not depend on it (serials carry no zone); each start costs seconds.
 */
export const SOFFICE = process.env.TZ === 'UTC' ? findSoffice() : null;

/**
 * Opens every workbook with LibreOffice headless in one start and saves each tab as CSV, as shown
 * (formatted text, formulas recalculated as the file asks). Returns per workbook path: tab -> rows.
 */
export async function renderCsv(paths: string[]): Promise<Map<string, Map<string, string[][]>>> {
  const work = mkdtempSync(join(tmpdir(), 'cadans-soffice-'));
  const outdir = join(work, 'csv');
  // Inputs may share a file name (every case has its own folder): give each a name of its own.
  const { copyFileSync, mkdirSync } = await import('node:fs');
  mkdirSync(join(work, 'in'));
  // LibreOffice 7.4 decides on recalculation at load by its own setting (Tools > Options > Calc >
  // Formula > Recalculation on file load), not by the file's calcPr fullCalcOnLoad that Excel and
  // Google Sheets follow; this profile sets it to "always", as those programs do with the flag.
  mkdirSync(join(work, 'profile', 'user'), { recursive: true });
  writeFileSync(
    join(work, 'profile', 'user', 'registrymodifications.xcu'),
    '<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
      '<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item></oor:items>\n',
  );
  const names = paths.map((p, i) => {
    const name = `w${i}.xlsx`;
    copyFileSync(p, join(work, 'in', name));
    return name;
  });
  await exec(
    SOFFICE!,
    [`-env:UserInstallation=file://${join(work, 'profile')}`, '--headless', '--norestore', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1', '--outdir', outdir, ...names.map((n) => join(work, 'in', n))],
    { timeout: 120_000 },
  );
  const out = new Map<string, Map<string, string[][]>>();
  const files = existsSync(outdir) ? readdirSync(outdir) : [];
  paths.forEach((p, i) => {
    const stem = `w${i}-`;
    const tabs = new Map<string, string[][]>();
    for (const f of files) if (f.startsWith(stem) && f.endsWith('.csv')) tabs.set(basename(f, '.csv').slice(stem.length), parseCsv(readFileSync(join(outdir, f), 'utf8')));
    out.set(p, tabs);
  });
  return out;
}

/** RFC 4180 CSV as LibreOffice writes it. */
export function parseCsv(textIn: string): string[][] {
  const rows: string[][] = [];
  let rowCells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < textIn.length; i++) {
    const ch = textIn[i];
    if (quoted) {
      if (ch === '"' && textIn[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      rowCells.push(cell);
      cell = '';
    } else if (ch === '\n') {
      rowCells.push(cell);
      rows.push(rowCells);
      rowCells = [];
      cell = '';
    } else if (ch !== '\r') cell += ch;
  }
  if (cell !== '' || rowCells.length) {
    rowCells.push(cell);
    rows.push(rowCells);
  }
  return rows;
}
