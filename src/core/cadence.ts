// The core rule of the playbook: every relationship is contacted again a tier's number of months
// after the last contact, and its status says how that stands today.

import { addMonths, type Day } from './dates';
import type { Tier } from './parse';

export type Status = 'never' | 'overdue' | 'dueSoon' | 'onTrack' | 'inactive';
/** The order a recruiter works in: most urgent first. */
export const STATUS_ORDER: readonly Status[] = ['overdue', 'never', 'dueSoon', 'onTrack', 'inactive'];

export interface CadenceSettings {
  /** Months between touchpoints per tier; the playbook's A 1, B 3, C 6. */
  monthsPerTier: Record<Tier, number>;
  /** A touchpoint due within this many days from today is "due soon". */
  dueSoonDays: number;
}

export const DEFAULT_CADENCE: CadenceSettings = {
  monthsPerTier: { A: 1, B: 3, C: 6 },
  dueSoonDays: 7,
};

/** Last contact plus the tier's months, as EDATE counts them (31 Jan + 1 month = 28/29 Feb). */
export function nextTouchpoint(lastContact: Day, tier: Tier, cadence: CadenceSettings = DEFAULT_CADENCE): Day {
  return addMonths(lastContact, cadence.monthsPerTier[tier]);
}

/** Status of a next contact on a given day; a due date today is "due soon", yesterday "overdue". */
export function touchpointStatus(nextContact: Day, today: Day, dueSoonDays: number): Exclude<Status, 'never' | 'inactive'> {
  if (nextContact < today) return 'overdue';
  if (nextContact <= today + dueSoonDays) return 'dueSoon';
  return 'onTrack';
}

export interface CadenceInput {
  active: boolean;
  tier: Tier;
  /** The later of the Last contact cell and the newest logged touchpoint; null when there is none. */
  lastContact: Day | null;
}

export interface CadenceResult {
  status: Status;
  /** Null for an inactive relationship; today for one never contacted (due at once). */
  nextContact: Day | null;
  /** Days past the next contact; 0 when not overdue, null when inactive. */
  daysOverdue: number | null;
}

export function cadenceOf(input: CadenceInput, today: Day, cadence: CadenceSettings = DEFAULT_CADENCE): CadenceResult {
  if (!input.active) return { status: 'inactive', nextContact: null, daysOverdue: null };
  if (input.lastContact === null) return { status: 'never', nextContact: today, daysOverdue: 0 };
  const next = nextTouchpoint(input.lastContact, input.tier, cadence);
  const status = touchpointStatus(next, today, cadence.dueSoonDays);
  return { status, nextContact: next, daysOverdue: status === 'overdue' ? today - next : 0 };
}
