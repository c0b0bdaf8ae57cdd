import { describe, expect, it } from 'vitest';
import { dayOfInstant, intlClock } from '../../src/core/dates';
import { conventionsFor, type Language } from '../../src/core/locale';
import { CONCENTRATION, type FormulaContext, NEXT_TOUCHPOINT, RELATION_TIER, TOUCHPOINT_STATUS } from '../../src/formulas/formulas';
import { daysFromCivil, wallClockText } from '../core/reference';

function ctx(timeZone = 'Europe/Amsterdam', locale = 'nl_NL', language: Language = 'nl'): FormulaContext {
  return { clock: intlClock(timeZone), conventions: conventionsFor(locale), language };
}
const NL = ctx();
const EN = ctx('America/Los_Angeles', 'en_US', 'en');

/** A formula result as a user sees it in a zone: dates as wall-clock text, everything else as is. */
function shown(result: unknown, timeZone: string): unknown {
  if (Array.isArray(result)) return result.map((row) => shown(row, timeZone));
  if (Object.prototype.toString.call(result) === '[object Date]') return wallClockText(result as Date, timeZone);
  return result;
}

/** The message of the error a formula throws. */
function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected the formula to throw');
}

const NL_DATE = 'geen geldige datum; verwacht bijvoorbeeld 3-2-2026, 2026-02-03 of een datumcel (jaar 1900-9999)';
const EN_DATE = 'not a valid date; expected e.g. 2/3/2026, 2026-02-03 or a date cell (year 1900-9999)';

