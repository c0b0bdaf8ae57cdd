// Issue 9: Cadans on the strict model of Google (test/apps-script/fakes): a new tab is 1000 x 26
// and a range outside it throws; MailApp refuses a body over 200 KB; triggers belong to the user
// who installed them; a user may untick scopes. Everything runs through the built bundle.

import { describe, expect, it } from 'vitest';
import type { FakeSheet, FakeSpreadsheet } from './fakes/index';
import { SCOPES } from './fakes/env';
import { BODY_LIMIT } from './fakes/mail';
import { addDays, columnOf, loadCadans, midnight, todayIn, workbook } from './harness';
import { sendDaysFor } from './reminders-fixture';

const TZ = 'Europe/Amsterdam';
const ANNA = 'anna@bureau.nl';
const BRAM = 'bram@bureau.nl';
const OUT_OF_GRID = 'The coordinates of the range are outside the dimensions of the sheet.';

/** Writes a settings value next to its Dutch label, as a person types it. */
function setSetting(ss: FakeSpreadsheet, label: string, value: unknown): void {
  const sheet = ss.$sheet('Instellingen');
  const row = sheet.$column(1, 1).indexOf(label) + 1;
  if (row < 1) throw new Error(`no setting ${label}`);
  sheet.getRange(row, 2).setValues([[value]]);
}

/** The person adds rows at the bottom when the grid is full, as Sheets' "Add more rows" does. */
function typeRows(sheet: FakeSheet, rows: unknown[][]): void {
  const first = sheet.$lastRow() + 1;
  const last = first + rows.length - 1;
  if (last > sheet.maxRows) sheet.insertRowsAfter(sheet.maxRows, last - sheet.maxRows);
  sheet.getRange(first, 1, rows.length, rows[0].length).setValues(rows);
}

/** Relationships in the Relaties tab setup made, by header: overdue clients of the given owners. */
function relationRows(ss: FakeSpreadsheet, n: number, owners: readonly string[], today: string, tiers = 'ABC'): unknown[][] {
  const sheet = ss.$sheet('Relaties');
  const width = sheet.$lastColumn();
  const col = (name: string) => columnOf(sheet, name) - 1;
  return Array.from({ length: n }, (_, i) => {
    const row: unknown[] = new Array(width).fill('');
    row[col('ID')] = `R${i + 1}`;
    row[col('Naam')] = `Relatie ${i + 1}`;
    row[col('Type')] = 'Klant';
    row[col('Organisatie')] = `Org ${i + 1}`;
    row[col('Eigenaar')] = owners[i % owners.length];
    row[col('Tier')] = tiers[i % tiers.length];
    // 200 + 7i days ago: every one is overdue, a week apart (EDATE's month-end clamping cannot tie two).
    row[col('Laatste contact')] = midnight(TZ, addDays(today, -(200 + 7 * i)));
    row[col('Jaaromzet')] = 1000 + i;
    row[col('Actief')] = 'ja';
    return row;
  });
}

/** A brand-new spreadsheet (one empty 1000 x 26 tab), set up by Cadans, with a team and today a send day. */
function freshTeam(): { ss: FakeSpreadsheet; today: string } {
  const ss = workbook({ timeZone: TZ });
  expect(ss.sheets.map((s) => [s.name, s.maxRows, s.maxColumns])).toEqual([['Blad1', 1000, 26]]);
  loadCadans(ss).setupWorkbook();
  const today = todayIn(TZ);
  const days = sendDaysFor(today);
  setSetting(ss, 'Team', '@bureau.nl');
  setSetting(ss, 'Verzenddagen', days.sendDays);
  setSetting(ss, 'Feestdagen overslaan', days.skipHolidays);
  return { ss, today };
}

