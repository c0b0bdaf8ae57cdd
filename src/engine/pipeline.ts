// The Pipeline tab in a refresh (issue 13): the computed Go/no-go and its Waarom, a blank Fase
// sinds filled, a stage change Cadans did not see recorded and reported, and the Pipeline-historie
// tab that remembers the last stage seen of every prospect. Everything is computed first; the
// writes are returned for the refresh to run after all computing is done.

import { tableFormat } from './report-tabs';
import { type Day, formatDay } from '../core/dates';
import type { Language } from '../core/locale';
import { comparePipelineLines, type PipelineLine, CRITERIA, type CriterionKey, type GoNoGo, goNoGo, isStalled, parseStage, reapproachDay, type Stage, type StageEvent, STAGE_NAMES } from '../core/pipeline';
import { type Digest, isOnTeam, type Team } from '../core/digest';
import { catalogue, fill } from '../i18n/catalogue';
import { type ColumnDef, PIPELINE, PIPELINE_HISTORY } from '../../sheets-templates/tabs';
import { displayName, findTab, mapColumns, normaliseName } from '../workbook/headers';
import { type ParseContext, parseDay } from '../core/parse';
import type { ProspectRecord } from '../workbook/pipeline';
import type { SheetPort, WorkbookPort } from '../workbook/ports';
import { columnLabel, type ProblemList } from '../workbook/problems';
import type { Table } from '../workbook/relations';
import { loadSettings, type Settings } from '../workbook/settings';

/** Cadans's choice: the history keeps this many newest rows (a few years of a busy team's changes). */
export const PIPELINE_HISTORY_MAX = 5000;

export interface ProspectOutcome {
  prospect: ProspectRecord;
  goNoGo: GoNoGo;
  /** The newest of Fase sinds, Binnengekomen and Voorstel verstuurd: the last step we know of. */
  lastStep: Day | null;
  stalled: boolean;
  /** For a dropped lead: the working day it is to be approached again. */
  reapproachOn: Day | null;
}

export interface PipelineOutcome {
  sheet: string;
  ownerColumn: string | null;
  prospects: ProspectOutcome[];
  /** Every stage change known: the history's rows, then each prospect's current stage. */
  events: StageEvent[];
}

/** The prospect's key in the history: its organisation, case and spacing ignored. */
export function prospectKey(organisation: string): string {
  return normaliseName(organisation);
}

/** `twijfel: BANT nog niet volledig ja · score 0,44 · ja: Budget, ... · ?: Plezier, ...` */
export function goNoGoWhy(g: GoNoGo, language: Language, startMonthsMax: number): string {
  const w = catalogue(language).goNoGo;
  const name = (k: CriterionKey) => displayName(PIPELINE.columns.find((c) => c.key === k)!, language);
  const score = language === 'nl' ? g.score.toFixed(2).replace('.', ',') : g.score.toFixed(2);
  const parts = [`${w.verdict[g.verdict]}: ${w[g.reason]}`];
  if (g.startFar && g.reason !== 'startFar') parts.push(fill(w.startFar, { months: startMonthsMax }));
  if (g.reason === 'startFar') parts[0] = `${w.verdict[g.verdict]}: ${fill(w.startFar, { months: startMonthsMax })}`;
  parts.push(fill(w.score, { score }));
  for (const [label, keys] of [[w.yes, g.yes], [w.no, g.no], [w.unknown, g.unknown]] as const) {
    if (keys.length > 0) parts.push(`${label}: ${keys.map(name).join(', ')}`);
  }
  return parts.join(' · ');
}

interface HistoryRead {
  name: string | null;
  rows: unknown[][];
  /** Per prospect key: the last stage recorded and its day. */
  last: Map<string, { stage: Stage | null; day: Day | null }>;
  events: StageEvent[];
}

