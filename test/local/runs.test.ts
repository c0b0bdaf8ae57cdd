// The local runner in any order of runs (issue 10): the input is never touched, output files keep
// its mode, one run at a time per output workbook, mail that cannot hang or double, a kill -9 that
// leaves nothing behind after the next run, and file-system failures told in one line with exit 2.
// Runs go through the built command in child processes, as cron and a colleague would start them.

import { execFile, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, watch, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { JORIS, type LogRow, readLog, recordingSmtpServer, SANNE, utc, writeBureauWorkbook } from '../mail/fixture';

const exec = promisify(execFile);
const BIN = join(__dirname, '../../bin/cadans.mjs');
const DAY = '2026-11-24';
/** These tests read the terminal's English messages: the terminal speaks the language of LANG. */
const ENGLISH = { ...process.env, LC_ALL: '', LC_MESSAGES: '', LANG: 'en_US.UTF-8' };

interface Result {
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
}

async function cadans(args: string[], timeout = 150_000): Promise<Result> {
  const t0 = Date.now();
  try {
    const { stdout, stderr } = await exec(process.execPath, [BIN, ...args], { timeout, env: ENGLISH });
    return { code: 0, stdout, stderr, ms: Date.now() - t0 };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr, ms: Date.now() - t0 };
  }
}

const tmp = () => mkdtempSync(join(tmpdir(), 'cadans-runs-'));
const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const mode = (path: string) => statSync(path).mode & 0o777;
const sent = (rows: LogRow[]) => rows.filter((r) => r.Soort === 'verzonden').map((r) => r.Eigenaar);

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((c) => c()));
});


describe('the input is never touched', () => {
  it('refuses an --out folder that holds the input itself (also through a link), and changes nothing there', async () => {
    const dir = tmp();
    const input = join(dir, 'bureau.xlsx');
    await writeBureauWorkbook(input);
    chmodSync(input, 0o600);
    const before = sha(input);
    const same = await cadans(['run', '--workbook', input, '--today', DAY, '--out', dir]);
    expect(same.code).toBe(2);
    expect(same.stderr).toBe(
      `cadans: The output ${input} would replace the input workbook ${input}; Cadans never changes its input. Choose another folder with --out (e.g. --out ${dir}-2)\n`,
    );
    symlinkSync(dir, `${dir}-link`);
    const linked = await cadans(['run', '--workbook', input, '--today', DAY, '--out', `${dir}-link`]);
    expect(linked.code).toBe(2);
    expect(linked.stderr).toContain('would replace the input workbook');
    expect([sha(input), mode(input)]).toEqual([before, 0o600]);
    expect(readdirSync(dir)).toEqual(['bureau.xlsx']);
  });

  it('gives every output file the input’s mode: the workbook, report.html, the .eml files and the journal', async () => {
    const dir = tmp();
    const input = join(dir, 'bureau.xlsx');
    await writeBureauWorkbook(input);
    chmodSync(input, 0o600);
    const r = await cadans(['run', '--workbook', input, '--today', DAY, '--out', join(dir, 'out')]);
    expect(r.code).toBe(0);
    const out = join(dir, 'out');
    const files = [join(out, 'bureau.xlsx'), join(out, 'report.html'), join(dir, 'bureau.xlsx.cadans-journal'), ...readdirSync(join(out, 'outbox')).map((f) => join(out, 'outbox', f))];
    expect(files).toHaveLength(5);
    expect(files.map(mode)).toEqual([0o600, 0o600, 0o600, 0o600, 0o600]);
    // A wider mode is kept as well: the output is as readable as the input, no more, no less.
    chmodSync(input, 0o640);
    await cadans(['run', '--workbook', input, '--today', DAY, '--out', join(dir, 'out')]);
    expect(mode(join(out, 'bureau.xlsx'))).toBe(0o640);
  });
});

