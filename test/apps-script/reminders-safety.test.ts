// "It must be impossible to lose or double a reminder": the daily quota, overlapping runs, a send
// that throws, the time limit, the one daily trigger and its follow-ups, and service calls that do
// not grow with the rows. Every run goes through the built bundle; triggers fire in executions of
// their own, sharing only the project (triggers, script lock, mail) and the spreadsheet.

import { describe, expect, it } from 'vitest';
import type { FakeSpreadsheet } from './fakes/index';
import { addDays, loadCadans, midnight, todayIn, workbook } from './harness';
import { ANNA, BRAM, CHRIS, LOG, LOG_COLUMN, RELATIES, SETTINGS_ROW, settingsRows, team } from './reminders-fixture';

const tz = 'Pacific/Auckland';
const HOUR = 60 * 60 * 1000;

type Row = unknown[];

function logRows(ss: FakeSpreadsheet): Row[] {
  return ss.$sheet('Log').$values().slice(1);
}

const ofKind = (ss: FakeSpreadsheet, kind: string) => logRows(ss).filter((r) => r[LOG_COLUMN.Soort] === kind);
const messages = (rows: Row[]) => rows.map((r) => r[LOG_COLUMN.Melding]);
const sentOwners = (ss: FakeSpreadsheet) => ofKind(ss, 'verzonden').map((r) => r[LOG_COLUMN.Eigenaar]);
const summaries = (ss: FakeSpreadsheet) => messages(ofKind(ss, 'run')).filter((m) => /ochtendmails? verstuurd/.test(String(m)));
const handlers = (cadans: ReturnType<typeof loadCadans>) => cadans.project.triggers.list.map((t) => t.handler);

