// The reminders' Apps Script side: the script lock, MailApp, the daily trigger and its follow-ups.
// What to send and what to log is decided by the engine (src/engine/reminders.ts).

import { closingEntries, deliver, type DeliveryOutcome, planReminders, type ReminderPlan, type SendResult } from '../engine/reminders';
import { LogTab, type LogEntry, reportRun } from '../engine/log';
import { languageOf } from '../engine/setup';
import { currentUser, missingScopes, readSwitch, scopeNames, switchLine, writeSwitch } from './platform';
import { catalogue, fill } from '../i18n/catalogue';
import { escapeHtml } from '../mail/compose';
import { RELATIONS } from '../../sheets-templates/tabs';
import { findTab } from '../workbook/headers';
import { AppsScriptWorkbook } from './spreadsheet';

export const DAILY_HANDLER = 'dailyRun';
export const FOLLOW_UP_HANDLER = 'continueReminders';
/** Apps Script stops a run at 6 minutes; stop sending well before, at a safe point. */
export const TIME_BUDGET_MS = 4.5 * 60 * 1000;
/**
 * After the time limit, try again a minute later; after a failed send, ten minutes later. After a
 * quota stop there is no follow-up (issue 20): the quota comes back 24 hours after its first use,
 * so an hourly follow-up only read the whole workbook every hour against the 90 minutes of
 * trigger time a day; the next morning's run sends.
 */
const FOLLOW_UP_AFTER_MS = { time: 60 * 1000, failure: 10 * 60 * 1000 };

export type ReminderJob = 'dailyRun' | 'continueReminders' | 'sendRemindersNow';

export interface ReminderRunResult {
  plan: ReminderPlan;
  outcome: DeliveryOutcome | null;
}

export type CellLinker = (sheet: string, row: number, column: string | null) => string | null;

/**
 * A link to a cell (or, without a column, a row) of any tab, for the Vandaag tab and the digest.
 * A tab's id and the spreadsheet's URL are asked once, when the first link needs them.
 */
export function cellLinker(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): CellLinker {
  let url: string | null = null;
  const ids = new Map<string, number | null>();
  return (name, row, column) => {
    if (!ids.has(name)) ids.set(name, spreadsheet.getSheetByName(name)?.getSheetId() ?? null);
    const id = ids.get(name);
    if (id === null || id === undefined) return null;
    url ??= spreadsheet.getUrl();
    return `${url}#gid=${id}&range=${column ?? 'A'}${row}`;
  };
}

/** Links into the Relaties tab: to a row, and to the tab (for the digest's count of the rest); and to any cell (the Vandaag tab). */
export function sheetLinks(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, workbook: AppsScriptWorkbook): { rowLink: (row: number) => string | null; sheetLink: string | null; cellLink: CellLinker } {
  const cellLink = cellLinker(spreadsheet);
  const name = findTab(RELATIONS, workbook.sheetNames());
  const first = name ? cellLink(name, 1, 'A') : null;
  if (!name || first === null) return { rowLink: () => null, sheetLink: null, cellLink };
  return { rowLink: (row) => cellLink(name, row, null), sheetLink: first.replace(/&range=A1$/, ''), cellLink };
}

/** A link to the relationship's row in the Relaties tab, for the digest. */
export function rowLinker(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, workbook: AppsScriptWorkbook): (row: number) => string | null {
  return sheetLinks(spreadsheet, workbook).rowLink;
}

export function deleteTriggers(handler: string): number {
  let deleted = 0;
  for (const trigger of ScriptApp.getProjectTriggers()) {
    if (trigger.getHandlerFunction() === handler) {
      ScriptApp.deleteTrigger(trigger);
      deleted++;
    }
  }
  return deleted;
}

function scheduleFollowUp(afterMs: number): void {
  deleteTriggers(FOLLOW_UP_HANDLER);
  ScriptApp.newTrigger(FOLLOW_UP_HANDLER).timeBased().after(afterMs).create();
}

/** Why a run did nothing: another run held the lock, or this trigger is not the reminders' sender. */
export type ReminderSkip = 'busy' | 'skipped';

/**
 * One reminder run under the script lock. 'busy' when another run holds the lock: that run sends,
 * this one must not (the Log then could not yet show what the other sent). 'skipped' when this
 * account's trigger is not the one that sends (issue 9): it removes itself and says so in the Log.
 */
