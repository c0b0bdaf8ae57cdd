import { describe, expect, it } from 'vitest';
import { DEFAULT_REPORT_SETTINGS } from '../../src/core/report-settings';
import { type AdviceInput, tierAdvice } from '../../src/core/tierAdvice';

const c = (revenue: number | null): AdviceInput => ({ type: 'client', revenue, placements: null, repeatPlacements: null, referrals: null });
const k = (placements: number | null, repeatPlacements: number | null, referrals: number | null): AdviceInput => ({ type: 'candidate', revenue: null, placements, repeatPlacements, referrals });

describe('tierAdvice', () => {
  it('advises clients by their ABC split of revenue, as RELATION_TIER, with candidates and untyped rows in between', () => {
    // 80 of 100 brings the first 80%: A; 15 crosses 95%: B; 5: C; blank is 0: C.
    const advice = tierAdvice([c(80), k(1, 0, 0), c(15), { ...c(50), type: null }, c(5), c(null)], DEFAULT_REPORT_SETTINGS);
    expect(advice).toEqual([
      { tier: 'A', reason: 'revenueShare' },
      { tier: 'C', reason: 'fewPlacements' },
      { tier: 'B', reason: 'revenueShare' },
      null,
      { tier: 'C', reason: 'revenueShare' },
      { tier: 'C', reason: 'revenueShare' },
    ]);
  });

  it('advises candidates A for repeat placements or referrals, B for placements, C otherwise', () => {
    expect(tierAdvice([k(5, 2, 0), k(1, 0, 2), k(2, 1, 1), k(1, 1, 1), k(null, null, null)], DEFAULT_REPORT_SETTINGS)).toEqual([
      { tier: 'A', reason: 'repeatPlacements' },
      { tier: 'A', reason: 'referrals' },
      { tier: 'B', reason: 'placements' },
      { tier: 'C', reason: 'fewPlacements' },
      { tier: 'C', reason: 'fewPlacements' },
    ]);
  });
});
