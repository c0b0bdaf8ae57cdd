// The week plan over a refresh's outcomes: which relationships are planned on which working day
// of their owner's (src/core/plan.ts holds the rule). Read here: the Team tab's capacities and last
// run's `Gepland` cells, so the plan stays put from run to run.

import { addMonths, type Day } from '../core/dates';
import { needsAttention } from '../core/health';
import { isBlank, type ParseContext, parseDay } from '../core/parse';
import type { Digest, DigestCandidate, DigestItem, DigestSchedule } from '../core/digest';
import { type Plan, type PlanItem, planSummary, planTouchpoints } from '../core/plan';
import type { RelationRecord } from '../workbook/relations';
import type { Settings } from '../workbook/settings';
import type { TeamCapacity } from '../workbook/team';

export interface PlanOutcome {
  relation: RelationRecord;
  status: string;
  nextContact: Day | null;
  lastContact: Day | null;
  health: { score: number } | null;
}

/** The key of a relationship in the plan: its sheet row, unique within a run (padded, so keys sort as rows do). */
export const planKey = (row: number): string => String(row).padStart(7, '0');

/**
 * `previousPlanned` gives the raw `Gepland` cell per sheet row (unreadable cells count as empty:
 * the column is Cadans's own and is rewritten now).
 */
export function weekPlan(
  outcomes: readonly PlanOutcome[],
  previousPlanned: (row: number) => unknown,
  team: TeamCapacity,
  settings: Settings,
  today: Day,
  ctx: ParseContext,
): Plan {
  const minutes = settings.reports.touchpointMinutes;
  const items: PlanItem[] = [];
  for (const o of outcomes) {
    const r = o.relation;
    if (o.status === 'inactive' || o.nextContact === null || r.tier === null || !r.owner) continue;
    // A snoozed relationship is not due before its snooze ends.
    const due = r.snoozeUntil !== null && r.snoozeUntil > today ? Math.max(o.nextContact, r.snoozeUntil) : o.nextContact;
    const cell = previousPlanned(r.row);
    const parsed = isBlank(cell) ? null : parseDay(cell, ctx);
    items.push({
      key: planKey(r.row),
      owner: r.owner,
      due,
      minutes: minutes[r.type ?? 'client'][r.tier],
      tier: r.tier,
      attention: needsAttention(o),
      intervalDays: addMonths(today, settings.cadence.monthsPerTier[r.tier]) - today,
      previous: parsed && parsed.ok ? parsed.value : null,
      health: o.health?.score ?? null,
    });
  }
  // Every owner with an active relationship, and everyone on the Team tab, even with nothing due.
  const owners = new Set<string>(team.owners.keys());
  for (const o of outcomes) if (o.status !== 'inactive' && o.relation.owner) owners.add(o.relation.owner);
  return planTouchpoints(items, {
    owners: [...owners],
    today,
    horizonDays: settings.plan.horizonDays,
    skipHolidays: settings.reminders.skipHolidays,
    capacityOf: team.capacityOf,
  });
}

/**
 * Puts the plan into each owner's digest: the items planned for today first (in the plan's
 * order), then the rest as the digest ordered them; the coming days, the backlog and, when the
 * horizon overflows, what would clear it (tier-down candidates by name and ID).
 */
export function scheduleDigests(
  digests: readonly Digest[],
  plan: Plan,
  relations: ReadonlyMap<string, { name: string; id: string }>,
  /** Every candidate by plan key: a relationship planned for today that the digest did not list yet (due later, or flagged) is added. */
  candidatesByKey: ReadonlyMap<string, DigestCandidate> = new Map(),
): void {
  const owners = new Map(plan.owners.map((o) => [o.owner, o]));
  for (const digest of digests) {
    const owner = owners.get(digest.owner);
    if (!owner) continue;
    const summary = planSummary(owner, plan);
    const order = new Map(summary.todayKeys.map((key, i) => [key, i]));
    const listed = new Set(digest.items.map((i) => planKey(i.row)));
    const extra: DigestItem[] = [];
    for (const key of summary.todayKeys) {
      const c = candidatesByKey.get(key);
      if (listed.has(key) || !c || c.nextContact === null || c.status === 'inactive') continue;
      extra.push({ ...c, status: c.status, nextContact: c.nextContact });
    }
    const today = [...digest.items, ...extra].filter((i) => order.has(planKey(i.row))).sort((a, b) => order.get(planKey(a.row))! - order.get(planKey(b.row))!);
    const rest = digest.items.filter((i) => !order.has(planKey(i.row)));
    digest.items = [...today, ...rest];
    const schedule: DigestSchedule = {
      plannedToday: today.length,
      todayMinutes: summary.todayMinutes,
      minutesPerDay: summary.minutesPerDay,
      week: summary.week,
      backlog: summary.backlog,
      overflow: summary.overflow && {
        ...summary.overflow,
        tierDown: summary.overflow.tierDown.map((key) => {
          const r = relations.get(key);
          return r ? (r.id ? `${r.name} (${r.id})` : r.name) : key;
        }),
      },
    };
    digest.plan = schedule;
  }
}
