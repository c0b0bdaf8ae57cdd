// Issue 25: "one run at a time" and "each owner once a day" are promises about the input workbook.
// Runs from one input into different --out folders (a cron job with its own folder beside a manual
// run into the default out/) share the input's lock and journal, so each owner is mailed once.
// Runs go through the built command in child processes, against a loopback SMTP server.

import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { JORIS, type LogRow, readLog, recordingSmtpServer, SANNE, writeBureauWorkbook } from '../mail/fixture';

const exec = promisify(execFile);
const BIN = join(__dirname, '../../bin/cadans.mjs');
const DAY = '2026-11-24';
const ENGLISH = { ...process.env, LC_ALL: '', LC_MESSAGES: '', LANG: 'en_US.UTF-8' };

async function cadans(args: string[], cwd?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await exec(process.execPath, [BIN, ...args], { timeout: 150_000, env: ENGLISH, cwd });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const tmp = () => mkdtempSync(join(tmpdir(), 'cadans-input-'));
const sent = (rows: LogRow[]) => rows.filter((r) => r.Soort === 'verzonden').map((r) => r.Eigenaar);

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((c) => c()));
});


describe('runs from one input into different --out folders', () => {
  it('one after the other on the same day: each owner gets one mail, and the second Log holds the first run’s mails', async () => {
    const dir = tmp();
    const input = join(dir, 'bureau.xlsx');
    await writeBureauWorkbook(input);
    const server = await recordingSmtpServer(closers);
    const a = await cadans(['run', '--workbook', input, '--today', DAY, '--out', join(dir, 'A'), '--smtp', server.url]);
    const b = await cadans(['run', '--workbook', input, '--today', DAY, '--out', join(dir, 'B'), '--smtp', server.url]);
    // And a manual run into the default out/ of the folder it is started from.
    const c = await cadans(['run', '--workbook', input, '--today', DAY, '--smtp', server.url], dir);
    expect([a.code, b.code, c.code]).toEqual([0, 0, 0]);
    expect(server.to.sort()).toEqual([JORIS, SANNE]);
    expect(a.stdout).toContain(`cadans run: 2 ochtendmails verstuurd via ${server.url}\n`);
    expect(b.stdout).toContain(`cadans run: 0 ochtendmails verstuurd via ${server.url}; 2 al eerder vandaag`);
    expect(c.stdout).toContain(`cadans run: 0 ochtendmails verstuurd via ${server.url}; 2 al eerder vandaag`);
    // Every output's Log says who was mailed today, though only run A mailed them.
    for (const out of ['A', 'B', 'out']) expect(sent((await readLog(join(dir, out, 'bureau.xlsx'))).rows)).toEqual([JORIS, SANNE]);
    // The journal lies beside the input, and no lock is left anywhere.
    expect(readdirSync(dir).sort()).toEqual(['A', 'B', 'bureau.xlsx', 'bureau.xlsx.cadans-journal', 'out']);
    for (const out of ['A', 'B', 'out']) expect(readdirSync(join(dir, out)).sort()).toEqual(['bureau.xlsx', 'report.html']);
  });

  it('at the same time: one run sends, the other waits for the input’s lock and sends nothing', async () => {
    const dir = tmp();
    const input = join(dir, 'bureau.xlsx');
    await writeBureauWorkbook(input);
    const server = await recordingSmtpServer(closers, { delayMs: 400 });
    const [a, b] = await Promise.all([
      cadans(['run', '--workbook', input, '--today', DAY, '--out', join(dir, 'A'), '--smtp', server.url]),
      cadans(['run', '--workbook', input, '--today', DAY, '--out', join(dir, 'B'), '--smtp', server.url]),
    ]);
    expect([a.code, b.code]).toEqual([0, 0]);
    expect(server.to.sort()).toEqual([JORIS, SANNE]);
    const summaries = [a.stdout, b.stdout].map((s) => s.split('\n').find((l) => l.startsWith('cadans run:'))).sort();
    expect(summaries).toEqual([`cadans run: 0 ochtendmails verstuurd via ${server.url}; 2 al eerder vandaag`, `cadans run: 2 ochtendmails verstuurd via ${server.url}`]);
    expect([a.stdout, b.stdout].filter((s) => s.includes('Waiting for the cadans run of process'))).toHaveLength(1);
    expect(existsSync(`${input}.cadans-lock`)).toBe(false);
  });

  it('reads a journal an earlier version left beside the output, so an upgrade on the day does not mail twice', async () => {
    const dir = tmp();
    const input = join(dir, 'bureau.xlsx');
    await writeBureauWorkbook(input);
    const server = await recordingSmtpServer(closers);
    // As an earlier version recorded it: both mails sent today, in a journal beside out/bureau.xlsx.
    const old = join(dir, 'out');
    const first = await cadans(['run', '--workbook', input, '--today', DAY, '--out', old, '--smtp', server.url]);
    expect(first.code).toBe(0);
    const records = readFileSync(`${input}.cadans-journal`, 'utf8');
    writeFileSync(join(old, 'bureau.xlsx.cadans-journal'), records);
    rmSync(`${input}.cadans-journal`);
    const again = await cadans(['run', '--workbook', input, '--today', DAY, '--out', old, '--smtp', server.url]);
    expect(again.stdout).toContain(`cadans run: 0 ochtendmails verstuurd via ${server.url}; 2 al eerder vandaag`);
    expect(server.to.sort()).toEqual([JORIS, SANNE]);
  });
});
