import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { intlClock } from '../../src/core/dates';
import { conventionsFor } from '../../src/core/locale';
import {
  isBlank,
  isCellError,
  parseAmount,
  parseCount,
  parseDay,
  parseEmail,
  parseRelationType,
  parseRevenue,
  parseTier,
  parseYesNo,
} from '../../src/core/parse';
import { civilFromDays, daysFromCivil } from './reference';

const NL = conventionsFor('nl_NL');
const US = conventionsFor('en_US');
const GB = conventionsFor('en_GB');

const nl = (tz = 'Europe/Amsterdam') => ({ conventions: NL, clock: intlClock(tz) });
const us = (tz = 'America/Los_Angeles') => ({ conventions: US, clock: intlClock(tz) });

const iso = (d: number) => {
  const c = civilFromDays(d);
  return `${String(c.year).padStart(4, '0')}-${String(c.month).padStart(2, '0')}-${String(c.day).padStart(2, '0')}`;
};

/** What parseDay made of a value, as ISO text or the error kind, so failures read well. */
function dayText(value: unknown, ctx = nl()): string {
  const r = parseDay(value, ctx);
  return r.ok ? iso(r.value) : `error: ${r.error}`;
}

const ERRORS = ['date', 'amount', 'negativeAmount', 'count', 'tier', 'yesNo', 'relationType', 'email', 'cellError'];

describe('parseDay: Date cells', () => {
  it('reads a Date in the spreadsheet zone: midnight 3 Feb 2026 in Auckland is 3 Feb there, though 2 Feb in UTC', () => {
    const aucklandMidnight = new Date('2026-02-02T11:00:00Z');
    expect(dayText(aucklandMidnight, nl('Pacific/Auckland'))).toBe('2026-02-03');
    expect(dayText(aucklandMidnight, nl('UTC'))).toBe('2026-02-02');
    expect(dayText(aucklandMidnight, us('America/Los_Angeles'))).toBe('2026-02-02');
  });

  it('reads midnight 3 Feb 2026 in Amsterdam (23:00 UTC on 2 Feb) as 3 Feb in Amsterdam', () => {
    const amsterdamMidnight = new Date('2026-02-02T23:00:00Z');
    expect(dayText(amsterdamMidnight, nl('Europe/Amsterdam'))).toBe('2026-02-03');
    expect(dayText(amsterdamMidnight, nl('UTC'))).toBe('2026-02-02');
  });

  it('reads midnight 3 Feb 2026 in Los Angeles (08:00 UTC) as 3 Feb there and in Auckland (21:00)', () => {
    const laMidnight = new Date('2026-02-03T08:00:00Z');
    expect(dayText(laMidnight, us('America/Los_Angeles'))).toBe('2026-02-03');
    expect(dayText(laMidnight, nl('Pacific/Auckland'))).toBe('2026-02-03');
  });

  it('keeps the date of a Date with a late time: 23:59 on 3 Feb in Amsterdam is 3 Feb there', () => {
    expect(dayText(new Date('2026-02-03T22:59:00Z'), nl('Europe/Amsterdam'))).toBe('2026-02-03');
  });

  it('rejects an invalid Date and Dates outside 1900-9999', () => {
    expect(dayText(new Date(NaN))).toBe('error: date');
    expect(dayText(new Date('1899-12-31T12:00:00Z'), nl('UTC'))).toBe('error: date');
    expect(dayText(new Date('+010000-01-01T12:00:00Z'), nl('UTC'))).toBe('error: date');
  });

  it('rejects a Date before year 1 in every zone, not only in UTC', () => {
    // 3 February of 2026 BC (ISO year -2025): the era must not be lost when reading the year.
    const bc = new Date(Date.UTC(-2025, 1, 3, 12));
    for (const tz of ['UTC', 'Europe/Amsterdam', 'Pacific/Auckland', 'America/Los_Angeles']) {
      expect({ tz, day: dayText(bc, nl(tz)) }).toEqual({ tz, day: 'error: date' });
    }
  });
});

