// The Apps Script project's entry points: the public contract that menus, triggers and formulas
// call by name. Renaming one breaks installed triggers and formulas in users' sheets.
//
// Each exported function here becomes a top-level function in dist/Cadans.js with this file's
// JSDoc (scripts/build.mjs), so Sheets autocompletes the @customfunction ones. Logic lives in the
// core and the engine; these only connect them to SpreadsheetApp.

import { conventionsFor, type Language, languageOfLocale } from '../core/locale';
import * as formulas from '../formulas/formulas';
import { catalogue, fill } from '../i18n/catalogue';
import { formatDay } from '../core/dates';
import { LogTab } from '../engine/log';
import { computeRefresh, refresh as runRefresh } from '../engine/refresh';
import { recordStageEdit } from '../engine/pipeline';
import { planReminders } from '../engine/reminders';
import { logTouchpoint as logPreparedTouchpoint, type PrepContext, prepContext } from '../engine/prep';
import { documentRequestLog } from './requests';
import { PIPELINE, RELATIONS, SETTINGS } from '../../sheets-templates/tabs';
import { findTab } from '../workbook/headers';
import { loadSettings } from '../workbook/settings';
import { cellLinker, DAILY_HANDLER, deleteTriggers, FOLLOW_UP_HANDLER, previewPage, type ReminderJob, type ReminderRunResult, runReminders, sheetLinks } from './reminders';
import { languageOf, setupWorkbook as runSetup } from '../engine/setup';
import { AppsScriptWorkbook } from './spreadsheet';
import { checkCells, checkGrowth, type CheckLine, checkTabs, checkTimeZones, formatCheck, type TabSize } from '../engine/check';
import { checkClock } from './clock';
import { escapeHtml } from '../mail/compose';
import { currentUser, missingScopes, readSwitch, type ScopeKey, scopeNames, switchLine, writeSwitch } from './platform';
import { fillOrganisations as runFillOrganisations } from '../engine/accounts';

declare const __CADANS_VERSION__: string;

function workbook(): AppsScriptWorkbook {
  return new AppsScriptWorkbook(SpreadsheetApp.getActiveSpreadsheet());
}

function formulaContext(): formulas.FormulaContext {
  const wb = workbook();
  return { clock: wb.clock, conventions: conventionsFor(wb.locale), language: languageOfLocale(wb.locale) };
}

/** An alert where there is a user to see it; from the editor or a trigger there is none. */
function tell(message: string): void {
  try {
    SpreadsheetApp.getUi().alert(message);
  } catch {
    console.log(message);
  }
}

function toast(message: string): void {
  try {
    SpreadsheetApp.getActiveSpreadsheet().toast(message, 'Cadans', 5);
  } catch {
    // No UI: nothing to show.
  }
}

/**
 * Adds the Cadans menu when the spreadsheet opens, in the workbook's language.
 * @param {Object} e The open event.
 */
export function onOpen(e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  let language: Language = 'nl';
  let firstContact = false;
  try {
    // In AuthMode.NONE (before the first authorisation) the sheet cannot be read: keep Dutch.
    if (!e || e.authMode !== ScriptApp.AuthMode.NONE) {
      const wb = workbook();
      language = languageOf(wb);
      firstContact = !hasCadansTabs(wb.sheetNames());
    }
  } catch {
    language = 'nl';
  }
  const words = catalogue(language).menu;
  if (firstContact) {
    // Nothing of Cadans's yet: the one step that matters, so a new team does not start with a refresh that fails.
    SpreadsheetApp.getUi().createMenu(words.title).addItem(words.setup, 'setupWorkbook').addSeparator().addItem(words.about, 'showAbout').addToUi();
    return;
  }
  SpreadsheetApp.getUi()
    .createMenu(words.title)
    .addItem(words.setup, 'setupWorkbook')
    .addItem(words.refresh, 'refreshNow')
    .addItem(words.prep, 'showPrepSidebar')
    .addItem(catalogue(language).accounts.menu, 'fillOrganisations')
    .addSeparator()
    .addItem(words.preview, 'previewReminders')
    .addItem(words.sendNow, 'sendRemindersNow')
    .addItem(words.remindersOn, 'enableReminders')
    .addItem(words.remindersOff, 'disableReminders')
    .addSeparator()
    .addItem(words.check, 'checkSetup')
    .addItem(words.about, 'showAbout')
    .addToUi();
}

