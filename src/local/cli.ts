// `cadans`: the local shell. It runs the same engine as the Apps Script project on an .xlsx
// workbook (an export of the team's Google Sheet), with no Google account.
//
//   cadans run [--workbook PATH.xlsx] [--today YYYY-MM-DD] [--out DIR] [--smtp URL] [--smtp-timeout S] [--lock-wait S]
//   cadans init PATH.xlsx [--lang nl|en] [--empty] [--force]
//   cadans check --workbook PATH.xlsx
//   cadans organisations --workbook PATH.xlsx [--out DIR]
//
// Help, progress and errors speak the language of LANG (src/local/messages.ts); the summary of a
// run speaks the workbook's. Every mistake of the user's is one line with exit code 2.

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
import { acquireLock, FileError, fileError, Journal, type Lock, type LockHolder, removeLeftovers, sameFile, step, writeAtomically } from './files';
import { foldJournal, logRecord, sentRecord } from './journal';
import { notAnXlsxKind, WorkbookFormError, XlsxFile } from './xlsx-file';
import { decimal, formProblem, languageOfEnvironment, say, setTerminalLanguage, terminalWords } from './messages';
import type { Language } from '../core/locale';
import { checkCells, checkTabs, formatCheck } from '../engine/check';
import { languageOf } from '../engine/setup';

declare const __CADANS_VERSION__: string;
/** Set by the build (package.json's version); run from the sources (the tests), it says so. */
const VERSION = typeof __CADANS_VERSION__ === 'string' ? __CADANS_VERSION__ : 'development build';

type Command = 'run' | 'init' | 'check' | 'organisations';
const COMMANDS: readonly Command[] = ['run', 'init', 'check', 'organisations'];

/** Every option, and the commands it belongs to (help and version belong to all). */
const OPTIONS = {
  workbook: { type: 'string', commands: ['run', 'check', 'organisations'], example: '--workbook relaties.xlsx' },
  today: { type: 'string', commands: ['run'], example: '--today 2026-11-24' },
  out: { type: 'string', commands: ['run', 'organisations'], example: '--out out' },
  smtp: { type: 'string', commands: ['run'], example: '--smtp smtp://localhost:25' },
  from: { type: 'string', commands: ['run'], example: '--from "Cadans <cadans@bureau.nl>"' },
  'smtp-timeout': { type: 'string', commands: ['run'], example: '--smtp-timeout 30' },
  'lock-wait': { type: 'string', commands: ['run'], example: '--lock-wait 60' },
  lang: { type: 'string', commands: ['init'], example: '--lang en' },
  empty: { type: 'boolean', commands: ['init'], example: '--empty' },
  force: { type: 'boolean', commands: ['init'], example: '--force' },
  help: { type: 'boolean', short: 'h', commands: COMMANDS, example: '--help' },
  version: { type: 'boolean', short: 'v', commands: COMMANDS, example: '--version' },
} as const satisfies Record<string, { type: 'string' | 'boolean'; short?: string; commands: readonly Command[]; example: string }>;

/** A user's mistake: printed as it is, without a stack trace, with exit code 2. */
export class UsageError extends Error {}

function parseToday(text: string | undefined, timeZone: string, now: Date): Day {
  if (text === undefined) return dayOfInstant(now, timeZone);
  const day = parseIsoDay(text);
  if (day === null) throw new UsageError(say('errorToday', { value: text }));
  return day;
}

function parseSeconds(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isFinite(n) || n < 0) throw new UsageError(say('errorSeconds', { name, value: text }));
  return n;
}

/** A workbook the runner can write back: the template (ExcelJS) or a team's file (XlsxFile). */
type SavableWorkbook = WorkbookPort & { toBuffer(): Promise<Buffer> };

