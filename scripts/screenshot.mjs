// Makes docs/screenshot-relaties.png: the sample workbook after `cadans run`, its Relaties tab as a
// spreadsheet program shows it (LibreOffice renders the real .xlsx; nothing is mocked up).
// Needs LibreOffice and poppler-utils (apt-get install libreoffice-calc-nogui poppler-utils).
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';

const root = new URL('..', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'cadans-shot-'));
execFileSync('node', [join(root, 'bin/cadans.mjs'), 'run', '--today', '2026-11-24', '--out', dir], { stdio: 'inherit' });
const book = new ExcelJS.Workbook();
await book.xlsx.readFile(join(dir, 'cadans-voorbeeld.xlsx'));
for (const ws of [...book.worksheets]) if (ws.name !== 'Relaties') book.removeWorksheet(ws.id);
const ws = book.getWorksheet('Relaties');
// Only what fits a picture: the identity, the cadence inputs and Cadans's computed columns.
const SHOWN = new Set(['ID', 'Naam', 'Type', 'Organisatie', 'Tier', 'Laatste contact', 'Jaaromzet', 'Actief', 'Volgend contact', 'Status', 'Dagen te laat', 'Tier-advies', 'Gezondheid']);
ws.getRow(1).eachCell((cell, column) => {
  if (!SHOWN.has(String(cell.value))) ws.getColumn(column).hidden = true;
});
ws.pageSetup = { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, showGridLines: true, horizontalCentered: false };
await book.xlsx.writeFile(join(dir, 'relaties.xlsx'));
execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', dir, join(dir, 'relaties.xlsx')], { stdio: 'ignore' });
// At 160 dpi the A4 landscape page is 1871 px wide; the table sits in its top-left part.
execFileSync('pdftoppm', ['-r', '160', '-png', '-singlefile', '-f', '1', '-x', '110', '-y', '150', '-W', '1520', '-H', '285', join(dir, 'relaties.pdf'), join(dir, 'shot')]);
copyFileSync(join(dir, 'shot.png'), join(root, 'docs/screenshot-relaties.png'));
console.log('Written: docs/screenshot-relaties.png');
