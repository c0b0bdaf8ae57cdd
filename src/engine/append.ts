// Appending rows to a tab by its header (the Acties and Touchpoints tabs): shared by the sidebar's
// log and the refresh's after-sales actions (issue 12).

import type { Language } from '../core/locale';
import type { ACTIONS } from '../../sheets-templates/tabs';
import { displayName, findTab, mapColumns } from '../workbook/headers';
import type { WorkbookPort } from '../workbook/ports';

/**
 * Appends rows to a tab in the tab's own column order (one write), creating the tab if it is missing.
 * A column of `addColumns` that the tab lacks gets its header in the first free column, but only
 * when a row has a value for it (issue 12: checklist ticks are not lost on an older Touchpoints tab).
 */
export function appendByHeader(workbook: WorkbookPort, tab: typeof ACTIONS, names: readonly string[], rows: ReadonlyArray<Record<string, unknown>>, language: Language, addColumns: readonly string[] = []): void {
  const name = findTab(tab, names);
  let sheet;
  let header: unknown[];
  if (name) {
    sheet = workbook.sheet(name);
    header = sheet.readHeader();
  } else {
    sheet = workbook.addSheet(displayName(tab, language));
    header = tab.columns.map((c) => displayName(c, language));
    sheet.write(1, 1, [header]);
    sheet.styleHeader(header.length, tab.columns.map((c) => c.width));
  }
  let map = mapColumns(tab, header);
  for (const key of addColumns) {
    const def = tab.columns.find((c) => c.key === key);
    if (!def || map.index.has(key) || !rows.some((r) => r[key] !== undefined && r[key] !== '')) continue;
    const at = Math.max(header.length, map.width);
    sheet.write(1, at + 1, [[displayName(def, language)]]);
    header = [...header];
    header[at] = displayName(def, language);
    map = mapColumns(tab, header);
  }
  const width = Math.max(header.length, ...[...map.index.values()].map((i) => i + 1));
  sheet.append(
    rows.map((values) => {
      const row: unknown[] = new Array(width).fill('');
      map.index.forEach((index, key) => {
        if (key in values) row[index] = values[key];
      });
      return row;
    }),
  );
}

