// `cadans`: the local shell. It runs the same engine as the Apps Script project on an .xlsx
// workbook (an export of the team's Google Sheet), with no Google account.
//
//   cadans run [--workbook PATH.xlsx] [--today YYYY-MM-DD] [--out DIR] [--smtp URL] [--smtp-timeout S] [--lock-wait S]
//   cadans init PATH.xlsx [--empty] [--force]
//   cadans check --workbook PATH.xlsx

import { existsSync } from 'node:fs';
import { mkdir, readFile, stat } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { type Day, dayOfInstant, parseIsoDay, wallTimeAsUtc } from '../core/dates';
import { closingEntries, planReminders } from '../engine/reminders';
import { fillOrganisations } from '../engine/accounts';
import { DEFAULT_LOCAL_TIME_ZONE } from '../../sheets-templates/settings';
import { SAMPLE_WORKBOOK_NAME } from '../../sheets-templates/sample';
import { loadSettings } from '../workbook/settings';
import { catalogue, fill } from '../i18n/catalogue';
import { deliverLocally } from './outbox';
import { reportHtml } from './report-html';
import { formatReminderSummary, formatSummary } from './summary';
import { templateWorkbook } from './template';
import type { WorkbookPort } from '../workbook/ports';
import { columnLetter, findTab, mapColumns } from '../workbook/headers';
import { RELATIONS, TABS, TOUCHPOINTS } from '../../sheets-templates/tabs';
import { acquireLock, FileError, fileError, Journal, removeLeftovers, sameFile, step, writeAtomically } from './files';
import { foldJournal, logRecord, sentRecord } from './journal';
import { WorkbookFormError, XlsxFile } from './xlsx-file';
import { checkCells, checkTabs, formatCheck } from '../engine/check';
import { languageOf } from '../engine/setup';

declare const __CADANS_VERSION__: string;
/** Set by the build (package.json's version); run from the sources (the tests), it says so. */
const VERSION = typeof __CADANS_VERSION__ === 'string' ? __CADANS_VERSION__ : 'development build';

const USAGE = `Cadans: relationship cadence on an .xlsx workbook

Usage:
  cadans run [--workbook PATH.xlsx] [--today YYYY-MM-DD] [--out DIR] [--smtp smtp://host:port] [--from ADDRESS]
             [--smtp-timeout SECONDS] [--lock-wait SECONDS]
      Computes next contact, status, days overdue and the week plan for every relationship,
      writes DIR/<same name>.xlsx (default DIR: out) with its Vandaag, KPI and Risico tabs,
      DIR/report.html (those tabs with their charts, offline) and, on a send day, each team member's morning
      digest as DIR/outbox/<date>-<owner>.eml (or sends it through --smtp). A digest the
      workbook's Log records as sent is not written again. Without --workbook it runs on the
      sample workbook. The input is never changed: DIR must not hold the input itself.
      --smtp-timeout: seconds the server gets to connect, greet and answer (default 30).
      --lock-wait: seconds to wait for another run on the same output to finish (default 60).
  cadans init PATH.xlsx [--empty] [--force]
      Writes the template workbook with its sample team (--empty: headers and settings only).
  cadans check --workbook PATH.xlsx
      The checks of Cadans > Controleren that apply to a file: the tabs and columns Cadans
      needs, and the cells used against Google Sheets' 10 million (exit code 1 on an error).
  cadans organisations --workbook PATH.xlsx [--out DIR]
      Fills the Organisaties tab (creating it when missing) with every organisation of Relaties
      that has no row yet, summing revenue still on contact rows, and says so; writes
      DIR/<same name>.xlsx (default DIR: out). Existing rows are never changed.
  cadans --version
      The version of Cadans.
`;

/** A user's mistake: printed as it is, without a stack trace, with exit code 2. */
export class UsageError extends Error {}

function parseToday(text: string | undefined, timeZone: string, now: Date): Day {
  if (text === undefined) return dayOfInstant(now, timeZone);
  const day = parseIsoDay(text);
  if (day === null) throw new UsageError(`--today must be a date as YYYY-MM-DD, e.g. 2026-02-03; got "${text}"`);
  return day;
}

function parseSeconds(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isFinite(n) || n < 0) throw new UsageError(`--${name} must be a number of seconds, e.g. 30; got "${text}"`);
  return n;
}

/** A workbook the runner can write back: the template (ExcelJS) or a team's file (XlsxFile). */
type SavableWorkbook = WorkbookPort & { toBuffer(): Promise<Buffer> };

