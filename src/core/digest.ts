// Planning the morning digests: which relationships each team member must contact, in which
// order, and on which days mail goes out at all. Pure: the shells send and log.

import type { Status } from './cadence';
import { type Day, weekdayOf, ymdFromDay } from './dates';
import { dutchHolidayOn, type Holiday } from './holidays';
import type { RelationType, Tier } from './parse';
import type { PipelineLine } from './pipeline';
import type { RedFlag } from './vocabulary';

export type DigestStatus = Extract<Status, 'overdue' | 'never' | 'dueSoon'>;
const DIGEST_ORDER: Record<DigestStatus | 'onTrack', number> = { overdue: 0, never: 1, dueSoon: 2, onTrack: 3 };
const TIER_ORDER: Record<Tier, number> = { A: 0, B: 1, C: 2 };

export interface DigestCandidate {
  row: number;
  id: string;
  name: string;
  type: RelationType | null;
  organisation: string;
  tier: Tier;
  owner: string | null;
  status: Status;
  lastContact: Day | null;
  nextContact: Day | null;
  daysOverdue: number | null;
  /** Left out of digests up to and including the day before this one. */
  snoozedUntil: Day | null;
  /** The Last contact cell's text when it is no date: the mail says so, not "never". */
  lastContactUnreadable?: string | null;
  /** Issue 12: a red flag and no contact since it was raised (core/health needsAttention). */
  attention?: boolean;
  redFlags?: readonly RedFlag[];
  redFlagsSince?: Day | null;
  /** Issue 12: a placement or a positive touchpoint was the last contact: ask for a referral now. */
  referralMoment?: boolean;
  /** Issue 12: attempts in a row without a reaction that suggest the flag "geen reactie"; null when not. */
  noResponseSuggested?: number | null;
}

/** A flagged relationship in the mail's attention section, before the routine lines (issue 12). */
export interface DigestAttention {
  row: number;
  id: string;
  name: string;
  organisation: string;
  tier: Tier;
  flags: readonly RedFlag[];
  since: Day | null;
  lastContact: Day | null;
}

export interface DigestItem extends DigestCandidate {
  /** On track only for a relationship the week plan puts on today ahead of its due date. */
  status: DigestStatus | 'onTrack';
  nextContact: Day;
}

/** An open next step from the Acties tab, due within the window or overdue. */
export interface DigestAction {
  row: number;
  relation: string;
  action: string;
  due: Day;
}

export interface Digest {
  owner: string;
  day: Day;
  items: DigestItem[];
  counts: Record<DigestStatus, number>;
  actions: DigestAction[];
  /** Flagged relationships without contact since the flag, whatever their cadence status (issue 12). */
  attention?: DigestAttention[];
  /** The week plan's part: what is planned today (those items come first), the coming days, the backlog. */
  plan?: DigestSchedule;
  /** The Pipeline's part (issue 13): dropped leads to approach again, stalled prospects. */
  pipeline?: PipelineLine[];
}

/** A PlanSummary as the mail shows it: rows for today's keys, names for the tier-down suggestion. */
export interface DigestSchedule {
  /** How many of the items, from the first, are planned for today. */
  plannedToday: number;
  todayMinutes: number;
  minutesPerDay: number;
  week: ReadonlyArray<{ day: Day; count: number }>;
  backlog: { count: number; until: Day | null };
  overflow: { count: number; minutes: number; extraMinutesPerDay: number; tierDown: string[] } | null;
}

/** Who may receive mail: whole addresses and whole domains (`@bureau.nl` or `bureau.nl`). */
export interface Team {
  addresses: ReadonlySet<string>;
  domains: ReadonlySet<string>;
}