async function readWorkbook(path: string, progress: Progress): Promise<{ workbook: XlsxFile; mode: number }> {
  const info = await stat(path).catch((error: { code?: string }) => {
    if (error.code === 'ENOENT') throw new UsageError(say('errorMissing', { path }));
    throw new UsageError(fileError(error, path, 'read workbook').message);
  });
  if (info.isDirectory()) throw new UsageError(say('errorFolder', { path }));
  if (!info.isFile()) throw new UsageError(say('errorNotFile', { path }));
  // A big workbook takes a while from the first step: say what is going on from the start.
  if (info.size > LARGE_WORKBOOK_BYTES) progress.loud();
  progress.step(say('progressReading', { path, size: decimal(info.size / 1e6, 1) }));
  const bytes = await readFile(path).catch((error) => {
    throw new UsageError(fileError(error, path, 'read workbook').message);
  });
  const kind = notAnXlsxKind(bytes);
  // A .csv (or .txt) export is the usual mistake: say so in its own words.
  if (kind === 'notZip' && /\.(csv|tsv|txt)$/i.test(path)) throw new UsageError(say('errorCsv', { path }));
  if (kind) throw new UsageError(say('errorRead', { path, reason: formProblem(kind) }));
  try {
    return { workbook: await XlsxFile.fromBytes(bytes), mode: info.mode & 0o777 };
  } catch (error) {
    if (error instanceof WorkbookFormError) throw new UsageError(say('errorRead', { path, reason: error.message }));
    throw new UsageError(say('errorRead', { path, reason: formProblem('notReadable', { detail: (error as Error).message }) }));
  }
}

/** A workbook file above this size takes seconds to read and compute: progress lines from the start. */
const LARGE_WORKBOOK_BYTES = 2_000_000;

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
      throw new UsageError(say('errorHeaderRow', { path, tab: name, row: found + 2 }));
    }
  }
  refuseClashingColumns(workbook, path);
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
    if (unreadable.length > 10) shown.push(say('errorFormulaMore', { count: unreadable.length - 10 }));
    const head = unreadable.length === 1 ? say('errorFormulaOne', { path }) : say('errorFormulaMany', { path, count: unreadable.length });
    throw new UsageError([head, ...shown, say('errorFormulaFix')].join('\n'));
  }
}

/**
 * A column Cadans writes whose header stands twice in a tab: one of the two may be the team's own,
 * and Cadans cannot tell which, so it refuses rather than write over either (issue 25).
 */
