// The custom functions through the bundle, as Sheets calls them: read-only, dates as instants,
// ranges as 2-D arrays, in a spreadsheet whose time zone is not the machine's (the suite also
// runs under four machine zones).

import { describe, expect, it } from 'vitest';
import { loadCadans, midnight, workbook } from './harness';

const ZONES = ['Pacific/Auckland', 'America/Los_Angeles'];

function sheet(tz: string, locale = 'nl_NL') {
  return loadCadans(workbook({ timeZone: tz, locale }));
}

describe.each(ZONES)('NEXT_TOUCHPOINT in a spreadsheet in %s', (tz) => {
  const d = (date: string) => midnight(tz, date);
  const cadans = sheet(tz);

  it('returns midnight of the right calendar day in the spreadsheet zone, clamped like EDATE', () => {
    const result = cadans.formula('NEXT_TOUCHPOINT', d('2026-01-31'), 'A');
    expect(Object.prototype.toString.call(result)).toBe('[object Date]');
    expect(result).toEqual(d('2026-02-28'));
    expect(cadans.formula('NEXT_TOUCHPOINT', d('2028-01-31'), 'a')).toEqual(d('2028-02-29'));
    expect(cadans.formula('NEXT_TOUCHPOINT', d('2026-08-31'), 'Tier C')).toEqual(d('2027-02-28'));
    expect(cadans.formula('NEXT_TOUCHPOINT', d('2026-03-29'), 'A-klant')).toEqual(d('2026-04-29')); // across DST changes
  });

  it('returns a range of the same shape, blank for blank', () => {
    expect(cadans.formula('NEXT_TOUCHPOINT', [[d('2026-01-31')], [d('2026-03-31')], [''], [d('2026-05-10')]], [['A'], ['B'], ['C'], ['']])).toEqual([
      [d('2026-02-28')],
      [d('2026-06-30')],
      [''],
      [''],
    ]);
    expect(cadans.formula('NEXT_TOUCHPOINT', [[d('2026-01-15'), d('2026-07-15')]], 'C')).toEqual([[d('2026-07-15'), d('2027-01-15')]]);
    expect(cadans.formula('NEXT_TOUCHPOINT', '', 'A')).toBe('');
  });

  it('takes the months per tier from a three-cell range', () => {
    expect(cadans.formula('NEXT_TOUCHPOINT', d('2026-01-15'), 'B', [[2], [4], [8]])).toEqual(d('2026-05-15'));
  });

  it('reads typed dates in the spreadsheet locale', () => {
    expect(cadans.formula('NEXT_TOUCHPOINT', '3-2-2026', 'A')).toEqual(d('2026-03-03'));
    expect(cadans.formula('NEXT_TOUCHPOINT', '2026-02-03', 'A')).toEqual(d('2026-03-03'));
    expect(sheet(tz, 'en_US').formula('NEXT_TOUCHPOINT', '3/2/2026', 'A')).toEqual(d('2026-04-02'));
    const serial = Date.UTC(2026, 1, 3) / 86_400_000 + 25_569; // 3 Feb 2026 as a date serial
    expect(cadans.formula('NEXT_TOUCHPOINT', serial, 'A')).toEqual(d('2026-03-03'));
  });

  it('throws an error naming a bad value', () => {
    const date = cadans.formulaError('NEXT_TOUCHPOINT', '31-2-2026', 'A');
    expect(date.name).toBe('Error');
    expect(date.message).toContain('31-2-2026');
    expect(date.message).toContain('geen geldige datum');
    const tier = cadans.formulaError('NEXT_TOUCHPOINT', d('2026-01-31'), 'D');
    expect(tier.message).toBe("'D' is geen geldige tier; verwacht A, B of C (ook a, A-klant, Tier B)");
    const months = cadans.formulaError('NEXT_TOUCHPOINT', d('2026-01-31'), 'A', [[1], [0], [6]]);
    expect(months.message).toContain("'0'");
  });

  it('names a bad date cell by the date the spreadsheet shows', () => {
    // Before 1900 is out of range; the message must name 15 June 1850, not the UTC date of its midnight.
    const { message } = cadans.formulaError('NEXT_TOUCHPOINT', d('1850-06-15'), 'A');
    expect(message).toMatch(/1850-06-15|15-0?6-1850/);
  });

  it('makes only read calls, the same number for a range as for a cell', () => {
    cadans.env.reset();
    cadans.formula('NEXT_TOUCHPOINT', d('2026-01-31'), 'A');
    const one = cadans.env.byMethod();
    cadans.env.reset();
    cadans.formula('NEXT_TOUCHPOINT', Array.from({ length: 500 }, (_, i) => [d(`2026-01-${String((i % 28) + 1).padStart(2, '0')}`)]), 'B');
    expect(cadans.env.byMethod()).toEqual(one);
    expect(Object.keys(one).sort()).toEqual([
      'Spreadsheet.getSpreadsheetLocale',
      'Spreadsheet.getSpreadsheetTimeZone',
      'SpreadsheetApp.getActiveSpreadsheet',
      'Utilities.formatDate',
    ]);
  });
});

