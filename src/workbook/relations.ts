// Reading the Relaties and Touchpoints tabs into domain records. Each bad cell becomes a problem
// with its place and the rest of the row and sheet are still read.

import type { Day } from '../core/dates';
import {
  isBlank,
  type ParseContext,
  type Parsed,
  parseCount,
  parseDay,
  parseEmail,
  parseRelationType,
  parseRevenue,
  parseScore,
  parseTier,
  parseYesNo,
  type RelationType,
  type Tier,
} from '../core/parse';
import { parseTermList, type RedFlag, type Role, type Signal, type ValueAdd, VOCABULARY, vocabularyList } from '../core/vocabulary';
import { RELATIONS, TOUCHPOINTS } from '../../sheets-templates/tabs';
import { type ColumnMap, mapColumns } from './headers';
import { columnLabel, type ProblemList } from './problems';

export interface RelationRecord {
  /** 1-based sheet row. */
  row: number;
  id: string;
  name: string;
  type: RelationType | null;
  organisation: string;
  email: string | null;
  owner: string | null;
  tier: Tier | null;
  /** The Last contact cell (touchpoints not yet counted). */
  lastContactCell: Day | null;
  /** The Last contact cell's text when Cadans could not read it as a date (it is reported too). */
  lastContactUnreadable?: string | null;
  revenue: number | null;
  placements: number | null;
  referrals: number | null;
  active: boolean;
  /** Left out of digests until this day. */
  snoozeUntil: Day | null;
  clientSince: Day | null;
  revenueLastYear: number | null;
  repeatPlacements: number | null;
  /** Monthly retainer: recurring revenue. */
  retainer: number | null;
  departmentsKnown: number | null;
  departmentsServed: number | null;
  redFlags: RedFlag[];
  signals: Signal[];
  /** When the red flags were raised; null when not filled in. */
  redFlagsSince: Day | null;
  /** The person's department at the organisation ('' when not filled in). */
  department: string;
  /** Their roles in the account (beslisser, champion, ...). */
  roles: Role[];
}

export interface Table {
  sheet: string;
  header: unknown[];
  columns: ColumnMap;
  /** Data rows (the header excluded); row i is sheet row i + 2. */
  rows: unknown[][];
}

export function tableOf(def: typeof RELATIONS, sheet: string, values: unknown[][]): Table {
  const header = values[0] ?? [];
  return { sheet, header, columns: mapColumns(def, header), rows: values.slice(1) };
}

export function isBlankRow(row: readonly unknown[]): boolean {
  return row.every(isBlank);
}

/** Reads one column of one row through a parser, reporting a failure with its place. */
export function cellReader(table: Table, problems: ProblemList) {
  return <T>(row: unknown[], rowNumber: number, key: string, parse: (v: unknown) => Parsed<T>): T | null => {
    const col = table.columns.index.get(key);
    if (col === undefined) return null;
    const value = row[col];
    if (isBlank(value)) return null;
    const parsed = parse(value);
    if (parsed.ok) return parsed.value;
    problems.parse(table.sheet, rowNumber, columnLabel(table.header[col], col), value, parsed.error);
    return null;
  };
}

/** A filled cell that does not parse, as text for a message; null when blank or readable. */
function unreadable(row: unknown[], table: Table, key: string, parse: (v: unknown) => Parsed<unknown>): string | null {
  const col = table.columns.index.get(key);
  if (col === undefined || isBlank(row[col])) return null;
  return parse(row[col]).ok ? null : String(row[col]).trim();
}

export function text(row: unknown[], table: Table, key: string): string {
  const col = table.columns.index.get(key);
  return col === undefined || isBlank(row[col]) ? '' : String(row[col]).trim();
}