/**
 * Runs when Cadans is installed as an add-on: the same menu as on open.
 * @param {Object} e The install event.
 */
export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as unknown as GoogleAppsScript.Events.SheetsOnOpen);
}

/**
 * Menu: creates the missing tabs, columns and settings, with drop-downs, date formats and status
 * colours. Never changes a cell that holds data; safe to run twice.
 */
export function setupWorkbook(): void {
  if (!permitted(['spreadsheet'])) return;
  const wb = workbook();
  const firstContact = !hasCadansTabs(wb.sheetNames());
  const result = underScriptLock(wb, () => runSetup(wb, new Date()));
  if (!result) return;
  const words = catalogue(result.language).ui;
  if (firstContact) return showFirstSteps(result.language, fill(words.setupDone, { tabs: result.addedTabs.length, columns: result.addedColumns.length }));
  const changed = result.addedTabs.length + result.addedColumns.length + result.addedSettings.length;
  const lines = [changed === 0 ? words.setupNothing : fill(words.setupDone, { tabs: result.addedTabs.length, columns: result.addedColumns.length })];
  const missing = result.missingColumns.filter((p) => p.column !== null);
  const leftAlone = result.missingColumns.filter((p) => p.column === null);
  if (missing.length > 0) {
    const columns = missing.map((p) => `${p.sheet}: ${p.column}`).join(', ');
    lines.push(fill(words.setupMissing, { count: missing.length, columns }));
  }
  if (leftAlone.length > 0) lines.push(fill(words.setupTabsLeftAlone, { tabs: leftAlone.map((p) => p.sheet).join(', ') }));
  tell(lines.join('\n\n'));
}

/** True when the spreadsheet holds a Relaties or Instellingen tab (either language): Cadans has been set up here. */
function hasCadansTabs(sheetNames: readonly string[]): boolean {
  return findTab(RELATIONS, sheetNames) !== null || findTab(SETTINGS, sheetNames) !== null;
}

/** After the first setup: what was made, and the three steps that follow, in the sheet's language. */
function showFirstSteps(language: Language, done: string): void {
  const words = catalogue(language).firstSteps;
  const steps = words.steps.map((step) => `<li style="margin:0 0 8px">${escapeHtml(step)}</li>`).join('');
  const html = `<div style="font:14px/1.45 Arial,sans-serif"><p>${escapeHtml(done)}</p><ol style="padding-left:20px">${steps}</ol><p style="color:#555">${escapeHtml(words.menu)}</p></div>`;
  try {
    SpreadsheetApp.getUi().showModalDialog(HtmlService.createHtmlOutput(html).setWidth(460).setHeight(340), words.title);
  } catch {
    console.log([done, ...words.steps, words.menu].join('\n'));
  }
}

/**
 * Menu: recomputes Next contact, Status and Days overdue for every relationship and logs the
 * problems found. Writes nothing if the computation fails.
 */
export function refreshNow(): void {
  if (!permitted(['spreadsheet'])) return;
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const wb = new AppsScriptWorkbook(ss);
  const language = languageOf(wb);
  toast(language === 'nl' ? 'Bezig met bijwerken…' : 'Refreshing…');
  try {
    const now = new Date();
    // The Vandaag tab says when the next morning mail goes, if reminders are on.
    const remindersOn = readSwitch()?.on ?? null;
    const result = underScriptLock(wb, () => runRefresh(wb, { today: wb.clock.dayOf(now), now, job: 'refreshNow', cellLink: cellLinker(ss), remindersOn }));
    if (!result) return;
    const words = catalogue(result.settings.language).ui;
    tell(fill(words.refreshDone, { relations: result.outcomes.length, ...result.counts, problems: result.problems.length }));
  } catch (error) {
    tell(fill(catalogue(language).ui.failed, { message: error instanceof Error ? error.message : String(error) }));
    throw error;
  }
}