describe('NEXT_TOUCHPOINT', () => {
  it('returns a Date that is midnight of 28 Feb 2026 in the spreadsheet zone for 31-1-2026 and tier A', () => {
    const expected: Record<string, string> = {
      UTC: '2026-02-28T00:00:00.000Z',
      'Europe/Amsterdam': '2026-02-27T23:00:00.000Z', // +1
      'Pacific/Auckland': '2026-02-27T11:00:00.000Z', // +13 (daylight time)
      'America/Los_Angeles': '2026-02-28T08:00:00.000Z', // -8
      'Asia/Kolkata': '2026-02-27T18:30:00.000Z', // +5:30
    };
    for (const [tz, instant] of Object.entries(expected)) {
      const result = NEXT_TOUCHPOINT(ctx(tz), '31-1-2026', 'A') as Date;
      expect({ tz, instant: result.toISOString() }).toEqual({ tz, instant });
      expect(dayOfInstant(result, tz)).toBe(daysFromCivil(2026, 2, 28));
    }
  });

  it('reads a Date cell in the spreadsheet zone: midnight 31 Jan in Auckland plus B is midnight 30 Apr there', () => {
    const lastContact = new Date('2026-01-30T11:00:00Z'); // 31 Jan 00:00 in Auckland (+13)
    const result = NEXT_TOUCHPOINT(ctx('Pacific/Auckland'), lastContact, 'B') as Date;
    // Daylight time has ended by 30 April: +12.
    expect(result.toISOString()).toBe('2026-04-29T12:00:00.000Z');
    expect(shown(result, 'Pacific/Auckland')).toBe('2026-04-30 00:00:00');
  });

  it('reads a serial and a tier written as c-kandidaat: 46056 (3 Feb 2026) plus 6 months is 3 Aug 2026', () => {
    expect(shown(NEXT_TOUCHPOINT(NL, 46056, 'c-kandidaat'), 'Europe/Amsterdam')).toBe('2026-08-03 00:00:00');
  });

  it('reads dates in the locale order: 2/1/2026 is 2 January in nl_NL and 1 February in en_US', () => {
    expect(shown(NEXT_TOUCHPOINT(NL, '2/1/2026', 'A'), 'Europe/Amsterdam')).toBe('2026-02-02 00:00:00');
    expect(shown(NEXT_TOUCHPOINT(EN, '2/1/2026', 'A'), 'America/Los_Angeles')).toBe('2026-03-01 00:00:00');
  });

  it('returns a column of the same shape for a column of dates and tiers, blank where the date is blank', () => {
    const result = NEXT_TOUCHPOINT(NL, [['31-1-2026'], [''], ['2026-02-03']], [['A'], ['B'], ['C']]);
    expect(shown(result, 'Europe/Amsterdam')).toEqual([['2026-02-28 00:00:00'], [''], ['2026-08-03 00:00:00']]);
  });

  it('applies a single tier to every date of a range', () => {
    const result = NEXT_TOUCHPOINT(NL, [['31-1-2026'], ['15-3-2026']], 'B');
    expect(shown(result, 'Europe/Amsterdam')).toEqual([['2026-04-30 00:00:00'], ['2026-06-15 00:00:00']]);
  });

  it('keeps a 2x2 shape', () => {
    const result = NEXT_TOUCHPOINT(NL, [['31-1-2026', '1-2-2026'], ['28-2-2026', '']], [['A', 'B'], ['C', 'A']]);
    expect(shown(result, 'Europe/Amsterdam')).toEqual([
      ['2026-02-28 00:00:00', '2026-05-01 00:00:00'],
      ['2026-08-28 00:00:00', ''],
    ]);
  });

  it('returns a blank for a blank date or a blank tier', () => {
    expect(NEXT_TOUCHPOINT(NL, '', 'A')).toBe('');
    expect(NEXT_TOUCHPOINT(NL, undefined, 'A')).toBe('');
    expect(NEXT_TOUCHPOINT(NL, '31-1-2026', '')).toBe('');
    expect(NEXT_TOUCHPOINT(NL, [['31-1-2026']], [['  ']])).toEqual([['']]);
  });

  it('uses a custom cadence_months range [[2],[4],[8]] for A, B and C', () => {
    const months = [[2], [4], [8]];
    const result = NEXT_TOUCHPOINT(NL, [['31-1-2026'], ['31-1-2026'], ['31-1-2026']], [['A'], ['B'], ['C']], months);
    expect(shown(result, 'Europe/Amsterdam')).toEqual([['2026-03-31 00:00:00'], ['2026-05-31 00:00:00'], ['2026-09-30 00:00:00']]);
  });

  it('accepts cadence_months as a row and as numbers typed as text', () => {
    expect(shown(NEXT_TOUCHPOINT(NL, '31-1-2026', 'C', [[2, 4, 8]]), 'Europe/Amsterdam')).toBe('2026-09-30 00:00:00');
    expect(shown(NEXT_TOUCHPOINT(NL, '31-1-2026', 'B', [['2'], ['4'], ['8']]), 'Europe/Amsterdam')).toBe('2026-05-31 00:00:00');
  });

  it('says cadence_months must be 3 cells when it is not', () => {
    expect(messageOf(() => NEXT_TOUCHPOINT(NL, '31-1-2026', 'A', [[1], [3]]))).toBe(
      'cadence_months moet 3 cellen zijn: maanden voor A, B en C (bijvoorbeeld 1, 3, 6)',
    );
    expect(messageOf(() => NEXT_TOUCHPOINT(EN, '2026-01-31', 'A', [[1, 3, 6, 12]]))).toBe(
      'cadence_months must be 3 cells: months for A, B and C (for example 1, 3, 6)',
    );
  });

  it('names a cadence cell that is not a whole number of months from 1 to 120', () => {
    expect(messageOf(() => NEXT_TOUCHPOINT(NL, '31-1-2026', 'A', [[1], [0], [6]]))).toBe(
      "'0' is geen geldig aantal maanden; verwacht een heel getal van 1 tot 120",
    );
    expect(messageOf(() => NEXT_TOUCHPOINT(EN, '2026-01-31', 'A', [[1], ['three'], [6]]))).toBe(
      "'three' is not a valid number of months; expected a whole number from 1 to 120",
    );
    expect(messageOf(() => NEXT_TOUCHPOINT(NL, '31-1-2026', 'A', [[1.5], [3], [6]]))).toContain("'1.5'");
    expect(messageOf(() => NEXT_TOUCHPOINT(NL, '31-1-2026', 'A', [[1], [3], [121]]))).toContain("'121'");
  });

  it('names a bad date and what is accepted, in Dutch and English', () => {
    expect(messageOf(() => NEXT_TOUCHPOINT(NL, 'vorige week', 'A'))).toBe(`'vorige week' is ${NL_DATE}`);
    expect(messageOf(() => NEXT_TOUCHPOINT(EN, 'last week', 'A'))).toBe(`'last week' is ${EN_DATE}`);
  });

  it('names the bad cell of a range', () => {
    expect(messageOf(() => NEXT_TOUCHPOINT(NL, [['3-2-2026'], ['31-2-2026']], 'A'))).toBe(`'31-2-2026' is ${NL_DATE}`);
  });

  it('names a bad tier and what is accepted', () => {
    expect(messageOf(() => NEXT_TOUCHPOINT(NL, '3-2-2026', 'D'))).toBe("'D' is geen geldige tier; verwacht A, B of C (ook a, A-klant, Tier B)");
    expect(messageOf(() => NEXT_TOUCHPOINT(EN, '2026-02-03', 'AB'))).toBe("'AB' is not a valid tier; expected A, B or C (also a, A-client, Tier B)");
  });

  it('names a cell error', () => {
    expect(messageOf(() => NEXT_TOUCHPOINT(NL, '#N/A', 'A'))).toBe("'#N/A' is de cel bevat een foutwaarde");
  });

  it('names both sizes when the ranges differ', () => {
    expect(messageOf(() => NEXT_TOUCHPOINT(NL, [['3-2-2026'], ['4-2-2026']], [['A'], ['B'], ['C']]))).toBe(
      'de bereiken moeten even groot zijn (2x1 en 3x1)',
    );
  });

  it('names a Date cell before 1900 by the date the sheet shows, not the UTC date', () => {
    const lastContact = new Date('1899-12-30T12:30:00Z'); // 31 Dec 1899 00:00 in Auckland (+11:30 then)
    expect(messageOf(() => NEXT_TOUCHPOINT(ctx('Pacific/Auckland'), lastContact, 'A'))).toBe(`'1899-12-31' is ${NL_DATE}`);
  });

  it('reports an invalid Date as not a valid date rather than failing with an internal error', () => {
    expect(messageOf(() => NEXT_TOUCHPOINT(NL, new Date(NaN), 'A'))).toContain(NL_DATE);
  });
});

