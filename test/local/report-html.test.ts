// report.html, looked at as a person would, in a real headless Chromium: the sample run's Vandaag,
// KPI and Risico tabs with their charts as inline SVG, on a desktop (1280 px) and a phone (390 px).
// The page loads nothing from anywhere and runs no script; user text shows as text; no table cell
// is squeezed below its longest word and nothing but a table's own scroll box is wider than the
// screen; months without data and a workbook without relationships say so in words.
// Screenshots go to test-results/report/ (the README's come from scripts/screenshot.mjs).

import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/local/cli';
import { dayFromYmd } from '../../src/core/dates';
import type { ReportTab, ReportTabs } from '../../src/engine/report-tabs';
import { reportHtml, splitTitle } from '../../src/local/report-html';
import { launchChromium } from '../mail/chromium';

const ROOT = join(__dirname, '../..');
const RESULTS = join(ROOT, 'test-results', 'report');

let browser: Browser;
let sampleHtml: string;

async function runOn(book: ExcelJS.Workbook | null, prefix: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const args = ['run', '--today', '2026-11-24', '--out', join(dir, 'out')];
  if (book) {
    await book.xlsx.writeFile(join(dir, 'in.xlsx'));
    args.push('--workbook', join(dir, 'in.xlsx'));
  }
  const lines: string[] = [];
  expect(await run(args, (l) => lines.push(l))).toBe(0);
  expect(lines.filter((l) => l.endsWith(` ${join(dir, 'out', 'report.html')}`))).toHaveLength(1); // "Geschreven: ..." or "Written: ..."
  return readFileSync(join(dir, 'out', 'report.html'), 'utf8');
}

async function open(html: string, width: number): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width, height: 900 } })).newPage();
  await page.setContent(html, { waitUntil: 'load' });
  return page;
}

beforeAll(async () => {
  mkdirSync(RESULTS, { recursive: true });
  sampleHtml = await runOn(null, 'cadans-report-');
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
});

/**
 * What the page shows, measured in the browser (a script string: the project compiles without the
 * DOM library). Words are the cell text split at spaces; a word "fits" when it is drawn on one
 * line and inside its cell.
 */
const MEASURE = `(() => {
  const width = document.documentElement.clientWidth;
  const squeezed = [];
  for (const cell of document.querySelectorAll('td, th')) {
    const box = cell.getBoundingClientRect();
    if (box.width === 0) continue; // folded away on a phone
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const match of node.data.matchAll(/\\S+/g)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const rects = [...range.getClientRects()].filter((r) => r.width > 0);
        const lines = new Set(rects.map((r) => Math.round(r.top))).size;
        const right = Math.max(...rects.map((r) => r.right));
        if (lines > 1 || right > box.right + 0.5) squeezed.push(match[0] + ' in ' + cell.textContent);
      }
    }
  }
  // Everything outside a table's scroll box stays within the screen.
  const outside = [];
  for (const el of document.body.querySelectorAll('*')) {
    if (el.closest('.scroll') && !el.classList.contains('scroll')) continue;
    const r = el.getBoundingClientRect();
    if (r.width > 0 && r.right > width + 0.5) outside.push(el.tagName + (el.id ? '#' + el.id : '') + ' ' + Math.round(r.right));
  }
  // And no text runs out of its box past the screen's edge (a long word in a heading).
  const texts = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = texts.nextNode(); node; node = texts.nextNode()) {
    if (node.parentElement.closest('.scroll, svg, style')) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const right = Math.max(0, ...[...range.getClientRects()].map((r) => r.right));
    if (right > width + 0.5) outside.push('text ' + node.data.slice(0, 40) + ' ' + Math.round(right));
  }
  // Chart text as drawn: its size in SVG units times the chart's scale.
  const chartText = [];
  for (const svg of document.querySelectorAll('svg')) {
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    for (const t of svg.querySelectorAll('text')) chartText.push(parseFloat(getComputedStyle(t).fontSize) * scale);
  }
  // A folded section's content is laid out but not drawn (content-visibility: hidden).
  const visible = (el) => el.checkVisibility();
  return {
    width,
    scrollWidth: document.documentElement.scrollWidth,
    height: document.documentElement.scrollHeight,
    squeezed,
    outside,
    smallestChartText: Math.min(...chartText),
    largestChartText: Math.max(...chartText),
    nav: [...document.querySelectorAll('nav.tabs a')].map((a) => [a.textContent, a.getAttribute('href'), !!document.querySelector(a.getAttribute('href'))]),
    navTop: document.querySelector('nav.tabs').getBoundingClientRect().top,
    todayRows: [...new Set([...document.querySelectorAll('#vandaag table.cards tr:not(.head)')].map((tr) => getComputedStyle(tr).display))],
    kpiTables: [...new Set([...document.querySelectorAll('#kpi details table')].map(visible))],
    sectionTitles: [...document.querySelectorAll('#kpi details summary')].length,
  };
})()`;

