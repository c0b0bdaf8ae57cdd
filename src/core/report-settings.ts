// The numbers behind the KPI and Risico tabs, each the playbook's (domain brief, sections 1-4)
// unless it says otherwise; the Instellingen tab can change every one. Shares are fractions
// (0.8 is 80%). A null actual value means "not filled in": the tabs then say "unknown" rather
// than guess.

import { HEALTH_POINTS, type HealthPoints } from './health';
import type { RelationType, Tier } from './parse';

export interface ReportSettings {
  targets: {
    /** Share of revenue from clients that were clients before this year. */
    existingBusinessShare: number;
    /** Referrals per A relationship per year. */
    referralsPerA: number;
    /** Share of last year's A and B clients that still bring revenue. */
    retentionAB: number;
    /** Repeat placements as a share of all placements. */
    repeatPlacementShare: number;
    /** Proposals per week (52 a year). */
    proposalsPerWeek: number;
    /** Recurring (retainer) share of revenue; the playbook asks for "a high share" without a figure, so none by default. */
    recurringShare: number | null;
  };
  /** A client at or above this share of revenue is a key client. */
  keyClientShare: number;
  /** At or above this share a customer is "significant" (the 10% of IFRS 8.34). */
  significantClientShare: number;
  cashReserve: { minMonths: number; idealMonths: number; actualMonths: number | null };
  bookedAhead: { minDays: number; idealDays: number; actualDays: number | null };
  /** The playbook's 60/20/20 split of relationship attention. */
  attentionShare: Record<Tier, number>;
  /** Minutes of one touchpoint per relationship type and tier. */
  touchpointMinutes: Record<RelationType, Record<Tier, number>>;
  /** The ABC boundaries for clients' tier advice (as RELATION_TIER's a_share and b_share). */
  abc: { aShare: number; bShare: number };
  /** Candidates' tier advice: A from this many repeat placements or referrals, B from this many placements. */
  candidateAdvice: { aRepeatPlacements: number; aReferrals: number; bPlacements: number };
  /** The points of each part of the health score. */
  health: HealthPoints;
  /** Months of snapshots the Historie tab keeps (issue 11; Cadans's choice, two years). */
  historyMonths: number;
}

export const DEFAULT_REPORT_SETTINGS: ReportSettings = {
  targets: { existingBusinessShare: 0.8, referralsPerA: 3, retentionAB: 0.9, repeatPlacementShare: 0.6, proposalsPerWeek: 1, recurringShare: null },
  keyClientShare: 0.2,
  significantClientShare: 0.1,
  cashReserve: { minMonths: 3, idealMonths: 6, actualMonths: null },
  bookedAhead: { minDays: 30, idealDays: 60, actualDays: null },
  attentionShare: { A: 0.6, B: 0.2, C: 0.2 },
  touchpointMinutes: { client: { A: 20, B: 15, C: 10 }, candidate: { A: 15, B: 15, C: 10 } },
  abc: { aShare: 0.8, bShare: 0.95 },
  candidateAdvice: { aRepeatPlacements: 2, aReferrals: 2, bPlacements: 2 },
  health: HEALTH_POINTS,
  historyMonths: 24,
};