describe('TOUCHPOINT_STATUS', () => {
  it('labels in Dutch: yesterday te laat, today and today+7 binnenkort, today+8 op schema', () => {
    const next = [['2-2-2026'], ['3-2-2026'], ['10-2-2026'], ['11-2-2026']];
    expect(TOUCHPOINT_STATUS(NL, next, '3-2-2026')).toEqual([['te laat'], ['binnenkort'], ['binnenkort'], ['op schema']]);
  });

  it('labels in English: overdue, due soon, on track', () => {
    const next = [['2026-02-02', '2026-02-03'], ['2/10/2026', '2/11/2026']];
    expect(TOUCHPOINT_STATUS(EN, next, '2/3/2026')).toEqual([
      ['overdue', 'due soon'],
      ['due soon', 'on track'],
    ]);
  });

  it('returns a single label for a single cell and a blank for a blank cell', () => {
    expect(TOUCHPOINT_STATUS(NL, '2-2-2026', '3-2-2026')).toBe('te laat');
    expect(TOUCHPOINT_STATUS(NL, '', '3-2-2026')).toBe('');
    expect(TOUCHPOINT_STATUS(NL, [['11-2-2026'], ['']], '3-2-2026')).toEqual([['op schema'], ['']]);
  });

  it('takes reference_date as a 1x1 range too', () => {
    expect(TOUCHPOINT_STATUS(NL, '3-2-2026', [['3-2-2026']])).toBe('binnenkort');
  });

  it('reads the Dates NEXT_TOUCHPOINT returns in the same zone: due 28 Feb, today 28 Feb in Auckland', () => {
    const auckland = ctx('Pacific/Auckland');
    const next = NEXT_TOUCHPOINT(auckland, '31-1-2026', 'A');
    const today = new Date('2026-02-27T11:00:00Z'); // 28 Feb 00:00 in Auckland
    const yesterdayThere = new Date('2026-02-26T11:00:00Z');
    const tomorrowThere = new Date('2026-02-28T11:00:00Z');
    expect(TOUCHPOINT_STATUS(auckland, next, today)).toBe('binnenkort');
    expect(TOUCHPOINT_STATUS(auckland, next, yesterdayThere)).toBe('binnenkort');
    expect(TOUCHPOINT_STATUS(auckland, next, tomorrowThere)).toBe('te laat');
  });

  it('uses due_soon_days: with 0 only today is due soon, with 14 today+8 is', () => {
    expect(TOUCHPOINT_STATUS(NL, [['3-2-2026'], ['4-2-2026']], '3-2-2026', 0)).toEqual([['binnenkort'], ['op schema']]);
    expect(TOUCHPOINT_STATUS(NL, '11-2-2026', '3-2-2026', 14)).toBe('binnenkort');
    expect(TOUCHPOINT_STATUS(NL, '11-2-2026', '3-2-2026', [['14']])).toBe('binnenkort');
    expect(TOUCHPOINT_STATUS(NL, '11-2-2026', '3-2-2026', '')).toBe('op schema');
  });

  it('says reference_date is missing when it is blank', () => {
    expect(messageOf(() => TOUCHPOINT_STATUS(NL, '3-2-2026', ''))).toBe(
      'reference_date ontbreekt; verwijs naar een cel met de datum van vandaag',
    );
    expect(messageOf(() => TOUCHPOINT_STATUS(EN, '2026-02-03', undefined))).toBe(
      "reference_date is missing; refer to a cell holding today's date",
    );
  });

  it('names a bad reference_date, a bad next contact and a bad due_soon_days', () => {
    expect(messageOf(() => TOUCHPOINT_STATUS(NL, '3-2-2026', 'gisteren'))).toBe(`'gisteren' is ${NL_DATE}`);
    expect(messageOf(() => TOUCHPOINT_STATUS(NL, [['3-2-2026'], ['31-2-2026']], '3-2-2026'))).toBe(`'31-2-2026' is ${NL_DATE}`);
    expect(messageOf(() => TOUCHPOINT_STATUS(NL, '3-2-2026', '3-2-2026', -1))).toBe(
      "'-1' is geen geldig aantal dagen; verwacht een heel getal van 0 tot 365",
    );
    expect(messageOf(() => TOUCHPOINT_STATUS(EN, '2026-02-03', '2026-02-03', 'a week'))).toBe(
      "'a week' is not a valid number of days; expected a whole number from 0 to 365",
    );
  });
});

