// The morning reminders: refresh, decide whether today is a send day, plan one digest per team
// member, leave out what the Log says was already sent, and deliver the rest one by one, logging
// each right after it went out.
//
// Delivery is a generator that yields each mail and is told whether it went out, so the rules
// (quota and time checks, what is logged when) live here once, while the Apps Script shell sends
// synchronously with MailApp and the local shell asynchronously through SMTP or to files.

import type { Day } from '../core/dates';
import { type DigestCandidate, type DigestPlan, isTeamEmpty, type OpenAction, parseTeam, planDigests, sendDayVerdict, type SendDayVerdict } from '../core/digest';
import { readActions } from '../workbook/actions';
import { findTab, mapColumns } from '../workbook/headers';
import { parseContextOf } from '../workbook/settings';
import { columnLabel, type Problem, ProblemList } from '../workbook/problems';
import { catalogue, fill } from '../i18n/catalogue';
import { type ComposedMail, composeDigest } from '../mail/compose';
import { ACTIONS, RELATIONS, SETTINGS } from '../../sheets-templates/tabs';
import { withWorkbookName } from '../workbook/names';
import { displayName } from '../workbook/headers';
import type { WorkbookPort } from '../workbook/ports';
import { LogTab, type LogEntry } from './log';
import { addPipelineToDigests } from './pipeline';
import { computeRefresh, prepareRefresh, refresh, type RefreshResult } from './refresh';
import { candidates } from './candidates';
import { planKey, scheduleDigests } from './plan';

export { candidates };

export interface ReminderOptions {
  today: Day;
  now: () => Date;
  /** The job's name in the Log, e.g. `dailyRun`. */
  job: string;
  /** The daily run keeps to the send days; "send now" and previews do not. */
  respectSendDays: boolean;
  /** Who may receive mail when the Team setting is empty (none by default). */
  defaultTeam?: string | null;
  rowLink?: (row: number) => string | null;
  /** A link to the sheet, for a digest that names only the most urgent (issue 9). */
  sheetLink?: string | null;
  /** For the Vandaag tab the refresh rebuilds: a link to a cell of any tab. */
  cellLink?: (sheet: string, row: number, column: string | null) => string | null;
  remindersOn?: boolean | null;
  /** The local runner: its messages and mails name no Sheets menu. */
  local?: boolean;
}

export interface OutgoingDigest extends ComposedMail {
  owner: string;
  count: number;
}

export interface ReminderPlan {
  refresh: RefreshResult;
  /** The Log, opened once for the run: where sent digests are looked up and recorded. */
  log: LogTab;
  verdict: SendDayVerdict;
  /** True when no team is set: nothing is sent, and the Log says why. */
  noTeam: boolean;
  digests: DigestPlan | null;
  /** Digests to send now, in order. */
  pending: OutgoingDigest[];
  /** Owners whose digest for today the Log already records. */
  alreadySent: string[];
  problems: Problem[];
  /** A follow-up's refresh, computed but not yet written: written after sending, if time allows. */
  pendingRefresh: (() => void) | null;
  /** Planned by the local runner (no Sheets menu to name). */
  local?: boolean;
  /** The Instellingen tab's name as the workbook has it, for messages that point there. */
  settingsSheet?: string | null;
}

/**
 * `uncertain`: the server took the message but never confirmed it (the local runner's SMTP; issue
 * 25). It may have arrived: logged as sent with `error` as its message, so no run sends it again today.
 */
export type SendResult = { ok: true } | { ok: false; error: string; uncertain?: boolean };

export interface DeliveryOutcome {
  sent: OutgoingDigest[];
  failed: Array<{ digest: OutgoingDigest; error: string }>;
  /** Why delivery stopped before the end, if it did; the rest waits for the follow-up run. */
  stoppedFor: 'quota' | 'time' | null;
  remaining: OutgoingDigest[];
  /** Taken by the server but never confirmed: logged as possibly delivered, not sent again today. */
  uncertain?: OutgoingDigest[];
}

/**
 * Everything up to sending: with `write`, the refresh writes its columns and Log lines (the
 * daily run); without, nothing is written (the preview).
 */
