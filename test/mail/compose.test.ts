// The morning digest as a mail, from hand-built digests: the subject, the plain-text part line by
// line, the HTML part, and that no user text can become markup or break a line.

import { describe, expect, it } from 'vitest';
import { dayFromYmd } from '../../src/core/dates';
import type { Digest, DigestItem } from '../../src/core/digest';
import { type ComposeOptions, composeDigest, digestSubject, escapeHtml, shortDate } from '../../src/mail/compose';

const MON_23_NOV = dayFromYmd(2026, 11, 23);

function item(over: Partial<DigestItem>): DigestItem {
  return {
    row: 2,
    id: 'R1',
    name: 'Marieke Hoekstra',
    type: 'client',
    organisation: 'Waterschap Rijnvallei',
    tier: 'A',
    owner: 'sanne@bureau.nl',
    status: 'overdue',
    lastContact: dayFromYmd(2026, 10, 13),
    nextContact: dayFromYmd(2026, 11, 13),
    daysOverdue: 10,
    snoozedUntil: null,
    ...over,
  };
}

function digest(items: DigestItem[], counts?: Partial<Digest['counts']>): Digest {
  const c = { overdue: 0, never: 0, dueSoon: 0 };
  for (const i of items) if (i.status !== 'onTrack') c[i.status]++;
  return { owner: 'sanne@bureau.nl', day: MON_23_NOV, items, counts: { ...c, ...counts }, actions: [] };
}

const counted = (overdue: number, never: number, dueSoon: number): Digest => ({
  owner: 'sanne@bureau.nl',
  day: MON_23_NOV,
  items: [],
  counts: { overdue, never, dueSoon },
  actions: [],
});

const options = (over: Partial<ComposeOptions> = {}): ComposeOptions => ({
  language: 'nl',
  dueSoonDays: 7,
  agenda: (type, tier) => `agenda ${type ?? 'geen-type'} ${tier}`,
  rowLink: () => null,
  ...over,
});

describe('digestSubject', () => {
  it('tells the counts and the date, in Dutch', () => {
    expect(digestSubject(counted(3, 0, 5), 'nl', 7)).toBe('Cadans: 3 te laat, 5 binnen 7 dagen (ma 23 nov)');
    expect(digestSubject(counted(1, 2, 1), 'nl', 7)).toBe('Cadans: 1 te laat, 2 nooit gesproken, 1 binnen 7 dagen (ma 23 nov)');
  });

  it('tells the counts and the date, in English', () => {
    expect(digestSubject(counted(3, 0, 5), 'en', 7)).toBe('Cadans: 3 overdue, 5 within 7 days (Mon 23 Nov)');
    expect(digestSubject(counted(1, 2, 1), 'en', 7)).toBe('Cadans: 1 overdue, 2 never contacted, 1 within 7 days (Mon 23 Nov)');
  });

  it("says 'within N days' when the window is not a week", () => {
    expect(digestSubject(counted(3, 0, 5), 'nl', 14)).toBe('Cadans: 3 te laat, 5 binnen 14 dagen (ma 23 nov)');
    expect(digestSubject(counted(0, 0, 2), 'nl', 3)).toBe('Cadans: 2 binnen 3 dagen (ma 23 nov)');
    expect(digestSubject(counted(3, 0, 5), 'en', 10)).toBe('Cadans: 3 overdue, 5 within 10 days (Mon 23 Nov)');
  });

  it('leaves out the parts with a count of zero', () => {
    expect(digestSubject(counted(0, 2, 0), 'nl', 7)).toBe('Cadans: 2 nooit gesproken (ma 23 nov)');
    expect(digestSubject(counted(4, 0, 0), 'nl', 7)).toBe('Cadans: 4 te laat (ma 23 nov)');
    expect(digestSubject(counted(0, 0, 1), 'en', 7)).toBe('Cadans: 1 within 7 days (Mon 23 Nov)');
    expect(digestSubject(counted(0, 1, 6), 'en', 7)).toBe('Cadans: 1 never contacted, 6 within 7 days (Mon 23 Nov)');
  });

  it('holds no user text: a hostile name changes nothing in the subject', () => {
    const d = digest([item({ name: 'X\r\nBcc: evil@example.com', organisation: '=?utf-8?q?x?=' })]);
    expect(digestSubject(d, 'nl', 7)).toBe('Cadans: 1 te laat (ma 23 nov)');
    expect(composeDigest(d, options()).subject).toBe('Cadans: 1 te laat (ma 23 nov)');
  });
});