async function readWorkbook(path: string): Promise<{ workbook: XlsxFile; mode: number }> {
  const info = await stat(path).catch((error: { code?: string }) => {
    throw new UsageError(`Cannot read workbook ${path}: ${error.code === 'ENOENT' ? 'no such file' : fileError(error, path, 'read').message.split(': ').pop()}`);
  });
  if (!info.isFile()) throw new UsageError(`Cannot read workbook ${path}: not a file`);
  const bytes = await readFile(path).catch((error) => {
    throw new UsageError(fileError(error, path, 'read workbook').message);
  });
  try {
    return { workbook: await XlsxFile.fromBytes(bytes), mode: info.mode & 0o777 };
  } catch (error) {
    if (error instanceof WorkbookFormError) throw new UsageError(`Cannot read workbook ${path}: ${error.message}`);
    throw new UsageError(`Cannot read workbook ${path}: not a readable .xlsx file (${(error as Error).message})`);
  }
}

/** How many rows below row 1 are searched for a header row that a title row pushed down. */
const HEADER_SEARCH_ROWS = 10;

/**
 * Checks a team's workbook before the engine runs: the header rows are in row 1, and no cell Cadans
 * reads holds a formula saved without its result (Cadans cannot calculate it, and would read blank).
 */
function checkLayout(workbook: XlsxFile, path: string): void {
  for (const def of [RELATIONS, TOUCHPOINTS]) {
    const name = findTab(def, workbook.sheetNames());
    if (!name) continue;
    const rows = workbook.sheet(name).readAll();
    const key = def.columns[def === RELATIONS ? 0 : 1].key; // ID in Relaties, Relatie-ID in Touchpoints
    if (rows.length === 0 || mapColumns(def, rows[0]).index.has(key)) continue;
    const found = rows.slice(1, HEADER_SEARCH_ROWS + 1).findIndex((row) => mapColumns(def, row).index.has(key));
    if (found >= 0) {
      throw new UsageError(
        `${path}: the tab "${name}" has its column headers in row ${found + 2}, but Cadans reads them from row 1. Delete the row(s) above the headers (a title row), or move the title to another tab, and run again`,
      );
    }
  }
  const unreadable: string[] = [];
  for (const def of TABS) {
    const name = findTab(def, workbook.sheetNames());
    if (!name) continue;
    const formulas = workbook.uncachedFormulas(name);
    if (formulas.length === 0) continue;
    const header = workbook.sheet(name).readHeader();
    const map = mapColumns(def, header);
    const read = new Map<number, string>();
    for (const column of def.columns) {
      const index = map.index.get(column.key);
      if (index !== undefined && !column.computed) read.set(index + 1, String(header[index]));
    }
    for (const f of formulas) {
      if (f.row === 1 || !read.has(f.column)) continue;
      unreadable.push(`${name}!${columnLetter(f.column)}${f.row} (${read.get(f.column)}): =${f.formula}`);
    }
  }
  if (unreadable.length) {
    const shown = unreadable.slice(0, 10).map((l) => `  ${l}`);
    if (unreadable.length > 10) shown.push(`  ... and ${unreadable.length - 10} more`);
    throw new UsageError(
      `${path}: ${unreadable.length === 1 ? 'a cell Cadans reads holds a formula' : `${unreadable.length} cells Cadans reads hold formulas`} saved without ${unreadable.length === 1 ? 'its result' : 'their results'} (as files written by scripts such as openpyxl are):\n${shown.join('\n')}\nOpen the file in Excel or LibreOffice and save it, so the results are stored, then run again.`,
    );
  }
}

interface RunOptions {
  workbook?: string;
  today?: string;
  out?: string;
  smtp?: string;
  from?: string;
  'smtp-timeout'?: string;
  'lock-wait'?: string;
}

/** Seconds an SMTP server gets to accept the connection, to greet, and to answer each command. */
export const DEFAULT_SMTP_TIMEOUT_S = 30;
/** Seconds a run waits for another run on the same output workbook to finish. */
export const DEFAULT_LOCK_WAIT_S = 60;