export function planReminders(workbook: WorkbookPort, options: ReminderOptions, write: boolean, deferRefresh = false): ReminderPlan {
  const refreshOptions = { today: options.today, now: options.now(), job: options.job, cellLink: options.cellLink, remindersOn: options.remindersOn };
  let pendingRefresh: (() => void) | null = null;
  let result: RefreshResult;
  if (write && deferRefresh) {
    // A follow-up: plan from the computed refresh, send, and write the refresh only if time allows.
    const prepared = prepareRefresh(workbook, refreshOptions);
    result = prepared.result;
    pendingRefresh = prepared.write;
  } else {
    result = write ? refresh(workbook, refreshOptions) : computeRefresh(workbook, refreshOptions);
  }
  const { settings } = result;
  const language = settings.language;
  const words = catalogue(language);
  const reminders = settings.reminders;
  // A preview only looks: it must not create the Log or add its columns.
  const log = LogTab.open(workbook, language, { readOnly: !write });
  // Messages that point at Instellingen > Team name the tab as this workbook has it.
  const settingsSheet = findTab(SETTINGS, workbook.sheetNames()) ?? null;
  const base = { refresh: result, log, digests: null, pending: [], alreadySent: [], problems: [], pendingRefresh, local: options.local ?? false, settingsSheet };
  const verdict = options.respectSendDays ? sendDayVerdict(options.today, reminders.sendDays, reminders.skipHolidays) : ({ send: true } as const);
  if (!verdict.send) return { ...base, verdict, noTeam: false };

  const team = parseTeam(reminders.team ?? options.defaultTeam ?? '').team;
  if (isTeamEmpty(team)) return { ...base, verdict, noTeam: true };

  const open = result.actions;
  const all = candidates(result);
  const digests = planDigests(all, options.today, team, open.actions, settings.cadence.dueSoonDays);
  // The morning mail follows the week plan: today's planned relationships first.
  if (result.plan) {
    const names = new Map(result.relations.map((r) => [planKey(r.row), { name: r.name, id: r.id }]));
    scheduleDigests(digests.digests, result.plan, names, new Map(all.map((c) => [planKey(c.row), c])));
  }
  const problems: Problem[] = [];
  // The Pipeline's dropped leads to approach again and stalled prospects, in their owners' mail.
  if (result.pipeline) {
    const pipeline = result.pipeline;
    const reach = addPipelineToDigests(digests.digests, pipeline, options.today, team);
    for (const { owner, rows } of reach.notOnTeam) {
      problems.push({ sheet: pipeline.sheet, row: rows[0], column: pipeline.ownerColumn, value: owner, message: withWorkbookName(fill(words.reminders.notOnTeam, { rows: rows.join(', ') }), SETTINGS, settingsSheet) });
    }
    for (const row of reach.withoutOwner) problems.push({ sheet: pipeline.sheet, row, column: pipeline.ownerColumn, value: '', message: words.reminders.noOwner });
  }
  const relationsSheet = result.relationsSheet ?? displayName(RELATIONS, language);
  const ownerColumn = result.ownerColumn;
  for (const { owner, rows } of digests.notOnTeam) {
    problems.push({ sheet: relationsSheet, row: rows[0], column: ownerColumn, value: owner, message: withWorkbookName(fill(words.reminders.notOnTeam, { rows: rows.join(', ') }), SETTINGS, settingsSheet) });
  }
  for (const row of digests.withoutOwner) {
    problems.push({ sheet: relationsSheet, row, column: ownerColumn, value: '', message: words.reminders.noOwner });
  }
  for (const { row, owner } of digests.unreachableActions) {
    problems.push({ sheet: open.sheet, row, column: open.ownerColumn, value: owner ?? '', message: owner ? words.digest.actionNotOnTeam : words.digest.actionNoOwner });
  }
  // A relationship's own address never receives anything, even if someone typed it as owner.
  const relationAddresses = new Set(result.outcomes.map((o) => o.relation.email).filter((e): e is string => !!e));
  const allowed = digests.digests.filter((d) => {
    if (!relationAddresses.has(d.owner)) return true;
    problems.push({ sheet: relationsSheet, row: d.items[0]?.row ?? null, column: ownerColumn, value: d.owner, message: words.reminders.ownerIsRelation });
    return false;
  });

  const sent = log.sentOn(options.today);
  const alreadySent = allowed.filter((d) => sent.has(d.owner)).map((d) => d.owner);
  const agenda = (type: 'client' | 'candidate' | null, tier: 'A' | 'B' | 'C') => reminders.agendas[type ?? 'client'][tier];
  const pending = allowed
    .filter((d) => !sent.has(d.owner))
    .map((d) => ({
      ...composeDigest(d, {
        language,
        dueSoonDays: settings.cadence.dueSoonDays,
        agenda,
        rowLink: options.rowLink ?? (() => null),
        maxItems: reminders.maxDigestItems,
        sheetLink: options.sheetLink ?? null,
        local: options.local,
        snoozeColumn: result.snoozeColumn ?? null,
      }),
      owner: d.owner,
      count: d.items.length + (d.pipeline?.length ?? 0) + (d.attention?.length ?? 0),
    }));
  return { ...base, verdict, noTeam: false, digests, pending, alreadySent, problems };
}

