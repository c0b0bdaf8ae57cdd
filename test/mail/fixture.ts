// A small agency workbook for the morning-mail tests, written with ExcelJS as a team's export
// would be, and readers for what `cadans run` leaves behind: the .eml files and the Log tab.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

export const SANNE = 'sanne@bureau.nl';
export const JORIS = 'joris@bureau.nl';
export const AMIRA = 'amira@bureau.nl';
/** Owns a relationship but is not on the team. */
export const OUTSIDER = 'kees@partner.nl';
/** On the team's domain, but the address of a relationship: never mailed. */
export const RELATION_ADDRESS = 'wim@bureau.nl';

export const HOSTILE_NAME = '<b>Jansen & Zn</b>';
export const BROKEN_NAME = 'Piet Pienter\r\nBcc: evil@example.com';

/** The expectations for Tuesday 24 November 2026. */
export const EXPECTED = {
  [SANNE]: { subject: 'Cadans: 1 te laat, 1 nooit gesproken, 1 binnen 7 dagen (di 24 nov)', count: 3, names: ['Marieke Hoekstra', HOSTILE_NAME, 'Fatima El Amrani'] },
  [JORIS]: { subject: 'Cadans: 1 nooit gesproken, 1 binnen 7 dagen (di 24 nov)', count: 2, names: ['Piet Pienter Bcc: evil@example.com', 'Daan Visser'] },
} as const;

/**
 * Relaties (template columns, in the team's own order plus a column of its own) and Instellingen
 * with only the Team row. On 24-11-2026:
 *  - sanne: R1 overdue (A, 14-10), R2 never (B; the owner typed in capitals), R4 due soon (A, 28-10)
 *  - joris: R3 never (C; a name with a line break and a Bcc line), R5 due soon (B, 28-08)
 *  - kees@partner.nl (not on the team): R6 overdue
 *  - amira: R7 on track only: no mail
 *  - wim@bureau.nl owns R9 but is R8's own address
 */
export async function writeBureauWorkbook(path: string, options: { team?: string } = {}): Promise<void> {
  const book = new ExcelJS.Workbook();
  const rel = book.addWorksheet('Relaties');
  rel.addRow(['ID', 'Naam', 'Type', 'Organisatie', 'E-mail', 'Eigenaar', 'Tier', 'Laatste contact', 'Actief', 'Onze notities']);
  rel.addRow(['R1', 'Marieke Hoekstra', 'Klant', 'Waterschap Rijnvallei', 'm.hoekstra@rijnvallei.example', SANNE, 'A', utc(2026, 10, 14), 'ja', '']);
  rel.addRow(['R2', HOSTILE_NAME, 'Klant', 'Jansen & Zn "Holding" <BV>', 'info@jansen.example', 'SANNE@Bureau.nl', 'B', '', 'ja', '<i>nieuw</i>']);
  rel.addRow(['R3', BROKEN_NAME, 'Kandidaat', 'Freelance\nCc: evil2@example.com', 'piet@mail.example', JORIS, 'C', '', 'ja', '']);
  rel.addRow(['R4', 'Fatima El Amrani', 'Kandidaat', 'Interim HR-adviseur', 'fatima@mail.example', SANNE, 'A', utc(2026, 10, 28), 'ja', '']);
  rel.addRow(['R5', 'Daan Visser', 'Kandidaat', 'Freelance controller', 'daan@mail.example', JORIS, 'B', utc(2026, 8, 28), 'ja', '']);
  rel.addRow(['R6', 'Kees Buiten', 'Klant', 'Partner BV', 'kees@partner.example', OUTSIDER, 'A', utc(2026, 9, 1), 'ja', '']);
  rel.addRow(['R7', 'Noor Hendriks', 'Kandidaat', 'Data-engineer', 'noor@mail.example', AMIRA, 'A', utc(2026, 11, 20), 'ja', '']);
  rel.addRow(['R8', 'Wim Intern', 'Klant', 'Bureau intern', RELATION_ADDRESS, AMIRA, 'C', utc(2026, 11, 1), 'ja', '']);
  rel.addRow(['R9', 'Gemeente Heuvelrug', 'Klant', 'Gemeente Heuvelrug', 'info@heuvelrug.example', RELATION_ADDRESS, 'B', utc(2026, 1, 5), 'ja', '']);
  const settings = book.addWorksheet('Instellingen');
  settings.addRow(['Instelling', 'Waarde']);
  settings.addRow(['Team', options.team ?? '@bureau.nl']);
  await book.xlsx.writeFile(path);
}

export interface Eml {
  file: string;
  raw: string;
  /** The header block as written, up to the first empty line. */
  rawHeader: string;
  parsed: ParsedMail;
}

export async function parseEml(raw: string | Buffer, file = ''): Promise<Eml> {
  const text = raw.toString();
  return { file, raw: text, rawHeader: text.slice(0, text.search(/\r?\n\r?\n/)), parsed: await simpleParser(raw) };
}

/** Every .eml in the outbox, parsed by mailparser, by file name. */
export async function readOutbox(dir: string): Promise<Eml[]> {
  if (!existsSync(dir)) return [];
  const files = readdirSync(dir).sort();
  return Promise.all(files.map((f) => parseEml(readFileSync(join(dir, f)), f)));
}

export function addresses(field: ParsedMail['to'] | ParsedMail['from']): string[] {
  if (!field) return [];
  return (Array.isArray(field) ? field : [field]).flatMap((a) => a.value.map((v) => v.address ?? ''));
}

export type LogRow = Record<string, unknown>;

/** The Log tab as objects keyed by its header names. */
export async function readLog(path: string): Promise<{ rows: LogRow[]; formats: Record<string, string | undefined> }> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  const log = book.getWorksheet('Log');
  if (!log) throw new Error(`no Log tab in ${path}`);
  const header = (log.getRow(1).values as unknown[]).slice(1).map(String);
  const rows: LogRow[] = [];
  const formats: Record<string, string | undefined> = {};
  log.eachRow((row, n) => {
    if (n === 1) return;
    const entry: LogRow = {};
    header.forEach((h, i) => {
      const v = row.getCell(i + 1).value;
      entry[h] = v === null || v === undefined ? '' : v;
    });
    rows.push(entry);
    if (entry.Soort === 'verzonden') header.forEach((h, i) => (formats[h] ??= row.getCell(i + 1).numFmt));
  });
  return { rows, formats };
}

/**
 * A loopback SMTP server that records every recipient; `delayMs` holds each message a moment, so
 * that runs overlap. Its `close` goes on the caller's list of things to close after each test.
 */
export async function recordingSmtpServer(closers: Array<() => Promise<void>>, options: { delayMs?: number } = {}): Promise<{ url: string; to: string[] }> {
  const to: string[] = [];
  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      stream.on('data', () => {});
      stream.on('end', () => {
        setTimeout(() => {
          to.push(...session.envelope.rcptTo.map((r) => r.address));
          callback();
        }, options.delayMs ?? 0);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  closers.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { url: `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`, to };
}
