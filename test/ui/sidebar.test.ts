// The conversation sidebar as a recruiter uses it: the built dist/Sidebar.html in a real headless
// Chromium, 300 px wide as Sheets shows a sidebar, with a google.script.run stand-in that sends each
// call through the bundle's real server functions (getPrepContext, logTouchpoint) in the vm harness,
// over a fake spreadsheet. The stand-in behaves as google.script.run does: arguments and results
// cross as JSON, handlers run asynchronously, a throw reaches the failure handler. It can be made
// slow, lose a call on the way, or lose the answer after the server ran.
//
// The script's clock is fixed (Tuesday 24 November 2026, Amsterdam), so the screenshots in both
// languages are the same bytes on every run; they are saved in test-results/sidebar/ and, when they
// changed, as docs/screenshot-sidebar-nl.png and docs/screenshot-sidebar-en.png for the README.

import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeSpreadsheet } from '../apps-script/fakes/index';
import { addDays, type Cadans, DIST_DIR, daysBetween, edate, loadCadans, midnight, type ServerResult } from '../apps-script/harness';
import { ACTIES, ANNA, COL, dmy, defaults, prepWorkbook, ROW, TOUCHPOINTS, XSS } from '../apps-script/prep-fixture';
import { launchChromium } from '../mail/chromium';

const ROOT = join(__dirname, '../..');
const RESULTS = join(ROOT, 'test-results', 'sidebar');
const TZ = 'Europe/Amsterdam';
const TODAY = '2026-11-24';
/** 09:30 in Amsterdam on Tuesday 24 November 2026. */
const NOW = new Date('2026-11-24T08:30:00Z');
const WIDTH = 300;
const SIDEBAR_URL = pathToFileURL(join(DIST_DIR, 'Sidebar.html')).href;

/** Written next to the target, then renamed: the four time-zone projects run at once. */
function save(path: string, content: Buffer, options: { onlyIfChanged?: boolean } = {}): void {
  if (options.onlyIfChanged && existsSync(path) && readFileSync(path).equals(content)) return;
  const temporary = `${path}.tmp-${process.pid}`;
  writeFileSync(temporary, content);
  renameSync(temporary, path);
}

/** google.script.run in the page: every public server function, forwarded to window.__cadansServer. */
function standIn(functions: string[]): string {
  return `(() => {
    const names = ${JSON.stringify(functions)};
    function runner(onSuccess, onFailure) {
      const run = {
        withSuccessHandler(f) { return runner(f, onFailure); },
        withFailureHandler(f) { return runner(onSuccess, f); },
      };
      for (const name of names) {
        run[name] = (...args) => {
          window.__cadansServer(name, JSON.stringify(args)).then((text) => {
            const result = JSON.parse(text);
            // Handlers run later, never inside the call, as google.script.run's do.
            setTimeout(() => {
              if (result.ok) { if (onSuccess) onSuccess(result.value); }
              else if (onFailure) onFailure(new Error(result.message));
            }, 0);
          });
        };
      }
      return run;
    }
    Object.defineProperty(window, 'google', { value: { script: { get run() { return runner(null, null); } } } });
  })();`;
}

interface Server {
  cadans: Cadans;
  calls: Array<{ name: string; args: unknown[] }>;
  /** Milliseconds each call takes on the way. */
  delayMs: number;
  /** The next call fails on the way and never reaches the script. */
  failTransport: string | null;
  /** The next call runs in the script, but its answer is lost: the page gets this failure. */
  loseAnswer: string | null;
}

interface Sidebar {
  page: Page;
  server: Server;
  dialogs: string[];
  errors: string[];
}

let browser: Browser;

beforeAll(async () => {
  mkdirSync(RESULTS, { recursive: true });
  browser = await launchChromium();
}, 180_000);

// With --single-process, closing a browser context ends the whole browser, so there is one context
// per browser language, kept open; only pages are closed. The browser's language decides how a
// date field shows its empty value (dd-mm-jjjj in Dutch).
const contexts = new Map<string, Promise<BrowserContext>>();

function contextFor(locale: string): Promise<BrowserContext> {
  if (!contexts.has(locale)) contexts.set(locale, browser.newContext({ viewport: { width: WIDTH, height: 900 }, deviceScaleFactor: 1, locale }));
  return contexts.get(locale)!;
}

afterAll(async () => {
  await browser?.close();
});

/** Opens the sidebar over this spreadsheet with the person's selection, as showPrepSidebar does. */
async function openSidebar(ss: FakeSpreadsheet, select: [string, number] | null, locale = 'nl-NL', failFirst: string | null = null): Promise<Sidebar> {
  if (select) ss.$select(select[0], select[1], 2);
  else ss.$select(null);
  const cadans = loadCadans(ss, { now: NOW });
  const server: Server = { cadans, calls: [], delayMs: 0, failTransport: failFirst, loseAnswer: null };
  const page = await (await contextFor(locale)).newPage();
  const dialogs: string[] = [];
  const errors: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.exposeFunction('__cadansServer', async (name: string, json: string) => {
    const args = JSON.parse(json) as unknown[];
    server.calls.push({ name, args });
    if (server.delayMs) await new Promise((resolve) => setTimeout(resolve, server.delayMs));
    if (server.failTransport !== null) {
      const message = server.failTransport;
      server.failTransport = null;
      return JSON.stringify({ ok: false, message } satisfies ServerResult);
    }
    const result = server.cadans.serverCall(name, ...args);
    if (server.loseAnswer !== null) {
      const message = server.loseAnswer;
      server.loseAnswer = null;
      return JSON.stringify({ ok: false, message } satisfies ServerResult);
    }
    return JSON.stringify(result);
  });
  const callable = Object.keys(cadans.functions).filter((n) => !n.endsWith('_'));
  await page.addInitScript({ content: standIn(callable) });
  await page.goto(SIDEBAR_URL);
  if (failFirst === null) await page.locator('#content > *').first().waitFor();
  else await page.waitForFunction(`document.getElementById('message').className === 'error'`);
  return { page, server, dialogs, errors };
}

const text = (page: Page, selector: string) => page.evaluate<string | null>(`document.querySelector(${JSON.stringify(selector)})?.textContent ?? null`);
const texts = (page: Page, selector: string) => page.evaluate<string[]>(`[...document.querySelectorAll(${JSON.stringify(selector)})].map((e) => e.textContent)`);
const count = (page: Page, selector: string) => page.evaluate<number>(`document.querySelectorAll(${JSON.stringify(selector)}).length`);
const buttonsDisabled = (page: Page) => page.evaluate<boolean[]>(`[...document.querySelectorAll('button')].map((b) => b.disabled)`);
const message = (page: Page) => page.evaluate<{ text: string; kind: string }>(`({ text: document.getElementById('message').textContent, kind: document.getElementById('message').className })`);