describe('shortDate', () => {
  it('is weekday, day of the month and month, in either language', () => {
    expect(shortDate(MON_23_NOV, 'nl')).toBe('ma 23 nov');
    expect(shortDate(MON_23_NOV, 'en')).toBe('Mon 23 Nov');
    expect(shortDate(dayFromYmd(2026, 11, 24), 'nl')).toBe('di 24 nov');
    expect(shortDate(dayFromYmd(2026, 3, 1), 'nl')).toBe('zo 1 mrt');
    expect(shortDate(dayFromYmd(2026, 3, 1), 'en')).toBe('Sun 1 Mar');
    expect(shortDate(dayFromYmd(2027, 1, 1), 'nl')).toBe('vr 1 jan');
    expect(shortDate(dayFromYmd(2028, 2, 29), 'en')).toBe('Tue 29 Feb');
    expect(shortDate(dayFromYmd(2026, 5, 13), 'nl')).toBe('wo 13 mei');
    expect(shortDate(dayFromYmd(2026, 10, 31), 'en')).toBe('Sat 31 Oct');
  });
});

describe('escapeHtml', () => {
  it('escapes the five characters that can start markup or end an attribute', () => {
    expect(escapeHtml('<b>Jansen & Zn</b>')).toBe('&lt;b&gt;Jansen &amp; Zn&lt;/b&gt;');
    expect(escapeHtml(`"quoted" 'single'`)).toBe('&quot;quoted&quot; &#39;single&#39;');
    expect(escapeHtml('&amp;')).toBe('&amp;amp;');
    expect(escapeHtml('Café – ‘ok’ · €')).toBe('Café – ‘ok’ · €');
    expect(escapeHtml('')).toBe('');
  });
});

