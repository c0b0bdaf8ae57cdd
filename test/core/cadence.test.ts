import { describe, expect, it } from 'vitest';
import { cadenceOf, DEFAULT_CADENCE, nextTouchpoint, STATUS_ORDER, touchpointStatus } from '../../src/core/cadence';
import { civilFromDays, daysFromCivil } from './reference';

const day = (y: number, m: number, d: number) => daysFromCivil(y, m, d);
const iso = (d: number | null) => {
  if (d === null) return null;
  const c = civilFromDays(d);
  return `${c.year}-${String(c.month).padStart(2, '0')}-${String(c.day).padStart(2, '0')}`;
};
const TODAY = day(2026, 2, 3);

/** cadenceOf with the next contact shown as ISO text. */
function cadence(lastContact: number | null, tier: 'A' | 'B' | 'C' = 'A', active = true, settings = DEFAULT_CADENCE) {
  const r = cadenceOf({ active, tier, lastContact }, TODAY, settings);
  return { ...r, nextContact: iso(r.nextContact) };
}

describe('DEFAULT_CADENCE', () => {
  it('is the playbook: A every month, B every 3, C every 6, due soon within 7 days', () => {
    expect(DEFAULT_CADENCE).toEqual({ monthsPerTier: { A: 1, B: 3, C: 6 }, dueSoonDays: 7 });
  });
});

describe('nextTouchpoint', () => {
  it("adds the tier's months with EDATE clamping: 31 Jan is next due 28 Feb (A), 30 Apr (B), 31 Jul (C)", () => {
    expect(iso(nextTouchpoint(day(2026, 1, 31), 'A'))).toBe('2026-02-28');
    expect(iso(nextTouchpoint(day(2026, 1, 31), 'B'))).toBe('2026-04-30');
    expect(iso(nextTouchpoint(day(2026, 1, 31), 'C'))).toBe('2026-07-31');
  });

  it('uses the months of custom settings', () => {
    const settings = { monthsPerTier: { A: 2, B: 4, C: 12 }, dueSoonDays: 7 };
    expect(iso(nextTouchpoint(day(2028, 2, 29), 'C', settings))).toBe('2029-02-28');
    expect(iso(nextTouchpoint(day(2026, 12, 31), 'A', settings))).toBe('2027-02-28');
  });
});

describe('touchpointStatus', () => {
  it('is overdue from the day after the due date', () => {
    expect(touchpointStatus(TODAY - 1, TODAY, 7)).toBe('overdue');
    expect(touchpointStatus(TODAY - 400, TODAY, 7)).toBe('overdue');
  });

  it('is due soon from the due date back to the window: today, today+7', () => {
    expect(touchpointStatus(TODAY, TODAY, 7)).toBe('dueSoon');
    expect(touchpointStatus(TODAY + 7, TODAY, 7)).toBe('dueSoon');
  });

  it('is on track beyond the window: today+8', () => {
    expect(touchpointStatus(TODAY + 8, TODAY, 7)).toBe('onTrack');
  });

  it('with a window of 0 days, is due soon only on the due date itself', () => {
    expect(touchpointStatus(TODAY, TODAY, 0)).toBe('dueSoon');
    expect(touchpointStatus(TODAY + 1, TODAY, 0)).toBe('onTrack');
  });
});

describe('cadenceOf', () => {
  it('is due soon, 0 days overdue, when the next contact is today (A, last contact 3 Jan)', () => {
    expect(cadence(day(2026, 1, 3))).toEqual({ status: 'dueSoon', nextContact: '2026-02-03', daysOverdue: 0 });
  });

  it('is overdue by 1 day when the next contact was yesterday (A, last contact 2 Jan)', () => {
    expect(cadence(day(2026, 1, 2))).toEqual({ status: 'overdue', nextContact: '2026-02-02', daysOverdue: 1 });
  });

  it('is due soon at today+7 and on track at today+8', () => {
    expect(cadence(day(2026, 1, 10))).toEqual({ status: 'dueSoon', nextContact: '2026-02-10', daysOverdue: 0 });
    expect(cadence(day(2026, 1, 11))).toEqual({ status: 'onTrack', nextContact: '2026-02-11', daysOverdue: 0 });
  });

  it('counts the days overdue across months: C last seen 15 Jan 2025, due 15 Jul 2025, is 203 days late', () => {
    // 16-31 Jul 16 + Aug-Dec 153 + Jan 31 + 3 Feb = 203
    expect(cadence(day(2025, 1, 15), 'C')).toEqual({ status: 'overdue', nextContact: '2025-07-15', daysOverdue: 203 });
  });

  it('follows the tier: the same last contact is overdue for A and on track for B', () => {
    expect(cadence(day(2025, 12, 20), 'A').status).toBe('overdue'); // due 20 Jan
    expect(cadence(day(2025, 12, 20), 'B')).toEqual({ status: 'onTrack', nextContact: '2026-03-20', daysOverdue: 0 });
  });

  it('is "never", due today, when there is no last contact', () => {
    expect(cadence(null)).toEqual({ status: 'never', nextContact: '2026-02-03', daysOverdue: 0 });
  });

  it('is inactive with no next contact and no days overdue when not active, contacted or not', () => {
    expect(cadence(day(2025, 1, 1), 'A', false)).toEqual({ status: 'inactive', nextContact: null, daysOverdue: null });
    expect(cadence(null, 'A', false)).toEqual({ status: 'inactive', nextContact: null, daysOverdue: null });
  });

  it("uses the settings' due-soon window", () => {
    const wide = { ...DEFAULT_CADENCE, dueSoonDays: 14 };
    expect(cadence(day(2026, 1, 11), 'A', true, wide).status).toBe('dueSoon'); // due today+8
  });

  it('is on track when the last contact lies in the future', () => {
    expect(cadence(day(2026, 3, 1))).toEqual({ status: 'onTrack', nextContact: '2026-04-01', daysOverdue: 0 });
  });
});

describe('STATUS_ORDER', () => {
  it('puts the most urgent first: overdue, never, due soon, on track, inactive', () => {
    expect(STATUS_ORDER).toEqual(['overdue', 'never', 'dueSoon', 'onTrack', 'inactive']);
  });
});
