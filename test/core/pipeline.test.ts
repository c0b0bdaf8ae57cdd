// The pipeline rules of the agency guide: stages, go/no-go, nurturing and stall dates, and the
// funnel figures over a hand-made history of stage changes.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayFromYmd, isoFromDay, weekdayOf } from '../../src/core/dates';
import { isWorkingDay } from '../../src/core/prep';
import {
  CRITERIA, type CriterionKey, DEFAULT_GO_NO_GO, goNoGo, isStalled, median, medianDaysPerStage, parseStage, reapproachDay,
  requestsInYear, requestsPerMonth, type Scorecard, type StageEvent, stalledFrom, stepConversion, thinPipeline,
} from '../../src/core/pipeline';

const day = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return dayFromYmd(y, m, d);
};

function card(over: Partial<Scorecard> = {}, fill: boolean | null = true): Scorecard {
  const c = {} as Scorecard;
  for (const k of CRITERIA) c[k] = fill;
  return { ...c, ...over };
}

describe('stages', () => {
  it('reads every stage in either language, case and spacing ignored', () => {
    expect(['koud', 'Warm', 'HEET', 'klant', 'vaste  klant', 'afgewezen', 'afgehaakt'].map(parseStage)).toEqual(['cold', 'warm', 'hot', 'client', 'loyal', 'rejected', 'dropped']);
    expect(['cold', 'hot', 'loyal client', 'rejected', 'dropped out'].map(parseStage)).toEqual(['cold', 'hot', 'loyal', 'rejected', 'dropped']);
    expect([' ', 'lauw', 3, null].map(parseStage)).toEqual([null, null, null, null]);
  });
});

describe('go/no-go', () => {
  const today = day('2026-12-01');
  it('no budget is a no-go whatever else holds', () => {
    const g = goNoGo(card({ budget: false }), null, today);
    expect([g.verdict, g.reason, g.score, g.no]).toEqual(['noGo', 'noBudget', 0.778, ['budget']]);
  });
  it('more weight against than for is a no-go', () => {
    const g = goNoGo(card({ budget: true }, false), null, today);
    expect([g.verdict, g.reason, g.score]).toEqual(['noGo', 'lowScore', -0.778]);
  });
  it('a start more than six months ahead is twijfel (not now), at six months exactly it is go', () => {
    const far = goNoGo(card(), day('2027-06-02'), today);
    expect([far.verdict, far.reason, far.startFar, far.score]).toEqual(['doubt', 'startFar', true, 1]);
    const near = goNoGo(card(), day('2027-06-01'), today);
    expect([near.verdict, near.reason, near.startFar]).toEqual(['go', 'go', false]);
  });
  it('go needs all four BANT answers ja', () => {
    const g = goNoGo(card({ authority: null }), null, today);
    expect([g.verdict, g.reason, g.score, g.unknown]).toEqual(['doubt', 'bantOpen', 0.889, ['authority']]);
  });
  it('BANT in full with too little else known is twijfel; one more ja makes it go', () => {
    const bantOnly = card({ budget: true, authority: true, need: true, timeline: true }, null);
    expect([goNoGo(bantOnly, null, today).verdict, goNoGo(bantOnly, null, today).reason, goNoGo(bantOnly, null, today).score]).toEqual(['doubt', 'midScore', 0.444]);
    const g = goNoGo({ ...bantOnly, enjoyment: true }, null, today);
    expect([g.verdict, g.score]).toEqual(['go', 0.556]);
  });
  it('nothing known yet is twijfel with a score of 0', () => {
    const g = goNoGo(card({}, null), null, today);
    expect([g.verdict, g.reason, g.score]).toEqual(['doubt', 'bantOpen', 0]);
  });
  it('the weights and both lines are settings', () => {
    const weights = { ...DEFAULT_GO_NO_GO.weights, payment: 5 };
    const c = card({ payment: false });
    const mid = goNoGo(c, null, today, { ...DEFAULT_GO_NO_GO, weights });
    expect([mid.verdict, mid.reason, mid.score]).toEqual(['doubt', 'midScore', 0.231]);
    const strict = goNoGo(c, null, today, { ...DEFAULT_GO_NO_GO, weights, noGoBelow: 0.3 });
    expect([strict.verdict, strict.reason]).toEqual(['noGo', 'lowScore']);
    const zero = Object.fromEntries(CRITERIA.map((k) => [k, 0])) as Record<CriterionKey, number>;
    expect(goNoGo(card(), null, today, { ...DEFAULT_GO_NO_GO, weights: zero, goFrom: 0 }).score).toBe(0);
  });
});

