// The quarterly review's calendar: quarter boundaries, and when the Kwartaal tab is frozen.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayFromYmd, isoFromDay } from '../../src/core/dates';
import { freezeAction, inQuarter, parseQuarterKey, previousQuarter, quarterKey, quarterOf } from '../../src/core/quarter';

const day = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return dayFromYmd(y, m, d);
};
const span = (iso: string) => {
  const q = quarterOf(day(iso));
  return [quarterKey(q), isoFromDay(q.start), isoFromDay(q.end)];
};

describe('quarters', () => {
  it('has the calendar quarters, first and last days included', () => {
    expect(span('2026-01-01')).toEqual(['2026-Q1', '2026-01-01', '2026-03-31']);
    expect(span('2026-03-31')).toEqual(['2026-Q1', '2026-01-01', '2026-03-31']);
    expect(span('2026-04-01')).toEqual(['2026-Q2', '2026-04-01', '2026-06-30']);
    expect(span('2026-09-30')).toEqual(['2026-Q3', '2026-07-01', '2026-09-30']);
    expect(span('2026-12-31')).toEqual(['2026-Q4', '2026-10-01', '2026-12-31']);
    expect(span('2028-02-29')).toEqual(['2028-Q1', '2028-01-01', '2028-03-31']);
  });
  it('steps back across a year', () => {
    expect(quarterKey(previousQuarter(quarterOf(day('2027-01-01'))))).toBe('2026-Q4');
    expect(parseQuarterKey('2026-Q3')).toEqual(quarterOf(day('2026-08-15')));
    expect([parseQuarterKey('2026-Q5'), parseQuarterKey(''), parseQuarterKey(20263)]).toEqual([null, null, null]);
  });
  it('puts every day in exactly its own quarter', () => {
    fc.assert(fc.property(fc.integer({ min: day('1950-01-01'), max: day('2100-12-31') }), (d) => {
      const q = quarterOf(d);
      return inQuarter(d, q) && !inQuarter(d, previousQuarter(q)) && previousQuarter(q).end + 1 === q.start;
    }));
  });
});

describe('freezing the Kwartaal tab', () => {
  const q3 = quarterOf(day('2026-09-30'));
  it('freezes an earlier quarter at the first refresh of the next one', () => {
    expect(freezeAction(q3, day('2026-10-01'), ['Relaties', 'Kwartaal'], 'Kwartaal')).toEqual({ freeze: true, name: 'Kwartaal 2026-Q3' });
    expect(freezeAction(q3, day('2027-02-01'), ['Kwartaal'], 'Kwartaal')).toEqual({ freeze: true, name: 'Kwartaal 2026-Q3' });
  });
  it('does not freeze the current quarter, nothing, or a quarter already frozen (a frozen copy is never rewritten)', () => {
    expect(freezeAction(q3, day('2026-09-30'), ['Kwartaal'], 'Kwartaal')).toEqual({ freeze: false });
    expect(freezeAction(null, day('2026-10-01'), ['Kwartaal'], 'Kwartaal')).toEqual({ freeze: false });
    expect(freezeAction(q3, day('2026-10-02'), ['Kwartaal', 'kwartaal 2026-q3'], 'Kwartaal')).toEqual({ freeze: false });
  });
});
