// The big workbook as a real .xlsx for the local runner: the template Cadans itself writes
// (`cadans init --empty`: tabs, headers, settings, formats, drop-downs), filled with the
// synthetic rows. Date cells are midnight UTC, as an .xlsx holds them.

import { performance } from 'node:perf_hooks';
import { rename } from 'node:fs/promises';
import { setupWorkbook } from '../src/engine/setup';
import { XlsxWorkbook } from '../src/local/xlsx';
import { loadSettings } from '../src/workbook/settings';
import { findTab } from '../src/workbook/headers';
import { RELATIONS, SETTINGS, TOUCHPOINTS } from '../sheets-templates/tabs';
import { generate, TEAM_DOMAIN } from './generate';

export async function writeBigWorkbook(path: string, n: number) {
  const t0 = performance.now();
  const workbook = XlsxWorkbook.empty();
  setupWorkbook(workbook, new Date('2026-11-01T09:00:00Z'), 'nl');
  const data = generate(n, (day) => workbook.clock.instantOf(day));
  const names = workbook.sheetNames();
  // The template's columns are in the order of the definitions, as the generator's rows are.
  workbook.sheet(findTab(RELATIONS, names)!).write(2, 1, data.sheets.Relaties.slice(1));
  workbook.sheet(findTab(TOUCHPOINTS, names)!).write(2, 1, data.sheets.Touchpoints.slice(1));
  const settings = loadSettings(workbook);
  workbook.sheet(findTab(SETTINGS, names)!).write(settings.rows.get('team')!, settings.valueColumn!, [[`@${TEAM_DOMAIN}`]]);
  const temporary = `${path}.tmp-${process.pid}.xlsx`;
  await workbook.book.xlsx.writeFile(temporary);
  await rename(temporary, path);
  return { path, stats: data.stats, ms: performance.now() - t0 };
}