export function parseTeam(text: string): { team: Team; invalid: string[] } {
  const addresses = new Set<string>();
  const domains = new Set<string>();
  const invalid: string[] = [];
  for (const raw of text.split(/[\s,;]+/)) {
    const entry = raw.trim().toLowerCase();
    if (!entry) continue;
    if (/^[^\s@]+@[a-z0-9.-]+\.[a-z]{2,}$/.test(entry)) addresses.add(entry);
    else if (/^@?[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}$/.test(entry)) domains.add(entry.replace(/^@/, ''));
    else invalid.push(raw.trim());
  }
  return { team: { addresses, domains }, invalid };
}

export function isOnTeam(address: string, team: Team): boolean {
  const lower = address.toLowerCase();
  return team.addresses.has(lower) || team.domains.has(lower.slice(lower.lastIndexOf('@') + 1));
}

export function isTeamEmpty(team: Team): boolean {
  return team.addresses.size === 0 && team.domains.size === 0;
}

/** The order of a digest: overdue first, then never contacted, then due soon; A before B before C. */
export function compareItems(a: DigestItem, b: DigestItem): number {
  return (
    DIGEST_ORDER[a.status] - DIGEST_ORDER[b.status] ||
    TIER_ORDER[a.tier] - TIER_ORDER[b.tier] ||
    a.nextContact - b.nextContact ||
    a.name.localeCompare(b.name, 'nl') ||
    a.row - b.row
  );
}

/**
 * The attention section's order, as the KPI tab's attention list: longest without contact first
 * (never contacted before all), then A before B before C, then by name.
 */
export function compareAttention(a: DigestAttention, b: DigestAttention): number {
  return (a.lastContact ?? -Infinity) - (b.lastContact ?? -Infinity) || TIER_ORDER[a.tier] - TIER_ORDER[b.tier] || a.name.localeCompare(b.name, 'nl') || a.row - b.row;
}

export interface DigestPlan {
  digests: Digest[];
  /** Owners with work whose address is not on the team: nothing is sent to them. */
  notOnTeam: Array<{ owner: string; rows: number[] }>;
  /** Relationships with work but no owner. */
  withoutOwner: number[];
  /** Open actions due now that reach nobody: no owner, or an owner off the team. */
  unreachableActions: Array<{ row: number; owner: string | null }>;
}

export interface OpenAction extends DigestAction {
  owner: string | null;
  done: boolean;
}

export function planDigests(candidates: readonly DigestCandidate[], today: Day, team: Team, actions: readonly OpenAction[] = [], dueSoonDays = 7): DigestPlan {
  const byOwner = new Map<string, DigestItem[]>();
  const actionsByOwner = new Map<string, DigestAction[]>();
  const unreachableActions: DigestPlan['unreachableActions'] = [];
  for (const a of actions) {
    // Open actions due within the window, and every overdue one until it is done.
    if (a.done || a.due > today + dueSoonDays) continue;
    if (!a.owner || !isOnTeam(a.owner, team)) {
      unreachableActions.push({ row: a.row, owner: a.owner });
      continue;
    }
    const list = actionsByOwner.get(a.owner) ?? [];
    list.push({ row: a.row, relation: a.relation, action: a.action, due: a.due });
    actionsByOwner.set(a.owner, list);
    if (!byOwner.has(a.owner)) byOwner.set(a.owner, []);
  }
  const withoutOwner: number[] = [];
  // Issue 12: a red flag without contact since goes into the owner's mail whatever the cadence
  // says (a snooze still holds: the team chose to leave it out until then).
  const attentionByOwner = new Map<string, DigestAttention[]>();
  const unreachedAttention: DigestCandidate[] = [];
  for (const c of candidates) {
    if (!c.attention || c.status === 'inactive') continue;
    if (c.snoozedUntil !== null && c.snoozedUntil > today) continue;
    if (!c.owner) {
      unreachedAttention.push(c);
      continue;
    }
    const list = attentionByOwner.get(c.owner) ?? [];
    list.push({ row: c.row, id: c.id, name: c.name, organisation: c.organisation, tier: c.tier, flags: c.redFlags ?? [], since: c.redFlagsSince ?? null, lastContact: c.lastContact });
    attentionByOwner.set(c.owner, list);
    if (!byOwner.has(c.owner)) byOwner.set(c.owner, []);
  }
  for (const c of candidates) {
    if (c.status !== 'overdue' && c.status !== 'never' && c.status !== 'dueSoon') continue;
    if (c.nextContact === null) continue;
    if (c.snoozedUntil !== null && c.snoozedUntil > today) continue;
    if (!c.owner) {
      withoutOwner.push(c.row);
      continue;
    }
    const list = byOwner.get(c.owner) ?? [];
    list.push({ ...c, status: c.status, nextContact: c.nextContact });
    byOwner.set(c.owner, list);
  }
  for (const c of unreachedAttention) if (!withoutOwner.includes(c.row)) withoutOwner.push(c.row);
  withoutOwner.sort((a, b) => a - b);
  const digests: Digest[] = [];
  const notOnTeam: DigestPlan['notOnTeam'] = [];
  for (const [owner, items] of [...byOwner].sort(([a], [b]) => a.localeCompare(b))) {
    const attention = (attentionByOwner.get(owner) ?? []).sort(compareAttention);
    if (!isOnTeam(owner, team)) {
      const rows = [...new Set([...items.map((i) => i.row), ...attention.map((a) => a.row)])].sort((a, b) => a - b);
      if (rows.length > 0) notOnTeam.push({ owner, rows });
      continue;
    }
    items.sort(compareItems);
    const counts = { overdue: 0, never: 0, dueSoon: 0 };
    for (const i of items) if (i.status !== 'onTrack') counts[i.status]++;
    const ownerActions = (actionsByOwner.get(owner) ?? []).sort((a, b) => a.due - b.due || a.row - b.row);
    digests.push({ owner, day: today, items, counts, actions: ownerActions, ...(attention.length > 0 ? { attention } : {}) });
  }
  return { digests, notOnTeam, withoutOwner, unreachableActions };
}

