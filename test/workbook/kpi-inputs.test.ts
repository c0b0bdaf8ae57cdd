// The KPI and Risico inputs as the readers take them from the Relaties, Touchpoints and
// Instellingen tabs: every new column by name, lists of playbook words with unknown words
// reported at their place, and the settings with their defaults and "unknown" for a blank actual.

import { describe, expect, it } from 'vitest';
import { dayFromYmd, intlClock } from '../../src/core/dates';
import { conventionsFor } from '../../src/core/locale';
import { DEFAULT_REPORT_SETTINGS } from '../../src/core/report-settings';
import { ProblemList } from '../../src/workbook/problems';
import { readRelations, readTouchpoints, RELATIONS, tableOf, TOUCHPOINTS } from '../../src/workbook/relations';
import { readSettings } from '../../src/workbook/settings';

const ctx = { conventions: conventionsFor('nl_NL'), clock: intlClock('UTC') };

describe('readRelations: the new columns', () => {
  it('reads each by its Dutch or English name, lists of red flags and signals in either language', () => {
    const problems = new ProblemList('nl');
    const table = tableOf(RELATIONS, 'Relaties', [
      ['ID', 'Naam', 'Client since', 'Jaaromzet vorig jaar', 'Repeat placements', 'Retainer per maand', 'Afdelingen bekend', 'Departments served', 'Rode vlaggen', 'Signals'],
      ['R1', 'Anna', '3-2-2021', '€ 12.500,00', 3, '1.500', 5, 2, 'Tariefdruk; competitor', 'first call, klant belt zelf'],
      ['R2', 'Bram', '', '', '', '', '', '', '', ''],
    ]);
    const [anna, bram] = readRelations(table, ctx, problems);
    expect(problems.items).toEqual([]);
    expect(anna).toMatchObject({
      clientSince: dayFromYmd(2021, 2, 3),
      revenueLastYear: 12500,
      repeatPlacements: 3,
      retainer: 1500,
      departmentsKnown: 5,
      departmentsServed: 2,
      redFlags: ['ratePressure', 'competitor'],
      signals: ['firstCall', 'clientReachesOut'],
    });
    expect(bram).toMatchObject({ clientSince: null, revenueLastYear: null, repeatPlacements: null, retainer: null, departmentsKnown: null, departmentsServed: null, redFlags: [], signals: [] });
  });

  it('reports each unknown word and each unreadable value with its place, and keeps the rest', () => {
    const problems = new ProblemList('nl');
    const table = tableOf(RELATIONS, 'Relaties', [
      ['ID', 'Naam', 'Herhaalplaatsingen', 'Rode vlaggen'],
      ['R1', 'Anna', 'twee', 'tariefdruk; boos; =HYPERLINK("x")'],
    ]);
    const [anna] = readRelations(table, ctx, problems);
    expect(anna.redFlags).toEqual(['ratePressure']);
    expect(anna.repeatPlacements).toBeNull();
    const allowed = 'geen reactie, concurrent, tariefdruk, wisseling contactpersoon, exclusiviteit kwijt';
    expect(problems.items).toEqual([
      { sheet: 'Relaties', row: 2, column: 'Herhaalplaatsingen (C)', value: 'twee', message: 'geen geldig aantal; verwacht een heel getal, 0 of meer' },
      { sheet: 'Relaties', row: 2, column: 'Rode vlaggen (D)', value: 'tariefdruk; boos; =HYPERLINK("x")', message: `'boos' staat niet in de lijst; verwacht: ${allowed}` },
      { sheet: 'Relaties', row: 2, column: 'Rode vlaggen (D)', value: 'tariefdruk; boos; =HYPERLINK("x")', message: `'=HYPERLINK("x")' staat niet in de lijst; verwacht: ${allowed}` },
    ]);
  });
});

describe('readTouchpoints: value add, new opportunity, referral', () => {
  it('reads the words and yes/no, blank as none and no; an unknown value add is reported', () => {
    const problems = new ProblemList('en');
    const table = tableOf(TOUCHPOINTS, 'Touchpoints', [
      ['Date', 'Relation ID', 'Value add', 'New opportunity', 'Referral'],
      ['2026-03-01', 'R1', 'Market insight', 'yes', 'x'],
      ['2026-03-02', 'R1', '', '', ''],
      ['2026-03-03', 'R1', 'lunch', 'nee', 'maybe'],
    ]);
    expect(readTouchpoints(table, ctx, problems).map((t) => [t.valueAdd, t.newOpportunity, t.referral])).toEqual([
      ['marketInsight', true, true],
      [null, false, false],
      [null, false, false],
    ]);
    expect(problems.items.map((p) => [p.row, p.column, p.value])).toEqual([
      [4, 'Value add (C)', 'lunch'],
      [4, 'Referral (E)', 'maybe'],
    ]);
  });
});

describe('readSettings: the report settings', () => {
  it('has the playbook defaults, and blank actual values are unknown', () => {
    expect(readSettings(null, 'Instellingen').settings.reports).toEqual(DEFAULT_REPORT_SETTINGS);
    expect(DEFAULT_REPORT_SETTINGS.cashReserve).toEqual({ minMonths: 3, idealMonths: 6, actualMonths: null });
    expect(DEFAULT_REPORT_SETTINGS.bookedAhead).toEqual({ minDays: 30, idealDays: 60, actualDays: null });
  });

  it('reads shares as fractions or percentages, amounts in either decimal style, and falls back with a problem', () => {
    const table = readSettings(
      [
        ['Instelling', 'Waarde'],
        ['Grens sleutelklant', '25%'],
        ['Doel behoud A- en B-klanten', 0.95],
        ['Kasreserve (maanden)', '4,5'],
        ['Vooruit geboekt (dagen)', 42],
        ['Doel herhaalplaatsingen', '150%'],
        ['Minuten touchpoint klant A', 'lang'],
      ],
      'Instellingen',
    );
    const r = table.settings.reports;
    expect(r.keyClientShare).toBe(0.25);
    expect(r.targets.retentionAB).toBe(0.95);
    expect(r.cashReserve.actualMonths).toBe(4.5);
    expect(r.bookedAhead.actualDays).toBe(42);
    expect(r.targets.repeatPlacementShare).toBe(0.6);
    expect(r.touchpointMinutes.client.A).toBe(20);
    expect(table.problems.items.map((p) => [p.row, p.value, p.message])).toEqual([
      [6, '150%', 'ongeldige waarde; Cadans gebruikt de standaard 0.6'],
      [7, 'lang', 'ongeldige waarde; Cadans gebruikt de standaard 20'],
    ]);
  });
});
