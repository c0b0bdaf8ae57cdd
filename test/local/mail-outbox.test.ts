// `cadans run` writes each team member's morning digest as a real MIME message in DIR/outbox/ and
// records it in the Log tab. Every .eml is read back by a real mail parser (mailparser), as a mail
// program would: headers, both parts, escaped user text, and no header smuggled in by a name.

import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/local/cli';
import {
  addresses,
  AMIRA,
  BROKEN_NAME,
  type Eml,
  EXPECTED,
  HOSTILE_NAME,
  JORIS,
  type LogRow,
  OUTSIDER,
  readLog,
  readOutbox,
  RELATION_ADDRESS,
  SANNE,
  utc,
  writeBureauWorkbook,
} from '../mail/fixture';

const exec = promisify(execFile);
const BIN = join(__dirname, '../../bin/cadans.mjs');
const HEADERS = ['from', 'to', 'subject', 'message-id', 'date', 'mime-version', 'content-type'];

function tmp(): string {
  return mkdtempSync(join(tmpdir(), 'cadans-mail-'));
}

async function cadans(args: string[]): Promise<string[]> {
  const lines: string[] = [];
  expect(await run(['run', ...args], (l) => lines.push(l))).toBe(0);
  return lines;
}

const sentRows = (rows: LogRow[]) => rows.filter((r) => r.Soort === 'verzonden');