describe('the daily mail quota', () => {
  it('with room for one: sends one, stops cleanly, logs it and leaves the rest to a later daily run, with no hourly follow-up (issue 20)', () => {
    const t = team(tz);
    const cadans = loadCadans(t.ss);
    cadans.project.mail.quota = 1;
    cadans.dailyRun();
    expect(cadans.project.mail.sent.map((m) => m.to)).toEqual([ANNA]);
    expect(sentOwners(t.ss)).toEqual([ANNA]);
    expect(messages(ofKind(t.ss, 'gestopt'))).toEqual(['Dagelijks mailquotum op: 2 ochtendmails wachten op de run van morgen']);
    expect(summaries(t.ss)).toEqual(['dailyRun: 1 ochtendmail verstuurd, 0 al eerder vandaag, 0 mislukt, 2 nog te versturen']);
    // The quota comes back 24 hours after its first use: no follow-up every hour in the meantime.
    expect(handlers(cadans)).toEqual([]);

    // The daily trigger's next run, with the quota back, sends the rest and nobody twice.
    cadans.project.mail.quota = 100;
    loadCadans(t.ss).dailyRun();
    expect(cadans.project.mail.sent.map((m) => m.to)).toEqual([ANNA, BRAM, CHRIS]);
    expect(sentOwners(t.ss)).toEqual([ANNA, BRAM, CHRIS]);
    expect(summaries(t.ss).at(-1)).toBe('dailyRun: 2 ochtendmails verstuurd, 1 al eerder vandaag, 0 mislukt, 0 nog te versturen');
    expect(handlers(cadans)).toEqual([]);
  });

  it('with none left: sends nothing, schedules nothing, and the day\'s runs read the workbook at most twice (issue 20)', () => {
    const t = team(tz);
    const cadans = loadCadans(t.ss);
    cadans.project.mail.quota = 0;
    cadans.env.reset();
    cadans.dailyRun();
    expect(cadans.fireTriggers('continueReminders')).toBe(0);
    // Full reads of the relationships: the morning's refresh, once (the limit is two a day).
    const relaties = t.ss.$sheet('Relaties');
    expect(cadans.env.cellsMoved({ method: 'Range.getValues', tab: 'Relaties' })).toBe(relaties.$lastRow() * relaties.$lastColumn());
    expect(cadans.project.mail.attempts).toBe(0);
    expect(handlers(cadans)).toEqual([]);
    expect(messages(ofKind(t.ss, 'gestopt'))).toEqual(['Dagelijks mailquotum op: 3 ochtendmails wachten op de run van morgen']);
    cadans.project.mail.quota = 100;
    loadCadans(t.ss).dailyRun();
    expect(cadans.project.mail.sent.map((m) => m.to)).toEqual([ANNA, BRAM, CHRIS]);
    expect(handlers(cadans)).toEqual([]);
  });

  it('that another script uses up between the check and a send: the follow-up for the failed digest finds no quota and reads nothing (issue 20)', () => {
    // getRemainingDailyQuota is valid only for the moment it is read: the account's other scripts
    // share the quota, and MailApp then throws.
    const t = team(tz);
    const cadans = loadCadans(t.ss);
    const mail = cadans.project.mail;
    mail.beforeSend = (_m, attempt) => {
      if (attempt === 2) mail.quota = 0;
    };
    cadans.dailyRun();
    expect(mail.sent.map((m) => m.to)).toEqual([ANNA]);
    expect(sentOwners(t.ss)).toEqual([ANNA]);
    // MailApp's refusal counts as a quota stop: no follow-up. One left from earlier (a failed
    // send) that fires with the quota still at 0 reads nothing.
    expect(handlers(cadans)).toEqual([]);
    cadans.env.reset();
    cadans.asTrigger('continueReminders');
    // The settings (for the language) and the Log's end only: no relationship or touchpoint is read.
    expect(Object.keys(cadans.env.cellsByTab())).toEqual(['Instellingen', 'Log']);
    expect(messages(ofKind(t.ss, 'gestopt')).at(-1)).toBe('continueReminders: dagelijks mailquotum op; niets gelezen of verstuurd, de run van morgen verstuurt');
    expect(handlers(cadans)).toEqual([]);
    mail.quota = 100;
    loadCadans(t.ss).dailyRun();
    expect(mail.sent.map((m) => m.to)).toEqual([ANNA, BRAM, CHRIS]);
  });

  it('that runs out at the last send: stops, logs it as a quota stop and leaves the last to a later daily run', () => {
    const t = team(tz);
    const cadans = loadCadans(t.ss);
    const mail = cadans.project.mail;
    mail.beforeSend = (_m, attempt) => {
      if (attempt === 3) mail.quota = 0;
    };
    cadans.dailyRun();
    expect(mail.sent.map((m) => m.to)).toEqual([ANNA, BRAM]);
    expect(sentOwners(t.ss)).toEqual([ANNA, BRAM]);
    // The quota ran out: the same as when the check finds it so.
    expect(messages(ofKind(t.ss, 'gestopt'))).toEqual(['Dagelijks mailquotum op: 1 ochtendmail wacht op de run van morgen']);
    expect(handlers(cadans)).toEqual([]);
    mail.quota = 100;
    loadCadans(t.ss).dailyRun();
    expect(mail.sent.map((m) => m.to)).toEqual([ANNA, BRAM, CHRIS]);
  });
});