async function runCommand(values: RunOptions, rest: string[], out: (line: string) => void, now: Date): Promise<number> {
  if (rest.length > 0) throw new UsageError(`Unexpected argument "${rest[0]}"; use --workbook PATH.xlsx`);
  if (values.smtp && !/^smtps?:\/\/[^/\s]+/.test(values.smtp)) throw new UsageError(`--smtp must look like smtp://host:port; got "${values.smtp}"`);
  const smtpTimeout = parseSeconds('smtp-timeout', values['smtp-timeout'], DEFAULT_SMTP_TIMEOUT_S);
  const lockWait = parseSeconds('lock-wait', values['lock-wait'], DEFAULT_LOCK_WAIT_S);

  let workbook: SavableWorkbook;
  let name: string;
  let mode: number | undefined;
  if (values.workbook) {
    const read = await readWorkbook(values.workbook);
    checkLayout(read.workbook, values.workbook);
    workbook = read.workbook;
    mode = read.mode;
    name = basename(values.workbook);
  } else {
    // The embedded default: the template with its sample team, dated relative to today.
    const timeZone = DEFAULT_LOCAL_TIME_ZONE;
    workbook = templateWorkbook(parseToday(values.today, timeZone, now), wallTimeAsUtc(now, timeZone));
    name = SAMPLE_WORKBOOK_NAME;
  }
  const settings = loadSettings(workbook).settings;
  const timeZone = settings.timeZone ?? DEFAULT_LOCAL_TIME_ZONE;
  const today = parseToday(values.today, timeZone, now);
  const clock = () => wallTimeAsUtc(values.today ? now : new Date(), timeZone);

  const dir = resolve(values.out ?? 'out');
  const dirInfo = await stat(dir).catch(() => null);
  if (dirInfo && !dirInfo.isDirectory()) throw new FileError(`Cannot write to ${dir}: it is a file, not a folder; choose another --out`);
  if (!dirInfo) await step(dir, 'create the output folder', () => mkdir(dir, { recursive: true }));
  const target = join(dir, name);
  // The input file is never changed: an output that would replace it is refused.
  if (values.workbook && (await sameFile(values.workbook, target))) {
    throw new UsageError(`The output ${target} would replace the input workbook ${values.workbook}; Cadans never changes its input. Choose another folder with --out (e.g. --out ${join(dirname(dir), `${basename(dir)}-2`)})`);
  }
  const targetInfo = await stat(target).catch(() => null);
  if (targetInfo && !targetInfo.isFile()) throw new FileError(`Cannot write ${target}: it is a folder or another non-file; remove or rename it, or choose another --out`);

  // One run at a time per output workbook; what a killed run left behind is cleared first.
  const lock = await acquireLock(`${target}.cadans-lock`, lockWait * 1000, (holder) => out(`Waiting for the cadans run of process ${holder.pid} on ${holder.host} (started ${holder.started}) to finish ...`));
  try {
    for (const leftover of [...(await removeLeftovers(dir, `.${name}`)), ...(await removeLeftovers(dir, '.report.html')), ...(await removeLeftovers(join(dir, 'outbox')))]) {
      out(`Removed ${leftover}, left by a run that was stopped`);
    }
    const journalPath = `${target}.cadans-journal`;
    const runId = `${hostname()}-${process.pid}-${now.getTime()}-${Math.random().toString(36).slice(2, 8)}`;
    const from = foldJournal(workbook, settings.language, await Journal.read(journalPath));
    const plan = planReminders(workbook, { today, now: clock, job: 'cadans run', respectSendDays: true, local: true }, true);
    const outbox = join(dir, 'outbox');
    // Every sent mail is recorded here, flushed, before the next one goes: opening it first proves it can be.
    const journal = await Journal.open(journalPath, mode);
    const outcome = plan.pending.length
      ? await deliverLocally(plan, clock, {
          outbox,
          smtp: values.smtp,
          from: values.from,
          timeoutMs: smtpTimeout * 1000,
          mode,
          afterSend: values.smtp ? (mail) => journal.append(sentRecord(runId, clock(), plan.refresh.today, mail.owner, mail.count, mail.subject)) : undefined,
        })
      : null;
    plan.log.append(closingEntries(plan, outcome, clock(), 'cadans run'));
    // The run's Log rows go to the journal before the workbook is written: if writing fails or the
    // run is killed, the next run on this output still finds them.
    const record = logRecord(workbook, runId, from);
    if (record) await journal.append(record);
    await writeAtomically(target, await workbook.toBuffer(), mode);
    for (const line of formatSummary(plan.refresh, name, target)) out(line);
    if (plan.refresh.reports) {
      // The KPI and Risico tabs with their charts, readable offline.
      const report = join(dir, 'report.html');
      await writeAtomically(report, reportHtml(plan.refresh.reports, plan.refresh.settings.language, name, { relations: plan.refresh.relations.length, relationsSheet: plan.refresh.relationsSheet }), mode);
      out(fill(catalogue(plan.refresh.settings.language).cli.written, { path: report }));
    }
    for (const line of formatReminderSummary(plan, outcome, values.smtp ? values.smtp : outbox)) out(line);
    // A mail that failed is in the Log and is retried next run; the exit code lets cron notice.
    return outcome && outcome.failed.length > 0 ? 1 : 0;
  } finally {
    await lock.release();
  }
}

