// The playbook's monthly KPIs (domain brief, section 3): is the cadence kept, what did the team
// do, are the success targets met, and where does the relationship time go.

import type { CadenceSettings } from './cadence';
import { addMonths, type Day, dayFromYmd, ymdFromDay } from './dates';
import type { RelationType, Tier } from './parse';
import type { ReportSettings } from './report-settings';
import type { ValueAdd } from './vocabulary';

/** A calendar month as year * 12 + (month - 1): consecutive months are consecutive numbers. */
export type MonthIndex = number;

export function monthOf(day: Day): MonthIndex {
  const { year, month } = ymdFromDay(day);
  return year * 12 + month - 1;
}

/** The twelve months ending with the one holding today, oldest first. */
export function lastTwelveMonths(today: Day): MonthIndex[] {
  const current = monthOf(today);
  return Array.from({ length: 12 }, (_, i) => current - 11 + i);
}

// ---- Cadence compliance -------------------------------------------------------------------

export interface DueTouchpoint {
  /** The day the touchpoint was due. */
  due: Day;
  onTime: boolean;
}

/**
 * The touchpoints a relationship was due for, derived from its contact history, up to today.
 *
 * After each contact a touchpoint is due the tier's months later (as NEXT_TOUCHPOINT counts). It
 * is done on time when the next contact falls on or before that due date plus the due-soon
 * window. When it does not, the due date is missed, and the relationship is due again one
 * interval later (and missed again, for every whole interval without contact). A late contact
 * that comes before the next of those due dates is not counted as on time for anything; it
 * starts a new interval. A due date whose window is still open today, with no contact yet, is
 * not counted (neither done nor missed yet). A relationship never contacted has no due dates
 * here (its status is "never"). The current tier applies to the whole history.
 *
 * `contacts` are the days of every contact up to today (touchpoints and the Last contact cell),
 * in any order, duplicates allowed.
 */
export function dueTouchpoints(contacts: readonly Day[], tier: Tier, today: Day, cadence: CadenceSettings): DueTouchpoint[] {
  const days = [...new Set(contacts.filter((d) => d <= today))].sort((a, b) => a - b);
  const out: DueTouchpoint[] = [];
  if (days.length === 0) return out;
  const months = cadence.monthsPerTier[tier];
  const window = cadence.dueSoonDays;
  let anchorIndex = 0;
  for (;;) {
    const anchor = days[anchorIndex];
    const nextIndex = anchorIndex + 1 < days.length ? anchorIndex + 1 : null;
    const next = nextIndex === null ? null : days[nextIndex];
    let restarted = false;
    for (let k = 0; ; k++) {
      // From the anchor each time, so month-end clamping never drifts (31 Jan, 28 Feb, 31 Mar).
      const due = addMonths(anchor, months * (k + 1));
      if (due > today) return out;
      if (next !== null && next <= due + window) {
        if (k === 0 || next >= due) out.push({ due, onTime: true });
        anchorIndex = nextIndex!;
        restarted = true;
        break;
      }
      if (next === null && today <= due + window) return out;
      out.push({ due, onTime: false });
    }
    if (!restarted) return out;
  }
}

export interface ComplianceCell {
  due: number;
  onTime: number;
  /** onTime ÷ due; null when nothing was due. */
  share: number | null;
}

export interface ComplianceRelation {
  owner: string | null;
  tier: Tier;
  dues: readonly DueTouchpoint[];
}

export interface Compliance {
  months: MonthIndex[];
  perMonth: ComplianceCell[];
  /** Per owner (blank owner as ''), over the twelve months. */
  perOwner: Array<{ owner: string; cell: ComplianceCell }>;
  perTier: Record<Tier, ComplianceCell>;
  total: ComplianceCell;
}

function cell(due: number, onTime: number): ComplianceCell {
  return { due, onTime, share: due > 0 ? onTime / due : null };
}