describe('two runs at once on the same workbook', () => {
  it('send each owner exactly one mail, and the Log keeps the rows of both runs', async () => {
    const dir = tmp();
    const input = join(dir, 'bureau.xlsx');
    await writeBureauWorkbook(input);
    const server = await recordingSmtpServer(closers, { delayMs: 400 });
    const args = ['run', '--workbook', input, '--today', DAY, '--out', join(dir, 'out'), '--smtp', server.url];
    const [a, b] = await Promise.all([cadans(args), cadans(args)]);
    expect([a.code, b.code]).toEqual([0, 0]);
    expect(server.to.sort()).toEqual([JORIS, SANNE]);
    // One run sent both; the other waited for it, then found both sent.
    const summaries = [a.stdout, b.stdout].map((s) => s.split('\n').find((l) => l.startsWith('cadans run:')));
    expect(summaries.sort()).toEqual([
      `cadans run: 0 ochtendmails verstuurd via ${server.url}; 2 al eerder vandaag`,
      `cadans run: 2 ochtendmails verstuurd via ${server.url}`,
    ]);
    expect([a.stdout, b.stdout].filter((s) => s.includes('Waiting for the cadans run of process'))).toHaveLength(1);
    const { rows } = await readLog(join(dir, 'out', 'bureau.xlsx'));
    expect(sent(rows)).toEqual([JORIS, SANNE]);
    expect(rows.filter((r) => r.Soort === 'run' && String(r.Melding).startsWith('cadans run: ')).map((r) => r.Melding)).toEqual([
      'cadans run: 9 relaties, 2 nooit, 3 te laat, 2 binnenkort, 2 op schema, 0 inactief, 0 problemen',
      'cadans run: 2 ochtendmails verstuurd, 0 al eerder vandaag, 0 mislukt, 0 nog te versturen',
      'cadans run: 9 relaties, 2 nooit, 3 te laat, 2 binnenkort, 2 op schema, 0 inactief, 0 problemen',
      'cadans run: 0 ochtendmails verstuurd, 2 al eerder vandaag, 0 mislukt, 0 nog te versturen',
    ]);
    expect(existsSync(join(dir, 'out', 'bureau.xlsx.cadans-lock'))).toBe(false);
    expect(existsSync(join(dir, 'bureau.xlsx.cadans-lock'))).toBe(false);
    // And a third run, later, from the same input: nothing is sent again.
    const c = await cadans(args);
    expect(c.stdout).toContain(`cadans run: 0 ochtendmails verstuurd via ${server.url}; 2 al eerder vandaag`);
    expect(server.to).toHaveLength(2);
  });

  it('a second run that may not wait stops with a clear message naming the run that holds the lock', async () => {
    const dir = tmp();
    const input = join(dir, 'bureau.xlsx');
    await writeBureauWorkbook(input);
    mkdirSync(join(dir, 'out'));
    // The lock of the input workbook (issue 25: every run from it, into any --out, takes it).
    const lock = join(dir, 'bureau.xlsx.cadans-lock');
    // A live run: this test process itself.
    writeFileSync(lock, JSON.stringify({ pid: process.pid, host: hostname(), started: new Date().toISOString() }));
    const r = await cadans(['run', '--workbook', input, '--today', DAY, '--out', join(dir, 'out'), '--lock-wait', '0']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      new RegExp(`^cadans: Another cadans run \\(process ${process.pid} on ${hostname()}, started [0-9T:.-]+Z\\) is updating this workbook \\(lock ${lock}\\); run again when it has finished\\. If no run is active, delete ${lock}\\n$`),
    );
    expect(existsSync(join(dir, 'out', 'bureau.xlsx'))).toBe(false);
  });
});