describe('overlapping runs', () => {
  it('while another run holds the script lock, a run sends nothing and logs why; afterwards each owner gets one', () => {
    const t = team(tz);
    const cadans = loadCadans(t.ss);
    cadans.project.lock.holdForOtherRun();
    cadans.dailyRun();
    const menu = loadCadans(t.ss);
    menu.sendRemindersNow();
    expect(cadans.project.mail.attempts).toBe(0);
    const busy = 'Er loopt al een Cadans-run; deze run is overgeslagen zodat niemand twee keer mail krijgt.';
    expect(messages(ofKind(t.ss, 'run'))).toEqual([busy, busy]);
    expect(menu.ui.alerts.map((a) => a.prompt)).toEqual([busy]);
    cadans.project.lock.release();
    loadCadans(t.ss).dailyRun();
    loadCadans(t.ss).dailyRun();
    expect(cadans.project.mail.sent.map((m) => m.to)).toEqual([ANNA, BRAM, CHRIS]);
    expect(cadans.project.lock.holder).toBeNull();
  });

  it('a trigger that fires while a run is sending is turned away, and each owner still gets exactly one', () => {
    const t = team(tz);
    const first = loadCadans(t.ss);
    const second = loadCadans(t.ss);
    const mail = first.project.mail;
    const turnedAway: number[] = [];
    mail.beforeSend = (_m, attempt) => {
      if (attempt !== 1) return;
      // The trigger fires twice: a second execution starts in the middle of the first's sending.
      const before = mail.attempts;
      second.dailyRun();
      turnedAway.push(mail.attempts - before);
    };
    first.dailyRun();
    expect(turnedAway).toEqual([0]);
    expect(mail.sent.map((m) => m.to)).toEqual([ANNA, BRAM, CHRIS]);
    expect(sentOwners(t.ss)).toEqual([ANNA, BRAM, CHRIS]);
    expect(messages(ofKind(t.ss, 'run'))).toContain('Er loopt al een Cadans-run; deze run is overgeslagen zodat niemand twee keer mail krijgt.');
    expect(first.project.lock.holder).toBeNull();
  });
});

describe('a send that throws mid-run', () => {
  it('loses nothing: the first is logged as sent, the failed one as a problem, a later run sends it and only it', () => {
    const t = team(tz);
    const cadans = loadCadans(t.ss);
    const mail = cadans.project.mail;
    mail.failAttempt(2, 'Service unavailable: Gmail');
    cadans.dailyRun();
    expect(mail.sent.map((m) => m.to)).toEqual([ANNA, CHRIS]);
    expect(sentOwners(t.ss)).toEqual([ANNA, CHRIS]);
    const failure = ofKind(t.ss, 'probleem').find((r) => r[LOG_COLUMN.Waarde] === BRAM)!;
    expect(failure.slice(2, 10)).toEqual([
      '', '', '', BRAM, 'ochtendmail aan bram@bureau.nl niet verstuurd: Service unavailable: Gmail; de volgende run probeert het opnieuw', '', '', '',
    ]);
    expect(summaries(t.ss)).toEqual(['dailyRun: 2 ochtendmails verstuurd, 0 al eerder vandaag, 1 mislukt, 0 nog te versturen']);

    const later = loadCadans(t.ss);
    later.sendRemindersNow();
    expect(mail.sent.map((m) => m.to)).toEqual([ANNA, CHRIS, BRAM]);
    expect(sentOwners(t.ss)).toEqual([ANNA, CHRIS, BRAM]);
    expect(later.ui.alerts.map((a) => a.prompt)).toEqual(['1 ochtendmail verstuurd, 2 waren vandaag al verstuurd, 0 mislukt, 0 wachten op een vervolgrun.']);
  });

  it('when the first send throws, the others still go out and the next run sends the first', () => {
    const t = team(tz);
    const cadans = loadCadans(t.ss);
    cadans.project.mail.failAttempt(1, 'Invalid argument: to');
    cadans.dailyRun();
    loadCadans(t.ss).dailyRun();
    expect(cadans.project.mail.sent.map((m) => m.to)).toEqual([BRAM, CHRIS, ANNA]);
    expect(sentOwners(t.ss)).toEqual([BRAM, CHRIS, ANNA]);
  });
});

describe('the time limit', () => {
  it('a run close to the 6-minute limit stops at a safe point and a follow-up sends the rest', () => {
    const t = team(tz);
    const cadans = loadCadans(t.ss);
    const mail = cadans.project.mail;
    const run = loadCadans(t.ss);
    mail.beforeSend = (_m, attempt) => {
      // After the first send, five minutes have passed for the running execution.
      if (attempt === 1) run.evaluate('(() => { const real = Date.now; Date.now = () => real() + 5 * 60 * 1000; })()');
    };
    run.dailyRun();
    expect(mail.sent.map((m) => m.to)).toEqual([ANNA]);
    expect(messages(ofKind(t.ss, 'gestopt'))).toEqual(['Bijna aan de tijdslimiet: 2 ochtendmails wachten op de vervolgrun']);
    expect(cadans.project.triggers.list.map((tr) => [tr.handler, tr.schedule])).toEqual([['continueReminders', { afterMs: 60_000 }]]);
    mail.beforeSend = null;
    cadans.fireTriggers('continueReminders');
    expect(mail.sent.map((m) => m.to)).toEqual([ANNA, BRAM, CHRIS]);
    expect(handlers(cadans)).toEqual([]);
  });
});

