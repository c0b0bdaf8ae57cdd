import { describe, expect, it } from 'vitest';
import { DEFAULT_CADENCE } from '../../src/core/cadence';
import { dayFromYmd } from '../../src/core/dates';
import { activityOf, attentionOf, complianceOf, dueTouchpoints, indicatorsOf, type KpiRelation, lastTwelveMonths, monthOf, penetrationOf } from '../../src/core/kpi';
import { DEFAULT_REPORT_SETTINGS } from '../../src/core/report-settings';

const d = (y: number, m: number, day: number) => dayFromYmd(y, m, day);

describe('dueTouchpoints: due and done on time, from the contact history (tier A: monthly, window 7 days)', () => {
  it('an early contact is on time; a contact after the window misses; a late contact before the next due date starts again', () => {
    // Jan 1 → due Feb 1: Jan 25 ≤ Feb 8, on time. Jan 25 → due Feb 25: Mar 10 > Mar 4, missed;
    // due again Mar 25: Mar 10 came first, so it counts for nothing and starts a new interval.
    // Mar 10 → due Apr 10: nothing by Apr 17, missed; May 10 lies after today.
    expect(dueTouchpoints([d(2026, 3, 10), d(2026, 1, 1), d(2026, 1, 25)], 'A', d(2026, 4, 30), DEFAULT_CADENCE)).toEqual([
      { due: d(2026, 2, 1), onTime: true },
      { due: d(2026, 2, 25), onTime: false },
      { due: d(2026, 4, 10), onTime: false },
    ]);
  });

  it('a contact within the window of the next due date after a miss is on time for that one', () => {
    // Jan 1 → Feb 1 missed (nothing by Feb 8); due again Mar 1, Mar 5 is within Mar 1 + 7.
    expect(dueTouchpoints([d(2026, 1, 1), d(2026, 3, 5)], 'A', d(2026, 3, 20), DEFAULT_CADENCE)).toEqual([
      { due: d(2026, 2, 1), onTime: false },
      { due: d(2026, 3, 1), onTime: true },
    ]);
  });

  it('counts a due date as neither done nor missed while its window is still open', () => {
    expect(dueTouchpoints([d(2026, 1, 1)], 'A', d(2026, 2, 8), DEFAULT_CADENCE)).toEqual([]);
    expect(dueTouchpoints([d(2026, 1, 1)], 'A', d(2026, 2, 9), DEFAULT_CADENCE)).toEqual([{ due: d(2026, 2, 1), onTime: false }]);
  });

  it('misses once per whole interval without contact, counting months from the contact as EDATE (31 Jan, 28 Feb, 31 Mar)', () => {
    expect(dueTouchpoints([d(2026, 1, 31)], 'A', d(2026, 4, 15), DEFAULT_CADENCE)).toEqual([
      { due: d(2026, 2, 28), onTime: false },
      { due: d(2026, 3, 31), onTime: false },
    ]);
  });

  it('uses the tier months and window given, ignores duplicates and contacts after today, and has nothing for a relation never contacted', () => {
    const cadence = { monthsPerTier: { A: 1, B: 3, C: 6 }, dueSoonDays: 0 };
    // B: Jan 15 → Apr 15; Apr 15 is on the day: on time. Apr 15 → Jul 15: Jul 20 is future.
    expect(dueTouchpoints([d(2026, 1, 15), d(2026, 1, 15), d(2026, 4, 15), d(2026, 7, 20)], 'B', d(2026, 7, 16), cadence)).toEqual([
      { due: d(2026, 4, 15), onTime: true },
      { due: d(2026, 7, 15), onTime: false },
    ]);
    expect(dueTouchpoints([], 'A', d(2026, 7, 16), cadence)).toEqual([]);
  });
});