function readHistory(workbook: WorkbookPort, names: readonly string[], ctx: ParseContext): HistoryRead {
  const name = findTab(PIPELINE_HISTORY, names);
  const values = name ? workbook.sheet(name).readAll() : [];
  const columns = mapColumns(PIPELINE_HISTORY, values[0] ?? []);
  const at = (key: string) => columns.index.get(key);
  const last = new Map<string, { stage: Stage | null; day: Day | null }>();
  const events: StageEvent[] = [];
  const rows = values.slice(1);
  for (const row of rows) {
    const org = at('organisation') === undefined ? '' : String(row[at('organisation')!] ?? '').trim();
    if (org === '') continue;
    const key = prospectKey(org);
    const stage = at('to') === undefined ? null : parseStage(row[at('to')!]);
    const cell = at('date') === undefined ? '' : row[at('date')!];
    const day = dayOfCell(cell, ctx);
    last.set(key, { stage, day });
    if (stage !== null && day !== null) events.push({ key, day, stage });
  }
  return { name, rows, last, events };
}

function dayOfCell(value: unknown, ctx: ParseContext): Day | null {
  const parsed = parseDay(value, ctx);
  return parsed.ok ? parsed.value : null;
}

export interface PipelinePlan {
  outcome: PipelineOutcome;
  writes: Array<() => void>;
}

/** Everything the refresh does with the Pipeline tab, computed now and written later. */
export function planPipeline(
  workbook: WorkbookPort,
  names: readonly string[],
  sheetName: string,
  table: Table,
  prospects: readonly ProspectRecord[],
  settings: Settings,
  today: Day,
  ctx: ParseContext,
  problems: ProblemList,
): PipelinePlan {
  const language = settings.language;
  const words = catalogue(language).pipelineHistory;
  const history = readHistory(workbook, names, ctx);
  const stageName = (s: Stage | null) => (s === null ? '' : STAGE_NAMES[language][s]);
  const appended: unknown[][] = [];
  const stamps = new Map<number, Day>();
  const seen = new Set<string>();
  const outcomes: ProspectOutcome[] = [];
  const events: StageEvent[] = [...history.events];
  const stageCol = table.columns.index.get('stage');
  const stageLabel = stageCol === undefined ? null : columnLabel(table.header[stageCol], stageCol);

  for (const p of prospects) {
    let since = p.stageSince;
    const key = prospectKey(p.organisation);
    // The first row of an organisation owns its history (as the first row owns an ID).
    if (p.organisation !== '' && p.stageKey !== null && !seen.has(key)) {
      seen.add(key);
      const known = history.last.get(key);
      if (!known) {
        since = since ?? today;
        appended.push([workbook.clock.instantOf(since), p.organisation, '', stageName(p.stageKey), words.sourceRefresh]);
        events.push({ key, day: since, stage: p.stageKey });
      } else if (known.stage !== p.stageKey) {
        // A change the onEdit trigger did not record: a paste, a sort, or an edit outside Sheets.
        // A Fase sinds typed after the last record is the team's own date; otherwise today.
        since = since !== null && (known.day === null || since > known.day) ? since : today;
        appended.push([workbook.clock.instantOf(since), p.organisation, stageName(known.stage), stageName(p.stageKey), words.sourceRefresh]);
        events.push({ key, day: since, stage: p.stageKey });
        problems.add(sheetName, p.row, stageLabel, p.stage, fill(words.unseenChange, { from: stageName(known.stage), to: stageName(p.stageKey), date: formatDay(since) }));
      } else if (since === null) {
        since = known.day ?? today;
      }
    } else if (p.stageKey !== null && since === null) {
      since = today;
    }
    if (since !== p.stageSince && since !== null) stamps.set(p.row, since);
    const g = goNoGo(p.card, p.startDate, today, settings.pipeline.goNoGo);
    const steps = [since, p.received, p.proposalSent].filter((d): d is Day => d !== null && d <= today);
    const lastStep = steps.length === 0 ? null : Math.max(...steps);
    outcomes.push({
      prospect: p,
      goNoGo: g,
      lastStep,
      stalled: isStalled(p.stageKey, lastStep, today, settings.pipeline.stallDays),
      reapproachOn: p.stageKey === 'dropped' && since !== null ? reapproachDay(since, settings.pipeline.reapproachMonths) : null,
    });
  }

  const writes: Array<() => void> = [];
  const sheet = () => workbook.sheet(sheetName);
  const labels = new Map(outcomes.map((o) => [o.prospect.row, o.goNoGo]));
  const col = (key: string) => PIPELINE.columns.find((c) => c.key === key)!;
  // Go/no-go and its Waarom stand side by side: one block when both columns are where setup put them.
  writes.push(() => writeColumns(sheet(), table, [col('goNoGo'), col('goNoGoWhy')], language, (row) => {
    const g = labels.get(row);
    return g ? [catalogue(language).goNoGo.verdict[g.verdict], goNoGoWhy(g, language, settings.pipeline.goNoGo.startMonthsMax)] : ['', ''];
  }));
  if (stamps.size > 0) {
    // Fase sinds is the team's column: every cell is written back as read except the blank or
    // outdated ones Cadans fills, in one block.
    writes.push(() => {
      const index = ensureColumn(sheet(), table, col('stageSince'), language);
      const values = table.rows.map((row, i) => {
        const stamp = stamps.get(i + 2);
        return [stamp !== undefined ? workbook.clock.instantOf(stamp) : (row[index] ?? '')];
      });
      sheet().write(2, index + 1, values);
    });
  }
  if (appended.length > 0) writes.push(() => appendHistory(workbook, history, appended, language));

  const ownerCol = table.columns.index.get('owner');
  return {
    outcome: { sheet: sheetName, ownerColumn: ownerCol === undefined ? null : columnLabel(table.header[ownerCol], ownerCol), prospects: outcomes, events },
    writes,
  };
}