describe('enableReminders and disableReminders', () => {
  it('install exactly one daily trigger at the Verzenduur hour in the spreadsheet\'s zone, however often enabled', () => {
    for (const zone of ['Pacific/Auckland', 'America/Los_Angeles']) {
      const t = team(zone, { sendHour: 6 });
      const cadans = loadCadans(t.ss);
      // The team's own trigger, for a function of theirs, is never touched.
      cadans.services.ScriptApp.newTrigger('weekRapport').timeBased().everyDays(7).atHour(9).create();
      cadans.enableReminders();
      cadans.enableReminders();
      loadCadans(t.ss).enableReminders();
      const daily = cadans.project.triggers.for('dailyRun');
      expect(daily.map((tr) => tr.schedule), zone).toEqual([{ everyDays: 1, atHour: 6, timeZone: zone }]);
      expect(handlers(cadans)).toEqual(['weekRapport', 'dailyRun']);
      expect(cadans.ui.alerts.map((a) => [a.prompt, a.buttons])).toEqual(
        Array(2).fill([`Herinneringen staan aan: elke verzenddag rond 6:00 (${zone}) krijgt elk teamlid één ochtendmail. Team: @bureau.nl.\n\nHerinneringen verstuurd namens joost@bureau.nl.`, 'OK']),
      );
      // A new hour in the settings, enabled again: still one trigger, at the new hour.
      t.ss.$sheet('Instellingen').$write({ row: SETTINGS_ROW.sendHour, column: 2, numRows: 1, numColumns: 1 }, [[8]]);
      cadans.enableReminders();
      expect(cadans.project.triggers.for('dailyRun').map((tr) => tr.schedule)).toEqual([{ everyDays: 1, atHour: 8, timeZone: zone }]);
      // The installed trigger's handler exists at the top level and sends.
      expect(cadans.fireTriggers('dailyRun')).toBe(1);
      expect(cadans.project.mail.sent.map((m) => m.to)).toEqual([ANNA, BRAM, CHRIS]);

      // A follow-up left from a quota stop goes too.
      cadans.services.ScriptApp.newTrigger('continueReminders').timeBased().after(HOUR).create();
      cadans.disableReminders();
      expect(handlers(cadans)).toEqual(['weekRapport']);
      expect(cadans.ui.alerts.at(-1)!.prompt).toBe('Herinneringen staan uit. Er wordt geen ochtendmail meer verstuurd.');
    }
  });

  it('with no team set, propose the owners\' domain and, on YES, write it into Team and install the trigger', () => {
    const t = team(tz, { team: null });
    const cadans = loadCadans(t.ss);
    cadans.ui.answers.push('YES');
    cadans.enableReminders();
    expect(cadans.ui.alerts.map((a) => [a.prompt, a.buttons, a.answer])).toEqual([
      ['Herinneringen gaan alleen naar het team. Cadans stelt voor: iedereen met een adres op @bureau.nl. Klopt dat? (Aanpassen kan in Instellingen > Team.)', 'YES_NO', 'YES'],
      [`Herinneringen staan aan: elke verzenddag rond 7:00 (${tz}) krijgt elk teamlid één ochtendmail. Team: @bureau.nl.\n\nHerinneringen verstuurd namens joost@bureau.nl.`, 'OK', 'OK'],
    ]);
    expect(t.ss.$sheet('Instellingen').$row(SETTINGS_ROW.team).slice(0, 2)).toEqual(['Team', '@bureau.nl']);
    expect(cadans.project.triggers.list.map((tr) => [tr.handler, tr.schedule])).toEqual([['dailyRun', { everyDays: 1, atHour: 7, timeZone: tz }]]);
    cadans.fireTriggers('dailyRun');
    expect(cadans.project.mail.sent.map((m) => m.to)).toEqual([ANNA, BRAM, CHRIS]);
  });

  it('with no team set, install nothing and write nothing on NO or when the question is closed', () => {
    for (const answer of ['NO', null]) {
      const t = team(tz, { team: null });
      const cadans = loadCadans(t.ss);
      if (answer) cadans.ui.answers.push(answer);
      cadans.enableReminders();
      expect(cadans.ui.alerts.map((a) => [a.buttons, a.answer])).toEqual([['YES_NO', answer ?? 'CLOSE'], ['OK', 'OK']]);
      expect(cadans.ui.alerts[1].prompt).toBe('Vul eerst in Instellingen > Team de adressen of het domein van het team in (bijv. @bureau.nl); daarna opnieuw Herinneringen aanzetten.');
      expect(cadans.project.triggers.list).toEqual([]);
      expect(t.ss.$sheet('Instellingen').$value(SETTINGS_ROW.team, 2)).toBe('');
    }
  });

  it('in a workbook whose Instellingen predate the Team row, add the row and the team on YES', () => {
    const today = todayIn(tz);
    const settings = settingsRows(today).filter((r) => r[0] !== 'Team');
    const ss = workbook({
      timeZone: tz,
      sheets: {
        Relaties: [RELATIES, ['R1', 'Anna', 'Klant', '', '', ANNA, 'A', midnight(tz, addDays(today, -90))]],
        Touchpoints: [['Datum', 'Relatie-ID', 'Soort', 'Duur (min)', 'Eigenaar', 'Notities']],
        Instellingen: settings,
        Log: [LOG],
      },
    });
    const cadans = loadCadans(ss);
    cadans.ui.answers.push('YES');
    cadans.enableReminders();
    const rows = ss.$sheet('Instellingen').$values();
    expect(rows.filter((r) => r[0] === 'Team').map((r) => r[1])).toEqual(['@bureau.nl']);
    // Every value the team had is as it was.
    for (const [name, value] of settings.slice(1)) expect(rows.find((r) => r[0] === name)?.[1], String(name)).toEqual(value);
    expect(handlers(cadans)).toEqual(['dailyRun']);
  });
});