describe('RELATION_TIER', () => {
  it('tiers a column by revenue and keeps its shape', () => {
    // Cumulative shares 50, 80 | 90, 96 | 100.
    expect(RELATION_TIER(NL, [[50], [30], [10], [6], [4]])).toEqual([['A'], ['A'], ['B'], ['B'], ['C']]);
  });

  it('keeps a two-column shape, reading the cells row by row', () => {
    expect(RELATION_TIER(NL, [[50, 30], [10, 6], [4, '']])).toEqual([
      ['A', 'A'],
      ['B', 'B'],
      ['C', ''],
    ]);
  });

  it('leaves blank rows after the last revenue blank, so an open range does not fill the sheet', () => {
    expect(RELATION_TIER(NL, [[100], [0], [''], [''], [null]])).toEqual([['A'], ['C'], [''], [''], ['']]);
  });

  it('gives a blank revenue among the data C, like zero', () => {
    // 100 (0-67%) A, 50 starts at 67% so A; the blank is C.
    expect(RELATION_TIER(NL, [[100], [''], [50], ['']])).toEqual([['A'], ['C'], ['A'], ['']]);
  });

  it('is blank everywhere for an empty range', () => {
    expect(RELATION_TIER(NL, [[''], ['']])).toEqual([[''], ['']]);
  });

  it('reads amounts as the locale writes them', () => {
    // 12,500 + 4,200 + 1,000 = 17,700: 12,500 A; 4,200 starts at 70.6% so A; 1,000 starts at 94.4% so B.
    expect(RELATION_TIER(NL, [['€ 12.500,00'], ['€ 4.200,-'], ['1.000']])).toEqual([['A'], ['A'], ['B']]);
  });

  it('returns one tier for one cell: A for revenue, C for zero, blank for blank', () => {
    expect(RELATION_TIER(NL, 100)).toBe('A');
    expect(RELATION_TIER(NL, 0)).toBe('C');
    expect(RELATION_TIER(NL, '')).toBe('');
  });

  it('takes a_share as 0.7, 70%, 0,7 or a 1x1 range', () => {
    const revenues = [[70], [15], [10], [5]];
    // Default: 15 starts at 70% (< 80%) so A. With 70%: it starts at 70% so B.
    expect(RELATION_TIER(NL, revenues)).toEqual([['A'], ['A'], ['B'], ['C']]);
    for (const share of [0.7, '70%', '0,7', [[0.7]]]) {
      expect({ share, tiers: RELATION_TIER(NL, revenues, share) }).toEqual({ share, tiers: [['A'], ['B'], ['B'], ['C']] });
    }
    expect(RELATION_TIER(EN, revenues, '0.7')).toEqual([['A'], ['B'], ['B'], ['C']]);
  });

  it('takes b_share: with 85%, the 10 that starts at 85% is C', () => {
    expect(RELATION_TIER(NL, [[70], [15], [10], [5]], '', 0.85)).toEqual([['A'], ['A'], ['C'], ['C']]);
  });

  it('names a share outside 0-1 and what is accepted', () => {
    expect(messageOf(() => RELATION_TIER(NL, [[1]], 1.5))).toBe(
      "'1.5' is geen geldig aandeel; verwacht een getal tussen 0 en 1, zoals 0,8 of 80%",
    );
    expect(messageOf(() => RELATION_TIER(EN, [[1]], 0))).toBe(
      "'0' is not a valid share; expected a number between 0 and 1, such as 0.8 or 80%",
    );
    expect(messageOf(() => RELATION_TIER(NL, [[1]], '', '120%'))).toContain("'120%'");
    expect(messageOf(() => RELATION_TIER(NL, [[1]], 'veel'))).toContain("'veel'");
  });

  it('refuses an a_share above b_share', () => {
    expect(messageOf(() => RELATION_TIER(NL, [[1]], 0.9, 0.8))).toBe('a_share moet kleiner zijn dan of gelijk aan b_share');
    expect(messageOf(() => RELATION_TIER(EN, [[1]], 0.9, 0.8))).toBe('a_share must be less than or equal to b_share');
  });

  it('names a negative or unreadable revenue', () => {
    expect(messageOf(() => RELATION_TIER(NL, [[100], [-500]]))).toBe("'-500' is een negatief bedrag; omzet is 0 of meer");
    expect(messageOf(() => RELATION_TIER(EN, [[100], ['(500)']]))).toBe("'(500)' is a negative amount; revenue is 0 or more");
    expect(messageOf(() => RELATION_TIER(NL, [[100], ['veel']]))).toBe(
      "'veel' is geen geldig bedrag; verwacht bijvoorbeeld € 12.500,00 of 12500",
    );
  });
});