describe('the strict grid', () => {
  it('setup, refresh, the daily run, the sidebar and the KPI/Risico rebuild work on a brand-new spreadsheet', () => {
    const { ss, today } = freshTeam();
    const relaties = ss.$sheet('Relaties');
    // Setup wrote more header cells than a new tab has columns: it grew the tab first.
    expect(relaties.$lastColumn()).toBeGreaterThan(26);
    expect(relaties.maxColumns).toBe(relaties.$lastColumn());
    typeRows(relaties, relationRows(ss, 12, [ANNA, BRAM], today));
    const cadans = loadCadans(ss);
    cadans.refreshNow();
    expect(cadans.ui.alerts.at(-1)?.prompt).toMatch(/^Bijgewerkt: 12 relaties/);
    expect(relaties.$value(2, columnOf(relaties, 'Status'))).toBe('te laat');
    expect(ss.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(['KPI', 'Risico']));
    cadans.dailyRun();
    expect(cadans.project.mail.sent.map((m) => m.to).sort()).toEqual([ANNA, BRAM]);
    const result = cadans.serverCall('logTouchpoint', {
      requestId: 'req-new-sheet-01',
      row: 2,
      relationId: 'R1',
      kind: 'Gesprek',
      duration: 20,
      valueAdd: 'none',
      newOpportunity: false,
      referral: false,
      notes: {},
      steps: [],
    });
    expect(result.ok).toBe(true);
    expect(ss.$sheet('Touchpoints').$column(2)).toEqual(['R1']);
  });

  it('work at 1,100 relationships, with a Log past row 1,000 and report tabs of thousands of rows', () => {
    const { ss, today } = freshTeam();
    const relaties = ss.$sheet('Relaties');
    typeRows(relaties, relationRows(ss, 1100, [ANNA, BRAM], today));
    // A Log of a workbook in use: 1,000 rows of earlier runs, the grid full.
    const log = ss.$sheet('Log');
    typeRows(log, Array.from({ length: 1000 - log.$lastRow() }, (_, i) => [midnight(TZ, addDays(today, -30)), 'run', '', '', '', '', `oude run ${i}`]));
    expect([log.$lastRow(), log.maxRows]).toEqual([1000, 1000]);
    // A KPI tab left from an earlier, larger run: thousands of rows, grown past the new-tab grid.
    const kpi = ss.insertSheet('KPI');
    kpi.insertRowsAfter(1000, 3000);
    kpi.getRange(1, 1, 4000, 1).setValues(Array.from({ length: 4000 }, (_, i) => [`oud ${i}`]));
    const cadans = loadCadans(ss);
    expect(() => cadans.refreshNow()).not.toThrow();
    expect(relaties.$value(1101, columnOf(relaties, 'Status'))).toBe('te laat');
    expect(log.$lastRow()).toBeGreaterThan(1000);
    // Risico now lists every client's revenue share: more rows than a new tab has.
    expect(ss.$sheet('Risico').$lastRow()).toBeGreaterThan(1100);
    // The KPI tab is rebuilt: nothing of the old run is left.
    expect(ss.$sheet('KPI').$column(1, 1).some((v) => String(v).startsWith('oud '))).toBe(false);
    expect(ss.$sheet('KPI').$lastRow()).toBeGreaterThan(10);
    cadans.dailyRun();
    expect(cadans.project.mail.sent.map((m) => m.to).sort()).toEqual([ANNA, BRAM]);
    // The sidebar logs a conversation with the relationship in row 1,101.
    const logged = cadans.serverCall('logTouchpoint', {
      requestId: 'req-row-1101-01',
      row: 1101,
      relationId: 'R1100',
      kind: 'Gesprek',
      duration: 20,
      valueAdd: 'none',
      newOpportunity: false,
      referral: false,
      notes: {},
      steps: [{ kind: 'custom', text: 'Offerte sturen', due: addDays(today, 7) }],
    });
    expect(logged.ok).toBe(true);
    expect(ss.$sheet('Touchpoints').$column(2)).toEqual(['R1100']);
    expect(relaties.$value(1101, columnOf(relaties, 'Status'))).toBe('op schema');
  });

  it('colour the status and offer the drop-downs in rows the team adds after row 1,000', () => {
    const { ss, today } = freshTeam();
    const relaties = ss.$sheet('Relaties');
    typeRows(relaties, relationRows(ss, 1100, [ANNA], today));
    const status = columnOf(relaties, 'Status');
    const tier = columnOf(relaties, 'Tier');
    const rule = relaties.conditionalRules.find((r) => r.condition?.args[0] === 'te laat')!;
    expect(rule.ranges.map((r) => [r.getA1Notation(), r.openEnded])).toEqual([[expect.stringMatching(/^[A-Z]+2:/), true]]);
    expect(rule.ranges[0].column).toBe(status);
    expect(relaties.$validation(1100, tier)).not.toBeNull();
  });

  it('grow the grid with at most a constant number of extra calls per write', () => {
    const { ss, today } = freshTeam();
    typeRows(ss.$sheet('Relaties'), relationRows(ss, 1100, [ANNA], today));
    const cadans = loadCadans(ss);
    cadans.env.reset();
    cadans.refreshNow();
    const grows = cadans.env.count('Sheet.insertRowsAfter') + cadans.env.count('Sheet.insertColumnsAfter');
    // KPI and Risico are new (1000 x 26) and Risico needs 1,100+ rows: one insert; each tab's size read once.
    expect(grows).toBeLessThanOrEqual(4);
    expect(cadans.env.count('Sheet.getMaxRows')).toBeLessThanOrEqual(cadans.env.count('Range.setValues'));
  });

  it('is what a range outside the grid meets in the model: the message Google gives', () => {
    const ss = workbook();
    expect(() => ss.$sheet('Blad1').getRange(1, 27)).toThrow(OUT_OF_GRID);
  });
});