export function complianceOf(relations: readonly ComplianceRelation[], today: Day): Compliance {
  const months = lastTwelveMonths(today);
  const first = months[0];
  const counts = months.map(() => [0, 0]);
  const owners = new Map<string, [number, number]>();
  const tiers: Record<Tier, [number, number]> = { A: [0, 0], B: [0, 0], C: [0, 0] };
  const total: [number, number] = [0, 0];
  for (const r of relations) {
    for (const d of r.dues) {
      const m = monthOf(d.due) - first;
      if (m < 0 || m >= 12) continue;
      const add = (pair: [number, number] | number[]) => {
        pair[0]++;
        if (d.onTime) pair[1]++;
      };
      add(counts[m]);
      const owner = r.owner ?? '';
      if (!owners.has(owner)) owners.set(owner, [0, 0]);
      add(owners.get(owner)!);
      add(tiers[r.tier]);
      add(total);
    }
  }
  return {
    months,
    perMonth: counts.map(([due, onTime]) => cell(due, onTime)),
    perOwner: [...owners.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([owner, [due, onTime]]) => ({ owner, cell: cell(due, onTime) })),
    perTier: { A: cell(...tiers.A), B: cell(...tiers.B), C: cell(...tiers.C) },
    total: cell(...total),
  };
}

// ---- Monthly activity ---------------------------------------------------------------------

export interface ActivityTouchpoint {
  day: Day;
  valueAdd: ValueAdd | null;
  newOpportunity: boolean;
  referral: boolean;
}

export interface ActivityMonth {
  month: MonthIndex;
  touchpoints: number;
  newOpportunities: number;
  /** Touchpoints with a value add other than "none". */
  valueAdds: number;
  /** Value adds that were market insight. */
  insightsShared: number;
  referrals: number;
}

/** Touchpoints up to today in each of the last twelve months. */
export function activityOf(touchpoints: readonly ActivityTouchpoint[], today: Day): ActivityMonth[] {
  const months = lastTwelveMonths(today);
  const out = months.map((month) => ({ month, touchpoints: 0, newOpportunities: 0, valueAdds: 0, insightsShared: 0, referrals: 0 }));
  for (const t of touchpoints) {
    if (t.day > today) continue;
    const i = monthOf(t.day) - months[0];
    if (i < 0 || i >= 12) continue;
    const m = out[i];
    m.touchpoints++;
    if (t.newOpportunity) m.newOpportunities++;
    if (t.valueAdd !== null && t.valueAdd !== 'none') m.valueAdds++;
    if (t.valueAdd === 'marketInsight') m.insightsShared++;
    if (t.referral) m.referrals++;
  }
  return out;
}

// ---- Success indicators -------------------------------------------------------------------

export interface KpiRelation {
  id: string;
  name: string;
  organisation: string;
  type: RelationType | null;
  owner: string | null;
  tier: Tier | null;
  active: boolean;
  revenue: number | null;
  revenueLastYear: number | null;
  placements: number | null;
  repeatPlacements: number | null;
  referrals: number | null;
  clientSince: Day | null;
  departmentsKnown: number | null;
  departmentsServed: number | null;
}

export interface Indicator {
  key: 'existingBusiness' | 'referralsPerA' | 'retentionAB' | 'repeatPlacements';
  /** Null when the workbook holds nothing to compute it from. */
  figure: number | null;
  target: number;
  /** True when the figure meets the target; null when unknown. */
  met: boolean | null;
}

const isClient = (r: KpiRelation) => r.type !== 'candidate';

/**
 * - Business from existing relationships: revenue of clients whose Client since is before 1
 *   January of today's year, over the revenue of all clients whose Client since is filled in.
 * - Referrals per A relationship: each relationship's referrals of the last 12 months (issue 12:
 *   the dated `Referral = ja` touchpoints, the Referrals column only for one without any; the
 *   caller resolves them, core/referrals referralsInYear) summed over active A relationships, over their number.
 * - A/B retention: of the A and B clients with revenue last year, the share with revenue this year.
 * - Repeat placements: repeat placements over placements, over the rows with both filled in.
 */
