// `cadans run --smtp smtp://host:port` sends the digests through a real SMTP server (the
// smtp-server package, started here on loopback) instead of writing .eml files. The messages are
// collected as the server received them and read back by mailparser.

import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerAddress } from 'smtp-server';
import { afterEach, describe, expect, it } from 'vitest';
import { run } from '../../src/local/cli';
import { addresses, type Eml, EXPECTED, JORIS, type LogRow, parseEml, readLog, SANNE, utc, writeBureauWorkbook } from '../mail/fixture';

interface Received {
  envelope: { from: string; to: string[] };
  mail: Eml;
  /** The owners the run's journal recorded as sent at the moment this message arrived. */
  loggedBefore: string[];
}

interface TestServer {
  url: string;
  received: Received[];
  rejected: string[];
  close: () => Promise<void>;
}

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

/** A plain SMTP server on 127.0.0.1 with an ephemeral port; `reject` refuses RCPT for those addresses. */
async function startServer(options: { reject?: string[]; journal?: string; onMessage?: (count: number) => void } = {}): Promise<TestServer> {
  const received: Received[] = [];
  const rejected: string[] = [];
  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address: SMTPServerAddress, _session, callback) {
      if (options.reject?.includes(address.address)) {
        rejected.push(address.address);
        callback(Object.assign(new Error(`5.1.1 <${address.address}>: mailbox unavailable`), { responseCode: 550 }));
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', async () => {
        try {
          const loggedBefore = options.journal && existsSync(options.journal) ? journalSent(options.journal) : [];
          received.push({
            envelope: {
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              to: session.envelope.rcptTo.map((r) => r.address),
            },
            mail: await parseEml(Buffer.concat(chunks)),
            loggedBefore,
          });
          options.onMessage?.(received.length);
          callback();
        } catch (error) {
          callback(error as Error);
        }
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  let closed: Promise<void> | null = null;
  const handle: TestServer = {
    url: `smtp://127.0.0.1:${port}`,
    received,
    rejected,
    close: () => (closed ??= new Promise<void>((resolve) => server.close(() => resolve()))),
  };
  servers.push(handle);
  return handle;
}

function tmp(): string {
  return mkdtempSync(join(tmpdir(), 'cadans-smtp-'));
}

/** Runs the CLI; the exit code is 0, or 1 when a mail could not be sent (so cron notices). */
async function cadans(args: string[], exitCode = 0): Promise<string[]> {
  const lines: string[] = [];
  expect(await run(['run', ...args], (l) => lines.push(l))).toBe(exitCode);
  return lines;
}

const sent = (rows: LogRow[]) => rows.filter((r) => r.Soort === 'verzonden');

/** The owners a run's journal records as sent, in order. */
function journalSent(path: string): string[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { kind: string; owner?: string })
    .filter((r) => r.kind === 'sent')
    .map((r) => r.owner!);
}