describe('the morning mail cap', () => {
  it('gives an owner with 600 relationships due one mail under 100 KB: the 50 most urgent and the count of the rest', () => {
    const { ss, today } = freshTeam();
    typeRows(ss.$sheet('Relaties'), relationRows(ss, 600, [ANNA], today, 'A'));
    const cadans = loadCadans(ss);
    cadans.dailyRun();
    const mails = cadans.project.mail.sent;
    expect(mails.map((m) => m.to)).toEqual([ANNA]);
    const [mail] = mails;
    expect(Buffer.byteLength(mail.body) + Buffer.byteLength(mail.htmlBody!)).toBeLessThan(100 * 1024);
    // All tier A: the most urgent are the longest overdue, Relatie 600 down to Relatie 551.
    const named = [...mail.body.matchAll(/^- (Relatie \d+)$/gm)].map((m) => m[1]);
    expect(named).toEqual(Array.from({ length: 50 }, (_, i) => `Relatie ${600 - i}`));
    expect(mail.body).toContain('En nog 550 relaties die aandacht vragen: zie de sheet.');
    expect(mail.htmlBody).toContain('En nog 550 relaties die aandacht vragen: zie de sheet.');
    expect(mail.htmlBody).toContain(`href="${ss.$url()}#gid=${ss.$sheet('Relaties').sheetId}"`);
    expect(mail.subject).toMatch(/^Cadans: 600 te laat/);
  });

  it('follows Max. relaties per ochtendmail', () => {
    const { ss, today } = freshTeam();
    setSetting(ss, 'Max. relaties per ochtendmail', 5);
    typeRows(ss.$sheet('Relaties'), relationRows(ss, 8, [ANNA], today, 'A'));
    const cadans = loadCadans(ss);
    cadans.dailyRun();
    const [mail] = cadans.project.mail.sent;
    expect([...mail.body.matchAll(/^- (Relatie \d+)$/gm)].map((m) => m[1])).toEqual(['Relatie 8', 'Relatie 7', 'Relatie 6', 'Relatie 5', 'Relatie 4']);
    expect(mail.body).toContain('En nog 3 relaties die aandacht vragen: zie de sheet.');
  });

  it('is what MailApp refuses in the model: a body over 200 KB (400 KB as the Workspace setting)', () => {
    const ss = workbook();
    const cadans = loadCadans(ss);
    const big = 'x'.repeat(150 * 1024);
    expect(() => cadans.services.MailApp.sendEmail({ to: ANNA, subject: 's', body: big, htmlBody: big })).toThrow('Limit Exceeded: Email Body Size.');
    cadans.project.mail.bodyLimit = BODY_LIMIT.workspace;
    expect(() => cadans.services.MailApp.sendEmail({ to: ANNA, subject: 's', body: big, htmlBody: big })).not.toThrow();
  });
});

