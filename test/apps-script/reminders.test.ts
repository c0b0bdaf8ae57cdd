// The morning reminders through the built bundle: dailyRun as its time-driven trigger runs it (no
// UI), sendRemindersNow and previewReminders from the menu. Today is the real today in the
// spreadsheet's zone; the send-day settings are chosen so that today is a send day. Every
// expected subject, line and date is worked out in reminders-fixture.ts from the calendar alone.

import { describe, expect, it } from 'vitest';
import type { FakeSpreadsheet } from './fakes/index';
import { addDays, columnOf, diff, loadCadans, midnight, snapshot, todayIn } from './harness';
import {
  AGENDA_CLIENT_A,
  AGENDA_CLIENT_A_ESCAPED,
  ANNA,
  BRAM,
  CHRIS,
  DIRK,
  dmy,
  expectedText,
  JANSEN,
  JANSEN_ESCAPED,
  LOG,
  LOG_COLUMN,
  notToday,
  OWNERS,
  rowLink,
  shortDate,
  team,
  ZOE,
} from './reminders-fixture';

const ZONES = ['Pacific/Auckland', 'America/Los_Angeles'];

type Row = unknown[];

function logRows(ss: FakeSpreadsheet): Row[] {
  const values = ss.$sheet('Log').$values();
  expect(values[0]).toEqual(LOG);
  return values.slice(1);
}

/** The Log's record of sent digests: [Melding, Datum, Eigenaar, Aantal]. */
function sentRows(ss: FakeSpreadsheet): Row[] {
  return logRows(ss)
    .filter((r) => r[LOG_COLUMN.Soort] === 'verzonden')
    .map((r) => [r[LOG_COLUMN.Melding], r[LOG_COLUMN.Datum], r[LOG_COLUMN.Eigenaar], r[LOG_COLUMN.Aantal]]);
}

function kinds(ss: FakeSpreadsheet, kind: string): Row[] {
  return logRows(ss).filter((r) => r[LOG_COLUMN.Soort] === kind);
}

const messages = (rows: Row[]) => rows.map((r) => r[LOG_COLUMN.Melding]);

