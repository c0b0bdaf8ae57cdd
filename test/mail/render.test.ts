// A digest looked at as a person would: its HTML part rendered by a real headless Chromium at phone
// width. Nothing may stick out sideways (no horizontal scrolling), not even a 200-character name
// without a single space; user text shows as text. The previews (HTML and PNG) are saved in
// test-results/mail/, and the sample's digest for Sanne at about 420 px as docs/screenshot-digest.png
// for the README.

import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayFromYmd } from '../../src/core/dates';
import type { Digest, DigestItem } from '../../src/core/digest';
import { composeDigest } from '../../src/mail/compose';
import { run } from '../../src/local/cli';
import { launchChromium } from './chromium';
import { readOutbox } from './fixture';

const ROOT = join(__dirname, '../..');
const RESULTS = join(ROOT, 'test-results', 'mail');
const PHONE = 375;

/** Written next to the target, then renamed: the four time-zone projects run at once. */
function save(path: string, content: string | Buffer, options: { onlyIfChanged?: boolean } = {}): void {
  if (options.onlyIfChanged && existsSync(path) && readFileSync(path).equals(Buffer.from(content))) return;
  const temporary = `${path}.tmp-${process.pid}`;
  writeFileSync(temporary, content);
  renameSync(temporary, path);
}

let browser: Browser;
let sanneHtml: string;

beforeAll(async () => {
  mkdirSync(RESULTS, { recursive: true });
  // The sample workbook's run, exactly as `npx cadans run --today 2026-11-24` writes it.
  const dir = mkdtempSync(join(tmpdir(), 'cadans-render-'));
  expect(await run(['run', '--today', '2026-11-24', '--out', dir], () => {})).toBe(0);
  const sanne = (await readOutbox(join(dir, 'outbox'))).find((m) => m.file.includes('sanne.devries'));
  // Issue 12: the sample's red-flagged relationship without contact since comes first.
  expect(sanne?.parsed.subject).toBe('Cadans: 1 met rode vlag, 1 te laat, 2 nooit gesproken, 1 binnen 7 dagen (di 24 nov)');
  sanneHtml = sanne!.parsed.html as string;
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
});

// With --single-process (one of chromium.args) closing a browser context ends the whole browser,
// so each kind of screen gets one context, kept open; only pages are closed.
const contexts = new Map<string, Promise<BrowserContext>>();

async function open(html: string, width: number, phone = true): Promise<Page> {
  const key = `${width}-${phone}`;
  if (!contexts.has(key)) contexts.set(key, browser.newContext({ viewport: { width, height: 740 }, isMobile: phone, hasTouch: phone, deviceScaleFactor: phone ? 2 : 1 }));
  const page = await (await contexts.get(key)!).newPage();
  await page.setContent(html, { waitUntil: 'load' });
  return page;
}

interface Layout {
  scrollWidth: number;
  clientWidth: number;
  /** The right edge of the widest element. */
  rightmost: number;
}

/** The little of the DOM these checks use (the project compiles without the DOM library). */
interface DomElement {
  textContent: string | null;
  getAttribute(name: string): string | null;
  getBoundingClientRect(): { right: number };
}
interface Dom {
  document: {
    documentElement: { scrollWidth: number; clientWidth: number };
    body: { innerText: string; querySelectorAll(selector: string): Iterable<DomElement> };
    querySelectorAll(selector: string): Iterable<DomElement> & { length: number };
  };
}
function layout(page: Page): Promise<Layout> {
  return page.evaluate(() => {
    const { document } = globalThis as unknown as Dom;
    return {
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
      rightmost: Math.max(...[...document.body.querySelectorAll('*')].map((e) => e.getBoundingClientRect().right)),
    };
  });
}

const UNBROKEN = `Stichting${'Regionale'.repeat(21)}Zorg`.slice(0, 200);

function longDigest(): Digest {
  const base: DigestItem = {
    row: 2,
    id: 'R1',
    name: '<b>Jansen & Zn</b>',
    type: 'client',
    organisation: UNBROKEN,
    tier: 'A',
    owner: 'sanne@bureau.nl',
    status: 'overdue',
    lastContact: dayFromYmd(2026, 10, 13),
    nextContact: dayFromYmd(2026, 11, 13),
    daysOverdue: 11,
    snoozedUntil: null,
  };
  const items: DigestItem[] = [
    base,
    { ...base, row: 3, id: 'R2', name: `Dr.${UNBROKEN}`, organisation: 'Gemeente Heuvelrug', status: 'never', tier: 'B', lastContact: null, nextContact: dayFromYmd(2026, 11, 24), daysOverdue: 0 },
    { ...base, row: 4, id: 'R3', name: 'Fatima El Amrani', type: 'candidate', organisation: `${UNBROKEN} ${UNBROKEN}`, status: 'dueSoon', tier: 'C', daysOverdue: 0, nextContact: dayFromYmd(2026, 11, 28) },
  ];
  return { owner: 'sanne@bureau.nl', day: dayFromYmd(2026, 11, 24), items, counts: { overdue: 1, never: 1, dueSoon: 1 }, actions: [] };
}

