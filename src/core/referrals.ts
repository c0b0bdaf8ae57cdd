// The referral engine (issue 12; domain brief: "ask at natural moments: after a successful
// placement, after praise, at a career step"). Pure: which touchpoint makes a referral moment,
// and how many referrals a relationship gave in the last twelve months.

import { addMonths, type Day } from './dates';
import type { Tier } from './parse';
import { kindMatcher } from './vocabulary';

/** What the referral rules read of a touchpoint. */
export interface ReferralTouch {
  day: Day;
  /** Sheet row: orders two touchpoints of the same day. */
  row: number;
  /** Soort. */
  kind: string;
  /** Referral = ja: a referral was given in this contact. */
  referral: boolean;
  /** Positief = ja: the contact went well (praise, a thank-you); absent means no. */
  positive?: boolean;
  /** Tevredenheid 1-10 (the after-sales answer); null or absent when not filled in. */
  satisfaction?: number | null;
}

/** Soort words for a placement touchpoint, Dutch and English; matched as a whole, any case. */
export const PLACEMENT_KINDS: readonly string[] = ['plaatsing', 'geplaatst', 'placement', 'placed'];

/**
 * A satisfaction of this or more counts as positive: Cadans's choice (the playbook speaks of
 * "praise", not of a score; 8 of 10 is the usual line between satisfied and promoter).
 */
export const POSITIVE_SATISFACTION = 8;

export const isPlacementKind: (kind: string) => boolean = kindMatcher(PLACEMENT_KINDS);

/** A touchpoint after which the playbook asks for a referral (and that did not already bring one). */
export function isReferralMomentTouch(t: ReferralTouch): boolean {
  if (t.referral) return false;
  return isPlacementKind(t.kind) || t.positive === true || (t.satisfaction !== null && t.satisfaction !== undefined && t.satisfaction >= POSITIVE_SATISFACTION);
}

/**
 * The referral moment of a relationship: its latest touchpoint up to today is a placement or went
 * well. The next morning-mail line of the relationship says so; any later touchpoint (the
 * conversation in which the question was asked, or one that went less well) ends the moment.
 * Returns the day of that touchpoint, or null.
 */
export function referralMoment(touches: readonly ReferralTouch[], today: Day): Day | null {
  let latest: ReferralTouch | null = null;
  for (const t of touches) {
    if (t.day > today) continue;
    if (latest === null || t.day > latest.day || (t.day === latest.day && t.row > latest.row)) latest = t;
  }
  return latest !== null && isReferralMomentTouch(latest) ? latest.day : null;
}

/** The twelve months up to today: (today − 12 months, today]. */
export function inLastYear(day: Day, today: Day): boolean {
  return day > addMonths(today, -12) && day <= today;
}

/**
 * Referrals a relationship gave in the last twelve months: its dated `Referral = ja` touchpoints.
 * A relationship with no dated referral at all falls back to the Relaties column `Referrals` (a
 * count typed by hand, from before the touchpoints were kept); one with dated referrals never
 * reads that column, so nothing is counted twice.
 */
export function referralsInYear(touches: ReadonlyArray<{ day: Day; referral: boolean }>, column: number | null, today: Day): number | null {
  const dated = touches.filter((t) => t.referral);
  if (dated.length === 0) return column;
  const from = addMonths(today, -12);
  return dated.filter((t) => t.day > from && t.day <= today).length;
}

export interface ReferralRelation {
  owner: string | null;
  tier: Tier | null;
  active: boolean;
  /** referralsInYear; null when unknown (no dated referral and an empty column). */
  referrals: number | null;
}

export interface ReferralLine {
  relations: number;
  referrals: number;
  /** referrals ÷ relations; null without relations. */
  perRelation: number | null;
}

export interface ReferralFigures {
  perTier: Record<Tier, ReferralLine>;
  /** Per owner over their active A relationships (blank owner as ''), most referrals per A first. */
  perOwnerA: Array<{ owner: string } & ReferralLine>;
  /** The playbook's target per A relationship per year. */
  target: number;
}

function lineOf(list: readonly ReferralRelation[]): ReferralLine {
  const referrals = list.reduce((s, r) => s + (r.referrals ?? 0), 0);
  return { relations: list.length, referrals, perRelation: list.length > 0 ? referrals / list.length : null };
}

/** Referrals in the last twelve months per tier and, for A relationships, per owner (active ones only). */
export function referralFigures(relations: readonly ReferralRelation[], target: number): ReferralFigures {
  const active = relations.filter((r) => r.active && r.tier !== null);
  const perTier = { A: lineOf(active.filter((r) => r.tier === 'A')), B: lineOf(active.filter((r) => r.tier === 'B')), C: lineOf(active.filter((r) => r.tier === 'C')) };
  const owners = new Map<string, ReferralRelation[]>();
  for (const r of active) {
    if (r.tier !== 'A') continue;
    const key = r.owner ?? '';
    owners.set(key, [...(owners.get(key) ?? []), r]);
  }
  const perOwnerA = [...owners]
    .map(([owner, list]) => ({ owner, ...lineOf(list) }))
    .sort((a, b) => (b.perRelation ?? 0) - (a.perRelation ?? 0) || a.owner.localeCompare(b.owner));
  return { perTier, perOwnerA, target };
}