describe.each(ZONES)('dailyRun in a spreadsheet in %s', (tz) => {
  it('sends each owner on the team exactly one digest, with the right subject and both parts, and logs it', () => {
    const t = team(tz);
    const cadans = loadCadans(t.ss);
    const started = Date.now();
    cadans.dailyRun();
    const mail = cadans.project.mail.sent;
    expect(mail.map((m) => m.to)).toEqual([...OWNERS]);
    expect(t.today).toBe(todayIn(tz));
    for (const m of mail) {
      expect(m.subject, m.to).toBe(t.subjects.get(m.to));
      expect(m.name).toBe('Cadans');
      expect(m.body, m.to).toBe(expectedText(t, m.to));
      expect(m.htmlBody, m.to).toMatch(/^<!DOCTYPE html><html>[\s\S]*<\/html>$/);
      // Every relationship of the digest is in the HTML part, with its link, in the digest's order.
      const names = t.digests.get(m.to)!.map((i) => i.name.replace('<b>Jansen & Zn</b>', JANSEN_ESCAPED));
      const positions = names.map((n) => m.htmlBody!.indexOf(`>${n}</div>`));
      expect(positions.every((p) => p > 0), m.to).toBe(true);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
      for (const i of t.digests.get(m.to)!) expect(m.htmlBody).toContain(`href="${rowLink(t.ss, i.row).replace('&', '&amp;')}"`);
    }
    // The subject counts, spelled out for the owner with every kind of item.
    expect(t.subjects.get(ANNA)).toBe(`Cadans: 2 te laat, 1 nooit gesproken, 1 binnen 7 dagen (${shortDate(t.today)})`);
    expect(t.subjects.get(BRAM)).toBe(`Cadans: 1 te laat, 1 nooit gesproken (${shortDate(t.today)})`);
    expect(t.subjects.get(CHRIS)).toBe(`Cadans: 1 binnen 7 dagen (${shortDate(t.today)})`);

    // One 'verzonden' line per owner: the day (a date of the spreadsheet), the owner, the count.
    const day = midnight(tz, t.today);
    expect(sentRows(t.ss)).toEqual([
      [t.subjects.get(ANNA), day, ANNA, 4],
      [t.subjects.get(BRAM), day, BRAM, 2],
      [t.subjects.get(CHRIS), day, CHRIS, 1],
    ]);
    for (const r of kinds(t.ss, 'verzonden')) {
      const time = (r[LOG_COLUMN.Tijdstip] as Date).getTime();
      expect(time).toBeGreaterThanOrEqual(started - 1000);
      expect(time).toBeLessThanOrEqual(Date.now() + 1000);
    }
    // The run refreshed first, then closed with its summary.
    const runs = messages(kinds(t.ss, 'run'));
    expect(runs).toEqual([
      'dailyRun: 14 relaties, 3 nooit, 6 te laat, 2 binnenkort, 2 op schema, 1 inactief, 0 problemen',
      'dailyRun: 3 ochtendmails verstuurd, 0 al eerder vandaag, 0 mislukt, 0 nog te versturen',
    ]);
    const relaties = t.ss.$sheet('Relaties');
    expect(relaties.$value(2, columnOf(relaties, 'Status'))).toBe('te laat');
    expect(t.ss.$sheet('Instellingen').$value(9, 2)).toEqual(day);
    // A trigger has no one to show anything to: nothing was attempted on the UI.
    expect(cadans.ui.alerts).toEqual([]);
    expect(cadans.ui.dialogs).toEqual([]);
  });

  it('shows the spreadsheet\'s calendar dates in the digest, whatever the machine\'s zone', () => {
    const t = team(tz);
    const cadans = loadCadans(t.ss);
    cadans.dailyRun();
    const anna = cadans.project.mail.to(ANNA)[0];
    // Marieke: last contact 75 days ago, tier A, next contact a calendar month later.
    const marieke = t.digests.get(ANNA)![0];
    expect(marieke.name).toBe('Marieke Hoekstra');
    expect(marieke.last).toBe(addDays(t.today, -75));
    expect(anna.body).toContain(`  Laatste contact: ${dmy(marieke.last!)} · Contact uiterlijk: ${dmy(marieke.next)} · ${marieke.daysOverdue} dagen te laat\n`);
    expect(anna.body).toContain(`Vandaag (${shortDate(t.today)})`);
    // The computed column holds the same day, as a date of the spreadsheet.
    const relaties = t.ss.$sheet('Relaties');
    expect(relaties.$value(2, columnOf(relaties, 'Volgend contact'))).toEqual(midnight(tz, marieke.next));
  });

  it('sends nothing more on a second run, a fired trigger or "send now" the same day', () => {
    const t = team(tz);
    loadCadans(t.ss).dailyRun();
    // The trigger fires again, in a new execution: only the Log remembers what went out.
    const again = loadCadans(t.ss);
    again.dailyRun();
    const menu = loadCadans(t.ss);
    menu.sendRemindersNow();
    expect(menu.project.mail.sent).toHaveLength(3);
    expect(sentRows(t.ss).map((r) => r[2])).toEqual([ANNA, BRAM, CHRIS]);
    expect(messages(kinds(t.ss, 'run')).filter((m) => String(m).includes('ochtendmails'))).toEqual([
      'dailyRun: 3 ochtendmails verstuurd, 0 al eerder vandaag, 0 mislukt, 0 nog te versturen',
      'dailyRun: 0 ochtendmails verstuurd, 3 al eerder vandaag, 0 mislukt, 0 nog te versturen',
      'sendRemindersNow: 0 ochtendmails verstuurd, 3 al eerder vandaag, 0 mislukt, 0 nog te versturen',
    ]);
    expect(menu.ui.alerts.map((a) => a.prompt)).toEqual(['0 ochtendmails verstuurd, 3 waren vandaag al verstuurd, 0 mislukt, 0 wachten op een vervolgrun.']);
  });
});