describe('cadans run --smtp', () => {
  it('sends one message per team member through the server and writes no outbox', async () => {
    const dir = tmp();
    const out = join(dir, 'out');
    await writeBureauWorkbook(join(dir, 'bureau.xlsx'));
    // The journal lies beside the input workbook (issue 25).
    const server = await startServer({ journal: join(dir, 'bureau.xlsx.cadans-journal') });
    const output = await cadans(['--workbook', join(dir, 'bureau.xlsx'), '--today', '2026-11-24', '--out', out, '--smtp', server.url]);

    expect(server.received.map((r) => r.envelope)).toEqual([
      { from: 'cadans@localhost', to: [JORIS] },
      { from: 'cadans@localhost', to: [SANNE] },
    ]);
    for (const { envelope, mail } of server.received) {
      const owner = envelope.to[0] as typeof SANNE | typeof JORIS;
      expect(addresses(mail.parsed.to)).toEqual([owner]);
      expect(mail.parsed.from?.value).toEqual([{ address: 'cadans@localhost', name: 'Cadans' }]);
      expect(mail.parsed.subject).toBe(EXPECTED[owner].subject);
      expect(mail.parsed.cc).toBeUndefined();
      expect(mail.parsed.bcc).toBeUndefined();
      expect([...mail.parsed.headers.keys()].filter((k) => !['from', 'to', 'subject', 'message-id', 'date', 'mime-version', 'content-type'].includes(k))).toEqual([]);
      expect(mail.parsed.text).toBeTruthy();
      expect(mail.parsed.html).toBeTruthy();
    }
    const sanne = server.received[1].mail.parsed;
    expect(sanne.html).toContain('&lt;b&gt;Jansen &amp; Zn&lt;/b&gt;');
    expect(sanne.html).not.toContain('<b>');
    expect(sanne.text).toContain('- <b>Jansen & Zn</b>\n');
    expect(server.received[0].mail.parsed.text).toContain('- Piet Pienter Bcc: evil@example.com\n');

    // Sent means gone: each message is recorded in the journal beside the output (flushed to disk)
    // before the next one goes out, without rewriting the workbook per mail.
    expect(server.received.map((r) => r.loggedBefore)).toEqual([[], [JORIS]]);

    expect(existsSync(join(out, 'outbox'))).toBe(false);
    expect(output).toContain(`cadans run: 2 ochtendmails verstuurd via ${server.url}`);
    const { rows } = await readLog(join(out, 'bureau.xlsx'));
    expect(sent(rows).map((r) => [r.Datum, r.Eigenaar, r.Aantal])).toEqual([
      [utc(2026, 11, 24), JORIS, 2],
      [utc(2026, 11, 24), SANNE, 3],
    ]);

    // Run again on its own output (into another folder: the input is never replaced): nothing new.
    const again = await cadans(['--workbook', join(out, 'bureau.xlsx'), '--today', '2026-11-24', '--out', `${out}-2`, '--smtp', server.url]);
    expect(server.received).toHaveLength(2);
    expect(again).toContain(`cadans run: 0 ochtendmails verstuurd via ${server.url}; 2 al eerder vandaag`);
  });

  it('does not log a rejected digest as sent, and a later run sends only that one', async () => {
    const dir = tmp();
    const out = join(dir, 'out');
    await writeBureauWorkbook(join(dir, 'bureau.xlsx'));
    const refusing = await startServer({ reject: [JORIS] });
    const first = await cadans(['--workbook', join(dir, 'bureau.xlsx'), '--today', '2026-11-24', '--out', out, '--smtp', refusing.url], 1);

    expect(refusing.rejected).toEqual([JORIS]);
    expect(refusing.received.map((r) => r.envelope.to)).toEqual([[SANNE]]);
    expect(first).toContain(`cadans run: 1 ochtendmail verstuurd via ${refusing.url}; 1 mislukt (de volgende run probeert ze opnieuw)`);
    const afterFirst = (await readLog(join(out, 'bureau.xlsx'))).rows;
    expect(sent(afterFirst).map((r) => r.Eigenaar)).toEqual([SANNE]);
    const failure = afterFirst.find((r) => r.Soort === 'probleem' && r.Waarde === JORIS);
    expect(failure?.Melding).toMatch(/^ochtendmail aan joris@bureau\.nl niet verstuurd: .*mailbox unavailable.*; de volgende run probeert het opnieuw$/);
    expect(existsSync(join(out, 'outbox'))).toBe(false);

    // Later that morning, with a server that accepts everyone: only Joris's digest goes out.
    const working = await startServer();
    const second = await cadans(['--workbook', join(out, 'bureau.xlsx'), '--today', '2026-11-24', '--out', `${out}-2`, '--smtp', working.url]);
    expect(working.received.map((r) => r.envelope.to)).toEqual([[JORIS]]);
    expect(working.received[0].mail.parsed.subject).toBe(EXPECTED[JORIS].subject);
    expect(second).toContain(`cadans run: 1 ochtendmail verstuurd via ${working.url}; 1 al eerder vandaag`);
    expect(sent((await readLog(join(`${out}-2`, 'bureau.xlsx'))).rows).map((r) => [r.Datum, r.Eigenaar, r.Aantal])).toEqual([
      [utc(2026, 11, 24), SANNE, 3],
      [utc(2026, 11, 24), JORIS, 2],
    ]);

    // And after that, nobody gets a second one.
    const third = await cadans(['--workbook', join(`${out}-2`, 'bureau.xlsx'), '--today', '2026-11-24', '--out', `${out}-3`, '--smtp', working.url]);
    expect(working.received).toHaveLength(1);
    expect(refusing.received).toHaveLength(1);
    expect(third).toContain(`cadans run: 0 ochtendmails verstuurd via ${working.url}; 2 al eerder vandaag`);
  });

  it('logs nothing as sent and writes no files when the server cannot be reached', async () => {
    const dir = tmp();
    const out = join(dir, 'out');
    await writeBureauWorkbook(join(dir, 'bureau.xlsx'));
    const gone = await startServer();
    await gone.close();
    const output = await cadans(['--workbook', join(dir, 'bureau.xlsx'), '--today', '2026-11-24', '--out', out, '--smtp', gone.url], 1);
    expect(output).toContain(`cadans run: 0 ochtendmails verstuurd via ${gone.url}; 2 mislukt (de volgende run probeert ze opnieuw)`);
    expect(existsSync(join(out, 'outbox'))).toBe(false);
    const { rows } = await readLog(join(out, 'bureau.xlsx'));
    expect(sent(rows)).toEqual([]);
    expect(rows.filter((r) => r.Soort === 'probleem' && /^ochtendmail aan .* niet verstuurd: /.test(String(r.Melding))).map((r) => r.Waarde)).toEqual([JORIS, SANNE]);
  });
});

