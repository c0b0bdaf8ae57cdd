// Builders and readers for the hostile corpus: each case writes a messy workbook as a real .xlsx
// (ExcelJS, as a team's export would be), runs the `cadans` CLI on it and reads back what the user
// sees: the printed summary, the output workbook and its Log tab.

import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { expect } from 'vitest';
import { run } from '../../src/local/cli';

export const TODAY = '2026-11-24'; // a Tuesday: a send day, no holiday

/** Midnight UTC of a calendar date: how ExcelJS hands over (and writes) a date-only cell. */
export const utc = (y: number, m: number, d: number): Date => new Date(Date.UTC(y, m - 1, d));

/** The Relaties tab's header in the template's order (A ... Q). */
export const RELATIONS_HEADER = [
  'ID', // A
  'Naam', // B
  'Type', // C
  'Organisatie', // D
  'E-mail', // E
  'Eigenaar', // F
  'Tier', // G
  'Laatste contact', // H
  'Jaaromzet', // I
  'Plaatsingen', // J
  'Referrals', // K
  'Actief', // L
  'Notities', // M
  'Uitstellen tot', // N
  'Volgend contact', // O
  'Status', // P
  'Dagen te laat', // Q
] as const;

export const COL = Object.fromEntries(RELATIONS_HEADER.map((h, i) => [h, i + 1])) as Record<(typeof RELATIONS_HEADER)[number], number>;

export const TOUCHPOINTS_HEADER = ['Datum', 'Relatie-ID', 'Soort', 'Duur (min)', 'Eigenaar', 'Notities'];

export type Cell = ExcelJS.CellValue;

export interface RelationRow {
  id?: Cell;
  name?: Cell;
  type?: Cell;
  organisation?: Cell;
  email?: Cell;
  owner?: Cell;
  tier?: Cell;
  lastContact?: Cell;
  revenue?: Cell;
  placements?: Cell;
  referrals?: Cell;
  active?: Cell;
  notes?: Cell;
  snoozeUntil?: Cell;
}

const KEYS: Array<keyof RelationRow> = ['id', 'name', 'type', 'organisation', 'email', 'owner', 'tier', 'lastContact', 'revenue', 'placements', 'referrals', 'active', 'notes', 'snoozeUntil'];

/** A full Relaties row in the template's column order (A ... N), computed columns left empty. */
export function relationRow(r: RelationRow): Cell[] {
  return KEYS.map((k) => (r[k] === undefined ? null : r[k]!));
}

/** A relationship with every input sensible; override what a case is about. */
export function relation(id: string, r: RelationRow = {}): Cell[] {
  return relationRow({
    id,
    name: `Relatie ${id}`,
    type: 'Klant',
    organisation: `Organisatie ${id}`,
    email: `${id.toLowerCase()}@klant.example`,
    owner: 'sanne@bureau.nl',
    tier: 'B',
    lastContact: utc(2026, 10, 1),
    revenue: 10000,
    placements: 1,
    referrals: 0,
    active: 'ja',
    notes: '',
    ...r,
  });
}

export interface Tabs {
  relations?: { name?: string; header?: Cell[]; rows: Cell[][] } | null;
  touchpoints?: { name?: string; header?: Cell[]; rows: Cell[][] } | null;
  /** Rows of Instellingen (Instelling, Waarde), or a tab of another name and header. */
  settings?: Array<[string, Cell]> | { name: string; header: Cell[]; rows: Array<[string, Cell]> } | null;
}

/** Writes a workbook with the given tabs; `extra` may mess with the ExcelJS book before it is saved. */
export async function writeWorkbook(path: string, tabs: Tabs, extra?: (book: ExcelJS.Workbook) => void): Promise<void> {
  const book = new ExcelJS.Workbook();
  if (tabs.relations) {
    const ws = book.addWorksheet(tabs.relations.name ?? 'Relaties');
    ws.addRow(tabs.relations.header ?? [...RELATIONS_HEADER]);
    for (const row of tabs.relations.rows) ws.addRow(row);
  }
  if (tabs.touchpoints) {
    const ws = book.addWorksheet(tabs.touchpoints.name ?? 'Touchpoints');
    ws.addRow(tabs.touchpoints.header ?? TOUCHPOINTS_HEADER);
    for (const row of tabs.touchpoints.rows) ws.addRow(row);
  }
  if (tabs.settings) {
    const { name, header, rows } = Array.isArray(tabs.settings) ? { name: 'Instellingen', header: ['Instelling', 'Waarde', 'Uitleg'], rows: tabs.settings } : tabs.settings;
    const ws = book.addWorksheet(name);
    ws.addRow(header);
    for (const [setting, value] of rows) ws.addRow([setting, value]);
  }
  extra?.(book);
  await book.xlsx.writeFile(path);
}