interface Measured {
  width: number;
  scrollWidth: number;
  height: number;
  squeezed: string[];
  outside: string[];
  smallestChartText: number;
  largestChartText: number;
  nav: Array<[string, string, boolean]>;
  navTop: number;
  todayRows: string[];
  kpiTables: boolean[];
  sectionTitles: number;
}

describe('report.html of the sample run', () => {
  it('holds the three tabs and their charts, loads nothing and runs nothing', async () => {
    expect(sampleHtml).not.toMatch(/<script|<link|<img|<iframe|src=|url\(|@import/i);
    // The only links are to the page's own sections.
    expect([...sampleHtml.matchAll(/href="([^"]*)"/g)].map((m) => m[1]).filter((h) => !h.startsWith('#'))).toEqual([]);
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.setContent(sampleHtml, { waitUntil: 'load' });
    const seen = (await page.evaluate(`(() => ({
      headings: [...document.querySelectorAll('h1')].map((h) => h.textContent),
      charts: [...document.querySelectorAll('svg')].map((s) => s.getAttribute('aria-label')),
      bars: document.querySelectorAll('svg rect title').length,
      slices: document.querySelectorAll('svg path title, svg circle title').length,
      hhi: [...document.querySelectorAll('tr')].find((tr) => tr.firstElementChild?.textContent === 'HHI')?.textContent,
      revenue: [...document.querySelectorAll('#risico tr')].find((tr) => tr.firstElementChild?.textContent === '1')?.children[3].textContent,
      share: [...document.querySelectorAll('tr')].find((tr) => tr.firstElementChild?.textContent === 'Aandeel grootste klant')?.textContent,
      why: [...document.querySelectorAll('#risico p')].map((p) => p.textContent).find((t) => t?.startsWith('HHI ')),
      noData: document.querySelectorAll('svg .no-data').length,
      notice: document.querySelectorAll('.notice').length,
    }))()`)) as Record<string, unknown>;
    expect(requests).toEqual([]);
    expect(seen.headings).toEqual(['Cadans-rapport: cadans-voorbeeld.xlsx', 'Vandaag', 'KPI', 'Risico']);
    expect(seen.charts).toEqual(['Contactritme per maand: op tijd (%)', 'Benut deel van de capaciteit per eigenaar (%)', 'Trechter: deel van de prospects dat elke fase bereikte (%)', 'Omzetaandeel per klantorganisatie (%)']);
    expect(seen.bars).toBe(12 + 3 + 5); // one per month, one per owner of the sample team, one per stage of the pipeline funnel
    expect(seen.slices).toBe(7); // the sample's seven clients with revenue
    // As the tab's number formats show them (issue 14): the HHI whole with thousands, a share as a
    // percentage, the revenue in euros, and the concentration in plain words under its title.
    expect(seen.hhi).toBe('HHI2.358');
    expect(seen.share).toBe('Aandeel grootste klant34,1%');
    expect(seen.revenue).toBe('€ 186.000');
    expect(seen.why).toBe('HHI 2.358: hoge concentratie — minder dan 5 klanten dragen de omzet (HHI loopt van bijna 0, omzet over veel klanten verspreid, tot 10.000, alles bij één klant; vanaf 1.000 matig, boven 1.800 hoog)');
    expect(seen.noData).toBe(0); // every month of the sample had touchpoints due
    expect(seen.notice).toBe(0);
    await page.close();
  });

  describe.each([1280, 390])('at %i px', (width) => {
    it('squeezes no table cell below its longest word, overflows nothing, and keeps chart text readable', async () => {
      const page = await open(sampleHtml, width);
      const m = (await page.evaluate(MEASURE)) as Measured;
      writeFileSync(join(RESULTS, `report-sample-${width}.png`), await page.screenshot({ fullPage: true }));
      expect(m.squeezed).toEqual([]);
      expect(m.outside).toEqual([]);
      expect(m.scrollWidth).toBeLessThanOrEqual(width);
      // Drawn at 12 SVG units in 400: about 11 px on a phone, 14 px on a wide screen (at most 480 px wide).
      expect(m.smallestChartText).toBeGreaterThanOrEqual(10.5);
      expect(m.largestChartText).toBeLessThanOrEqual(16);
      // Links to the three tabs at the top, each to a part that exists.
      expect(m.nav).toEqual([['Vandaag', '#vandaag', true], ['KPI', '#kpi', true], ['Risico', '#risico', true]]);
      expect(m.navTop).toBeLessThan(120);
      // 22 since issue 12's referrals per tier and per owner on the KPI tab.
      expect(m.sectionTitles).toBe(22);
      if (width === 390) {
        // A phone: Vandaag's rows as cards, the KPI sections folded behind their titles, and a page far
        // shorter than the 5,700 px of the table-per-tab page it replaces (the marks' legend on KPI and
        // Risico and Vandaag's explanations, issue 14, take about 100 px of it).
        expect(m.todayRows).toEqual(['flex']);
        expect(m.kpiTables).toEqual([false]);
        expect(m.height).toBeLessThan(4200);
      } else {
        expect(m.todayRows).toEqual(['table-row']);
        expect(m.kpiTables).toEqual([true]);
      }
      await page.close();
    });
  });

  it('opens a folded section on a phone when its title is tapped, and every section reads when open', async () => {
    const page = await open(sampleHtml, 390);
    const shown = async () => (await page.evaluate(`[...document.querySelectorAll('#kpi-1 table, #kpi-2 table')].map((t) => t.checkVisibility())`)) as boolean[];
    expect(await shown()).toEqual([false, false]);
    await page.click('#kpi-1 summary');
    expect(await shown()).toEqual([true, false]);
    const height = (await page.evaluate(`document.querySelector('#kpi-1 table').getBoundingClientRect().height`)) as number;
    expect(height).toBeGreaterThan(14 * 18); // the header, twelve months and the total
    // Every section open: still no squeezed word and nothing past the screen's edge.
    await page.evaluate(`document.querySelectorAll('details.fold').forEach((d) => { d.open = true; })`);
    expect(await page.evaluate(`[...document.querySelectorAll('details.fold table')].every((t) => t.checkVisibility())`)).toBe(true);
    const m = (await page.evaluate(MEASURE)) as Measured;
    expect(m.squeezed).toEqual([]);
    expect(m.outside).toEqual([]);
    expect(m.scrollWidth).toBeLessThanOrEqual(390);
    await page.close();
  });

  it('shows user text as text', async () => {
    const book = new ExcelJS.Workbook();
    const rel = book.addWorksheet('Relaties');
    rel.addRow(['ID', 'Naam', 'Type', 'Tier', 'Laatste contact', 'Jaaromzet', 'Rode vlaggen', 'Eigenaar', 'Organisatie']);
    rel.addRow(['R1', '<img src=x onerror="document.title=1">', 'Klant', 'A', '2026-11-01', 6000, 'tariefdruk']);
    rel.addRow(['R2', '=HYPERLINK("x")', 'Klant', 'A', '2026-11-01', 4000, '']);
    // An address and a name longer than a phone is wide, with no space or hyphen to wrap at.
    rel.addRow(['R3', 'Christina', 'Klant', 'A', '2026-09-01', 5000, '', 'christina.vandenberghe.oosterhout@uitzendbureaulindeboomutrecht.nl', 'GemeenschappelijkeRegelingVeiligheidsregioUtrechtZuidoost']);
    const html = await runOn(book, 'cadans-report-hostile-');
    expect(html).not.toContain('<img');
    const page = await open(html, 1000);
    const cells = (await page.evaluate(`(() => ({ title: document.title, texts: [...document.querySelectorAll('td')].map((td) => td.textContent) }))()`)) as { title: string; texts: string[] };
    expect(cells.title).toBe('Cadans-rapport: in.xlsx');
    expect(cells.texts).toContain('<img src=x onerror="document.title=1">');
    expect(cells.texts).toContain('=HYPERLINK("x")');
    await page.close();
    // On a phone the long words stay whole, and only a table's own box scrolls.
    const phone = await open(html, 390);
    const m = (await phone.evaluate(MEASURE)) as Measured;
    expect(m.squeezed).toEqual([]);
    expect(m.outside).toEqual([]);
    expect(m.scrollWidth).toBeLessThanOrEqual(390);
    writeFileSync(join(RESULTS, 'report-long-words-390.png'), await phone.screenshot({ fullPage: true }));
    await phone.close();
  });
});

describe('report.html says in words where there is nothing to show', () => {
  it('a month with no touchpoint due gets no bar but "geen gegevens", and a line under the chart names the months', async () => {
    // One A client last seen on 15 September: due in October, and still due in November.
    const book = new ExcelJS.Workbook();
    const rel = book.addWorksheet('Relaties');
    rel.addRow(['ID', 'Naam', 'Type', 'Eigenaar', 'Tier', 'Laatste contact']);
    rel.addRow(['R1', 'Anna', 'Klant', 'sanne@bureau.nl', 'A', '2026-09-15']);
    const html = await runOn(book, 'cadans-report-months-');
    for (const width of [1280, 390]) {
      const page = await open(html, width);
      const chart = (await page.evaluate(`(() => {
        const svg = document.querySelector('#kpi svg'); // the KPI tab's first chart: compliance per month
        return {
          bars: [...svg.querySelectorAll('rect title')].map((t) => t.textContent),
          noData: [...svg.querySelectorAll('.no-data')].map((t) => t.textContent),
          caption: svg.closest('figure').querySelector('figcaption')?.textContent,
        };
      })()`)) as { bars: string[]; noData: string[]; caption: string };
      // A month with a touchpoint due and none done is a real 0%; a month with none due has no bar.
      expect(chart.bars).toEqual(['okt 2026: 0%', 'nov 2026: 0%']);
      expect(chart.noData).toEqual(Array(10).fill('geen gegevens'));
      expect(chart.caption).toBe('Geen gegevens voor dec 2025, jan 2026, feb 2026, mrt 2026, apr 2026, mei 2026, jun 2026, jul 2026, aug 2026, sep 2026, dus daar geen staaf.');
      const m = (await page.evaluate(MEASURE)) as Measured;
      expect(m.outside).toEqual([]);
      expect(m.smallestChartText).toBeGreaterThanOrEqual(10.5);
      writeFileSync(join(RESULTS, `report-months-${width}.png`), await page.screenshot({ fullPage: false }));
      await page.close();
    }
  });

  it('a workbook without relationships says so at the top, and its charts say they have no data yet', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cadans-report-empty-'));
    expect(await run(['init', join(dir, 'leeg.xlsx'), '--empty'], () => undefined)).toBe(0);
    expect(await run(['run', '--workbook', join(dir, 'leeg.xlsx'), '--today', '2026-11-24', '--out', join(dir, 'out')], () => undefined)).toBe(0);
    const html = readFileSync(join(dir, 'out', 'report.html'), 'utf8');
    const page = await open(html, 390);
    const seen = (await page.evaluate(`(() => ({
      notice: document.querySelector('.notice')?.textContent,
      noticeBelowNav: document.querySelector('.notice').getBoundingClientRect().top > document.querySelector('nav.tabs').getBoundingClientRect().top,
      bars: document.querySelectorAll('svg rect').length,
      captions: [...document.querySelectorAll('figcaption')].map((c) => c.textContent),
      today: [...document.querySelectorAll('#vandaag p')].map((p) => p.textContent),
    }))()`)) as { notice: string; noticeBelowNav: boolean; bars: number; captions: string[]; today: string[] };
    expect(seen.notice).toBe('Dit werkboek heeft nog geen relaties, dus hieronder staat nog niets om te lezen. Vul het tabblad Relaties (ID, Naam, Eigenaar, Tier, Laatste contact) en draai Cadans opnieuw.');
    expect(seen.noticeBelowNav).toBe(true);
    expect(seen.bars).toBe(0);
    expect(seen.captions).toEqual(['Nog geen gegevens voor deze grafiek.']); // compliance; the capacity chart needs a team
    expect(seen.today).toContain('Niemand hoeft vandaag iemand te spreken.');
    const m = (await page.evaluate(MEASURE)) as Measured;
    expect(m.squeezed).toEqual([]);
    expect(m.outside).toEqual([]);
    writeFileSync(join(RESULTS, 'report-empty-390.png'), await page.screenshot({ fullPage: true }));
    await page.close();
  });
});

describe('report.html in English', () => {
  it('names its parts and says what is missing in the workbook’s language', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Relaties').addRow(['ID', 'Naam', 'Type', 'Eigenaar', 'Tier', 'Laatste contact']);
    const settings = book.addWorksheet('Instellingen');
    settings.addRow(['Instelling', 'Waarde']);
    settings.addRow(['Taal', 'en']);
    const html = await runOn(book, 'cadans-report-en-');
    const page = await open(html, 390);
    const seen = (await page.evaluate(`(() => ({
      lang: document.documentElement.lang,
      title: document.querySelector('h1').textContent,
      nav: [...document.querySelectorAll('nav.tabs a')].map((a) => a.textContent),
      navLabel: document.querySelector('nav.tabs').getAttribute('aria-label'),
      notice: document.querySelector('.notice').textContent,
      captions: [...document.querySelectorAll('figcaption')].map((c) => c.textContent),
    }))()`)) as Record<string, unknown>;
    expect(seen).toEqual({
      lang: 'en',
      title: 'Cadans report: in.xlsx',
      nav: ['Today', 'KPI', 'Risk'],
      navLabel: 'Parts of the report',
      // The tab as this workbook names it.
      notice: 'This workbook has no relationships yet, so there is nothing to read below. Fill in the Relaties tab (ID, Name, Owner, Tier, Last contact) and run Cadans again.',
      captions: ['No data for this chart yet.'],
    });
    await page.close();
  });
});

