// After-sales (issue 12): a placement touchpoint puts "nabellen na plaatsing" in Acties with its
// deadline, once per placement; the answer (satisfaction 1-10) feeds health.

import { describe, expect, it } from 'vitest';
import { afterSalesActions, afterSalesDue, type AfterSalesTouch, latestSatisfaction } from '../../src/core/aftersales';
import { dayFromYmd, formatDay } from '../../src/core/dates';
import { healthOf } from '../../src/core/health';

const today = dayFromYmd(2026, 11, 24); // a Tuesday
const touch = (over: Partial<AfterSalesTouch>): AfterSalesTouch => ({ relationId: 'R1', day: today, row: 2, kind: 'plaatsing', satisfaction: null, ...over });
const isAfterSales = (kind: string) => kind.trim().toLowerCase() === 'nabellen na plaatsing';
const none = () => false;

describe('the after-sales action', () => {
  it('is due the setting\'s days after the placement, on a working day', () => {
    // Tue 24-11 + 14 = Tue 8-12.
    expect(formatDay(afterSalesDue(today, 14))).toBe('08-12-2026');
    // Thu 12-11 + 16 = Sat 28-11: Monday 30-11.
    expect(formatDay(afterSalesDue(dayFromYmd(2026, 11, 12), 16))).toBe('30-11-2026');
    // Thu 11-12 + 14 = Fri 25-12, Christmas; 26-12 Boxing Day (Saturday), 27-12 Sunday: Monday 28-12.
    expect(formatDay(afterSalesDue(dayFromYmd(2026, 12, 11), 14))).toBe('28-12-2026');
  });

  it('is created for each placement touchpoint with its deadline', () => {
    const actions = afterSalesActions(
      [touch({ relationId: 'R1', day: today - 3 }), touch({ relationId: 'R2', day: today, kind: 'Placement' }), touch({ relationId: 'R3', day: today - 1, kind: 'Check-in' })],
      today,
      14,
      none,
      isAfterSales,
    );
    expect(actions.map((a) => [a.relationId, formatDay(a.placement), formatDay(a.due)])).toEqual([
      ['R1', '21-11-2026', '07-12-2026'],
      ['R2', '24-11-2026', '08-12-2026'],
    ]);
  });

  it('is never created twice for the same placement', () => {
    const placed = [touch({ day: today - 3, row: 2 }), touch({ day: today - 3, row: 3 })];
    // Two placement rows on one day: one action.
    expect(afterSalesActions(placed, today, 14, none, isAfterSales)).toHaveLength(1);
    // The action exists (done or not): none. Another placement of the same relationship: its own.
    const existing = (id: string, day: number) => id === 'R1' && day === today - 3;
    expect(afterSalesActions(placed, today, 14, existing, isAfterSales)).toEqual([]);
    expect(afterSalesActions([...placed, touch({ day: today - 1, row: 4 })], today, 14, existing, isAfterSales).map((a) => a.placement)).toEqual([today - 1]);
  });

  it('is not created once the call was made, for a placement older than twice the term, or one still to come', () => {
    const placed = touch({ day: today - 10 });
    expect(afterSalesActions([placed, touch({ day: today - 2, kind: 'Nabellen na plaatsing', row: 5 })], today, 14, none, isAfterSales)).toEqual([]);
    expect(afterSalesActions([placed, touch({ day: today - 2, kind: 'telefoon', satisfaction: 9, row: 5 })], today, 14, none, isAfterSales)).toEqual([]);
    // A call before the placement is another placement's.
    expect(afterSalesActions([placed, touch({ day: today - 20, kind: 'Nabellen na plaatsing', row: 5 })], today, 14, none, isAfterSales)).toHaveLength(1);
    expect(afterSalesActions([touch({ day: today - 28 })], today, 14, none, isAfterSales)).toHaveLength(1);
    expect(afterSalesActions([touch({ day: today - 29 })], today, 14, none, isAfterSales)).toEqual([]);
    expect(afterSalesActions([touch({ day: today + 1 })], today, 14, none, isAfterSales)).toEqual([]);
    expect(afterSalesActions([touch({ relationId: '' })], today, 14, none, isAfterSales)).toEqual([]);
  });
});

describe('the after-sales answer in health', () => {
  const base = { status: 'onTrack' as const, daysOverdue: 0, intervalDays: 30, redFlags: [], signals: [], referrals: null, repeatShare: null, recentValueAdd: false };

  it('takes the latest satisfaction of the last 12 months', () => {
    expect(latestSatisfaction([{ day: today - 40, row: 2, satisfaction: 9 }, { day: today - 5, row: 3, satisfaction: 4 }, { day: today - 5, row: 1, satisfaction: 10 }], today)).toBe(4);
    expect(latestSatisfaction([{ day: today - 400, row: 2, satisfaction: 9 }, { day: today - 5, row: 3, satisfaction: null }], today)).toBeNull();
  });

  it('adds points at 8 or more, none at 6-7, subtracts at 5 or less, and says so in the parts', () => {
    const partOf = (satisfaction: number | null) => healthOf({ ...base, satisfaction }).parts.find((p) => p.key === 'satisfaction') ?? null;
    expect(partOf(9)).toEqual({ key: 'satisfaction', points: 5, detail: 9 });
    expect(partOf(7)).toEqual({ key: 'satisfaction', points: 0, detail: 7 });
    expect(partOf(3)).toEqual({ key: 'satisfaction', points: -5, detail: 3 });
    expect(partOf(null)).toBeNull();
    expect(healthOf({ ...base, satisfaction: 9 }).score).toBe(75);
  });
});