export function indicatorsOf(relations: readonly KpiRelation[], today: Day, settings: ReportSettings): Indicator[] {
  const yearStart = dayFromYmd(ymdFromDay(today).year, 1, 1);
  const dated = relations.filter((r) => isClient(r) && r.clientSince !== null && (r.revenue ?? 0) > 0);
  const datedRevenue = dated.reduce((s, r) => s + r.revenue!, 0);
  const existingRevenue = dated.filter((r) => r.clientSince! < yearStart).reduce((s, r) => s + r.revenue!, 0);
  const existing = datedRevenue > 0 ? existingRevenue / datedRevenue : null;

  const aRelations = relations.filter((r) => r.active && r.tier === 'A');
  const referralsPerA = aRelations.length > 0 ? aRelations.reduce((s, r) => s + (r.referrals ?? 0), 0) / aRelations.length : null;

  const lastYear = relations.filter((r) => isClient(r) && (r.tier === 'A' || r.tier === 'B') && (r.revenueLastYear ?? 0) > 0);
  const retention = lastYear.length > 0 ? lastYear.filter((r) => (r.revenue ?? 0) > 0).length / lastYear.length : null;

  const placed = relations.filter((r) => r.repeatPlacements !== null && r.placements !== null);
  const placements = placed.reduce((s, r) => s + r.placements!, 0);
  const repeat = placements > 0 ? placed.reduce((s, r) => s + r.repeatPlacements!, 0) / placements : null;

  const t = settings.targets;
  const line = (key: Indicator['key'], figure: number | null, target: number): Indicator => ({ key, figure, target, met: figure === null ? null : figure >= target });
  return [
    line('existingBusiness', existing, t.existingBusinessShare),
    line('referralsPerA', referralsPerA, t.referralsPerA),
    line('retentionAB', retention, t.retentionAB),
    line('repeatPlacements', repeat, t.repeatPlacementShare),
  ];
}

export interface Penetration {
  id: string;
  name: string;
  organisation: string;
  known: number;
  served: number;
  /** served ÷ known. */
  share: number;
}

/** Account penetration of clients with departments known, lowest first (most room to grow). */
export function penetrationOf(relations: readonly KpiRelation[]): Penetration[] {
  return relations
    .filter((r) => isClient(r) && (r.departmentsKnown ?? 0) > 0)
    .map((r) => ({
      id: r.id,
      name: r.name,
      organisation: r.organisation,
      known: r.departmentsKnown!,
      served: r.departmentsServed ?? 0,
      share: (r.departmentsServed ?? 0) / r.departmentsKnown!,
    }))
    .sort((a, b) => a.share - b.share || a.name.localeCompare(b.name));
}

// ---- Attention split ----------------------------------------------------------------------

export interface Attention {
  /** Planned minutes a year per tier: touchpoint minutes × contacts a year (12 ÷ months). */
  minutesPerTier: Record<Tier, number>;
  /** Each tier's part of the planned minutes; null without any. */
  sharePerTier: Record<Tier, number | null>;
  target: Record<Tier, number>;
  /** Planned hours a month per owner (blank owner as ''), largest first. */
  hoursPerOwner: Array<{ owner: string; hoursPerMonth: number }>;
}

/** Over active relationships with a tier; a relationship without a type counts as a client. */
export function attentionOf(relations: readonly KpiRelation[], cadence: CadenceSettings, settings: ReportSettings): Attention {
  const minutes: Record<Tier, number> = { A: 0, B: 0, C: 0 };
  const owners = new Map<string, number>();
  for (const r of relations) {
    if (!r.active || r.tier === null) continue;
    const perTouch = settings.touchpointMinutes[r.type ?? 'client'][r.tier];
    const perYear = perTouch * (12 / cadence.monthsPerTier[r.tier]);
    minutes[r.tier] += perYear;
    const owner = r.owner ?? '';
    owners.set(owner, (owners.get(owner) ?? 0) + perYear);
  }
  const total = minutes.A + minutes.B + minutes.C;
  const share = (t: Tier) => (total > 0 ? minutes[t] / total : null);
  return {
    minutesPerTier: minutes,
    sharePerTier: { A: share('A'), B: share('B'), C: share('C') },
    target: settings.attentionShare,
    hoursPerOwner: [...owners.entries()]
      .map(([owner, perYear]) => ({ owner, hoursPerMonth: perYear / 12 / 60 }))
      .sort((a, b) => b.hoursPerMonth - a.hoursPerMonth || a.owner.localeCompare(b.owner)),
  };
}