describe('an SMTP server that never answers', () => {
  it('ends the run within the timeouts, reports the mail as not sent, and a later run sends it', async () => {
    const sockets: Socket[] = [];
    const silent = createServer((socket) => sockets.push(socket)); // accepts, never greets
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', () => resolve()));
    closers.push(async () => {
      sockets.forEach((s) => s.destroy());
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    });
    const dir = tmp();
    const input = join(dir, 'bureau.xlsx');
    await writeBureauWorkbook(input);
    const url = `smtp://127.0.0.1:${(silent.address() as AddressInfo).port}`;
    const r = await cadans(['run', '--workbook', input, '--today', DAY, '--out', join(dir, 'out'), '--smtp', url, '--smtp-timeout', '2']);
    expect(r.ms).toBeLessThan(120_000);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`cadans run: 0 ochtendmails verstuurd via ${url}; 2 mislukt (de volgende run probeert ze opnieuw)`);
    const { rows } = await readLog(join(dir, 'out', 'bureau.xlsx'));
    expect(sent(rows)).toEqual([]);
    // A silent server times out at the greeting; on a loaded machine another of the timeouts can
    // fire first, with its own words. Either way both mails are reported as not sent, to be tried again.
    expect(rows.filter((r) => /^ochtendmail aan .* niet verstuurd: .+; de volgende run probeert het opnieuw$/.test(String(r.Melding))).map((r) => r.Waarde)).toEqual([JORIS, SANNE]);
    // Only the first mail waited for the server: the second was not tried against a silent server.
    expect(sockets).toHaveLength(1);
    // In the workbook's words (issue 25); the library's own words follow only as the technical detail.
    expect(rows.find((r) => r.Waarde === SANNE)?.Melding).toMatch(/niet verstuurd: niet geprobeerd: de mailserver antwoordde niet op een eerdere mail van deze run \(technische melding: [^()]+\); de volgende run probeert het opnieuw$/);
    expect(rows.find((r) => r.Waarde === JORIS)?.Melding).toMatch(/niet verstuurd: de mailserver (antwoordde niet op tijd|is niet bereikbaar of verbrak de verbinding) \(technische melding: [^()]+\); de volgende run probeert het opnieuw$/);
    // The server is back: the next run sends both, once.
    const server = await recordingSmtpServer(closers);
    const again = await cadans(['run', '--workbook', input, '--today', DAY, '--out', join(dir, 'out'), '--smtp', server.url]);
    expect(again.code).toBe(0);
    expect(server.to.sort()).toEqual([JORIS, SANNE]);
  });
});

