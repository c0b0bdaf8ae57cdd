// Batch I/O: a refresh reads each tab once and writes the computed columns once, so the number
// of service calls is a constant, the same for 10 relationships as for 2,000.

import { describe, expect, it } from 'vitest';
import { addDays, loadCadans, midnight, todayIn, workbook } from './harness';

const HEADER = ['ID', 'Naam', 'Type', 'Organisatie', 'E-mail', 'Eigenaar', 'Tier', 'Laatste contact', 'Jaaromzet', 'Plaatsingen', 'Referrals', 'Actief', 'Notities', 'Uitstellen tot', 'Volgend contact', 'Status', 'Dagen te laat'];
const STATUS = 16;
const LOG = ['Tijdstip', 'Soort', 'Blad', 'Rij', 'Kolom', 'Waarde', 'Melding', 'Datum', 'Eigenaar', 'Aantal'];

/**
 * The service calls one refreshNow makes on a workbook of four tabs, whatever the number of rows:
 * 127, of which 57 create and fill the Vandaag, KPI, Risico and Kwartaal tabs and the three charts, 8
 * create the Historie tab with this month's snapshot and store its layout (a month's first run only), and 5 find the
 * links and the reminders' switch for the Vandaag tab. (Sheet.getName grows with the number of
 * tabs, not of rows.) Issue 14 adds 194 that format those five tabs, each in a fixed number of
 * calls whatever its rows: per tab one setNumberFormats, setFontWeights, setFontStyles,
 * setConditionalFormatRules and setFrozenRows over one range (25 with its getRange), one
 * setColumnWidths per column of the layout (36), and the colour rules built locally (120, with 8
 * ranges for the status columns of Vandaag and of KPI's attention list). Each tab's format print is
 * then remembered in the document properties (12: one read, five writes), so that a later run whose
 * tab looks the same skips its formatting (see reports.test.ts). And 22 mark the two cells Cadans
 * cannot read (issue 14): the marks' index read and written and the tab's list of marked cells
 * written in the document properties (6), the two cells' notes by cell list (issue 20: one
 * getRangeList, then a getNote and a setNote per cell, 6: the calls grow with the marks that
 * change, the cells moved are those marks, never the tab), and its conditional-format rules read
 * and written once with one rule over both cells (4, and 6 building it).
 */
