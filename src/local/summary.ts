// The short report `cadans run` prints: totals, work per owner and every problem with its place.

import { formatDay } from '../core/dates';
import { catalogue, fill } from '../i18n/catalogue';
import type { RefreshResult } from '../engine/refresh';
import { closingEntries, type DeliveryOutcome, type ReminderPlan } from '../engine/reminders';

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
  for (const p of result.problems) {
    const place = [p.sheet, p.row === null ? null : `${result.settings.language === 'nl' ? 'rij' : 'row'} ${p.row}`, p.column].filter(Boolean).join(', ');
    lines.push(`  ${place}: ${p.value ? `'${p.value}': ` : ''}${p.message}`);
  }
  lines.push(fill(words.cli.written, { path: written }));
  return lines;
}

/** What happened to the morning mail, in one or a few lines. */
export function formatReminderSummary(plan: ReminderPlan, outcome: DeliveryOutcome | null, destination: string): string[] {
  return closingEntries(plan, outcome, new Date(0), 'cadans run')
    .map((e) => (e.kind === 'problem' && e.sheet ? `  ${[e.sheet, e.row ? `${plan.refresh.settings.language === 'nl' ? 'rij' : 'row'} ${e.row}` : null, e.column].filter(Boolean).join(', ')}: '${e.value}': ${e.message}` : e.message))
    .concat(outcome && outcome.sent.length > 0 ? [`  → ${destination}`] : []);
}