// ---- Service calls --------------------------------------------------------------------------------

/** N relationships over the given owners, every one with work today (overdue or never contacted). */
function crowd(relations: number, owners: readonly string[]) {
  const today = todayIn(tz);
  const rows: unknown[][] = [RELATIES];
  for (let i = 1; i <= relations; i++) {
    const last = i % 4 === 0 ? '' : midnight(tz, addDays(today, -(100 + (i % 50))));
    rows.push([`R${i}`, `Relatie ${i}`, i % 2 ? 'Klant' : 'Kandidaat', 'Org', `r${i}@klant.example`, owners[i % owners.length], 'ABC'[i % 3], last, '', '', '', 'ja', '', '']);
  }
  return workbook({
    timeZone: tz,
    sheets: {
      Relaties: rows,
      Touchpoints: [['Datum', 'Relatie-ID', 'Soort', 'Duur (min)', 'Eigenaar', 'Notities'], [midnight(tz, addDays(today, -3)), 'R1', 'Bel', 10, owners[0], '']],
      Instellingen: settingsRows(today),
      Log: [LOG],
    },
  });
}

function dailyRunCalls(relations: number, owners: readonly string[]) {
  const ss = crowd(relations, owners);
  const cadans = loadCadans(ss);
  cadans.env.reset();
  cadans.dailyRun();
  expect(cadans.project.mail.sent.map((m) => m.to)).toEqual([...owners].sort());
  const first = { total: cadans.env.total, byMethod: cadans.env.byMethod() };
  cadans.env.reset();
  cadans.dailyRun(); // nothing left to send
  expect(cadans.project.mail.sent).toHaveLength(owners.length);
  return { first, again: { total: cadans.env.total, byMethod: cadans.env.byMethod() } };
}

