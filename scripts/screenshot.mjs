// The pictures of the README and the user guides in docs/, made from the real output of `cadans run` on the sample workbook (today =
// 24-11-2026); nothing is mocked up. One command: `npm run screenshots` (it builds first).
//
// - docs/screenshot-relaties.png: the Relaties tab, its identity, cadence and computed columns;
// - docs/tabs/NN-<tab>.png: every tab of the output workbook as LibreOffice prints it, each on one
//   page of its own size (LibreOffice 7.4 draws no grid lines or headings on such a page);
// - docs/screenshot-report-1280.png and docs/screenshot-report-390.png: report.html in headless
//   Chromium on a wide screen and on a phone (the top of the page: the Vandaag section).
//
// Needs LibreOffice and poppler-utils (apt-get install libreoffice-calc-nogui poppler-utils) and the
// Chromium that the tests use (@sparticuz/chromium, a dev dependency).
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import ExcelJS from 'exceljs';

const root = new URL('..', import.meta.url).pathname;
const docs = join(root, 'docs');
const dir = mkdtempSync(join(tmpdir(), 'cadans-shot-'));
// A LibreOffice profile of its own, so that a LibreOffice already running (or a test's) is not disturbed.
const profile = `-env:UserInstallation=file://${join(dir, 'lo-profile')}`;
const written = [];

execFileSync('node', [join(root, 'bin/cadans.mjs'), 'run', '--today', '2026-11-24', '--out', dir], { stdio: 'inherit' });
const output = join(dir, 'cadans-voorbeeld.xlsx');

// 1. The Relaties tab, for the top of the README: only what fits a picture.
{
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(output);
  for (const ws of [...book.worksheets]) if (ws.name !== 'Relaties') book.removeWorksheet(ws.id);
  const ws = book.getWorksheet('Relaties');
  const SHOWN = new Set(['ID', 'Naam', 'Type', 'Organisatie', 'Tier', 'Laatste contact', 'Jaaromzet', 'Actief', 'Volgend contact', 'Status', 'Dagen te laat', 'Tier-advies', 'Gezondheid', 'Laatste contact (berekend)']);
  ws.getRow(1).eachCell((cell, column) => {
    if (!SHOWN.has(String(cell.value))) ws.getColumn(column).hidden = true;
  });
  ws.pageSetup = { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, showGridLines: true, horizontalCentered: false };
  await book.xlsx.writeFile(join(dir, 'relaties.xlsx'));
  execFileSync('soffice', [profile, '--headless', '--convert-to', 'pdf', '--outdir', dir, join(dir, 'relaties.xlsx')], { stdio: 'ignore' });
  // At 160 dpi the A4 landscape page is 1871 px wide; the table sits in its top-left part.
  execFileSync('pdftoppm', ['-r', '160', '-png', '-singlefile', '-f', '1', '-x', '110', '-y', '150', '-W', '1520', '-H', '285', join(dir, 'relaties.pdf'), join(dir, 'shot')]);
  copyFileSync(join(dir, 'shot.png'), join(docs, 'screenshot-relaties.png'));
  written.push('docs/screenshot-relaties.png');
}

// 2. Every tab as LibreOffice shows it, from the output file itself (no library rewrites it first,
// which could drop what it does not know, such as charts).
{
  // Each tab on one page of its own size (LibreOffice's SinglePageSheets), in the workbook's order.
  const filter = 'pdf:calc_pdf_Export:{"SinglePageSheets":{"type":"boolean","value":"true"}}';
  mkdirSync(join(dir, 'tabs'));
  execFileSync('soffice', [profile, '--headless', '--convert-to', filter, '--outdir', join(dir, 'tabs'), output], { stdio: 'ignore' });
  const pdf = join(dir, 'tabs', 'cadans-voorbeeld.pdf');
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(output);
  const tabs = book.worksheets.filter((ws) => ws.state === 'visible').map((ws) => ws.name);
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))[1]);
  if (pages !== tabs.length) throw new Error(`LibreOffice printed ${pages} pages for ${tabs.length} tabs`);
  const folder = join(docs, 'tabs');
  mkdirSync(folder, { recursive: true });
  for (const old of readdirSync(folder)) if (old.endsWith('.png')) rmSync(join(folder, old));
  tabs.forEach((tab, i) => {
    const page = String(i + 1);
    // 96 dpi, a screen at 100%, however wide the tab: a scaled-down Relaties could not be read.
    const size = ['-r', '96'];
    const file = `${String(i + 1).padStart(2, '0')}-${tab.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
    execFileSync('pdftoppm', [...size, '-png', '-singlefile', '-f', page, '-l', page, pdf, join(folder, file)]);
    written.push(`docs/tabs/${file}.png`);
  });
}

// 3. report.html in the Chromium the tests use (test/mail/chromium.ts, bundled for Node here).
{
  const cache = join(root, 'node_modules', '.cache', 'cadans');
  mkdirSync(cache, { recursive: true });
  const launcher = join(cache, 'chromium.mjs');
  await build({ entryPoints: [join(root, 'test/mail/chromium.ts')], bundle: true, platform: 'node', format: 'esm', packages: 'external', outfile: launcher, logLevel: 'error' });
  const { launchChromium } = await import(launcher);
  const browser = await launchChromium();
  try {
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    for (const [width, height] of [[1280, 1000], [390, 1500]]) {
      const page = await (await browser.newContext({ viewport: { width, height } })).newPage();
      await page.setContent(html, { waitUntil: 'load' });
      writeFileSync(join(docs, `screenshot-report-${width}.png`), await page.screenshot({ fullPage: false }));
      written.push(`docs/screenshot-report-${width}.png`);
      await page.close();
    }
  } finally {
    await browser.close();
  }
}

rmSync(dir, { recursive: true, force: true });
for (const file of written) console.log(`Written: ${file}`);
