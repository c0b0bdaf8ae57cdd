// Reading the Pipeline tab: prospects and their BANT answers.

import type { Day } from '../core/dates';
import { isBlank, type ParseContext, parseDay, parseEmail, type Parsed, parseYesNo } from '../core/parse';
import { type BantAnswers, BANT_KEYS } from '../core/prep';
import { CRITERIA, parseStage, type Scorecard, type Stage } from '../core/pipeline';
import { PIPELINE } from '../../sheets-templates/tabs';
import { columnLabel, type ProblemList } from './problems';
import { isBlankRow, type Table, tableOf } from './relations';

export interface ProspectRecord {
  row: number;
  organisation: string;
  contact: string;
  owner: string | null;
  stage: string;
  bant: BantAnswers;
  notes: Record<keyof BantAnswers, string>;
  proposalSent: Day | null;
  nextStep: string;
  /** Issue 13: the stage as read (null when blank or not one of the list), and its dates. */
  stageKey: Stage | null;
  stageSince: Day | null;
  received: Day | null;
  startDate: Day | null;
  /** The go/no-go scorecard: the guide's criteria and BANT (ja true, nee false, ? or empty null). */
  card: Scorecard;
  reasonRejected: string;
  reasonDropped: string;
}

/** Cadans's own columns of the tab, which do not make a row a prospect. */
const COMPUTED_KEYS = PIPELINE.columns.filter((c) => c.computed).map((c) => c.key);

/** ja / nee as parseYesNo; `?` is a known way of saying "not known yet" and reads as empty. */
function parseYesNoUnknown(value: unknown): Parsed<boolean | null> {
  return typeof value === 'string' && value.trim() === '?' ? { ok: true, value: null } : parseYesNo(value);
}

export function pipelineTable(sheet: string, values: unknown[][]): Table {
  return tableOf(PIPELINE, sheet, values);
}

export function readProspects(table: Table, ctx: ParseContext, problems: ProblemList): ProspectRecord[] {
  const out: ProspectRecord[] = [];
  const computed = new Set(COMPUTED_KEYS.map((k) => table.columns.index.get(k)).filter((i) => i !== undefined));
  table.rows.forEach((row, i) => {
    if (isBlankRow(row.filter((_, c) => !computed.has(c)))) return;
    const rowNumber = i + 2;
    const at = (key: string) => table.columns.index.get(key);
    const cell = (key: string) => (at(key) === undefined ? '' : row[at(key)!]);
    const text = (key: string) => String(cell(key) ?? '').trim();
    const parsed = <T>(key: string, parse: (v: unknown) => { ok: true; value: T } | { ok: false; error: Parameters<ProblemList['parse']>[4] }): T | null => {
      if (isBlank(cell(key))) return null;
      const result = parse(cell(key));
      if (result.ok) return result.value;
      problems.parse(table.sheet, rowNumber, columnLabel(table.header[at(key)!], at(key)!), cell(key), result.error);
      return null;
    };
    const bant = {} as BantAnswers;
    const notes = {} as Record<keyof BantAnswers, string>;
    for (const key of BANT_KEYS) {
      bant[key] = parsed(key, parseYesNoUnknown);
      notes[key] = text(`${key}Note`);
    }
    out.push({
      row: rowNumber,
      organisation: text('organisation'),
      contact: text('contact'),
      owner: parsed('owner', parseEmail),
      stage: text('stage'),
      bant,
      notes,
      proposalSent: parsed('proposalSent', (v) => parseDay(v, ctx)),
      nextStep: text('nextStep'),
      stageKey: parseStage(cell('stage')),
      stageSince: parsed('stageSince', (v) => parseDay(v, ctx)),
      received: parsed('received', (v) => parseDay(v, ctx)),
      startDate: parsed('startDate', (v) => parseDay(v, ctx)),
      card: Object.fromEntries(CRITERIA.map((k) => [k, (BANT_KEYS as readonly string[]).includes(k) ? bant[k as keyof BantAnswers] : parsed(k, parseYesNoUnknown)])) as Scorecard,
      reasonRejected: text('reasonRejected'),
      reasonDropped: text('reasonDropped'),
    });
  });
  return out;
}
