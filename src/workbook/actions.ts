// Reading the Acties (Actions) tab: next steps with a due date, open until marked done.

import type { Day } from '../core/dates';
import { isBlank, type ParseContext, parseDay, parseEmail, parseYesNo } from '../core/parse';
import { ACTIONS } from '../../sheets-templates/tabs';
import { columnLabel, type ProblemList } from './problems';
import { isBlankRow, tableOf } from './relations';

export interface ActionRecord {
  row: number;
  relationId: string;
  relation: string;
  owner: string | null;
  action: string;
  due: Day | null;
  done: boolean;
}

export function readActions(sheet: string, values: unknown[][], ctx: ParseContext, problems: ProblemList): ActionRecord[] {
  const table = tableOf(ACTIONS, sheet, values);
  const out: ActionRecord[] = [];
  table.rows.forEach((row, i) => {
    if (isBlankRow(row)) return;
    const rowNumber = i + 2;
    const at = (key: string) => table.columns.index.get(key);
    const cell = (key: string) => (at(key) === undefined ? '' : row[at(key)!]);
    const report = (key: string, error: Parameters<ProblemList['parse']>[4]) => problems.parse(sheet, rowNumber, columnLabel(table.header[at(key)!], at(key)!), cell(key), error);
    let due: Day | null = null;
    if (!isBlank(cell('due'))) {
      const parsed = parseDay(cell('due'), ctx);
      if (parsed.ok) due = parsed.value;
      else report('due', parsed.error);
    }
    let owner: string | null = null;
    if (!isBlank(cell('owner'))) {
      const parsed = parseEmail(cell('owner'));
      if (parsed.ok) owner = parsed.value;
      else report('owner', parsed.error);
    }
    let done = false;
    if (!isBlank(cell('done'))) {
      const parsed = parseYesNo(cell('done'));
      if (parsed.ok) done = parsed.value;
      else report('done', parsed.error);
    }
    out.push({
      row: rowNumber,
      relationId: String(cell('relationId') ?? '').trim(),
      relation: String(cell('relation') ?? '').trim(),
      owner,
      action: String(cell('action') ?? '').trim(),
      due,
      done,
    });
  });
  return out;
}
