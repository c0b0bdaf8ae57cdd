// Setting up a workbook: add the tabs, header cells and settings rows that are missing, with
// formats, drop-downs and status colours. It only ever adds: a cell that holds anything is left
// as it is, so running it on a filled workbook, or twice, is safe.

import { STATUS_ORDER } from '../core/cadence';
import { type Language, languageOfLocale } from '../core/locale';
import { CATALOGUES, catalogue, fill } from '../i18n/catalogue';
import { defaultValueOf, SETTING_DEFS } from '../../sheets-templates/settings';
import { type ColumnDef, LOG, NUMBER_FORMATS, QUESTIONS, RELATIONS, SETTINGS, STATUS_COLOURS, type TabDef, TABS } from '../../sheets-templates/tabs';
import { DEFAULT_QUESTIONS } from '../../sheets-templates/questions';
import { PHASES } from '../core/prep';
import type { Problem } from '../workbook/problems';
import { displayName, findTab, mapColumns, normaliseName } from '../workbook/headers';
import type { SheetPort, StatusColourRule, WorkbookPort } from '../workbook/ports';
import { loadSettings } from '../workbook/settings';
import { appendLog } from './log';

export interface SetupResult {
  language: Language;
  addedTabs: string[];
  addedColumns: string[];
  /**
   * Input columns missing from a tab that already holds data: reported, not added, because the
   * team may have renamed the column, and an empty one beside theirs would split their data.
   */
  missingColumns: Problem[];
  addedSettings: string[];
}

/** Tabs a team may already have under the same name for something of its own. */
const OPTIONAL_TABS = new Set(['actions', 'pipeline', 'questions', 'organisations']);

/** The language for a workbook: its Settings tab's, else its locale's. */
export function languageOf(workbook: WorkbookPort): Language {
  const table = loadSettings(workbook);
  return table.rows.has('language') ? table.settings.language : languageOfLocale(workbook.locale);
}

export function setupWorkbook(workbook: WorkbookPort, now: Date, language: Language = languageOf(workbook)): SetupResult {
  const result: SetupResult = { language, addedTabs: [], addedColumns: [], addedSettings: [], missingColumns: [] };
  for (const tab of TABS) ensureTab(workbook, tab, language, result);
  const words = catalogue(language);
  const summary = fill(words.log.setupSummary, {
    tabs: result.addedTabs.length,
    columns: result.addedColumns.length,
    settings: result.addedSettings.length,
  });
  appendLog(workbook, language, now, summary, result.missingColumns, 'setup', loadSettings(workbook).settings.reminders.logRunDays);
  return result;
}

/** Creates or completes one tab as setup does (for actions that need it, such as filling Organisaties). */
export function ensureTabOf(workbook: WorkbookPort, tab: TabDef, language: Language): SetupResult {
  const result: SetupResult = { language, addedTabs: [], addedColumns: [], addedSettings: [], missingColumns: [] };
  ensureTab(workbook, tab, language, result);
  return result;
}

