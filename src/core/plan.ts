// Planning the week: each owner's touchpoints spread over their working days at a capacity they
// can keep. Every other keep-in-touch tool lists what is due and leaves the choice to the person;
// Cadans knows each relationship's due date, tier and touchpoint minutes, and the owner's days,
// so it can hand out a day per relationship. Pure: the shells read the inputs and write `Gepland`.
//
// The rule, per owner, in order of urgency (see `compareUrgency`):
//  - a relationship that is due (overdue, never contacted, due today) goes on the first working day
//    with room, from today on;
//  - one due later goes on the latest working day with room on or before its due date, so the
//    cadence is kept and the early days stay free for the backlog;
//  - when no day on or before the due date has room, it goes on the first day with room after it,
//    beyond the horizon if need be, and its due date is kept and shown;
//  - the plan is stable: last run's day is kept while it is still a working day from today on, has
//    room, and is not after the due date; a late one moves up as soon as room comes free.
// Processing in urgency order makes "never after the due date while a day before it has room" hold
// for the final plan: later placements only add load, so a day that was full stays full.

import type { Day } from './dates';
import { weekdayOf, ymdFromDay } from './dates';
import { dutchHolidayOn } from './holidays';
import type { Tier } from './parse';

/** Cadans's own choices (the playbook gives no capacity): documented defaults, all settings. */
export const DEFAULT_MINUTES_PER_DAY = 60;
export const DEFAULT_HORIZON_DAYS = 28;
/** Monday to Friday, as `Date.getDay` numbers. */
export const DEFAULT_WORKING_DAYS: ReadonlySet<number> = new Set([1, 2, 3, 4, 5]);
/** How far past the horizon a backlog is still given a day: about two years of working days. */
const MAX_PLAN_DAYS = 730;

export interface Absence {
  from: Day;
  /** Inclusive. */
  to: Day;
}

export interface OwnerCapacity {
  /** Touchpoint minutes the owner can spend per working day. */
  minutesPerDay: number;
  /** Weekday numbers (0 Sunday ... 6 Saturday) the owner works. */
  workingDays: ReadonlySet<number>;
  absences: readonly Absence[];
}

export interface PlanItem {
  /** A stable identity: the relation ID (or its row when it has none). */
  key: string;
  owner: string;
  /** The next contact; today for one never contacted. */
  due: Day;
  /** The touchpoint's minutes: the tier's and type's from the settings. */
  minutes: number;
  tier: Tier;
  /** A red flag without contact since it was raised: handled before anything else. */
  attention: boolean;
  /** Days between touchpoints for its tier, so lateness can be compared across tiers. */
  intervalDays: number;
  /** The day the previous run planned it for (the `Gepland` cell), if any. */
  previous: Day | null;
  /** 0-100, null when unknown: the lowest go first when the mail suggests tiering down. */
  health: number | null;
}

export interface PlanOptions {
  today: Day;
  /** Calendar days from today that the plan covers (today included). */
  horizonDays: number;
  skipHolidays: boolean;
  capacityOf: (owner: string) => OwnerCapacity;
  /** Owners to show even with nothing to plan (their capacity is free). */
  owners?: readonly string[];
}

export interface PlannedItem {
  key: string;
  owner: string;
  /** The working day it is planned for; null only when the owner has no working day at all. */
  day: Day | null;
  due: Day;
  minutes: number;
  /** Planned after its due date (no day before it had room). */
  late: boolean;
  /** Planned after the horizon's last day. */
  beyondHorizon: boolean;
}

export interface WeekLoad {
  /** The Monday of the week. */
  week: Day;
  plannedMinutes: number;
  capacityMinutes: number;
}

export interface OwnerPlan {
  owner: string;
  capacity: OwnerCapacity;
  /** In the order they were planned: most urgent first. */
  items: PlannedItem[];
  /** Planned minutes per day, for the days that have any. */
  load: Map<Day, number>;
  minutesPerDay: number;
  /** Working days in the horizon, and their minutes. */
  horizonWorkingDays: number;
  horizonCapacity: number;
  /** What does not fit within the horizon: how many, their minutes, and the last day planned. */
  backlog: { count: number; minutes: number; lastDay: Day | null };
  /** Per week touching the horizon: planned against available minutes. */
  weeks: WeekLoad[];
  /** When the backlog exceeds the horizon: what would clear it. */
  clearing: { extraMinutesPerDay: number; tierDown: string[] } | null;
}

