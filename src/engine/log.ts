// The Log tab: one line per run and per digest sent, and one line per distinct open problem.
// Columns are found by name like every other tab, so an older or rearranged Log keeps working;
// missing Log columns are added to the right.
//
// The Log is also the memory of the reminders: a digest logged as sent for an owner and day is
// never sent again, in either shell.
//
// It stays small (issue 9). Its last rows are the open problems, one per distinct problem:
// Tijdstip is when it was last seen, Datum the day it was first seen, Aantal how many runs saw it.
// A problem that a run of the same kind no longer finds is solved, and its row goes. Above them is
// the history (runs, digests sent), kept for `Log bewaren (dagen)` (at least 7, so that the record
// of what was sent outlives any chance of a double). Where the workbook has a store (Apps Script's
// document properties), it remembers where the open problems start and how many history rows each
// day added, so that a run reads only the open problems and what came after them, however old the
// Log; without one, or when someone rearranged the Log, it reads the whole Log once and lays it
// out again.

import { type Day, isDate } from '../core/dates';
import type { Language } from '../core/locale';
import { isBlank, parseDay } from '../core/parse';
import { conventionsFor } from '../core/locale';
import { CATALOGUES, catalogue } from '../i18n/catalogue';
import { LOG } from '../../sheets-templates/tabs';
import { displayName, findTab, mapColumns } from '../workbook/headers';
import type { DocumentStore, SheetPort, WorkbookPort } from '../workbook/ports';
import type { Problem } from '../workbook/problems';

/** A run with more problems than this logs the first ones and how many more there were. */
export const MAX_PROBLEM_ROWS_PER_RUN = 500;

export type LogKind = 'run' | 'problem' | 'setup' | 'sent' | 'stopped';

/** Who reports a problem: a report replaces the open problems of its own source only. */
export type ProblemSource = 'setup' | 'refresh' | 'reminders';
const SOURCES: readonly ProblemSource[] = ['setup', 'refresh', 'reminders'];

/** History rows are never kept for fewer days than this: the record of what was sent. */
export const MIN_KEEP_DAYS = 7;
export const DEFAULT_KEEP_DAYS = 90;

/** Where the open problems start and how many history rows each day added (document store). */
interface LogLayout {
  /** 1-based row of the first open problem (or of the row after the history, when there are none). */
  from: number;
  /** The last row Cadans wrote: rows after it were appended since. */
  end: number;
  /** Open problems per source, in SOURCES order, from `from` on. */
  open: Record<ProblemSource, number>;
  /** [day, history rows of that day], oldest first. */
  days: Array<[Day, number]>;
}