describe.each(ZONES)('TOUCHPOINT_STATUS in a spreadsheet in %s', (tz) => {
  const d = (date: string) => midnight(tz, date);

  it('gives Dutch labels in nl_NL', () => {
    const cadans = sheet(tz, 'nl_NL');
    const ref = d('2026-03-05');
    expect(cadans.formula('TOUCHPOINT_STATUS', d('2026-03-04'), ref)).toBe('te laat');
    expect(cadans.formula('TOUCHPOINT_STATUS', d('2026-03-05'), ref)).toBe('binnenkort');
    expect(cadans.formula('TOUCHPOINT_STATUS', d('2026-03-12'), ref)).toBe('binnenkort');
    expect(cadans.formula('TOUCHPOINT_STATUS', d('2026-03-13'), ref)).toBe('op schema');
    expect(cadans.formula('TOUCHPOINT_STATUS', d('2026-03-06'), ref, 0)).toBe('op schema');
    expect(cadans.formula('TOUCHPOINT_STATUS', d('2026-03-20'), [[ref]], 30)).toBe('binnenkort');
    expect(cadans.formula('TOUCHPOINT_STATUS', '', ref)).toBe('');
    expect(cadans.formula('TOUCHPOINT_STATUS', [[d('2026-03-10')], [''], [d('2026-03-01')], [d('2026-06-01')]], ref)).toEqual([
      ['binnenkort'],
      [''],
      ['te laat'],
      ['op schema'],
    ]);
  });

  it('gives English labels in en_US', () => {
    const cadans = sheet(tz, 'en_US');
    const ref = d('2026-03-05');
    expect(cadans.formula('TOUCHPOINT_STATUS', [[d('2026-03-04'), d('2026-03-05'), d('2026-03-13')]], ref)).toEqual([['overdue', 'due soon', 'on track']]);
  });

  it('throws for a missing reference date and names a bad next contact', () => {
    const cadans = sheet(tz);
    expect(cadans.formulaError('TOUCHPOINT_STATUS', d('2026-03-04'), '').message).toContain('reference_date');
    expect(cadans.formulaError('TOUCHPOINT_STATUS', 'morgen', d('2026-03-04')).message).toContain("'morgen'");
  });
});

describe('RELATION_TIER', () => {
  const cadans = sheet('Pacific/Auckland');
  const column = (values: unknown[]) => values.map((v) => [v]);

  it('puts the relations making the first 80% in A, the next 15% in B, the rest in C', () => {
    expect(cadans.formula('RELATION_TIER', column([100, 50, 30, 10, 5, 3, 2]))).toEqual(column(['A', 'A', 'A', 'B', 'C', 'C', 'C']));
    expect(cadans.formula('RELATION_TIER', column([2, 3, 5, 10, 30, 50, 100]))).toEqual(column(['C', 'C', 'C', 'B', 'A', 'A', 'A']));
  });

  it('gives equal revenues the same, better tier, and zero or blank revenue C', () => {
    expect(cadans.formula('RELATION_TIER', column([60, 20, 20]))).toEqual(column(['A', 'A', 'A']));
    expect(cadans.formula('RELATION_TIER', column([100, '', 0, 50, '']))).toEqual(column(['A', 'C', 'C', 'A', '']));
  });

  it('takes other shares, as numbers or percentages', () => {
    const revenues = column([100, 50, 30, 10, 5, 3, 2]);
    const expected = column(['A', 'B', 'B', 'C', 'C', 'C', 'C']);
    expect(cadans.formula('RELATION_TIER', revenues, 0.5, 0.8)).toEqual(expected);
    expect(cadans.formula('RELATION_TIER', revenues, '50%', '80%')).toEqual(expected);
  });

  it('reads amounts as typed and handles a single cell and a row', () => {
    expect(cadans.formula('RELATION_TIER', [['€ 12.500,00', '12500', 100]])).toEqual([['A', 'A', 'C']]);
    expect(cadans.formula('RELATION_TIER', 100)).toBe('A');
  });

  it('throws an error naming a negative or unreadable revenue', () => {
    expect(cadans.formulaError('RELATION_TIER', column([100, -5])).message).toContain("'-5'");
    expect(cadans.formulaError('RELATION_TIER', column([100, 'veel'])).message).toContain("'veel'");
  });
});

