// report.html, looked at as a person would: the sample run's KPI and Risico tabs with their two
// charts as inline SVG, rendered by a real headless Chromium. The page loads nothing from anywhere
// and runs no script; user text shows as text. The screenshot is saved for the README as
// docs/screenshot-report.png.

import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/local/cli';
import { launchChromium } from '../mail/chromium';

const ROOT = join(__dirname, '../..');
const RESULTS = join(ROOT, 'test-results', 'report');

function save(path: string, content: Buffer, onlyIfChanged = false): void {
  if (onlyIfChanged && existsSync(path) && readFileSync(path).equals(content)) return;
  const temporary = `${path}.tmp-${process.pid}`;
  writeFileSync(temporary, content);
  renameSync(temporary, path);
}

/** The little of the DOM these checks use (the project compiles without the DOM library). */
interface Node_ {
  textContent: string | null;
  firstElementChild: Node_ | null;
  getAttribute(name: string): string | null;
}
interface Dom {
  document: { title: string; documentElement: { scrollWidth: number }; querySelectorAll(selector: string): ArrayLike<Node_> & Iterable<Node_> };
}

let browser: Browser;
let sampleHtml: string;

beforeAll(async () => {
  mkdirSync(RESULTS, { recursive: true });
  const dir = mkdtempSync(join(tmpdir(), 'cadans-report-'));
  const lines: string[] = [];
  expect(await run(['run', '--today', '2026-11-24', '--out', dir], (l) => lines.push(l))).toBe(0);
  expect(lines).toContain(`Geschreven: ${join(dir, 'report.html')}`);
  sampleHtml = readFileSync(join(dir, 'report.html'), 'utf8');
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
});

describe('report.html of the sample run', () => {
  it('holds both tabs and their charts, loads nothing and runs nothing', async () => {
    expect(sampleHtml).not.toMatch(/<script|<link|<img|src=|href=|url\(/i);
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.setContent(sampleHtml, { waitUntil: 'load' });
    const seen = await page.evaluate(() => {
      const { document } = globalThis as unknown as Dom;
      return {
      headings: [...document.querySelectorAll('h1')].map((h) => h.textContent),
      charts: [...document.querySelectorAll('svg')].map((s) => s.getAttribute('aria-label')),
      bars: document.querySelectorAll('svg rect title').length,
      slices: document.querySelectorAll('svg path title, svg circle title').length,
      hhi: [...document.querySelectorAll('tr')].find((tr) => tr.firstElementChild?.textContent === 'HHI')?.textContent,
      share: [...document.querySelectorAll('tr')].find((tr) => tr.firstElementChild?.textContent === 'Aandeel grootste klant')?.textContent,
      why: [...document.querySelectorAll('p.why')].map((p) => p.textContent).find((t) => t?.startsWith('HHI')),
      scrollWidth: document.documentElement.scrollWidth,
      };
    });
    expect(requests).toEqual([]);
    expect(seen.headings).toEqual(['Cadans-rapport: cadans-voorbeeld.xlsx', 'Vandaag', 'KPI', 'Risico']);
    expect(seen.charts).toEqual(['Contactritme per maand: op tijd (%)', 'Benut deel van de capaciteit per eigenaar (%)', 'Trechter: deel van de prospects dat elke fase bereikte (%)', 'Omzetaandeel per klantorganisatie (%)']);
    expect(seen.bars).toBe(12 + 3 + 5); // one per month, one per owner of the sample team, one per stage of the pipeline funnel
    expect(seen.slices).toBe(7); // the sample's seven clients with revenue
    // As the tab's number formats show them: thousands, a share as a percentage, with the line in plain words.
    expect(seen.hhi).toBe('HHI2.358');
    expect(seen.share).toBe('Aandeel grootste klant34,1%');
    expect(seen.why).toBe('HHI 2.358: hoge concentratie — minder dan 5 klanten dragen de omzet (HHI loopt van bijna 0, omzet over veel klanten verspreid, tot 10.000, alles bij één klant; vanaf 1.000 matig, boven 1.800 hoog)');
    expect(seen.scrollWidth).toBeLessThanOrEqual(1200);
    const png = await page.screenshot({ fullPage: false });
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    save(join(RESULTS, 'report-sample-1200.png'), png);
    save(join(ROOT, 'docs', 'screenshot-report.png'), png, true);
    await page.close();
  });

  it('shows user text as text', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cadans-report-hostile-'));
    const book = new ExcelJS.Workbook();
    const rel = book.addWorksheet('Relaties');
    rel.addRow(['ID', 'Naam', 'Type', 'Tier', 'Laatste contact', 'Jaaromzet', 'Rode vlaggen']);
    rel.addRow(['R1', '<img src=x onerror="document.title=1">', 'Klant', 'A', '2026-11-01', 6000, 'tariefdruk']);
    rel.addRow(['R2', '=HYPERLINK("x")', 'Klant', 'A', '2026-11-01', 4000, '']);
    await book.xlsx.writeFile(join(dir, 'in.xlsx'));
    await run(['run', '--workbook', join(dir, 'in.xlsx'), '--today', '2026-11-24', '--out', join(dir, 'out')], () => {});
    const html = readFileSync(join(dir, 'out', 'report.html'), 'utf8');
    expect(html).not.toContain('<img');
    const page = await (await browser.newContext({ viewport: { width: 1000, height: 700 } })).newPage();
    await page.setContent(html, { waitUntil: 'load' });
    const cells = await page.evaluate(() => {
      const { document } = globalThis as unknown as Dom;
      return { title: document.title, texts: [...document.querySelectorAll('td')].map((td) => td.textContent) };
    });
    expect(cells.title).toBe('Cadans-rapport: in.xlsx');
    expect(cells.texts).toContain('<img src=x onerror="document.title=1">');
    expect(cells.texts).toContain('=HYPERLINK("x")');
    await page.close();
  });
});