const REFRESH_CALLS = 355;
const REFRESH_CALLS_BY_METHOD = {
  'AuthorizationInfo.getAuthorizedScopes': 1, // granular consent: may it touch the sheet?
  // Issue 14: the colour rules of the generated tabs, built locally: the four verdict marks on KPI,
  // Risico and Kwartaal (12), the four statuses in Vandaag's status column and KPI's attention list
  // (8); and Cadans's colour over the two cells it cannot read (1), one rule whatever the rows.
  'ConditionalFormatRuleBuilder.build': 21,
  'ConditionalFormatRuleBuilder.setBackground': 21,
  'ConditionalFormatRuleBuilder.setFontColor': 21,
  'ConditionalFormatRuleBuilder.setRanges': 21,
  'ConditionalFormatRuleBuilder.whenFormulaSatisfied': 1,
  'ConditionalFormatRuleBuilder.whenTextContains': 4,
  'ConditionalFormatRuleBuilder.whenTextEqualTo': 16,
  'SpreadsheetApp.newConditionalFormatRule': 21,
  // Each chart: newChart, setPosition, two addRange (labels, values), setNumHeaders, a title, its type, build, insertChart.
  'EmbeddedChartBuilder.addRange': 6,
  'EmbeddedChartBuilder.asColumnChart': 2, // compliance per month and capacity used per owner, on KPI
  'EmbeddedChartBuilder.asPieChart': 1, // revenue shares, on Risico
  'EmbeddedChartBuilder.build': 3,
  'EmbeddedChartBuilder.setNumHeaders': 3,
  'EmbeddedChartBuilder.setOption': 3,
  'EmbeddedChartBuilder.setPosition': 3,
  'Lock.releaseLock': 1, // every Log write under the script lock (issue 9)
  'Lock.tryLock': 1,
  'LockService.getScriptLock': 1,
  'Properties.getProperty': 4, // the reminders' switch (for the Vandaag tab), the Log's layout (none yet, so it is laid out once), the tabs' format prints, the tabs Cadans marked (issue 14)
  'Properties.setProperty': 9, // the Log's layout, the Historie tab's (issue 11: a morning run then reads one month of it), each formatted tab's format print (5), the tabs marked now and Relaties's marked cells (issue 20)
  'PropertiesService.getDocumentProperties': 13,
  'Range.getNote': 2, // the two marked cells' notes, by cell list (issue 20)
  'Range.setNote': 2,
  'RangeList.getRanges': 2, // the two marked cells, for their notes and for the colour rule
  'Range.getValues': 6, // Instellingen twice (language for the toast, then the refresh), Relaties, Touchpoints, the Log header, the whole Log (laid out once)
  // Issue 14: every cell's number format, weight and style of Vandaag, KPI, Risico, Kwartaal and Historie, one call each per tab.
  'Range.setFontStyles': 5,
  'Range.setFontWeights': 5,
  'Range.setNumberFormats': 5,
  'Range.setValues': 8, // the three computed columns as one block, the Vandaag cell, the Vandaag, KPI, Risico and Kwartaal tabs, Historie, the Log lines
  'ScriptApp.getAuthorizationInfo': 1,
  'Sheet.clearContents': 5, // Vandaag, KPI, Risico and Kwartaal, rebuilt; Historie, written
  'Sheet.getCharts': 4,
  'Sheet.getDataRange': 5, // Instellingen twice, Relaties, Touchpoints, the Log
  'Sheet.getLastColumn': 1, // the width of the Log header (its columns are found by name)
  'Sheet.getMaxColumns': 8, // each written tab's grid, once (issue 9: writes grow it when they must)
  'Sheet.getMaxRows': 8,
  'Sheet.getName': 4, // one per tab
  'Sheet.getConditionalFormatRules': 1, // Relaties's, to replace Cadans's colour rule (issue 14)
  'Sheet.getRange': 28, // the computed block, the Vandaag cell, the Vandaag, KPI and Risico tabs, Historie, each chart's two ranges, the Log header, the Log lines; each formatted tab's range (5) and the status columns of Vandaag and KPI for their four colour rules each
  'Sheet.getRangeList': 2, // the two marked cells, for their notes and for the colour rule
  'Sheet.setColumnWidths': 36, // one per column of the five formatted tabs' layouts (Vandaag 9, KPI 7, Risico 9, Kwartaal 4, Historie 7)
  'Sheet.setConditionalFormatRules': 6, // the five formatted tabs, and Relaties's marks
  'Sheet.setFrozenRows': 5,
  'Sheet.getSheetId': 1, // the Vandaag tab's links to Relaties rows
  'Spreadsheet.getSheetByName': 1,
  'Spreadsheet.getUrl': 1,
  'Sheet.insertChart': 3,
  'Sheet.newChart': 3,
  'Spreadsheet.insertSheet': 5, // Vandaag, KPI, Risico, Historie and Kwartaal, on the first run
  'Spreadsheet.getSheets': 1,
  'Spreadsheet.getSpreadsheetLocale': 1,
  'Spreadsheet.getSpreadsheetTimeZone': 1,
  'Spreadsheet.toast': 1,
  'SpreadsheetApp.getActiveSpreadsheet': 2,
  'SpreadsheetApp.getUi': 1,
  'Ui.alert': 1,
  // Checks Intl against Google's zone data by UTC offset: now, mid-January, mid-July, and an hour
  // either side of the zone's two clock changes (issue 9).
  'Utilities.formatDate': 7,
};

function team(relations: number, tz = 'Pacific/Auckland', placements = false) {
  const T = todayIn(tz);
  const rows: unknown[][] = [HEADER];
  const touchpoints: unknown[][] = [['Datum', 'Relatie-ID', 'Soort', 'Duur (min)', 'Eigenaar', 'Notities']];
  for (let i = 1; i <= relations; i++) {
    const id = `R${String(i).padStart(4, '0')}`;
    // One bad date and one bad tier in every workbook, so both log the same problems.
    const last = i === 3 ? '31-2-2026' : i % 7 === 0 ? '' : midnight(tz, addDays(T, -((i * 37) % 400)));
    const tier = i === 5 ? 'D' : 'ABC'[i % 3];
    rows.push([id, `Relatie ${i}`, i % 2 ? 'Klant' : 'Kandidaat', 'Org', `r${i}@example.nl`, 'joost@bureau.nl', tier, last, 1000 * i, 1, 0, i % 11 === 0 ? 'nee' : 'ja', '']);
    touchpoints.push([midnight(tz, addDays(T, -((i * 13) % 90))), id, 'Bel', 15, 'joost@bureau.nl', '']);
    touchpoints.push([midnight(tz, addDays(T, -((i * 29) % 300))), id, 'Mail', 5, 'eva@bureau.nl', '']);
    // Issue 12: a placement last week puts the after-sales call in Acties.
    if (placements) touchpoints.push([midnight(tz, addDays(T, -7)), id, 'plaatsing', 30, 'joost@bureau.nl', '']);
  }
  return workbook({
    timeZone: tz,
    sheets: {
      Relaties: rows,
      Touchpoints: touchpoints,
      Instellingen: [['Instelling', 'Waarde'], ['Taal', 'nl'], ['Vandaag', '']],
      Log: [LOG],
    },
  });
}