describe('kill -9 during a run', () => {
  /** A workbook big enough that writing it takes a moment (no team: no mail). */
  async function bigWorkbook(path: string): Promise<void> {
    const book = new ExcelJS.Workbook();
    const rel = book.addWorksheet('Relaties');
    rel.addRow(['ID', 'Naam', 'Eigenaar', 'Tier', 'Laatste contact', 'Notities']);
    for (let i = 1; i <= 20_000; i++) rel.addRow([`R${i}`, `Relatie ${i}`, 'sanne@bureau.nl', 'ABC'[i % 3], utc(2026, 1 + (i % 11), 1 + (i % 27)), `notitie ${i}`]);
    await book.xlsx.writeFile(path);
  }

  it('leaves the input intact, and the next run clears the temporary file and the lock and completes', async () => {
    const dir = tmp();
    const input = join(dir, 'groot.xlsx');
    await bigWorkbook(input);
    chmodSync(input, 0o600);
    const before = sha(input);
    let killedWithTemp = false;
    for (let attempt = 0; attempt < 4 && !killedWithTemp; attempt++) {
      const out = join(dir, `out-${attempt}`);
      mkdirSync(out);
      // Each attempt from a copy of its own: the journal beside the input holds only this attempt's runs.
      const copy = join(dir, `in-${attempt}`, 'groot.xlsx');
      mkdirSync(join(dir, `in-${attempt}`));
      copyFileSync(input, copy);
      chmodSync(copy, 0o600);
      const child = spawn(process.execPath, [BIN, 'run', '--workbook', copy, '--today', DAY, '--out', out], { stdio: 'ignore' });
      // Killed the moment its temporary output file appears: the worst moment for a half-written file.
      const watcher = watch(out, (_event, name) => {
        if (name && String(name).includes('.cadans-tmp-') && existsSync(join(out, String(name)))) {
          child.kill('SIGKILL');
          killedWithTemp = readdirSync(out).some((f) => f.includes('.cadans-tmp-'));
        }
      });
      await new Promise((resolve) => child.on('exit', resolve));
      watcher.close();
      if (!killedWithTemp) continue;
      // Killed while a temporary file was being written: the workbook's own, or (when the workbook
      // was already complete and renamed) report.html's. Nothing half-written has a final name.
      const left = readdirSync(out).sort();
      // The output's own lock is here; the journal and the input's lock lie beside the input.
      expect(left.filter((f) => !f.includes('.cadans-tmp-'))).toEqual(left.includes('groot.xlsx') ? ['groot.xlsx', 'groot.xlsx.cadans-lock'] : ['groot.xlsx.cadans-lock']);
      expect(existsSync(`${copy}.cadans-lock`)).toBe(true);
      expect(left.filter((f) => f.includes('.cadans-tmp-')).every((f) => f.endsWith(`.cadans-tmp-${child.pid}`))).toBe(true);
      if (left.includes('groot.xlsx')) expect((await readLog(join(out, 'groot.xlsx'))).rows.length).toBeGreaterThan(0);
      expect([sha(copy), mode(copy)]).toEqual([before, 0o600]);
      const next = await cadans(['run', '--workbook', copy, '--today', DAY, '--out', out]);
      expect(next.code).toBe(0);
      expect(readdirSync(out).sort()).toEqual(['groot.xlsx', 'report.html']);
      expect(existsSync(`${copy}.cadans-lock`)).toBe(false);
      expect(mode(join(out, 'groot.xlsx'))).toBe(0o600);
      const { rows } = await readLog(join(out, 'groot.xlsx'));
      // The killed run recorded its Log rows in the journal before writing: they are kept too.
      expect(rows.filter((r) => r.Soort === 'run').length).toBe(2);
    }
    expect(killedWithTemp).toBe(true);
    expect(sha(input)).toBe(before);
  }, 120_000);
});

describe('file-system failures: one line naming the path and what to do, exit code 2', () => {
  it('an output path that is a folder', async () => {
    const dir = tmp();
    await writeBureauWorkbook(join(dir, 'bureau.xlsx'));
    mkdirSync(join(dir, 'out', 'bureau.xlsx'), { recursive: true });
    const r = await cadans(['run', '--workbook', join(dir, 'bureau.xlsx'), '--today', DAY, '--out', join(dir, 'out')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`cadans: Cannot write ${join(dir, 'out', 'bureau.xlsx')}: it is a folder or another non-file; remove or rename it, or choose another --out\n`);
  });

  it('an --out folder nobody may write to', async () => {
    const dir = tmp();
    await writeBureauWorkbook(join(dir, 'bureau.xlsx'));
    // /sys takes no new files, even from root (the tests may run as root, who passes any chmod).
    const r = await cadans(['run', '--workbook', join(dir, 'bureau.xlsx'), '--today', DAY, '--out', '/sys']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('cadans: Cannot create the lock file /sys/bureau.xlsx.cadans-lock: permission denied; choose a place you can write to, or change its permissions\n');
  });

  it('an --out that is a file, and init into a folder that does not exist', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'bestand'), 'x');
    const r = await cadans(['run', '--today', DAY, '--out', join(dir, 'bestand')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`cadans: Cannot write to ${join(dir, 'bestand')}: it is a file, not a folder; choose another --out\n`);
    const init = await cadans(['init', join(dir, 'nergens', 'relaties.xlsx')]);
    expect(init.code).toBe(2);
    expect(init.stderr).toBe(`cadans: Cannot write ${join(dir, 'nergens', 'relaties.xlsx')}: the folder ${join(dir, 'nergens')} does not exist; create it or choose another place\n`);
    expect(readdirSync(dir)).toEqual(['bestand']);
  });
});
