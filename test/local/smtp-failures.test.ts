// Issue 25: the local runner's mail failures. A server that takes a message and drops the
// connection before confirming it: the Log says the mail may have arrived, and no run sends it
// again that day (at most once rather than twice). And every failure reads in the workbook's
// language: the Dutch Log and summary of a run against a rejecting, a silent and a dropping server
// hold no English sentence; the mail library's own words appear only as the technical detail.

import { mkdtempSync } from 'node:fs';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SMTPServer, type SMTPServerAddress } from 'smtp-server';
import { afterEach, describe, expect, it } from 'vitest';
import { CATALOGUES } from '../../src/i18n/catalogue';
import { run } from '../../src/local/cli';
import { EXPECTED, JORIS, type LogRow, readLog, SANNE, writeBureauWorkbook } from '../mail/fixture';

const DAY = '2026-11-24';
/** The run's clock, pinned: 08:00 in Amsterdam on the test's day. */
const NOW = new Date(Date.UTC(2026, 10, 24, 7));

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((c) => c()));
});

const tmp = () => mkdtempSync(join(tmpdir(), 'cadans-smtpfail-'));

async function cadans(args: string[]): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = [];
  const code = await run(['run', ...args], (l) => lines.push(l), NOW, { language: 'nl' });
  return { code, lines };
}

function listen(server: Server): Promise<string> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`smtp://127.0.0.1:${(server.address() as AddressInfo).port}`)));
}

/**
 * A hand-written SMTP server on a real socket: it greets, accepts the envelope and DATA, reads the
 * message up to its final dot, and then, for the recipients in `dropFor`, closes the connection
 * without a reply. Others get "250 queued". `received` lists every recipient whose whole message arrived.
 */
