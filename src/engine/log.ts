// The Log tab: one line per run and one per problem, appended in a single write.

import type { Language } from '../core/locale';
import { catalogue } from '../i18n/catalogue';
import { LOG } from '../../sheets-templates/tabs';
import { displayName, findTab } from '../workbook/headers';
import type { SheetPort, WorkbookPort } from '../workbook/ports';
import type { Problem } from '../workbook/problems';

/** A run with more problems than this logs the first ones and how many more there were. */
export const MAX_PROBLEM_ROWS_PER_RUN = 500;

export function logSheet(workbook: WorkbookPort, language: Language): SheetPort {
  const name = findTab(LOG, workbook.sheetNames());
  if (name) return workbook.sheet(name);
  const sheet = workbook.addSheet(displayName(LOG, language));
  sheet.write(1, 1, [catalogue(language).log.headers]);
  sheet.styleHeader(LOG.columns.length, LOG.columns.map((c) => c.width));
  return sheet;
}

export function appendLog(
  workbook: WorkbookPort,
  language: Language,
  now: Date,
  summary: string,
  problems: readonly Problem[],
  kind: 'run' | 'setup' = 'run',
): void {
  const words = catalogue(language).log;
  const rows: unknown[][] = [[now, kind === 'run' ? words.kindRun : words.kindSetup, '', '', '', '', summary]];
  for (const p of problems.slice(0, MAX_PROBLEM_ROWS_PER_RUN)) {
    rows.push([now, words.kindProblem, p.sheet, p.row ?? '', p.column ?? '', p.value, p.message]);
  }
  if (problems.length > MAX_PROBLEM_ROWS_PER_RUN) {
    rows.push([now, words.kindProblem, '', '', '', '', `… +${problems.length - MAX_PROBLEM_ROWS_PER_RUN}`]);
  }
  logSheet(workbook, language).append(rows);
}
