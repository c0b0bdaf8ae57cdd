// The run journal beside the input workbook (`NAME.xlsx.cadans-journal`; beside the output for the
// embedded sample): the durable memory of the local runner between the moment a mail goes out and
// the moment a workbook is written, shared by every run from that input whatever its --out.
//
//   {"kind":"sent", run, time, day, owner, count, subject}   after each mail, before the next one
//   {"kind":"log", run, header, rows}                         a run's Log rows, before its workbook
//
// Every run from that input reads the journal first and adds to its Log what the input's Log does not
// hold yet: the rows of earlier runs (a run that overlapped, or one killed before it wrote its
// workbook) and the mails such a run sent. So a digest sent once is never sent again, and no run's
// Log rows are lost, whichever run's workbook ends up on disk.

import { type Day, isoFromDay, parseIsoDay } from '../core/dates';
import type { Language } from '../core/locale';
import { LogTab } from '../engine/log';
import { LOG } from '../../sheets-templates/tabs';
import { findTab, normaliseName } from '../workbook/headers';
import type { WorkbookPort } from '../workbook/ports';

export interface SentRecord {
  kind: 'sent';
  run: string;
  time: string;
  day: string;
  owner: string;
  count: number;
  subject: string;
}

export interface LogRecord {
  kind: 'log';
  run: string;
  header: string[];
  rows: unknown[][];
}

type JournalRecord = SentRecord | LogRecord;

const encode = (v: unknown): unknown => (v instanceof Date ? { $date: v.toISOString() } : v);
const decode = (v: unknown): unknown => (v && typeof v === 'object' && '$date' in v ? new Date(String((v as { $date: string }).$date)) : v);

export function sentRecord(run: string, time: Date, day: Day, owner: string, count: number, subject: string): SentRecord {
  return { kind: 'sent', run, time: time.toISOString(), day: isoFromDay(day), owner, count, subject };
}

/** A cell as compared between a journal row and a Log row: dates to the second, text trimmed. */
function cellKey(v: unknown): string {
  if (v instanceof Date) return `d${Math.round(v.getTime() / 1000)}`;
  if (v === null || v === undefined) return '';
  return String(v).trim();
}

function rowKey(header: readonly string[], row: readonly unknown[]): string {
  const pairs: string[] = [];
  header.forEach((name, i) => {
    const value = cellKey(row[i]);
    if (name && value !== '') pairs.push(`${name}\u0000${value}`);
  });
  return pairs.sort().join('\u0001');
}

/** The Log tab's rows as they stand: how many (with the header), its header and the rows. */
function logRows(workbook: WorkbookPort): { header: string[]; rows: unknown[][] } {
  const name = findTab(LOG, workbook.sheetNames());
  if (!name) return { header: [], rows: [] };
  const all = workbook.sheet(name).readAll();
  return { header: (all[0] ?? []).map((h) => normaliseName(h)), rows: all.slice(1) };
}

/**
 * Adds to the workbook's Log what the journal records and the Log does not hold yet. Returns the
 * number of Log rows (header included) after that: where this run's own rows will start.
 */
export function foldJournal(workbook: WorkbookPort, language: Language, records: readonly unknown[]): number {
  const valid = records.filter((r): r is JournalRecord => !!r && typeof r === 'object' && ((r as JournalRecord).kind === 'sent' || (r as JournalRecord).kind === 'log'));
  if (valid.length === 0) return logRowCount(workbook);
  const log = LogTab.open(workbook, language);
  const current = logRows(workbook);
  const present = new Set(current.rows.map((row) => rowKey(current.header, row)));
  const logged = new Set(valid.filter((r) => r.kind === 'log').map((r) => r.run));
  const name = findTab(LOG, workbook.sheetNames())!;
  const sheet = workbook.sheet(name);
  const additions: unknown[][] = [];
  for (const record of valid) {
    if (record.kind !== 'log') continue;
    const header = record.header.map((h) => normaliseName(h));
    const place = header.map((h) => current.header.indexOf(h));
    for (const encoded of record.rows) {
      const row = encoded.map(decode);
      const mapped: unknown[] = new Array(current.header.length).fill('');
      place.forEach((to, from) => {
        if (to >= 0) mapped[to] = row[from] ?? '';
      });
      const key = rowKey(current.header, mapped);
      if (present.has(key)) continue;
      present.add(key);
      additions.push(mapped);
    }
  }
  if (additions.length) sheet.append(additions);
  // A run that sent mail and died before its Log rows were recorded: its mails, from the journal.
  for (const record of valid) {
    if (record.kind !== 'sent' || logged.has(record.run)) continue;
    const day = parseIsoDay(record.day);
    if (day === null || log.sentOn(day).has(record.owner.trim().toLowerCase())) continue;
    log.append([{ time: new Date(record.time), kind: 'sent', day, owner: record.owner, count: record.count, message: record.subject }]);
  }
  return logRowCount(workbook);
}

export function logRowCount(workbook: WorkbookPort): number {
  const name = findTab(LOG, workbook.sheetNames());
  return name ? workbook.sheet(name).readAll().length : 0;
}

/** This run's Log rows (those after `from`), as a journal record. */
export function logRecord(workbook: WorkbookPort, run: string, from: number): LogRecord | null {
  const name = findTab(LOG, workbook.sheetNames());
  if (!name) return null;
  const all = workbook.sheet(name).readAll();
  const rows = all.slice(Math.max(1, from));
  if (rows.length === 0) return null;
  return { kind: 'log', run, header: (all[0] ?? []).map((h) => String(h ?? '')), rows: rows.map((r) => r.map(encode)) };
}