export interface DeliveryLimits {
  /** Recipients the mail service still allows today. */
  remainingQuota: () => number;
  /** False when the run must stop to stay clear of the platform's time limit. */
  timeLeft: () => boolean;
}

/**
 * Yields each pending digest and expects to be told whether it was sent. A sent digest is logged
 * at once; a failed one is logged as a problem and stays unsent for the next run; when the quota
 * or the time runs out, delivery stops before sending and the rest waits.
 */
export function* deliver(plan: ReminderPlan, limits: DeliveryLimits, now: () => Date): Generator<OutgoingDigest, DeliveryOutcome, SendResult> {
  const words = catalogue(plan.refresh.settings.language);
  const outcome: DeliveryOutcome = { sent: [], failed: [], stoppedFor: null, remaining: [] };
  for (let i = 0; i < plan.pending.length; i++) {
    const digest = plan.pending[i];
    if (!limits.timeLeft()) outcome.stoppedFor = 'time';
    else if (limits.remainingQuota() < 1) outcome.stoppedFor = 'quota';
    if (outcome.stoppedFor) {
      outcome.remaining = plan.pending.slice(i);
      break;
    }
    const result = yield digest;
    if (result.ok) {
      plan.log.append([{ time: now(), kind: 'sent', day: plan.refresh.today, owner: digest.owner, count: digest.count, message: digest.subject }]);
      outcome.sent.push(digest);
      continue;
    }
    if (result.uncertain) {
      // At most once rather than twice: the Log counts it as today's mail to this owner.
      plan.log.append([{ time: now(), kind: 'sent', day: plan.refresh.today, owner: digest.owner, count: digest.count, message: result.error }]);
      (outcome.uncertain ??= []).push(digest);
      continue;
    }
    plan.log.append([{ time: now(), kind: 'problem', value: digest.owner, message: fill(words.reminders.sendFailed, { owner: digest.owner, error: result.error }) }]);
    // Another script of the account may have used the quota between the check and the send: then
    // this digest waits with the rest for the follow-up run, rather than counting as failed.
    if (limits.remainingQuota() < 1) {
      outcome.stoppedFor = 'quota';
      outcome.remaining = plan.pending.slice(i);
      break;
    }
    outcome.failed.push({ digest, error: result.error });
  }
  return outcome;
}

/**
 * The Log lines that close a reminder run: what was sent, skipped or left for later, and why.
 * `written`: the local runner wrote the digests as .eml files, and the line says so (issue 14).
 */
export function closingEntries(plan: ReminderPlan, outcome: DeliveryOutcome | null, now: Date, job: string, written = false): LogEntry[] {
  const words = catalogue(plan.refresh.settings.language).reminders;
  const entries: LogEntry[] = plan.problems.map((p) => ({ time: now, kind: 'problem' as const, sheet: p.sheet, row: p.row, column: p.column, value: p.value, message: p.message }));
  if (!plan.verdict.send) {
    const reason = plan.verdict.reason === 'holiday' ? plan.verdict.holiday[plan.refresh.settings.language] : words.notASendDay;
    entries.push({ time: now, kind: 'run', message: fill(words.skipped, { job, reason }) });
    return entries;
  }
  if (plan.noTeam) {
    entries.push({ time: now, kind: 'problem', message: withWorkbookName(plan.local ? words.noTeamLocal : words.noTeam, SETTINGS, plan.settingsSheet) });
    return entries;
  }
  const o = outcome ?? { sent: [], failed: [], stoppedFor: null, remaining: [] };
  entries.push({
    time: now,
    kind: 'run',
    message: fill(written ? words.summaryWritten : words.summary, { job, sent: o.sent.length, already: plan.alreadySent.length, failed: o.failed.length, waiting: o.remaining.length }),
  });
  if (o.stoppedFor) entries.push({ time: now, kind: 'stopped', message: fill(o.stoppedFor === 'quota' ? words.stoppedQuota : words.stoppedTime, { n: o.remaining.length }) });
  return entries;
}