describe('cadans run writes one .eml per team member with work', () => {
  let dir: string;
  let out: string;
  let output: string[];
  let mails: Eml[];
  let log: Awaited<ReturnType<typeof readLog>>;
  const byOwner = (owner: string) => mails.find((m) => addresses(m.parsed.to).includes(owner))!;

  beforeAll(async () => {
    dir = tmp();
    out = join(dir, 'out');
    await writeBureauWorkbook(join(dir, 'bureau.xlsx'));
    output = await cadans(['--workbook', join(dir, 'bureau.xlsx'), '--today', '2026-11-24', '--out', out]);
    mails = await readOutbox(join(out, 'outbox'));
    log = await readLog(join(out, 'bureau.xlsx'));
  });

  it('writes exactly one file per owner on the team, named by day and owner', () => {
    expect(mails.map((m) => m.file)).toEqual([`2026-11-24-${JORIS}.eml`, `2026-11-24-${SANNE}.eml`]);
    // Each file is addressed to exactly one owner; sanne's rows typed in capitals are in her one mail.
    expect(mails.map((m) => addresses(m.parsed.to))).toEqual([[JORIS], [SANNE]]);
    // Amira has nothing due; kees is not on the team; wim is a relationship's own address.
    const everyone = mails.flatMap((m) => [...addresses(m.parsed.to), ...addresses(m.parsed.cc), ...addresses(m.parsed.bcc)]);
    for (const nobody of [AMIRA, OUTSIDER, RELATION_ADDRESS, 'evil@example.com', 'evil2@example.com']) expect(everyone).not.toContain(nobody);
  });

  it('gives each mail From, To and the exact subject, and no other recipient header', () => {
    for (const owner of [SANNE, JORIS] as const) {
      const { parsed } = byOwner(owner);
      expect(parsed.from?.value).toEqual([{ address: 'cadans@localhost', name: 'Cadans' }]);
      expect(parsed.to && !Array.isArray(parsed.to) ? parsed.to.value : null).toEqual([{ address: owner, name: '' }]);
      expect(parsed.subject).toBe(EXPECTED[owner].subject);
      expect(parsed.cc).toBeUndefined();
      expect(parsed.bcc).toBeUndefined();
      expect(parsed.replyTo).toBeUndefined();
      expect(parsed.attachments).toEqual([]);
      expect(parsed.messageId).toMatch(/^<[^<>\s]+@[^<>\s]+>$/);
      expect(parsed.date).toBeInstanceOf(Date);
    }
  });

  it('lets no name add a header: the header block holds only what Cadans writes', () => {
    for (const mail of mails) {
      expect([...mail.parsed.headers.keys()]).toEqual(HEADERS);
      expect(mail.parsed.headerLines.map((h) => h.key)).toEqual(HEADERS);
      expect(mail.rawHeader).not.toMatch(/evil|Jansen|Pienter|^bcc:|^cc:/im);
      // Nor inside a part: each part's own header block holds only its type and encoding.
      const { boundary } = (mail.parsed.headers.get('content-type') as { params: { boundary: string } }).params;
      const parts = mail.raw.split(`--${boundary}`).slice(1, -1);
      expect(parts).toHaveLength(2);
      for (const part of parts) {
        const names = part.trimStart().split(/\r?\n\r?\n/)[0].split(/\r?\n/).filter((l) => !/^\s/.test(l)).map((l) => l.split(':')[0]);
        expect(names).toEqual(['Content-Type', 'Content-Transfer-Encoding']);
      }
    }
  });

  it('has a plain-text and an HTML part', () => {
    for (const mail of mails) {
      expect(mail.parsed.headers.get('content-type')).toMatchObject({ value: 'multipart/alternative' });
      expect(mail.raw.match(/^Content-Type: text\/plain; charset=utf-8$/gm)).toHaveLength(1);
      expect(mail.raw.match(/^Content-Type: text\/html; charset=utf-8$/gm)).toHaveLength(1);
      expect(mail.parsed.text).toMatch(/^Goedemorgen! Vandaag \(di 24 nov\) staan er \d relaties op je lijst/);
      expect(mail.parsed.html).toMatch(/^<!DOCTYPE html>/);
      expect(mail.parsed.html).toContain('Goedemorgen! Vandaag (di 24 nov)');
    }
  });

  it('names no Sheets menu: the local mail ends with how to snooze, not with a menu it cannot offer', () => {
    for (const owner of [SANNE, JORIS] as const) {
      const { parsed } = byOwner(owner);
      expect((parsed.text ?? '').trimEnd().split('\n').at(-1)).toBe('Verstuurd door Cadans. Uitstellen? Vul "Uitstellen tot" in bij de relatie.');
      expect(`${parsed.text}${parsed.html}`).not.toContain('Cadans >');
    }
  });

  it('lists the items in order in both parts', () => {
    for (const owner of [SANNE, JORIS] as const) {
      const { parsed } = byOwner(owner);
      const names = (parsed.text ?? '').split('\n').filter((l) => l.startsWith('- ')).map((l) => l.slice(2));
      expect(names).toEqual(EXPECTED[owner].names);
    }
    // The week plan first: what is planned today, against Sanne's 60 minutes (the default).
    expect((byOwner(SANNE).parsed.text ?? '').split('\n').slice(2, 8)).toEqual([
      '== Vandaag gepland: 2 relaties, 35 van je 60 minuten ==',
      '',
      '- Marieke Hoekstra',
      '  Klant · Waterschap Rijnvallei · Tier A',
      '  Laatste contact: 14-10-2026 · Contact uiterlijk: 14-11-2026 · 10 dagen te laat',
      '  Agenda: Business check-in (20 min): hoe ontwikkelt de organisatie zich, huidige uitdagingen, lopende projecten, marktinzicht delen, komende projecten en waar HR/IT/Finance-behoeften ontstaan',
    ]);
  });

  it('shows the name typed as <b>Jansen & Zn</b> as text: escaped in HTML, literal in plain text', () => {
    const { parsed } = byOwner(SANNE);
    const html = parsed.html as string;
    expect(html).toContain('&lt;b&gt;Jansen &amp; Zn&lt;/b&gt;');
    expect(html).toContain('Jansen &amp; Zn &quot;Holding&quot; &lt;BV&gt;');
    expect(html).not.toMatch(/<\/?b>|<BV>/);
    expect(parsed.text).toContain(`- ${HOSTILE_NAME}\n`);
    expect(parsed.text).toContain('  Klant · Jansen & Zn "Holding" <BV> · Tier B\n');
    // The team's own column (notes with markup) never reaches the mail.
    expect(`${parsed.text}${parsed.html}`).not.toContain('nieuw');
  });

  it('keeps a name with a line break on one line, in both parts', () => {
    const { parsed } = byOwner(JORIS);
    const lines = (parsed.text ?? '').split('\n');
    expect(BROKEN_NAME).toContain('\n');
    expect(lines).toContain('- Piet Pienter Bcc: evil@example.com');
    expect(lines).toContain('  Kandidaat · Freelance Cc: evil2@example.com · Tier C');
    expect(parsed.html).toContain('>Piet Pienter Bcc: evil@example.com</div>');
  });

  it('sends nothing to an owner outside the team and logs a problem naming them', () => {
    const problems = log.rows.filter((r) => r.Soort === 'probleem');
    expect(problems).toContainEqual(
      expect.objectContaining({
        Blad: 'Relaties',
        Rij: 7,
        Kolom: 'Eigenaar (F)',
        Waarde: OUTSIDER,
        Melding: 'eigenaar staat niet in het team (Instellingen > Team); geen ochtendmail verstuurd voor rij(en) 7',
      }),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({ Rij: 10, Waarde: RELATION_ADDRESS, Melding: 'dit adres is van een relatie; Cadans mailt relaties nooit' }),
    );
    expect(output).toContain("  Relaties, rij 7, Eigenaar (F): 'kees@partner.nl': eigenaar staat niet in het team (Instellingen > Team); geen ochtendmail verstuurd voor rij(en) 7");
  });

  it("logs one 'verzonden' row per owner with the day as a date cell, the owner and the count", () => {
    const sent = sentRows(log.rows);
    expect(sent.map((r) => [r.Datum, r.Eigenaar, r.Aantal, r.Melding])).toEqual([
      [utc(2026, 11, 24), JORIS, 2, EXPECTED[JORIS].subject],
      [utc(2026, 11, 24), SANNE, 3, EXPECTED[SANNE].subject],
    ]);
    // A real date cell shown as 24-11-2026, not text.
    for (const r of sent) expect(r.Datum).toBeInstanceOf(Date);
    expect(log.formats.Datum).toBe('dd-mm-yyyy');
    expect(log.rows.at(-1)).toMatchObject({ Soort: 'run', Melding: 'cadans run: 2 ochtendmails geschreven als .eml-bestand (niet verstuurd), 0 al eerder vandaag, 0 mislukt, 0 nog te versturen' });
    // Written, not sent: only an SMTP server sends.
    expect(output).toContain(`cadans run: 2 ochtendmails geschreven naar ${join(out, 'outbox')}`);
  });

  it('writes no new mail when run again on its own output for the same day', async () => {
    // The input is never replaced: a run on its own output writes to another folder.
    const out2 = `${out}-2`;
    const again = await cadans(['--workbook', join(out, 'bureau.xlsx'), '--today', '2026-11-24', '--out', out2]);
    expect(existsSync(join(out2, 'outbox'))).toBe(false);
    expect(again).toContain(`cadans run: 0 ochtendmails geschreven naar ${join(out2, 'outbox')}; 2 al eerder vandaag`);
    const after = await readLog(join(out2, 'bureau.xlsx'));
    expect(sentRows(after.rows)).toHaveLength(2);
    expect(after.rows.at(-1)).toMatchObject({ Soort: 'run', Melding: 'cadans run: 0 ochtendmails geschreven als .eml-bestand (niet verstuurd), 2 al eerder vandaag, 0 mislukt, 0 nog te versturen' });

    // The next working day is a new day: each owner gets a mail again (missed work stays in it).
    const out3 = `${out}-3`;
    const next = await cadans(['--workbook', join(out2, 'bureau.xlsx'), '--today', '2026-11-25', '--out', out3]);
    expect(next).toContain(`cadans run: 2 ochtendmails geschreven naar ${join(out3, 'outbox')}`);
    const wednesday = await readOutbox(join(out3, 'outbox'));
    expect(wednesday.map((m) => m.file)).toEqual([`2026-11-25-${JORIS}.eml`, `2026-11-25-${SANNE}.eml`]);
    expect(wednesday.map((m) => m.parsed.subject)).toEqual([
      'Cadans: 1 nooit gesproken, 1 binnen 7 dagen (wo 25 nov)',
      'Cadans: 1 te laat, 1 nooit gesproken, 1 binnen 7 dagen (wo 25 nov)',
    ]);
    expect(sentRows((await readLog(join(out3, 'bureau.xlsx'))).rows).map((r) => [r.Datum, r.Eigenaar])).toEqual([
      [utc(2026, 11, 24), JORIS],
      [utc(2026, 11, 24), SANNE],
      [utc(2026, 11, 25), JORIS],
      [utc(2026, 11, 25), SANNE],
    ]);
  });
});