describe('CONCENTRATION', () => {
  it('returns label and value rows in Dutch: two clients at 50% each is HHI 5000, hoog', () => {
    expect(CONCENTRATION(NL, [[50_000], [50_000]])).toEqual([
      ['HHI', 5000],
      ['Aandeel grootste klant', 0.5],
      ['Aandeel top 5', 1],
      ['Effectief aantal klanten', 2],
      ['Oordeel', 'hoog'],
    ]);
  });

  it('returns the same rows in English', () => {
    expect(CONCENTRATION(EN, [[50_000], [50_000]])).toEqual([
      ['HHI', 5000],
      ['Largest client share', 0.5],
      ['Top-5 share', 1],
      ['Effective number of clients', 2],
      ['Verdict', 'high'],
    ]);
  });

  it('skips blanks and reads amounts in the locale', () => {
    expect(CONCENTRATION(NL, [['€ 12.500,00'], [''], ['12500'], [null]])).toEqual(CONCENTRATION(NL, [[50], [50]]));
  });

  it('calls 15 clients, 5 making 50% and 10 sharing 50%, low: HHI 750, 13.33 effective clients', () => {
    const rows = CONCENTRATION(EN, [...Array(5).fill([100_000]), ...Array(10).fill([50_000])]);
    expect(rows.map(([label]) => label)).toEqual(['HHI', 'Largest client share', 'Top-5 share', 'Effective number of clients', 'Verdict']);
    expect(rows[0][1]).toBeCloseTo(750, 9);
    expect(rows[1][1]).toBeCloseTo(0.1, 12);
    expect(rows[2][1]).toBeCloseTo(0.5, 12);
    expect(rows[3][1]).toBeCloseTo(13.333333333, 8);
    expect(rows[4][1]).toBe('low');
  });

  it('calls one client at 70% with three at 10% hoog (HHI 5200) and seven equal clients matig', () => {
    const risky = CONCENTRATION(NL, [[70], [10], [10], [10]]);
    expect(risky[0][1]).toBeCloseTo(5200, 9);
    expect(risky[4]).toEqual(['Oordeel', 'hoog']);
    expect(CONCENTRATION(NL, Array(7).fill([1000]))[4]).toEqual(['Oordeel', 'matig']);
  });

  it('takes a single cell', () => {
    expect(CONCENTRATION(NL, 100)).toEqual([
      ['HHI', 10_000],
      ['Aandeel grootste klant', 1],
      ['Aandeel top 5', 1],
      ['Effectief aantal klanten', 1],
      ['Oordeel', 'hoog'],
    ]);
  });

  it('names a negative revenue', () => {
    expect(messageOf(() => CONCENTRATION(NL, [[100], ['-€ 500']]))).toBe("'-€ 500' is een negatief bedrag; omzet is 0 of meer");
    expect(messageOf(() => CONCENTRATION(EN, [[100], [-500]]))).toBe("'-500' is a negative amount; revenue is 0 or more");
  });

  it('says there is no revenue when every cell is blank or zero', () => {
    expect(messageOf(() => CONCENTRATION(NL, [[''], ['']]))).toBe('geen omzet gevonden; vul ten minste één bedrag groter dan 0 in');
    expect(messageOf(() => CONCENTRATION(NL, [[0], [0]]))).toBe('geen omzet gevonden; vul ten minste één bedrag groter dan 0 in');
    expect(messageOf(() => CONCENTRATION(EN, ''))).toBe('no revenue found; enter at least one amount above 0');
  });
});

