// Relationship health, 0-100, as a sum of visible parts, so that the Waarom column can say
// exactly where a score comes from (domain brief, section 2: response, referrals, repeat
// business, value add; red flags and opportunity signals).

import type { Status } from './cadence';
import type { RedFlag, Signal } from './vocabulary';

export interface HealthPoints {
  base: number;
  onSchedule: number;
  overdueMax: number;
  never: number;
  perRedFlag: number;
  perSignal: number;
  referrals: number;
  repeatBusiness: number;
  recentValueAdd: number;
  /** Issue 12: the latest after-sales satisfaction, added at 8 or more, subtracted at 5 or less. */
  satisfaction: number;
}

/**
 * The points of each part, the defaults of the Gezondheid settings. Cadans's weighting; the
 * playbook names the indicators, not weights.
 */
export const HEALTH_POINTS: HealthPoints = {
  base: 60,
  onSchedule: 10,
  /** Subtracted in full when a touchpoint is a whole interval (or more) late, in part before. */
  overdueMax: 40,
  never: 20,
  perRedFlag: 15,
  perSignal: 5,
  referrals: 5,
  repeatBusiness: 5,
  recentValueAdd: 5,
  satisfaction: 5,
};

/** Satisfaction (1-10) from which the after-sales answer adds points, and up to which it subtracts: Cadans's choice. */
export const SATISFIED_FROM = 8;
export const DISSATISFIED_UPTO = 5;

export type HealthPartKey = 'base' | 'onSchedule' | 'overdue' | 'never' | 'redFlag' | 'signal' | 'referrals' | 'repeatBusiness' | 'recentValueAdd' | 'satisfaction';

export interface HealthPart {
  key: HealthPartKey;
  points: number;
  /** The red flag or signal, for those parts; days overdue for the overdue part. */
  detail?: string | number;
}

export interface HealthInput {
  status: Exclude<Status, 'inactive'>;
  daysOverdue: number;
  /** Days from the last contact to the next: the length of this relationship's interval. */
  intervalDays: number | null;
  redFlags: readonly RedFlag[];
  signals: readonly Signal[];
  referrals: number | null;
  repeatPlacements: number | null;
  /** A value-add touchpoint (not "none") within the last interval. */
  recentValueAdd: boolean;
  /** Issue 12: the latest after-sales satisfaction (1-10) in the last 12 months; null without one. */
  satisfaction?: number | null;
}

export interface Health {
  score: number;
  parts: HealthPart[];
}

export function healthOf(input: HealthInput, points: HealthPoints = HEALTH_POINTS): Health {
  const P = points;
  const parts: HealthPart[] = [{ key: 'base', points: P.base }];
  if (input.status === 'never') parts.push({ key: 'never', points: -P.never });
  else if (input.status === 'overdue') {
    const interval = Math.max(1, input.intervalDays ?? 30);
    parts.push({ key: 'overdue', points: -Math.round(P.overdueMax * Math.min(1, input.daysOverdue / interval)), detail: input.daysOverdue });
  } else parts.push({ key: 'onSchedule', points: P.onSchedule });
  for (const flag of input.redFlags) parts.push({ key: 'redFlag', points: -P.perRedFlag, detail: flag });
  for (const signal of input.signals) parts.push({ key: 'signal', points: P.perSignal, detail: signal });
  if ((input.referrals ?? 0) > 0) parts.push({ key: 'referrals', points: P.referrals, detail: input.referrals! });
  if ((input.repeatPlacements ?? 0) > 0) parts.push({ key: 'repeatBusiness', points: P.repeatBusiness, detail: input.repeatPlacements! });
  if (input.recentValueAdd) parts.push({ key: 'recentValueAdd', points: P.recentValueAdd });
  const s = input.satisfaction ?? null;
  if (s !== null) parts.push({ key: 'satisfaction', points: s >= SATISFIED_FROM ? P.satisfaction : s <= DISSATISFIED_UPTO ? -P.satisfaction : 0, detail: s });
  const sum = parts.reduce((s, p) => s + p.points, 0);
  return { score: Math.max(0, Math.min(100, sum)), parts };
}

/**
 * A red flag raised and no contact since it was raised (or no `Rode vlag sinds` to tell): such a
 * relationship needs attention whatever its cadence says. The KPI tab's attention list, the week
 * plan (these first) and the Vandaag tab all use this one rule.
 */
export function needsAttention(o: { relation: { active: boolean; redFlags: readonly unknown[]; redFlagsSince: number | null }; lastContact: number | null }): boolean {
  const r = o.relation;
  return r.active && r.redFlags.length > 0 && (r.redFlagsSince === null || o.lastContact === null || o.lastContact <= r.redFlagsSince);
}