describe('days without mail', () => {
  it('writes nothing on a Saturday and says why', async () => {
    const dir = tmp();
    await writeBureauWorkbook(join(dir, 'bureau.xlsx'));
    const output = await cadans(['--workbook', join(dir, 'bureau.xlsx'), '--today', '2026-11-28', '--out', join(dir, 'out')]);
    expect(existsSync(join(dir, 'out', 'outbox'))).toBe(false);
    expect(output).toContain('cadans run: geen ochtendmail vandaag (geen verzenddag)');
    expect(output.filter((l) => /ochtendmails? verstuurd/.test(l))).toEqual([]);
    const { rows } = await readLog(join(dir, 'out', 'bureau.xlsx'));
    expect(sentRows(rows)).toEqual([]);
    expect(rows.at(-1)).toMatchObject({ Soort: 'run', Melding: 'cadans run: geen ochtendmail vandaag (geen verzenddag)' });
  });

  it('writes nothing on a Dutch public holiday on a weekday and names it', async () => {
    const dir = tmp();
    await writeBureauWorkbook(join(dir, 'bureau.xlsx'));
    // Friday 25 December 2026.
    const output = await cadans(['--workbook', join(dir, 'bureau.xlsx'), '--today', '2026-12-25', '--out', join(dir, 'out')]);
    expect(existsSync(join(dir, 'out', 'outbox'))).toBe(false);
    expect(output).toContain('cadans run: geen ochtendmail vandaag (Eerste kerstdag)');
  });

  it('writes nothing without a team and says so', async () => {
    const dir = tmp();
    await writeBureauWorkbook(join(dir, 'bureau.xlsx'), { team: '' });
    const output = await cadans(['--workbook', join(dir, 'bureau.xlsx'), '--today', '2026-11-24', '--out', join(dir, 'out')]);
    expect(existsSync(join(dir, 'out', 'outbox'))).toBe(false);
    expect(output).toContain(
      'Geen team ingesteld (Instellingen > Team): er is geen ochtendmail verstuurd. Vul daar de adressen of het domein van het team in (bijv. @bureau.nl).',
    );
  });
});