describe('triggers belong to a user: one switch, one sender', () => {
  it('A turns reminders on, B turns them off: A\'s trigger sends nothing; B turns them on: still exactly one sender', () => {
    const { ss, today } = freshTeam();
    typeRows(ss.$sheet('Relaties'), relationRows(ss, 4, [ANNA, BRAM], today));
    const anna = loadCadans(ss, { user: ANNA });
    const bram = loadCadans(ss, { user: BRAM });
    anna.enableReminders();
    expect(anna.ui.alerts.at(-1)?.prompt).toContain('Herinneringen verstuurd namens anna@bureau.nl.');
    // B cannot see A's trigger, so turning reminders off deletes nothing of A's...
    bram.disableReminders();
    expect(anna.project.triggers.for('dailyRun').map((t) => t.owner)).toEqual([ANNA]);
    expect(bram.ui.alerts.at(-1)?.prompt).toContain('De trigger van anna@bureau.nl verstuurt niets meer');
    // ...but A's trigger, running as A, sees the switch off: it sends nothing and removes itself.
    expect(anna.fireTriggers('dailyRun')).toBe(1);
    expect(anna.project.mail.sent).toEqual([]);
    expect(anna.project.triggers.for('dailyRun')).toEqual([]);
    expect(ss.$sheet('Log').$column(7).at(-1)).toMatch(/^Trigger van anna@bureau.nl gestopt: Herinneringen staan uit/);

    anna.enableReminders();
    bram.enableReminders();
    expect(bram.ui.alerts.at(-1)?.prompt).toContain('Tot nu toe verstuurde anna@bureau.nl ze');
    expect(anna.project.triggers.for('dailyRun').map((t) => t.owner).sort()).toEqual([ANNA, BRAM]);
    expect(anna.fireTriggers('dailyRun')).toBe(2);
    // One mail per owner, from B's trigger; A's removed itself.
    expect(anna.project.mail.sent.map((m) => m.to).sort()).toEqual([ANNA, BRAM]);
    expect(anna.project.triggers.for('dailyRun').map((t) => t.owner)).toEqual([BRAM]);
    expect(JSON.parse(anna.project.documentProperties.map.get('cadans.reminders')!)).toEqual({ on: true, sender: BRAM });
    // Every editor sees who sends.
    anna.showAbout();
    expect(anna.ui.alerts.at(-1)?.prompt).toContain('Herinneringen verstuurd namens bram@bureau.nl.');
    anna.previewReminders();
    expect(anna.ui.dialogs.at(-1)?.html).toContain('Herinneringen verstuurd namens bram@bureau.nl.');
  });

  it('lets only the sender send now while reminders are on', () => {
    const { ss, today } = freshTeam();
    typeRows(ss.$sheet('Relaties'), relationRows(ss, 2, [ANNA], today));
    loadCadans(ss, { user: ANNA }).enableReminders();
    const bram = loadCadans(ss, { user: BRAM });
    bram.sendRemindersNow();
    expect(bram.project.mail.sent).toEqual([]);
    expect(bram.ui.alerts.at(-1)?.prompt).toMatch(/^Herinneringen worden verstuurd namens anna@bureau.nl/);
  });
});

