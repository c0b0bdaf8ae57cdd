import { describe, expect, it } from 'vitest';

// Guards the harness itself: each project really runs in the machine time zone it is named after.
describe('the machine time zone of this test run', () => {
  it('is the one the project sets', () => {
    const expected: Record<string, number> = { UTC: 0, 'Europe/Amsterdam': -60, 'America/Los_Angeles': 480, 'Pacific/Auckland': -780 };
    const zone = process.env.TZ!;
    expect(Object.keys(expected)).toContain(zone);
    // 1 January: no daylight saving in the north; Auckland is on NZDT (+13).
    expect(new Date(2026, 0, 1).getTimezoneOffset()).toBe(expected[zone]);
  });
});