describe('CONCENTRATION', () => {
  const column = (values: unknown[]) => values.map((v) => [v]);

  function table(result: unknown) {
    return (result as Array<[string, string | number]>).map(([label, value]) => [label, typeof value === 'number' ? Number(value.toFixed(9)) : value]);
  }

  it('returns HHI, largest share, top-5 share, effective clients and verdict, in Dutch', () => {
    const cadans = sheet('Pacific/Auckland');
    expect(table(cadans.formula('CONCENTRATION', column([60, 20, 10, 10, ''])))).toEqual([
      ['HHI', 4200],
      ['Aandeel grootste klant', 0.6],
      ['Aandeel top 5', 1],
      ['Effectief aantal klanten', Number((10_000 / 4200).toFixed(9))],
      ['Oordeel', 'hoog'],
    ]);
    expect(table(cadans.formula('CONCENTRATION', column([50, 10, 10, 10, 10, 10])))).toEqual([
      ['HHI', 3000],
      ['Aandeel grootste klant', 0.5],
      ['Aandeel top 5', 0.9],
      ['Effectief aantal klanten', Number((10_000 / 3000).toFixed(9))],
      ['Oordeel', 'hoog'],
    ]);
  });

  it('uses the merger-guideline bands: below 1,000 low, 1,000 to 1,800 moderate', () => {
    const cadans = sheet('America/Los_Angeles');
    const verdict = (n: number) => (cadans.formula('CONCENTRATION', column(Array(n).fill(1000))) as unknown[][])[4][1];
    expect(verdict(10)).toBe('matig'); // HHI exactly 1,000
    expect(verdict(11)).toBe('laag');
    expect(verdict(6)).toBe('matig'); // 1,666.7
    expect(verdict(5)).toBe('hoog'); // 2,000
  });

  it('speaks English in en_US', () => {
    const cadans = sheet('America/Los_Angeles', 'en_US');
    expect(table(cadans.formula('CONCENTRATION', [[60, 20], [10, 10]]))).toEqual([
      ['HHI', 4200],
      ['Largest client share', 0.6],
      ['Top-5 share', 1],
      ['Effective number of clients', Number((10_000 / 4200).toFixed(9))],
      ['Verdict', 'high'],
    ]);
  });

  it('throws for a negative revenue, naming it', () => {
    const cadans = sheet('Pacific/Auckland');
    expect(cadans.formulaError('CONCENTRATION', column([100, -5])).message).toContain("'-5'");
  });
});

// Issue 11: the client organisation is the unit. An optional range of organisations groups the
// revenues first (names matched ignoring case, spacing and punctuation).
describe('CONCENTRATION and RELATION_TIER with an organisations range', () => {
  const column = (values: unknown[]) => values.map((v) => [v]);
  const round = (result: unknown) => (result as Array<[string, string | number]>).map(([label, value]) => [label, typeof value === 'number' ? Number(value.toFixed(9)) : value]);
  // Three contacts of Gemeente Utrecht at 15% each, eleven other clients at 5%.
  const revenues = column([15_000, 15_000, 15_000, ...Array(11).fill(5_000)]);
  const organisations = column(['Gemeente Utrecht', 'gemeente utrecht', ' Gemeente  Utrecht', ...Array.from({ length: 11 }, (_, i) => `Klant ${i + 1}`)]);

  it('CONCENTRATION without organisations counts each row as a client: no key client, 15% the largest', () => {
    const cadans = sheet('Pacific/Auckland');
    expect(round(cadans.formula('CONCENTRATION', revenues))).toEqual([
      ['HHI', 950], // 3 × 15² + 11 × 5²
      ['Aandeel grootste klant', 0.15],
      ['Aandeel top 5', 0.55],
      ['Effectief aantal klanten', Number((10_000 / 950).toFixed(9))],
      ['Oordeel', 'laag'],
    ]);
  });

  it('CONCENTRATION with organisations counts Gemeente Utrecht once, at 45%', () => {
    const cadans = sheet('Pacific/Auckland');
    expect(round(cadans.formula('CONCENTRATION', revenues, organisations))).toEqual([
      ['HHI', 2300], // 45² + 11 × 5²
      ['Aandeel grootste klant', 0.45],
      ['Aandeel top 5', 0.65],
      ['Effectief aantal klanten', Number((10_000 / 2300).toFixed(9))],
      ['Oordeel', 'hoog'],
    ]);
    // The worked examples per organisation: two organisations 50/50, however many contacts.
    expect(round(cadans.formula('CONCENTRATION', column([30, 20, 25, 25]), column(['Alfa BV', 'Alfa B.V.', 'Beta', 'BETA'])))[0]).toEqual(['HHI', 5000]);
  });

  it('RELATION_TIER with organisations gives every row its organisation tier', () => {
    const cadans = sheet('America/Los_Angeles');
    const revenue = column([50, 20, 15, 15]);
    expect(cadans.formula('RELATION_TIER', revenue)).toEqual(column(['A', 'A', 'A', 'A']));
    expect(cadans.formula('RELATION_TIER', revenue, '', '', column(['Rest', 'X', 'Utrecht', 'utrecht']))).toEqual(column(['A', 'B', 'A', 'A']));
    expect(cadans.formula('RELATION_TIER', revenue, 0.8, 0.95, column(['Rest', 'X', 'Utrecht', 'utrecht']))).toEqual(column(['A', 'B', 'A', 'A']));
  });

  it('refuses an organisations range of another shape, naming both shapes', () => {
    const cadans = sheet('Pacific/Auckland');
    expect(cadans.formulaError('CONCENTRATION', column([1, 2, 3]), column(['a', 'b'])).message).toBe('de bereiken moeten even groot zijn (3x1 en 2x1)');
    expect(cadans.formulaError('RELATION_TIER', column([1, 2, 3]), '', '', column(['a', 'b'])).message).toBe('de bereiken moeten even groot zijn (3x1 en 2x1)');
  });
});