describe('the Log as the memory of sent digests', () => {
  const tz = 'Europe/Amsterdam';

  it('counts only digests logged for today, in either language, whatever the case of the address', () => {
    const t = team(tz);
    const log = t.ss.$sheet('Log');
    const yesterday = midnight(tz, addDays(t.today, -1));
    const today = midnight(tz, t.today);
    log.$write({ row: 2, column: 1, numRows: 3, numColumns: 10 }, [
      [yesterday, 'verzonden', '', '', '', '', 'gisteren', yesterday, ANNA, 4],
      [today, 'sent', '', '', '', '', 'vandaag, Engels', today, 'Bram@Bureau.nl', 2],
      [today, 'probleem', '', '', '', '', 'een probleem is geen verzending', today, CHRIS, ''],
    ]);
    const cadans = loadCadans(t.ss);
    cadans.dailyRun();
    expect(cadans.project.mail.sent.map((m) => m.to)).toEqual([ANNA, CHRIS]);
    expect(messages(kinds(t.ss, 'run')).at(-1)).toBe('dailyRun: 2 ochtendmails verstuurd, 1 al eerder vandaag, 0 mislukt, 0 nog te versturen');
  });

  it('writes its lines as text, so a subject or owner can never become a formula', () => {
    const t = team(tz);
    loadCadans(t.ss).dailyRun();
    expect(t.ss.$sheet('Log').$formulaCount()).toBe(0);
  });
});

describe('who receives a digest', () => {
  const tz = 'Pacific/Auckland';

  it('never an owner outside the team: that is a problem in the Log naming the owner and the rows', () => {
    const t = team(tz);
    const cadans = loadCadans(t.ss);
    cadans.dailyRun();
    expect(cadans.project.mail.to(ZOE)).toEqual([]);
    const problems = kinds(t.ss, 'probleem').map((r) => r.slice(2, 7));
    expect(problems).toContainEqual(['Relaties', 12, 'Eigenaar (F)', ZOE, 'eigenaar staat niet in het team (Instellingen > Team); geen ochtendmail verstuurd voor rij(en) 12, 13']);
  });

  it('never a relationship\'s own address, even when it is an owner on the team\'s domain', () => {
    const t = team(tz);
    const cadans = loadCadans(t.ss);
    cadans.dailyRun();
    const recipients = cadans.project.mail.sent.map((m) => m.to);
    expect(recipients.filter((r) => t.relationAddresses.includes(r))).toEqual([]);
    expect(cadans.project.mail.to(DIRK)).toEqual([]);
    expect(kinds(t.ss, 'probleem').map((r) => r.slice(2, 7))).toContainEqual([
      'Relaties', t.dirkRow, 'Eigenaar (F)', DIRK, 'dit adres is van een relatie; Cadans mailt relaties nooit',
    ]);
  });

  it('only the addresses listed when Team lists addresses', () => {
    const t = team(tz, { team: `${ANNA}, ${BRAM}` });
    const cadans = loadCadans(t.ss);
    cadans.dailyRun();
    expect(cadans.project.mail.sent.map((m) => m.to)).toEqual([ANNA, BRAM]);
    expect(kinds(t.ss, 'probleem').map((r) => r.slice(2, 6))).toContainEqual(['Relaties', 11, 'Eigenaar (F)', CHRIS]);
  });

  it('nobody when no team is set: the Log says why', () => {
    const t = team(tz, { team: null });
    const cadans = loadCadans(t.ss);
    cadans.dailyRun();
    expect(cadans.project.mail.sent).toEqual([]);
    expect(messages(kinds(t.ss, 'probleem'))).toContain(
      'Geen team ingesteld (Instellingen > Team): er is geen ochtendmail verstuurd. Vul adressen of een domein in, of kies Cadans > Herinneringen aanzetten.',
    );
  });
});

