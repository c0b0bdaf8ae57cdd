// ABC analysis: the relations that together bring the first 80% of revenue are A, the next 15% B,
// the rest C. The relation whose revenue crosses a boundary belongs to the better tier, and equal
// revenues always share a tier, so the ranking never depends on row order.

import type { Tier } from './parse';

export const DEFAULT_A_SHARE = 0.8;
export const DEFAULT_B_SHARE = 0.95;

/** One tier per revenue, in input order. Zero revenue is C. */
export function abcTiers(revenues: readonly number[], aShare = DEFAULT_A_SHARE, bShare = DEFAULT_B_SHARE): Tier[] {
  const total = revenues.reduce((sum, r) => sum + r, 0);
  const tiers: Tier[] = revenues.map(() => 'C');
  if (total <= 0) return tiers;
  const order = revenues.map((r, i) => i).sort((a, b) => revenues[b] - revenues[a]);
  let before = 0; // revenue of every larger relation
  let groupTier: Tier = 'A';
  let groupRevenue = NaN;
  for (const i of order) {
    const revenue = revenues[i];
    if (revenue <= 0) break;
    if (revenue !== groupRevenue) {
      const shareBefore = before / total;
      groupTier = shareBefore < aShare ? 'A' : shareBefore < bShare ? 'B' : 'C';
      groupRevenue = revenue;
    }
    tiers[i] = groupTier;
    before += revenue;
  }
  return tiers;
}