export interface Plan {
  today: Day;
  skipHolidays: boolean;
  owners: OwnerPlan[];
  byKey: Map<string, PlannedItem>;
  horizonEnd: Day;
}

const TIER_RANK: Record<Tier, number> = { A: 0, B: 1, C: 2 };

/**
 * Most urgent first: attention (red flags), then overdue A relationships, then by how late they are
 * relative to their interval (a week late on a monthly A weighs more than a week on a half-yearly
 * C), then tier, due date and key.
 */
export function compareUrgency(a: PlanItem, b: PlanItem, today: Day): number {
  const first = (i: PlanItem) => (i.attention ? 0 : i.tier === 'A' && i.due < today ? 1 : 2);
  const lateness = (i: PlanItem) => (today - i.due) / Math.max(1, i.intervalDays);
  return (
    first(a) - first(b) ||
    lateness(b) - lateness(a) ||
    TIER_RANK[a.tier] - TIER_RANK[b.tier] ||
    a.due - b.due ||
    (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)
  );
}

/** A day the owner works: a working weekday, no absence, and (if skipped) no Dutch holiday. */
export function isWorkingDay(day: Day, capacity: OwnerCapacity, skipHolidays: boolean): boolean {
  if (!capacity.workingDays.has(weekdayOf(day))) return false;
  if (capacity.absences.some((a) => day >= a.from && day <= a.to)) return false;
  return !(skipHolidays && dutchHolidayOn(day, ymdFromDay(day).year) !== null);
}

/** The Monday on or before a day. */
function mondayOf(day: Day): Day {
  return day - ((weekdayOf(day) + 6) % 7);
}

/** One owner's working days from today on, with their load; grown on demand past the horizon. */
class Calendar {
  readonly days: Day[] = [];
  private readonly index = new Map<Day, number>();
  readonly load: number[] = [];
  private scanned: Day;
  /** Every day before this index is too full for the smallest item seen so far. */
  private firstOpen = 0;
  private readonly limit: Day;

  constructor(
    private readonly capacity: OwnerCapacity,
    private readonly skipHolidays: boolean,
    today: Day,
  ) {
    this.scanned = today - 1;
    this.limit = today + MAX_PLAN_DAYS;
  }

  /** Makes sure working days up to `until` are known; false when there are none left. */
  private extendTo(until: Day): void {
    while (this.scanned < until && this.scanned < this.limit) {
      this.scanned++;
      if (isWorkingDay(this.scanned, this.capacity, this.skipHolidays)) {
        this.index.set(this.scanned, this.days.length);
        this.days.push(this.scanned);
        this.load.push(0);
      }
    }
  }

  private fits(i: number, minutes: number): boolean {
    // An item longer than a whole day still gets a day: one of its own.
    return this.load[i] + minutes <= this.capacity.minutesPerDay || (this.load[i] === 0 && minutes > this.capacity.minutesPerDay);
  }

  indexOf(day: Day): number | undefined {
    this.extendTo(day);
    return this.index.get(day);
  }

  roomOn(day: Day, minutes: number): boolean {
    const i = this.indexOf(day);
    return i !== undefined && this.fits(i, minutes);
  }

  /** The index of the first known working day on or after `day` (days.length when none is known). */
  private lowerBound(day: Day): number {
    let lo = 0;
    let hi = this.days.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.days[mid] < day) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The latest working day from today up to `until` with room, or null. */
  latestWithRoom(until: Day, minutes: number): Day | null {
    this.extendTo(until);
    for (let i = this.lowerBound(until + 1) - 1; i >= 0; i--) {
      if (this.fits(i, minutes)) return this.days[i];
    }
    return null;
  }

