// Relationship health, 0-100, as a sum of visible parts, so that the Waarom column can say
// exactly where a score comes from (domain brief, section 2: response, referrals, repeat
// business, value add; red flags and opportunity signals).

import type { Status } from './cadence';
import { kindMatcher, type RedFlag, type Signal } from './vocabulary';

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

export type HealthPartKey = 'base' | 'onSchedule' | 'overdue' | 'never' | 'redFlag' | 'signal' | 'referralRate' | 'repeatRate' | 'recentValueAdd' | 'satisfaction';

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
  /** Issue 12: referrals given in the last 12 months (core/referrals referralsInYear). */
  referrals: number | null;
  /** Issue 12: repeat placements over placements in the last 12 months, 0-1 (repeatShareInYear). */
  repeatShare: number | null;
  /** The yardsticks for full points: the playbook's 3 referrals a year and 60% repeat placements (the KPI targets). */
  referralTarget?: number;
  repeatTarget?: number;
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
  // Rates, not yes/no (issue 12): full points at the playbook's target, in proportion below it.
  const referralTarget = Math.max(1, input.referralTarget ?? 3);
  if ((input.referrals ?? 0) > 0) parts.push({ key: 'referralRate', points: Math.round(P.referrals * Math.min(1, input.referrals! / referralTarget)), detail: input.referrals! });
  const repeatTarget = input.repeatTarget && input.repeatTarget > 0 ? input.repeatTarget : 0.6;
  if ((input.repeatShare ?? 0) > 0) parts.push({ key: 'repeatRate', points: Math.round(P.repeatBusiness * Math.min(1, input.repeatShare! / repeatTarget)), detail: Math.round(input.repeatShare! * 100) });
  if (input.recentValueAdd) parts.push({ key: 'recentValueAdd', points: P.recentValueAdd });
  const s = input.satisfaction ?? null;
  if (s !== null) parts.push({ key: 'satisfaction', points: s >= SATISFIED_FROM ? P.satisfaction : s <= DISSATISFIED_UPTO ? -P.satisfaction : 0, detail: s });
  const sum = parts.reduce((s, p) => s + p.points, 0);
  return { score: Math.max(0, Math.min(100, sum)), parts };
}

/**
 * Repeat business over the last 12 months (issue 12): of the placements dated in Touchpoints in
 * that window, the share that followed an earlier placement of the same relationship (an earlier
 * placement touchpoint, or placements typed in the Plaatsingen column before the dated ones).
 * Without a dated placement in the window, the Relaties columns Herhaalplaatsingen ÷ Plaatsingen
 * (a count typed by hand); null when neither tells.
 */
export function repeatShareInYear(placementDays: readonly number[], placementsColumn: number | null, repeatColumn: number | null, today: number, yearAgo: number): number | null {
  const sorted = [...placementDays].filter((d) => d <= today).sort((a, b) => a - b);
  const inYear = sorted.map((d, i) => ({ d, i })).filter(({ d }) => d > yearAgo);
  if (inYear.length === 0) return placementsColumn !== null && placementsColumn > 0 && repeatColumn !== null ? Math.min(1, repeatColumn / placementsColumn) : null;
  const earlierByHand = (placementsColumn ?? 0) > sorted.length;
  const repeats = inYear.filter(({ i }) => i > 0 || earlierByHand).length;
  return repeats / inYear.length;
}

/** Soort words for an attempt that reached nobody (issue 12), Dutch and English; matched whole. */
export const ATTEMPT_KINDS: readonly string[] = ['poging', 'geen gehoor', 'voicemail', 'ingesproken', 'attempt', 'no answer'];

/** An attempt without a reaction: Reactie = nee, or a Soort for an attempt without Reactie = ja. */
export function isUnansweredAttempt(t: { kind: string; reaction?: boolean | null }): boolean {
  if (t.reaction === false) return true;
  return t.reaction !== true && isAttemptKind(t.kind);
}
const isAttemptKind = kindMatcher(ATTEMPT_KINDS);

/**
 * The attempts in a row without a reaction, counted back from the latest touchpoint up to today
 * (a touchpoint with a reaction ends the row). The flag "geen reactie" is suggested once this
 * reaches the setting (Geen reactie na pogingen, default 2) and the flag is not there yet.
 */
export function unansweredAttempts(touches: ReadonlyArray<{ day: number; row: number; kind: string; reaction?: boolean | null }>, today: number): number {
  // Most relationships have no attempt at all: no need to order their history.
  if (!touches.some((t) => t.day <= today && isUnansweredAttempt(t))) return 0;
  const sorted = touches.filter((t) => t.day <= today).sort((a, b) => b.day - a.day || b.row - a.row);
  let n = 0;
  for (const t of sorted) {
    if (!isUnansweredAttempt(t)) break;
    n++;
  }
  return n;
}

export function suggestsNoResponse(attempts: number, threshold: number, flags: readonly string[]): boolean {
  return attempts >= Math.max(1, threshold) && !flags.includes('noResponse');
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
