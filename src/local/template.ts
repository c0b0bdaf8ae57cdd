// The template workbook for the local runner: the same setup as in Google Sheets, on an empty
// .xlsx, optionally filled with the sample team from sheets-templates/.

import { type Day, formatDay, isoFromDay } from '../core/dates';
import { setupWorkbook } from '../engine/setup';
import { SAMPLE_PIPELINE, SAMPLE_RELATIONS, SAMPLE_TEAM, SAMPLE_TOUCHPOINTS, type SampleCell, sampleIn } from '../../sheets-templates/sample';
import type { Language } from '../core/locale';
import { PIPELINE, RELATIONS, SETTINGS, TOUCHPOINTS } from '../../sheets-templates/tabs';
import { SETTING_DEFS } from '../../sheets-templates/settings';
import { loadSettings } from '../workbook/settings';
import { findTab } from '../workbook/headers';
import { XlsxWorkbook } from './xlsx';

function cellValue(cell: SampleCell, today: Day, workbook: XlsxWorkbook): unknown {
  if (cell === null || typeof cell !== 'object') return cell ?? '';
  const day = today - cell.daysAgo;
  if (cell.as === 'text-nl') return formatDay(day, 'dmy').replace(/^0/, '').replace(/-0/, '-');
  if (cell.as === 'text-iso') return isoFromDay(day);
  return workbook.clock.instantOf(day);
}

/** The template in a language (default Dutch): tab names, headers, settings and the sample's words. */
export function templateWorkbook(today: Day, now: Date, options: { empty?: boolean; language?: Language } = {}): XlsxWorkbook {
  const language = options.language ?? 'nl';
  const workbook = XlsxWorkbook.empty();
  setupWorkbook(workbook, now, language);
  // Explanations that point at a Sheets menu get their local wording: this file is for the local runner.
  const table = loadSettings(workbook);
  const settingsTab = workbook.sheet(findTab(SETTINGS, workbook.sheetNames())!);
  const explanationColumn = settingsTab.readHeader().findIndex((h) => ['uitleg', 'explanation'].includes(String(h).trim().toLowerCase())) + 1;
  for (const def of SETTING_DEFS) {
    const row = table.rows.get(def.key);
    if (def.localExplanation && row && explanationColumn > 0) settingsTab.write(row, explanationColumn, [[def.localExplanation[language]]]);
  }
  if (!options.empty) {
    const names = workbook.sheetNames();
    const fill = (tab: typeof RELATIONS, rows: readonly SampleCell[][]) =>
      workbook.sheet(findTab(tab, names)!).write(2, 1, sampleIn(rows, language).map((row) => row.map((c) => cellValue(c, today, workbook))));
    fill(RELATIONS, SAMPLE_RELATIONS);
    fill(TOUCHPOINTS, SAMPLE_TOUCHPOINTS);
    fill(PIPELINE, SAMPLE_PIPELINE);
    // The sample team receives the sample's morning mail.
    settingsTab.write(table.rows.get('team')!, table.valueColumn!, [[`@${SAMPLE_TEAM.domain}`]]);
  }
  return workbook;
}
