// `cadans`: the local shell. It runs the same engine as the Apps Script project on an .xlsx
// workbook (an export of the team's Google Sheet), with no Google account.
//
//   cadans run [--workbook PATH.xlsx] [--today YYYY-MM-DD] [--out DIR]
//   cadans init PATH.xlsx [--empty] [--force]

import { existsSync } from 'node:fs';
import { mkdir, rename, stat, writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
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
import { XlsxFile } from './xlsx-file';

const USAGE = `Cadans: relationship cadence on an .xlsx workbook

Usage:
  cadans run [--workbook PATH.xlsx] [--today YYYY-MM-DD] [--out DIR] [--smtp smtp://host:port] [--from ADDRESS]
      Computes next contact, status and days overdue for every relationship, writes
      DIR/<same name>.xlsx (default DIR: out) with its KPI and Risico tabs, DIR/report.html
      (both tabs with their charts, offline) and, on a send day, each team member's morning
      digest as DIR/outbox/<date>-<owner>.eml (or sends it through --smtp). A digest the
      workbook's Log records as sent is not written again. Without --workbook it runs on the
      sample workbook.
  cadans init PATH.xlsx [--empty] [--force]
      Writes the template workbook with its sample team (--empty: headers and settings only).
  cadans organisations --workbook PATH.xlsx [--out DIR]
      Fills the Organisaties tab (creating it when missing) with every organisation of Relaties
      that has no row yet, summing revenue still on contact rows, and says so; writes
      DIR/<same name>.xlsx (default DIR: out). Existing rows are never changed.
`;

/** A user's mistake: printed as it is, without a stack trace, with exit code 2. */
export class UsageError extends Error {}

function parseToday(text: string | undefined, timeZone: string, now: Date): Day {
  if (text === undefined) return dayOfInstant(now, timeZone);
  const day = parseIsoDay(text);
  if (day === null) throw new UsageError(`--today must be a date as YYYY-MM-DD, e.g. 2026-02-03; got "${text}"`);
  return day;
}

/** A workbook the runner can write back: the template (ExcelJS) or a team's file (XlsxFile). */
type SavableWorkbook = WorkbookPort & { save(path: string): Promise<void> };

async function readWorkbook(path: string): Promise<XlsxFile> {
  const info = await stat(path).catch(() => null);
  if (!info) throw new UsageError(`Cannot read workbook ${path}: no such file`);
  if (!info.isFile()) throw new UsageError(`Cannot read workbook ${path}: not a file`);
  try {
    return await XlsxFile.open(path);
  } catch (error) {
    throw new UsageError(`Cannot read workbook ${path}: not a readable .xlsx file (${(error as Error).message})`);
  }
}

/** Writes next to the target first, then renames: a crash never leaves half a workbook. */
async function writeWorkbook(workbook: SavableWorkbook, path: string): Promise<void> {
  const temporary = `${path}.tmp-${process.pid}.xlsx`;
  await workbook.save(temporary);
  await rename(temporary, path);
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
      empty: { type: 'boolean' },
      force: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command = 'run', ...rest] = positionals;
  if (values.help || command === 'help') {
    out(USAGE);
    return 0;
  }

  if (command === 'init') {
    const target = rest[0];
    if (!target) throw new UsageError('cadans init needs a file name, e.g. cadans init relaties.xlsx');
    if (existsSync(target) && !values.force) throw new UsageError(`${target} already exists; Cadans does not overwrite it (use --force to replace it)`);
    const today = dayOfInstant(now, DEFAULT_LOCAL_TIME_ZONE);
    const workbook = templateWorkbook(today, wallTimeAsUtc(now, DEFAULT_LOCAL_TIME_ZONE), { empty: values.empty });
    await writeWorkbook(workbook, target);
    out(`Written: ${target}`);
    return 0;
  }

  if (command === 'organisations') {
    if (!values.workbook) throw new UsageError('cadans organisations needs --workbook PATH.xlsx');
    const workbook = await readWorkbook(values.workbook);
    let result: ReturnType<typeof fillOrganisations>;
    try {
      result = fillOrganisations(workbook, now, { plain: true });
    } catch (error) {
      // No Relaties tab, or an Organisaties tab of the team's own: the user's to fix.
      throw new UsageError((error as Error).message);
    }
    const dir = resolve(values.out ?? 'out');
    await mkdir(dir, { recursive: true });
    const target = join(dir, basename(values.workbook));
    await writeWorkbook(workbook, target);
    for (const line of result.message.split('\n')) out(line);
    out(fill(catalogue(result.language).cli.written, { path: target }));
    return 0;
  }

  if (command !== 'run') throw new UsageError(`Unknown command "${command}".\n\n${USAGE}`);
  if (rest.length > 0) throw new UsageError(`Unexpected argument "${rest[0]}"; use --workbook PATH.xlsx`);

  let workbook: SavableWorkbook;
  let name: string;
  if (values.workbook) {
    workbook = await readWorkbook(values.workbook);
    name = basename(values.workbook);
  } else {
    // The embedded default: the template with its sample team, dated relative to today.
    const timeZone = DEFAULT_LOCAL_TIME_ZONE;
    workbook = templateWorkbook(parseToday(values.today, timeZone, now), wallTimeAsUtc(now, timeZone));
    name = SAMPLE_WORKBOOK_NAME;
  }
  if (values.smtp && !/^smtps?:\/\/[^/\s]+/.test(values.smtp)) throw new UsageError(`--smtp must look like smtp://host:port; got "${values.smtp}"`);
  const timeZone = loadSettings(workbook).settings.timeZone ?? DEFAULT_LOCAL_TIME_ZONE;
  const today = parseToday(values.today, timeZone, now);
  const clock = () => wallTimeAsUtc(values.today ? now : new Date(), timeZone);

  const dir = resolve(values.out ?? 'out');
  await mkdir(dir, { recursive: true });
  const target = join(dir, name);
  const plan = planReminders(workbook, { today, now: clock, job: 'cadans run', respectSendDays: true }, true);
  const outbox = join(dir, 'outbox');
  // Through SMTP a sent mail cannot be taken back: first make sure the Log can be saved at all.
  if (values.smtp && plan.pending.length) await writeWorkbook(workbook, target);
  const outcome = plan.pending.length
    ? await deliverLocally(plan, clock, {
        outbox,
        smtp: values.smtp,
        from: values.from,
        // Through SMTP a mail is gone once sent: save the Log at once, so a crash cannot resend it.
        afterSend: values.smtp ? () => writeWorkbook(workbook, target) : undefined,
      })
    : null;
  plan.log.append(closingEntries(plan, outcome, clock(), 'cadans run'));
  await writeWorkbook(workbook, target);
  for (const line of formatSummary(plan.refresh, name, target)) out(line);
  if (plan.refresh.reports) {
    // The KPI and Risico tabs with their charts, readable offline.
    const report = join(dir, 'report.html');
    await writeFile(report, reportHtml(plan.refresh.reports, plan.refresh.settings.language, name));
    out(fill(catalogue(plan.refresh.settings.language).cli.written, { path: report }));
  }
  for (const line of formatReminderSummary(plan, outcome, values.smtp ? values.smtp : outbox)) out(line);
  // A mail that failed is in the Log and is retried next run; the exit code lets cron notice.
  return outcome && outcome.failed.length > 0 ? 1 : 0;
}

export async function main(argv: string[]): Promise<void> {
  try {
    process.exitCode = await run(argv);
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`cadans: ${(error as Error).message}`);
      process.exitCode = 2;
    } else {
      console.error(error);
      process.exitCode = 1;
    }
  }
}
