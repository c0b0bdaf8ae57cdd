// Finding tabs and columns by name. Names match case- and space-insensitively, in Dutch, in
// English or by a listed alias, in any order; a column Cadans does not know is the team's own.

import type { Language } from '../core/locale';
import type { ColumnDef, TabDef } from '../../sheets-templates/tabs';

/** `Laatste contact`, `laatste  CONTACT` and `LaatsteContact` are one name; so are `E-mail` and `Email`. */
export function normaliseName(name: unknown): string {
  return String(name ?? '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\u00a0_-]+/g, '');
}

function namesOf(def: { nl: string; en: string; aliases?: readonly string[] }): string[] {
  return [def.nl, def.en, ...(def.aliases ?? [])].map(normaliseName);
}

export function displayName(def: { nl: string; en: string }, language: Language): string {
  return language === 'en' ? def.en : def.nl;
}

/** The tab's actual name in this workbook, or null. An exact Dutch or English name wins over an alias. */
export function findTab(def: TabDef, sheetNames: readonly string[]): string | null {
  const wanted = namesOf(def);
  for (const name of wanted) {
    const hit = sheetNames.find((s) => normaliseName(s) === name);
    if (hit !== undefined) return hit;
  }
  return null;
}

export interface ColumnMap {
  /** 0-based column index per column key, for the columns found. */
  index: Map<string, number>;
  /** Keys of the definition's columns that were not found. */
  missing: ColumnDef[];
  /** Columns whose name appears again further right: [key, 0-based index of the ignored copy]. */
  duplicates: Array<[string, number]>;
  /** Number of header cells up to the last non-blank one. */
  width: number;
}

export function mapColumns(def: TabDef, header: readonly unknown[]): ColumnMap {
  const normalised = header.map(normaliseName);
  const index = new Map<string, number>();
  const duplicates: Array<[string, number]> = [];
  const taken = new Set<number>();
  // Primary names first, so that an alias (`ID` in Touchpoints) never steals a column that
  // another definition names exactly.
  for (const pass of ['primary', 'alias'] as const) {
    for (const col of def.columns) {
      if (index.has(col.key)) continue;
      const names = pass === 'primary' ? [normaliseName(col.nl), normaliseName(col.en)] : namesOf(col);
      const found = normalised.findIndex((n, i) => !taken.has(i) && n !== '' && names.includes(n));
      if (found >= 0) {
        index.set(col.key, found);
        taken.add(found);
      }
    }
  }
  for (const col of def.columns) {
    const first = index.get(col.key);
    if (first === undefined) continue;
    const names = namesOf(col);
    normalised.forEach((n, i) => {
      if (i > first && !taken.has(i) && names.includes(n)) duplicates.push([col.key, i]);
    });
  }
  let width = header.length;
  while (width > 0 && normaliseName(header[width - 1]) === '') width--;
  return { index, missing: def.columns.filter((c) => !index.has(c.key)), duplicates, width };
}

/** A 1-based column number as letters, as the user sees it: 1 is A, 27 is AA. */
export function columnLetter(column: number): string {
  let n = column;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}
