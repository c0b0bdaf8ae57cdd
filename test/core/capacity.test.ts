import { describe, expect, it } from 'vitest';
import { cellForecast, lastYearCount } from '../../src/core/capacity';
import { dayFromYmd } from '../../src/core/dates';

const TODAY = dayFromYmd(2026, 11, 24);

describe('cellForecast (issue 20)', () => {
  it('names the month the 10 million cells are reached at last year\'s pace of touchpoints', () => {
    // 230,000 touchpoints a year (the playbook's cadence at 50,000 relationships) in a 14-column grid:
    // 268,333 cells a month; 2,000,000 cells of headroom last 7 months.
    const f = cellForecast({ used: 8_000_000, limit: 10_000_000, touchpointsLastYear: 230_000, columns: 14, freeRows: 0 }, TODAY);
    expect(f).toEqual({ perMonth: 268_333, reached: { year: 2027, month: 6 } });
  });

  it('fills the empty rows of the grid before the grid grows', () => {
    const f = cellForecast({ used: 9_990_000, limit: 10_000_000, touchpointsLastYear: 12_000, columns: 10, freeRows: 9_000 }, TODAY);
    // 10,000 headroom + 90,000 in empty rows = 100,000, at 10,000 a month: ten months on.
    expect(f).toEqual({ perMonth: 10_000, reached: { year: 2027, month: 9 } });
  });

  it('says the limit is reached now when the grid is already full, and gives no month without growth', () => {
    expect(cellForecast({ used: 10_000_000, limit: 10_000_000, touchpointsLastYear: 1200, columns: 6, freeRows: 0 }, TODAY).reached).toEqual({ year: 2026, month: 11 });
    expect(cellForecast({ used: 100, limit: 10_000_000, touchpointsLastYear: 0, columns: 6, freeRows: 0 }, TODAY)).toEqual({ perMonth: 0, reached: null });
  });

  it('counts the touchpoints of the last 12 months up to today, not older ones nor planned ones', () => {
    const days = [dayFromYmd(2025, 11, 24), dayFromYmd(2025, 11, 25), dayFromYmd(2026, 6, 1), TODAY, dayFromYmd(2026, 11, 25)];
    expect(lastYearCount(days, TODAY)).toBe(3);
  });
});
