// After-sales (issue 12; domain brief: "after a placement, call: did everything go as hoped?").
// A placement touchpoint puts an after-sales call in Acties with a deadline; the call's answer
// (satisfaction 1-10) feeds health. Pure: which placements still need their call, and when.

import { addDays, addMonths, type Day } from './dates';
import { isPlacementKind } from './referrals';
import { nextWorkingDay } from './prep';

export interface AfterSalesTouch {
  relationId: string;
  day: Day;
  row: number;
  kind: string;
  satisfaction: number | null;
}

export interface AfterSalesAction {
  relationId: string;
  /** The placement's day: with the relationship, what makes the action unique. */
  placement: Day;
  due: Day;
}

/** The deadline of the after-sales call: `days` after the placement, on the next working day. */
export function afterSalesDue(placement: Day, days: number): Day {
  return nextWorkingDay(addDays(placement, days));
}

/**
 * The after-sales actions to add now. A placement touchpoint (Soort plaatsing) up to today gets one,
 * unless:
 * - an action for that placement already exists (`hasAction(relationId, placement)`, done or not:
 *   never twice for the same placement; two placement rows of one relationship on one day are one);
 * - the call was already made: an after-sales touchpoint (`isAfterSalesKind`), or one with a
 *   satisfaction, on or after the placement day;
 * - the placement is older than twice the term (Cadans's choice: history typed in later is not
 *   a call to plan now; a placement logged late still gets its call).
 */
export function afterSalesActions(
  touches: readonly AfterSalesTouch[],
  today: Day,
  days: number,
  hasAction: (relationId: string, placement: Day) => boolean,
  isAfterSalesKind: (kind: string) => boolean,
): AfterSalesAction[] {
  const out: AfterSalesAction[] = [];
  const seen = new Set<string>();
  const oldest = Math.max(addDays(today, -2 * days), addMonths(today, -12));
  // Each relationship's touchpoints, so that looking for the call after a placement reads only
  // that relationship's history, not every touchpoint again (hundreds of thousands in a big team).
  const byRelation = new Map<string, AfterSalesTouch[]>();
  for (const t of touches) {
    const list = byRelation.get(t.relationId);
    if (list) list.push(t);
    else byRelation.set(t.relationId, [t]);
  }
  for (const t of touches) {
    if (t.relationId === '' || t.day > today || t.day < oldest || !isPlacementKind(t.kind)) continue;
    const key = `${t.relationId}\u0000${t.day}`;
    if (seen.has(key) || hasAction(t.relationId, t.day)) continue;
    const called = byRelation.get(t.relationId)!.some((c) => c.day >= t.day && c.day <= today && (isAfterSalesKind(c.kind) || (c.satisfaction !== null && !isPlacementKind(c.kind))));
    if (called) continue;
    seen.add(key);
    out.push({ relationId: t.relationId, placement: t.day, due: afterSalesDue(t.day, days) });
  }
  return out.sort((a, b) => a.due - b.due || a.relationId.localeCompare(b.relationId));
}

/** The latest satisfaction (1-10) of the last twelve months, for health; null without one. */
export function latestSatisfaction(touches: ReadonlyArray<{ day: Day; row: number; satisfaction?: number | null }>, today: Day): number | null {
  const since = addMonths(today, -12);
  let best: { day: Day; row: number; satisfaction: number } | null = null;
  for (const t of touches) {
    if (t.satisfaction === null || t.satisfaction === undefined || t.day > today || t.day <= since) continue;
    if (best === null || t.day > best.day || (t.day === best.day && t.row > best.row)) best = { day: t.day, row: t.row, satisfaction: t.satisfaction };
  }
  return best?.satisfaction ?? null;
}
