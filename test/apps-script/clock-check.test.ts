// Issue 9, "Time zones": the bundle trusts Intl only when it agrees with Utilities.formatDate by UTC
// offset at several instants around both clock changes, and its Utilities fallback finds the first
// instant of a day whose midnight the clocks skip. An Intl that is wrong is planted in the bundle's
// own context; Utilities (the fake, on Node's correct zone data) stays right.

import { describe, expect, it } from 'vitest';
import { loadCadans, midnight, workbook, type Cadans } from './harness';

/** Replaces Intl.DateTimeFormat in the bundle's context with one that reads `zoneFor(zone)` instead. */
function plantIntl(cadans: Cadans, zoneFor: string): void {
  cadans.evaluate(`(() => {
    const Real = Intl.DateTimeFormat;
    const zoneFor = ${zoneFor};
    function Wrong(locale, options) {
      const o = Object.assign({}, options);
      if (o.timeZone) o.timeZone = zoneFor(o.timeZone);
      return new Real(locale, o);
    }
    Wrong.prototype = Real.prototype;
    Wrong.supportedLocalesOf = Real.supportedLocalesOf;
    Intl.DateTimeFormat = Wrong;
  })()`);
}

function nextTouchpoint(cadans: Cadans, last: Date): Date {
  return cadans.formula('NEXT_TOUCHPOINT', last, 'A') as Date;
}

describe('the Apps Script clock', () => {
  it('uses Intl when it agrees with Utilities, probing 7 instants in a zone with two clock changes', () => {
    const tz = 'Europe/Amsterdam';
    const cadans = loadCadans(workbook({ timeZone: tz }));
    cadans.env.reset();
    expect(nextTouchpoint(cadans, midnight(tz, '2026-06-15'))).toEqual(midnight(tz, '2026-07-15'));
    expect(cadans.env.count('Utilities.formatDate')).toBe(7);
  });

  it('falls back to Utilities when Intl ignores the time zone, though it gives the right date most hours', () => {
    const tz = 'Europe/Amsterdam';
    const cadans = loadCadans(workbook({ timeZone: tz }));
    plantIntl(cadans, "() => 'UTC'");
    expect(nextTouchpoint(cadans, midnight(tz, '2026-06-15'))).toEqual(midnight(tz, '2026-07-15'));
  });

  it('falls back to Utilities when Intl knows no summer time: the dates agree in winter, the offsets in July do not', () => {
    const tz = 'Europe/Amsterdam';
    const cadans = loadCadans(workbook({ timeZone: tz }));
    // A fixed UTC+1 for Amsterdam: right from November to March.
    plantIntl(cadans, "(zone) => (zone === 'Europe/Amsterdam' ? 'Etc/GMT-1' : zone)");
    expect(nextTouchpoint(cadans, midnight(tz, '2026-06-15'))).toEqual(midnight(tz, '2026-07-15'));
    expect(midnight(tz, '2026-07-15').toISOString()).toBe('2026-07-14T22:00:00.000Z');
  });

  it('finds the first instant of a day whose midnight the clocks skip (Santiago, 6 September 2026), not the day before', () => {
    const tz = 'America/Santiago';
    const cadans = loadCadans(workbook({ timeZone: tz }));
    plantIntl(cadans, "() => 'UTC'");
    // 00:00 does not exist that day: the clocks go from 23:59:59 (UTC-4) to 01:00 (UTC-3).
    expect(nextTouchpoint(cadans, midnight(tz, '2026-08-06')).toISOString()).toBe('2026-09-06T04:00:00.000Z');
    // And an ordinary day stays at midnight.
    expect(nextTouchpoint(cadans, midnight(tz, '2026-09-10'))).toEqual(midnight(tz, '2026-10-10'));
  });
});