describe('an English workbook', () => {
  it('writes the digest in English and logs it as sent', async () => {
    const dir = tmp();
    const book = new ExcelJS.Workbook();
    const rel = book.addWorksheet('Relations');
    rel.addRow(['ID', 'Name', 'Type', 'Organisation', 'Owner', 'Tier', 'Last contact']);
    rel.addRow(['C1', 'Acme & Sons', 'Client', 'Acme <Holdings>', 'kim@agency.com', 'A', utc(2026, 10, 1)]);
    rel.addRow(['C2', 'Jo Candidate', 'Candidate', 'Freelance', 'kim@agency.com', 'B', '']);
    const settings = book.addWorksheet('Settings');
    settings.addRow(['Setting', 'Value']);
    settings.addRow(['Language', 'en']);
    settings.addRow(['Team', 'kim@agency.com']);
    settings.addRow(['Due-soon window (days)', 14]);
    await book.xlsx.writeFile(join(dir, 'en.xlsx'));
    const output = await cadans(['--workbook', join(dir, 'en.xlsx'), '--today', '2026-11-24', '--out', join(dir, 'out')]);
    expect(output).toContain(`cadans run: 1 morning mail written to ${join(dir, 'out', 'outbox')}`);
    const [mail] = await readOutbox(join(dir, 'out', 'outbox'));
    expect(mail.file).toBe('2026-11-24-kim@agency.com.eml');
    expect(mail.parsed.subject).toBe('Cadans: 1 overdue, 1 never contacted (Tue 24 Nov)');
    expect(mail.parsed.text?.split('\n').slice(2, 7)).toEqual(['== Planned for today: 2 relationships, 35 of your 60 minutes ==', '', '- Acme & Sons', '  Client · Acme <Holdings> · Tier A', '  Last contact: 01-10-2026 · Due: 01-11-2026 · 23 days overdue']);
    expect(mail.parsed.html).toContain('Acme &lt;Holdings&gt;');
    const log = await readLog(join(dir, 'out', 'en.xlsx'));
    expect(log.rows.filter((r) => r.Kind === 'sent').map((r) => [r.Date, r.Owner, r.Count])).toEqual([[utc(2026, 11, 24), 'kim@agency.com', 2]]);
    const again = await cadans(['--workbook', join(dir, 'out', 'en.xlsx'), '--today', '2026-11-24', '--out', join(dir, 'out-2')]);
    expect(again).toContain(`cadans run: 0 morning mails written to ${join(dir, 'out-2', 'outbox')}; 1 already sent today`);
  });
});

