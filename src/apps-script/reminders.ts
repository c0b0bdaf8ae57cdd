// The reminders' Apps Script side: the script lock, MailApp, the daily trigger and its follow-ups.
// What to send and what to log is decided by the engine (src/engine/reminders.ts).

import { closingEntries, deliver, type DeliveryOutcome, planReminders, type ReminderPlan, type SendResult } from '../engine/reminders';
import { catalogue, fill } from '../i18n/catalogue';
import { escapeHtml } from '../mail/compose';
import { RELATIONS } from '../../sheets-templates/tabs';
import { findTab } from '../workbook/headers';
import { AppsScriptWorkbook } from './spreadsheet';

export const DAILY_HANDLER = 'dailyRun';
export const FOLLOW_UP_HANDLER = 'continueReminders';
/** Apps Script stops a run at 6 minutes; stop sending well before, at a safe point. */
export const TIME_BUDGET_MS = 4.5 * 60 * 1000;
/** When the quota ran out, try again an hour later; after the time limit, a minute later; after a failed send, ten minutes later. */
const FOLLOW_UP_AFTER_MS = { quota: 60 * 60 * 1000, time: 60 * 1000, failure: 10 * 60 * 1000 };

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

/** A link to the relationship's row in the Relaties tab, for the digest. */
export function rowLinker(workbook: AppsScriptWorkbook, link: CellLinker): (row: number) => string | null {
  const name = findTab(RELATIONS, workbook.sheetNames());
  return name ? (row) => link(name, row, null) : () => null;
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

/**
 * One reminder run under the script lock. Returns null when another run holds the lock: that run
 * sends, this one must not (the Log then could not yet show what the other sent).
 */
export function runReminders(job: ReminderJob): ReminderRunResult | null {
  const started = Date.now();
  const lock = LockService.getScriptLock();
  if (!lock.tryLock(10_000)) return null;
  try {
    // A follow-up trigger fires once; remove spent ones so that triggers never pile up.
    if (job !== 'sendRemindersNow') deleteTriggers(FOLLOW_UP_HANDLER);
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    const workbook = new AppsScriptWorkbook(spreadsheet);
    const now = () => new Date();
    const link = cellLinker(spreadsheet);
    const plan = planReminders(
      workbook,
      {
        today: workbook.clock.dayOf(now()),
        now,
        job,
        respectSendDays: job !== 'sendRemindersNow',
        rowLink: rowLinker(workbook, link),
        cellLink: link,
      },
      true,
    );
    let outcome: DeliveryOutcome | null = null;
    if (plan.pending.length > 0) {
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
      if (outcome.stoppedFor) scheduleFollowUp(FOLLOW_UP_AFTER_MS[outcome.stoppedFor]);
      // A failed send gets one retry by a follow-up run; a follow-up's own failures wait for
      // the next daily run, so a broken address cannot keep the trigger firing all day.
      else if (outcome.failed.length > 0 && job !== FOLLOW_UP_HANDLER) scheduleFollowUp(FOLLOW_UP_AFTER_MS.failure);
    }
    plan.log.append(closingEntries(plan, outcome, now(), job));
    return { plan, outcome };
  } finally {
    lock.releaseLock();
  }
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