async function droppingServer(dropFor: string[]): Promise<{ url: string; received: string[] }> {
  const received: string[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    let buffer = '';
    let inData = false;
    let to = '';
    socket.write('220 test.local ESMTP\r\n');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('latin1');
      for (;;) {
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n');
          if (end < 0) return;
          buffer = buffer.slice(end + 5);
          inData = false;
          received.push(to);
          if (dropFor.includes(to)) {
            socket.destroy();
            return;
          }
          socket.write('250 2.0.0 queued\r\n');
          continue;
        }
        const eol = buffer.indexOf('\r\n');
        if (eol < 0) return;
        const line = buffer.slice(0, eol);
        buffer = buffer.slice(eol + 2);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO' || verb === 'HELO') socket.write('250 test.local\r\n');
        else if (verb === 'MAIL') socket.write('250 2.1.0 ok\r\n');
        else if (verb === 'RCPT') {
          to = /<([^>]*)>/.exec(line)?.[1] ?? '';
          socket.write('250 2.1.5 ok\r\n');
        } else if (verb === 'DATA') {
          inData = true;
          socket.write('354 go ahead\r\n');
        } else if (verb === 'QUIT') {
          socket.end('221 bye\r\n');
          return;
        } else socket.write('250 ok\r\n');
      }
    });
  });
  const url = await listen(server);
  closers.push(async () => {
    sockets.forEach((s) => s.destroy());
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  return { url, received };
}

/** A server that accepts the connection and never says a word. */
async function silentServer(): Promise<string> {
  const sockets: Socket[] = [];
  const server = createServer((socket) => sockets.push(socket));
  const url = await listen(server);
  closers.push(async () => {
    sockets.forEach((s) => s.destroy());
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  return url;
}

/** A real SMTP server that rejects every recipient. */
async function rejectingServer(): Promise<string> {
  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address: SMTPServerAddress, _session, callback) {
      callback(Object.assign(new Error(`5.1.1 <${address.address}>: mailbox unavailable`), { responseCode: 550 }));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  closers.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
}

const messages = (rows: LogRow[], owner: string) => rows.filter((r) => r.Waarde === owner || r.Eigenaar === owner).map((r) => `${r.Soort}: ${r.Melding}`);

describe('a server that takes the message and drops the connection before confirming it', () => {
  it('logs the mail as possibly delivered, and no later run that day sends it again', async () => {
    const dir = tmp();
    const input = join(dir, 'bureau.xlsx');
    await writeBureauWorkbook(input);
    const dropping = await droppingServer([JORIS]);
    const first = await cadans(['--workbook', input, '--today', DAY, '--out', join(dir, 'A'), '--smtp', dropping.url]);
    // Joris's mail reached the server whole; the connection went before its answer. Sanne's was
    // not tried against a server that had just gone away.
    expect(dropping.received).toEqual([JORIS]);
    expect(first.code).toBe(1);
    expect(first.lines).toContain(`cadans run: 0 ochtendmails verstuurd via ${dropping.url}; 1 mogelijk afgeleverd (niet opnieuw verstuurd; zie de Log); 1 mislukt (de volgende run probeert ze opnieuw)`);
    const { rows } = await readLog(join(dir, 'A', 'bureau.xlsx'));
    expect(messages(rows, JORIS)).toEqual([
      `verzonden: mogelijk afgeleverd: ${EXPECTED[JORIS].subject}. De mailserver nam het bericht aan, maar de verbinding viel weg voordat hij het bevestigde (de mailserver is niet bereikbaar of verbrak de verbinding (technische melding: Connection closed unexpectedly)); Cadans stuurt deze ochtendmail vandaag niet opnieuw, kijk of ${JORIS} hem kreeg`,
    ]);
    // A later run the same day, into another folder, with a server that answers: Sanne only.
    const good = await droppingServer([]);
    const second = await cadans(['--workbook', input, '--today', DAY, '--out', join(dir, 'B'), '--smtp', good.url]);
    expect(second.code).toBe(0);
    expect(good.received).toEqual([SANNE]);
    expect(second.lines).toContain(`cadans run: 1 ochtendmail verstuurd via ${good.url}; 1 al eerder vandaag`);
    // And the day after, Joris is mailed as usual.
    const nextDay = await cadans(['--workbook', input, '--today', '2026-11-25', '--out', join(dir, 'B'), '--smtp', good.url]);
    expect(nextDay.code).toBe(0);
    expect(good.received.sort()).toEqual([JORIS, SANNE, SANNE]);
  });
});

// ---- No English in a Dutch Log ------------------------------------------------------------------

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}
const WORD = /\p{L}[\p{L}'’]*/gu;
const words = (text: string) => (text.replace(/\{[^}]*\}/g, ' ').match(WORD) ?? []).map((w) => w.toLowerCase());
const dutch = new Set(strings(CATALOGUES.nl).flatMap(words));
/**
 * English words to look for: those of the English catalogue that Dutch does not write, and the
 * words of the mail library's messages the issue found in Dutch output.
 */
const ENGLISH_WORDS = new Set(
  [...strings(CATALOGUES.en).flatMap(words), ...words("not tried the server did not answer an earlier mail of this run greeting never received write can't send all recipients were rejected connection closed unexpectedly timeout")].filter(
    (w) => w.length > 1 && !dutch.has(w),
  ),
);

/** English words in `text`, after the technical detail (the library's own words, for support) and addresses. */
function englishIn(text: string): string[] {
  let rest = text;
  // The detail may hold parentheses of its own (an address); it runs to the closing one that ends it.
  for (;;) {
    const at = rest.indexOf('(technische melding: ');
    if (at < 0) break;
    let depth = 0;
    let end = at;
    for (; end < rest.length; end++) {
      if (rest[end] === '(') depth++;
      else if (rest[end] === ')' && --depth === 0) break;
    }
    rest = rest.slice(0, at) + rest.slice(end + 1);
  }
  rest = rest.replace(/\S+@\S+/g, ' ').replace(/smtp:\/\/\S+/g, ' ').replace(/\/\S+/g, ' ');
  return [...new Set(words(rest).filter((w) => ENGLISH_WORDS.has(w)))];
}

describe('a Dutch Log and summary against failing servers', () => {
  it('hold no English sentence: a rejecting, a silent and a dropping server', async () => {
    expect(ENGLISH_WORDS.has('server')).toBe(false); // Dutch writes "mailserver" and "server" too
    expect(['not', 'tried', 'received', 'rejected', 'unexpectedly'].every((w) => ENGLISH_WORDS.has(w))).toBe(true);
    const dir = tmp();
    const input = join(dir, 'bureau.xlsx');
    await writeBureauWorkbook(input);
    const found: string[] = [];
    const servers: Array<[string, string]> = [
      ['rejecting', await rejectingServer()],
      ['silent', await silentServer()],
      ['dropping', (await droppingServer([JORIS, SANNE])).url],
      ['unreachable', 'smtp://127.0.0.1:1'],
    ];
    for (const [name, url] of servers) {
      const out = join(dir, name);
      // Each from its own copy of the input, so that every run tries both mails.
      const copy = join(dir, `${name}.xlsx`);
      await writeBureauWorkbook(copy);
      const r = await cadans(['--workbook', copy, '--today', DAY, '--out', out, '--smtp', url, '--smtp-timeout', '1']);
      expect(r.code).toBe(1);
      const { rows } = await readLog(join(out, `${name}.xlsx`));
      const texts = [...r.lines, ...rows.map((row) => String(row.Melding))];
      // Every failure was told, with the library's words after the catalogue's sentence.
      expect(rows.filter((row) => String(row.Melding).includes('(technische melding: ')).length).toBeGreaterThanOrEqual(2);
      for (const text of texts) for (const w of englishIn(text)) found.push(`${name}: ${w} in "${text}"`);
    }
    expect(found).toEqual([]);
  }, 60_000);
});