describe('complianceOf: due and on time per month, owner and tier over the last twelve months', () => {
  it('counts each due date in its month, and leaves out those before the twelve months', () => {
    const today = d(2026, 4, 30);
    expect(lastTwelveMonths(today)[0]).toBe(monthOf(d(2025, 5, 1)));
    const c = complianceOf(
      [
        { owner: 'sanne@b.nl', tier: 'A', dues: [{ due: d(2025, 4, 30), onTime: true }, { due: d(2026, 2, 1), onTime: true }, { due: d(2026, 2, 25), onTime: false }] },
        { owner: null, tier: 'C', dues: [{ due: d(2026, 4, 10), onTime: true }] },
        { owner: 'joris@b.nl', tier: 'B', dues: [{ due: d(2026, 2, 3), onTime: false }] },
      ],
      today,
    );
    expect(c.perMonth.map((m) => [m.due, m.onTime])).toEqual([
      [0, 0], [0, 0], [0, 0], [0, 0], [0, 0], [0, 0], [0, 0], [0, 0], [0, 0], // May 2025 - Jan 2026
      [3, 1], // Feb
      [0, 0], // Mar
      [1, 1], // Apr
    ]);
    expect(c.perMonth[9].share).toBeCloseTo(1 / 3, 12);
    expect(c.perMonth[0].share).toBeNull();
    expect(c.perOwner).toEqual([
      { owner: '', cell: { due: 1, onTime: 1, share: 1 } },
      { owner: 'joris@b.nl', cell: { due: 1, onTime: 0, share: 0 } },
      { owner: 'sanne@b.nl', cell: { due: 2, onTime: 1, share: 0.5 } },
    ]);
    expect(c.perTier).toEqual({ A: { due: 2, onTime: 1, share: 0.5 }, B: { due: 1, onTime: 0, share: 0 }, C: { due: 1, onTime: 1, share: 1 } });
    expect(c.total).toEqual({ due: 4, onTime: 2, share: 0.5 });
  });
});

describe('activityOf', () => {
  it('counts touchpoints, opportunities, value adds, insights and referrals per month, up to today', () => {
    const today = d(2026, 4, 30);
    const a = activityOf(
      [
        { day: d(2026, 4, 2), valueAdd: 'marketInsight', newOpportunity: true, referral: false },
        { day: d(2026, 4, 9), valueAdd: 'none', newOpportunity: false, referral: true },
        { day: d(2026, 4, 10), valueAdd: 'introduction', newOpportunity: true, referral: true },
        { day: d(2026, 3, 1), valueAdd: null, newOpportunity: false, referral: false },
        { day: d(2026, 5, 1), valueAdd: 'advice', newOpportunity: true, referral: true }, // after today
        { day: d(2025, 4, 30), valueAdd: 'advice', newOpportunity: true, referral: true }, // before the twelve months
      ],
      today,
    );
    expect(a[11]).toEqual({ month: monthOf(today), touchpoints: 3, newOpportunities: 2, valueAdds: 2, insightsShared: 1, referrals: 2 });
    expect(a[10]).toEqual({ month: monthOf(d(2026, 3, 1)), touchpoints: 1, newOpportunities: 0, valueAdds: 0, insightsShared: 0, referrals: 0 });
    expect(a.slice(0, 10).every((m) => m.touchpoints === 0)).toBe(true);
  });
});

function rel(partial: Partial<KpiRelation>): KpiRelation {
  return {
    id: 'R', name: 'N', organisation: 'O', type: 'client', owner: null, tier: 'A', active: true,
    revenue: null, revenueLastYear: null, placements: null, repeatPlacements: null, referrals: null,
    clientSince: null, departmentsKnown: null, departmentsServed: null,
    ...partial,
  };
}

