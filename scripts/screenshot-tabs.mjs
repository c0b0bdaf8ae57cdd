// Makes docs/screenshot-risico.png: the sample workbook's Risico tab after `cadans run`, formatted
// as Cadans writes it (issue 14), rendered from the real .xlsx by LibreOffice (nothing mocked up).
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
for (const ws of [...book.worksheets]) if (ws.name !== 'Risico') book.removeWorksheet(ws.id);
// One page wide, so that the picture holds the whole tab as a spreadsheet shows it.
book.getWorksheet('Risico').pageSetup = { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, showGridLines: true };
await book.xlsx.writeFile(join(dir, 'risico.xlsx'));
execFileSync('soffice', [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, join(dir, 'risico.xlsx')], { stdio: 'ignore' });
execFileSync('pdftoppm', ['-r', '200', '-png', '-singlefile', '-f', '1', '-x', '140', '-y', '182', '-W', '1900', '-H', '610', join(dir, 'risico.pdf'), join(dir, 'shot')]);
copyFileSync(join(dir, 'shot.png'), join(root, 'docs/screenshot-risico.png'));
console.log('Written: docs/screenshot-risico.png');