// "It must be impossible to lose or double a reminder." Through SMTP a mail is gone once sent, so a
// mail whose sending cannot be recorded in the workbook must not go out: otherwise every later run
// sends it again. An output workbook that cannot be saved is common enough: a colleague has it open
// in Excel (on Windows that locks the file); here the output path is a folder, which fails the same way.
describe('cadans run --smtp when the Log cannot be saved', () => {
  const outcome = (promise: Promise<number>) => promise.then((code) => code, (error: Error) => error);

  it('sends nothing when the output workbook cannot be written, however often it runs', async () => {
    const dir = tmp();
    const out = join(dir, 'out');
    await writeBureauWorkbook(join(dir, 'bureau.xlsx'));
    mkdirSync(join(out, 'bureau.xlsx'), { recursive: true });
    const server = await startServer();
    const args = ['run', '--workbook', join(dir, 'bureau.xlsx'), '--today', '2026-11-24', '--out', out, '--smtp', server.url];
    const first = await outcome(run(args, () => {}));
    const second = await outcome(run(args, () => {}));
    // The run fails (an error or a non-zero exit code) ...
    expect(first).not.toBe(0);
    expect(second).not.toBe(0);
    // ... before any mail goes out: none is sent that the Log cannot hold, so none is sent twice.
    expect(server.received.map((r) => r.envelope.to)).toEqual([]);
  });

  it('stops at the first mail it cannot record, and sends no further ones', async () => {
    const dir = tmp();
    const journal = join(dir, 'cadans-voorbeeld.xlsx.cadans-journal');
    // The sample team: amira, joris, sanne. After the first mail the journal can no longer be written.
    const server = await startServer({
      onMessage: (count) => {
        if (count !== 1) return;
        rmSync(journal, { force: true });
        mkdirSync(journal);
      },
    });
    const result = await outcome(run(['run', '--today', '2026-11-24', '--out', dir, '--smtp', server.url], () => {}));
    expect(result).not.toBe(0);
    expect(server.received.map((r) => r.envelope.to)).toEqual([['amira.elidrissi@bureau-lindeboom.nl']]);
  });
});