export function runReminders(job: ReminderJob): ReminderRunResult | ReminderSkip {
  const started = Date.now();
  const lock = LockService.getScriptLock();
  if (!lock.tryLock(10_000)) return 'busy';
  try {
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    const workbook = new AppsScriptWorkbook(spreadsheet);
    const now = () => new Date();
    const trigger = job !== 'sendRemindersNow';
    const missing = missingScopes(['sendMail', 'triggers', 'email']);
    if (trigger && !isTheSender(workbook, job, now(), missing)) return 'skipped';
    // A follow-up trigger fires once; remove spent ones so that triggers never pile up.
    if (trigger && !missing.includes('triggers')) deleteTriggers(FOLLOW_UP_HANDLER);
    // A follow-up (after a failed send) with no quota left reads nothing: one Log line, then tomorrow.
    if (job === FOLLOW_UP_HANDLER && !missing.includes('sendMail') && MailApp.getRemainingDailyQuota() < 1) {
      const language = languageOf(workbook);
      LogTab.open(workbook, language).append([{ time: now(), kind: 'stopped', message: fill(catalogue(language).platform.followUpNoQuota, { job }) }]);
      return 'skipped';
    }
    const plan = planReminders(
      workbook,
      // A trigger gets here only as the sender of switched-on reminders; "send now" cannot tell.
      { today: workbook.clock.dayOf(now()), now, job, respectSendDays: trigger, remindersOn: trigger ? true : null, ...sheetLinks(spreadsheet, workbook) },
      true,
      // A follow-up sends first: its refresh is written afterwards, and only when time allows.
      job === FOLLOW_UP_HANDLER,
    );
    let outcome: DeliveryOutcome | null = null;
    const closing: LogEntry[] = [];
    if (plan.pending.length > 0 && missing.includes('sendMail')) {
      // Granular consent: mail was unticked. The sheet is refreshed; one Log line says why no mail went.
      const words = catalogue(plan.refresh.settings.language).platform;
      closing.push({ time: now(), kind: 'problem', message: fill(words.missingScopesLog, { scopes: scopeNames(['sendMail'], plan.refresh.settings.language), what: words.noMailSent }) });
    } else if (plan.pending.length > 0) {
      const delivery = deliver(plan, { remainingQuota: () => MailApp.getRemainingDailyQuota(), timeLeft: () => Date.now() - started < TIME_BUDGET_MS }, now);
      let step = delivery.next();
      while (!step.done) {
        const mail = step.value;
        let result: SendResult;
        try {
          MailApp.sendEmail({ to: mail.to, subject: mail.subject, body: mail.text, htmlBody: mail.html, name: 'Cadans' });
          result = { ok: true };
        } catch (error) {
          result = { ok: false, error: error instanceof Error ? error.message : String(error) };
        }
        step = delivery.next(result);
      }
      outcome = step.value;
      if (!missing.includes('triggers')) {
        if (outcome.stoppedFor === 'time') scheduleFollowUp(FOLLOW_UP_AFTER_MS.time);
        // A failed send gets one retry by a follow-up run; a follow-up's own failures wait for
        // the next daily run, so a broken address cannot keep the trigger firing all day.
        else if (outcome.failed.length > 0 && job !== FOLLOW_UP_HANDLER) scheduleFollowUp(FOLLOW_UP_AFTER_MS.failure);
      }
    }
    if (plan.pendingRefresh) {
      // Writing the refresh takes about as long again as computing it took.
      const computing = Date.now() - started;
      if (Date.now() - started + computing < TIME_BUDGET_MS) plan.pendingRefresh();
      else closing.push({ time: now(), kind: 'run', message: fill(catalogue(plan.refresh.settings.language).platform.followUpNoTime, { job }) });
    }
    reportRun(plan.log, [...closingEntries(plan, outcome, now(), job), ...closing], now(), plan.refresh.settings.reminders.logRunDays);
    return { plan, outcome };
  } finally {
    lock.releaseLock();
  }
}

/**
 * True when this account's trigger is the one that sends: reminders are on and this account turned
 * them on. A workbook from before the switch adopts the account whose trigger runs. Otherwise the
 * trigger removes this account's own reminder triggers (the only ones it can see) and logs one line.
 */
function isTheSender(workbook: AppsScriptWorkbook, job: ReminderJob, now: Date, missing: readonly string[]): boolean {
  const me = currentUser();
  const current = readSwitch();
  if (current === null && me) {
    writeSwitch({ on: true, sender: me });
    return true;
  }
  if (current === null) return true;
  if (current.on && current.sender && me === current.sender) return true;
  const language = languageOf(workbook);
  const words = catalogue(language).platform;
  const reason = me === '' && current.on ? words.unknownUser : switchLine(current, language);
  // Reminders off: any trigger of this account is spent. On, but this account unknown (its address
  // not granted): it may be the sender's own, so it stays and the Log says why nothing went out.
  if (!missing.includes('triggers') && (!current.on || me !== '')) {
    deleteTriggers(DAILY_HANDLER);
    deleteTriggers(FOLLOW_UP_HANDLER);
  }
  LogTab.open(workbook, language).append([{ time: now, kind: 'run', message: fill(words.notSender, { user: me || '?', reason: `${reason} (${job})` }) }]);
  return false;
}

/** The preview dialog's page: each digest as it would be sent, without sending anything. */
export function previewPage(plan: ReminderPlan): string {
  const words = catalogue(plan.refresh.settings.language).reminders;
  const parts = plan.pending.map(
    (mail) =>
      `<section style="margin:0 0 24px 0"><div style="font:bold 13px Arial;color:#555;margin-bottom:6px">${escapeHtml(fill(words.previewTo, { owner: mail.owner, subject: mail.subject }))}</div>${mail.body}</section><hr>`,
  );
  for (const owner of plan.alreadySent) parts.push(`<p style="font:13px Arial;color:#777">${escapeHtml(owner)}: ${escapeHtml(words.previewAlready)}</p>`);
  if (parts.length === 0) parts.push(`<p style="font:14px Arial">${escapeHtml(words.previewNone)}</p>`);
  return parts.join('\n');
}