export async function load(path: string): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  return book;
}

export interface LogRow {
  kind: unknown;
  sheet: unknown;
  row: unknown;
  column: unknown;
  value: unknown;
  message: unknown;
}

export interface Outcome {
  code: number;
  /** Every line the CLI printed. */
  lines: string[];
  /** The summary's problem lines (between `Problemen: N` and `Geschreven:`), without their indent. */
  problems: string[];
  /** The number in `Problemen: N` / `Problems: N`. */
  problemCount: number;
  /** The input file read again after the run, and the output file. */
  input: ExcelJS.Workbook;
  output: ExcelJS.Workbook;
  /** The Log tab's problem rows, as [sheet, row, column, value, message]. */
  logProblems: unknown[][];
  log: LogRow[];
  dir: string;
}

/** The Log tab as records, its columns found by their (Dutch or English) header. */
export function readLog(book: ExcelJS.Workbook): LogRow[] {
  const ws = book.getWorksheet('Log');
  if (!ws) return [];
  const header = (ws.getRow(1).values as unknown[]).map((v) => String(v ?? ''));
  const col = (...names: string[]) => header.findIndex((h) => names.includes(h));
  const at = { kind: col('Soort', 'Kind'), sheet: col('Blad', 'Sheet'), row: col('Rij', 'Row'), column: col('Kolom', 'Column'), value: col('Waarde', 'Value'), message: col('Melding', 'Message') };
  const out: LogRow[] = [];
  for (let r = 2; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const get = (c: number) => (c < 1 ? undefined : (row.getCell(c).value ?? undefined));
    out.push({ kind: get(at.kind), sheet: get(at.sheet), row: get(at.row), column: get(at.column), value: get(at.value), message: get(at.message) });
  }
  return out;
}

export function tmp(): string {
  return mkdtempSync(join(tmpdir(), 'cadans-hostile-'));
}

/** Builds the workbook, runs `cadans run` on it for 24-11-2026 and reads back everything the user sees. */
export async function runOn(tabs: Tabs, extra?: (book: ExcelJS.Workbook) => void, options: { today?: string; file?: string } = {}): Promise<Outcome> {
  const dir = tmp();
  const file = options.file ?? 'team.xlsx';
  const path = join(dir, file);
  await writeWorkbook(path, tabs, extra);
  const original = readFileSync(path);
  const lines: string[] = [];
  const code = await run(['run', '--workbook', path, '--today', options.today ?? TODAY, '--out', join(dir, 'out')], (l) => lines.push(l), new Date(Date.UTC(2026, 10, 24, 7, 0)));
  // The input file is never changed, whatever it holds.
  expect(readFileSync(path).equals(original), 'input file changed').toBe(true);
  const output = await load(join(dir, 'out', file));
  const input = await load(path);
  const start = lines.findIndex((l) => /^(Problemen|Problems): \d+$/.test(l));
  const end = lines.findIndex((l) => /^(Geschreven|Written): /.test(l));
  const problems = start < 0 ? [] : lines.slice(start + 1, end).map((l) => l.replace(/^ {2}/, ''));
  const problemCount = start < 0 ? -1 : Number(lines[start].split(': ')[1]);
  const log = readLog(output);
  const probleem = new Set(['probleem', 'problem']);
  const logProblems = log.filter((r) => probleem.has(String(r.kind)) && r.sheet !== undefined).map((r) => [r.sheet, r.row, r.column, r.value, r.message]);
  return { code, lines, problems, problemCount, input, output, log, logProblems, dir };
}

/** A worksheet's cells as `A1 → { value, numFmt }`, for cell-by-cell comparisons (blank cells left out). */
export function cellsOf(ws: ExcelJS.Worksheet | undefined): Map<string, { value: unknown; numFmt: string | undefined }> {
  const out = new Map<string, { value: unknown; numFmt: string | undefined }>();
  ws?.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell) => {
      // A merged cell's other cells only mirror its top-left one.
      if (cell.isMerged && cell.master !== cell) return;
      if (cell.value !== null && cell.value !== undefined) out.set(cell.address, { value: cell.value, numFmt: cell.numFmt || undefined });
    });
  });
  return out;
}

