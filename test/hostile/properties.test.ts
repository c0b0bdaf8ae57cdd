// Property tests over the whole engine: whatever a team pastes into any input column, a refresh
// computes without throwing, every next contact it produces is a real calendar day a spreadsheet
// can hold (1900-9999) or none, and each problem it reports has a place and a message. And the
// dates Cadans writes as text read back as the same day in both locales.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayFromYmd, formatDay, isoFromDay, ymdFromDay } from '../../src/core/dates';
import { conventionsFor } from '../../src/core/locale';
import { parseDay } from '../../src/core/parse';
import { computeRefresh, refresh } from '../../src/engine/refresh';
import { describeValue } from '../../src/workbook/problems';
import { MemoryWorkbook } from './memory-workbook';
import { RELATIONS_HEADER, TOUCHPOINTS_HEADER, utc } from './workbook';

const FIRST = dayFromYmd(1900, 1, 1);
const LAST = dayFromYmd(9999, 12, 31);
const TODAY = dayFromYmd(2026, 11, 24);
const isValidDay = (d: unknown) => typeof d === 'number' && Number.isInteger(d) && d >= FIRST && d <= LAST;

// The spreadsheet's zone: UTC (as in an .xlsx) and zones with odd offsets that no machine zone of
// the suite shares, so the spreadsheet's calendar and the machine's differ.
const ZONES = ['UTC', 'Asia/Kathmandu', 'America/St_Johns', 'Pacific/Chatham'];

/** What a cell can hold when it reaches the engine: text, numbers, booleans, dates, blanks. */
const anyCell: fc.Arbitrary<unknown> = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.double(),
  fc.integer({ min: -100_000, max: 3_000_000 }),
  fc.boolean(),
  fc.date({ noInvalidDate: false }),
  fc.date({ min: new Date(Date.UTC(1899, 11, 1)), max: new Date(Date.UTC(10000, 1, 1)) }),
  fc.constantFrom(null, undefined, '', ' ', '#N/A', '#REF!', '=SUM(A1:A3)', '+31 6 12345678', '-', '@bureau.nl'),
  fc.constantFrom(utc(1900, 1, 1), utc(9999, 12, 31), utc(9999, 7, 31), utc(1899, 12, 31), new Date(Date.UTC(10000, 0, 1)), new Date(NaN)),
  fc.constantFrom('31-12-9999', '1-1-1900', '31-12-1899', '1-1-10000', '9999-12-31', '29-2-2024', '29-2-2026', '3 februari 2026', 'Feb 3, 2026'),
  fc.constantFrom('A', 'b', 'Tier C', 'A-klant', 'ja', 'nee', 'x', 'Klant', 'Kandidaat', 'sanne@bureau.nl', '€ 12.500,00', '12,500.00', '€ 4.200,-', '1e20'),
  fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 14 }), fc.integer({ min: 1800, max: 10_100 })).map(([d, m, y]) => `${d}-${m}-${y}`),
);

const relationRow = fc.array(anyCell, { minLength: 14, maxLength: 14 });
const touchpointRow = fc.tuple(anyCell, fc.oneof(anyCell, fc.constantFrom('R1', 'R2', 'R3')));

const workbookArb = fc.record({
  rows: fc.array(relationRow, { minLength: 1, maxLength: 6 }),
  ids: fc.array(fc.oneof(fc.constantFrom('R1', 'R2', 'R3'), anyCell), { minLength: 6, maxLength: 6 }),
  touchpoints: fc.array(touchpointRow, { maxLength: 5 }),
  locale: fc.constantFrom('nl_NL', 'en_US', 'de_DE', 'en_GB'),
  localeSetting: fc.oneof(fc.constant(undefined), anyCell),
  timeZone: fc.constantFrom(...ZONES),
  monthsA: fc.oneof(fc.constant(undefined), anyCell),
});

type Generated = typeof workbookArb extends fc.Arbitrary<infer T> ? T : never;