describe('parseDay: serials', () => {
  it('reads 46056 as 3 February 2026 and ignores the time fraction', () => {
    expect(dayText(46056)).toBe('2026-02-03');
    expect(dayText(46056.75)).toBe('2026-02-03');
    expect(dayText(25569)).toBe('1970-01-01');
  });

  it('accepts serials from 2 (1 Jan 1900) to 2958465 (31 Dec 9999) and rejects the rest', () => {
    expect(dayText(2)).toBe('1900-01-01');
    expect(dayText(2958465)).toBe('9999-12-31');
    expect(dayText(1)).toBe('error: date');
    expect(dayText(0)).toBe('error: date');
    expect(dayText(-46056)).toBe('error: date');
    expect(dayText(2958466)).toBe('error: date');
    expect(dayText(NaN)).toBe('error: date');
    expect(dayText(Infinity)).toBe('error: date');
  });
});

describe('parseDay: text', () => {
  it('reads ISO dates in every locale, with or without leading zeros', () => {
    expect(dayText('2026-02-03')).toBe('2026-02-03');
    expect(dayText('2026-2-3')).toBe('2026-02-03');
    expect(dayText('2026-02-03', us())).toBe('2026-02-03');
    expect(dayText(' 2026-02-03 ')).toBe('2026-02-03');
  });

  it('ignores a time after an ISO date, with a space or a T', () => {
    expect(dayText('2026-02-03 23:30')).toBe('2026-02-03');
    expect(dayText('2026-02-03 23:30:15')).toBe('2026-02-03');
    expect(dayText('2026-02-03T23:30')).toBe('2026-02-03');
    expect(dayText('2026-02-03T23:30:00Z')).toBe('2026-02-03');
    expect(dayText('2026-02-03T23:30:00+01:00')).toBe('2026-02-03');
  });

  it('reads 3-2-2026 as 3 February in nl_NL and as 2 March in en_US', () => {
    expect(dayText('3-2-2026', nl())).toBe('2026-02-03');
    expect(dayText('3-2-2026', us())).toBe('2026-03-02');
  });

  it('reads 03/02/2026 as 3 February in nl_NL and en_GB and as 2 March in en_US', () => {
    expect(dayText('03/02/2026', nl())).toBe('2026-02-03');
    expect(dayText('03/02/2026', { conventions: GB, clock: intlClock('Europe/London') })).toBe('2026-02-03');
    expect(dayText('03/02/2026', us())).toBe('2026-03-02');
  });

  it('reads dotted dates and a time after a short date', () => {
    expect(dayText('3.2.2026')).toBe('2026-02-03');
    expect(dayText('3-2-2026 10:00')).toBe('2026-02-03');
  });

  it('reads two-digit years as Sheets does: 00-29 are 2000-2029, 30-99 are 1930-1999', () => {
    expect(dayText('3-2-26')).toBe('2026-02-03');
    expect(dayText('3.2.00')).toBe('2000-02-03');
    expect(dayText('3-2-29')).toBe('2029-02-03');
    expect(dayText('3-2-30')).toBe('1930-02-03');
    expect(dayText('3-2-99')).toBe('1999-02-03');
    expect(dayText('2/3/26', us())).toBe('2026-02-03');
  });

  it('reads Dutch and English month names, abbreviated or not, in any case', () => {
    expect(dayText('3 februari 2026')).toBe('2026-02-03');
    expect(dayText('3 Februari 2026')).toBe('2026-02-03');
    expect(dayText('3 feb. 2026')).toBe('2026-02-03');
    expect(dayText('3 mrt 2026')).toBe('2026-03-03');
    expect(dayText('17 oktober 2025')).toBe('2025-10-17');
    expect(dayText('1 mei 2026')).toBe('2026-05-01');
    expect(dayText('Feb 3, 2026', us())).toBe('2026-02-03');
    expect(dayText('Feb 3, 2026', nl())).toBe('2026-02-03');
    expect(dayText('February 3 2026', us())).toBe('2026-02-03');
    expect(dayText('3 March 2026', us())).toBe('2026-03-03');
    expect(dayText('Oct 17, 2025', us())).toBe('2025-10-17');
  });

  it('rejects dates that do not exist: 31-2-2026, 29-2-2026, Feb 30, month 13', () => {
    expect(dayText('31-2-2026')).toBe('error: date');
    expect(dayText('29-2-2026')).toBe('error: date');
    expect(dayText('29-2-2028')).toBe('2028-02-29');
    expect(dayText('Feb 30, 2026', us())).toBe('error: date');
    expect(dayText('2026-13-01')).toBe('error: date');
    expect(dayText('13/13/2026', us())).toBe('error: date');
  });

  it('rejects years outside 1900-9999', () => {
    expect(dayText('1899-12-31')).toBe('error: date');
    expect(dayText('31-12-1899')).toBe('error: date');
    expect(dayText('1-1-10000')).toBe('error: date');
    expect(dayText('10000-01-01')).toBe('error: date');
    expect(dayText('1-1-1900')).toBe('1900-01-01');
    expect(dayText('31-12-9999')).toBe('9999-12-31');
  });

  it('rejects words, unknown month names, mixed separators and blanks', () => {
    expect(dayText('vorige week')).toBe('error: date');
    expect(dayText('3 foo 2026')).toBe('error: date');
    expect(dayText('3-2/2026')).toBe('error: date');
    expect(dayText('3-2')).toBe('error: date');
    expect(dayText('20260203')).toBe('error: date');
    expect(dayText('')).toBe('error: date');
    expect(dayText(true)).toBe('error: date');
    expect(dayText(null)).toBe('error: date');
  });

  it('reports spreadsheet error values as cell errors, not as bad dates', () => {
    expect(dayText('#N/A')).toBe('error: cellError');
    expect(dayText(' #n/a ')).toBe('error: cellError');
    expect(dayText('#REF!')).toBe('error: cellError');
    expect(dayText('#VALUE!')).toBe('error: cellError');
  });
});

