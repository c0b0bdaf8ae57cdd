import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayFromYmd, isoFromDay, weekdayOf } from '../../src/core/dates';
import { DEFAULT_WORKING_DAYS, isWorkingDay, type OwnerCapacity, type Plan, type PlanItem, planTouchpoints } from '../../src/core/plan';
import type { Tier } from '../../src/core/parse';

const d = (y: number, m: number, day: number) => dayFromYmd(y, m, day);
const OWNER = 'sanne@bureau.nl';
const INTERVAL: Record<Tier, number> = { A: 30, B: 91, C: 182 };

function item(key: string, due: number, over: Partial<PlanItem> = {}): PlanItem {
  const tier = over.tier ?? 'C';
  return { key, owner: OWNER, due, minutes: 10, tier, attention: false, intervalDays: INTERVAL[tier], previous: null, health: null, ...over };
}

const capacity = (over: Partial<OwnerCapacity> = {}): OwnerCapacity => ({ minutesPerDay: 60, workingDays: DEFAULT_WORKING_DAYS, absences: [], ...over });

/** The plan as { 'yyyy-mm-dd': [keys in planned order] }. */
function byDay(plan: Plan): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const o of plan.owners) for (const p of o.items) (out[p.day === null ? 'none' : isoFromDay(p.day)] ??= []).push(p.key);
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
}

const keys = (prefix: string, from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `${prefix}${String(from + i).padStart(2, '0')}`);

