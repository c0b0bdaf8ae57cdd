// Reading the Team tab: each owner's touchpoint minutes per working day, working days and
// absences, for the week plan. One row per owner, and a row more for each further absence; empty
// minutes or days take the defaults (the `Minuten per dag` setting, Monday to Friday).

import { parseSendDays } from '../core/digest';
import type { Day } from '../core/dates';
import { isBlank, type ParseContext, parseCount, parseDay, parseEmail } from '../core/parse';
import { type Absence, DEFAULT_WORKING_DAYS, type OwnerCapacity } from '../core/plan';
import { TEAM_TAB } from '../../sheets-templates/tabs';
import { columnLabel, type ProblemList } from './problems';
import { isBlankRow, tableOf } from './relations';
import { withWorkbookName } from './names';

export interface TeamCapacity {
  /** Lower-case owner address → capacity. */
  owners: Map<string, OwnerCapacity>;
  /** The capacity of an owner not on the tab. */
  fallback: OwnerCapacity;
  capacityOf(owner: string): OwnerCapacity;
}

export function teamCapacity(defaultMinutes: number, owners: Map<string, OwnerCapacity> = new Map()): TeamCapacity {
  const fallback: OwnerCapacity = { minutesPerDay: defaultMinutes, workingDays: DEFAULT_WORKING_DAYS, absences: [] };
  return { owners, fallback, capacityOf: (owner) => owners.get(owner.toLowerCase()) ?? fallback };
}

/** `values` is the whole tab as read. Bad cells are reported and take the default. */
export function readTeam(sheet: string, values: unknown[][], ctx: ParseContext, problems: ProblemList, defaultMinutes: number): TeamCapacity {
  const table = tableOf(TEAM_TAB, sheet, values);
  const found = new Map<string, { minutes: number | null; days: ReadonlySet<number> | null; absences: Absence[] }>();
  table.rows.forEach((row, i) => {
    if (isBlankRow(row)) return;
    const rowNumber = i + 2;
    const at = (key: string) => table.columns.index.get(key);
    const cell = (key: string) => (at(key) === undefined ? '' : row[at(key)!]);
    const label = (key: string) => columnLabel(table.header[at(key)!], at(key)!);
    const ownerCell = cell('owner');
    if (isBlank(ownerCell)) {
      if (at('owner') !== undefined) problems.add(sheet, rowNumber, label('owner'), '', problems.text('teamNoOwner'));
      return;
    }
    const parsedOwner = parseEmail(ownerCell);
    if (!parsedOwner.ok) {
      problems.parse(sheet, rowNumber, label('owner'), ownerCell, parsedOwner.error);
      return;
    }
    const entry = found.get(parsedOwner.value) ?? { minutes: null, days: null, absences: [] };
    found.set(parsedOwner.value, entry);
    if (!isBlank(cell('minutesPerDay'))) {
      const parsed = parseCount(cell('minutesPerDay'), ctx.conventions);
      if (!parsed.ok) problems.parse(sheet, rowNumber, label('minutesPerDay'), cell('minutesPerDay'), parsed.error);
      else if (entry.minutes !== null && entry.minutes !== parsed.value) problems.add(sheet, rowNumber, label('minutesPerDay'), cell('minutesPerDay'), problems.text('teamConflict'));
      else entry.minutes = parsed.value;
    }
    if (!isBlank(cell('workingDays'))) {
      const days = parseSendDays(String(cell('workingDays')));
      if (!days) problems.add(sheet, rowNumber, label('workingDays'), cell('workingDays'), problems.text('teamWorkingDays'));
      else if (entry.days !== null && [...days].sort().join() !== [...entry.days].sort().join()) problems.add(sheet, rowNumber, label('workingDays'), cell('workingDays'), problems.text('teamConflict'));
      else entry.days = days;
    }
    const date = (key: string): Day | null | 'bad' => {
      if (isBlank(cell(key))) return null;
      const parsed = parseDay(cell(key), ctx);
      if (parsed.ok) return parsed.value;
      problems.parse(sheet, rowNumber, label(key), cell(key), parsed.error);
      return 'bad';
    };
    const from = date('absentFrom');
    const until = date('absentUntil');
    if (from === 'bad' || until === 'bad' || (from === null && until === null)) return;
    // One day when only one end is filled in.
    const absence = { from: from ?? (until as Day), to: until ?? (from as Day) };
    if (absence.to < absence.from) {
      // The message names Afwezig van as this tab has it.
      const absentFrom = TEAM_TAB.columns.find((c) => c.key === 'absentFrom')!;
      problems.add(sheet, rowNumber, label('absentUntil'), cell('absentUntil'), withWorkbookName(problems.text('teamAbsenceOrder'), absentFrom, at('absentFrom') === undefined ? null : table.header[at('absentFrom')!]));
      return;
    }
    entry.absences.push(absence);
  });
  const owners = new Map<string, OwnerCapacity>();
  for (const [owner, e] of found) {
    owners.set(owner, { minutesPerDay: e.minutes ?? defaultMinutes, workingDays: e.days ?? DEFAULT_WORKING_DAYS, absences: e.absences });
  }
  return teamCapacity(defaultMinutes, owners);
}