// Independent formatters: what a person or another program writes.
const pad = (n: number) => String(n).padStart(2, '0');
const FIRST = daysFromCivil(1900, 1, 1);
const LAST = daysFromCivil(9999, 12, 31);
const anyDay = fc.integer({ min: FIRST, max: LAST });

describe('parseDay round trips', () => {
  it('reads back d-m-yyyy and dd-mm-yyyy in nl_NL', () => {
    fc.assert(
      fc.property(anyDay, (d) => {
        const c = civilFromDays(d);
        expect(parseDay(`${c.day}-${c.month}-${c.year}`, nl())).toEqual({ ok: true, value: d });
        expect(parseDay(`${pad(c.day)}-${pad(c.month)}-${c.year}`, nl())).toEqual({ ok: true, value: d });
      }),
    );
  });

  it('reads back m/d/yyyy in en_US', () => {
    fc.assert(
      fc.property(anyDay, (d) => {
        const c = civilFromDays(d);
        expect(parseDay(`${c.month}/${c.day}/${c.year}`, us())).toEqual({ ok: true, value: d });
      }),
    );
  });

  it('reads back ISO yyyy-mm-dd in nl_NL and en_US', () => {
    fc.assert(
      fc.property(anyDay, (d) => {
        const text = iso(d);
        expect(parseDay(text, nl())).toEqual({ ok: true, value: d });
        expect(parseDay(text, us())).toEqual({ ok: true, value: d });
      }),
    );
  });

  it('reads back a serial as the same day', () => {
    fc.assert(
      fc.property(anyDay, fc.double({ min: 0, max: 0.999, noNaN: true }), (d, time) => {
        expect(parseDay(d + 25569 + time, nl())).toEqual({ ok: true, value: d });
      }),
    );
  });
});

