import { describe, expect, it } from 'vitest';
import { HEALTH_POINTS, healthOf, type HealthInput } from '../../src/core/health';

const base: HealthInput = { status: 'onTrack', daysOverdue: 0, intervalDays: 30, redFlags: [], signals: [], referrals: null, repeatPlacements: null, recentValueAdd: false };

describe('healthOf: an additive score whose every part is visible', () => {
  it('is 70 for a relationship on schedule with nothing else known', () => {
    expect(healthOf(base)).toEqual({ score: 70, parts: [{ key: 'base', points: 60 }, { key: 'onSchedule', points: 10 }] });
  });

  it('subtracts overdue time in proportion to the interval, flags, and adds signals and referrals', () => {
    // 60 − round(40 × 15/30) − 15 + 5 + 5 + 5 = 40
    const h = healthOf({ ...base, status: 'overdue', daysOverdue: 15, redFlags: ['ratePressure'], signals: ['firstCall', 'clientReachesOut'], referrals: 1 });
    expect(h.parts).toEqual([
      { key: 'base', points: 60 },
      { key: 'overdue', points: -20, detail: 15 },
      { key: 'redFlag', points: -15, detail: 'ratePressure' },
      { key: 'signal', points: 5, detail: 'firstCall' },
      { key: 'signal', points: 5, detail: 'clientReachesOut' },
      { key: 'referrals', points: 5, detail: 1 },
    ]);
    expect(h.score).toBe(40);
  });

  it('caps the overdue part at a whole interval, and the score at 0 and 100', () => {
    expect(healthOf({ ...base, status: 'overdue', daysOverdue: 400, intervalDays: 91 }).parts[1]).toEqual({ key: 'overdue', points: -HEALTH_POINTS.overdueMax, detail: 400 });
    expect(healthOf({ ...base, status: 'never', redFlags: ['noResponse', 'competitor', 'ratePressure', 'lostExclusivity'] }).score).toBe(0);
    const best = healthOf({ ...base, signals: ['firstCall', 'clientReachesOut', 'internalReferrals', 'strategicInvolvement'], referrals: 3, repeatPlacements: 2, recentValueAdd: true });
    expect(best.parts.reduce((s, p) => s + p.points, 0)).toBe(105);
    expect(best.score).toBe(100);
  });

  it('uses the points it is given (the Gezondheid settings)', () => {
    const points = { ...HEALTH_POINTS, base: 50, perRedFlag: 25 };
    expect(healthOf({ ...base, redFlags: ['noResponse'] }, points)).toEqual({
      score: 35,
      parts: [{ key: 'base', points: 50 }, { key: 'onSchedule', points: 10 }, { key: 'redFlag', points: -25, detail: 'noResponse' }],
    });
  });

  it('takes 20 off for a relationship never contacted', () => {
    expect(healthOf({ ...base, status: 'never' })).toEqual({ score: 40, parts: [{ key: 'base', points: 60 }, { key: 'never', points: -20 }] });
  });
});