describe('the sample workbook through the built cadans command', () => {
  it("writes the sample team's three digests, each to its owner at @bureau-lindeboom.nl", async () => {
    const dir = tmp();
    const { stdout } = await exec('node', [BIN, 'run', '--out', dir, '--today', '2026-11-24', '--from', 'Cadans Lindeboom <cadans@bureau-lindeboom.nl>']);
    expect(stdout).toContain(`cadans run: 3 ochtendmails geschreven naar ${join(dir, 'outbox')}`);
    const mails = await readOutbox(join(dir, 'outbox'));
    expect(mails.map((m) => [m.file, addresses(m.parsed.to), m.parsed.subject])).toEqual([
      ['2026-11-24-amira.elidrissi@bureau-lindeboom.nl.eml', ['amira.elidrissi@bureau-lindeboom.nl'], 'Cadans: 2 met rode vlag, 1 binnen 7 dagen (di 24 nov)'],
      ['2026-11-24-joris.bakker@bureau-lindeboom.nl.eml', ['joris.bakker@bureau-lindeboom.nl'], 'Cadans: 2 met rode vlag, 2 te laat, 1 binnen 7 dagen (di 24 nov)'],
      ['2026-11-24-sanne.devries@bureau-lindeboom.nl.eml', ['sanne.devries@bureau-lindeboom.nl'], 'Cadans: 1 met rode vlag, 1 te laat, 2 nooit gesproken, 1 binnen 7 dagen (di 24 nov)'],
    ]);
    for (const m of mails) {
      expect(m.parsed.from?.value).toEqual([{ address: 'cadans@bureau-lindeboom.nl', name: 'Cadans Lindeboom' }]);
      expect([...m.parsed.headers.keys()]).toEqual(HEADERS);
      expect(m.parsed.text).toBeTruthy();
      expect(m.parsed.html).toBeTruthy();
    }
    const listed = (i: number) => mails[i].parsed.text!.split('\n').filter((l) => l.startsWith('- '));
    // Thomas Verbeek is on schedule, but with a red flag and no contact since it was raised: first
    // in the attention section (issue 12), then first of what the week plan puts on today.
    expect(listed(2)).toEqual(['- Thomas Verbeek', '- Thomas Verbeek', '- Marieke Hoekstra', '- Eva Koster', '- Jeroen de Boer', '- Fatima El Amrani']);
    // Jeroen de Boer's Last contact reads 'vorige week' (row 14, also reported as a problem): the
    // mail says so instead of "never".
    const sanne = mails[2].parsed.text!.split('\n');
    expect(sanne[sanne.indexOf('- Jeroen de Boer') + 2]).toBe("  Laatste contact onleesbaar ('vorige week'), zie rij 14 · Contact uiterlijk: 24-11-2026");
    expect(mails[2].parsed.html).toContain('Laatste contact onleesbaar (&#39;vorige week&#39;), zie rij 14');
    // Lotte Smit is overdue but snoozed ("Uitstellen tot" in 10 days): not in Amira's mail.
    // Amira's two flagged relationships without contact since come first (issue 12).
    expect(listed(0)).toEqual(['- Hans Mulder', '- Kees van Leeuwen', '- Kees van Leeuwen']);
    expect(mails.some((m) => `${m.parsed.text}${m.parsed.html}`.includes('Lotte Smit'))).toBe(false);
  });
});