  /** The first working day on or after `from` with room; null when there is none within the limit. */
  firstWithRoom(from: Day, minutes: number, smallest: number): Day | null {
    // Days before firstOpen are too full for any item of this owner, so a long backlog stays linear.
    // An empty day is never skipped: it takes even an item longer than a whole day.
    while (this.firstOpen < this.days.length && this.load[this.firstOpen] > 0 && this.load[this.firstOpen] + smallest > this.capacity.minutesPerDay) this.firstOpen++;
    this.extendTo(from);
    let i = Math.max(this.firstOpen, this.lowerBound(from));
    for (;;) {
      while (i >= this.days.length) {
        if (this.scanned >= this.limit) return null;
        this.extendTo(this.scanned + 31);
      }
      if (this.fits(i, minutes)) return this.days[i];
      i++;
    }
  }

  place(day: Day, minutes: number): void {
    this.load[this.indexOf(day)!] += minutes;
  }
}

function planOwner(owner: string, items: PlanItem[], options: PlanOptions, horizonEnd: Day): OwnerPlan {
  const { today } = options;
  const capacity = options.capacityOf(owner);
  const calendar = new Calendar(capacity, options.skipHolidays, today);
  const sorted = [...items].sort((a, b) => compareUrgency(a, b, today));
  const smallest = sorted.reduce((m, i) => Math.min(m, i.minutes), Infinity);
  const planned: PlannedItem[] = [];
  const noWorkingDays = capacity.minutesPerDay <= 0 || calendar.latestWithRoom(today + 366, 0) === null;

  for (const item of sorted) {
    let day: Day | null = null;
    if (!noWorkingDays) {
      const deadline = Math.max(item.due, today);
      const previous = item.previous;
      // Keep last run's day while it is on time and still has room. A late day is planned afresh:
      // the result is never later than the old day (that day has room), and earlier when room
      // has come free.
      if (previous !== null && previous >= today && previous <= deadline && calendar.roomOn(previous, item.minutes)) day = previous;
      if (day === null) {
        // Due now, or flagged: as soon as there is room. Due later: as close to the due date as fits.
        day = item.due <= today || item.attention ? calendar.firstWithRoom(today, item.minutes, smallest) : calendar.latestWithRoom(item.due, item.minutes);
      }
      if (day === null) day = calendar.firstWithRoom(deadline + 1, item.minutes, smallest);
    }
    if (day !== null) calendar.place(day, item.minutes);
    planned.push({
      key: item.key,
      owner,
      day,
      due: item.due,
      minutes: item.minutes,
      late: day !== null && day > Math.max(item.due, today),
      beyondHorizon: day === null || day > horizonEnd,
    });
  }

  const load = new Map<Day, number>();
  calendar.days.forEach((d, i) => {
    if (calendar.load[i] > 0) load.set(d, calendar.load[i]);
  });
  let horizonWorkingDays = 0;
  const weeks = new Map<Day, WeekLoad>();
  for (let d = today; d <= horizonEnd; d++) {
    const monday = mondayOf(d);
    const week = weeks.get(monday) ?? { week: monday, plannedMinutes: 0, capacityMinutes: 0 };
    weeks.set(monday, week);
    if (!isWorkingDay(d, capacity, options.skipHolidays)) continue;
    horizonWorkingDays++;
    week.capacityMinutes += capacity.minutesPerDay;
    week.plannedMinutes += load.get(d) ?? 0;
  }
  const horizonCapacity = horizonWorkingDays * Math.max(0, capacity.minutesPerDay);
  const beyond = planned.filter((p) => p.beyondHorizon);
  const backlogMinutes = beyond.reduce((s, p) => s + p.minutes, 0);
  const lastDay = beyond.reduce<Day | null>((m, p) => (p.day !== null && (m === null || p.day > m) ? p.day : m), null);
  let clearing: OwnerPlan['clearing'] = null;
  if (beyond.length > 0) {
    // More minutes a day would clear it within the horizon; or fewer touchpoints: the weakest
    // relationships of the lowest tiers first (reassess C, then B), until their minutes cover it.
    const extraMinutesPerDay = horizonWorkingDays > 0 ? Math.ceil(backlogMinutes / horizonWorkingDays) : backlogMinutes;
    const candidates = items
      .filter((i) => i.tier !== 'A' && !i.attention)
      .sort((a, b) => TIER_RANK[b.tier] - TIER_RANK[a.tier] || (a.health ?? 101) - (b.health ?? 101) || (a.key < b.key ? -1 : 1));
    const tierDown: string[] = [];
    let covered = 0;
    for (const c of candidates) {
      if (covered >= backlogMinutes) break;
      tierDown.push(c.key);
      covered += c.minutes;
    }
    clearing = { extraMinutesPerDay, tierDown };
  }
  return {
    owner,
    capacity,
    items: planned,
    load,
    minutesPerDay: capacity.minutesPerDay,
    horizonWorkingDays,
    horizonCapacity,
    backlog: { count: beyond.length, minutes: backlogMinutes, lastDay },
    weeks: [...weeks.values()].sort((a, b) => a.week - b.week),
    clearing,
  };
}