describe('composeDigest', () => {
  const three = digest([
    item({ row: 5, id: 'R5', name: 'Marieke Hoekstra', status: 'overdue', tier: 'A', type: 'client' }),
    item({
      row: 9,
      id: 'R9',
      name: 'Eva Koster',
      organisation: 'Stichting Jeugdzorg Oost',
      status: 'never',
      tier: 'B',
      lastContact: null,
      nextContact: MON_23_NOV,
      daysOverdue: 0,
    }),
    item({
      row: 3,
      id: 'R3',
      name: 'Fatima El Amrani',
      type: 'candidate',
      organisation: 'Interim HR-adviseur',
      status: 'dueSoon',
      tier: 'C',
      lastContact: dayFromYmd(2026, 5, 27),
      nextContact: dayFromYmd(2026, 11, 27),
      daysOverdue: 0,
    }),
  ]);

  it('writes the plain-text part line by line, items in the order given', () => {
    const mail = composeDigest(three, options());
    expect(mail.to).toBe('sanne@bureau.nl');
    expect(mail.subject).toBe('Cadans: 1 te laat, 1 nooit gesproken, 1 binnen 7 dagen (ma 23 nov)');
    expect(mail.text.split('\n')).toEqual([
      'Goedemorgen! Vandaag (ma 23 nov) staan er 3 relaties op je lijst: eerst wie te laat is, dan wie nog nooit is gesproken, dan wie binnenkort aan de beurt is.',
      '',
      '- Marieke Hoekstra',
      '  Klant · Waterschap Rijnvallei · Tier A',
      '  Laatste contact: 13-10-2026 · Contact uiterlijk: 13-11-2026 · 10 dagen te laat',
      '  Agenda: agenda client A',
      '',
      '- Eva Koster',
      '  Klant · Stichting Jeugdzorg Oost · Tier B',
      '  Laatste contact: nooit · Contact uiterlijk: 23-11-2026',
      '  Agenda: agenda client B',
      '',
      '- Fatima El Amrani',
      '  Kandidaat · Interim HR-adviseur · Tier C',
      '  Laatste contact: 27-05-2026 · Contact uiterlijk: 27-11-2026 · binnenkort',
      '  Agenda: agenda candidate C',
      '',
      'Verstuurd door Cadans. Uitstellen? Vul "Uitstellen tot" in bij de relatie. Herinneringen uit: Cadans > Herinneringen uitzetten.',
    ]);
  });

  it('keeps the order it is given, in both parts (sorting is the planner’s job)', () => {
    const reversed = digest([...three.items].reverse());
    const mail = composeDigest(reversed, options());
    const names = ['Fatima El Amrani', 'Eva Koster', 'Marieke Hoekstra'];
    expect(mail.text.split('\n').filter((l) => l.startsWith('- '))).toEqual(names.map((n) => `- ${n}`));
    const positions = names.map((n) => mail.html.indexOf(`>${n}</div>`));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('writes the same in English', () => {
    const mail = composeDigest(three, options({ language: 'en' }));
    expect(mail.subject).toBe('Cadans: 1 overdue, 1 never contacted, 1 within 7 days (Mon 23 Nov)');
    const lines = mail.text.split('\n');
    expect(lines[0]).toBe('Good morning! Today (Mon 23 Nov) there are 3 relationships on your list: overdue first, then never contacted, then due soon.');
    expect(lines.slice(2, 7)).toEqual([
      '- Marieke Hoekstra',
      '  Client · Waterschap Rijnvallei · Tier A',
      '  Last contact: 13-10-2026 · Due: 13-11-2026 · 10 days overdue',
      '  Agenda: agenda client A',
      '',
    ]);
    expect(lines.slice(9, 10)).toEqual(['  Last contact: never · Due: 23-11-2026']);
    expect(lines.slice(13, 16)).toEqual(['  Candidate · Interim HR-adviseur · Tier C', '  Last contact: 27-05-2026 · Due: 27-11-2026 · due soon', '  Agenda: agenda candidate C']);
    expect(lines.at(-1)).toBe('Sent by Cadans. Snooze? Fill in "Snooze until" for the relationship. Reminders off: Cadans > Turn reminders off.');
  });

  it("shows the playbook's agenda for each item's type and tier, and none when the agenda is empty", () => {
    const calls: string[] = [];
    const agendas: Record<string, string> = {
      'client A': 'Business check-in (20 min)',
      'client B': 'Check-in (15 min)',
      'candidate C': '',
    };
    const mail = composeDigest(
      three,
      options({
        agenda: (type, tier) => {
          calls.push(`${type} ${tier}`);
          return agendas[`${type} ${tier}`];
        },
      }),
    );
    expect(calls).toEqual(['client A', 'client B', 'candidate C']);
    const agendaLines = mail.text.split('\n').filter((l) => l.startsWith('  Agenda:'));
    expect(agendaLines).toEqual(['  Agenda: Business check-in (20 min)', '  Agenda: Check-in (15 min)']);
    expect(mail.html).toContain('<i>Agenda:</i> Business check-in (20 min)</div>');
    expect(mail.html).toContain('<i>Agenda:</i> Check-in (15 min)</div>');
    expect(mail.html.match(/<i>Agenda:<\/i>/g)).toHaveLength(2);
  });

  it('passes a relationship without a type to the agenda as null and shows no type label', () => {
    const mail = composeDigest(digest([item({ type: null, organisation: '' })]), options());
    expect(mail.text.split('\n').slice(2, 6)).toEqual(['- Marieke Hoekstra', '  Tier A', '  Laatste contact: 13-10-2026 · Contact uiterlijk: 13-11-2026 · 10 dagen te laat', '  Agenda: agenda geen-type A']);
  });

  it('links each item to its row, escaped in the HTML; no link where there is no sheet', () => {
    const link = (row: number) => `https://docs.google.com/spreadsheets/d/abc/edit#gid=0&range=A${row}`;
    const mail = composeDigest(three, options({ rowLink: link }));
    const linkLines = mail.text.split('\n').filter((l) => l.startsWith('  https://'));
    expect(linkLines).toEqual([`  ${link(5)}`, `  ${link(9)}`, `  ${link(3)}`]);
    const anchors = [...mail.html.matchAll(/<a href="([^"]*)"[^>]*>([^<]*)<\/a>/g)].map((m) => [m[1], m[2]]);
    expect(anchors).toEqual([5, 9, 3].map((row) => [`https://docs.google.com/spreadsheets/d/abc/edit#gid=0&amp;range=A${row}`, 'Open in de sheet']));
    const none = composeDigest(three, options());
    expect(none.html).not.toContain('<a ');
    expect(none.text).not.toContain('http');
  });

  it('escapes user text in the HTML: a name can never become a tag', () => {
    const mail = composeDigest(
      digest([item({ name: '<b>Jansen & Zn</b>', organisation: '"Holding" <script>alert(1)</script>', id: 'R7' })]),
      options({ agenda: () => 'Bel <i>op tijd</i> & "luister"' }),
    );
    for (const part of [mail.html, mail.body]) {
      expect(part).toContain('&lt;b&gt;Jansen &amp; Zn&lt;/b&gt;');
      expect(part).not.toContain('<b>');
      expect(part).not.toContain('</b>');
      expect(part).not.toContain('<script');
      expect(part).toContain('&quot;Holding&quot; &lt;script&gt;alert(1)&lt;/script&gt;');
      expect(part).toContain('Bel &lt;i&gt;op tijd&lt;/i&gt; &amp; &quot;luister&quot;');
    }
    // The only tags are Cadans's own.
    const tags = new Set([...mail.html.matchAll(/<\/?([a-zA-Z!]+)/g)].map((m) => m[1].toLowerCase()));
    expect([...tags].sort()).toEqual(['!doctype', 'body', 'div', 'head', 'html', 'i', 'meta', 'p']);
    // The plain-text part shows the name as it was typed.
    expect(mail.text).toContain('- <b>Jansen & Zn</b>');
    expect(mail.text).toContain('  Klant · "Holding" <script>alert(1)</script> · Tier A');
  });

  it('keeps a name with line breaks on one line in the text part, and in the HTML', () => {
    const mail = composeDigest(
      digest([
        item({ name: 'Piet Pienter\r\nBcc: evil@example.com', organisation: 'Org\nCc: evil2@example.com' }),
        item({ row: 4, name: 'Lijn\u2028scheiding\u2029en\ttab\r\r\nKlaar' }),
      ]),
      options({ agenda: () => 'eerste regel\nSubject: gekaapt' }),
    );
    const lines = mail.text.split('\n');
    expect(lines).toContain('- Piet Pienter Bcc: evil@example.com');
    expect(lines).toContain('  Klant · Org Cc: evil2@example.com · Tier A');
    expect(lines).toContain('  Agenda: eerste regel Subject: gekaapt');
    expect(lines).toContain('- Lijn scheiding en tab Klaar');
    expect(lines.some((l) => /^(Bcc|Cc|Subject):/i.test(l))).toBe(false);
    expect(mail.text).not.toContain('\r');
    expect(mail.html).toContain('>Piet Pienter Bcc: evil@example.com</div>');
    expect(mail.html).not.toMatch(/[\r\u2028\u2029]/);
  });

  it('greets a list of one in the singular', () => {
    expect(composeDigest(digest([item({})]), options()).text.split('\n')[0]).toBe('Goedemorgen! Vandaag (ma 23 nov) staat er 1 relatie op je lijst.');
    expect(composeDigest(digest([item({})]), options({ language: 'en' })).text.split('\n')[0]).toBe('Good morning! Today (Mon 23 Nov) there is 1 relationship on your list.');
  });

  // Bug (src/i18n/catalogue.ts, digest.daysOverdue / subjectWithin): one day is written "1 dagen te
  // laat" / "1 days overdue" and "binnen 1 dagen" / "within 1 days". Relationships one day overdue are
  // in many mails.
  it('uses the singular for one day', () => {
    const oneDay = digest([item({ daysOverdue: 1, nextContact: MON_23_NOV - 1 })]);
    expect(composeDigest(oneDay, options()).text).toContain('· 1 dag te laat\n');
    expect(composeDigest(oneDay, options({ language: 'en' })).text).toContain('· 1 day overdue\n');
    expect(digestSubject(counted(0, 0, 2), 'nl', 1)).toBe('Cadans: 2 binnen 1 dag (ma 23 nov)');
    expect(digestSubject(counted(0, 0, 2), 'en', 1)).toBe('Cadans: 2 within 1 day (Mon 23 Nov)');
  });

  it('uses the ID when the name is empty', () => {
    const mail = composeDigest(digest([item({ name: '  \n ', id: 'R42' })]), options());
    expect(mail.text.split('\n')[2]).toBe('- R42');
    expect(mail.html).toContain('>R42</div>');
  });

  it('shows days overdue, or the status word, per item', () => {
    const mail = composeDigest(
      digest([
        item({ daysOverdue: 21 }),
        item({ row: 3, status: 'overdue', daysOverdue: null }),
        item({ row: 4, status: 'dueSoon', nextContact: dayFromYmd(2026, 11, 30), daysOverdue: 0 }),
      ]),
      options(),
    );
    const facts = mail.text.split('\n').filter((l) => l.startsWith('  Laatste contact'));
    expect(facts).toEqual([
      '  Laatste contact: 13-10-2026 · Contact uiterlijk: 13-11-2026 · 21 dagen te laat',
      '  Laatste contact: 13-10-2026 · Contact uiterlijk: 13-11-2026 · 0 dagen te laat',
      '  Laatste contact: 13-10-2026 · Contact uiterlijk: 30-11-2026 · binnenkort',
    ]);
  });

  it('wraps the body in a complete UTF-8 HTML document that fits a phone', () => {
    const mail = composeDigest(three, options());
    expect(mail.html.startsWith('<!DOCTYPE html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"></head>')).toBe(true);
    expect(mail.html.trimEnd().endsWith('</body></html>')).toBe(true);
    expect(mail.html).toContain(mail.body);
    expect(mail.body).toContain('max-width:600px');
    expect(mail.body).not.toContain('<html');
    // Each item is one block with a status colour.
    expect(mail.body.match(/border-left:4px solid #a50e0e/g)).toHaveLength(1);
    expect(mail.body.match(/border-left:4px solid #0b5394/g)).toHaveLength(1);
    expect(mail.body.match(/border-left:4px solid #7f6000/g)).toHaveLength(1);
    expect(mail.body).toContain('Goedemorgen! Vandaag (ma 23 nov) staan er 3 relaties op je lijst');
  });
});

describe('issue 12: the attention section and the referral moment', () => {
  const flagged: NonNullable<Digest['attention']>[number] = {
    row: 7, id: 'R7', name: 'Ellen <i>de Vries</i>', organisation: 'Acme & Co', tier: 'A', flags: ['ratePressure', 'competitor'], since: dayFromYmd(2026, 11, 20), lastContact: dayFromYmd(2026, 11, 2),
  };

  it('in English: the flag lines first, then the rest of the list, and the referral moment on its line', () => {
    const d = { ...digest([item({ referralMoment: true })]), attention: [flagged, { ...flagged, row: 8, id: 'R8', name: '', since: null, lastContact: null }] };
    const mail = composeDigest(d, options({ language: 'en' }));
    expect(mail.subject).toBe('Cadans: 2 red-flagged, 1 overdue (Mon 23 Nov)');
    expect(mail.text.split('\n').slice(2, 19)).toEqual([
      '== Attention: red flag, no contact since (2) ==',
      '',
      '- Ellen <i>de Vries</i>',
      '  Acme & Co · Tier A',
      '  Red flag: rate pressure, competitor · since 20-11-2026 · Last contact: 02-11-2026',
      '',
      '- R8',
      '  Acme & Co · Tier A',
      '  Red flag: rate pressure, competitor · since unknown (Red flag since is empty) · Last contact: never',
      '',
      '== The rest of your list ==',
      '',
      '- Marieke Hoekstra',
      '  Client · Waterschap Rijnvallei · Tier A',
      '  Last contact: 13-10-2026 · Due: 13-11-2026 · 10 days overdue · time to ask for a referral',
      '  Agenda: agenda client A',
      '',
    ]);
    expect(mail.html).toContain('Ellen &lt;i&gt;de Vries&lt;/i&gt;');
    expect(mail.html).not.toContain('<i>de Vries');
  });

  it('with only flagged relationships: its own greeting, no empty routine heading', () => {
    const mail = composeDigest({ ...digest([]), attention: [flagged] }, options());
    expect(mail.subject).toBe('Cadans: 1 met rode vlag (ma 23 nov)');
    expect(mail.text.split('\n')[0]).toBe('Goedemorgen! Vandaag (ma 23 nov) vragen relaties met een rode vlag je aandacht.');
    expect(mail.text).not.toContain('Verder op je lijst');
  });
});
