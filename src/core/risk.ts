// Key-client risk and independence (domain brief, section 4): every client's share of revenue,
// the concentration figures exactly as CONCENTRATION computes them, which clients are key, what
// losing each would cost, and the independence scorecard.

import type { Day } from './dates';
import { type Concentration, concentrationOf } from './concentration';
import type { RelationType } from './parse';
import type { ReportSettings } from './report-settings';

export interface RevenueClient {
  id: string;
  name: string;
  organisation: string;
  type: RelationType | null;
  revenue: number | null;
  retainer: number | null;
}

export interface ClientShare {
  id: string;
  name: string;
  organisation: string;
  revenue: number;
  /** 0-1 of all client revenue. */
  share: number;
  /** This client's and every larger client's share together. */
  cumulativeShare: number;
  /** At or above the key-client threshold (default 20%). */
  key: boolean;
  /** At or above the significant-customer level (default 10%). */
  significant: boolean;
}

export interface StressTest {
  id: string;
  name: string;
  /** Share of revenue lost with this client. */
  lostShare: number;
  /**
   * How long the cash reserve carries the loss: reserve months ÷ lost share. The reserve is in
   * months of operating costs; taking costs as equal to revenue (an agency that breaks even), a
   * lost share s leaves a gap of s × monthly costs each month, so R months of costs last R ÷ s
   * months. Null when the reserve is not filled in.
   */
  monthsCarried: number | null;
}

export type Mark = 'good' | 'fair' | 'poor' | 'unknown' | 'info';

export interface ScoreLine {
  key: 'bookedAhead' | 'keyClientRisk' | 'recurringShare' | 'cashMonths' | 'proposalsPerWeek';
  /** Null: unknown (never a made-up figure). */
  figure: number | null;
  mark: Mark;
}

export interface RiskReport {
  clients: ClientShare[];
  totalRevenue: number;
  concentration: Concentration | null;
  stress: StressTest[];
  scorecard: ScoreLine[];
}

/** Weeks over which proposals are counted: a quarter, about one sales cycle (2-3 months). */
export const PROPOSAL_WEEKS = 13;

/**
 * Proposals sent per week over the last 13 weeks up to today, from the Pipeline's
 * "Voorstel verstuurd" dates; null when there is no pipeline to count in.
 */
export function proposalsPerWeek(sent: readonly Day[] | null, today: Day): number | null {
  if (sent === null) return null;
  const since = today - PROPOSAL_WEEKS * 7;
  return sent.filter((d) => d > since && d <= today).length / PROPOSAL_WEEKS;
}

/**
 * Clients are relations of type client (or without a type) with revenue above zero.
 * `proposals` is proposals per week, or null when unknown (no Pipeline tab): never made up.
 */
export function riskReport(relations: readonly RevenueClient[], settings: ReportSettings, proposals: number | null = null): RiskReport {
  const clients = relations.filter((r) => r.type !== 'candidate' && r.revenue !== null && r.revenue > 0);
  const totalRevenue = clients.reduce((sum, c) => sum + (c.revenue ?? 0), 0);
  const concentration = concentrationOf(clients.map((c) => c.revenue!));
  // Largest first; equal revenues by name, so the order never depends on the rows.
  const sorted = [...clients].sort((a, b) => b.revenue! - a.revenue! || a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  let cumulative = 0;
  const shares: ClientShare[] = sorted.map((c) => {
    const share = c.revenue! / totalRevenue;
    cumulative += c.revenue!;
    return {
      id: c.id,
      name: c.name,
      organisation: c.organisation,
      revenue: c.revenue!,
      share,
      cumulativeShare: cumulative / totalRevenue,
      key: share >= settings.keyClientShare,
      significant: share >= settings.significantClientShare,
    };
  });
  const reserve = settings.cashReserve.actualMonths;
  const stress = shares
    .filter((c) => c.key)
    .map((c) => ({ id: c.id, name: c.name, lostShare: c.share, monthsCarried: reserve === null ? null : reserve / c.share }));

  const retainerRevenue = clients.reduce((sum, c) => sum + 12 * (c.retainer ?? 0), 0);
  const atLeast = (figure: number | null, min: number, ideal: number): Mark =>
    figure === null ? 'unknown' : figure >= ideal ? 'good' : figure >= min ? 'fair' : 'poor';
  const recurring = totalRevenue > 0 ? retainerRevenue / totalRevenue : null;
  const recurringTarget = settings.targets.recurringShare;
  const largest = concentration?.largestShare ?? null;
  const scorecard: ScoreLine[] = [
    { key: 'bookedAhead', figure: settings.bookedAhead.actualDays, mark: atLeast(settings.bookedAhead.actualDays, settings.bookedAhead.minDays, settings.bookedAhead.idealDays) },
    {
      key: 'keyClientRisk',
      figure: largest,
      mark: largest === null ? 'unknown' : largest >= settings.keyClientShare ? 'poor' : largest >= settings.significantClientShare ? 'fair' : 'good',
    },
    {
      key: 'recurringShare',
      figure: recurring,
      mark: recurring === null ? 'unknown' : recurringTarget === null ? 'info' : recurring >= recurringTarget ? 'good' : 'poor',
    },
    { key: 'cashMonths', figure: reserve, mark: atLeast(reserve, settings.cashReserve.minMonths, settings.cashReserve.idealMonths) },
    {
      key: 'proposalsPerWeek',
      figure: proposals,
      mark: proposals === null ? 'unknown' : proposals >= settings.targets.proposalsPerWeek ? 'good' : 'poor',
    },
  ];
  return { clients: shares, totalRevenue, concentration, stress, scorecard };
}