describe('parseAmount', () => {
  const amount = (value: unknown, conventions = NL) => {
    const r = parseAmount(value, conventions);
    return r.ok ? r.value : `error: ${r.error}`;
  };

  it('reads Dutch amounts: € 12.500,00 is 12500, 12,5 is 12.5', () => {
    expect(amount('€ 12.500,00')).toBe(12500);
    expect(amount('€12.500,00')).toBe(12500);
    expect(amount('12.500,00 €')).toBe(12500);
    expect(amount('12,5')).toBe(12.5);
    expect(amount('1.234.567,89')).toBe(1234567.89);
    expect(amount('€ 1 250,50')).toBe(1250.5);
  });

  it('reads plain numbers and numeric cells', () => {
    expect(amount('12500')).toBe(12500);
    expect(amount(12500)).toBe(12500);
    expect(amount(12500.5)).toBe(12500.5);
    expect(amount(0)).toBe(0);
  });

  it('reads 12.500 as 12500 in nl_NL but as 12.5 in en_US', () => {
    expect(amount('12.500', NL)).toBe(12500);
    expect(amount('12.500', US)).toBe(12.5);
  });

  it('reads 12,500 as 12.5 in nl_NL but as 12500 in en_US', () => {
    expect(amount('12,500', NL)).toBe(12.5);
    expect(amount('12,500', US)).toBe(12500);
  });

  it('takes the last separator as the decimal one when both appear, in every locale', () => {
    expect(amount('EUR 12,500.00', NL)).toBe(12500);
    expect(amount('EUR 12,500.00', US)).toBe(12500);
    expect(amount('12.500,00', US)).toBe(12500);
    expect(amount('$1,234,567.89', US)).toBe(1234567.89);
  });

  it('reads whole euros written € 4.200,- as 4200', () => {
    expect(amount('€ 4.200,-')).toBe(4200);
    expect(amount('4.200,--')).toBe(4200);
  });

  it('reads € 4.200,- as 4200 in en_US too: the ,- says the comma is the decimal one', () => {
    expect(amount('€ 4.200,-', US)).toBe(4200);
    expect(amount('4,200.-', US)).toBe(4200);
  });

  it('reads (500) and -500 as -500, and a minus before the currency sign too', () => {
    expect(amount('(500)')).toBe(-500);
    expect(amount('(€ 500,00)')).toBe(-500);
    expect(amount('-500')).toBe(-500);
    expect(amount('-€ 1.250,50')).toBe(-1250.5);
    expect(amount('€ -1.250,50')).toBe(-1250.5);
  });

  it('rejects separators that do not group by three, such as 1.25.00 and 12.50.000', () => {
    expect(amount('1.25.00')).toBe('error: amount');
    expect(amount('12.50.000')).toBe('error: amount');
    expect(amount('1,2,3', US)).toBe('error: amount');
    expect(amount('12..5')).toBe('error: amount');
    expect(amount('1.000,00,00')).toBe('error: amount');
  });

  it('rejects garbage, bare signs, dangling separators and non-finite numbers', () => {
    for (const text of ['abc', '12abc', 'twaalf', '€', '', ' ', '.5', '5.', '5,', '1e5', '--5']) {
      expect({ text, result: amount(text) }).toEqual({ text, result: 'error: amount' });
    }
    expect(amount(NaN)).toBe('error: amount');
    expect(amount(Infinity)).toBe('error: amount');
    expect(amount(true)).toBe('error: amount');
    expect(amount(null)).toBe('error: amount');
  });

  it('reports a spreadsheet error value as a cell error', () => {
    expect(amount('#DIV/0!')).toBe('error: cellError');
    expect(amount('#N/A')).toBe('error: cellError');
  });

  it('reads back any amount written with Dutch separators, e.g. € 12.500,00, in nl_NL', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999_999 }), (cents) => {
        const whole = Math.floor(cents / 100).toLocaleString('en-US').replace(/,/g, '.');
        const text = `€ ${whole},${pad(cents % 100)}`;
        expect(parseAmount(text, NL)).toEqual({ ok: true, value: cents / 100 });
      }),
    );
  });

  it('reads back any amount written with US separators, e.g. 12,500.00, in en_US', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999_999 }), (cents) => {
        const text = `${Math.floor(cents / 100).toLocaleString('en-US')}.${pad(cents % 100)}`;
        expect(parseAmount(text, US)).toEqual({ ok: true, value: cents / 100 });
      }),
    );
  });
});