/**
 * dailyRun's service calls: DAILY_RUN_BASE + DAILY_RUN_PER_DIGEST · (digests sent), whatever the
 * number of relationship rows. Per digest: the quota check, the send, and its Log line (the last
 * row, its range, the write), logged right after the send so that nothing sent is left unlogged.
 */
/**
 * The first run creates the Vandaag, KPI and Risico tabs and inserts the KPI tab's two charts
 * (compliance, capacity), and, as the month's first run, the Historie tab with its snapshot.
 * Issue 14 adds 194 calls that format the five tabs, a fixed number per tab whatever its rows
 * (see REFRESH_CALLS in batch.test.ts: 74 service calls, 120 local rule builders), and 12 that
 * remember each tab's format print in the document properties.
 */
const DAILY_RUN_BASE = 342; // 2 of them read which tabs an earlier run marked (issue 14; none here, so no tab is touched for it)
/**
 * The same day again sends nothing and makes fewer calls: the report tabs and the Log's layout
 * exist (issue 9: the first run lays the Log out; later ones read only its live end), and the
 * Historie tab is not read at all: its stored layout and its last row say this month is there.
 */
// and the Kwartaal tab: its quarter read from B1, then rebuilt. Issue 14: the rebuilt tabs look as
// they did this morning, so their formats stay and only the format prints are read (2 calls).
const DAILY_RUN_AGAIN = 131; // and 2 read the marks' record (issue 14)
const DAILY_RUN_PER_DIGEST = 5;
const PER_DIGEST_BY_METHOD = { 'MailApp.getRemainingDailyQuota': 1, 'MailApp.sendEmail': 1, 'Range.setValues': 1, 'Sheet.getLastRow': 1, 'Sheet.getRange': 1 };
/** The 357 calls of a first dailyRun that sends three digests. */
const DAILY_RUN_CALLS_BY_METHOD_3 = {
  'AuthorizationInfo.getAuthorizedScopes': 1, // granular consent: which of mail, triggers, address were granted
  // Issue 14: the colour rules of the generated tabs, built locally (as in batch.test.ts).
  'ConditionalFormatRuleBuilder.build': 20,
  'ConditionalFormatRuleBuilder.setBackground': 20,
  'ConditionalFormatRuleBuilder.setFontColor': 20,
  'ConditionalFormatRuleBuilder.setRanges': 20,
  'ConditionalFormatRuleBuilder.whenTextContains': 4,
  'ConditionalFormatRuleBuilder.whenTextEqualTo': 16,
  'SpreadsheetApp.newConditionalFormatRule': 20,
  // Issue 14: each formatted tab's number formats, weights and styles, one call each.
  'Range.setFontStyles': 5,
  'Range.setFontWeights': 5,
  'Range.setNumberFormats': 5,
  // The compliance and capacity charts on the new KPI tab (these clients have no revenue, so Risico has none).
  'EmbeddedChartBuilder.addRange': 4,
  'EmbeddedChartBuilder.asColumnChart': 2,
  'EmbeddedChartBuilder.build': 2,
  'EmbeddedChartBuilder.setNumHeaders': 2,
  'EmbeddedChartBuilder.setOption': 2,
  'EmbeddedChartBuilder.setPosition': 2,
  'Lock.releaseLock': 1,
  'Lock.tryLock': 1,
  'LockService.getScriptLock': 1,
  'MailApp.getRemainingDailyQuota': 3, // before each send
  'MailApp.sendEmail': 3,
  // The reminders' switch (read, then adopted: this workbook predates it), the Log's layout, the
  // tabs' format prints, and the tabs marked before (issue 14).
  'Properties.getProperty': 6,
  'Properties.setProperty': 9, // and the Historie tab's layout, and the five formatted tabs' prints
  'PropertiesService.getDocumentProperties': 15,
  'Range.getValues': 8, // Instellingen, Relaties, Touchpoints, the Log header twice, the Log's live end twice, what was sent today
  'Range.setValues': 12, // the computed columns, the Vandaag cell, the Vandaag, KPI, Risico and Kwartaal tabs, Historie, the refresh's Log lines, one Log line per digest, the closing Log lines
  'ScriptApp.getAuthorizationInfo': 1,
  'ScriptApp.getProjectTriggers': 1, // to remove a spent follow-up
  'Session.getEffectiveUser': 1, // who this trigger runs as: the reminders' one sender?
  'Sheet.clearContents': 5, // Vandaag, KPI, Risico and Kwartaal; Historie, written
  'Sheet.getCharts': 4,
  'Sheet.getDataRange': 4,
  'Sheet.getLastColumn': 4, // the Log header, read by each of the two Log openings; the width of two Log reads
  'Sheet.getLastRow': 5, // one per Log append, and the Log's live end
  'Sheet.getMaxColumns': 8, // each written tab's grid, once (issue 9: writes grow it when they must)
  'Sheet.getMaxRows': 8,
  'Sheet.getName': 4, // one per tab
  'Sheet.getRange': 33, // and issue 14's five formatted ranges and the status columns of Vandaag and KPI (4 rules each)
  'Sheet.setColumnWidths': 36, // one per column of the five formatted tabs' layouts
  'Sheet.setConditionalFormatRules': 5,
  'Sheet.setFrozenRows': 5,
  'Sheet.getSheetId': 1, // the row links
  'Sheet.insertChart': 2,
  'Sheet.newChart': 2,
  'Spreadsheet.getSheetByName': 1,
  'Spreadsheet.getSheets': 1,
  'Spreadsheet.getSpreadsheetLocale': 1,
  'Spreadsheet.getSpreadsheetTimeZone': 1,
  'Spreadsheet.getUrl': 1,
  'Spreadsheet.insertSheet': 5, // Vandaag, KPI, Risico, Kwartaal and Historie (a month's first run)
  'SpreadsheetApp.getActiveSpreadsheet': 1,
  'User.getEmail': 1,
  // Checks Intl against Google's zone data by UTC offset: now, mid-January, mid-July, and an hour
  // either side of the zone's two clock changes (issue 9).
  'Utilities.formatDate': 7,
};