/**
 * Plans every relationship due within the horizon (today up to today + horizonDays - 1) on a day
 * of its owner's. Relationships due later are not planned yet; they come in as the horizon moves.
 */
export function planTouchpoints(items: readonly PlanItem[], options: PlanOptions): Plan {
  const horizonEnd = options.today + Math.max(1, options.horizonDays) - 1;
  const byOwner = new Map<string, PlanItem[]>((options.owners ?? []).map((o) => [o, []]));
  for (const item of items) {
    if (item.due > horizonEnd) continue;
    const list = byOwner.get(item.owner) ?? [];
    list.push(item);
    byOwner.set(item.owner, list);
  }
  const owners = [...byOwner.keys()].sort().map((owner) => planOwner(owner, byOwner.get(owner)!, options, horizonEnd));
  const byKey = new Map<string, PlannedItem>();
  for (const o of owners) for (const p of o.items) byKey.set(p.key, p);
  return { today: options.today, skipHolidays: options.skipHolidays, owners, byKey, horizonEnd };
}

/** What one owner's morning mail says of the plan. */
export interface PlanSummary {
  /** Keys planned for today, in the plan's order (most urgent first), and their minutes. */
  todayKeys: string[];
  todayMinutes: number;
  minutesPerDay: number;
  /** The owner's next working days from today (at most `days`), with how many are planned on each. */
  week: Array<{ day: Day; count: number }>;
  /** Relationships already due that are planned after those days: how many, and the last day. */
  backlog: { count: number; until: Day | null };
  /** Planned beyond the horizon: how many, their minutes, and what would clear it. */
  overflow: { count: number; minutes: number; extraMinutesPerDay: number; tierDown: string[] } | null;
}

export function planSummary(owner: OwnerPlan, plan: Pick<Plan, 'today' | 'skipHolidays'>, days = 5): PlanSummary {
  const { today } = plan;
  const counts = new Map<Day, number>();
  for (const p of owner.items) if (p.day !== null) counts.set(p.day, (counts.get(p.day) ?? 0) + 1);
  const week: PlanSummary['week'] = [];
  // A year is enough to find a working week, even around long absences.
  for (let d = today; week.length < days && d < today + 366; d++) {
    if (isWorkingDay(d, owner.capacity, plan.skipHolidays)) week.push({ day: d, count: counts.get(d) ?? 0 });
  }
  const weekEnd = week.length > 0 ? week[week.length - 1].day : today;
  const late = owner.items.filter((p) => p.due <= today && (p.day === null || p.day > weekEnd));
  const todayItems = owner.items.filter((p) => p.day === today);
  return {
    todayKeys: todayItems.map((p) => p.key),
    todayMinutes: todayItems.reduce((sum, p) => sum + p.minutes, 0),
    minutesPerDay: owner.minutesPerDay,
    week,
    backlog: { count: late.length, until: late.reduce<Day | null>((m, p) => (p.day !== null && (m === null || p.day > m) ? p.day : m), null) },
    overflow: owner.clearing ? { count: owner.backlog.count, minutes: owner.backlog.minutes, ...owner.clearing } : null,
  };
}
