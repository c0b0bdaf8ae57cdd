import { mkdtempSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { columnLetters, columnNumber, isDateFormatCode, XlsxFile } from '../../src/local/xlsx-file';

const utc = (y: number, m: number, d: number, h = 0, min = 0) => new Date(Date.UTC(y, m - 1, d, h, min));

async function build(path: string, fill: (book: ExcelJS.Workbook) => void): Promise<void> {
  const book = new ExcelJS.Workbook();
  fill(book);
  await book.xlsx.writeFile(path);
}

async function parts(path: string): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(await readFile(path));
  const out = new Map<string, Buffer>();
  for (const name of Object.keys(zip.files)) if (!zip.files[name].dir) out.set(name, await zip.file(name)!.async('nodebuffer'));
  return out;
}

describe('XlsxFile reading', () => {
  it('gives every kind of cell as a spreadsheet shows it', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'xlsx-file-')), 'kinds.xlsx');
    await build(path, (book) => {
      const ws = book.addWorksheet('Blad');
      ws.addRow(['tekst', 12.5, true, { error: '#N/A' }, { formula: 'B1*2', result: 25 }, { richText: [{ text: 'vet ', font: { bold: true } }, { text: 'en niet' }] }]);
      const row = ws.addRow([utc(2026, 2, 3), utc(2026, 2, 3), utc(2026, 2, 3, 14, 30), 1234.5, '=geen formule', '']);
      row.getCell(1).numFmt = 'dd-mm-yyyy';
      row.getCell(2).numFmt = 'mm-dd-yy';
      row.getCell(3).numFmt = 'dd-mm-yyyy hh:mm';
      row.getCell(4).numFmt = '€ #,##0.00';
      ws.addRow([]);
      ws.addRow(['na een lege rij']);
    });
    const file = await XlsxFile.open(path);
    expect(file.sheetNames()).toEqual(['Blad']);
    expect(file.sheet('Blad').readAll()).toEqual([
      ['tekst', 12.5, true, '#N/A', 25, 'vet en niet'],
      [utc(2026, 2, 3), utc(2026, 2, 3), utc(2026, 2, 3, 14, 30), 1234.5, '=geen formule', ''],
      ['', '', '', '', '', ''],
      ['na een lege rij', '', '', '', '', ''],
    ]);
  });

  it('recognises date formats, and not currency or plain number formats', () => {
    expect(['dd-mm-yyyy', 'd/m/yy', '[$-413]d mmmm yyyy', 'yyyy-mm-dd hh:mm', 'mmm-yy'].map(isDateFormatCode)).toEqual([true, true, true, true, true]);
    expect(['€ #,##0.00', '0.00%', '#,##0', '"dagen" 0', '[Red]0.0'].map(isDateFormatCode)).toEqual([false, false, false, false, false]);
  });

  it('converts column letters both ways', () => {
    expect([1, 26, 27, 52, 703].map(columnLetters)).toEqual(['A', 'Z', 'AA', 'AZ', 'AAA']);
    expect(['A', 'Z', 'AA', 'AZ', 'AAA'].map(columnNumber)).toEqual([1, 26, 27, 52, 703]);
  });
});