describe('planTouchpoints', () => {
  const monday = d(2026, 11, 30);

  it('spreads 40 due relationships over the working days at 60 minutes a day, most urgent first', () => {
    expect(weekdayOf(monday)).toBe(1);
    const items = [
      // 38 C clients, 10 minutes each, from 38 days overdue (c00) down to 1 day (c37).
      ...Array.from({ length: 38 }, (_, i) => item(`c${String(i).padStart(2, '0')}`, monday - (38 - i))),
      // An A client a day overdue, and a B client with a red flag that is not due for weeks.
      item('a-late', monday - 1, { tier: 'A', minutes: 20 }),
      item('b-flag', monday + 20, { tier: 'B', minutes: 15, attention: true }),
    ];
    const plan = planTouchpoints(items, { today: monday, horizonDays: 28, skipHolidays: true, capacityOf: () => capacity() });
    expect(byDay(plan)).toEqual({
      '2026-11-30': ['b-flag', 'a-late', 'c00', 'c01'], // 15 + 20 + 10 + 10 = 55: the next 10 would pass 60
      '2026-12-01': keys('c', 2, 7),
      '2026-12-02': keys('c', 8, 13),
      '2026-12-03': keys('c', 14, 19),
      '2026-12-04': keys('c', 20, 25),
      // the weekend is skipped
      '2026-12-07': keys('c', 26, 31),
      '2026-12-08': keys('c', 32, 37),
    });
    const owner = plan.owners[0];
    expect(Object.fromEntries([...owner.load].map(([day, m]) => [isoFromDay(day), m]))).toEqual({
      '2026-11-30': 55,
      '2026-12-01': 60,
      '2026-12-02': 60,
      '2026-12-03': 60,
      '2026-12-04': 60,
      '2026-12-07': 60,
      '2026-12-08': 60,
    });
    expect(owner.backlog).toEqual({ count: 0, minutes: 0, lastDay: null });
    expect(owner.clearing).toBeNull();
    expect(plan.byKey.get('b-flag')).toMatchObject({ late: false, beyondHorizon: false });
  });

  it('plans a relationship due later on the latest day with room on or before its due date', () => {
    const items = [item('x', monday + 9), item('y', monday + 9), item('z', monday + 12)]; // Wed 9 Dec, Sat 12 Dec
    const plan = planTouchpoints(items, { today: monday, horizonDays: 28, skipHolidays: true, capacityOf: () => capacity({ minutesPerDay: 10 }) });
    // x takes its due day, y the day before; z is due on a Saturday, so the Friday before.
    expect(byDay(plan)).toEqual({ '2026-12-08': ['y'], '2026-12-09': ['x'], '2026-12-11': ['z'] });
  });

  it('skips Christmas and Boxing Day, an absence, and King’s Day', () => {
    const wednesday = d(2026, 12, 23);
    const items = Array.from({ length: 18 }, (_, i) => item(`c${String(i).padStart(2, '0')}`, wednesday - 18 + i));
    const absent = capacity({ absences: [{ from: d(2026, 12, 28), to: d(2026, 12, 29) }] });
    const plan = planTouchpoints(items, { today: wednesday, horizonDays: 28, skipHolidays: true, capacityOf: () => absent });
    expect(byDay(plan)).toEqual({
      '2026-12-23': keys('c', 0, 5),
      '2026-12-24': keys('c', 6, 11),
      // Fri 25 and Sat 26 (Christmas, Boxing Day), the weekend, and the absence on 28-29 December
      '2026-12-30': keys('c', 12, 17),
    });
    // With holidays not skipped, Christmas Day is a working day.
    const open = planTouchpoints(items, { today: wednesday, horizonDays: 28, skipHolidays: false, capacityOf: () => absent });
    expect(Object.keys(byDay(open))).toEqual(['2026-12-23', '2026-12-24', '2026-12-25']);

    const kingsEve = d(2027, 4, 26); // Monday; King's Day 2027 is Tuesday 27 April
    const spring = planTouchpoints(items.slice(0, 12).map((i) => ({ ...i, due: kingsEve - 1 })), { today: kingsEve, horizonDays: 28, skipHolidays: true, capacityOf: () => capacity() });
    expect(Object.keys(byDay(spring))).toEqual(['2027-04-26', '2027-04-28']);
  });

  it('keeps the plan when nothing changed, and moves only what a logged touchpoint frees', () => {
    // Ten 20-minute touchpoints due on Wednesday; 60 minutes a day fit nine by then.
    const wednesday = monday + 2;
    const items = keys('r', 0, 9).map((k) => item(k, wednesday, { minutes: 20 }));
    const options = { today: monday, horizonDays: 28, skipHolidays: true, capacityOf: () => capacity() };
    const first = planTouchpoints(items, options);
    expect(byDay(first)).toEqual({
      '2026-11-30': ['r06', 'r07', 'r08'],
      '2026-12-01': ['r03', 'r04', 'r05'],
      '2026-12-02': ['r00', 'r01', 'r02'],
      '2026-12-03': ['r09'], // no room on or before Wednesday: the first day after, due date kept
    });
    expect(first.byKey.get('r09')).toMatchObject({ due: wednesday, late: true });

    const withPrevious = items.map((i) => ({ ...i, previous: first.byKey.get(i.key)!.day }));
    expect(byDay(planTouchpoints(withPrevious, options))).toEqual(byDay(first));

    // r01 is contacted (its next contact moves past the horizon): only r09 moves, into its place.
    const logged = withPrevious.map((i) => (i.key === 'r01' ? { ...i, due: monday + 91 } : i));
    expect(byDay(planTouchpoints(logged, options))).toEqual({
      '2026-11-30': ['r06', 'r07', 'r08'],
      '2026-12-01': ['r03', 'r04', 'r05'],
      '2026-12-02': ['r00', 'r02', 'r09'],
    });
  });

  it('reports a backlog larger than the horizon, and what would clear it', () => {
    // 19 working days from Mon 30 Nov up to Sun 27 Dec (Christmas is off): 19 x 60 = 1,140 minutes.
    const items = Array.from({ length: 130 }, (_, i) => item(`c${String(i).padStart(3, '0')}`, monday - 200 + i, { health: 100 - (i % 100) }));
    const plan = planTouchpoints(items, { today: monday, horizonDays: 28, skipHolidays: true, capacityOf: () => capacity() });
    const owner = plan.owners[0];
    expect(owner.horizonWorkingDays).toBe(19);
    expect(owner.horizonCapacity).toBe(1140);
    // 130 x 10 = 1,300 minutes: 114 fit, 16 (160 minutes) go to 28, 29 and 30 December.
    expect(owner.backlog).toEqual({ count: 16, minutes: 160, lastDay: d(2026, 12, 30) });
    expect(owner.clearing).toEqual({
      extraMinutesPerDay: 9, // 160 / 19 = 8.4, rounded up
      // the 16 weakest C relationships: health 1 (c099) up to 16 (c084)
      tierDown: ['c099', 'c098', 'c097', 'c096', 'c095', 'c094', 'c093', 'c092', 'c091', 'c090', 'c089', 'c088', 'c087', 'c086', 'c085', 'c084'],
    });
    expect(owner.weeks.map((w) => [isoFromDay(w.week), w.plannedMinutes, w.capacityMinutes])).toEqual([
      ['2026-11-30', 300, 300],
      ['2026-12-07', 300, 300],
      ['2026-12-14', 300, 300],
      ['2026-12-21', 240, 240],
    ]);
  });

  it('gives an item longer than a day a day of its own, and plans nothing for an owner without working days', () => {
    const plan = planTouchpoints([item('long', monday - 1, { minutes: 90 }), item('short', monday - 1, { minutes: 10 })], {
      today: monday,
      horizonDays: 28,
      skipHolidays: true,
      capacityOf: () => capacity(),
    });
    expect(byDay(plan)).toEqual({ '2026-11-30': ['long'], '2026-12-01': ['short'] });
    const none = planTouchpoints([item('x', monday)], { today: monday, horizonDays: 28, skipHolidays: true, capacityOf: () => capacity({ workingDays: new Set() }) });
    expect(none.byKey.get('x')).toMatchObject({ day: null, beyondHorizon: true });
  });

  it('leaves relationships due after the horizon unplanned', () => {
    const plan = planTouchpoints([item('soon', monday + 27), item('later', monday + 28)], { today: monday, horizonDays: 28, skipHolidays: true, capacityOf: () => capacity() });
    expect([...plan.byKey.keys()]).toEqual(['soon']);
  });
});

