// The fakes themselves behave as the Apps Script services they stand for, in the details the
// other tests rely on.

import { describe, expect, it } from 'vitest';
import { QUOTA_ERROR } from './fakes/mail';
import { MAX_TRIGGERS } from './fakes/script';
import { formatDate } from './fakes/utilities';
import { readFileSync } from 'node:fs';
import { QUOTA_ERROR as PROPERTIES_QUOTA_ERROR } from './fakes/properties';
import { DIST_DIR, formula, loadCadans, midnight, overTheWire, plain, workbook } from './harness';

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

  it('take a grid of formats, weights and styles only of the range\'s size, and widths for columns inside the grid (issue 14)', () => {
    const sheet = workbook().$sheet('Blad1');
    const range = sheet.getRange(1, 1, 2, 2);
    range.setNumberFormats([['0.0%', 'General'], ['"€ "#,##0', 'dd-mm-yyyy']]);
    range.setFontWeights([['bold', 'bold'], ['normal', null]]);
    range.setFontStyles([['normal', 'normal'], ['italic', 'italic']]);
    expect([sheet.$format(1, 1), sheet.$format(2, 1), sheet.$fontWeight(1, 2), sheet.$fontWeight(2, 2), sheet.$fontStyle(2, 1)]).toEqual(['0.0%', '"€ "#,##0', 'bold', null, 'italic']);
    expect(() => range.setNumberFormats([['0.0%', 'General']])).toThrow('The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.');
    expect(() => range.setFontWeights([['bold'], ['bold']])).toThrow('The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.');
    expect(() => range.setFontWeights([['heavy', 'bold'], ['bold', 'bold']])).toThrow('Invalid argument: fontWeights (heavy)');
    sheet.setColumnWidths(2, 3, 120);
    expect([1, 2, 3, 4, 5].map((c) => sheet.columnWidths.get(c))).toEqual([undefined, 120, 120, 120, undefined]);
    expect(() => sheet.setColumnWidths(26, 2, 100)).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
  });

  it('store a string starting with = as a formula and one starting with an apostrophe as text', () => {
    const sheet = workbook().$sheet('Blad1');
    sheet.getRange(1, 1, 1, 3).setValues([['=SUM(A2:A3)', "'=SUM(A2:A3)", 'gewoon']]);
    expect(sheet.$formula(1, 1)).toBe('=SUM(A2:A3)');
    expect(sheet.$formula(1, 2)).toBe('');
    expect(sheet.$value(1, 2)).toBe('=SUM(A2:A3)');
    expect(sheet.$formulaCount()).toBe(1);
    // A range past the grid throws; only insertRowsAfter, insertColumnsAfter and appendRow grow it.
    expect(() => sheet.getRange(1200, 30)).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
    expect(() => sheet.getRange(1000, 1, 2, 1)).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
    sheet.insertRowsAfter(1000, 200);
    sheet.insertColumnsAfter(26, 4);
    sheet.getRange(1200, 30).setValues([['ver weg']]);
    expect([sheet.maxRows, sheet.maxColumns, sheet.$lastRow(), sheet.$lastColumn()]).toEqual([1200, 30, 1200, 30]);
  });

  it('grow a full tab by one row on appendRow, atomically below the last row with content', () => {
    const sheet = workbook({ sheets: { Log: Array.from({ length: 1000 }, (_, i) => [`r${i + 1}`]) } }).$sheet('Log');
    expect(sheet.maxRows).toBe(1000);
    sheet.appendRow(['r1001', '=1+1']);
    expect([sheet.maxRows, sheet.$value(1001, 1), sheet.$formula(1001, 2)]).toEqual([1001, 'r1001', '=1+1']);
  });

  it('refuse to grow past 10 million cells in the spreadsheet', () => {
    const sheet = workbook().$sheet('Blad1');
    expect(() => sheet.insertRowsAfter(1000, 400_000)).toThrow(/above the limit of 10000000 cells/);
    expect(sheet.maxRows).toBe(1000);
  });

  it('cover rows added later with a whole-column range (Y2:Y), and only its own rows with a fixed one', () => {
    const ss = workbook();
    const sheet = ss.$sheet('Blad1');
    sheet.getRange('Y2:Y').setNumberFormat('0');
    sheet.getRange(2, 26, 999, 1).setNumberFormat('0.0');
    sheet.insertRowsAfter(1000, 500);
    expect([sheet.$format(1500, 25), sheet.$format(1500, 26), sheet.$format(1000, 26)]).toEqual(['0', null, '0.0']);
  });

  it('count every call, per method and in total', () => {
    const ss = workbook();
    ss.env.reset();
    ss.getSheets()[0].getRange(1, 1).getValues();
    expect(ss.env.byMethod()).toEqual({ 'Range.getValues': 1, 'Sheet.getRange': 1, 'Spreadsheet.getSheets': 1 });
    expect(ss.env.total).toBe(3);
  });

  it('meter the cells every range call moves, by method and tab, beside the calls (issue 20)', () => {
    const ss = workbook({ sheets: { Relaties: [['ID', 'Naam', 'Tier'], ['R1', 'Anna', 'A'], ['R2', 'Bram', 'B']], Log: [['Tijdstip', 'Soort']] } });
    const relaties = ss.$sheet('Relaties');
    const log = ss.$sheet('Log');
    ss.env.reset();
    relaties.getDataRange().getValues(); // 3 x 3
    relaties.getRange(2, 3, 2, 1).getNotes(); // 2
    relaties.getRange(2, 3).setNotes([['let op']]); // 1
    relaties.getRange(2, 1, 2, 2).setValues([['R1', 'Anna'], ['R2', 'Bram']]); // 4
    relaties.getRange(1, 1).getValue(); // 1
    relaties.getRange(1, 1, 1, 3).getFormulas(); // 3
    relaties.getRange(1, 1, 2, 3).setNumberFormats([['General', 'General', 'General'], ['0', '0', '0']]); // 6
    relaties.getRange(1, 1, 1, 3).setFontWeight('bold'); // 3
    relaties.getRange('C2:C').setNumberFormat('@'); // C2 to the grid's last row: 999
    log.appendRow(['nu', 'fout', 'extra']); // 3
    log.clearContents(); // the block it empties: 2 rows x 3 columns
    expect(ss.env.cellsByMethod()).toEqual({
      'Range.getFormulas': 3,
      'Range.getNotes': 2,
      'Range.getValue': 1,
      'Range.getValues': 9,
      'Range.setFontWeight': 3,
      'Range.setNotes': 1,
      'Range.setNumberFormat': 999,
      'Range.setNumberFormats': 6,
      'Range.setValues': 4,
      'Sheet.appendRow': 3,
      'Sheet.clearContents': 6,
    });
    expect(ss.env.cellsByTab()).toEqual({ Log: 9, Relaties: 1028 });
    expect(ss.env.cellsMoved({ method: 'Range.getValues', tab: 'Relaties' })).toBe(9);
    expect(ss.env.cellsMoved()).toBe(1037);
    expect(ss.env.cellsRead).toBe(10);
    ss.env.reset();
    expect(ss.env.cellsMoved()).toBe(0);
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

describe('the fake MailApp', () => {
  it('records each message, counts the quota per recipient and refuses a send over it', () => {
    const { services, project, env } = loadCadans(workbook());
    const { MailApp } = services;
    project.mail.quota = 3;
    env.reset();
    expect(MailApp.getRemainingDailyQuota()).toBe(3);
    MailApp.sendEmail({ to: 'a@bureau.nl, b@bureau.nl', subject: 'S', body: 'tekst', htmlBody: '<p>tekst</p>', name: 'Cadans' });
    expect(MailApp.getRemainingDailyQuota()).toBe(1);
    expect(() => MailApp.sendEmail({ to: 'c@bureau.nl', cc: 'd@bureau.nl', subject: 'S', body: 'x' })).toThrow(QUOTA_ERROR);
    MailApp.sendEmail({ to: 'c@bureau.nl', subject: 'T', body: 'y' });
    expect(MailApp.getRemainingDailyQuota()).toBe(0);
    expect(project.mail.sent).toEqual([
      { to: 'a@bureau.nl, b@bureau.nl', subject: 'S', body: 'tekst', htmlBody: '<p>tekst</p>', name: 'Cadans' },
      { to: 'c@bureau.nl', subject: 'T', body: 'y' },
    ]);
    expect(project.mail.to('b@bureau.nl')).toHaveLength(1);
    expect(env.byMethod()).toEqual({ 'MailApp.getRemainingDailyQuota': 3, 'MailApp.sendEmail': 3 });
    expect(() => MailApp.sendEmail({ to: 'a@bureau.nl', subject: 'S', body: 'x', bogus: 1 })).toThrow(/unknown message fields bogus/);
    expect(() => MailApp.sendEmail({ subject: 'S', body: 'x' })).toThrow(/no recipient/);
  });

  it('throws once on a scripted attempt, sending nothing and using no quota', () => {
    const { services, project } = loadCadans(workbook());
    project.mail.failAttempt(2, 'Service unavailable: Gmail');
    services.MailApp.sendEmail({ to: 'a@bureau.nl', subject: '1', body: '' });
    expect(() => services.MailApp.sendEmail({ to: 'b@bureau.nl', subject: '2', body: '' })).toThrow('Service unavailable: Gmail');
    services.MailApp.sendEmail({ to: 'b@bureau.nl', subject: '3', body: '' });
    expect(project.mail.sent.map((m) => m.subject)).toEqual(['1', '3']);
    expect([project.mail.attempts, project.mail.quota]).toEqual([3, 98]);
  });

  it('is refused in a custom function, which runs without authorisation', () => {
    const cadans = loadCadans(workbook());
    cadans.env.mode = 'CUSTOM_FUNCTION';
    expect(() => cadans.services.MailApp.getRemainingDailyQuota()).toThrow(/permission/);
    expect(() => cadans.services.ScriptApp.getProjectTriggers()).toThrow(/permission/);
  });
});

describe('the fake ScriptApp triggers', () => {
  it('create daily and one-off clock triggers, list them for every execution and delete them', () => {
    const ss = workbook();
    const { services } = loadCadans(ss);
    const daily = services.ScriptApp.newTrigger('dailyRun').timeBased().everyDays(1).atHour(7).inTimezone('Pacific/Auckland').create();
    services.ScriptApp.newTrigger('continueReminders').timeBased().after(60_000).create();
    expect(daily.getHandlerFunction()).toBe('dailyRun');
    expect(daily.getEventType()).toBe('CLOCK');
    expect(daily.getTriggerSource()).toBe('CLOCK');
    expect(daily.schedule).toEqual({ everyDays: 1, atHour: 7, timeZone: 'Pacific/Auckland' });
    // Another execution of the same user (a new context) sees the same triggers.
    const other = loadCadans(ss);
    const listed = other.services.ScriptApp.getProjectTriggers();
    expect(listed.map((t) => [t.getHandlerFunction(), t.schedule])).toEqual([
      ['dailyRun', { everyDays: 1, atHour: 7, timeZone: 'Pacific/Auckland' }],
      ['continueReminders', { afterMs: 60_000 }],
    ]);
    other.services.ScriptApp.deleteTrigger(listed[0]);
    expect(services.ScriptApp.getProjectTriggers().map((t) => t.getHandlerFunction())).toEqual(['continueReminders']);
  });

  it('refuse a trigger without exactly one schedule, a bad hour or zone, and more than 20', () => {
    const { services } = loadCadans(workbook());
    const clock = () => services.ScriptApp.newTrigger('dailyRun').timeBased();
    expect(() => clock().create()).toThrow(/exactly one schedule/);
    expect(() => clock().everyDays(1).after(10).create()).toThrow(/exactly one schedule/);
    expect(() => clock().after(10).atHour(7).create()).toThrow(/atHour/);
    expect(() => clock().everyDays(1).atHour(24)).toThrow(/hour/);
    expect(() => clock().everyDays(0)).toThrow(/Invalid argument/);
    expect(() => clock().everyDays(1).inTimezone('Europe/Nergens')).toThrow(/timezone/);
    for (let i = 0; i < MAX_TRIGGERS; i++) clock().after(1000).create();
    expect(() => clock().after(1000).create()).toThrow(/too many triggers/);
  });
});

describe('the fake ScriptApp, per user', () => {
  it('shows each user only their own triggers, twenty each, and will not delete another\'s', () => {
    const ss = workbook();
    const anna = loadCadans(ss, { user: 'anna@bureau.nl' });
    const bram = loadCadans(ss, { user: 'bram@bureau.nl' });
    // Called from a test, outside an execution, the services run as env.user: set it as each would be.
    ss.env.user = 'anna@bureau.nl';
    anna.services.ScriptApp.newTrigger('dailyRun').timeBased().everyDays(1).atHour(7).create();
    ss.env.user = 'bram@bureau.nl';
    bram.services.ScriptApp.newTrigger('weekRapport').timeBased().everyDays(7).atHour(9).create();
    ss.env.user = 'anna@bureau.nl';
    expect(anna.services.ScriptApp.getProjectTriggers().map((t) => t.getHandlerFunction())).toEqual(['dailyRun']);
    ss.env.user = 'bram@bureau.nl';
    expect(bram.services.ScriptApp.getProjectTriggers().map((t) => t.getHandlerFunction())).toEqual(['weekRapport']);
    expect(() => bram.services.ScriptApp.deleteTrigger(anna.project.triggers.list[0])).toThrow(/permission/);
    expect(anna.project.triggers.list.map((t) => [t.handler, t.owner])).toEqual([['dailyRun', 'anna@bureau.nl'], ['weekRapport', 'bram@bureau.nl']]);
    // Twenty per user: Anna's twenty do not count against Bram.
    ss.env.user = 'anna@bureau.nl';
    for (let i = 1; i < MAX_TRIGGERS; i++) anna.services.ScriptApp.newTrigger('x').timeBased().after(1000).create();
    expect(() => anna.services.ScriptApp.newTrigger('x').timeBased().after(1000).create()).toThrow(/too many triggers/);
    ss.env.user = 'bram@bureau.nl';
    expect(() => bram.services.ScriptApp.newTrigger('x').timeBased().after(1000).create()).not.toThrow();
  });

  it('reports unticked scopes in getAuthorizationInfo and requireScopes, and refuses the calls that need them', () => {
    const ss = workbook();
    const { services, env } = loadCadans(ss);
    const mail = 'https://www.googleapis.com/auth/script.send_mail';
    const sheets = 'https://www.googleapis.com/auth/spreadsheets.currentonly';
    env.$revoke(env.user, mail);
    const info = services.ScriptApp.getAuthorizationInfo(services.ScriptApp.AuthMode.FULL, [mail, sheets]);
    expect([info.getAuthorizationStatus(), info.getAuthorizedScopes()]).toEqual(['REQUIRED', [sheets]]);
    expect(services.ScriptApp.getAuthorizationInfo(services.ScriptApp.AuthMode.FULL, [sheets]).getAuthorizationStatus()).toBe('NOT_REQUIRED');
    expect(() => services.ScriptApp.requireScopes(services.ScriptApp.AuthMode.FULL, [mail])).toThrow(/Authorization is required/);
    expect(() => services.MailApp.getRemainingDailyQuota()).toThrow(`Specified permissions are not sufficient to call MailApp.getRemainingDailyQuota. Required permissions: ${mail}`);
    // Another user who granted everything is not affected.
    env.user = 'anna@bureau.nl';
    expect(services.MailApp.getRemainingDailyQuota()).toBe(100);
  });
});

describe('the fake LockService', () => {
  it('gives the script lock to one execution at a time', () => {
    const ss = workbook();
    const cadans = loadCadans(ss);
    const lock = cadans.project.lock;
    lock.holdForOtherRun();
    expect(cadans.services.LockService.getScriptLock().tryLock(10_000)).toBe(false);
    expect(() => cadans.services.LockService.getScriptLock().waitLock(10_000)).toThrow(/Lock timeout/);
    lock.release();
    const mine = cadans.services.LockService.getScriptLock();
    expect(mine.tryLock(10_000)).toBe(true);
    expect(mine.hasLock()).toBe(true);
    // Another execution cannot have it meanwhile.
    expect(loadCadans(ss).evaluate('LockService.getScriptLock().tryLock(0)')).toBe(false);
    mine.releaseLock();
    expect(lock.holder).toBeNull();
    expect(lock.refused).toBe(3);
  });
});

describe('the fake Ui and HtmlService', () => {
  it('answer an alert with a choice as scripted, or CLOSE, and a plain alert with OK', () => {
    const { ui } = loadCadans(workbook());
    ui.answers.push(ui.Button.YES);
    expect(ui.alert('Zeker?', ui.ButtonSet.YES_NO)).toBe('YES');
    expect(ui.alert('Nog eens?', ui.ButtonSet.YES_NO)).toBe('CLOSE');
    expect(ui.alert('Klaar')).toBe('OK');
    expect(ui.alerts).toEqual([
      { title: null, prompt: 'Zeker?', buttons: 'YES_NO', answer: 'YES' },
      { title: null, prompt: 'Nog eens?', buttons: 'YES_NO', answer: 'CLOSE' },
      { title: null, prompt: 'Klaar', buttons: 'OK', answer: 'OK' },
    ]);
  });

  it('show an HtmlOutput in a modal dialog, with its size', () => {
    const { ui, services, env } = loadCadans(workbook());
    env.reset();
    ui.showModalDialog(services.HtmlService.createHtmlOutput('<p>Hallo &amp; dag</p>').setWidth(720).setHeight(640), 'Titel');
    expect(ui.dialogs).toEqual([{ title: 'Titel', html: '<p>Hallo &amp; dag</p>', width: 720, height: 640 }]);
    expect(() => ui.showModalDialog('<p>geen HtmlOutput</p>' as never, 'x')).toThrow(/showModalDialog/);
    expect(env.byMethod()).toEqual({ 'HtmlOutput.setHeight': 1, 'HtmlOutput.setWidth': 1, 'HtmlService.createHtmlOutput': 1, 'Ui.showModalDialog': 2 });
  });

  it('serve a project HTML file as it is, and show an HtmlOutput in the sidebar with its title', () => {
    const { ui, services, env } = loadCadans(workbook());
    env.reset();
    const output = services.HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('Gesprek voorbereiden');
    ui.showSidebar(output);
    expect(ui.sidebars).toEqual([{ title: 'Gesprek voorbereiden', html: readFileSync(`${DIST_DIR}Sidebar.html`, 'utf8') }]);
    // With the extension too, as Apps Script allows; a file the project lacks throws.
    expect(services.HtmlService.createHtmlOutputFromFile('Sidebar.html').$content()).toBe(ui.sidebars[0].html);
    expect(() => services.HtmlService.createHtmlOutputFromFile('Zijbalk')).toThrow('No HTML file named Zijbalk was found.');
    expect(() => services.HtmlService.createHtmlOutputFromFile('../package')).toThrow(/No HTML file/);
    expect(() => ui.showSidebar('<p>geen HtmlOutput</p>' as never)).toThrow(/showSidebar/);
    expect(env.byMethod()).toEqual({ 'HtmlOutput.setTitle': 1, 'HtmlService.createHtmlOutputFromFile': 4, 'Ui.showSidebar': 2 });
  });

  it('refuse the UI to a time-driven trigger', () => {
    const cadans = loadCadans(workbook());
    cadans.env.uiAvailable = false;
    expect(() => cadans.services.SpreadsheetApp.getUi()).toThrow('Cannot call SpreadsheetApp.getUi() from this context.');
  });
});

describe('the fake Spreadsheet and Sheet ids', () => {
  it('give a URL and a gid per tab, 0 for the first', () => {
    const ss = workbook({ sheets: { A: [], B: [] } });
    expect(ss.getUrl()).toMatch(/^https:\/\/docs\.google\.com\/spreadsheets\/d\/[\w-]+\/edit$/);
    const [a, b] = ss.getSheets();
    expect(a.getSheetId()).toBe(0);
    expect(b.getSheetId()).toBeGreaterThan(0);
    expect(ss.insertSheet('C').getSheetId()).not.toBe(b.getSheetId());
  });
});

describe('the fake active range', () => {
  it('is A1 of the first tab until the person selects other cells, and null without a selection', () => {
    const ss = workbook({ sheets: { Relaties: [['ID'], ['R1']], Pipeline: [] } });
    ss.env.reset();
    const first = ss.getActiveRange()!;
    expect([first.getSheet().getName(), first.getRow(), first.getColumn(), first.getA1Notation()]).toEqual(['Relaties', 1, 1, 'A1']);
    ss.$select('Pipeline', 3, 2, 2, 4);
    const picked = ss.getActiveRange()!;
    expect([picked.getSheet().getName(), picked.getRow(), picked.getA1Notation()]).toEqual(['Pipeline', 3, 'B3:E4']);
    expect(ss.getActiveSheet().getName()).toBe('Pipeline');
    ss.$select(null);
    expect(ss.getActiveRange()).toBeNull();
    expect(() => ss.$select('Nergens')).toThrow(/no sheet Nergens/);
    expect(ss.env.byMethod()).toEqual({
      'Range.getA1Notation': 2, 'Range.getColumn': 1, 'Range.getRow': 2, 'Range.getSheet': 2,
      'Sheet.getName': 3, 'Spreadsheet.getActiveRange': 3, 'Spreadsheet.getActiveSheet': 1,
    });
  });
});

describe('the fake PropertiesService', () => {
  it("keeps the document's properties as strings, shared by every execution, null when missing", () => {
    const ss = workbook();
    const one = loadCadans(ss);
    one.env.reset();
    const props = one.services.PropertiesService.getDocumentProperties();
    expect(props.getProperty('a')).toBeNull();
    expect(props.setProperty('a', 12 as never)).toBe(props);
    props.setProperty('b', 'twee');
    // Another execution over the same document sees them.
    const other = loadCadans(ss).services.PropertiesService.getDocumentProperties();
    expect(other.getProperty('a')).toBe('12');
    expect(other.getProperties()).toEqual({ a: '12', b: 'twee' });
    const copy = other.getProperties();
    copy.a = 'changed';
    expect(props.getProperty('a')).toBe('12');
    other.deleteProperty('a');
    expect(props.getKeys()).toEqual(['b']);
    // Another spreadsheet has its own.
    expect(loadCadans(workbook()).services.PropertiesService.getDocumentProperties().getProperties()).toEqual({});
    expect(one.env.byMethod()).toMatchObject({ 'Properties.getProperty': 3, 'Properties.setProperty': 2, 'Properties.deleteProperty': 1, 'PropertiesService.getDocumentProperties': 2 });
  });

  it('refuses a value over 9 KB and a store over 500 KB, keeping what was there', () => {
    const props = loadCadans(workbook()).services.PropertiesService.getDocumentProperties();
    expect(() => props.setProperty('big', 'x'.repeat(9 * 1024 + 1))).toThrow('Argument too large: value');
    for (let i = 0; i < 55; i++) props.setProperty(`k${i}`, 'x'.repeat(9 * 1024));
    expect(() => props.setProperty('k55', 'x'.repeat(9 * 1024))).toThrow(PROPERTIES_QUOTA_ERROR);
    expect(props.getProperty('k55')).toBeNull();
    expect(props.getKeys()).toHaveLength(55);
  });

  it('may be read but not written by a custom function, and neither before authorisation', () => {
    const cadans = loadCadans(workbook());
    const props = cadans.services.PropertiesService.getDocumentProperties();
    cadans.env.mode = 'CUSTOM_FUNCTION';
    expect(props.getProperty('a')).toBeNull();
    expect(() => props.setProperty('a', 'b')).toThrow(/permission/);
    cadans.env.mode = 'NONE';
    expect(() => props.getProperty('a')).toThrow(/permission/);
  });
});

describe('google.script.run as the harness makes it', () => {
  it('gives the page JSON, and null for a result holding a Date anywhere', () => {
    expect(overTheWire({ a: [1, 'x', null, { b: true }] })).toEqual({ a: [1, 'x', null, { b: true }] });
    expect(overTheWire({ a: [{ when: new Date(0) }] })).toBeNull();
    expect(overTheWire(undefined)).toBeNull();
  });

  it('calls only public top-level functions, with the arguments as JSON of the script, and reports a throw as a failure', () => {
    const cadans = loadCadans(workbook());
    expect(cadans.serverCall('nietBestaand')).toEqual({ ok: false, message: 'Script function not found: nietBestaand' });
    expect(cadans.serverCall('logTouchpoint', { when: new Date() })).toEqual({ ok: false, message: 'Invalid argument: a Date, function or undefined cannot be sent to the server' });
    expect(cadans.serverCall('RELATION_TIER', [[100], [0]])).toEqual({ ok: true, value: [['A'], ['C']] });
    const failed = cadans.serverCall('logTouchpoint', 'geen object');
    expect(failed.ok).toBe(false);
  });
});

describe('a fixed clock in the script', () => {
  it('makes new Date() and Date.now() give that instant, and leaves other Dates alone', () => {
    const now = new Date(Date.UTC(2026, 10, 24, 7, 30));
    const cadans = loadCadans(workbook(), { now });
    expect(cadans.evaluate('new Date().toISOString()')).toBe('2026-11-24T07:30:00.000Z');
    expect(cadans.evaluate('Date.now()')).toBe(now.getTime());
    expect(cadans.evaluate('new Date(0).toISOString()')).toBe('1970-01-01T00:00:00.000Z');
    expect(cadans.evaluate('new Date(0) instanceof Date && Object.prototype.toString.call(new Date()) === "[object Date]"')).toBe(true);
    expect(cadans.evaluate('typeof Date()')).toBe('string');
  });
});