export function readRelations(table: Table, ctx: ParseContext, problems: ProblemList): RelationRecord[] {
  const read = cellReader(table, problems);
  const terms = termReader(table, problems);
  const records: RelationRecord[] = [];
  // A row the team cleared still holds Cadans's old output; only the team's columns decide.
  const computed = new Set(RELATIONS.columns.filter((c) => c.computed).map((c) => table.columns.index.get(c.key)));
  table.rows.forEach((row, i) => {
    if (isBlankRow(row.filter((_, col) => !computed.has(col)))) return;
    const rowNumber = i + 2;
    records.push({
      row: rowNumber,
      id: text(row, table, 'id'),
      name: text(row, table, 'name'),
      type: read(row, rowNumber, 'type', parseRelationType),
      organisation: text(row, table, 'organisation'),
      email: read(row, rowNumber, 'email', parseEmail),
      owner: read(row, rowNumber, 'owner', parseEmail),
      tier: read(row, rowNumber, 'tier', parseTier),
      lastContactCell: read(row, rowNumber, 'lastContact', (v) => parseDay(v, ctx)),
      lastContactUnreadable: unreadable(row, table, 'lastContact', (v) => parseDay(v, ctx)),
      revenue: read(row, rowNumber, 'revenue', (v) => parseRevenue(v, ctx.conventions)),
      placements: read(row, rowNumber, 'placements', (v) => parseCount(v, ctx.conventions)),
      referrals: read(row, rowNumber, 'referrals', (v) => parseCount(v, ctx.conventions)),
      // A blank Active cell means active: teams only mark the ones they stopped working with.
      active: read(row, rowNumber, 'active', parseYesNo) ?? true,
      snoozeUntil: read(row, rowNumber, 'snoozeUntil', (v) => parseDay(v, ctx)),
      clientSince: read(row, rowNumber, 'clientSince', (v) => parseDay(v, ctx)),
      revenueLastYear: read(row, rowNumber, 'revenueLastYear', (v) => parseRevenue(v, ctx.conventions)),
      repeatPlacements: read(row, rowNumber, 'repeatPlacements', (v) => parseCount(v, ctx.conventions)),
      retainer: read(row, rowNumber, 'retainer', (v) => parseRevenue(v, ctx.conventions)),
      departmentsKnown: read(row, rowNumber, 'departmentsKnown', (v) => parseCount(v, ctx.conventions)),
      departmentsServed: read(row, rowNumber, 'departmentsServed', (v) => parseCount(v, ctx.conventions)),
      redFlags: terms('redFlag', row, rowNumber, 'redFlags'),
      signals: terms('signal', row, rowNumber, 'signals'),
      redFlagsSince: read(row, rowNumber, 'redFlagsSince', (v) => parseDay(v, ctx)),
      department: text(row, table, 'department'),
      roles: terms('role', row, rowNumber, 'role') as Role[],
    });
  });
  return records;
}

/** Reads a list of playbook words; each unknown word is a problem with its place, the rest are kept. */
function termReader(table: Table, problems: ProblemList) {
  return <K extends 'redFlag' | 'signal' | 'valueAdd' | 'role'>(kind: K, row: unknown[], rowNumber: number, key: string) => {
    const col = table.columns.index.get(key);
    if (col === undefined || isBlank(row[col])) return [];
    const parsed = parseTermList(kind, String(row[col]));
    const label = columnLabel(table.header[col], col);
    for (const word of parsed.unknown) {
      problems.add(table.sheet, rowNumber, label, row[col], problems.text('unknownTerm', { word, allowed: vocabularyList(kind as keyof typeof VOCABULARY, problems.language) }));
    }
    return parsed.terms;
  };
}

export interface TouchpointRecord {
  row: number;
  day: Day;
  relationId: string;
  kind: string;
  notes: string;
  /** Null when the cell is empty or unreadable. */
  valueAdd: ValueAdd | null;
  newOpportunity: boolean;
  referral: boolean;
  /** A testimonial collected (issue 13). */
  testimonial: boolean;
  /** Issue 12: the contact went well (a referral moment). */
  positive?: boolean;
  /** Issue 12: the after-sales answer, 1-10; null when not filled in. */
  satisfaction?: number | null;
  /** Issue 12: Reactie; null when not filled in (a reached contact, unless Soort says attempt). */
  reaction?: boolean | null;
}

export function readTouchpoints(table: Table, ctx: ParseContext, problems: ProblemList): TouchpointRecord[] {
  const read = cellReader(table, problems);
  const terms = termReader(table, problems);
  const out: TouchpointRecord[] = [];
  const dateCol = table.columns.index.get('date');
  table.rows.forEach((row, i) => {
    if (isBlankRow(row)) return;
    const rowNumber = i + 2;
    const day = read(row, rowNumber, 'date', (v) => parseDay(v, ctx));
    const relationId = text(row, table, 'relationId');
    if (day === null) {
      if (dateCol !== undefined && isBlank(row[dateCol])) {
        problems.add(table.sheet, rowNumber, columnLabel(table.header[dateCol], dateCol), '', problems.text('missingTouchpointDate'));
      }
      return;
    }
    out.push({
      row: rowNumber,
      day,
      relationId,
      kind: text(row, table, 'kind'),
      notes: text(row, table, 'notes'),
      valueAdd: (terms('valueAdd', row, rowNumber, 'valueAdd') as ValueAdd[])[0] ?? null,
      newOpportunity: read(row, rowNumber, 'newOpportunity', parseYesNo) ?? false,
      referral: read(row, rowNumber, 'referral', parseYesNo) ?? false,
      testimonial: read(row, rowNumber, 'testimonial', parseYesNo) ?? false,
      positive: read(row, rowNumber, 'positive', parseYesNo) ?? false,
      satisfaction: read(row, rowNumber, 'satisfaction', (v) => parseScore(v, ctx.conventions)),
      reaction: read(row, rowNumber, 'reaction', parseYesNo),
    });
  });
  return out;
}

export { RELATIONS, TOUCHPOINTS };