function refreshCalls(relations: number) {
  const ss = team(relations);
  const cadans = loadCadans(ss);
  cadans.env.reset();
  cadans.refreshNow();
  // It really did the work.
  expect(ss.$sheet('Relaties').$column(STATUS).filter((s) => s !== '')).toHaveLength(relations - 1);
  return { total: cadans.env.total, byMethod: cadans.env.byMethod() };
}

describe('refreshNow service calls', () => {
  it(`are ${REFRESH_CALLS} for 10 relationships, and for 2,000 the same plus one grid growth`, () => {
    const small = refreshCalls(10);
    const large = refreshCalls(2000);
    expect(small.byMethod).toEqual(REFRESH_CALLS_BY_METHOD);
    // At 2,000 the KPI tab needs more rows than a new tab has: one insert, the only difference
    // (issue 9: a write grows the grid with a constant number of extra calls). The Risico tab
    // lists organisations, and these relationships share one.
    const { 'Sheet.insertRowsAfter': grown, ...rest } = large.byMethod;
    expect(grown).toBe(1);
    expect(rest).toEqual(small.byMethod);
    expect(small.total).toBe(REFRESH_CALLS);
    expect(large.total).toBe(REFRESH_CALLS + 1);
  });
});

describe('refreshNow with after-sales actions (issue 12)', () => {
  it('appends them all to Acties with a constant number of calls, the same for 10 placements as for 2,000', () => {
    const calls = (relations: number) => {
      const ss = team(relations, 'Pacific/Auckland', true);
      const cadans = loadCadans(ss);
      cadans.env.reset();
      cadans.refreshNow();
      // Every relationship with an ID gets its call (R0005's bad tier does not matter here).
      expect(ss.$sheet('Acties').$values().slice(1)).toHaveLength(relations);
      return cadans.env.byMethod();
    };
    const small = calls(10);
    const { 'Sheet.insertRowsAfter': grown, ...rest } = calls(2000);
    expect(grown).toBeGreaterThanOrEqual(1);
    const { 'Sheet.insertRowsAfter': _none, ...smallRest } = small;
    expect(rest).toEqual(smallRest);
    // Against a refresh without placements: the Acties tab created, its header, and one append.
    const plain = (() => {
      const cadans = loadCadans(team(10));
      cadans.env.reset();
      cadans.refreshNow();
      return cadans.env.byMethod();
    })();
    const extra: Record<string, number> = Object.fromEntries(Object.keys(small).map((k) => [k, small[k] - (plain[k] ?? 0)]).filter(([, n]) => n !== 0));
    expect(Object.values(extra).reduce((a, b) => a + b, 0)).toBe(19);
    // Against a refresh without placements: 19 more, all for the Acties tab, none per row. It is
    // created (this workbook has none): insertSheet, its header (getRange, setValues), styled
    // (setFontWeight, a width per column: 7, setFrozenRows) and trimmed to its 7 columns (issue
    // 20: deleteColumns); then the one append of every row (getLastRow, getMaxRows and
    // getMaxColumns for the grid, getRange, setValues).
    expect(extra).toEqual({
      'Spreadsheet.insertSheet': 1,
      'Sheet.deleteColumns': 1,
      'Range.setFontWeight': 1,
      'Sheet.setColumnWidth': 7,
      'Sheet.setFrozenRows': 1,
      'Sheet.getLastRow': 1,
      'Sheet.getMaxColumns': 1,
      'Sheet.getMaxRows': 1,
      'Sheet.getRange': 3,
      'Range.setValues': 2,
    });
  });
});

describe('setupWorkbook service calls', () => {
  it('do not grow with the rows either', () => {
    const count = (relations: number) => {
      const cadans = loadCadans(team(relations));
      cadans.env.reset();
      cadans.setupWorkbook();
      return cadans.env.byMethod();
    };
    const small = count(10);
    expect(count(2000)).toEqual(small);
  });
});