function refuseClashingColumns(workbook: XlsxFile, path: string): void {
  for (const def of TABS) {
    const name = findTab(def, workbook.sheetNames());
    if (!name) continue;
    const header = workbook.sheet(name).readHeader();
    const map = mapColumns(def, header);
    for (const column of def.columns) {
      if (!column.computed) continue;
      const copies = map.duplicates.filter(([key]) => key === column.key).map(([, index]) => index);
      const first = map.index.get(column.key);
      if (first === undefined || copies.length === 0) continue;
      const columns = [first, ...copies].map((i) => `${columnLetter(i + 1)} (${String(header[i]).trim()})`).join(', ');
      throw new UsageError(say('errorColumnClash', { path, tab: name, columns }));
    }
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

/**
 * Progress lines for runs longer than a few seconds: a step is told once the run has taken
 * PROGRESS_AFTER_MS (a timer catches a slow asynchronous step; a synchronous one is told at the
 * next step boundary), or at once for a workbook known to be large. Quick runs stay quiet.
 */
export class Progress {
  private readonly started = Date.now();
  private shown = false;
  private pending: string | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private finished = false;

  constructor(private readonly sink: (line: string) => void) {}

  loud(): void {
    this.shown = true;
  }

  step(line: string): void {
    this.pending = line;
    if (this.shown || Date.now() - this.started >= PROGRESS_AFTER_MS) {
      this.tell();
      return;
    }
    this.timer ??= setTimeout(() => this.tell(), PROGRESS_AFTER_MS - (Date.now() - this.started));
    this.timer.unref?.();
  }

  /** Ends the progress lines (once): the time taken, if any step was told. */
  done(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.finished) return;
    this.finished = true;
    if (this.shown) this.sink(say('progressDone', { seconds: decimal((Date.now() - this.started) / 1000, 1) }));
  }

  private tell(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.shown = true;
    if (this.pending !== null) this.sink(this.pending);
    this.pending = null;
  }
}

/** How long a run goes before it tells its steps. */
export const PROGRESS_AFTER_MS = 2000;

async function runCommand(values: RunOptions, rest: string[], out: (line: string) => void, now: Date, progress: Progress): Promise<number> {
  if (rest.length > 0) throw new UsageError(say('errorArgument', { value: rest[0], command: 'run' }));
  if (values.smtp && !/^smtps?:\/\/[^/\s]+/.test(values.smtp)) throw new UsageError(say('errorSmtp', { value: values.smtp }));
  const smtpTimeout = parseSeconds('smtp-timeout', values['smtp-timeout'], DEFAULT_SMTP_TIMEOUT_S);
  const lockWait = parseSeconds('lock-wait', values['lock-wait'], DEFAULT_LOCK_WAIT_S);

  let workbook: SavableWorkbook;
  let name: string;
  let mode: number | undefined;
  if (values.workbook) {
    const read = await readWorkbook(values.workbook, progress);
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
  await ensureOutputFolder(dir);
  const target = join(dir, name);
  // The input file is never changed: an output that would replace it is refused.
  if (values.workbook && (await sameFile(values.workbook, target))) {
    throw new UsageError(say('errorReplacesInput', { target, input: values.workbook, example: join(dirname(dir), `${basename(dir)}-2`) }));
  }
  const targetInfo = await stat(target).catch(() => null);
  if (targetInfo && !targetInfo.isFile()) throw new FileError(say('errorTargetNotFile', { path: target }));

  // "One run at a time" and "each owner once a day" are promises about the input workbook, whatever
  // --out says: its lock and journal lie beside the input (the embedded sample has no input file:
  // beside its output). The output workbook has a lock of its own, for two inputs of one name.
  const state = stateOf(values.workbook, target);
  const onWait = (holder: LockHolder) => out(say('waitingForRun', { pid: holder.pid, host: holder.host, started: holder.started }));
  const inputLock = await acquireLock(`${state}.cadans-lock`, lockWait * 1000, onWait);
  let outputLock: Lock | null = null;
  try {
    if (state !== target) outputLock = await acquireLock(`${target}.cadans-lock`, lockWait * 1000, onWait);
    // What a killed run left behind is cleared first.
    for (const leftover of [...(await removeLeftovers(dir, `.${name}`)), ...(await removeLeftovers(dir, '.report.html')), ...(await removeLeftovers(join(dir, 'outbox')))]) {
      out(say('removedLeftover', { path: leftover }));
    }
    const journalPath = `${state}.cadans-journal`;
    const runId = `${hostname()}-${process.pid}-${now.getTime()}-${Math.random().toString(36).slice(2, 8)}`;
    // Before the journal moved beside the input, it lay beside the output: an upgrade reads that one too.
    const legacy = state !== target ? await Journal.read(`${target}.cadans-journal`) : [];
    const from = foldJournal(workbook, settings.language, [...legacy, ...(await Journal.read(journalPath))]);
    progress.step(say('progressComputing'));
    const plan = planReminders(workbook, { today, now: clock, job: 'cadans run', respectSendDays: true, local: true }, true);
    const outbox = join(dir, 'outbox');
    let lastMailLine = 0;
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
          // The first and the last mail, and in between at most one line a second.
          beforeSend: (index, total) => {
            if (index > 1 && index < total && Date.now() - lastMailLine < 1000) return;
            lastMailLine = Date.now();
            progress.step(say('progressMailing', { index, total }));
          },
        })
      : null;
    plan.log.append(closingEntries(plan, outcome, clock(), 'cadans run', !values.smtp));
    // The run's Log rows go to the journal before the workbook is written: if writing fails or the
    // run is killed, the next run on this output still finds them.
    const record = logRecord(workbook, runId, from);
    if (record) await journal.append(record);
    progress.step(say('progressWriting', { path: target }));
    await writeAtomically(target, await workbook.toBuffer(), mode);
    const report = join(dir, 'report.html');
    if (plan.refresh.reports) {
      // The KPI and Risico tabs with their charts, readable offline.
      await writeAtomically(report, reportHtml(plan.refresh.reports, plan.refresh.settings.language, name, { relations: plan.refresh.relations.length, relationsSheet: plan.refresh.relationsSheet }), mode);
    }
    progress.done();
    // The summary speaks the workbook's language.
    for (const line of formatSummary(plan.refresh, name, target)) out(line);
    if (plan.refresh.reports) out(fill(catalogue(plan.refresh.settings.language).cli.written, { path: report }));
    for (const line of formatReminderSummary(plan, outcome, values.smtp ? { smtp: values.smtp } : { outbox })) out(line);
    // A mail that failed is in the Log and is retried next run; one that may have arrived is not
    // (see the Log). Either way the exit code (1) lets cron notice.
    return outcome && (outcome.failed.length > 0 || (outcome.uncertain?.length ?? 0) > 0) ? 1 : 0;
  } finally {
    await outputLock?.release();
    await inputLock.release();
  }
}

