import { describe, expect, it } from 'vitest';
import { HEALTH_POINTS, healthOf, type HealthInput, isUnansweredAttempt, repeatShareInYear, suggestsNoResponse, unansweredAttempts } from '../../src/core/health';

const base: HealthInput = { status: 'onTrack', daysOverdue: 0, intervalDays: 30, redFlags: [], signals: [], referrals: null, repeatShare: null, recentValueAdd: false };

describe('healthOf: an additive score whose every part is visible', () => {
  it('is 70 for a relationship on schedule with nothing else known', () => {
    expect(healthOf(base)).toEqual({ score: 70, parts: [{ key: 'base', points: 60 }, { key: 'onSchedule', points: 10 }] });
  });

  it('subtracts overdue time in proportion to the interval, flags, and adds signals and referrals', () => {
    // 60 − round(40 × 15/30) − 15 + 5 + 5 + round(5 × 1/3) = 37
    const h = healthOf({ ...base, status: 'overdue', daysOverdue: 15, redFlags: ['ratePressure'], signals: ['firstCall', 'clientReachesOut'], referrals: 1 });
    expect(h.parts).toEqual([
      { key: 'base', points: 60 },
      { key: 'overdue', points: -20, detail: 15 },
      { key: 'redFlag', points: -15, detail: 'ratePressure' },
      { key: 'signal', points: 5, detail: 'firstCall' },
      { key: 'signal', points: 5, detail: 'clientReachesOut' },
      { key: 'referralRate', points: 2, detail: 1 },
    ]);
    expect(h.score).toBe(37);
  });

  it('caps the overdue part at a whole interval, and the score at 0 and 100', () => {
    expect(healthOf({ ...base, status: 'overdue', daysOverdue: 400, intervalDays: 91 }).parts[1]).toEqual({ key: 'overdue', points: -HEALTH_POINTS.overdueMax, detail: 400 });
    expect(healthOf({ ...base, status: 'never', redFlags: ['noResponse', 'competitor', 'ratePressure', 'lostExclusivity'] }).score).toBe(0);
    const best = healthOf({ ...base, signals: ['firstCall', 'clientReachesOut', 'internalReferrals', 'strategicInvolvement'], referrals: 3, repeatShare: 0.6, recentValueAdd: true });
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

  it('scores referrals and repeat business as rates of the last 12 months, full at the playbook targets (issue 12)', () => {
    const part = (input: Partial<HealthInput>, key: string) => healthOf({ ...base, ...input }).parts.find((p) => p.key === key) ?? null;
    // 3 referrals a year is the playbook's target per A relationship: full points; fewer in proportion; more no extra.
    expect([0, 1, 2, 3, 6].map((n) => part({ referrals: n }, 'referralRate')?.points ?? 0)).toEqual([0, 2, 3, 5, 5]);
    // 60% repeat placements is the playbook's target.
    expect([0, 0.2, 0.3, 0.6, 1].map((s) => part({ repeatShare: s }, 'repeatRate')?.points ?? 0)).toEqual([0, 2, 3, 5, 5]);
    expect(part({ repeatShare: 0.5 }, 'repeatRate')).toEqual({ key: 'repeatRate', points: 4, detail: 50 });
    // Other targets from the settings.
    expect(part({ referrals: 1, referralTarget: 1 }, 'referralRate')?.points).toBe(5);
    expect(part({ repeatShare: 0.3, repeatTarget: 0.3 }, 'repeatRate')?.points).toBe(5);
  });

  it('takes repeat business from dated placements of the last 12 months, the Relaties columns as fallback', () => {
    const today = 1000;
    const yearAgo = 635;
    // Placements on 500 (older), 700 and 900: both in the window follow an earlier one: 100%.
    expect(repeatShareInYear([900, 500, 700], null, null, today, yearAgo)).toBe(1);
    // First placement ever on 700, repeat on 900: 50%.
    expect(repeatShareInYear([700, 900], null, null, today, yearAgo)).toBe(0.5);
    // Plaatsingen 3 typed by hand before the one dated placement: it is a repeat.
    expect(repeatShareInYear([900], 3, 1, today, yearAgo)).toBe(1);
    expect(repeatShareInYear([900], 1, 0, today, yearAgo)).toBe(0);
    // Nothing dated in the window: the columns, Herhaalplaatsingen ÷ Plaatsingen.
    expect(repeatShareInYear([500], 4, 1, today, yearAgo)).toBe(0.25);
    expect(repeatShareInYear([], 0, 0, today, yearAgo)).toBeNull();
    expect(repeatShareInYear([], null, null, today, yearAgo)).toBeNull();
  });
});

describe('"geen reactie": attempts in a row without a reaction (issue 12)', () => {
  const t = (day: number, row: number, kind: string, reaction: boolean | null = null) => ({ day, row, kind, reaction });

  it('knows an attempt by Reactie = nee, or by a Soort for an attempt without Reactie = ja', () => {
    expect([t(1, 2, 'Check-in', false), t(1, 2, 'poging'), t(1, 2, ' Geen  gehoor '), t(1, 2, 'No answer'), t(1, 2, 'voicemail')].map(isUnansweredAttempt)).toEqual([true, true, true, true, true]);
    expect([t(1, 2, 'poging', true), t(1, 2, 'Check-in'), t(1, 2, 'Check-in', true), t(1, 2, 'pogingen')].map(isUnansweredAttempt)).toEqual([false, false, false, false]);
  });

  it('counts back from the latest touchpoint up to today; a reaction ends the row', () => {
    const today = 100;
    const history = [t(50, 2, 'poging'), t(60, 3, 'Check-in'), t(70, 4, 'poging'), t(80, 5, 'telefoon', false), t(80, 6, 'poging'), t(120, 7, 'Check-in')];
    expect(unansweredAttempts(history, today)).toBe(3);
    expect(unansweredAttempts(history, 75)).toBe(1);
    expect(unansweredAttempts(history, 65)).toBe(0);
    expect(unansweredAttempts([], today)).toBe(0);
  });

  it('suggests the flag from the setting\'s number of attempts on, unless it is there already', () => {
    expect([0, 1, 2, 3].map((n) => suggestsNoResponse(n, 2, []))).toEqual([false, false, true, true]);
    expect(suggestsNoResponse(3, 2, ['noResponse'])).toBe(false);
    expect(suggestsNoResponse(3, 2, ['competitor'])).toBe(true);
    expect(suggestsNoResponse(1, 1, [])).toBe(true);
  });
});