describe('the organisations range (issue 11)', () => {
  it('CONCENTRATION groups by organisation, ignoring case, spacing and punctuation; a blank organisation is a client of its own', () => {
    const revenues = [[30], [20], [25], [25], ['']];
    const organisations = [['Alfa BV'], ['alfa b.v.'], ['Beta'], [''], ['Gamma']];
    // Alfa 50, Beta 25, the unnamed 25 (Gamma has no revenue): 50² + 25² + 25² = 3,750.
    expect(CONCENTRATION(NL, revenues, organisations)[0]).toEqual(['HHI', 3750]);
    expect(CONCENTRATION(NL, revenues, organisations)[1]).toEqual(['Aandeel grootste klant', 0.5]);
    // Without organisations each row is a client: 30² + 20² + 25² + 25² = 2,550.
    expect(CONCENTRATION(NL, revenues)[0]).toEqual(['HHI', 2550]);
    // A blank organisations argument is no grouping.
    expect(CONCENTRATION(NL, revenues, '')).toEqual(CONCENTRATION(NL, revenues));
  });

  it("RELATION_TIER gives each row its organisation's tier and keeps trailing blank rows blank", () => {
    expect(RELATION_TIER(NL, [[50], [20], [15], [15], ['']], '', '', [['Rest'], ['X'], ['Utrecht'], ['UTRECHT '], ['']])).toEqual([['A'], ['B'], ['A'], ['A'], ['']]);
  });

  it('refuses ranges of different shapes in the workbook language', () => {
    expect(messageOf(() => CONCENTRATION(EN, [[1], [2]], [['a']]))).toBe('the ranges must be the same size (2x1 and 1x1)');
  });
});
