// A problem is something in the team's data that Cadans could not use, told with its place so
// that the team can fix it: tab, row as the user sees it, column, the value and what is wrong.

import { isDate, isoFromDay, type ZoneClock } from '../core/dates';
import type { Language } from '../core/locale';
import type { ParseError } from '../core/parse';
import { catalogue, fill } from '../i18n/catalogue';
import { columnLetter } from './headers';

export interface Problem {
  sheet: string;
  /** 1-based row as shown in the sheet; null for a problem with the whole tab. */
  row: number | null;
  /** The column's header and letter, e.g. `Laatste contact (H)`; null for a whole row or tab. */
  column: string | null;
  value: string;
  message: string;
}

/**
 * Cell values as text for a message, short enough to read in a Log cell. A date is shown as the
 * calendar date the user sees in the cell (the spreadsheet's zone), not as a UTC timestamp.
 */
export function describeValue(value: unknown, clock?: Pick<ZoneClock, 'dayOf'>): string {
  if (value === null || value === undefined) return '';
  if (isDate(value)) {
    if (Number.isNaN(value.getTime())) return 'Invalid Date';
    return clock ? isoFromDay(clock.dayOf(value)) : value.toISOString();
  }
  const text = String(value);
  if (text.length <= 200) return text;
  // Cut between whole characters, never inside an emoji's surrogate pair.
  const chars = Array.from(text);
  return chars.length > 200 ? `${chars.slice(0, 200).join('')}…` : text;
}

export class ProblemList {
  readonly items: Problem[] = [];
  constructor(
    readonly language: Language,
    private readonly clock?: Pick<ZoneClock, 'dayOf'>,
    /** The workbook has no Cadans menu (the local runner): advice that names one uses its `…Local` wording. */
    private readonly withoutMenu = false,
  ) {}

  add(sheet: string, row: number | null, column: string | null, value: unknown, message: string): void {
    this.items.push({ sheet, row, column, value: describeValue(value, this.clock), message });
  }

  parse(sheet: string, row: number, column: string | null, value: unknown, error: ParseError): void {
    this.add(sheet, row, column, value, catalogue(this.language).parseError[error]);
  }

  text(key: keyof ReturnType<typeof catalogue>['problem'], params: Record<string, string | number> = {}): string {
    const words = catalogue(this.language).problem;
    const local = this.withoutMenu ? (words as Record<string, string>)[`${key}Local`] : undefined;
    return fill(local ?? words[key], params);
  }
}

/**
 * The cell a problem is about (1-based), read back from its column label; null for a problem with
 * a header, a whole row or a whole tab (those get no note in the sheet).
 */
export function problemCell(problem: Pick<Problem, 'row' | 'column'>): { row: number; column: number } | null {
  if (problem.row === null || problem.row < 2 || problem.column === null) return null;
  const m = /(?:^|\()([A-Z]{1,3})\)?$/.exec(problem.column);
  if (!m) return null;
  const column = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return { row: problem.row, column };
}

/** `Laatste contact (H)`: the header as the team wrote it and the column letter. */
export function columnLabel(header: unknown, index0: number): string {
  const name = String(header ?? '').trim();
  return name ? `${name} (${columnLetter(index0 + 1)})` : columnLetter(index0 + 1);
}
