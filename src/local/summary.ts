// The short report `cadans run` prints: totals, work per owner and every problem with its place.

import { formatDay } from '../core/dates';
import { catalogue, fill } from '../i18n/catalogue';
import type { RefreshResult } from '../engine/refresh';
import { closingEntries, type DeliveryOutcome, type ReminderPlan } from '../engine/reminders';

/** Problems the summary lists one by one (Cadans's choice: a screenful). */
export const SUMMARY_PROBLEMS = 20;

export function formatSummary(result: RefreshResult, file: string, written: string): string[] {
  const words = catalogue(result.settings.language);
  const lines = [
    fill(words.cli.summaryTitle, { file, date: formatDay(result.today) }),
    fill(words.cli.relations, { count: result.outcomes.length }),
    fill(words.cli.statusLine, { ...result.counts }),
  ];
  const perOwner = new Map<string, { never: number; overdue: number; dueSoon: number }>();
  for (const o of result.outcomes) {
    const owner = o.relation.owner ?? words.cli.noOwner;
    const entry = perOwner.get(owner) ?? { never: 0, overdue: 0, dueSoon: 0 };
    if (o.status === 'never' || o.status === 'overdue' || o.status === 'dueSoon') entry[o.status]++;
    perOwner.set(owner, entry);
  }
  lines.push(words.cli.perOwner);
  for (const [owner, c] of [...perOwner].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(`  ${owner}: ${c.never} + ${c.overdue} + ${c.dueSoon}`);
  }
  lines.push(fill(words.cli.problems, { count: result.problems.length }));
  // A terminal shows the first ones; the Log (and the Vandaag tab) hold them all.
  for (const p of result.problems.slice(0, SUMMARY_PROBLEMS)) {
    const place = [p.sheet, p.row === null ? null : fill(words.cli.row, { row: p.row }), p.column].filter(Boolean).join(', ');
    lines.push(`  ${place}: ${p.value ? `'${p.value}': ` : ''}${p.message}`);
  }
  if (result.problems.length > SUMMARY_PROBLEMS) lines.push(fill(words.cli.problemsMore, { count: result.problems.length - SUMMARY_PROBLEMS }));
  lines.push(fill(words.cli.written, { path: written }));
  return lines;
}

/**
 * What happened to the morning mail, in the workbook's language: "3 ochtendmails geschreven naar
 * out/outbox" when only .eml files were written, "verstuurd" only when an SMTP server took them.
 * Problems and a skipped day are told as the Log tells them.
 */
export function formatReminderSummary(plan: ReminderPlan, outcome: DeliveryOutcome | null, destination: { outbox: string } | { smtp: string }): string[] {
  const language = plan.refresh.settings.language;
  const words = catalogue(language).cli;
  const told = plan.verdict.send && !plan.noTeam;
  const lines = closingEntries(plan, outcome, new Date(0), 'cadans run')
    // The Log's count line gives way to one that says where the mails went (a folder or a server).
    .filter((e) => !(told && e.kind === 'run'))
    .map((e) => (e.kind === 'problem' && e.sheet ? `  ${[e.sheet, e.row ? fill(words.row, { row: e.row }) : null, e.column].filter(Boolean).join(', ')}: '${e.value}': ${e.message}` : e.message));
  if (!told) return lines;
  const o = outcome ?? { sent: [], failed: [], stoppedFor: null, remaining: [] };
  const mails = o.sent.length === 1 ? words.mailOne : fill(words.mailMany, { count: o.sent.length });
  const head = 'smtp' in destination ? fill(words.mailsSent, { job: 'cadans run', mails, destination: destination.smtp }) : fill(words.mailsWritten, { job: 'cadans run', mails, destination: destination.outbox });
  const more = [
    plan.alreadySent.length ? fill(words.mailsAlready, { count: plan.alreadySent.length }) : null,
    o.uncertain?.length ? fill(catalogue(language).localMail.uncertainCount, { count: o.uncertain.length }) : null,
    o.failed.length ? fill(words.mailsFailed, { count: o.failed.length }) : null,
    o.remaining.length ? fill(words.mailsWaiting, { count: o.remaining.length }) : null,
  ].filter((part): part is string => part !== null);
  return [more.length ? `${head}; ${more.join('; ')}` : head, ...lines];
}