/** Waits until the status line says something of this kind ('ok' or 'error'). */
async function settled(page: Page, kind: 'ok' | 'error'): Promise<{ text: string; kind: string }> {
  await page.waitForFunction(`document.getElementById('message').className === ${JSON.stringify(kind)}`);
  return message(page);
}

async function layout(page: Page): Promise<{ scrollWidth: number; clientWidth: number; rightmost: number }> {
  return page.evaluate(`({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
    rightmost: Math.max(...[...document.body.querySelectorAll('*')].map((e) => e.getBoundingClientRect().right)),
  })`);
}

const logCalls = (server: Server) => server.calls.filter((c) => c.name === 'logTouchpoint');

// R1 on the fixed today: last contact its touchpoint 40 days ago, A-tier: due a month later.
const R1_LAST = addDays(TODAY, -40);
const R1_NEXT = edate(R1_LAST, 1);
const R1_LATE = daysBetween(R1_NEXT, TODAY);
const LOGGED_NEXT = edate(TODAY, 1);

describe('the sidebar for a client', () => {
  it("shows an A client the card, the history and the tier's 20-minute check-in, and switches to the expansion session (SPIN) on request", async () => {
    const { ss } = prepWorkbook(TZ, { today: TODAY });
    const { page, errors } = await openSidebar(ss, ['Relaties', ROW.R1]);
    expect(await text(page, '#title')).toBe('Gesprek voorbereiden');
    expect(await text(page, '#name')).toBe('Marieke Hoekstra');
    expect(await text(page, '#card > .muted')).toBe('Klant · Waterschap Rijnvallei · Tier A');
    expect(await texts(page, '#card .facts > span')).toEqual([
      'Laatste contact', dmy(R1_LAST),
      'Contact uiterlijk', `${dmy(R1_NEXT)} te laat`,
      'Dagen te laat', String(R1_LATE),
      'Aandeel in omzet', '80,0%',
    ]);
    expect(await texts(page, '#card .badge.overdue')).toEqual(['te laat']);
    expect(await texts(page, '#history li')).toEqual([
      `${dmy(addDays(TODAY, -40))} · Business check-in: Marktinzicht HR gedeeld`,
      `${dmy(addDays(TODAY, -70))} · Lunch: Pilot IT besproken`,
      `${dmy(addDays(TODAY, -100))} · Telefoon`,
    ]);
    // Issue 12: the routine conversation is the A check-in, 20 minutes, written to Soort as Check-in.
    expect(await texts(page, 'summary')).toEqual(['Ontwikkelingen', 'Uitdagingen', 'Lopende projecten', 'Marktinzicht delen', 'Vooruitkijken']);
    expect(await texts(page, 'details[data-phase=marketInsight] li')).toEqual(defaults('marketInsight', 'nl', 'klant', 'A'));
    expect([await page.inputValue('#conversationType'), await page.inputValue('#duration'), await page.inputValue('#kind')]).toEqual(['clientCheckIn', '20', 'Check-in']);
    expect(await texts(page, '#conversationType option')).toEqual(['Check-in (20 min)', 'Accountuitbreiding (50 min)', 'Nabellen na plaatsing (10 min)']);
    expect(await text(page, '#suggestExpansion')).toBe('Een A-klant: een uitbreidingsgesprek (SPIN, ongeveer 50 min plus 20 min voorbereiding) kan de moeite waard zijn.');
    expect(await count(page, 'label.check input[id^=check-]')).toBe(0);
    // An A client can switch to the expansion session.
    await page.click('#prepareExpansion');
    expect(await count(page, '#prepareExpansion, #suggestExpansion')).toBe(0);
    expect(await page.inputValue('#conversationType')).toBe('expansion');
    expect(await texts(page, 'summary')).toEqual([
      'Organisatie in kaart (10 min)',
      'Stakeholdernetwerk (5 min)',
      'Business intelligence (5 min)',
      'Situatie (7 min)',
      'Probleem (10 min)',
      'Implicatie (8 min)',
      'Need-payoff (5 min)',
      'Uitbreiding plannen (15 min)',
      'Commitment (5 min)',
    ]);
    // The account card (issue 11): R1 is Waterschap Rijnvallei's only contact.
    expect(await texts(page, '#noOthers')).toEqual(['Geen andere contactpersonen bij deze organisatie: vertrekt deze persoon, dan is de klant weg.']);
    expect(await texts(page, 'h3')).toEqual(['Account: Waterschap Rijnvallei · Tier A', 'Andere contactpersonen', 'Laatste touchpoints', 'Voorbereiding', 'Gesprek', 'Uitbreiding en commitment', 'Checklist', 'Vastleggen', 'Rode vlaggen', 'Kanssignalen', 'Volgende stappen', 'Introductiemail (concept)']);
    for (const phase of ['situation', 'problem', 'implication', 'needPayoff']) {
      expect(await texts(page, `details[data-phase=${phase}] li`), phase).toEqual(defaults(phase, 'nl', 'klant'));
    }
    // A notes field for each conversation and follow-up phase, none for the preparation.
    expect(await page.evaluate<string[]>(`[...document.querySelectorAll('textarea')].map((t) => t.id)`)).toEqual([
      'notes-situation', 'notes-problem', 'notes-implication', 'notes-needPayoff', 'notes-expansion', 'notes-commitment', 'introDraft',
    ]);
    expect(await texts(page, 'label.check')).toEqual([
      'Organisatie in kaart gebracht', 'SPIN-gesprek gevoerd', 'Uitbreidingsroadmap besproken', 'Warme introducties gepland',
      'Partnerschap besproken', 'Volgende stappen met datum afgesproken', 'Nieuwe kans', 'Referral', 'Positief (lof, tevreden)',
      'geen reactie', 'concurrent', 'tariefdruk', 'wisseling contactpersoon', 'exclusiviteit kwijt',
      'klant belt zelf', 'interne referrals', 'strategisch betrokken', 'eerste keus',
    ]);
    // The duration: the session's time boxes, SPIN 7 + 10 + 8 + 5, planning 15, commitment 5.
    expect(await page.inputValue('#duration')).toBe('50');
    expect(await page.inputValue('#kind')).toBe('Accountuitbreiding');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('gives a B client the 15-minute check-in, not SPIN, logs it as Check-in of 15 minutes, and prepares expansion only when asked', async () => {
    const { ss } = prepWorkbook(TZ, { today: TODAY });
    const { page, server, errors } = await openSidebar(ss, ['Relaties', ROW.R2]);
    expect(await text(page, '#card > .muted')).toBe('Klant · Bakkerij Jansen · Tier B');
    // The playbook's B touchpoint: status, opportunities and challenges, networking, upcoming projects.
    expect(await texts(page, 'summary')).toEqual(['Stand van zaken', 'Kansen en uitdagingen', 'Netwerkkansen', 'Komende projecten']);
    expect(await texts(page, 'details[data-phase=networking] li')).toEqual(['Is er iemand, binnen of buiten jullie organisatie, die we zouden moeten leren kennen?']);
    expect(await count(page, 'details[data-phase=situation], details[data-phase=prepOrganisation], details[data-phase=needPayoff]')).toBe(0);
    expect(await texts(page, 'h3')).not.toContain('Voorbereiding');
    // Expansion is not suggested for a B client, but it can be chosen.
    expect(await count(page, '#prepareExpansion, #suggestExpansion')).toBe(0);
    expect([await page.inputValue('#conversationType'), await page.inputValue('#duration'), await page.inputValue('#kind')]).toEqual(['clientCheckIn', '15', 'Check-in']);
    await page.fill('#notes-networking', 'Kent de CFO van De Molen');
    await page.click('#logButton');
    await settled(page, 'ok');
    expect(logCalls(server)[0].args[0]).toMatchObject({ kind: 'Check-in', duration: 15, notes: { status: '', opportunities: '', networking: 'Kent de CFO van De Molen', upcomingProjects: '' } });
    expect(ss.$sheet('Touchpoints').$row(7)).toEqual([midnight(TZ, TODAY), 'R2', 'Check-in', 15, ANNA, 'Netwerkkansen: Kent de CFO van De Molen', 'geen', 'nee', 'nee']);
    // When the user asks for expansion, the B client gets the SPIN session too.
    await page.selectOption('#conversationType', 'expansion');
    expect(await texts(page, 'details[data-phase=situation] summary')).toEqual(['Situatie (7 min)']);
    expect([await page.inputValue('#duration'), await page.inputValue('#kind')]).toEqual(['50', 'Accountuitbreiding']);
    // ...and back to the check-in.
    await page.selectOption('#conversationType', 'clientCheckIn');
    expect([await page.inputValue('#duration'), await texts(page, 'summary')]).toEqual(['15', ['Stand van zaken', 'Kansen en uitdagingen', 'Netwerkkansen', 'Komende projecten']]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('logs the conversation: one Touchpoints row with the checklist ticks, the new dates in the sheet and on the card, the next step in Acties', async () => {
    const { ss } = prepWorkbook(TZ, { today: TODAY });
    const { page, server, errors } = await openSidebar(ss, ['Relaties', ROW.R1]);
    await page.click('#prepareExpansion');
    await page.fill('#notes-situation', 'Twee nieuwe afdelingen in Arnhem');
    await page.fill('#notes-problem', 'Tekort aan IT-capaciteit');
    await page.check('#check-1');
    await page.check('#check-5');
    expect(await page.isChecked('#check-1')).toBe(true);
    await page.selectOption('#stepKind', 'warmIntroduction');
    await page.click('#addStep');
    // Issue 12: the commitment's concrete actions, reference documents and success metrics.
    await page.selectOption('#stepKind', 'referenceDocuments');
    await page.click('#addStep');
    await page.selectOption('#stepKind', 'successMetrics');
    await page.click('#addStep');
    expect(await texts(page, '#steps li')).toEqual(['Warme introductie (binnen 48 uur)', 'Referentiedocumenten (binnen 2 weken)', 'Succescriteria (binnen 2 weken)']);

    server.delayMs = 400;
    await page.click('#logButton');
    // While the call runs, every button is disabled and the page says it is busy.
    expect(await buttonsDisabled(page)).toEqual([true, true, true, true]);
    expect(await message(page)).toEqual({ text: 'Bezig…', kind: '' });
    expect(await settled(page, 'ok')).toEqual({ text: `Vastgelegd voor Marieke Hoekstra. Volgend contact: ${dmy(LOGGED_NEXT)}. Acties: 3.`, kind: 'ok' });
    expect(await buttonsDisabled(page)).toEqual([false, false, false, false]);

    // The call the page made.
    const [call] = logCalls(server);
    expect(call.args).toEqual([
      {
        requestId: expect.stringMatching(/^[0-9a-f]{24}$/),
        row: ROW.R1,
        relationId: 'R1',
        kind: 'Accountuitbreiding',
        duration: 50,
        valueAdd: 'none',
        newOpportunity: false,
        referral: false,
        positive: false,
        satisfaction: null,
        notes: { situation: 'Twee nieuwe afdelingen in Arnhem', problem: 'Tekort aan IT-capaciteit', implication: '', needPayoff: '', expansion: '', commitment: '' },
        steps: [{ kind: 'warmIntroduction' }, { kind: 'referenceDocuments' }, { kind: 'successMetrics' }],
        redFlags: [],
        signals: [],
        checklist: ['SPIN-gesprek gevoerd', 'Volgende stappen met datum afgesproken'],
      },
    ]);
    // The sheet.
    const touchpoints = ss.$sheet('Touchpoints');
    expect(touchpoints.$lastRow()).toBe(7);
    // Issue 12: the checklist ticks land in Touchpoints; this older tab had no Checklist column,
    // so it gets one, in the first free column (the rows above keep their cells).
    expect(touchpoints.$row(1)).toEqual([...TOUCHPOINTS, 'Checklist']);
    expect(touchpoints.$row(7)).toEqual([midnight(TZ, TODAY), 'R1', 'Accountuitbreiding', 50, ANNA, 'Situatie: Twee nieuwe afdelingen in Arnhem\nProbleem: Tekort aan IT-capaciteit', 'geen', 'nee', 'nee', 'SPIN-gesprek gevoerd; Volgende stappen met datum afgesproken']);
    expect(touchpoints.$row(6).length).toBe(10);
    expect(touchpoints.$row(6)[9]).toBe('');
    const relaties = ss.$sheet('Relaties');
    expect([COL['Laatste contact'], COL['Volgend contact'], COL.Status, COL['Dagen te laat']].map((c) => relaties.$value(ROW.R1, c))).toEqual([midnight(TZ, TODAY), midnight(TZ, LOGGED_NEXT), 'op schema', 0]);
    // Tuesday + 48 hours: Thursday 26 November, a working day.
    expect(ss.$sheet('Acties').$values()).toEqual([
      ACTIES,
      ['R1', 'Marieke Hoekstra', ANNA, 'Warme introductie versturen (binnen 48 uur)', midnight(TZ, '2026-11-26'), 'nee', midnight(TZ, TODAY)],
      // Two weeks on: Tuesday 8 December.
      ['R1', 'Marieke Hoekstra', ANNA, 'Referentiedocumenten klaarzetten (binnen 2 weken)', midnight(TZ, '2026-12-08'), 'nee', midnight(TZ, TODAY)],
      ['R1', 'Marieke Hoekstra', ANNA, 'Succescriteria vastleggen met de klant (binnen 2 weken)', midnight(TZ, '2026-12-08'), 'nee', midnight(TZ, TODAY)],
    ]);
    // The card shows the new dates; the form is fresh for the next conversation.
    expect(await texts(page, '#card .facts > span')).toEqual(['Laatste contact', dmy(TODAY), 'Contact uiterlijk', `${dmy(LOGGED_NEXT)} op schema`, 'Aandeel in omzet', '80,0%']);
    expect(await texts(page, '#steps li')).toEqual([]);
    expect(await page.inputValue('#notes-situation')).toBe('');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('logs an after-sales call with its satisfaction and a positive mark in Touchpoints, closes its open after-sales action, and the satisfaction feeds health in Waarom', async () => {
    const { ss } = prepWorkbook(TZ, { today: TODAY });
    // The refresh put the after-sales call in Acties after placements of R1 and R2 (issue 12).
    const call = (id: string, name: string, date: string) => [id, name, ANNA, `Nabellen na plaatsing van ${date}: is alles gegaan zoals gehoopt? (tevredenheid 1-10 in Touchpoints)`, midnight(TZ, '2026-11-30'), 'nee', midnight(TZ, '2026-11-16')];
    ss.$sheet('Acties').appendRow(call('R1', 'Marieke Hoekstra', '16-11-2026'));
    ss.$sheet('Acties').appendRow(call('R2', 'Bakkerij Jansen', '16-11-2026'));
    const { page, server, errors } = await openSidebar(ss, ['Relaties', ROW.R1]);
    expect(await count(page, '#satisfaction, #hints')).toBe(0);
    await page.selectOption('#conversationType', 'afterSales');
    expect([await page.inputValue('#duration'), await page.inputValue('#kind')]).toEqual(['10', 'Nabellen na plaatsing']);
    // 11 is refused by the field itself (1-10): nothing is sent; a forged call is refused by the server.
    await page.fill('#satisfaction', '11');
    await page.check('#positive');
    await page.click('#logButton');
    expect(await page.evaluate<boolean>(`document.getElementById('satisfaction').validity.valid`)).toBe(false);
    expect(logCalls(server)).toEqual([]);
    expect(server.cadans.serverCall('logTouchpoint', { requestId: 'forged-satisfaction-1', row: ROW.R1, relationId: 'R1', kind: 'x', duration: 10, valueAdd: 'none', newOpportunity: false, referral: false, satisfaction: 11 })).toEqual({ ok: false, message: 'Tevredenheid is een heel getal van 1 tot en met 10, of leeg.' });
    await page.fill('#satisfaction', '9');
    await page.click('#logButton');
    await settled(page, 'ok');
    const touchpoints = ss.$sheet('Touchpoints');
    // This older tab had neither column: both are added, in the first free columns.
    expect(touchpoints.$row(1)).toEqual([...TOUCHPOINTS, 'Positief', 'Tevredenheid']);
    expect(touchpoints.$row(7)).toEqual([midnight(TZ, TODAY), 'R1', 'Nabellen na plaatsing', 10, ANNA, '', 'geen', 'nee', 'nee', 'ja', 9]);
    // The after-sales answer is a part of health: satisfaction 8 or more adds its points.
    expect(String(ss.$sheet('Relaties').$value(ROW.R1, COL.Waarom))).toContain('tevredenheid na plaatsing 9 +5');
    // The call is made: R1's after-sales action is done, R2's still open.
    expect(ss.$sheet('Acties').$values().slice(1).map((r) => [r[0], r[5]])).toEqual([['R1', 'ja'], ['R2', 'nee']]);
    // A contact that went well is a referral moment: the card says so, as the morning mail will.
    expect(await texts(page, '#hints li')).toEqual(['moment voor een referral']);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('records the red flags and signals ticked in Relaties: Rode vlag sinds set when a flag appears, kept while one is left, cleared when none is', async () => {
    const { ss } = prepWorkbook(TZ, { today: TODAY });
    const relaties = ss.$sheet('Relaties');
    // The fixture's Relaties predates `Rode vlag sinds` (the template has it): add the column.
    relaties.insertColumnsAfter(relaties.getMaxColumns(), 1);
    relaties.getRange(1, relaties.getMaxColumns()).setValues([['Rode vlag sinds']]);
    const header = relaties.$row(1) as string[];
    const at = (name: string) => header.indexOf(name) + 1;
    const cells = () => [at('Rode vlaggen'), at('Kanssignalen'), at('Rode vlag sinds')].map((c) => relaties.$value(ROW.R2, c));
    expect([at('Rode vlaggen'), at('Kanssignalen'), at('Rode vlag sinds')].every((c) => c > 0)).toBe(true);
    expect(cells()).toEqual(['', '', '']);

    const first = await openSidebar(ss, ['Relaties', ROW.R2]);
    await first.page.check('#flag-ratePressure');
    await first.page.check('#flag-competitor');
    await first.page.check('#signal-firstCall');
    await first.page.click('#logButton');
    await settled(first.page, 'ok');
    // In the vocabulary's order and words; the flag appeared today.
    expect(cells()).toEqual(['concurrent, tariefdruk', 'eerste keus', midnight(TZ, TODAY)]);
    expect(await first.page.isChecked('#flag-competitor')).toBe(true);
    expect(await texts(first.page, 'h3')).toContain(`Rode vlaggen (sinds ${dmy(TODAY)})`);
    await first.page.close();

    // A flag raised five days ago (typed in the sheet): removing one of two keeps that date.
    relaties.getRange(ROW.R2, at('Rode vlag sinds')).setValues([[midnight(TZ, addDays(TODAY, -5))]]);
    const second = await openSidebar(ss, ['Relaties', ROW.R2]);
    expect(await texts(second.page, 'h3')).toContain(`Rode vlaggen (sinds ${dmy(addDays(TODAY, -5))})`);
    expect([await second.page.isChecked('#flag-competitor'), await second.page.isChecked('#flag-ratePressure'), await second.page.isChecked('#flag-noResponse')]).toEqual([true, true, false]);
    await second.page.uncheck('#flag-competitor');
    await second.page.click('#logButton');
    await settled(second.page, 'ok');
    expect(cells()).toEqual(['tariefdruk', 'eerste keus', midnight(TZ, addDays(TODAY, -5))]);
    // None left: the date is cleared; the signal stays.
    await second.page.uncheck('#flag-ratePressure');
    await second.page.click('#logButton');
    await settled(second.page, 'ok');
    expect(cells()).toEqual(['', 'eerste keus', '']);
    expect(await texts(second.page, 'h3')).toContain('Rode vlaggen');
    expect([...first.errors, ...second.errors]).toEqual([]);
    await second.page.close();
  });

  it('logs a double click once, and a second submit of the same conversation once', async () => {
    const { ss } = prepWorkbook(TZ, { today: TODAY });
    const { page, server } = await openSidebar(ss, ['Relaties', ROW.R1]);
    server.delayMs = 300;
    await page.click('#prepareExpansion');
    await page.fill('#notes-situation', 'Dubbel geklikt');
    await page.dblclick('#logButton');
    await settled(page, 'ok');
    expect(logCalls(server)).toHaveLength(1);
    expect(ss.$sheet('Touchpoints').$lastRow()).toBe(7);

    // Were a second submit to reach the server (the button is disabled, but a form can be
    // submitted twice by a script or an impatient Enter), the server still logs it once.
    await page.fill('#notes-situation', 'Tweede gesprek');
    await page.evaluate(`(() => { const form = document.getElementById('log'); form.requestSubmit(); form.requestSubmit(); })()`);
    await page.waitForFunction(`document.getElementById('message').textContent === 'Dit gesprek was al vastgelegd; er is niets dubbel opgeslagen.'`);
    const [, second, third] = logCalls(server);
    expect((second.args[0] as { requestId: string }).requestId).toBe((third.args[0] as { requestId: string }).requestId);
    expect(ss.$sheet('Touchpoints').$lastRow()).toBe(8);
    expect(ss.$sheet('Touchpoints').$value(8, 6)).toBe('Situatie: Tweede gesprek');
    await page.close();
  });

  it('shows what went wrong when a call fails, and a retry after a lost answer logs once', async () => {
    const { ss } = prepWorkbook(TZ, { today: TODAY });
    const { page, server } = await openSidebar(ss, ['Relaties', ROW.R1]);
    await page.click('#prepareExpansion');

    // The server refuses: the row no longer holds R1 (someone sorted the sheet meanwhile).
    ss.$sheet('Relaties').getRange(ROW.R1, 1).setValues([['R9']]);
    await page.click('#logButton');
    expect(await settled(page, 'error')).toEqual({ text: 'Dat lukte niet: Rij 2 is niet (meer) relatie R1; vernieuw de zijbalk en probeer het opnieuw.', kind: 'error' });
    expect(await buttonsDisabled(page)).toEqual([false, false, false, false]);
    expect(ss.$sheet('Touchpoints').$lastRow()).toBe(6);
    ss.$sheet('Relaties').getRange(ROW.R1, 1).setValues([['R1']]);

    // The call never arrives.
    server.failTransport = 'NetworkError: Connection failure due to HTTP 0';
    await page.click('#logButton');
    expect(await settled(page, 'error')).toEqual({ text: 'Dat lukte niet: NetworkError: Connection failure due to HTTP 0', kind: 'error' });
    expect(ss.$sheet('Touchpoints').$lastRow()).toBe(6);

    // The call arrives and is logged, but the answer is lost; the retry is logged once.
    server.loseAnswer = 'NetworkError: Connection failure due to HTTP 0';
    await page.click('#logButton');
    await settled(page, 'error');
    expect(ss.$sheet('Touchpoints').$lastRow()).toBe(7);
    await page.click('#logButton');
    expect(await settled(page, 'ok')).toEqual({ text: 'Dit gesprek was al vastgelegd; er is niets dubbel opgeslagen.', kind: 'ok' });
    expect(ss.$sheet('Touchpoints').$lastRow()).toBe(7);
    const ids = logCalls(server).map((c) => (c.args[0] as { requestId: string }).requestId);
    expect(new Set(ids).size).toBe(1);

    // Refreshing the sidebar fails on the way: said, and the page keeps what it showed.
    server.failTransport = 'Het script is niet bereikbaar';
    await page.click('#refresh');
    expect(await settled(page, 'error')).toEqual({ text: 'Dat lukte niet: Het script is niet bereikbaar', kind: 'error' });
    expect(await text(page, '#name')).toBe('Marieke Hoekstra');
    await page.close();
  });

  it('adds an own next step with a date, refusing one without text, and logs it to Acties', async () => {
    const { ss } = prepWorkbook(TZ, { today: TODAY });
    const { page } = await openSidebar(ss, ['Relaties', ROW.R2]);
    await page.selectOption('#stepKind', 'custom');
    await page.fill('#stepDue', '2026-12-18');
    await page.click('#addStep');
    expect(await message(page)).toEqual({ text: 'Een eigen actie heeft een tekst en een datum nodig.', kind: 'error' });
    expect(await texts(page, '#steps li')).toEqual([]);
    await page.fill('#stepText', 'Offerte <Q1> & planning sturen');
    await page.click('#addStep');
    await page.selectOption('#stepKind', 'introductionMeeting');
    await page.click('#addStep');
    expect(await texts(page, '#steps li')).toEqual(['Offerte <Q1> & planning sturen (2026-12-18)', 'Introductiegesprek (binnen 2 weken)']);
    await page.selectOption('#valueAdd', 'advice');
    await page.check('#referral');
    await page.click('#logButton');
    expect((await settled(page, 'ok')).text).toBe(`Vastgelegd voor Bram Jansen. Volgend contact: ${dmy(edate(TODAY, 3))}. Acties: 2.`);
    // Tuesday 24 November + 14 days = Tuesday 8 December, a working day.
    expect(ss.$sheet('Acties').$values().slice(1)).toEqual([
      ['R2', 'Bram Jansen', ANNA, 'Offerte <Q1> & planning sturen', midnight(TZ, '2026-12-18'), 'nee', midnight(TZ, TODAY)],
      ['R2', 'Bram Jansen', ANNA, 'Introductiegesprek plannen (binnen 2 weken)', midnight(TZ, '2026-12-08'), 'nee', midnight(TZ, TODAY)],
    ]);
    expect(ss.$sheet('Touchpoints').$row(7).slice(6)).toEqual(['advies', 'nee', 'ja']);
    await page.close();
  });

  it('shows why the first load failed, and loads on Vernieuwen', async () => {
    const { ss } = prepWorkbook(TZ, { today: TODAY });
    const { page } = await openSidebar(ss, ['Relaties', ROW.R1], 'nl-NL', 'NetworkError: Connection failure due to HTTP 0');
    // Before the first answer the page has no words of the workbook's language: the message as it came.
    expect(await message(page)).toEqual({ text: 'NetworkError: Connection failure due to HTTP 0', kind: 'error' });
    expect(await buttonsDisabled(page)).toEqual([false]);
    await page.click('#refresh');
    await page.locator('#card').waitFor();
    expect(await text(page, '#name')).toBe('Marieke Hoekstra');
    expect(await text(page, '#refresh')).toBe('Vernieuwen');
    await page.close();
  });

  it('names the Vernieuwen button even when the first load failed', async () => {
    const { ss } = prepWorkbook(TZ, { today: TODAY });
    const { page } = await openSidebar(ss, ['Relaties', ROW.R1], 'nl-NL', 'NetworkError: Connection failure due to HTTP 0');
    const name = await page.evaluate<string>(`(() => { const b = document.getElementById('refresh'); return (b.textContent || b.getAttribute('aria-label') || b.title || '').trim(); })()`);
    await page.close();
    expect(name).not.toBe('');
  });

  it('tells the person to fill in an ID first when the relationship has none', async () => {
    const { ss } = prepWorkbook(TZ, { today: TODAY });
    const { page } = await openSidebar(ss, ['Relaties', ROW.noId]);
    expect(await text(page, '#name')).toBe('Zonder ID');
    await page.click('#logButton');
    expect(await settled(page, 'error')).toEqual({
      text: 'Dat lukte niet: Deze relatie heeft geen ID; vul eerst een ID in, zodat het touchpoint aan de relatie gekoppeld kan worden.',
      kind: 'error',
    });
    expect(ss.$sheet('Touchpoints').$lastRow()).toBe(6);
    await page.close();
  });

  it('can be used with the keyboard alone: Tab reaches every field and button in order, Enter on Vastleggen logs', async () => {
    const { ss } = prepWorkbook(TZ, { today: TODAY });
    const { page, server } = await openSidebar(ss, ['Relaties', ROW.R1]);
    const stops: string[] = [];
    for (let i = 0; i < 60 && stops.at(-1) !== 'logButton'; i++) {
      await page.keyboard.press('Tab');
      const here = await page.evaluate<string>(`(() => {
        const e = document.activeElement;
        return e.id || e.tagName.toLowerCase() + ':' + (e.closest('[data-phase]')?.dataset.phase ?? '');
      })()`);
      if (stops.at(-1) !== here) stops.push(here); // a date field takes a Tab per part
    }
    expect(stops).toEqual([
      'refresh', 'conversationType', 'prepareExpansion',
      'summary:developments', 'notes-developments', 'summary:challenges', 'notes-challenges', 'summary:runningProjects', 'notes-runningProjects',
      'summary:marketInsight', 'notes-marketInsight', 'summary:outlook', 'notes-outlook',
      'kind', 'duration', 'valueAdd', 'newOpportunity', 'referral', 'positive',
      'flag-noResponse', 'flag-competitor', 'flag-ratePressure', 'flag-stakeholderChange', 'flag-lostExclusivity',
      'signal-clientReachesOut', 'signal-internalReferrals', 'signal-strategicInvolvement', 'signal-firstCall',
      'stepKind', 'stepText', 'stepDue', 'addStep', 'logButton',
    ]);
    // Space ticks a checkbox; typing fills the notes.
    await page.focus('#referral');
    await page.keyboard.press('Space');
    expect(await page.isChecked('#referral')).toBe(true);
    await page.focus('#notes-challenges');
    await page.keyboard.type('Alles met het toetsenbord');
    await page.focus('#logButton');
    await page.keyboard.press('Enter');
    expect((await settled(page, 'ok')).text).toBe(`Vastgelegd voor Marieke Hoekstra. Volgend contact: ${dmy(LOGGED_NEXT)}. Acties: 0.`);
    expect(logCalls(server)).toHaveLength(1);
    expect(ss.$sheet('Touchpoints').$row(7).slice(2, 9)).toEqual(['Check-in', 20, ANNA, 'Uitdagingen: Alles met het toetsenbord', 'geen', 'nee', 'ja']);
    await page.close();
  });

  it('fits 300 px without sideways scrolling, also with long unbroken text', async () => {
    const long = `Stichting${'Regionale'.repeat(12)}Zorg`;
    const { ss } = prepWorkbook(TZ, { today: TODAY, r2Name: long });
    for (const row of [ROW.R1, ROW.R2]) {
      const { page } = await openSidebar(ss, ['Relaties', row]);
      const box = await layout(page);
      expect(box.clientWidth, `row ${row}`).toBe(WIDTH);
      expect(box.scrollWidth, `row ${row}`).toBeLessThanOrEqual(WIDTH);
      expect(box.rightmost, `row ${row}`).toBeLessThanOrEqual(WIDTH);
      await page.close();
    }
  });
});

describe('the sidebar for a Pipeline row', () => {
  it('shows the go/no-go card: the guide\'s criteria, the verdict and its Waarom, and the questions that fill the gaps', async () => {
    const { ss } = prepWorkbook(TZ, { today: TODAY });
    // The agency guide's columns beside the fixture's BANT ones, for Omgevingsdienst Eemland (row 2).
    const pipeline = ss.$sheet('Pipeline');
    const first = pipeline.$lastColumn() + 1;
    const header = ['Startdatum', 'Plezier', 'Brengt ons verder', 'Betaalt goed en op tijd', 'Regie zonder micromanagement', 'Reactie op werktest'];
    pipeline.$write({ row: 1, column: first, numRows: 1, numColumns: header.length }, [header]);
    pipeline.$write({ row: 2, column: first, numRows: 1, numColumns: header.length }, [['', 'ja', 'ja', '?', 'nee', '']]);
    const { page, errors } = await openSidebar(ss, ['Pipeline', 2]);
    expect(await text(page, '#gonogo-verdict')).toBe('Go/no-go: twijfel');
    expect(await texts(page, '#gonogo-criteria li')).toEqual([
      '✓ Plezier: ja', '✓ Brengt ons verder: ja', '? Betaalt goed en op tijd: onbekend', '✗ Regie zonder micromanagement: nee', '? Reactie op werktest: onbekend',
    ]);
    expect(await text(page, '#gonogo-why')).toBe(
      'twijfel: BANT nog niet volledig ja · score 0,22 · ja: Plezier, Brengt ons verder, Budget, Behoefte · nee: Regie zonder micromanagement, Beslisser · ?: Betaalt goed en op tijd, Reactie op werktest, Tijdlijn',
    );
    expect(await texts(page, '#gonogo-questions li')).toEqual([
      'Betaalt deze klant goed en op tijd? Wat zeggen anderen die voor hen werkten?',
      'Geef de prospect iets te doen (informatie aanleveren, een gesprek plannen): hoe reageert hij?',
    ]);
    const box = await layout(page);
    expect(box.scrollWidth).toBeLessThanOrEqual(WIDTH);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows the BANT checklist, the verdict and the questions that fill the gaps, and no logging form', async () => {
    const { ss } = prepWorkbook(TZ, { today: TODAY });
    const { page, errors } = await openSidebar(ss, ['Pipeline', 2]);
    expect(await text(page, '#name')).toBe('Omgevingsdienst Eemland');
    expect(await text(page, '#card > .muted')).toBe('Ruud Kramer');
    expect(await texts(page, '#card .facts > span')).toEqual(['Fase', 'warm', 'Voorstel verstuurd', '—', 'Volgende stap', 'Kennismaking met de directeur']);
    expect(await texts(page, '#bant li')).toEqual(['✓ Budget: ja (Begroting 2027 vastgesteld)', '✗ Beslisser: nee (Directeur beslist)', '✓ Behoefte: ja (Drie vacatures)', '? Tijdlijn: onbekend']);
    expect(await text(page, '#verdict')).toBe('Nog niet gekwalificeerd. Vragen om de gaten te vullen:');
    expect(await texts(page, 'summary')).toEqual(['Beslisser', 'Tijdlijn']);
    expect(await texts(page, 'details[data-phase=authority] li')).toEqual(['Wie beslist hierover, en spreken we die persoon?']);
    expect(await texts(page, 'details[data-phase=timeline] li')).toEqual(defaults('timeline', 'nl', 'prospect'));
    expect(await count(page, '#log, textarea')).toBe(0);
    await page.close();

    const velox = await openSidebar(ss, ['Pipeline', 3]);
    expect(await text(velox.page, '#verdict')).toBe('Gekwalificeerd: alle vier de punten zijn rond.');
    expect(await count(velox.page, 'details')).toBe(0);
    expect(await texts(velox.page, '#card .facts > span')).toEqual(['Fase', 'heet', 'Voorstel verstuurd', dmy(addDays(TODAY, -3)), 'Volgende stap', 'Voorstel nabellen']);
    await velox.page.close();
    expect(errors).toEqual([]);
  });

  it('says how to select a row when the selection holds no relationship', async () => {
    const { ss } = prepWorkbook(TZ, { today: TODAY });
    const { page } = await openSidebar(ss, ['Instellingen', 4]);
    expect(await text(page, '#hint')).toBe('Selecteer een rij in Relaties (of Pipeline) en klik op Vernieuwen. Cadans gokt nooit welke relatie je bedoelt.');
    // Selecting a row and refreshing shows it.
    ss.$select('Relaties', ROW.R3, 1);
    await page.click('#refresh');
    await page.locator('#card').waitFor();
    expect(await text(page, '#name')).toBe('Noor Hendriks');
    expect(await texts(page, 'summary')).toEqual(['Loopbaanontwikkeling (5 min)', 'Huidige opdracht (3 min)', 'Toekomstige kansen (5 min)', 'Waarde toevoegen (2 min)']);
    await page.close();
  });
});

describe('user text in the sidebar', () => {
  it(`shows a relationship named ${XSS} as those characters and runs nothing`, async () => {
    const { ss } = prepWorkbook(TZ, { today: TODAY, r2Name: XSS });
    // The same text in a touchpoint's notes, the team's own question and a pipeline row.
    const touch = ss.$sheet('Touchpoints');
    touch.getRange(7, 1, 1, 6).setValues([[midnight(TZ, addDays(TODAY, -2)), 'R2', '<b>Bellen</b>', 10, ANNA, `Notitie ${XSS}`]]);
    const bank = ss.$sheet('Gespreksvragen');
    bank.getRange(bank.$lastRow() + 1, 1, 1, 5).setValues([['Stand van zaken', 'Klant', 'B', 'nl', '<script>alert(2)</script>']]);
    ss.$sheet('Pipeline').getRange(4, 1, 1, 2).setValues([[XSS, '<svg onload=alert(3)>']]);

    const { page, dialogs, errors } = await openSidebar(ss, ['Relaties', ROW.R2]);
    expect(await text(page, '#name')).toBe(XSS);
    expect(await texts(page, '#history li')).toEqual([`${dmy(addDays(TODAY, -2))} · <b>Bellen</b>: Notitie ${XSS}`, `${dmy(addDays(TODAY, -10))} · Koffie: Goed gesprek`]);
    expect(await texts(page, 'details[data-phase=status] li')).toEqual([...defaults('status', 'nl', 'klant', 'B'), '<script>alert(2)</script>']);
    expect(await count(page, 'img, svg, iframe, object, embed')).toBe(0);
    expect(await texts(page, 'b')).toEqual(['Agenda: ']); // the page's own, none from the sheet
    expect(await count(page, 'script')).toBe(1); // the page's own

    // Logged from the page, the name comes back as text in the message, and the kind is stored as text.
    await page.fill('#kind', '=IMAGE("https://evil.example/x.png")');
    await page.click('#logButton');
    expect((await settled(page, 'ok')).text).toBe(`Vastgelegd voor ${XSS}. Volgend contact: ${dmy(edate(TODAY, 3))}. Acties: 0.`);
    expect([ss.$sheet('Touchpoints').$value(8, 3), ss.$sheet('Touchpoints').$formula(8, 3)]).toEqual(['=IMAGE("https://evil.example/x.png")', '']);
    expect(await count(page, 'img, svg')).toBe(0);
    expect(await texts(page, 'b')).toEqual(['Agenda: ']);
    await page.close();

    const prospect = await openSidebar(ss, ['Pipeline', 4]);
    expect(await text(prospect.page, '#name')).toBe(XSS);
    expect(await text(prospect.page, '#card > .muted')).toBe('<svg onload=alert(3)>');
    expect(await count(prospect.page, 'img, svg')).toBe(0);
    await prospect.page.waitForTimeout(200); // an onerror/onload would have fired by now
    await prospect.page.close();
    expect(dialogs).toEqual([]);
    expect(prospect.dialogs).toEqual([]);
    expect([...errors, ...prospect.errors]).toEqual([]);
  });
});

describe('the warm-introduction draft', () => {
  it(`drafts the introduction mail to the champion, ready to copy, with a champion named ${XSS} kept as text`, async () => {
    const { ss } = prepWorkbook(TZ, { today: TODAY, r2Name: XSS });
    const { page, server, dialogs, errors } = await openSidebar(ss, ['Relaties', ROW.R2]);
    // Not part of the check-in; it comes with the expansion session.
    expect(await count(page, '#introduction')).toBe(0);
    await page.selectOption('#conversationType', 'expansion');
    await page.fill('#introDepartment', 'Financiën');
    await page.fill('#introReference', 'de <b>HR-pilot</b> in Arnhem');
    await page.fill('#introValue', '<script>alert(4)</script> twee controllers');
    expect(await page.inputValue('#introDraft')).toBe(
      [
        'Introductie bij Financiën',
        `Beste ${XSS},`,
        'Dank voor ons gesprek. Zoals afgesproken: wil je ons voorstellen aan Financiën? Hieronder wat je kunt doorsturen.',
        'Wat we al samen deden: de <b>HR-pilot</b> in Arnhem.',
        'Wat we voor Financiën kunnen betekenen: <script>alert(4)</script> twee controllers.',
        'Hartelijke groet,',
      ].join('\n\n'),
    );
    // Nothing of it became markup, nothing ran, and no server call sends mail: drafting calls nothing.
    expect(await count(page, 'img, svg, iframe, #introduction b, #introduction script')).toBe(0);
    expect(await count(page, 'script')).toBe(1);
    expect(server.calls.map((c) => c.name)).toEqual(['getPrepContext']);
    await page.waitForTimeout(200);
    expect([...dialogs, ...errors]).toEqual([]);
    expect((await layout(page)).scrollWidth).toBeLessThanOrEqual(WIDTH);
    await page.close();
  });
});

describe('screenshots for the README', () => {
  const HEIGHT = 1000;
  /** The team's own words in the sheet, in the workbook's language, for a screenshot that reads well. */
  const WORDS = {
    nl: { agenda: 'Business check-in (20 min): ontwikkelingen, uitdagingen, lopende projecten, een marktinzicht delen', notes: ['Marktinzicht HR gedeeld', 'Telefoon', 'Pilot IT besproken'] },
    en: { agenda: 'Business check-in (20 min): developments, challenges, current projects, share a market insight', notes: ['Shared an HR market insight', 'Phone', 'Discussed an IT pilot'] },
  };

  function teamWords(ss: FakeSpreadsheet, language: 'nl' | 'en'): void {
    const settings = ss.$sheet('Instellingen');
    const agendaRow = settings.$column(1, 1).indexOf('Agenda klant A') + 1;
    settings.getRange(agendaRow, 2).setValues([[WORDS[language].agenda]]);
    const touchpoints = ss.$sheet('Touchpoints');
    const [insight, phone, pilot] = WORDS[language].notes;
    touchpoints.getRange(2, 6).setValues([[insight]]);
    touchpoints.getRange(3, 3).setValues([[phone]]);
    touchpoints.getRange(4, 6).setValues([[pilot]]);
  }

  it.each([
    ['nl', 'nl-NL', 'Gesprek voorbereiden', 'Ontwikkelingen'],
    ['en', 'en-GB', 'Prepare conversation', 'Developments'],
  ] as const)('shows the sidebar in %s at 300 px', async (language, locale, title, developments) => {
    const { ss } = prepWorkbook(TZ, { today: TODAY, language });
    teamWords(ss, language);
    const { page } = await openSidebar(ss, ['Relaties', ROW.R1], locale);
    expect(await text(page, '#title')).toBe(title);
    expect(await texts(page, '#history li')).toEqual([
      `${dmy(addDays(TODAY, -40))} · Business check-in: ${WORDS[language].notes[0]}`,
      `${dmy(addDays(TODAY, -70))} · Lunch: ${WORDS[language].notes[2]}`,
      `${dmy(addDays(TODAY, -100))} · ${WORDS[language].notes[1]}`,
    ]);
    expect(await text(page, 'details[data-phase=developments] summary')).toBe(developments);
    expect(await page.evaluate<string>('document.documentElement.lang')).toBe(language);
    expect((await layout(page)).scrollWidth).toBeLessThanOrEqual(WIDTH);
    // The whole page, for a look at every phase and the form.
    const full = await page.screenshot({ fullPage: true });
    expect(full.subarray(1, 4).toString()).toBe('PNG');
    expect(full.readUInt32BE(16)).toBe(WIDTH);
    save(join(RESULTS, `sidebar-${language}-full.png`), full);
    // For the README: the top of the page, the card, the history and the A check-in (issue 12).
    expect(await page.evaluate<boolean[]>(`[...document.querySelectorAll('details')].map((d) => d.open)`)).toEqual([true, true, true, true, true]);
    const png = await page.screenshot({ fullPage: true, clip: { x: 0, y: 0, width: WIDTH, height: HEIGHT } });
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([WIDTH, HEIGHT]);
    save(join(RESULTS, `sidebar-${language}.png`), png);
    save(join(ROOT, 'docs', `screenshot-sidebar-${language}.png`), png, { onlyIfChanged: true });
    await page.close();
  });
});

// Issue 11: an Organisaties row prepares the account conversation.
describe('the account conversation in the browser', () => {
  it('shows the account card with every contact, its share and key-client mark, and the SPIN phases, without a log form', async () => {
    const { ss } = prepWorkbook(TZ, { today: TODAY });
    ss.$sheet('Organisaties').getRange(2, 1, 1, 7).setValues([['Waterschap Rijnvallei', '', '', '', '', '', 'HR, IT, Financiën']]);
    const { page, errors, dialogs } = await openSidebar(ss, ['Organisaties', 2]);
    expect(await text(page, '#name')).toBe('Waterschap Rijnvallei');
    expect(await text(page, '#departments')).toBe('Afdelingen met contact: 0 van 3 bekend');
    expect(await texts(page, '#contacts li .contact-name')).toEqual(['Marieke Hoekstra']);
    expect(await texts(page, '#contacts li .contact-last')).toEqual([`Laatste contact: ${dmy(addDays(TODAY, -40))} te laat`]);
    expect(await texts(page, '#keyClient')).toEqual([' sleutelklant']);
    expect(await texts(page, 'summary')).toContain('Situatie (7 min)');
    expect(await page.$('#log')).toBeNull();
    expect((await layout(page)).scrollWidth).toBeLessThanOrEqual(WIDTH);
    save(join(RESULTS, 'sidebar-account-nl.png'), await page.screenshot({ fullPage: true }));
    expect([...errors, ...dialogs]).toEqual([]);
    await page.close();
  });
});
