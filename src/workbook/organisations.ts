// Reading the Organisaties tab (issue 11): one row per client organisation, the key that
// Relaties.Organisatie refers to. Bad cells become problems with their place, as in Relaties.

import type { OrganisationInput } from '../core/accounts';
import { isBlank, type ParseContext, parseCount, parseDay, parseEmail, parseRevenue } from '../core/parse';
import { ORGANISATIONS } from '../../sheets-templates/tabs';
import type { ProblemList } from './problems';
import { cellReader, isBlankRow, type Table, tableOf, text } from './relations';

export function organisationsTable(sheet: string, values: unknown[][]): Table {
  return tableOf(ORGANISATIONS, sheet, values);
}

/** `Financiën, HR; IT` as names, or `6` as a count: teams know either the names or only how many. */
export function departmentList(value: unknown): { names: string[]; count: number | null } {
  if (isBlank(value)) return { names: [], count: null };
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return { names: [], count: value };
  const textValue = String(value).trim();
  if (/^\d+$/.test(textValue)) return { names: [], count: Number(textValue) };
  const names = textValue.split(/[,;\n]/).map((n) => n.trim()).filter((n) => n !== '');
  return { names, count: names.length };
}

export function readOrganisations(table: Table, ctx: ParseContext, problems: ProblemList): OrganisationInput[] {
  const read = cellReader(table, problems);
  const computed = new Set(ORGANISATIONS.columns.filter((c) => c.computed).map((c) => table.columns.index.get(c.key)));
  const out: OrganisationInput[] = [];
  const cell = (row: unknown[], key: string) => {
    const col = table.columns.index.get(key);
    return col === undefined ? '' : row[col];
  };
  table.rows.forEach((row, i) => {
    if (isBlankRow(row.filter((_, col) => !computed.has(col)))) return;
    const rowNumber = i + 2;
    const name = text(row, table, 'organisation');
    if (name === '') return;
    out.push({
      row: rowNumber,
      name,
      // The account owner is a person's address like Eigenaar, but a name is accepted as it is.
      owner: text(row, table, 'owner') === '' ? null : (parseEmail(cell(row, 'owner')).ok ? read(row, rowNumber, 'owner', parseEmail) : text(row, table, 'owner')),
      revenue: read(row, rowNumber, 'revenue', (v) => parseRevenue(v, ctx.conventions)),
      revenueLastYear: read(row, rowNumber, 'revenueLastYear', (v) => parseRevenue(v, ctx.conventions)),
      retainer: read(row, rowNumber, 'retainer', (v) => parseRevenue(v, ctx.conventions)),
      clientSince: read(row, rowNumber, 'clientSince', (v) => parseDay(v, ctx)),
      departments: departmentList(cell(row, 'departments')),
      departmentsServed: (() => {
        const v = cell(row, 'departmentsServed');
        const parsed = departmentList(v);
        if (parsed.names.length === 0 && parsed.count === null && !isBlank(v)) read(row, rowNumber, 'departmentsServed', (x) => parseCount(x, ctx.conventions));
        return parsed;
      })(),
    });
  });
  return out;
}