/** Appends rows to the Pipeline-historie tab (made when missing); keeps the newest PIPELINE_HISTORY_MAX. */
export function appendHistory(workbook: WorkbookPort, history: Pick<HistoryRead, 'name' | 'rows'>, rows: unknown[][], language: Language): void {
  const header = PIPELINE_HISTORY.columns.map((c) => displayName(c, language));
  if (history.name === null) {
    const sheet = workbook.addSheet(displayName(PIPELINE_HISTORY, language));
    const values = [header, ...rows.slice(-PIPELINE_HISTORY_MAX)];
    sheet.write(1, 1, values);
    sheet.formatTab(tableFormat(values));
    return;
  }
  const sheet = workbook.sheet(history.name);
  if (history.rows.length + rows.length > PIPELINE_HISTORY_MAX) {
    const values = [header, ...[...history.rows, ...rows].slice(-PIPELINE_HISTORY_MAX)];
    sheet.replaceAll(values);
    sheet.formatTab(tableFormat(values));
    return;
  }
  sheet.append(rows);
}

/** A column's 0-based index (recorded in the table, so the next added column goes after it), its header added after the last used column when missing. */
export function ensureColumn(sheet: SheetPort, table: Table, def: ColumnDef, language: Language): number {
  const index = table.columns.index.get(def.key);
  if (index !== undefined) return index;
  const added = Math.max(table.columns.width, table.header.length);
  sheet.write(1, added + 1, [[displayName(def, language)]]);
  table.columns.index.set(def.key, added);
  table.header[added] = displayName(def, language);
  return added;
}

/** Computed columns, one block when adjacent, else one per column. */
function writeColumns(sheet: SheetPort, table: Table, defs: readonly ColumnDef[], language: Language, valuesOf: (row: number) => unknown[]): void {
  const indexes = defs.map((d) => ensureColumn(sheet, table, d, language));
  if (table.rows.length === 0) return;
  const rows = table.rows.map((_, i) => valuesOf(i + 2));
  if (indexes.length === 2 && indexes[1] === indexes[0] + 1) {
    sheet.write(2, indexes[0] + 1, rows);
    return;
  }
  indexes.forEach((index, j) => sheet.write(2, index + 1, rows.map((r) => [r[j]])));
}

/** One edit of the Pipeline tab as the onEdit trigger sees it (1-based places). */
export interface StageEdit {
  sheet: string;
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
  /** e.oldValue and the cell's value after the edit. */
  oldValue: unknown;
  value: unknown;
}

/**
 * The onEdit trigger's work: when one cell of the stage column changes to another stage, Fase
 * sinds gets today and Pipeline-historie a row. Anything else is left alone: another column, the
 * header, a value that is no stage, the same stage again, and an edit of more than one cell (a
 * paste or fill of many rows: Apps Script then gives no old value, so the next refresh records the
 * changes it finds as unseen, with that day's date, and says so in the Log). Returns whether it
 * stamped. `readRow` reads the edited row (one call); it is only called for a stage edit.
 */
