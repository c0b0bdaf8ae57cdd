#!/usr/bin/env node
// Makes test/corpus/libreoffice-template.xlsx, checked in: the `cadans init` template with a team's
// own content (a column of their own with text and a formula, a tab of their own counting Cadans's
// Status column, a bold header cell), saved by LibreOffice Calc so that every part is written the
// way LibreOffice writes it. Run once by hand (needs `npm run build` and soffice):
//   node test/corpus/make-libreoffice-template.mjs
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';

const here = dirname(fileURLToPath(import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'cadans-lo-'));
const template = join(work, 'template.xlsx');
execFileSync(process.execPath, [join(here, '../../bin/cadans.mjs'), 'init', template]);
const book = new ExcelJS.Workbook();
await book.xlsx.readFile(template);
const rel = book.getWorksheet('Relaties');
const own = rel.columnCount + 1;
rel.getRow(1).getCell(own).value = 'Onze notitie';
rel.getRow(1).getCell(own + 1).value = 'Naamlengte';
for (let r = 2; r <= rel.rowCount; r++) {
  rel.getRow(r).getCell(own).value = `eigen tekst ${r} & <meer>`;
  rel.getRow(r).getCell(own + 1).value = { formula: `LEN(B${r})` };
}
rel.getRow(1).getCell(own).font = { bold: true, color: { argb: 'FFC00000' } };
const mine = book.addWorksheet('Eigen overzicht');
mine.addRow(['Te laat volgens Cadans', { formula: 'COUNTIF(Relaties!Y:Y,"te laat")' }]);
mine.addRow(['Nooit gesproken', { formula: 'COUNTIF(Relaties!Y:Y,"nooit")' }]);
const edited = join(work, 'edited.xlsx');
await book.xlsx.writeFile(edited);
// LibreOffice opens it, calculates it and saves it in its own form.
execFileSync('soffice', [`-env:UserInstallation=file://${join(work, 'profile')}`, '--headless', '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', join(work, 'lo'), edited], { stdio: 'ignore' });
copyFileSync(join(work, 'lo', 'edited.xlsx'), join(here, 'libreoffice-template.xlsx'));
console.log(`Written: ${join(here, 'libreoffice-template.xlsx')}`);
