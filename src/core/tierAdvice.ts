// Tier advice: the tier the playbook's criteria point to, shown beside the team's own Tier and
// never written over it. Clients by revenue (ABC, as RELATION_TIER); candidates by placements,
// repeat placements and referrals.

import type { RelationType, Tier } from './parse';
import type { ReportSettings } from './report-settings';
import { abcTiers } from './tiers';

export interface AdviceInput {
  type: RelationType | null;
  revenue: number | null;
  placements: number | null;
  repeatPlacements: number | null;
  referrals: number | null;
}

export type AdviceReason = 'revenueShare' | 'repeatPlacements' | 'referrals' | 'placements' | 'fewPlacements';

export interface Advice {
  tier: Tier;
  reason: AdviceReason;
}

/**
 * One advice per relation, in input order; null for a relation without a type. Every client
 * takes part in the ABC split, a blank revenue counting as 0 (which is C). With `accountTiers`
 * (one per relation, issue 11) a client contact follows its account's tier: the playbook tiers
 * clients as organisations (high volume, strategic, long partnerships), not people.
 */
export function tierAdvice(relations: readonly AdviceInput[], settings: ReportSettings, accountTiers?: ReadonlyArray<Tier | null>): Array<Advice | null> {
  const clientIndexes = relations.map((r, i) => (r.type === 'client' ? i : -1)).filter((i) => i >= 0);
  const clientTiers = abcTiers(clientIndexes.map((i) => relations[i].revenue ?? 0), settings.abc.aShare, settings.abc.bShare);
  const byIndex = new Map(clientIndexes.map((i, n) => [i, clientTiers[n]]));
  const c = settings.candidateAdvice;
  return relations.map((r, i) => {
    if (r.type === 'client') return { tier: accountTiers?.[i] ?? byIndex.get(i)!, reason: 'revenueShare' };
    if (r.type !== 'candidate') return null;
    if ((r.repeatPlacements ?? 0) >= c.aRepeatPlacements) return { tier: 'A', reason: 'repeatPlacements' };
    if ((r.referrals ?? 0) >= c.aReferrals) return { tier: 'A', reason: 'referrals' };
    if ((r.placements ?? 0) >= c.bPlacements) return { tier: 'B', reason: 'placements' };
    return { tier: 'C', reason: 'fewPlacements' };
  });
}