const LAYOUT_KEY = 'cadans.log.layout';

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
    for (const row of this.recentRows(day)) {
      if (!sentLabels.has(String(row[kindCol] ?? '').trim())) continue;
      const cell = row[dayCol];
      if (isBlank(cell)) continue;
      const parsed = isDate(cell) || typeof cell === 'number' ? parseDay(cell, ctx) : parseDay(String(cell), ctx);
      if (parsed.ok && parsed.value === day) owners.add(String(row[ownerCol] ?? '').trim().toLowerCase());
    }
    return owners;
  }

  /**
   * The rows that can hold what was sent on this day: that day's history rows and everything after
   * them, when the layout is known; else the whole Log.
   */
  private recentRows(day: Day): unknown[][] {
    const sheet = this.sheet!;
    const layout = this.layout();
    if (layout && sheet.usedRows && sheet.readRows) {
      const last = sheet.usedRows();
      if (last >= layout.end) {
        // That day's history rows, and what came after the open problems (which hold no digest).
        const ofDay = layout.days.filter(([d]) => d >= day).reduce((n, [, count]) => n + count, 0);
        const open = SOURCES.reduce((n, k) => n + layout.open[k], 0);
        const rows = ofDay > 0 ? sheet.readRows(Math.max(2, layout.from - ofDay), layout.from - 1) : [];
        if (last >= layout.from + open) rows.push(...sheet.readRows(layout.from + open, last));
        return rows;
      }
    }
    return sheet.readAll().slice(1);
  }

  private get store(): DocumentStore | undefined {
    return this.workbook.store;
  }

  private layout(): LogLayout | null {
    const raw = this.store?.get(LAYOUT_KEY);
    if (!raw) return null;
    try {
      const parsed = JSON.parse(raw) as LogLayout;
      const ok = Number.isInteger(parsed.from) && parsed.from >= 2 && Number.isInteger(parsed.end) && Array.isArray(parsed.days) && SOURCES.every((k) => Number.isInteger(parsed.open?.[k]));
      return ok ? parsed : null;
    } catch {
      return null;
    }
  }

  /**
   * Records a run: its history rows (the run's summary), and its source's open problems, which
   * replace that source's earlier ones (one row per distinct problem; solved ones go). Rows appended
   * since the last report (digests sent, a busy run's line) join the history. The caller holds the
   * script lock. A few service calls, whatever the Log's age.
   */
  report(source: ProblemSource, history: readonly LogEntry[], problems: readonly LogEntry[], now: Date, keepDays = DEFAULT_KEEP_DAYS): void {
    const sheet = this.writable();
    const fresh = this.rows(history);
    const found = this.rows(problems);
    const layout = this.layout();
    if (layout && sheet.usedRows && sheet.readRows) {
      const last = sheet.usedRows();
      const openCount = SOURCES.reduce((n, k) => n + layout.open[k], 0);
      if (last >= layout.end && last >= layout.from + openCount - 1) {
        const rows = sheet.readRows(layout.from, last);
        const open = rows.slice(0, openCount);
        if (open.every((r) => this.isProblem(r))) {
          const bySource = new Map<ProblemSource, unknown[][]>();
          let at = 0;
          for (const k of SOURCES) {
            bySource.set(k, open.slice(at, at + layout.open[k]));
            at += layout.open[k];
          }
          bySource.set(source, this.merge(bySource.get(source)!, found, now));
          this.layOut(layout.from, [...rows.slice(openCount), ...fresh], bySource, rows.length, layout.days, now, keepDays);
          return;
        }
      }
    }
    // No layout yet (a new or older Log, the local shell) or a rearranged Log: read it all once.
    const all = sheet.readAll().slice(1);
    const oldProblems = all.filter((r) => this.isProblem(r));
    const timeCol = this.columns.get('time')!;
    const cutoff = this.workbook.clock.dayOf(now) - Math.max(MIN_KEEP_DAYS, keepDays);
    const historyRows = all.filter((r) => {
      if (this.isProblem(r) || this.isBlankRow(r)) return false;
      const t = r[timeCol];
      return !(isDate(t) && !Number.isNaN(t.getTime()) && this.workbook.clock.dayOf(t) < cutoff);
    });
    const bySource = new Map<ProblemSource, unknown[][]>(SOURCES.map((k) => [k, []]));
    // An older Log's problems are taken as the refresh's: the next refresh confirms or clears them.
    bySource.set('refresh', this.merge(oldProblems, [], null));
    bySource.set(source, this.merge(bySource.get(source)!, found, now));
    this.layOut(2, [...historyRows, ...fresh], bySource, all.length, [], now, keepDays);
  }

  /**
   * Writes history and open problems from `from` on in one write (blanking what is left below),
   * drops history days older than the window, and remembers the layout.
   */
  private layOut(from: number, history: unknown[][], bySource: Map<ProblemSource, unknown[][]>, oldExtent: number, days: Array<[Day, number]>, now: Date, keepDays: number): void {
    const sheet = this.sheet!;
    const open = SOURCES.flatMap((k) => bySource.get(k) ?? []);
    const out = [...history, ...open];
    while (out.length < oldExtent) out.push(new Array(this.width).fill(''));
    if (out.length > 0) sheet.write(from, 1, out);
    const perDay = new Map<Day, number>(days);
    const today = this.workbook.clock.dayOf(now);
    const timeCol = this.columns.get('time')!;
    for (const row of history) {
      const t = row[timeCol];
      const day = isDate(t) && !Number.isNaN(t.getTime()) ? this.workbook.clock.dayOf(t) : today;
      perDay.set(day, (perDay.get(day) ?? 0) + 1);
    }
    let start = from + history.length;
    const sorted = [...perDay].sort((a, b) => a[0] - b[0]);
    const cutoff = today - Math.max(MIN_KEEP_DAYS, keepDays);
    const old = sorted.filter(([d]) => d < cutoff).reduce((n, [, c]) => n + c, 0);
    const historyBefore = start - 2;
    let kept = sorted;
    if (old > 0 && old <= historyBefore && sheet.deleteRows && this.store) {
      // The oldest rows are the oldest days: the history is in order of time.
      sheet.deleteRows(2, old);
      start -= old;
      kept = sorted.filter(([d]) => d >= cutoff);
    }
    if (!this.store) return;
    const layout: LogLayout = {
      from: start,
      end: start + open.length - 1,
      open: Object.fromEntries(SOURCES.map((k) => [k, bySource.get(k)?.length ?? 0])) as Record<ProblemSource, number>,
      days: kept,
    };
    this.store.set(LAYOUT_KEY, JSON.stringify(layout));
  }

  /** Earlier open problems of a source merged with this run's: first seen kept, last seen now, seen count up. */
  private merge(earlier: unknown[][], found: unknown[][], now: Date | null): unknown[][] {
    const c = (k: string) => this.columns.get(k)!;
    const byKey = new Map<string, unknown[]>();
    for (const row of earlier) {
      const key = this.problemKey(row);
      const seen = byKey.get(key);
      if (!seen) {
        // First seen: its Datum, or (an older Log's line) the day of its time.
        byKey.set(key, this.withFirstSeen(row));
        continue;
      }
      // Repeats in an older Log: one row, first seen the earliest, counted.
      seen[c('count')] = (Number(seen[c('count')]) || 1) + (Number(row[c('count')]) || 1);
      if (isDate(row[c('time')])) seen[c('time')] = row[c('time')];
    }
    if (now === null) return [...byKey.values()];
    const out: unknown[][] = [];
    const placed = new Set<string>();
    for (const row of found) {
      const key = this.problemKey(row);
      if (placed.has(key)) continue;
      placed.add(key);
      const before = byKey.get(key);
      if (before) {
        const kept = [...before];
        kept[c('time')] = row[c('time')];
        kept[c('count')] = (Number(before[c('count')]) || 1) + 1;
        out.push(kept);
      } else {
        const added = [...row];
        added[c('day')] = this.workbook.clock.instantOf(this.workbook.clock.dayOf(now));
        added[c('count')] = 1;
        out.push(added);
      }
    }
    return out;
  }

  /** An older Log's problem row: its own time as first seen, seen once unless counted. */
  private withFirstSeen(row: unknown[]): unknown[] {
    const c = (k: string) => this.columns.get(k)!;
    const out = [...row];
    const time = row[c('time')];
    if (isBlank(out[c('day')]) && isDate(time)) out[c('day')] = this.workbook.clock.instantOf(this.workbook.clock.dayOf(time));
    if (isBlank(out[c('count')])) out[c('count')] = 1;
    return out;
  }

  private problemKey(row: unknown[]): string {
    return ['sheet', 'row', 'column', 'value', 'message'].map((k) => String(row[this.columns.get(k)!] ?? '').trim()).join('\u0001');
  }

  private isProblem(row: unknown[]): boolean {
    return PROBLEM_LABELS.has(String(row[this.columns.get('kind')!] ?? '').trim());
  }

  private isBlankRow(row: unknown[]): boolean {
    return row.every((v) => isBlank(v));
  }
}

const PROBLEM_LABELS = new Set(Object.values(CATALOGUES).map((c) => c.log.kindProblem));

/** Closes a reminder run: its lines join the history, its problems replace the reminders' open ones. */
export function reportRun(log: LogTab, entries: readonly LogEntry[], now: Date, keepDays: number): void {
  log.report(
    'reminders',
    entries.filter((e) => e.kind !== 'problem'),
    entries.filter((e) => e.kind === 'problem'),
    now,
    keepDays,
  );
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
  keepDays = DEFAULT_KEEP_DAYS,
): void {
  const [head, ...rest] = runEntries(now, summary, problems, kind);
  LogTab.open(workbook, language).report(kind === 'setup' ? 'setup' : 'refresh', [head], rest, now, keepDays);
}