export function recordStageEdit(workbook: WorkbookPort, edit: StageEdit, today: Day, readRow: () => unknown[]): boolean {
  if (edit.numRows !== 1 || edit.numColumns !== 1 || edit.row < 2) return false;
  if (findTab(PIPELINE, [edit.sheet]) === null) return false;
  const sheet = workbook.sheet(edit.sheet);
  const columns = mapColumns(PIPELINE, sheet.readHeader());
  const stageIndex = columns.index.get('stage');
  if (stageIndex === undefined || stageIndex + 1 !== edit.column) return false;
  const stage = parseStage(edit.value);
  const before = parseStage(edit.oldValue);
  if (stage === null || stage === before) return false;
  const sinceIndex = columns.index.get('stageSince');
  const { settings } = loadSettings(workbook);
  const language = settings.language;
  const row = readRow();
  const orgIndex = columns.index.get('organisation');
  const organisation = orgIndex === undefined ? '' : String(row[orgIndex] ?? '').trim();
  const instant = workbook.clock.instantOf(today);
  if (sinceIndex !== undefined) sheet.write(edit.row, sinceIndex + 1, [[instant]]);
  if (organisation !== '') {
    const names = workbook.sheetNames();
    const name = findTab(PIPELINE_HISTORY, names);
    const stageName = (s: Stage | null) => (s === null ? '' : STAGE_NAMES[language][s]);
    const entry = [instant, organisation, stageName(before), stageName(stage), catalogue(language).pipelineHistory.sourceEdit];
    if (name === null) appendHistory(workbook, { name: null, rows: [] }, [entry], language);
    else workbook.sheet(name).append([entry]);
  }
  return sinceIndex !== undefined;
}

/** Per owner (lower case), the pipeline lines due today: dropped leads whose day has come, stalled prospects. */
export function pipelineLinesByOwner(outcome: PipelineOutcome, today: Day): { byOwner: Map<string, PipelineLine[]>; withoutOwner: number[] } {
  const byOwner = new Map<string, PipelineLine[]>();
  const withoutOwner: number[] = [];
  for (const o of outcome.prospects) {
    const p = o.prospect;
    let line: PipelineLine | null = null;
    if (o.reapproachOn !== null && o.reapproachOn <= today && p.stageKey === 'dropped' && o.prospect.stageSince !== null) {
      line = { kind: 'reapproach', row: p.row, organisation: p.organisation, contact: p.contact, stage: 'dropped', since: o.prospect.stageSince, reason: p.reasonDropped };
    } else if (o.stalled && o.lastStep !== null && p.stageKey !== null) {
      line = { kind: 'stalled', row: p.row, organisation: p.organisation, contact: p.contact, stage: p.stageKey, since: o.lastStep, reason: '' };
    }
    if (line === null) continue;
    if (!p.owner) {
      withoutOwner.push(p.row);
      continue;
    }
    const owner = p.owner.toLowerCase();
    if (!byOwner.has(owner)) byOwner.set(owner, []);
    byOwner.get(owner)!.push(line);
  }
  for (const lines of byOwner.values()) lines.sort(comparePipelineLines);
  return { byOwner, withoutOwner };
}

/**
 * Adds each owner's pipeline lines to their digest, making a digest for an owner on the team who
 * has nothing else today. Returns the rows that reach nobody (no owner, or an owner off the team).
 */
export function addPipelineToDigests(digests: Digest[], outcome: PipelineOutcome, today: Day, team: Team): { notOnTeam: Array<{ owner: string; rows: number[] }>; withoutOwner: number[] } {
  const { byOwner, withoutOwner } = pipelineLinesByOwner(outcome, today);
  const notOnTeam: Array<{ owner: string; rows: number[] }> = [];
  for (const [owner, lines] of byOwner) {
    if (!isOnTeam(owner, team)) {
      notOnTeam.push({ owner, rows: lines.map((l) => l.row) });
      continue;
    }
    let digest = digests.find((d) => d.owner.toLowerCase() === owner);
    if (!digest) {
      digest = { owner, day: today, items: [], counts: { overdue: 0, never: 0, dueSoon: 0 }, actions: [] };
      digests.push(digest);
    }
    digest.pipeline = lines;
  }
  digests.sort((a, b) => a.owner.localeCompare(b.owner));
  return { notOnTeam, withoutOwner };
}