describe('parseRevenue and parseCount', () => {
  it('accepts zero and positive revenue, and calls a negative one a negative amount', () => {
    expect(parseRevenue('€ 12.500,00', NL)).toEqual({ ok: true, value: 12500 });
    expect(parseRevenue(0, NL)).toEqual({ ok: true, value: 0 });
    expect(parseRevenue('-500', NL)).toEqual({ ok: false, error: 'negativeAmount' });
    expect(parseRevenue('(500)', NL)).toEqual({ ok: false, error: 'negativeAmount' });
    expect(parseRevenue('veel', NL)).toEqual({ ok: false, error: 'amount' });
  });

  it('accepts whole non-negative counts only', () => {
    expect(parseCount('3', NL)).toEqual({ ok: true, value: 3 });
    expect(parseCount(0, NL)).toEqual({ ok: true, value: 0 });
    expect(parseCount('1.000', NL)).toEqual({ ok: true, value: 1000 });
    expect(parseCount('2,5', NL)).toEqual({ ok: false, error: 'count' });
    expect(parseCount(-1, NL)).toEqual({ ok: false, error: 'count' });
    expect(parseCount('drie', NL)).toEqual({ ok: false, error: 'count' });
    expect(parseCount('#N/A', NL)).toEqual({ ok: false, error: 'cellError' });
  });
});

describe('parseTier', () => {
  it('reads a, A, spaces, A-klant, Tier B, c-kandidaat and the English words', () => {
    const cases: Array<[string, string]> = [
      ['a', 'A'],
      [' A ', 'A'],
      ['A-klant', 'A'],
      ['Tier B', 'B'],
      ['TIER c', 'C'],
      ['c-kandidaat', 'C'],
      ['b klant', 'B'],
      ['A-client', 'A'],
      ['B-candidate', 'B'],
    ];
    for (const [text, tier] of cases) expect({ text, r: parseTier(text) }).toEqual({ text, r: { ok: true, value: tier } });
  });

  it('rejects D, AB, blank, Tier alone, A+ and numbers', () => {
    for (const value of ['D', 'AB', '', '  ', 'Tier', 'A+', 'klant', 1]) {
      expect({ value, r: parseTier(value) }).toEqual({ value, r: { ok: false, error: 'tier' } });
    }
  });

  it('reports #N/A as a cell error', () => {
    expect(parseTier('#N/A')).toEqual({ ok: false, error: 'cellError' });
  });
});

describe('parseYesNo', () => {
  it('reads ja, x, TRUE, WAAR and 1 as yes', () => {
    for (const value of ['ja', 'Ja ', 'JA', 'x', 'X', 'yes', 'TRUE', 'WAAR', 'actief', true, 1]) {
      expect({ value, r: parseYesNo(value) }).toEqual({ value, r: { ok: true, value: true } });
    }
  });

  it('reads nee, no, FALSE, ONWAAR and 0 as no', () => {
    for (const value of ['nee', ' Nee', 'no', 'FALSE', 'ONWAAR', 'inactief', false, 0]) {
      expect({ value, r: parseYesNo(value) }).toEqual({ value, r: { ok: true, value: false } });
    }
  });

  it('rejects anything else, including 2 and blank', () => {
    for (const value of ['misschien', 'jaa', '', 2, null]) {
      expect({ value, r: parseYesNo(value) }).toEqual({ value, r: { ok: false, error: 'yesNo' } });
    }
    expect(parseYesNo('#N/A')).toEqual({ ok: false, error: 'cellError' });
  });
});

describe('parseRelationType', () => {
  it('reads Klant and Client as client, Kandidaat and Candidate as candidate, in any case', () => {
    expect(parseRelationType('Klant')).toEqual({ ok: true, value: 'client' });
    expect(parseRelationType(' KLANT ')).toEqual({ ok: true, value: 'client' });
    expect(parseRelationType('client')).toEqual({ ok: true, value: 'client' });
    expect(parseRelationType('Kandidaat')).toEqual({ ok: true, value: 'candidate' });
    expect(parseRelationType('Candidate')).toEqual({ ok: true, value: 'candidate' });
  });

  it('rejects other words and non-text, and reports #N/A as a cell error', () => {
    expect(parseRelationType('prospect')).toEqual({ ok: false, error: 'relationType' });
    expect(parseRelationType('')).toEqual({ ok: false, error: 'relationType' });
    expect(parseRelationType(1)).toEqual({ ok: false, error: 'relationType' });
    expect(parseRelationType('#N/A')).toEqual({ ok: false, error: 'cellError' });
  });
});