async function initCommand(values: { empty?: boolean; force?: boolean }, rest: string[], out: (line: string) => void, now: Date): Promise<number> {
  const target = rest[0];
  if (!target) throw new UsageError('cadans init needs a file name, e.g. cadans init relaties.xlsx');
  // The template is an .xlsx workbook; a file named .csv or .xls would hold something else than its name says.
  if (!/\.xlsx$/i.test(target)) throw new UsageError(`cadans init writes an .xlsx workbook; give the file a name ending in .xlsx (e.g. ${target.replace(/\.[^./\\]*$/, '')}.xlsx)`);
  if (existsSync(target) && !values.force) throw new UsageError(`${target} already exists; Cadans does not overwrite it (use --force to replace it)`);
  const today = dayOfInstant(now, DEFAULT_LOCAL_TIME_ZONE);
  const workbook = templateWorkbook(today, wallTimeAsUtc(now, DEFAULT_LOCAL_TIME_ZONE), { empty: values.empty });
  await writeAtomically(target, await workbook.toBuffer());
  out(`Written: ${target}`);
  return 0;
}

export async function run(argv: string[], out: (line: string) => void = console.log, now = new Date()): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      workbook: { type: 'string' },
      today: { type: 'string' },
      out: { type: 'string' },
      smtp: { type: 'string' },
      from: { type: 'string' },
      'smtp-timeout': { type: 'string' },
      'lock-wait': { type: 'string' },
      empty: { type: 'boolean' },
      force: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
  });
  if (values.version) {
    out(`cadans ${VERSION}`);
    return 0;
  }
  // A bare `cadans` shows what it can do; the sample run is `cadans run` (and `npm start`).
  const [command = 'help', ...rest] = positionals;
  if (values.help || command === 'help') {
    out(USAGE);
    return 0;
  }
  if (command === 'init') return initCommand(values, rest, out, now);
  if (command === 'run') {
    try {
      return await runCommand(values, rest, out, now);
    } catch (error) {
      // A part found malformed or full while the engine works on it: the same clear refusal as at open.
      if (error instanceof WorkbookFormError) throw new UsageError(`Cannot update workbook ${values.workbook ?? SAMPLE_WORKBOOK_NAME}: ${error.message}`);
      throw error;
    }
  }
  if (command === 'check') return checkFile(values.workbook, out);
  if (command === 'organisations') return organisationsCommand(values, out, now);
  throw new UsageError(`Unknown command "${command}".\n\n${USAGE}`);
}

/** `cadans check`: Cadans > Controleren's checks that a file can answer (issue 9). */
async function checkFile(path: string | undefined, out: (line: string) => void): Promise<number> {
  if (!path) throw new UsageError('cadans check needs --workbook PATH.xlsx');
  const { workbook } = await readWorkbook(path);
  const language = languageOf(workbook);
  const sizes = workbook.sheetNames().map((name) => {
    const values = workbook.sheet(name).readAll();
    const columns = values.reduce((n, row) => Math.max(n, row.length), 0);
    return { name, rows: values.length, columns, lastRow: values.length };
  });
  const lines = [...checkCells(sizes, language), ...checkTabs(workbook, language)];
  for (const line of formatCheck(lines, language).split('\n')) out(line);
  return lines.some((l) => l.level === 'fail') ? 1 : 0;
}

/** `cadans organisations`: fills the Organisaties tab from Relaties (issue 11), beside the input. */
async function organisationsCommand(values: { workbook?: string; out?: string }, out: (line: string) => void, now: Date): Promise<number> {
  if (!values.workbook) throw new UsageError('cadans organisations needs --workbook PATH.xlsx');
  const { workbook, mode } = await readWorkbook(values.workbook);
  let result: ReturnType<typeof fillOrganisations>;
  try {
    result = fillOrganisations(workbook, now, { plain: true });
  } catch (error) {
    // No Relaties tab, or an Organisaties tab of the team's own: the user's to fix.
    throw new UsageError((error as Error).message);
  }
  const dir = resolve(values.out ?? 'out');
  const dirInfo = await stat(dir).catch(() => null);
  if (dirInfo && !dirInfo.isDirectory()) throw new FileError(`Cannot write to ${dir}: it is a file, not a folder; choose another --out`);
  if (!dirInfo) await step(dir, 'create the output folder', () => mkdir(dir, { recursive: true }));
  const target = join(dir, basename(values.workbook));
  // The input file is never changed, here as in cadans run.
  if (await sameFile(values.workbook, target)) {
    throw new UsageError(`The output ${target} would replace the input workbook ${values.workbook}; Cadans never changes its input. Choose another folder with --out`);
  }
  await writeAtomically(target, await workbook.toBuffer(), mode);
  for (const line of result.message.split('\n')) out(line);
  out(fill(catalogue(result.language).cli.written, { path: target }));
  return 0;
}

export async function main(argv: string[]): Promise<void> {
  try {
    process.exitCode = await run(argv);
  } catch (error) {
    if (error instanceof WorkbookFormError) {
      console.error(`cadans: the workbook cannot be updated safely: ${error.message}`);
      process.exitCode = 2;
    } else if (error instanceof UsageError || error instanceof FileError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`cadans: ${(error as Error).message}`);
      process.exitCode = 2;
    } else {
      console.error(error);
      process.exitCode = 1;
    }
  }
}