describe('planTouchpoints, for any workload', () => {
  const today = d(2026, 11, 30);
  const tiers: Tier[] = ['A', 'B', 'C'];
  const workload = fc.record({
    items: fc.array(
      fc.record({
        owner: fc.constantFrom('a@b.nl', 'c@b.nl'),
        dueOffset: fc.integer({ min: -200, max: 40 }),
        minutes: fc.constantFrom(10, 15, 20),
        tier: fc.constantFrom(...tiers),
        attention: fc.boolean(),
      }),
      { maxLength: 120 },
    ),
    minutesPerDay: fc.constantFrom(20, 45, 60, 90),
    horizonDays: fc.integer({ min: 1, max: 35 }),
    absenceStart: fc.integer({ min: 0, max: 30 }),
    absenceLength: fc.integer({ min: 0, max: 10 }),
  });

  type Workload = typeof workload extends fc.Arbitrary<infer T> ? T : never;

  function run(w: Workload) {
    const items: PlanItem[] = w.items.map((x, i) => ({
      key: `r${i}`,
      owner: x.owner,
      due: today + x.dueOffset,
      minutes: x.minutes,
      tier: x.tier,
      attention: x.attention,
      intervalDays: INTERVAL[x.tier],
      previous: null,
      health: null,
    }));
    const cap = capacity({ minutesPerDay: w.minutesPerDay, absences: [{ from: today + w.absenceStart, to: today + w.absenceStart + w.absenceLength - 1 }] });
    const options = { today, horizonDays: w.horizonDays, skipHolidays: true, capacityOf: () => cap };
    return { items, cap, options, plan: planTouchpoints(items, options) };
  }

  it('plans every relationship due within the horizon exactly once, on a working day from today on', () => {
    fc.assert(
      fc.property(workload, (w) => {
        const { items, cap, plan } = run(w);
        const due = items.filter((i) => i.due <= plan.horizonEnd).map((i) => i.key).sort();
        const planned = plan.owners.flatMap((o) => o.items.map((p) => p.key)).sort();
        expect(planned).toEqual(due);
        for (const p of plan.byKey.values()) {
          expect(p.day).not.toBeNull();
          expect(p.day!).toBeGreaterThanOrEqual(today);
          expect(isWorkingDay(p.day!, cap, true)).toBe(true);
          expect(p.beyondHorizon).toBe(p.day! > plan.horizonEnd);
        }
      }),
    );
  });

  it('never fills a day past capacity', () => {
    fc.assert(
      fc.property(workload, (w) => {
        const { plan } = run(w);
        for (const o of plan.owners) for (const minutes of o.load.values()) expect(minutes).toBeLessThanOrEqual(o.minutesPerDay);
      }),
    );
  });

  it('never plans a relationship after its due date while a day up to then had room for it', () => {
    fc.assert(
      fc.property(workload, (w) => {
        const { cap, plan } = run(w);
        for (const o of plan.owners) {
          for (const p of o.items.filter((x) => x.late)) {
            for (let day = today; day <= Math.max(p.due, today); day++) {
              if (!isWorkingDay(day, cap, true)) continue;
              expect((o.load.get(day) ?? 0) + p.minutes).toBeGreaterThan(o.minutesPerDay);
            }
          }
        }
      }),
    );
  });

  it('gives the same plan again when it is fed its own days', () => {
    fc.assert(
      fc.property(workload, (w) => {
        const { items, options, plan } = run(w);
        const again = planTouchpoints(
          items.map((i) => ({ ...i, previous: plan.byKey.get(i.key)?.day ?? null })),
          options,
        );
        expect(new Map([...again.byKey].map(([k, p]) => [k, p.day]))).toEqual(new Map([...plan.byKey].map(([k, p]) => [k, p.day])));
      }),
    );
  });
});