// ---- Send days ------------------------------------------------------------------------------

/** Weekday numbers as `Date.getDay`: 0 Sunday ... 6 Saturday. */
export const WEEKDAY_NAMES: Record<'nl' | 'en', readonly string[]> = {
  nl: ['zo', 'ma', 'di', 'wo', 'do', 'vr', 'za'],
  en: ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'],
};

/** `ma-vr`, `ma,wo,vr`, `mon-fri`, `maandag t/m vrijdag` ... Null when not readable. */
export function parseSendDays(text: string): Set<number> | null {
  const days = new Set<number>();
  const dayOf = (word: string): number | null => {
    const w = word.trim().toLowerCase().slice(0, 2);
    for (const names of Object.values(WEEKDAY_NAMES)) {
      const i = names.findIndex((n) => n.slice(0, 2) === w);
      if (i >= 0) return i;
    }
    return null;
  };
  const normalised = text.toLowerCase().replace(/\s+t\/m\s+|\s+tot en met\s+|\s+to\s+|\s*[–-]\s*/g, '-');
  for (const part of normalised.split(/[\s,;/]+/).filter(Boolean)) {
    const [from, to] = part.split('-');
    const a = dayOf(from);
    if (a === null) return null;
    if (to === undefined) {
      days.add(a);
      continue;
    }
    const b = dayOf(to);
    if (b === null) return null;
    for (let d = a; ; d = (d + 1) % 7) {
      days.add(d);
      if (d === b) break;
    }
  }
  return days.size > 0 ? days : null;
}

export type SendDayVerdict = { send: true } | { send: false; reason: 'weekday' } | { send: false; reason: 'holiday'; holiday: Holiday };

export function sendDayVerdict(day: Day, sendDays: ReadonlySet<number>, skipHolidays: boolean): SendDayVerdict {
  if (!sendDays.has(weekdayOf(day))) return { send: false, reason: 'weekday' };
  if (skipHolidays) {
    const holiday = dutchHolidayOn(day, ymdFromDay(day).year);
    if (holiday) return { send: false, reason: 'holiday', holiday };
  }
  return { send: true };
}
