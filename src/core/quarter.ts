// The quarterly review's calendar (domain brief, section 7 "Reviews"): which quarter a day falls
// in, and when the Kwartaal tab is frozen. The tab is rebuilt by every refresh for the current
// quarter; the first refresh in a new quarter first keeps the old quarter as a copy of its own
// (`Kwartaal 2026-Q3`), which Cadans never writes again.

import { addDays, type Day, dayFromYmd, ymdFromDay } from './dates';

export interface Quarter {
  year: number;
  /** 1-4. */
  q: number;
  start: Day;
  /** The last day, inclusive. */
  end: Day;
}

export function quarterOf(day: Day): Quarter {
  const { year, month } = ymdFromDay(day);
  const q = Math.floor((month - 1) / 3) + 1;
  const start = dayFromYmd(year, (q - 1) * 3 + 1, 1);
  const end = q === 4 ? dayFromYmd(year, 12, 31) : addDays(dayFromYmd(year, q * 3 + 1, 1), -1);
  return { year, q, start, end };
}

export function previousQuarter(quarter: Quarter): Quarter {
  return quarterOf(addDays(quarter.start, -1));
}

/** `2026-Q4`: the key written on the Kwartaal tab, and the suffix of a frozen copy's name. */
export function quarterKey(quarter: Quarter): string {
  return `${quarter.year}-Q${quarter.q}`;
}

export function parseQuarterKey(text: unknown): Quarter | null {
  const m = typeof text === 'string' ? /^(\d{4})-Q([1-4])$/.exec(text.trim()) : null;
  if (!m) return null;
  return quarterOf(dayFromYmd(Number(m[1]), (Number(m[2]) - 1) * 3 + 1, 1));
}

/**
 * What a refresh on `today` does before rebuilding the Kwartaal tab that now holds `shown` (null
 * for none, or a tab Cadans cannot read): freeze it under `name` when it holds an earlier quarter
 * and no copy of that quarter exists yet; otherwise nothing. A copy that exists is never touched.
 */
export function freezeAction(shown: Quarter | null, today: Day, existing: readonly string[], baseName: string): { freeze: false } | { freeze: true; name: string } {
  if (shown === null || shown.start >= quarterOf(today).start) return { freeze: false };
  const name = `${baseName} ${quarterKey(shown)}`;
  if (existing.some((e) => e.trim().toLowerCase() === name.toLowerCase())) return { freeze: false };
  return { freeze: true, name };
}

export function inQuarter(day: Day, quarter: Quarter): boolean {
  return day >= quarter.start && day <= quarter.end;
}