describe('Uitstellen tot (snooze)', () => {
  const tz = 'America/Los_Angeles';

  it('leaves a relationship snoozed until a later day out of the digest, and brings it back on that day', () => {
    const t = team(tz);
    const cadans = loadCadans(t.ss);
    cadans.dailyRun();
    const all = cadans.project.mail.sent.map((m) => m.body + m.htmlBody).join('\n');
    // Ingrid de Wit is overdue but snoozed until three days from now; Mehmet's snooze ends today.
    expect(all).not.toContain('Ingrid de Wit');
    expect(cadans.project.mail.to(BRAM)[0].body).toContain('- Mehmet Yilmaz\n');
    expect(cadans.project.mail.to(ANNA)[0].subject).toBe(t.subjects.get(ANNA));
  });

  it('brings a relationship back on the day its snooze ends', () => {
    const t = team(tz);
    const first = loadCadans(t.ss);
    first.previewReminders();
    expect(first.ui.dialogs[0].html).not.toContain('Ingrid de Wit');
    // The snooze now ends today (as it will three days from now).
    const relaties = t.ss.$sheet('Relaties');
    relaties.$write({ row: 7, column: columnOf(relaties, 'Uitstellen tot'), numRows: 1, numColumns: 1 }, [[midnight(tz, t.today)]]);
    const cadans = loadCadans(t.ss);
    cadans.dailyRun();
    const anna = cadans.project.mail.to(ANNA)[0];
    expect(anna.body).toContain('- Ingrid de Wit\n');
    expect(anna.subject).toBe(`Cadans: 3 te laat, 1 nooit gesproken, 1 binnen 7 dagen (${shortDate(t.today)})`);
  });

  it('reports an unreadable snooze date with its place and keeps the relationship in the digest', () => {
    const t = team(tz);
    const relaties = t.ss.$sheet('Relaties');
    const column = columnOf(relaties, 'Uitstellen tot');
    relaties.$write({ row: 7, column, numRows: 1, numColumns: 1 }, [['volgende week']]);
    const cadans = loadCadans(t.ss);
    cadans.dailyRun();
    expect(cadans.project.mail.to(ANNA)[0].body).toContain('- Ingrid de Wit\n');
    expect(kinds(t.ss, 'probleem').map((r) => r.slice(2, 7))).toContainEqual([
      'Relaties', 7, 'Uitstellen tot (N)', 'volgende week', 'geen geldige datum; verwacht bijvoorbeeld 3-2-2026, 2026-02-03 of een datumcel (jaar 1900-9999)',
    ]);
  });
});

describe('send days', () => {
  const tz = 'Pacific/Auckland';

  it('on a day that is not a send day, dailyRun sends nothing and logs why; "send now" still sends', () => {
    const t = team(tz, { sendDays: notToday(todayIn(tz)) });
    const trigger = loadCadans(t.ss);
    trigger.dailyRun();
    expect(trigger.project.mail.sent).toEqual([]);
    expect(messages(kinds(t.ss, 'run'))).toContain('dailyRun: geen ochtendmail vandaag (geen verzenddag)');
    expect(sentRows(t.ss)).toEqual([]);
    // It still refreshed the sheet.
    const relaties = t.ss.$sheet('Relaties');
    expect(relaties.$value(2, columnOf(relaties, 'Status'))).toBe('te laat');

    const menu = loadCadans(t.ss);
    menu.sendRemindersNow();
    expect(menu.project.mail.sent.map((m) => m.to)).toEqual([...OWNERS]);
    expect(menu.ui.alerts.map((a) => a.prompt)).toEqual(['3 ochtendmails verstuurd, 0 waren vandaag al verstuurd, 0 mislukt, 0 wachten op een vervolgrun.']);
    expect(sentRows(t.ss).map((r) => r[2])).toEqual([...OWNERS]);
  });

  it('reads Verzenddagen as typed: a list or a range that includes today sends', () => {
    const today = todayIn(tz);
    const names = ['zo', 'ma', 'di', 'wo', 'do', 'vr', 'za'];
    const index = names.indexOf(notToday(today));
    const todayName = names[(index + 6) % 7];
    for (const sendDays of [`${notToday(today)}, ${todayName}`, `${todayName} t/m ${notToday(today)}`]) {
      const t = team(tz, { sendDays, skipHolidays: 'nee' });
      const cadans = loadCadans(t.ss);
      cadans.dailyRun();
      expect(cadans.project.mail.sent, sendDays).toHaveLength(3);
    }
  });
});

