// The Log tab: one line per run, per problem and per digest sent, appended in a single write.
// Columns are found by name like every other tab, so an older or rearranged Log keeps working;
// missing Log columns are added to the right.
//
// The Log is also the memory of the reminders: a digest logged as sent for an owner and day is
// never sent again, in either shell.

import { type Day, isDate } from '../core/dates';
import type { Language } from '../core/locale';
import { isBlank, parseDay } from '../core/parse';
import { conventionsFor } from '../core/locale';
import { CATALOGUES, catalogue } from '../i18n/catalogue';
import { LOG } from '../../sheets-templates/tabs';
import { displayName, findTab, mapColumns } from '../workbook/headers';
import type { SheetPort, WorkbookPort } from '../workbook/ports';
import type { Problem } from '../workbook/problems';

/** A run with more problems than this logs the first ones and how many more there were. */
export const MAX_PROBLEM_ROWS_PER_RUN = 500;

export type LogKind = 'run' | 'problem' | 'setup' | 'sent' | 'stopped';

export interface LogEntry {
  time: Date;
  kind: LogKind;
  sheet?: string;
  row?: number | null;
  column?: string | null;
  value?: string;
  message: string;
  /** For a sent digest: the day it was for, the owner it went to and how many relationships. */
  day?: Day;
  owner?: string;
  count?: number;
}

function kindLabel(kind: LogKind, language: Language): string {
  const words = catalogue(language).log;
  return { run: words.kindRun, problem: words.kindProblem, setup: words.kindSetup, sent: words.kindSent, stopped: words.kindStopped }[kind];
}

export class LogTab {
  private constructor(
    private readonly workbook: WorkbookPort,
    private readonly sheet: SheetPort | null,
    private readonly language: Language,
    /** 0-based column per LOG column key. */
    private readonly columns: Map<string, number>,
    private readonly width: number,
  ) {}

  /**
   * Finds (or creates) the Log tab and its columns: a few service calls, whatever its length.
   * Read-only, it creates and adds nothing, and can only be asked what was sent.
   */
  static open(workbook: WorkbookPort, language: Language, options: { readOnly?: boolean } = {}): LogTab {
    const name = findTab(LOG, workbook.sheetNames());
    let sheet: SheetPort | null = null;
    let header: unknown[] = [];
    if (name) {
      sheet = workbook.sheet(name);
      header = sheet.readHeader();
    } else if (!options.readOnly) {
      sheet = workbook.addSheet(displayName(LOG, language));
    }
    const map = mapColumns(LOG, header);
    const columns = new Map(map.index);
    if (options.readOnly || !sheet) return new LogTab(workbook, sheet, language, columns, header.length);
    if (map.missing.length > 0) {
      const after = Math.max(map.width, header.length);
      sheet.write(1, after + 1, [map.missing.map((c) => displayName(c, language))]);
      map.missing.forEach((c, i) => columns.set(c.key, after + i));
      if (after === 0) sheet.styleHeader(LOG.columns.length, LOG.columns.map((c) => c.width));
    }
    const width = Math.max(...columns.values()) + 1;
    return new LogTab(workbook, sheet, language, columns, width);
  }

  /** Appends below the last row: the caller holds the script lock, as every Log writer must. */
  append(entries: readonly LogEntry[]): void {
    if (entries.length === 0) return;
    this.writable().append(this.rows(entries));
  }

  /**
   * One entry in one atomic call (Apps Script's appendRow), for a writer that could not get the
   * script lock: it cannot overwrite a row another run is appending.
   */
  appendAtomic(entry: LogEntry): void {
    const sheet = this.writable();
    const [row] = this.rows([entry]);
    if (sheet.appendRow) sheet.appendRow(row);
    else sheet.append([row]);
  }

  private writable(): SheetPort {
    if (!this.sheet || [...LOG.columns].some((c) => !this.columns.has(c.key))) throw new Error('The Log was opened read-only');
    return this.sheet;
  }

  private rows(entries: readonly LogEntry[]): unknown[][] {
    return entries.map((e) => {
      const row: unknown[] = new Array(this.width).fill('');
      const put = (key: string, value: unknown) => {
        if (value !== undefined && value !== null) row[this.columns.get(key)!] = value;
      };
      put('time', e.time);
      put('kind', kindLabel(e.kind, this.language));
      put('sheet', e.sheet);
      put('row', e.row);
      put('column', e.column);
      put('value', e.value);
      put('message', e.message);
      put('day', e.day === undefined ? undefined : this.workbook.clock.instantOf(e.day));
      put('owner', e.owner);
      put('count', e.count);
      return row;
    });
  }

  /** Owners whose digest for this day is logged as sent (in either language's words). */
  sentOn(day: Day): Set<string> {
    const sentLabels = new Set(Object.values(CATALOGUES).map((c) => c.log.kindSent));
    const [kindCol, dayCol, ownerCol] = ['kind', 'day', 'owner'].map((k) => this.columns.get(k));
    if (!this.sheet || kindCol === undefined || dayCol === undefined || ownerCol === undefined) return new Set();
    const ctx = { conventions: conventionsFor('nl_NL'), clock: this.workbook.clock };
    const owners = new Set<string>();
    for (const row of this.sheet.readAll().slice(1)) {
      if (!sentLabels.has(String(row[kindCol] ?? '').trim())) continue;
      const cell = row[dayCol];
      if (isBlank(cell)) continue;
      const parsed = isDate(cell) || typeof cell === 'number' ? parseDay(cell, ctx) : parseDay(String(cell), ctx);
      if (parsed.ok && parsed.value === day) owners.add(String(row[ownerCol] ?? '').trim().toLowerCase());
    }
    return owners;
  }
}

/** The entries for one run's summary and its problems (capped, with a count of the rest). */
export function runEntries(now: Date, summary: string, problems: readonly Problem[], kind: 'run' | 'setup' = 'run'): LogEntry[] {
  const entries: LogEntry[] = [{ time: now, kind, message: summary }];
  for (const p of problems.slice(0, MAX_PROBLEM_ROWS_PER_RUN)) {
    entries.push({ time: now, kind: 'problem', sheet: p.sheet, row: p.row, column: p.column, value: p.value, message: p.message });
  }
  if (problems.length > MAX_PROBLEM_ROWS_PER_RUN) {
    entries.push({ time: now, kind: 'problem', message: `… +${problems.length - MAX_PROBLEM_ROWS_PER_RUN}` });
  }
  return entries;
}

export function appendLog(
  workbook: WorkbookPort,
  language: Language,
  now: Date,
  summary: string,
  problems: readonly Problem[],
  kind: 'run' | 'setup' = 'run',
): void {
  LogTab.open(workbook, language).append(runEntries(now, summary, problems, kind));
}