/**
 * Menu: adds a row to Organisaties for every organisation in Relaties that has none (creating the
 * tab when missing), summing revenue still on contact rows, and says so; never changes a row.
 */
export function fillOrganisations(): void {
  const wb = workbook();
  const language = languageOf(wb);
  try {
    tell(runFillOrganisations(wb, new Date()).message);
  } catch (error) {
    tell(fill(catalogue(language).ui.failed, { message: error instanceof Error ? error.message : String(error) }));
    throw error;
  }
}

/**
 * A simple trigger: when one cell of the Pipeline tab's Fase column changes to another stage, it
 * stamps Fase sinds with today and adds a row to Pipeline-historie. It reads and writes only this
 * spreadsheet, as a simple trigger may (AuthMode.LIMITED). A paste or an edit of many cells carries
 * no e.value or e.oldValue (https://developers.google.com/apps-script/guides/triggers/events#google_sheets_events),
 * so it stamps nothing; the next refresh records such changes with its own date and logs them.
 * @param {Object} e The edit event.
 */
export function onEdit(e?: GoogleAppsScript.Events.SheetsOnEdit): void {
  if (!e || !e.range || e.value === undefined) return;
  try {
    const range = e.range;
    const sheet = range.getSheet();
    // Every edit anywhere runs this: leave at once unless it is on the Pipeline tab (no clock check, no reads).
    if (findTab(PIPELINE, [sheet.getName()]) === null) return;
    const wb = workbook();
    recordStageEdit(
      wb,
      { sheet: sheet.getName(), row: range.getRow(), column: range.getColumn(), numRows: range.getNumRows(), numColumns: range.getNumColumns(), oldValue: e.oldValue, value: e.value },
      wb.clock.dayOf(new Date()),
      () => sheet.getRange(range.getRow(), 1, 1, Math.max(1, sheet.getLastColumn())).getValues()[0],
    );
  } catch (error) {
    // Nobody can be told from a simple trigger; the next refresh records what was missed.
    console.log(`onEdit: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * The daily trigger's handler: refreshes the computed columns, then sends each team member's
 * morning digest, once per day, on send days only.
 */
export function dailyRun(): void {
  reminderJob('dailyRun');
}

/** A follow-up run, scheduled when the mail quota or the time limit stopped a run part-way. */
export function continueReminders(): void {
  reminderJob('continueReminders');
}

/** Menu: sends today's digests now (any day); digests already sent today are not sent again. */
export function sendRemindersNow(): void {
  const result = reminderJob('sendRemindersNow');
  if (!result) return;
  const o = result.outcome ?? { sent: [], failed: [], remaining: [] };
  const words = catalogue(result.plan.refresh.settings.language).reminders;
  tell(result.plan.noTeam ? words.noTeam : fill(words.sentNow, { sent: o.sent.length, already: result.plan.alreadySent.length, failed: o.failed.length, waiting: o.remaining.length }));
}

function reminderJob(job: ReminderJob): ReminderRunResult | null {
  if (job === 'sendRemindersNow') {
    if (!permitted(['sendMail', 'triggers', 'email'])) return null;
    // One sender: when reminders are on, only the account that sends them can send now.
    const current = readSwitch();
    const me = currentUser();
    if (current?.on && current.sender && me !== current.sender) {
      tell(fill(catalogue(languageOf(workbook())).platform.notSenderSendNow, { sender: current.sender }));
      return null;
    }
  }
  const result = runReminders(job);
  if (result === 'skipped') return null;
  if (result === 'busy') {
    // Another run holds the lock and is sending; say so rather than wait or send twice. Without
    // the lock, only an atomic append is safe beside that run's own Log rows.
    const wb = workbook();
    const language = languageOf(wb);
    LogTab.open(wb, language).appendAtomic({ time: new Date(), kind: 'run', message: catalogue(language).reminders.busy });
    if (job === 'sendRemindersNow') tell(catalogue(language).reminders.busy);
    return null;
  }
  return result;
}

/**
 * For a menu action: true when the person granted every scope it needs; otherwise a dialog names
 * what is missing (granular consent lets anyone untick a scope) and nothing is done.
 */
function permitted(needed: readonly ScopeKey[]): boolean {
  const missing = missingScopes(needed);
  if (missing.length === 0) return true;
  let language: Language = 'nl';
  try {
    if (!missing.includes('spreadsheet')) language = languageOf(workbook());
  } catch {
    language = 'nl';
  }
  tell(fill(catalogue(language).platform.missingScopesDialog, { scopes: scopeNames(missing, language) }));
  return false;
}

/**
 * Runs work that writes the Log under the script lock, which the reminder runs also hold, so that
 * no two runs append at the same last row. When another run holds it for long, says so instead.
 */
function underScriptLock<T>(wb: AppsScriptWorkbook, work: () => T): T | null {
  const lock = LockService.getScriptLock();
  if (!lock.tryLock(30_000)) {
    tell(catalogue(languageOf(wb)).sidebar.busy);
    return null;
  }
  try {
    return work();
  } finally {
    lock.releaseLock();
  }
}

/** Menu: shows today's digests in a dialog, exactly as they would be sent, sending nothing. */
export function previewReminders(): void {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const wb = new AppsScriptWorkbook(ss);
  const now = () => new Date();
  const plan = planReminders(wb, { today: wb.clock.dayOf(now()), now, job: 'previewReminders', respectSendDays: false, ...sheetLinks(ss, wb) }, false);
  const words = catalogue(plan.refresh.settings.language).reminders;
  // Every editor sees on whose behalf the mails go out (one switch, one sender: issue 9).
  const sender = `<p style="font:13px Arial;color:#555">${escapeHtml(switchLine(readSwitch(), plan.refresh.settings.language))}</p>`;
  const html = HtmlService.createHtmlOutput(sender + previewPage(plan)).setWidth(720).setHeight(640);
  SpreadsheetApp.getUi().showModalDialog(html, fill(words.previewTitle, { date: formatDay(plan.refresh.today) }));
}

/**
 * Menu: installs the one daily trigger at the hour in the settings (replacing any earlier one),
 * after making sure the team (who may receive mail) is set.
 */
export function enableReminders(): void {
  if (!permitted(['spreadsheet', 'triggers', 'sendMail', 'email'])) return;
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  let wb = workbook();
  let table = loadSettings(wb);
  const language = table.settings.language;
  const words = catalogue(language).reminders;
  let team = table.settings.reminders.team;
  const teamRow = table.rows.get('team');
  if (!team && teamRow !== undefined && table.problems.items.some((p) => p.row === teamRow)) {
    // The team typed something Cadans cannot read: never replace it with a guess.
    return tell(fill(words.teamUnreadable, { value: table.problems.items.find((p) => p.row === teamRow)!.value }));
  }
  if (!team) {
    const domain = ownersDomain(wb);
    if (!domain) return tell(words.teamUnknown);
    const ui = SpreadsheetApp.getUi();
    if (ui.alert(fill(words.teamProposal, { domain: `@${domain}` }), ui.ButtonSet.YES_NO) !== ui.Button.YES) return tell(words.teamUnknown);
    if (!table.rows.has('team')) {
      // Setup writes the Log: under the script lock, like every Log writer.
      if (!underScriptLock(wb, () => runSetup(wb, new Date(), language))) return;
      wb = workbook();
      table = loadSettings(wb);
    }
    const name = findTab(SETTINGS, wb.sheetNames())!;
    wb.sheet(name).write(table.rows.get('team')!, table.valueColumn!, [[`@${domain}`]]);
    team = `@${domain}`;
  }
  deleteTriggers(DAILY_HANDLER);
  const hour = table.settings.reminders.sendHour;
  ScriptApp.newTrigger(DAILY_HANDLER).timeBased().everyDays(1).atHour(hour).inTimezone(ss.getSpreadsheetTimeZone()).create();
  // One switch and one sender for every editor: this account's trigger sends; any other's does nothing.
  const me = currentUser();
  const previous = readSwitch();
  writeSwitch({ on: true, sender: me });
  const platform = catalogue(language).platform;
  const lines = [fill(words.enabled, { hour, timeZone: ss.getSpreadsheetTimeZone(), team }), fill(platform.senderIs, { sender: me })];
  if (previous?.on && previous.sender && previous.sender !== me) lines.push(fill(platform.previousSender, { previous: previous.sender }));
  tell(lines.join('\n\n'));
}

/** The domain most owners share: the proposal for the team when none is set. */
function ownersDomain(wb: AppsScriptWorkbook): string | null {
  const now = new Date();
  const result = computeRefresh(wb, { today: wb.clock.dayOf(now), now, job: 'enableReminders' });
  const counts = new Map<string, number>();
  for (const o of result.outcomes) {
    const owner = o.relation.owner;
    if (owner) counts.set(owner.slice(owner.indexOf('@') + 1), (counts.get(owner.slice(owner.indexOf('@') + 1)) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? null;
}

/** Menu: removes the daily trigger and any follow-up; no more mail is sent. */
export function disableReminders(): void {
  if (!permitted(['spreadsheet', 'triggers'])) return;
  // This account's own triggers go; another editor's trigger sees the switch off and does nothing.
  deleteTriggers(DAILY_HANDLER);
  deleteTriggers(FOLLOW_UP_HANDLER);
  const previous = readSwitch();
  writeSwitch({ on: false, sender: previous?.sender ?? null });
  const language = languageOf(workbook());
  const me = currentUser();
  const lines = [catalogue(language).reminders.disabled];
  if (previous?.on && previous.sender && previous.sender !== me) lines.push(fill(catalogue(language).platform.disabledBy, { sender: previous.sender }));
  tell(lines.join('\n\n'));
}

/** Menu: opens the conversation sidebar for the selected row. */
export function showPrepSidebar(): void {
  const language = languageOf(workbook());
  const html = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle(catalogue(language).sidebar.title);
  SpreadsheetApp.getUi().showSidebar(html);
}

/**
 * Called by the sidebar: what to show for the selected row (plain values only, no Dates).
 * @return {Object} The context for the page.
 */
export function getPrepContext(): PrepContext {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const wb = new AppsScriptWorkbook(ss);
  const range = ss.getActiveRange();
  const selection = range ? { sheet: range.getSheet().getName(), row: range.getRow() } : null;
  const now = new Date();
  return prepContext(wb, selection, wb.clock.dayOf(now), now);
}

/**
 * Called by the sidebar: logs a touchpoint and its next steps for the relationship in the given
 * row, once per request ID. A request that does not fit the sheet is refused with a message.
 * @param {Object} payload What the page collected.
 * @return {Object} The result and the updated card.
 */
export function logTouchpoint(payload: unknown) {
  const lock = LockService.getScriptLock();
  // One at a time: a double click's second call waits, then sees the first call's request ID.
  if (!lock.tryLock(20_000)) throw new Error(catalogue(languageOf(workbook())).sidebar.busy);
  try {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const wb = new AppsScriptWorkbook(ss);
    const now = new Date();
    return logPreparedTouchpoint(wb, payload, wb.clock.dayOf(now), now, documentRequestLog());
  } finally {
    lock.releaseLock();
  }
}

/**
 * Menu: checks on the real platform what no test can reach (time zones, Intl against Google's zone
 * data, permissions, who sends the reminders and when, the mail quota, the cells used, the tabs and
 * columns), shows them in a dialog to copy into a support question, and writes them to the Log.
 */
export function checkSetup(): void {
  if (!permitted(['spreadsheet'])) return;
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const wb = new AppsScriptWorkbook(ss);
  const language = languageOf(wb);
  const words = catalogue(language).platform;
  const now = new Date();
  const timeZone = ss.getSpreadsheetTimeZone();
  const lines: CheckLine[] = [...checkTimeZones(timeZone, Session.getScriptTimeZone(), language)];

  const clock = checkClock(timeZone, now);
  const bad = clock.probes.find((p) => p.intl !== p.utilities);
  const offset = (minutes: number | null) => (minutes === null ? '?' : `${minutes < 0 ? '-' : '+'}${String(Math.floor(Math.abs(minutes) / 60)).padStart(2, '0')}:${String(Math.abs(minutes) % 60).padStart(2, '0')}`);
  lines.push({ level: clock.agrees ? 'ok' : 'warn', text: fill(words.checkIntl, { n: clock.probes.length, result: clock.agrees ? words.checkOk : words.checkWarn }) });
  if (bad) lines.push({ level: 'warn', text: fill(words.checkIntlBad, { instant: bad.instant.toISOString(), intl: offset(bad.intl), utilities: offset(bad.utilities) }) });

  const all: ScopeKey[] = ['spreadsheet', 'sendMail', 'triggers', 'ui', 'email'];
  const missing = missingScopes(all);
  lines.push({
    level: missing.length === 0 ? 'ok' : 'warn',
    text: fill(words.checkScopes, { granted: all.length - missing.length, total: all.length, missing: missing.length ? ` (${fill(words.missingScopesLog, { scopes: scopeNames(missing, language), what: '' }).trim()})` : '' }),
  });

  const current = readSwitch();
  const state = switchLine(current, language);
  if (current?.on) {
    const hour = loadSettings(wb).settings.reminders.sendHour;
    const today = wb.clock.dayOf(now);
    const todayAt = wb.clock.instantOf(today).getTime() + hour * 3_600_000;
    const next = now.getTime() < todayAt ? today : today + 1;
    lines.push({ level: 'ok', text: fill(words.checkReminders, { state, next: `${formatDay(next)} ${hour}:00 (${timeZone})` }) });
  } else {
    lines.push({ level: current ? 'ok' : 'warn', text: fill(words.checkRemindersOff, { state }) });
  }
  if (!missing.includes('sendMail')) {
    const quota = MailApp.getRemainingDailyQuota();
    lines.push({ level: quota > 0 ? 'ok' : 'warn', text: fill(words.checkQuota, { n: quota }) });
  }

  const sizes: TabSize[] = ss.getSheets().map((sheet) => ({ name: sheet.getName(), rows: sheet.getMaxRows(), columns: sheet.getMaxColumns(), lastRow: sheet.getLastRow() }));
  lines.push(...checkCells(sizes, language), ...checkGrowth(wb, sizes, wb.clock.dayOf(now), language), ...checkTabs(wb, language));

  const text = formatCheck(lines, language);
  underScriptLock(wb, () => {
    const entries = [text.split('\n')[0], ...lines.filter((l) => l.level !== 'ok').map((l) => l.text)];
    LogTab.open(wb, language).append(entries.map((message) => ({ time: now, kind: 'run' as const, message: `${words.checkTitle}: ${message}` })));
  });
  try {
    const html = HtmlService.createHtmlOutput(`<pre style="font:13px monospace;white-space:pre-wrap">${escapeHtml(text)}</pre>`).setWidth(720).setHeight(560);
    SpreadsheetApp.getUi().showModalDialog(html, words.checkTitle);
  } catch {
    console.log(text);
  }
}

/** Menu: what Cadans is, its version, who sends the reminders, where the release notes are and how to update. */
export function showAbout(): void {
  const wb = workbook();
  const language = languageOf(wb);
  const words = catalogue(language).ui;
  const version = { version: __CADANS_VERSION__ };
  tell([fill(words.about, version), switchLine(readSwitch(), language), fill(words.aboutUpdate, version)].join('\n\n'));
}

/**
 * The date of the next touchpoint: the last contact plus the tier's months (A 1, B 3, C 6), with
 * month-end clamping like EDATE (31 Jan + 1 month = 28 Feb). Takes single cells or ranges; a blank
 * gives a blank.
 *
 * @param {Date|Array<Array<Date>>} last_contact The date of the last contact, or a range of them.
 * @param {string|Array<Array<string>>} tier The tier: A, B or C (also a, A-klant, Tier B), or a range.
 * @param {Array<Array<number>>} [cadence_months] Optional: three cells with the months for A, B and C.
 * @return {Date|Array<Array<Date>>} The date of the next contact.
 * @customfunction
 */
export function NEXT_TOUCHPOINT(last_contact: unknown, tier: unknown, cadence_months?: unknown) {
  return formulas.NEXT_TOUCHPOINT(formulaContext(), last_contact, tier, cadence_months);
}

/**
 * The status of a next contact on a reference date: overdue, due soon (within the window), on
 * track (te laat, binnenkort, op schema in a Dutch spreadsheet). Pass a cell holding today's date
 * (Settings > Today, kept by Cadans), not TODAY(): Sheets forbids volatile arguments.
 *
 * @param {Date|Array<Array<Date>>} next_contact The date of the next contact, or a range of them.
 * @param {Date} reference_date The day to judge on: a cell holding today's date.
 * @param {number} [due_soon_days] Optional: the due-soon window in days (default 7).
 * @return {string|Array<Array<string>>} The status label.
 * @customfunction
 */
export function TOUCHPOINT_STATUS(next_contact: unknown, reference_date: unknown, due_soon_days?: unknown) {
  return formulas.TOUCHPOINT_STATUS(formulaContext(), next_contact, reference_date, due_soon_days);
}

/**
 * ABC tiers by revenue: the largest relations that make the first 80% of the total are A (the one
 * crossing 80% included), the next 15% B, the rest C. Zero or blank revenue is C; equal revenues
 * get the same tier. With organisations, contacts of one organisation are summed first and each
 * row gets its organisation's tier (names match ignoring case, spacing and punctuation).
 *
 * @param {Array<Array<number>>} revenues The annual revenues, e.g. I2:I200.
 * @param {number} [a_share] Optional: the cumulative share for A (default 0.8).
 * @param {number} [b_share] Optional: the cumulative share for A and B together (default 0.95).
 * @param {Array<Array<string>>} [organisations] Optional: the organisation per revenue, e.g. D2:D200, to tier per organisation.
 * @return {Array<Array<string>>} A, B or C per revenue, in the same shape.
 * @customfunction
 */
export function RELATION_TIER(revenues: unknown, a_share?: unknown, b_share?: unknown, organisations?: unknown) {
  return formulas.RELATION_TIER(formulaContext(), revenues, a_share, b_share, organisations);
}

/**
 * Key-client risk of a set of revenues, as a two-column table: HHI (0-10,000), the largest
 * client's share, the top-5 share, the effective number of clients (10,000 / HHI) and the verdict
 * (below 1,000 low, 1,000-1,800 moderate, above 1,800 high). With organisations, the revenues of
 * one organisation's contacts count as one client (names match ignoring case, spacing and punctuation).
 *
 * @param {Array<Array<number>>} revenues The revenue per client, e.g. I2:I200. Blanks are skipped.
 * @param {Array<Array<string>>} [organisations] Optional: the organisation per revenue, e.g. D2:D200, to group by.
 * @return {Array<Array<string|number>>} Label and value, five rows.
 * @customfunction
 */
export function CONCENTRATION(revenues: unknown, organisations?: unknown) {
  return formulas.CONCENTRATION(formulaContext(), revenues, organisations);
}

