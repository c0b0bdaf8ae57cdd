// report.html's pipeline funnel (issue 13), looked at in a real headless Chromium at desktop and
// phone width: one centred bar per stage, each as wide as its share of the prospects that reached
// koud, the whole chart inside the page. Screenshots go to test-results/report/.

import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/local/cli';
import { launchChromium } from '../mail/chromium';
import { utc } from '../mail/fixture';

const RESULTS = join(__dirname, '../..', 'test-results', 'report');

interface Rect_ {
  width: number;
  x: number;
}
interface Node_ {
  textContent: string | null;
  getAttribute(name: string): string | null;
  getBoundingClientRect(): Rect_;
  querySelectorAll(selector: string): ArrayLike<Node_> & Iterable<Node_>;
}
interface Dom {
  document: { documentElement: { scrollWidth: number }; querySelectorAll(selector: string): ArrayLike<Node_> & Iterable<Node_> };
}

let browser: Browser;
let html: string;

/** The core test's hand-made history on the Pipeline-historie tab, seen on 1 December 2026. */
async function writeWorkbook(path: string): Promise<void> {
  const book = new ExcelJS.Workbook();
  const rel = book.addWorksheet('Relaties');
  rel.addRow(['ID', 'Naam', 'Type', 'Organisatie', 'Eigenaar', 'Tier', 'Laatste contact', 'Jaaromzet']);
  rel.addRow(['R1', 'Anna', 'Klant', 'Acme', 'sanne@bureau.nl', 'A', utc(2026, 11, 20), 10000]);
  const pipe = book.addWorksheet('Pipeline');
  pipe.addRow(['Organisatie', 'Eigenaar', 'Fase', 'Fase sinds', 'Binnengekomen']);
  pipe.addRow(['P1', 'sanne@bureau.nl', 'klant', utc(2026, 3, 16), utc(2026, 1, 5)]);
  pipe.addRow(['P2', 'sanne@bureau.nl', 'afgehaakt', utc(2026, 4, 1), utc(2026, 2, 1)]);
  pipe.addRow(['P3', 'joris@bureau.nl', 'afgewezen', utc(2026, 3, 5), utc(2026, 3, 1)]);
  pipe.addRow(['P4', 'joris@bureau.nl', 'vaste klant', utc(2026, 11, 7), utc(2026, 4, 1)]);
  pipe.addRow(['P5', 'joris@bureau.nl', 'warm', utc(2025, 12, 10), utc(2025, 6, 1)]);
  const history = book.addWorksheet('Pipeline-historie');
  history.addRow(['Datum', 'Organisatie', 'Van', 'Naar', 'Bron']);
  const rows: Array<[Date, string, string, string]> = [
    [utc(2026, 1, 5), 'P1', '', 'koud'], [utc(2026, 1, 15), 'P1', 'koud', 'warm'], [utc(2026, 2, 14), 'P1', 'warm', 'heet'], [utc(2026, 3, 16), 'P1', 'heet', 'klant'],
    [utc(2026, 2, 1), 'P2', '', 'koud'], [utc(2026, 2, 21), 'P2', 'koud', 'warm'], [utc(2026, 4, 1), 'P2', 'warm', 'afgehaakt'],
    [utc(2026, 3, 1), 'P3', '', 'koud'], [utc(2026, 3, 5), 'P3', 'koud', 'afgewezen'],
    [utc(2026, 4, 1), 'P4', '', 'warm'], [utc(2026, 4, 11), 'P4', 'warm', 'heet'], [utc(2026, 5, 11), 'P4', 'heet', 'klant'], [utc(2026, 11, 7), 'P4', 'klant', 'vaste klant'],
    [utc(2025, 6, 1), 'P5', '', 'koud'], [utc(2025, 12, 10), 'P5', 'koud', 'warm'],
  ];
  for (const r of rows.sort((a, b) => a[0].getTime() - b[0].getTime())) history.addRow([...r, 'wijziging in blad']);
  await book.xlsx.writeFile(path);
}

beforeAll(async () => {
  mkdirSync(RESULTS, { recursive: true });
  const dir = mkdtempSync(join(tmpdir(), 'cadans-funnel-'));
  await writeWorkbook(join(dir, 'pipeline.xlsx'));
  expect(await run(['run', '--workbook', join(dir, 'pipeline.xlsx'), '--today', '2026-12-01', '--out', join(dir, 'out')], () => undefined)).toBe(0);
  html = readFileSync(join(dir, 'out', 'report.html'), 'utf8');
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
});

describe.each([1280, 390])('report.html funnel chart at %i px', (width) => {
  it('draws one centred bar per stage, each as wide as its share, inside the page', async () => {
    const page = await (await browser.newContext({ viewport: { width, height: 900 } })).newPage();
    await page.setContent(html, { waitUntil: 'load' });
    const seen = await page.evaluate(() => {
      const { document } = globalThis as unknown as Dom;
      const svg = [...document.querySelectorAll('svg')].find((s) => s.getAttribute('aria-label') === 'Trechter: deel van de prospects dat elke fase bereikte (%)')!;
      const bars = [...svg.querySelectorAll('g.funnel-step rect')].map((r) => r.getBoundingClientRect());
      return {
        labels: [...svg.querySelectorAll('g.funnel-step title')].map((t) => t.textContent),
        widths: bars.map((b) => b.width),
        centres: bars.map((b) => b.x + b.width / 2),
        svgRight: svg.getBoundingClientRect().x + svg.getBoundingClientRect().width,
        scrollWidth: document.documentElement.scrollWidth,
      };
    });
    expect(seen.labels).toEqual(['koud: 100%', 'warm: 80%', 'heet: 40%', 'klant: 40%', 'vaste klant: 20%']);
    // Widths in proportion to the shares (to a pixel), all centred on one line.
    const unit = seen.widths[0] / 100;
    expect(seen.widths.map((w) => Math.round(w / unit))).toEqual([100, 80, 40, 40, 20]);
    for (const c of seen.centres) expect(Math.abs(c - seen.centres[0])).toBeLessThan(0.5);
    expect(seen.svgRight).toBeLessThanOrEqual(width);
    expect(seen.scrollWidth).toBeLessThanOrEqual(width);
    const svg = page.locator('svg[aria-label^="Trechter"]');
    writeFileSync(join(RESULTS, `report-funnel-${width}.png`), await svg.screenshot());
    await page.close();
  });
});