describe('dailyRun service calls', () => {
  const three = [ANNA, BRAM, CHRIS] as const;

  it(`are ${DAILY_RUN_BASE} + ${DAILY_RUN_PER_DIGEST} per digest, the same for 10 relationships as for 2,000 but for one grid growth`, () => {
    const small = dailyRunCalls(10, three);
    const large = dailyRunCalls(2000, three);
    expect(small.first.byMethod).toEqual(DAILY_RUN_CALLS_BY_METHOD_3);
    // At 2,000 the KPI tab needs more rows than a new tab has: one insert, the only difference.
    const { 'Sheet.insertRowsAfter': grown, ...rest } = large.first.byMethod;
    expect(grown).toBe(1);
    expect(rest).toEqual(small.first.byMethod);
    expect(small.first.total).toBe(DAILY_RUN_BASE + DAILY_RUN_PER_DIGEST * 3);
    expect(large.first.total).toBe(DAILY_RUN_BASE + DAILY_RUN_PER_DIGEST * 3 + 1);
    // The same day again: nothing to send.
    expect(large.again.byMethod).toEqual(small.again.byMethod);
    expect(small.again.total).toBe(DAILY_RUN_AGAIN);
    expect(large.again.total).toBe(DAILY_RUN_AGAIN);

    // One owner fewer or more changes exactly the per-digest calls.
    const one = dailyRunCalls(10, [ANNA]);
    expect(one.first.total).toBe(DAILY_RUN_BASE + DAILY_RUN_PER_DIGEST);
    const extra = Object.fromEntries(
      Object.entries(small.first.byMethod)
        .map(([m, n]) => [m, n - (one.first.byMethod[m] ?? 0)])
        .filter(([, n]) => n !== 0),
    );
    expect(extra).toEqual(Object.fromEntries(Object.entries(PER_DIGEST_BY_METHOD).map(([m, n]) => [m, n * 2])));
    expect(Object.values(PER_DIGEST_BY_METHOD).reduce((a, b) => a + b)).toBe(DAILY_RUN_PER_DIGEST);
  });
});