/** Always tried first: a last contact in the spreadsheet's last year, whose next contact would fall after 9999. */
const LAST_YEAR: [Generated] = [
  {
    rows: [['', 'Laatste jaar', 'Klant', '', '', 'sanne@bureau.nl', 'A', utc(9999, 12, 31), '', '', '', 'ja', '', ''], ['', 'Tekst', 'Klant', '', '', '', 'C', '31-12-9999', '', '', '', '', '', '']],
    ids: ['R1', 'R2', '', '', '', ''],
    touchpoints: [],
    locale: 'nl_NL',
    localeSetting: undefined,
    timeZone: 'UTC',
    monthsA: undefined,
  },
];

function build(w: Generated): MemoryWorkbook {
  const rows = w.rows.map((r, i) => [w.ids[i], ...r.slice(1)]);
  const settings: unknown[][] = [['Instelling', 'Waarde']];
  if (w.localeSetting !== undefined) settings.push(['Landinstelling', w.localeSetting]);
  if (w.monthsA !== undefined) settings.push(['Maanden tussen contact, tier A', w.monthsA]);
  settings.push(['Vandaag', '']);
  return new MemoryWorkbook(
    {
      Relaties: [[...RELATIONS_HEADER], ...rows],
      Touchpoints: [TOUCHPOINTS_HEADER, ...w.touchpoints.map((t) => [...t])],
      Instellingen: settings,
    },
    w.timeZone,
    w.locale,
  );
}

describe('the engine, given anything in every input column', () => {
  it('never throws, and every next contact is a valid day (1900-9999) or none', () => {
    fc.assert(
      fc.property(workbookArb, (w) => {
        const result = computeRefresh(build(w), { today: TODAY, now: new Date(Date.UTC(2026, 10, 24, 7)), job: 'test' });
        for (const o of result.outcomes) {
          expect(o.nextContact === null || isValidDay(o.nextContact), `next contact ${o.nextContact} of row ${o.relation.row}`).toBe(true);
          expect(o.lastContact === null || isValidDay(o.lastContact)).toBe(true);
          expect(o.daysOverdue === null || (Number.isInteger(o.daysOverdue) && o.daysOverdue >= 0)).toBe(true);
          // A relationship never contacted is due today; an inactive one has no date.
          if (o.status === 'never') expect(o.nextContact).toBe(TODAY);
          if (o.status === 'inactive') expect(o.nextContact).toBeNull();
        }
        const counted = Object.values(result.counts).reduce((a, b) => a + b, 0);
        expect(counted).toBe(result.outcomes.length);
        for (const p of result.problems) {
          expect(typeof p.sheet === 'string' && p.sheet.length > 0).toBe(true);
          expect(p.row === null || (Number.isInteger(p.row) && p.row >= 1)).toBe(true);
          expect(typeof p.message === 'string' && p.message.length > 0).toBe(true);
          expect(typeof p.value).toBe('string');
        }
      }),
      { numRuns: 300, examples: [LAST_YEAR] },
    );
  });

  it('writes only the computed columns of Relaties, the Vandaag value, its own Vandaag, KPI, Risico, Historie and Kwartaal tabs and the Log, and only valid dates', () => {
    fc.assert(
      fc.property(workbookArb, (w) => {
        const workbook = build(w);
        refresh(workbook, { today: TODAY, now: new Date(Date.UTC(2026, 10, 24, 7)), job: 'test' });
        for (const write of workbook.writes) {
          if (write.sheet === 'Relaties') {
            // Volgend contact, Status and Dagen te laat are columns O, P and Q (15-17).
            expect(write.column).toBeGreaterThanOrEqual(15);
            expect(write.column + write.values[0].length - 1).toBeLessThanOrEqual(17);
            if (write.column === 15) {
              for (const [next] of write.values) {
                if (next === '') continue;
                expect(next instanceof Date && isValidDay(workbook.clock.dayOf(next)), `wrote ${String(next)}`).toBe(true);
              }
            }
          } else if (write.sheet === 'Instellingen') {
            expect([write.row, write.column]).toEqual([2 + (w.localeSetting === undefined ? 0 : 1) + (w.monthsA === undefined ? 0 : 1), 2]);
            expect(workbook.clock.dayOf(write.values[0][0] as Date)).toBe(TODAY);
          } else if (write.sheet === 'Vandaag' || write.sheet === 'KPI' || write.sheet === 'Risico' || write.sheet === 'Historie' || write.sheet === 'Kwartaal') {
            // Cadans's generated tabs: one block from A1, after the old content was cleared.
            expect([write.row, write.column]).toEqual([1, 1]);
          } else {
            expect(write.sheet).toBe('Log');
          }
        }
      }),
      { numRuns: 150, examples: [LAST_YEAR] },
    );
  });
});

