// Reading the Pipeline tab: prospects and their BANT answers.

import type { Day } from '../core/dates';
import { isBlank, type ParseContext, parseDay, parseEmail, parseYesNo } from '../core/parse';
import { type BantAnswers, BANT_KEYS } from '../core/prep';
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
}

export function pipelineTable(sheet: string, values: unknown[][]): Table {
  return tableOf(PIPELINE, sheet, values);
}

export function readProspects(table: Table, ctx: ParseContext, problems: ProblemList): ProspectRecord[] {
  const out: ProspectRecord[] = [];
  const computed = table.columns.index.get('bant');
  table.rows.forEach((row, i) => {
    if (isBlankRow(row.filter((_, c) => c !== computed))) return;
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
      bant[key] = parsed(key, parseYesNo);
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
    });
  });
  return out;
}