describe('nurturing and stalls', () => {
  const re = (dropped: string, months = 6) => isoFromDay(reapproachDay(day(dropped), months));
  it('a dropped lead comes back after the months, on the next working day after a weekend or holiday', () => {
    expect(re('2026-06-25')).toBe('2026-12-28'); // Christmas Friday, Boxing Day Saturday, then Sunday
    expect(re('2025-10-06')).toBe('2026-04-07'); // Easter Monday
    expect(re('2025-10-27')).toBe('2026-04-28'); // King's Day, a Monday in 2026
    expect(re('2026-02-28')).toBe('2026-08-28'); // a Friday: stays
    expect(re('2026-01-31', 1)).toBe('2026-03-02'); // 28 Feb (month end) is a Saturday
  });
  it('a prospect stalls the given days after its last step, on a working day', () => {
    expect(isoFromDay(stalledFrom(day('2026-11-25'), 30))).toBe('2026-12-28');
    expect(isoFromDay(stalledFrom(day('2026-04-14'), 30))).toBe('2026-05-15'); // Ascension Day 14 May
    expect(isoFromDay(stalledFrom(day('2026-10-31'), 30))).toBe('2026-11-30');
    expect(isStalled('warm', day('2026-11-25'), day('2026-12-27'), 30)).toBe(false);
    expect(isStalled('warm', day('2026-11-25'), day('2026-12-28'), 30)).toBe(true);
    expect(isStalled('client', day('2025-01-01'), day('2026-12-28'), 30)).toBe(false);
    expect(isStalled('dropped', day('2025-01-01'), day('2026-12-28'), 30)).toBe(false);
    expect(isStalled('cold', null, day('2026-12-28'), 30)).toBe(false);
  });
  it('both dates always fall on a working day, never before the plain date', () => {
    fc.assert(fc.property(fc.integer({ min: day('2000-01-01'), max: day('2090-12-31') }), fc.integer({ min: 1, max: 36 }), (d, n) => {
      const r = reapproachDay(d, n);
      const s = stalledFrom(d, n * 10);
      return isWorkingDay(r) && isWorkingDay(s) && s >= d + n * 10 && s - (d + n * 10) <= 4 && weekdayOf(r) !== 0;
    }));
  });
});

describe('funnel', () => {
  const ev = (key: string, iso: string, stage: StageEvent['stage']): StageEvent => ({ key, day: day(iso), stage });
  const history: StageEvent[] = [
    ev('P1', '2026-01-05', 'cold'), ev('P1', '2026-01-15', 'warm'), ev('P1', '2026-02-14', 'hot'), ev('P1', '2026-03-16', 'client'),
    ev('P2', '2026-02-01', 'cold'), ev('P2', '2026-02-21', 'warm'), ev('P2', '2026-04-01', 'dropped'),
    ev('P3', '2026-03-01', 'cold'), ev('P3', '2026-03-05', 'rejected'),
    ev('P4', '2026-04-01', 'warm'), ev('P4', '2026-04-11', 'hot'), ev('P4', '2026-05-11', 'client'), ev('P4', '2026-11-07', 'loyal'),
    ev('P5', '2025-06-01', 'cold'), ev('P5', '2025-12-10', 'warm'),
  ];
  it('conversion per step over the window, a later stage counting as passing the ones before', () => {
    expect(stepConversion(history, day('2025-12-01'), day('2026-11-30')).map((s) => [s.from, s.to, s.reached, s.advanced, s.rate])).toEqual([
      ['cold', 'warm', 5, 4, 0.8],
      ['warm', 'hot', 4, 2, 0.5],
      ['hot', 'client', 2, 2, 1],
      ['client', 'loyal', 2, 1, 0.5],
    ]);
    expect(stepConversion(history, day('2024-01-01'), day('2024-12-31')).map((s) => s.rate)).toEqual([null, null, null, null]);
  });
  it('median days per stage over the finished stays', () => {
    expect(medianDaysPerStage(history)).toEqual({ cold: 15, warm: 30, hot: 30, client: 180, loyal: null, rejected: null, dropped: null });
    expect([median([]), median([3]), median([5, 1, 3]), median([4, 1])]).toEqual([null, 3, 3, 2.5]);
  });
  it('requests in per month for the last 12 months', () => {
    const received = ['2025-12-31', '2026-01-01', '2026-01-31', '2026-11-30', '2026-12-01', '2026-12-02', '2027-01-01'].map(day);
    const months = requestsPerMonth(received, day('2026-12-01'));
    expect(months.length).toBe(12);
    expect(months[0]).toEqual({ month: '2026-01', count: 2 });
    expect(months[10]).toEqual({ month: '2026-11', count: 1 });
    expect(months[11]).toEqual({ month: '2026-12', count: 1 });
  });
});

describe('enough demand', () => {
  it('counts requests over the 12 months up to today', () => {
    const received = ['2025-12-01', '2025-12-02', '2026-06-30', '2026-12-01', '2026-12-02'].map(day);
    expect(requestsInYear(received, day('2026-12-01'))).toBe(3);
  });
  it('warns only when booked-ahead days are below the minimum and proposals below the target', () => {
    expect(thinPipeline(20, 30, 0.5, 1)).toBe(true);
    expect(thinPipeline(30, 30, 0.5, 1)).toBe(false);
    expect(thinPipeline(20, 30, 1, 1)).toBe(false);
    expect(thinPipeline(null, 30, 0, 1)).toBe(false);
    expect(thinPipeline(20, 30, null, 1)).toBe(false);
  });
});