describe('parseEmail', () => {
  it('takes the address out of Naam <naam@bureau.nl> and lower-cases it', () => {
    expect(parseEmail('Sanne de Vries <Sanne.de.Vries@Bureau.NL>')).toEqual({ ok: true, value: 'sanne.de.vries@bureau.nl' });
    expect(parseEmail('Naam <naam@bureau.nl>')).toEqual({ ok: true, value: 'naam@bureau.nl' });
  });

  it('lower-cases and trims a bare address', () => {
    expect(parseEmail('  Joris@Bureau.nl ')).toEqual({ ok: true, value: 'joris@bureau.nl' });
  });

  it('rejects text without a valid address', () => {
    for (const value of ['geen', 'naam@bureau', 'naam bureau.nl', 'a@@bureau.nl', 'Naam <>', 'naam @bureau.nl', '', 42]) {
      expect({ value, r: parseEmail(value) }).toEqual({ value, r: { ok: false, error: 'email' } });
    }
    expect(parseEmail('#N/A')).toEqual({ ok: false, error: 'cellError' });
  });
});

describe('isBlank and isCellError', () => {
  it('treat null, undefined and whitespace as blank, but not 0 or FALSE', () => {
    expect([null, undefined, '', '   ', 0, false, 'x'].map(isBlank)).toEqual([true, true, true, true, false, false, false]);
  });

  it('recognise the spreadsheet error values and nothing else starting with #', () => {
    expect(['#N/A', '#REF!', '#DIV/0!', '#NAME?', '#NUM!', '#ERROR!', ' #value! '].map(isCellError)).toEqual(Array(7).fill(true));
    expect(['#1', '#hashtag', 'N/A', 404].map(isCellError)).toEqual([false, false, false, false]);
  });
});

describe('every parser, given anything', () => {
  const anyCell = fc.oneof(
    fc.anything(),
    fc.string(),
    fc.string({ unit: 'binary' }),
    fc.double(),
    fc.date({ noInvalidDate: false }),
    fc.constantFrom('#N/A', '€ 12.500,00', '3-2-2026', 'A-klant', '(500)', '', ' '),
  );
  const isResult = (r: unknown) =>
    typeof r === 'object' &&
    r !== null &&
    ((r as { ok: boolean }).ok === true
      ? 'value' in r
      : (r as { ok: boolean }).ok === false && ERRORS.includes((r as { error: string }).error));

  it('returns a value or an error kind and never throws', () => {
    fc.assert(
      fc.property(anyCell, fc.constantFrom(NL, US), fc.constantFrom('UTC', 'Pacific/Auckland', 'America/Los_Angeles'), (value, conventions, tz) => {
        const ctx = { conventions, clock: intlClock(tz) };
        const results = {
          day: parseDay(value, ctx),
          amount: parseAmount(value, conventions),
          revenue: parseRevenue(value, conventions),
          count: parseCount(value, conventions),
          tier: parseTier(value),
          yesNo: parseYesNo(value),
          type: parseRelationType(value),
          email: parseEmail(value),
        };
        for (const r of Object.values(results)) expect(isResult(r)).toBe(true);
        // What a success holds is usable: a whole day in 1900-9999, a finite amount, a known tier.
        if (results.day.ok) expect(Number.isInteger(results.day.value) && results.day.value >= FIRST && results.day.value <= LAST).toBe(true);
        if (results.amount.ok) expect(Number.isFinite(results.amount.value)).toBe(true);
        if (results.revenue.ok) expect(results.revenue.value).toBeGreaterThanOrEqual(0);
        if (results.tier.ok) expect(['A', 'B', 'C']).toContain(results.tier.value);
      }),
      { numRuns: 300 },
    );
  });

});