describe('report.html shows a cell as the tab’s presentation says, where the tab has one', () => {
  it('reads number kinds (a share as 0-1, euros, a date), explanation rows in italics and colour rules', async () => {
    // A tab as the engine builds it with its presentation beside the values (issue 14's TabFormat).
    const kpi = {
      values: [
        ['KPI: gegenereerd door Cadans op 24-11-2026.', '', ''],
        ['', '', ''],
        ['Naleving per maand', '', ''],
        ['Contactritme op tijd: hoeveel van de verwachte contacten op tijd waren.', '', ''],
        ['Maand', 'Verwacht', 'Op tijd'],
        ['okt 2026', 3, 0.3333],
        ['nov 2026', 0, ''],
        ['', '', ''],
        ['Omzet', '', ''],
        ['Klant', 'Omzet', 'Klant sinds'],
        ['Acme', 186000, dayFromYmd(2021, 3, 1)],
      ],
      charts: [{ kind: 'column', title: 'Op tijd per maand (%)', domain: { row: 5, column: 1, numRows: 3 }, series: { row: 5, column: 3, numRows: 3 }, anchor: { row: 1, column: 5 } }],
      titleRows: [3, 9],
      headerRows: [5, 10],
      format: {
        italic: [4],
        numbers: [{ row: 6, column: 3, kind: 'percent' }, { row: 11, column: 2, kind: 'euro' }, { row: 11, column: 3, kind: 'date' }],
        colours: [
          { column: 1, match: 'equals', text: 'okt 2026', background: '#fce8e6', color: '#a50e0e' },
          { column: null, match: 'contains', text: 'Acme', background: '#e6f4ea', color: '#137333' },
        ],
      },
    } as unknown as ReportTab;
    const empty = { values: [['Risico']], charts: [], titleRows: [], headerRows: [] } as unknown as ReportTab;
    const html = reportHtml({ kpi, risk: empty } as unknown as ReportTabs, 'nl', 'x.xlsx', { relations: 1 });
    const page = await open(html, 1280);
    const seen = (await page.evaluate(`(() => ({
      why: [...document.querySelectorAll('#kpi p.why')].map((p) => p.textContent),
      rows: [...document.querySelectorAll('#kpi tr')].map((tr) => [...tr.children].map((c) => c.textContent)),
      bars: [...document.querySelectorAll('#kpi svg rect title')].map((t) => t.textContent),
      noData: document.querySelectorAll('#kpi svg .no-data').length,
      coloured: [...document.querySelectorAll('#kpi td')].filter((td) => td.style.backgroundColor).map((td) => [td.textContent, getComputedStyle(td).backgroundColor, getComputedStyle(td).color]),
    }))()`)) as Record<string, unknown>;
    expect(seen).toEqual({
      why: ['Contactritme op tijd: hoeveel van de verwachte contacten op tijd waren.'],
      rows: [['Maand', 'Verwacht', 'Op tijd'], ['okt 2026', '3', '33,3%'], ['nov 2026', '0', ''], ['Klant', 'Omzet', 'Klant sinds'], ['Acme', '€ 186.000', '01-03-2021']],
      bars: ['okt 2026: 33,3%'],
      noData: 1,
      // The tab's colour rules: one on a column (equal text), one on every column (containing it).
      coloured: [['okt 2026', 'rgb(252, 232, 230)', 'rgb(165, 14, 14)'], ['Acme', 'rgb(230, 244, 234)', 'rgb(19, 115, 51)']],
    });
    await page.close();
  });
});

describe('section titles on a narrow screen', () => {
  it('keep a count in brackets and move an explanation under the heading', () => {
    expect(splitTitle('Problemen in het werkboek (2)')).toEqual({ heading: 'Problemen in het werkboek (2)', detail: '' });
    expect(splitTitle('Naleving per eigenaar (12 maanden)')).toEqual({ heading: 'Naleving per eigenaar', detail: '12 maanden' });
    expect(splitTitle('Cadans-naleving per maand: touchpoints verwacht en op tijd gedaan')).toEqual({ heading: 'Cadans-naleving per maand', detail: 'touchpoints verwacht en op tijd gedaan' });
    expect(splitTitle('Capaciteit per week')).toEqual({ heading: 'Capaciteit per week', detail: '' });
    // A short title keeps its colon.
    expect(splitTitle('Pipeline: aanvragen')).toEqual({ heading: 'Pipeline: aanvragen', detail: '' });
  });
});