describe('granular consent', () => {
  it('without send_mail the daily run refreshes, writes one clear Log row and sends nothing', () => {
    const { ss, today } = freshTeam();
    const relaties = ss.$sheet('Relaties');
    typeRows(relaties, relationRows(ss, 3, [ANNA], today));
    ss.env.$revoke('joost@bureau.nl', SCOPES.sendMail);
    const cadans = loadCadans(ss);
    expect(() => cadans.dailyRun()).not.toThrow();
    expect(cadans.project.mail.sent).toEqual([]);
    expect(relaties.$value(2, columnOf(relaties, 'Status'))).toBe('te laat');
    const messages = ss.$sheet('Log').$column(7);
    const consent = messages.filter((m) => String(m).startsWith('Geen toestemming'));
    expect(consent).toEqual([
      'Geen toestemming voor: e-mail versturen als jij. De sheet is bijgewerkt, er is geen ochtendmail verstuurd. Kies Cadans > Herinneringen aanzetten en vink alle vakjes aan.',
    ]);
  });

  it('names the missing permission in a dialog for a menu action, and does nothing', () => {
    const { ss } = freshTeam();
    ss.env.$revoke('joost@bureau.nl', SCOPES.triggers);
    const cadans = loadCadans(ss);
    cadans.enableReminders();
    expect(cadans.ui.alerts.map((a) => a.prompt)).toEqual([
      'Cadans mist toestemming voor: taken op de achtergrond uitvoeren (triggers).\n\nKies deze actie opnieuw in het Cadans-menu en vink in het Google-venster alle vakjes aan. Zonder deze toestemming is er niets gedaan.',
    ]);
    expect(cadans.project.triggers.list).toEqual([]);
  });
});

describe('Log writes and follow-up runs', () => {
  it('refresh and setup write the Log only under the script lock: while a run holds it they say so and write nothing', () => {
    const { ss, today } = freshTeam();
    typeRows(ss.$sheet('Relaties'), relationRows(ss, 3, [ANNA], today));
    const cadans = loadCadans(ss);
    const before = ss.$sheet('Log').$values();
    cadans.project.lock.holdForOtherRun();
    cadans.refreshNow();
    cadans.setupWorkbook();
    expect(ss.$sheet('Log').$values()).toEqual(before);
    expect(cadans.ui.alerts.map((a) => a.prompt)).toEqual(Array(2).fill('Cadans is even bezig met een andere taak (bijvoorbeeld de dagelijkse run). Er is niets vastgelegd; probeer het over een minuut opnieuw.'));
    // A run turned away by the lock records that with one atomic appendRow, never at "last row + 1".
    cadans.env.reset();
    cadans.dailyRun();
    expect(cadans.env.count('Sheet.appendRow')).toBe(1);
    expect(ss.$sheet('Log').$column(7).at(-1)).toBe('Er loopt al een Cadans-run; deze run is overgeslagen zodat niemand twee keer mail krijgt.');
    cadans.project.lock.release();
  });

  it('a follow-up run sends first, and refreshes the sheet only when time is left', () => {
    const { ss, today } = freshTeam();
    const relaties = ss.$sheet('Relaties');
    typeRows(relaties, relationRows(ss, 4, [ANNA, BRAM], today));
    const status = columnOf(relaties, 'Status');
    const cadans = loadCadans(ss);
    // The follow-up's own computing already took 4 of its 4.5 minutes: it sends, then leaves the writing.
    let sends = 0;
    cadans.project.mail.beforeSend = () => {
      sends++;
      expect(relaties.$value(2, status)).toBe('');
      if (sends === 1) cadans.evaluate('(() => { const real = Date.now; Date.now = () => real() + 4 * 60 * 1000; })()');
    };
    cadans.continueReminders();
    expect(cadans.project.mail.sent.map((m) => m.to).sort()).toEqual([ANNA, BRAM]);
    expect(relaties.$value(2, status)).toBe('');
    expect(ss.$sheet('Log').$column(7)).toContain('continueReminders: verzonden; de sheet is niet bijgewerkt (te weinig tijd over), dat doet de volgende run');
    // With time left, it refreshes after sending.
    const again = freshTeam();
    typeRows(again.ss.$sheet('Relaties'), relationRows(again.ss, 4, [ANNA], again.today));
    const quick = loadCadans(again.ss);
    quick.continueReminders();
    expect(quick.project.mail.sent.map((m) => m.to)).toEqual([ANNA]);
    expect(again.ss.$sheet('Relaties').$value(2, columnOf(again.ss.$sheet('Relaties'), 'Status'))).toBe('te laat');
  });
});