describe('formatDay → parseDay round trips', () => {
  const anyDay = fc.integer({ min: FIRST, max: LAST });
  const nl = { conventions: conventionsFor('nl_NL'), clock: { dayOf: () => NaN } };
  const us = { conventions: conventionsFor('en_US'), clock: { dayOf: () => NaN } };

  it('dd-mm-yyyy reads back as the same day in nl_NL, mm/dd/yyyy in en_US, ISO in both', () => {
    fc.assert(
      fc.property(anyDay, (day) => {
        expect(parseDay(formatDay(day), nl)).toEqual({ ok: true, value: day });
        expect(parseDay(formatDay(day, 'dmy'), nl)).toEqual({ ok: true, value: day });
        expect(parseDay(formatDay(day, 'mdy'), us)).toEqual({ ok: true, value: day });
        expect(parseDay(formatDay(day, 'iso'), nl)).toEqual({ ok: true, value: day });
        expect(parseDay(formatDay(day, 'iso'), us)).toEqual({ ok: true, value: day });
        expect(parseDay(isoFromDay(day), us)).toEqual({ ok: true, value: day });
      }),
      { numRuns: 500 },
    );
  });

  it("a day written in one locale's order is that day, or another valid day, or rejected in the other: never a crash", () => {
    fc.assert(
      fc.property(anyDay, (day) => {
        const { year, month, day: d } = ymdFromDay(day);
        const r = parseDay(formatDay(day, 'dmy'), us);
        if (d <= 12) expect(r).toEqual({ ok: true, value: dayFromYmd(year, d, month) });
        else expect(r).toEqual({ ok: false, error: 'date' });
      }),
      { numRuns: 300 },
    );
  });

  it('a date cell of any day reads back as that day in any spreadsheet zone', () => {
    fc.assert(
      fc.property(anyDay, fc.constantFrom(...ZONES, 'Europe/Amsterdam', 'America/Los_Angeles', 'Pacific/Auckland'), (day, zone) => {
        const workbook = new MemoryWorkbook({}, zone);
        const ctx = { conventions: conventionsFor('nl_NL'), clock: workbook.clock };
        expect(parseDay(workbook.clock.instantOf(day), ctx)).toEqual({ ok: true, value: day });
      }),
      { numRuns: 300 },
    );
  });
});

describe('a problem value as the Log shows it', () => {
  // Lone surrogates are what a cut-off emoji leaves behind; Sheets and Excel show them as �.
  const wellFormed = (s: string) => !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s);

  it('is well-formed text, whatever was typed, and a prefix of it when cut short', () => {
    // Text around the 200-character cut, with characters of one, two and more UTF-16 units.
    const text = fc
      .tuple(fc.integer({ min: 0, max: 260 }), fc.constantFrom('a', 'é', '😀', '👩🏽‍💼', '𐀀', 'ש', '\u200f'), fc.string({ unit: 'grapheme', maxLength: 20 }))
      .map(([n, ch, rest]) => `${'x'.repeat(n)}${ch.repeat(3)}${rest}`);
    fc.assert(
      fc.property(text, (text) => {
        const shown = describeValue(text);
        expect(wellFormed(shown), JSON.stringify(shown.slice(-4))).toBe(true);
        if (shown !== text) {
          expect(shown.endsWith('…')).toBe(true);
          expect(text.startsWith(shown.slice(0, -1))).toBe(true);
        }
      }),
      { numRuns: 300, examples: [[`${'x'.repeat(199)}😀😀`]] },
    );
  });
});
