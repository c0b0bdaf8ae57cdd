import { describe, expect, it } from 'vitest';
import { reviewAction } from '../../src/core/portfolio';

const advice = (tier: 'A' | 'B' | 'C') => ({ tier, reason: 'revenueShare' as const });

describe('the portfolio review gives each relationship at most one action', () => {
  it('a healthy A, B or C that sits in its advised tier needs nothing', () => {
    expect(reviewAction({ active: true, tier: 'A', advice: advice('A'), health: 90 })).toBeNull();
    expect(reviewAction({ active: true, tier: 'B', advice: advice('B'), health: 40 })).toBeNull();
    expect(reviewAction({ active: true, tier: 'C', advice: advice('C'), health: 70 })).toBeNull();
  });

  it('an A or C below health 70 is deepened or reassessed', () => {
    expect(reviewAction({ active: true, tier: 'A', advice: advice('A'), health: 69 })).toBe('deepen');
    expect(reviewAction({ active: true, tier: 'C', advice: null, health: 40 })).toBe('reassess');
  });

  it('a tier the criteria put elsewhere comes first, also for a weak A', () => {
    expect(reviewAction({ active: true, tier: 'B', advice: advice('A'), health: 90 })).toBe('upgrade');
    expect(reviewAction({ active: true, tier: 'C', advice: advice('B'), health: 40 })).toBe('upgrade');
    expect(reviewAction({ active: true, tier: 'A', advice: advice('B'), health: 30 })).toBe('downgrade');
  });

  it('an inactive relationship or one without a tier is not reviewed', () => {
    expect(reviewAction({ active: false, tier: 'A', advice: advice('A'), health: null })).toBeNull();
    expect(reviewAction({ active: true, tier: null, advice: advice('A'), health: 10 })).toBeNull();
  });
});