/** The ranges merged in a worksheet, e.g. ['M1:N1']. */
export function mergesOf(ws: ExcelJS.Worksheet): string[] {
  return [...((ws.model as unknown as { merges?: string[] }).merges ?? [])].sort();
}

/** One Relaties row of the output as the user reads it: [Volgend contact, Status, Dagen te laat]. */
export function computed(book: ExcelJS.Workbook, row: number, sheet = 'Relaties', columns: [number, number, number] = [COL['Volgend contact'], COL.Status, COL['Dagen te laat']]): unknown[] {
  const ws = book.getWorksheet(sheet)!;
  return columns.map((c) => ws.getRow(row).getCell(c).value ?? null);
}

// The messages as the user reads them (nl), so a wording change shows up here as a diff.
export const NL = {
  date: 'geen geldige datum; verwacht bijvoorbeeld 3-2-2026, 2026-02-03 of een datumcel (jaar 1900-9999)',
  amount: 'geen geldig bedrag; verwacht bijvoorbeeld € 12.500,00 of 12500',
  negativeAmount: 'een negatief bedrag; omzet is 0 of meer',
  count: 'geen geldig aantal; verwacht een heel getal, 0 of meer',
  tier: 'geen geldige tier; verwacht A, B of C (ook a, A-klant, Tier B)',
  yesNo: 'geen ja/nee; verwacht ja, nee, x, TRUE of FALSE',
  relationType: 'geen geldig type; verwacht Klant of Kandidaat',
  email: 'geen geldig e-mailadres',
  cellError: 'de cel bevat een foutwaarde',
  // The local runner's wording: a file has no Cadans menu (issue 14).
  missingTab: 'tabblad ontbreekt; voeg het toe met deze naam en de kolommen uit cadans init',
  missingColumn: 'kolom ontbreekt; voeg een kolom met deze naam toe, of geef een bestaande kolom deze naam',
  duplicateColumn: 'kolom staat er twee keer; Cadans gebruikt de eerste',
  missingTier: 'geen tier ingevuld; verwacht A, B of C',
  missingId: 'geen ID ingevuld',
  duplicateId: (row: number) => `ID komt vaker voor (eerst in rij ${row}); touchpoints tellen voor de eerste`,
  unknownRelation: 'geen relatie met dit ID in Relaties',
  futureContact: 'ligt na vandaag; Cadans rekent er toch mee',
  nextBeyondCalendar: 'het volgende contact zou na 31-12-9999 vallen; controleer deze datum',
  missingTouchpointDate: 'geen datum ingevuld',
};

export const EN = {
  date: 'not a valid date; expected e.g. 2/3/2026, 2026-02-03 or a date cell (year 1900-9999)',
  missingTab: 'tab is missing; add it with this name and the columns of cadans init',
  unknownRelation: 'no relation with this ID in Relations',
};

/** A problem as the user should see it: tab, row as shown, column label, value and message. */
export type Expected = [sheet: string, row: number | null, column: string | null, value: string, message: string];

/**
 * The run reported exactly these problems, in this order, both in the printed summary and as
 * `probleem` rows in the Log tab (where a blank row, column or value is an empty cell).
 */
export function expectProblems(o: Outcome, expected: Expected[]): void {
  expect(o.problems).toEqual(expected.map((p) => line(...p)));
  expect(o.problemCount).toBe(expected.length);
  // The run's own Log line counts them too.
  const runLine = o.log.find((r) => r.kind === 'run' && String(r.message).startsWith('cadans run: '));
  expect(String(runLine?.message)).toMatch(new RegExp(`, ${expected.length} ${expected.length === 1 ? '(probleem|problem)' : '(problemen|problems)'}$`));
  expect(o.logProblems).toEqual(expected.map(([sheet, row, column, value, message]) => [sheet, row ?? undefined, column ?? undefined, value === '' ? undefined : value, message]));
}

/** Whole days from a to b (dates as midnight UTC). */
export function daysBetween(a: Date, b: Date): number {
  return Math.round((b.getTime() - a.getTime()) / 86_400_000);
}

/** True for text without lone surrogates: what is left when an emoji is cut in half. */
export function isWellFormed(text: string): boolean {
  return !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text);
}

/** A summary problem line as `formatSummary` prints it (nl). */
export function line(sheet: string, row: number | null, column: string | null, value: string, message: string): string {
  const place = [sheet, row === null ? null : `rij ${row}`, column].filter(Boolean).join(', ');
  return `${place}: ${value ? `'${value}': ` : ''}${message}`;
}