describe('indicatorsOf: the success targets', () => {
  it('computes each figure as defined and marks it against its target', () => {
    const today = d(2026, 6, 15);
    const relations = [
      // Existing business: clients since before 1 Jan 2026 bring 600 of the 1,000 with a known date.
      rel({ id: 'A1', tier: 'A', revenue: 500, clientSince: d(2020, 1, 1), revenueLastYear: 400, referrals: 4, placements: 5, repeatPlacements: 4 }),
      rel({ id: 'A2', tier: 'A', revenue: 100, clientSince: d(2025, 12, 31), revenueLastYear: 100, referrals: 1 }),
      rel({ id: 'B1', tier: 'B', revenue: 400, clientSince: d(2026, 1, 1), revenueLastYear: null }),
      rel({ id: 'B2', tier: 'B', revenue: 0, clientSince: d(2019, 1, 1), revenueLastYear: 300 }), // lost
      rel({ id: 'C1', tier: 'C', revenue: 900, clientSince: null, revenueLastYear: 50 }), // C: not in retention; no date: not in existing
      rel({ id: 'K1', type: 'candidate', tier: 'A', referrals: 1, placements: 5, repeatPlacements: 2 }),
      rel({ id: 'K2', type: 'candidate', tier: 'A', active: false, referrals: 9, placements: 2, repeatPlacements: null }),
    ];
    expect(indicatorsOf(relations, today, DEFAULT_REPORT_SETTINGS)).toEqual([
      { key: 'existingBusiness', figure: 0.6, target: 0.8, met: false },
      // Active A: A1 4, A2 1, K1 1 → 6 / 3 = 2.
      { key: 'referralsPerA', figure: 2, target: 3, met: false },
      // A/B clients with revenue last year: A1, A2, B2; still revenue: A1, A2 → 2/3.
      { key: 'retentionAB', figure: 2 / 3, target: 0.9, met: false },
      // Rows with both: A1 (5, 4) and K1 (5, 2) → 6 / 10.
      { key: 'repeatPlacements', figure: 0.6, target: 0.6, met: true },
    ]);
  });

  it('says unknown (null) where the workbook holds nothing to compute from', () => {
    expect(indicatorsOf([rel({ tier: 'C', active: true })], d(2026, 1, 1), DEFAULT_REPORT_SETTINGS).map((i) => [i.figure, i.met])).toEqual([
      [null, null], [null, null], [null, null], [null, null],
    ]);
  });
});

describe('penetrationOf', () => {
  it('is served over known per client with departments known, lowest first', () => {
    const p = penetrationOf([
      rel({ id: 'X', name: 'X', departmentsKnown: 4, departmentsServed: 3 }),
      rel({ id: 'Y', name: 'Y', departmentsKnown: 5, departmentsServed: null }),
      rel({ id: 'Z', name: 'Z', departmentsKnown: 0, departmentsServed: 0 }),
      rel({ id: 'K', name: 'K', type: 'candidate', departmentsKnown: 2, departmentsServed: 1 }),
    ]);
    expect(p.map((x) => [x.id, x.known, x.served, x.share])).toEqual([['Y', 5, 0, 0], ['X', 4, 3, 0.75]]);
  });
});

describe('attentionOf: planned minutes from touchpoint minutes and cadence', () => {
  it('is minutes × 12/months per tier, and hours a month per owner', () => {
    const a = attentionOf(
      [
        rel({ tier: 'A', type: 'client', owner: 'x' }), // 20 × 12 = 240
        rel({ tier: 'B', type: 'candidate', owner: 'x' }), // 15 × 4 = 60
        rel({ tier: 'C', type: 'client', owner: 'y' }), // 10 × 2 = 20
        rel({ tier: 'A', type: 'client', owner: 'y', active: false }), // inactive: none
        rel({ tier: null, owner: 'y' }), // no tier: none
      ],
      DEFAULT_CADENCE,
      DEFAULT_REPORT_SETTINGS,
    );
    expect(a.minutesPerTier).toEqual({ A: 240, B: 60, C: 20 });
    expect(a.sharePerTier).toEqual({ A: 0.75, B: 0.1875, C: 0.0625 });
    expect(a.target).toEqual({ A: 0.6, B: 0.2, C: 0.2 });
    expect(a.hoursPerOwner).toEqual([
      { owner: 'x', hoursPerMonth: 300 / 12 / 60 },
      { owner: 'y', hoursPerMonth: 20 / 12 / 60 },
    ]);
  });
});
