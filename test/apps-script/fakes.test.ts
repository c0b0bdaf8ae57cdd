// The fakes themselves behave as the Apps Script services they stand for, in the details the
// other tests rely on.

import { describe, expect, it } from 'vitest';
import { formatDate } from './fakes/utilities';
import { formula, loadCadans, midnight, plain, workbook } from './harness';

describe('the fake Sheet and Range', () => {
  it('give an empty sheet a data range of A1 holding a blank', () => {
    const ss = workbook();
    const sheet = ss.$sheet('Blad1');
    const range = sheet.getDataRange();
    expect(range.getA1Notation()).toBe('A1');
    expect(plain(range.getValues())).toEqual([['']]);
    expect([sheet.getLastRow(), sheet.getLastColumn(), sheet.getMaxRows(), sheet.getMaxColumns()]).toEqual([0, 0, 1000, 26]);
  });

  it('return a fresh copy from getValues, with formula results and Dates as instants', () => {
    const when = midnight('Pacific/Auckland', '2026-01-31');
    const ss = workbook({ sheets: { S: [['a', 1, when, formula('=B1*2', 2), true]] } });
    const range = ss.$sheet('S').getDataRange();
    const first = range.getValues();
    first[0][0] = 'changed';
    (first[0][2] as Date).setTime(0);
    expect(plain(range.getValues())).toEqual([['a', 1, when, 2, true]]);
    expect(plain(range.getFormulas())).toEqual([['', '', '', '=B1*2', '']]);
  });

  it('throw like Apps Script when setValues does not fit the range', () => {
    const sheet = workbook().$sheet('Blad1');
    expect(() => sheet.getRange(1, 1, 2, 2).setValues([[1, 2]])).toThrow('The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.');
    expect(() => sheet.getRange(1, 1, 1, 2).setValues([[1, 2, 3]])).toThrow('The number of columns in the data does not match the number of columns in the range. The data has 3 but the range has 2.');
    expect(() => sheet.getRange(0, 1)).toThrow('The starting row of the range is too small.');
    expect(() => sheet.getRange(1, 1, 0, 1)).toThrow('The number of rows in the range must be at least 1.');
  });

  it('store a string starting with = as a formula and one starting with an apostrophe as text', () => {
    const sheet = workbook().$sheet('Blad1');
    sheet.getRange(1, 1, 1, 3).setValues([['=SUM(A2:A3)', "'=SUM(A2:A3)", 'gewoon']]);
    expect(sheet.$formula(1, 1)).toBe('=SUM(A2:A3)');
    expect(sheet.$formula(1, 2)).toBe('');
    expect(sheet.$value(1, 2)).toBe('=SUM(A2:A3)');
    expect(sheet.$formulaCount()).toBe(1);
    // Writing past the grid grows it.
    sheet.getRange(1200, 30).setValues([['ver weg']]);
    expect([sheet.maxRows, sheet.maxColumns, sheet.$lastRow(), sheet.$lastColumn()]).toEqual([1200, 30, 1200, 30]);
  });

  it('count every call, per method and in total', () => {
    const ss = workbook();
    ss.env.reset();
    ss.getSheets()[0].getRange(1, 1).getValues();
    expect(ss.env.byMethod()).toEqual({ 'Range.getValues': 1, 'Sheet.getRange': 1, 'Spreadsheet.getSheets': 1 });
    expect(ss.env.total).toBe(3);
  });

  it('refuse writes and UI in a custom function, and the spreadsheet in AuthMode.NONE', () => {
    const cadans = loadCadans(workbook());
    cadans.env.mode = 'CUSTOM_FUNCTION';
    expect(() => cadans.ss.$sheet('Blad1').getRange(1, 1).setValues([[1]])).toThrow(/permission to call Range.setValues/);
    expect(() => cadans.services.SpreadsheetApp.getUi()).toThrow(/permission/);
    cadans.env.mode = 'NONE';
    expect(() => cadans.services.SpreadsheetApp.getActiveSpreadsheet()).toThrow(/permission/);
    expect(() => cadans.services.SpreadsheetApp.getUi().createMenu('x')).not.toThrow();
  });
});

describe('the fake Utilities.formatDate', () => {
  it('formats in the given zone, with the RFC 822 offset for Z', () => {
    const instant = new Date(Date.UTC(2026, 0, 30, 11, 0, 0)); // midnight 31 Jan in Auckland (+13)
    expect(formatDate(instant, 'Pacific/Auckland', 'yyyy-MM-dd')).toBe('2026-01-31');
    expect(formatDate(instant, 'Pacific/Auckland', 'Z')).toBe('+1300');
    expect(formatDate(instant, 'America/Los_Angeles', 'yyyy-MM-dd HH:mm')).toBe('2026-01-30 03:00');
    expect(formatDate(instant, 'America/Los_Angeles', 'Z')).toBe('-0800');
    expect(formatDate(new Date(Date.UTC(2026, 6, 1, 12)), 'Asia/Kolkata', "'om' HH:mm Z")).toBe('om 17:30 +0530');
  });
});