/** The path the run's lock and journal are named after: the input workbook's, else the output's. */
function stateOf(input: string | undefined, target: string): string {
  return input ? resolve(input) : target;
}

/** The output folder, created when missing; a file in its place is refused. */
async function ensureOutputFolder(dir: string): Promise<void> {
  const info = await stat(dir).catch(() => null);
  if (info && !info.isDirectory()) throw new FileError(say('errorOutIsFile', { path: dir }));
  if (!info) await step(dir, 'create the output folder', () => mkdir(dir, { recursive: true }));
}

async function initCommand(values: { empty?: boolean; force?: boolean; lang?: string }, rest: string[], out: (line: string) => void, now: Date): Promise<number> {
  const [target, extra] = rest;
  if (!target) throw new UsageError(say('errorInitName'));
  if (extra !== undefined) throw new UsageError(say('errorArgument', { value: extra, command: 'init' }));
  // init takes no --out: given a folder, the name of the workbook is what is missing.
  const info = await stat(target).catch(() => null);
  if (info?.isDirectory()) throw new UsageError(say('errorInitFolder', { path: target, example: join(target, 'relaties.xlsx') }));
  // The template is an .xlsx workbook; a file named .csv or .xls would hold something else than its name says.
  if (!/\.xlsx$/i.test(target)) throw new UsageError(say('errorInitXlsx', { example: `${target.replace(/\.[^./\\]*$/, '')}.xlsx` }));
  const language = values.lang ?? 'nl';
  if (language !== 'nl' && language !== 'en') throw new UsageError(say('errorLang', { value: language }));
  if (info && !values.force) throw new UsageError(say('errorInitExists', { path: target }));
  const today = dayOfInstant(now, DEFAULT_LOCAL_TIME_ZONE);
  const workbook = templateWorkbook(today, wallTimeAsUtc(now, DEFAULT_LOCAL_TIME_ZONE), { empty: values.empty, language });
  await writeAtomically(target, await workbook.toBuffer());
  out(fill(catalogue(language).cli.written, { path: target }));
  return 0;
}

/** Node's parseArgs mistakes, told in the terminal's language with the command's help to look at. */
function optionError(error: { code?: string; message: string }, command: string): UsageError {
  const option = /'(-[^' ]+)/.exec(error.message)?.[1] ?? '';
  const name = option.replace(/^-+/, '') as keyof typeof OPTIONS;
  if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    if (/does not take an argument/.test(error.message)) return new UsageError(say('errorOptionNoValue', { option, command }));
    return new UsageError(say('errorOptionValue', { option, example: OPTIONS[name]?.example ?? `${option} ...` }));
  }
  return new UsageError(say('errorUnknownOption', { option, command }));
}

export interface RunContext {
  /** The terminal's language (help, progress, errors); default: that of LANG, else Dutch. */
  language?: Language;
  /** Where progress lines go (default: nowhere). */
  progress?: (line: string) => void;
}