const longMail = () =>
  composeDigest(longDigest(), {
    language: 'nl',
    dueSoonDays: 7,
    agenda: (type, tier) => (tier === 'A' ? `Agenda-zonder-spaties:${'x'.repeat(200)}` : `Korte check-in (${type} ${tier})`),
    rowLink: (row) => `https://docs.google.com/spreadsheets/d/${'1a2B3c'.repeat(8)}/edit#gid=0&range=A${row}:Q${row}`,
  });

describe('a digest in a phone-width browser', () => {
  it("shows the sample's digest for Sanne at 375 px without horizontal overflow", async () => {
    const page = await open(sanneHtml, PHONE);
    const box = await layout(page);
    expect(box.clientWidth).toBe(PHONE);
    expect(box.scrollWidth).toBeLessThanOrEqual(PHONE);
    expect(box.rightmost).toBeLessThanOrEqual(PHONE);
    const text = await page.evaluate(() => (globalThis as unknown as Dom).document.body.innerText);
    expect(text).toContain('Goedemorgen! Vandaag (di 24 nov) staan er 5 relaties op je lijst');
    expect(text).toContain('Vandaag gepland: 3 relaties, 55 van je 60 minuten');
    for (const name of ['Thomas Verbeek', 'Marieke Hoekstra', 'Eva Koster', 'Jeroen de Boer', 'Fatima El Amrani']) expect(text).toContain(name);
    save(join(RESULTS, 'digest-sample-sanne.html'), sanneHtml);
    save(join(RESULTS, 'digest-sample-sanne-375.png'), await page.screenshot({ fullPage: true }));
    await page.close();
  });

  it('wraps a 200-character unbroken organisation, name and agenda instead of overflowing', async () => {
    const mail = longMail();
    expect(mail.html).toContain(UNBROKEN);
    expect(UNBROKEN).toHaveLength(200);
    expect(UNBROKEN).not.toMatch(/\s/);
    const page = await open(mail.html, PHONE);
    const box = await layout(page);
    expect(box.scrollWidth).toBeLessThanOrEqual(PHONE);
    expect(box.rightmost).toBeLessThanOrEqual(PHONE);
    save(join(RESULTS, 'digest-long-names.html'), mail.html);
    save(join(RESULTS, 'digest-long-names-375.png'), await page.screenshot({ fullPage: true }));
    await page.close();
  });

  it('would notice overflow: the same digest without its wrapping rule is wider than the phone', async () => {
    // A control for the measurement above: it is not true of every page.
    const page = await open(longMail().html.replaceAll('overflow-wrap:anywhere', ''), PHONE);
    expect((await layout(page)).scrollWidth).toBeGreaterThan(PHONE);
    await page.close();
  });

  it('shows a name typed as <b>Jansen & Zn</b> as text, not as bold markup', async () => {
    const page = await open(longMail().html, PHONE);
    const seen = await page.evaluate(() => {
      const { document } = globalThis as unknown as Dom;
      return {
        bold: document.querySelectorAll('b, strong, script').length,
        text: document.body.innerText,
        links: [...document.querySelectorAll('a')].map((a) => [a.textContent, a.getAttribute('href')]),
      };
    });
    expect(seen.bold).toBe(0);
    expect(seen.text).toContain('<b>Jansen & Zn</b>');
    expect(seen.links).toHaveLength(3);
    expect(seen.links[0]).toEqual(['Open in de sheet', `https://docs.google.com/spreadsheets/d/${'1a2B3c'.repeat(8)}/edit#gid=0&range=A2:Q2`]);
    await page.close();
  });

  it('writes the README screenshot: the sample digest for Sanne at 420 px', async () => {
    const page = await open(sanneHtml, 420, false);
    expect((await layout(page)).scrollWidth).toBeLessThanOrEqual(420);
    const png = await page.screenshot({ fullPage: true });
    // A PNG 420 px wide (the width is bytes 16-19 of the IHDR chunk).
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(420);
    save(join(RESULTS, 'digest-sample-sanne-420.png'), png);
    save(join(ROOT, 'docs', 'screenshot-digest.png'), png, { onlyIfChanged: true });
    await page.close();
  });
});