describe('a backlog, planned', () => {
  it('says in the .eml what is planned today, the coming days, the backlog and what would clear it', async () => {
    // 130 clients imported without a last contact, all due on Monday 30 November: at 60 minutes a
    // day (the default) the four-week horizon holds 114 of them.
    const dir = tmp();
    const book = new ExcelJS.Workbook();
    const rel = book.addWorksheet('Relaties');
    rel.addRow(['ID', 'Naam', 'Type', 'Organisatie', 'Eigenaar', 'Tier', 'Laatste contact', 'Gepland']);
    const id = (i: number) => `K${String(i).padStart(3, '0')}`;
    for (let i = 1; i <= 130; i++) rel.addRow([id(i), `Klant ${id(i)}`, 'Klant', `Org ${i}`, 'sanne@bureau.nl', 'C', '', '']);
    const settings = book.addWorksheet('Instellingen');
    settings.addRow(['Instelling', 'Waarde']);
    settings.addRow(['Team', '@bureau.nl']);
    await book.xlsx.writeFile(join(dir, 'import.xlsx'));
    await cadans(['--workbook', join(dir, 'import.xlsx'), '--today', '2026-11-30', '--out', join(dir, 'out')]);
    const [mail] = await readOutbox(join(dir, 'out', 'outbox'));
    const text = mail.parsed.text!.split('\n');
    expect(text[2]).toBe('== Vandaag gepland: 6 relaties, 60 van je 60 minuten ==');
    const week = text.indexOf('Komende dagen: ma 6 · di 6 · wo 6 · do 6 · vr 6');
    expect(text.slice(week + 1, week + 3)).toEqual([
      'Achterstand: 100, ingepland tot 30-12-2026',
      `Je planning loopt 160 minuten (16 relaties) over de planhorizon heen. Dat is weg met 9 minuten per dag meer, of door 16 relaties een tier lager te zetten (de zwakste eerst): ${Array.from({ length: 16 }, (_, i) => `Klant ${id(i + 1)} (${id(i + 1)})`).join(', ')}.`,
    ]);
    expect(mail.parsed.html).toContain('Achterstand: 100, ingepland tot 30-12-2026');
    // Gepland in the output workbook agrees: K001 today, K130 on 30 December.
    const out = new ExcelJS.Workbook();
    await out.xlsx.readFile(join(dir, 'out', 'import.xlsx'));
    const sheet = out.getWorksheet('Relaties')!;
    expect((sheet.getCell('H2').value as Date).toISOString().slice(0, 10)).toBe('2026-11-30');
    expect((sheet.getCell('H131').value as Date).toISOString().slice(0, 10)).toBe('2026-12-30');
  });
});