describe('previewReminders', () => {
  const tz = 'Pacific/Auckland';

  it('shows every owner\'s digest in a dialog, escaped, and sends and writes nothing', () => {
    const t = team(tz);
    const before = snapshot(t.ss);
    const cadans = loadCadans(t.ss);
    cadans.previewReminders();
    expect(cadans.project.mail.sent).toEqual([]);
    expect(cadans.project.mail.attempts).toBe(0);
    expect(diff(before, snapshot(t.ss))).toEqual({ changed: [], added: [] });
    expect(cadans.ui.dialogs).toHaveLength(1);
    const dialog = cadans.ui.dialogs[0];
    expect([dialog.title, dialog.width, dialog.height]).toEqual([`Ochtendmail van ${dmy(t.today)}`, 720, 640]);
    for (const owner of OWNERS) {
      expect(dialog.html).toContain(`Aan: ${owner} · Onderwerp: ${t.subjects.get(owner)}`);
      for (const i of t.digests.get(owner)!) expect(dialog.html).toContain(`>${i.name.replace(JANSEN, JANSEN_ESCAPED)}</div>`);
    }
    expect(dialog.html).not.toContain(ZOE);
    expect(dialog.html).not.toContain(`Aan: ${DIRK}`);
    // User text is text: the name and the agenda are escaped, never markup.
    expect(dialog.html).toContain(`>${JANSEN_ESCAPED}</div>`);
    expect(dialog.html).toContain(AGENDA_CLIENT_A_ESCAPED);
    expect(dialog.html).not.toContain(JANSEN);
    expect(dialog.html).not.toContain(AGENDA_CLIENT_A);
  });

  it('shows each digest exactly as it would be sent, with the links to the rows', () => {
    const t = team(tz);
    const preview = loadCadans(t.ss);
    preview.previewReminders();
    const html = preview.ui.dialogs[0].html;
    for (const owner of OWNERS) {
      for (const i of t.digests.get(owner)!) expect(html, `row ${i.row}`).toContain(`href="${rowLink(t.ss, i.row).replace('&', '&amp;')}"`);
    }
    // The sent digest's body is in the preview as it is.
    const run = loadCadans(t.ss);
    run.dailyRun();
    for (const mail of run.project.mail.sent) {
      const body = mail.htmlBody!.slice(mail.htmlBody!.indexOf('<div style="max-width:600px'), mail.htmlBody!.lastIndexOf('</div>') + 6);
      expect(html, mail.to).toContain(body);
    }
  });

  it('shows what was already sent today, and the same escaping is in the sent mail', () => {
    const t = team(tz);
    const run = loadCadans(t.ss);
    run.dailyRun();
    const html = run.project.mail.to(ANNA)[0].htmlBody!;
    expect(html).toContain(`>${JANSEN_ESCAPED}</div>`);
    expect(html).not.toContain(JANSEN);
    expect(html).not.toContain(AGENDA_CLIENT_A);
    // The plain-text part carries the name as typed: it is text there.
    expect(run.project.mail.to(ANNA)[0].body).toContain(`- ${JANSEN}\n`);
    const cadans = loadCadans(t.ss);
    cadans.previewReminders();
    const dialog = cadans.ui.dialogs[0].html;
    for (const owner of OWNERS) expect(dialog).toContain(`${owner}: al verstuurd`);
    expect(dialog).not.toContain('Aan: ');
  });

  it('works on any day, also when the daily run would skip it', () => {
    const t = team(tz, { sendDays: notToday(todayIn(tz)) });
    const cadans = loadCadans(t.ss);
    cadans.previewReminders();
    for (const owner of OWNERS) expect(cadans.ui.dialogs[0].html).toContain(`Aan: ${owner} · `);
  });
});

describe('an English workbook', () => {
  it('sends English digests and logs them in English', () => {
    const tz = 'America/Los_Angeles';
    const t = team(tz, { language: 'en' });
    const cadans = loadCadans(t.ss);
    cadans.dailyRun();
    const weekdays = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
    const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    const [y, m, d] = t.today.split('-').map(Number);
    const date = `${weekdays[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]} ${d} ${months[m - 1]}`;
    expect(cadans.project.mail.sent.map((mail) => [mail.to, mail.subject])).toEqual([
      [ANNA, `Cadans: 2 overdue, 1 never contacted, 1 within 7 days (${date})`],
      [BRAM, `Cadans: 1 overdue, 1 never contacted (${date})`],
      [CHRIS, `Cadans: 1 within 7 days (${date})`],
    ]);
    const log = t.ss.$sheet('Log').$values().slice(1);
    expect(log.filter((r) => r[1] === 'sent').map((r) => r[8])).toEqual([...OWNERS]);
    // And, once sent, not again: the English Log is the memory just as well.
    loadCadans(t.ss).dailyRun();
    expect(cadans.project.mail.sent).toHaveLength(3);
  });
});