describe('XlsxFile writing', () => {
  it("changes only the cells written and copies every other part of the file byte for byte", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xlsx-file-'));
    const input = join(dir, 'in.xlsx');
    await build(input, (book) => {
      const ws = book.addWorksheet('Relaties');
      ws.addRow(['ID', 'Status', 'Eigen kolom']);
      ws.addRow(['R1', 'oud', { formula: 'LEN(A2)', result: 2 }]);
      ws.getCell('B2').font = { bold: true };
      ws.mergeCells('D1:E1');
      ws.getCell('D1').value = 'samengevoegd';
      (ws as unknown as { dataValidations: { add(ref: string, v: object): void } }).dataValidations.add('A2:A10', { type: 'list', formulae: ['"R1,R2"'] });
      const other = book.addWorksheet('Anders');
      other.addRow(['blijft', 'zoals het was']);
    });
    const file = await XlsxFile.open(input);
    file.sheet('Relaties').write(2, 2, [['=IMPORTXML("x")']]);
    file.sheet('Relaties').write(3, 1, [[utc(2026, 11, 24), 'nieuw']]);
    const output = join(dir, 'out.xlsx');
    await file.save(output);

    const before = await parts(input);
    const after = await parts(output);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    const changed = [...before.keys()].filter((name) => !before.get(name)!.equals(after.get(name)!));
    // The sheet written to, the styles (a date format for the new date cell) and the workbook,
    // which asks for a full recalculation on load and changes nowhere else.
    expect(changed.sort()).toEqual(['xl/styles.xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml']);
    const workbookBefore = before.get('xl/workbook.xml')!.toString('utf8');
    const workbookAfter = after.get('xl/workbook.xml')!.toString('utf8');
    const calcPr = /<calcPr\b[^>]*>/.exec(workbookBefore)![0];
    expect(calcPr).not.toContain('fullCalcOnLoad');
    expect(workbookAfter).toBe(workbookBefore.replace(calcPr, `${calcPr.slice(0, -2)} fullCalcOnLoad="1"/>`));

    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(output);
    const ws = book.getWorksheet('Relaties')!;
    expect(ws.getCell('B2').value).toBe('=IMPORTXML("x")'); // text, not a formula
    expect(ws.getCell('B2').font?.bold).toBe(true); // the cell's own style is kept
    expect(ws.getCell('C2').value).toEqual({ formula: 'LEN(A2)', result: 2 });
    expect(ws.getCell('A3').value).toEqual(utc(2026, 11, 24));
    expect(ws.getCell('A3').numFmt).toBe('dd-mm-yyyy');
    expect(ws.getCell('B3').value).toBe('nieuw');
    expect(ws.getCell('D1').value).toBe('samengevoegd');
    expect(ws.getCell('E1').isMerged).toBe(true);
    expect(book.getWorksheet('Anders')!.getRow(1).values).toEqual([undefined, 'blijft', 'zoals het was']);
  });

  it('adds a new tab that spreadsheet programs can open, with rows appended after the last used row', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xlsx-file-'));
    const input = join(dir, 'in.xlsx');
    await build(input, (book) => book.addWorksheet('Relaties').addRow(['ID']));
    const file = await XlsxFile.open(input);
    const log = file.addSheet('Log & meer');
    log.write(1, 1, [['Tijdstip', 'Melding']]);
    log.styleHeader(2, []);
    log.append([[utc(2026, 11, 24, 7, 5), 'eerste'], [utc(2026, 11, 24, 7, 6), 'tweede']]);
    log.append([[utc(2026, 11, 24, 7, 7), 'derde']]);
    expect(log.readAll()).toEqual([
      ['Tijdstip', 'Melding'],
      [utc(2026, 11, 24, 7, 5), 'eerste'],
      [utc(2026, 11, 24, 7, 6), 'tweede'],
      [utc(2026, 11, 24, 7, 7), 'derde'],
    ]);
    await file.save(join(dir, 'out.xlsx'));
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(dir, 'out.xlsx'));
    expect(book.worksheets.map((w) => w.name)).toEqual(['Relaties', 'Log & meer']);
    const ws = book.getWorksheet('Log & meer')!;
    expect(ws.getCell('A4').value).toEqual(utc(2026, 11, 24, 7, 7));
    expect(ws.getCell('A4').numFmt).toBe('dd-mm-yyyy hh:mm');
    expect(ws.getCell('B4').value).toBe('derde');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  it('refuses setup work on an existing file, saying why', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'xlsx-file-')), 'in.xlsx');
    await build(path, (book) => book.addWorksheet('Relaties').addRow(['ID']));
    const sheet = (await XlsxFile.open(path)).sheet('Relaties');
    expect(() => sheet.setListValidation(1, 2, ['A'])).toThrow(
      "Adding drop-down lists is not available when updating an existing .xlsx; it keeps the team's formatting as it is",
    );
  });
});

describe('XlsxFile.replaceAll: a generated tab rebuilt in place', () => {
  it('drops every old row, writes the block from A1, and leaves the other tabs byte for byte', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xlsx-file-replace-'));
    const path = join(dir, 'in.xlsx');
    await build(path, (book) => {
      book.addWorksheet('Relaties').addRow(['ID', 'Naam']);
      const kpi = book.addWorksheet('KPI');
      for (let i = 1; i <= 30; i++) kpi.addRow([`oud ${i}`, i, i * 2]);
    });
    const file = await XlsxFile.open(path);
    file.sheet('KPI').replaceAll([['nieuw', 1], ['=HYPERLINK("x")', 2]]);
    expect(file.sheet('KPI').readAll()).toEqual([['nieuw', 1], ['=HYPERLINK("x")', 2]]);
    const out = join(dir, 'out.xlsx');
    await file.save(out);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    const kpi = book.getWorksheet('KPI')!;
    expect(kpi.actualRowCount).toBe(2);
    expect(kpi.getCell('A2').value).toBe('=HYPERLINK("x")'); // text, not a formula
    expect((await XlsxFile.open(out)).sheet('KPI').readAll()).toEqual([['nieuw', 1], ['=HYPERLINK("x")', 2]]);
    const [before, after] = [await parts(path), await parts(out)];
    expect(after.get('xl/worksheets/sheet1.xml')!.equals(before.get('xl/worksheets/sheet1.xml')!)).toBe(true);
  });
});