function ensureTab(workbook: WorkbookPort, tab: TabDef, language: Language, result: SetupResult): void {
  const existing = findTab(tab, workbook.sheetNames());
  let sheet: SheetPort;
  let created: ColumnDef[];
  const positions = new Map<string, number>(); // 1-based column per key
  if (!existing) {
    sheet = workbook.addSheet(displayName(tab, language));
    sheet.write(1, 1, [tab.columns.map((c) => displayName(c, language))]);
    sheet.styleHeader(tab.columns.length, tab.columns.map((c) => c.width));
    tab.columns.forEach((c, i) => positions.set(c.key, i + 1));
    created = [...tab.columns];
    result.addedTabs.push(sheet.name);
  } else {
    sheet = workbook.sheet(existing);
    const header = sheet.readHeader();
    const map = mapColumns(tab, header);
    // A team's own tab that merely shares a name (their own "Pipeline") is theirs: Cadans adopts
    // an optional tab only when it recognises at least one of its columns.
    if (OPTIONAL_TABS.has(tab.key) && map.index.size === 0 && header.some((h) => String(h ?? '').trim() !== '')) {
      result.missingColumns.push({ sheet: sheet.name, row: 1, column: null, value: '', message: catalogue(language).problem.tabNotAdopted });
      return;
    }
    map.index.forEach((i, key) => positions.set(key, i + 1));
    created = map.missing;
    if (tab.key !== LOG.key && tab.key !== SETTINGS.key && created.some((c) => !c.computed) && hasData(sheet)) {
      const words = catalogue(language).problem;
      for (const c of created.filter((c) => !c.computed)) {
        result.missingColumns.push({ sheet: sheet.name, row: 1, column: displayName(c, language), value: '', message: words.columnNotAdded });
      }
      created = created.filter((c) => c.computed);
    }
    if (created.length > 0) {
      // New header cells go right of the last used header, never over a cell of the team's.
      // header.length is the sheet's last used column: a column with data but no header is the team's.
      const after = Math.max(map.width, header.length);
      sheet.write(1, after + 1, [created.map((c) => displayName(c, language))]);
      created.forEach((c, i) => positions.set(c.key, after + 1 + i));
      if (map.width === 0) sheet.styleHeader(created.length, created.map((c) => c.width));
    }
    result.addedColumns.push(...created.map((c) => `${sheet.name}: ${displayName(c, language)}`));
  }

  for (const col of tab.columns) {
    const column = positions.get(col.key);
    if (column === undefined) continue; // reported above
    const format = col.format ? NUMBER_FORMATS[col.format] : null;
    // Formats change how a cell looks, not what it holds; still, only on columns Cadans made or owns.
    if (format && (col.computed || created.includes(col))) sheet.setNumberFormat(column, 2, format);
    // Drop-downs in both languages' words, the workbook's language first; a value outside the list
    // gets a warning, never removed.
    if (col.validation) {
      const [first, other] = language === 'en' ? [col.validation.en, col.validation.nl] : [col.validation.nl, col.validation.en];
      sheet.setListValidation(column, 2, [...first, ...other.filter((v) => !first.includes(v))]);
    }
  }
  if (tab.key === RELATIONS.key) sheet.setStatusColours(positions.get('status')!, 2, statusColourRules());
  if (tab.key === QUESTIONS.key && !existing) sheet.append(seedQuestions(tab.columns.map((c) => c.key)));
  if (tab.key === SETTINGS.key) ensureSettings(sheet, positions, language, result);
}

/** The default question bank in both languages, in the tab's column order. */
function seedQuestions(keys: readonly string[]): unknown[][] {
  const audiences = { klant: { nl: 'Klant', en: 'Client' }, kandidaat: { nl: 'Kandidaat', en: 'Candidate' }, prospect: { nl: 'Prospect', en: 'Prospect' } };
  const rows: unknown[][] = [];
  for (const language of ['nl', 'en'] as const) {
    for (const [phase, audience, tier, nl, en] of DEFAULT_QUESTIONS) {
      const def = PHASES.find((p) => p.key === phase)!;
      const values: Record<string, string> = {
        phase: def[language],
        audience: audience ? audiences[audience][language] : '',
        tier,
        language,
        question: language === 'nl' ? nl : en,
      };
      rows.push(keys.map((k) => values[k] ?? ''));
    }
  }
  return rows;
}

/** A tab holds the team's data when anything stands below its header. */
function hasData(sheet: SheetPort): boolean {
  return sheet.readAll().slice(1).some((row) => row.some((v) => v !== '' && v !== null && v !== undefined));
}

function statusColourRules(): StatusColourRule[] {
  const rules: StatusColourRule[] = [];
  for (const status of STATUS_ORDER) {
    for (const words of Object.values(CATALOGUES)) {
      const text = words.status[status];
      if (rules.some((r) => r.text === text)) continue;
      rules.push({ text, background: STATUS_COLOURS[status].background, color: STATUS_COLOURS[status].text });
    }
  }
  return rules;
}

function ensureSettings(sheet: SheetPort, positions: Map<string, number>, language: Language, result: SetupResult): void {
  const values = sheet.readAll();
  const nameCol = (positions.get('setting') ?? 1) - 1;
  const present = new Set(values.slice(1).map((row) => normaliseName(row[nameCol])));
  const missing = SETTING_DEFS.filter((d) => !present.has(normaliseName(d.nl)) && !present.has(normaliseName(d.en)));
  if (missing.length === 0) return;
  const width = Math.max(...[...positions.values()]);
  const rows = missing.map((d) => {
    const row: unknown[] = new Array(width).fill('');
    row[nameCol] = displayName(d, language);
    row[(positions.get('value') ?? 2) - 1] = d.key === 'language' ? language : (defaultValueOf(d, language) ?? '');
    row[(positions.get('explanation') ?? 3) - 1] = d.explanation[language];
    return row;
  });
  sheet.append(rows);
  result.addedSettings.push(...missing.map((d) => displayName(d, language)));
}
