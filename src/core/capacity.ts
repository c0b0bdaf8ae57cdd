// Issue 20: when the spreadsheet would reach Google's 10 million cells. The grid counts empty
// cells too, and the Touchpoints tab is what grows with the years: a row per contact, as wide as
// its grid. Pure: the shells measure, this says the month.

import { addMonths, type Day, ymdFromDay } from './dates';

export interface CellGrowth {
  /** Cells in every tab's grid now. */
  used: number;
  limit: number;
  /** Touchpoints dated in the 365 days up to today (planned ones ahead are not growth yet). */
  touchpointsLastYear: number;
  /** The Touchpoints grid's width: each new row adds this many cells. */
  columns: number;
  /** Empty rows left in the Touchpoints grid: they fill before the grid grows. */
  freeRows: number;
}

export interface CellForecast {
  /** Cells a month adds once the free rows are used, at last year's pace. */
  perMonth: number;
  /** The month (1-12) and year the limit would be reached; null without growth. */
  reached: { year: number; month: number } | null;
}

export function cellForecast(g: CellGrowth, today: Day): CellForecast {
  const rowsPerMonth = g.touchpointsLastYear / 12;
  const perMonth = Math.round(rowsPerMonth * g.columns);
  if (perMonth <= 0) return { perMonth: 0, reached: null };
  const headroom = Math.max(0, g.limit - g.used) + g.freeRows * g.columns;
  const months = Math.floor(headroom / perMonth);
  const { year, month } = ymdFromDay(addMonths(today, months));
  return { perMonth, reached: { year, month } };
}

/** The touchpoint days that count as last year's growth: from a year back up to today. */
export function lastYearCount(days: readonly Day[], today: Day): number {
  const from = addMonths(today, -12);
  let n = 0;
  for (const d of days) if (d > from && d <= today) n++;
  return n;
}