export async function run(argv: string[], out: (line: string) => void = console.log, now = new Date(), context: RunContext = {}): Promise<number> {
  setTerminalLanguage(context.language ?? languageOfEnvironment());
  const help = terminalWords().help;
  // The command is the first word; options before it are read all the same. Until the options are
  // parsed, the first known command word stands in for it (to point a mistake at the right help).
  const commandOf = (word: string | undefined) => (word === undefined || word === 'help' ? 'help' : (COMMANDS as readonly string[]).includes(word) ? (word as Command) : null);
  const guessed = argv.find((a) => (COMMANDS as readonly string[]).includes(a)) as Command | undefined;
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      tokens: true,
      options: Object.fromEntries(Object.entries(OPTIONS).map(([k, o]) => [k, { type: o.type, ...('short' in o ? { short: o.short } : {}) }])) as Record<string, { type: 'string' | 'boolean'; short?: string }>,
    });
  } catch (error) {
    if ((error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) throw optionError(error as Error, guessed ?? 'run');
    throw error;
  }
  const values = parsed.values as RunOptions & { empty?: boolean; force?: boolean; lang?: string; help?: boolean; version?: boolean };
  const [word, ...rest] = parsed.positionals;
  const command = commandOf(word);
  if (values.version) {
    out(`cadans ${VERSION}`);
    return 0;
  }
  // A bare `cadans` shows what it can do; the sample run is `cadans run` (and `npm start`).
  if (command === 'help') {
    const about = rest[0] as Command | undefined;
    out((about && COMMANDS.includes(about) ? help[about] : help.main).trimEnd());
    return 0;
  }
  if (command === null) throw new UsageError(say('errorUnknownCommand', { command: word }));
  if (values.help) {
    out(help[command].trimEnd());
    return 0;
  }
  for (const token of parsed.tokens ?? []) {
    if (token.kind !== 'option') continue;
    const def = OPTIONS[token.name as keyof typeof OPTIONS];
    if (!(def.commands as readonly string[]).includes(command)) throw new UsageError(say('errorOptionNotHere', { option: token.rawName, command }));
  }
  const progress = new Progress(context.progress ?? (() => {}));
  if (command === 'init') return initCommand(values, rest, out, now);
  if (command === 'run') {
    try {
      return await runCommand(values, rest, out, now, progress);
    } catch (error) {
      // A part found malformed or full while the engine works on it: the same clear refusal as at open.
      if (error instanceof WorkbookFormError) throw new UsageError(say('errorUpdate', { path: values.workbook ?? SAMPLE_WORKBOOK_NAME, reason: error.message }));
      throw error;
    } finally {
      progress.done();
    }
  }
  if (rest.length > 0) throw new UsageError(say('errorArgument', { value: rest[0], command }));
  if (command === 'check') return checkFile(values.workbook, out, progress);
  return organisationsCommand(values, out, now, progress);
}

/** `cadans check`: Cadans > Controleren's checks that a file can answer (issue 9). */
async function checkFile(path: string | undefined, out: (line: string) => void, progress: Progress): Promise<number> {
  if (!path) throw new UsageError(say('errorNeedsWorkbook', { command: 'check' }));
  const { workbook } = await readWorkbook(path, progress);
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
async function organisationsCommand(values: { workbook?: string; out?: string }, out: (line: string) => void, now: Date, progress: Progress): Promise<number> {
  if (!values.workbook) throw new UsageError(say('errorNeedsWorkbook', { command: 'organisations' }));
  const { workbook, mode } = await readWorkbook(values.workbook, progress);
  refuseClashingColumns(workbook, values.workbook);
  let result: ReturnType<typeof fillOrganisations>;
  try {
    result = fillOrganisations(workbook, now, { plain: true });
  } catch (error) {
    // No Relaties tab, or an Organisaties tab of the team's own: the user's to fix.
    throw new UsageError((error as Error).message);
  }
  const dir = resolve(values.out ?? 'out');
  await ensureOutputFolder(dir);
  const target = join(dir, basename(values.workbook));
  // The input file is never changed, here as in cadans run.
  if (await sameFile(values.workbook, target)) {
    throw new UsageError(say('errorReplacesInput', { target, input: values.workbook, example: join(dirname(dir), `${basename(dir)}-2`) }));
  }
  progress.step(say('progressWriting', { path: target }));
  await writeAtomically(target, await workbook.toBuffer(), mode);
  progress.done();
  for (const line of result.message.split('\n')) out(line);
  out(fill(catalogue(result.language).cli.written, { path: target }));
  return 0;
}

export async function main(argv: string[]): Promise<void> {
  // `cadans run | head` closes the pipe early: that is the reader's choice, not an error.
  process.stdout.on('error', (error: { code?: string }) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  });
  try {
    // Progress is for someone watching: on a terminal only, never into cron's mail or a test's pipe.
    process.exitCode = await run(argv, console.log, new Date(), process.stderr.isTTY ? { progress: (line) => console.error(line) } : {});
  } catch (error) {
    if (error instanceof WorkbookFormError) {
      const at = argv.indexOf('--workbook');
      console.error(`cadans: ${say('errorUpdate', { path: (at >= 0 ? argv[at + 1] : undefined) ?? SAMPLE_WORKBOOK_NAME, reason: error.message })}`);
      process.exitCode = 2;
    } else if (error instanceof UsageError || error instanceof FileError) {
      console.error(`cadans: ${(error as Error).message}`);
      process.exitCode = 2;
    } else {
      // Not the user's mistake: one line still, the stack only on request.
      console.error(`cadans: ${say('errorUnexpected', { message: error instanceof Error ? error.message : String(error) })}`);
      if (process.env.CADANS_DEBUG) console.error(error);
      process.exitCode = 1;
    }
  }
}
