// The portfolio review (domain brief, section 7 "Reviews": deepen A, upgrade B, reassess C): one
// action per relationship that needs one, so that each heading says what to do and no
// relationship stands under two (issue 14). A relationship that needs nothing is not listed.

import type { Advice } from './tierAdvice';
import type { Tier } from './parse';

export type ReviewAction = 'upgrade' | 'deepen' | 'downgrade' | 'reassess';

/** The order the headings are shown in: first what grows the business, then what repairs it. */
export const REVIEW_ACTIONS: readonly ReviewAction[] = ['upgrade', 'deepen', 'downgrade', 'reassess'];

/**
 * Below this health an A needs deepening and a C reassessing (Cadans's choice: 70 is the base 60
 * plus the 10 for being on time, so a relationship below it is late, never contacted or flagged).
 */
export const REVIEW_HEALTH_BELOW = 70;

export interface ReviewInput {
  active: boolean;
  tier: Tier | null;
  advice: Advice | null;
  /** Null for an inactive relationship. */
  health: number | null;
}

const RANK: Record<Tier, number> = { A: 0, B: 1, C: 2 };

/**
 * The one action for a relationship, or null: a tier the playbook's criteria put higher (upgrade)
 * or lower (downgrade) first, as that changes everything after it; then an A or a C whose health
 * is below REVIEW_HEALTH_BELOW (deepen, reassess).
 */
export function reviewAction(r: ReviewInput): ReviewAction | null {
  if (!r.active || r.tier === null) return null;
  if (r.advice && r.advice.tier !== r.tier) return RANK[r.advice.tier] < RANK[r.tier] ? 'upgrade' : 'downgrade';
  const weak = r.health !== null && r.health < REVIEW_HEALTH_BELOW;
  if (weak && r.tier === 'A') return 'deepen';
  if (weak && r.tier === 'C') return 'reassess';
  return null;
}
