// Issue 9: `cadans check --workbook FILE`, the checks of Cadans > Controleren that a file answers.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { run, UsageError } from '../../src/local/cli';

async function check(path: string): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = [];
  const code = await run(['check', '--workbook', path], (line) => void lines.push(line));
  return { code, lines };
}

describe('cadans check', () => {
  it('passes the template workbook, listing each tab\'s size', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cadans-check-'));
    const path = join(dir, 'team.xlsx');
    expect(await run(['init', path], () => {})).toBe(0);
    const { code, lines } = await check(path);
    expect(code).toBe(0);
    expect(lines[0]).toBe('Controleren: 2 in orde, 0 let op, 0 fout');
    expect(lines).toContain('[in orde] Tabbladen en kolommen: alles aanwezig');
    expect(lines.some((l) => /^ {2}Relaties: \d+ x 33 = [\d.]+ cellen, \d+ rijen gebruikt$/.test(l))).toBe(true);
  });

  it('names the tabs and columns a team\'s export lacks, with exit code 1 when Cadans cannot work', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cadans-check-'));
    const path = join(dir, 'export.xlsx');
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Relaties').addRow(['ID', 'Naam', 'Tier']);
    await book.xlsx.writeFile(path);
    const { code, lines } = await check(path);
    expect(code).toBe(1);
    // A file has no Cadans menu: the advice says what to do in the file itself (issue 14).
    expect(lines).toContain('[fout] Tabblad Instellingen ontbreekt: voeg het toe met de kolommen uit cadans init');
    expect(lines).toContain('[fout] Tabblad Log ontbreekt: voeg het toe met de kolommen uit cadans init');
    expect(lines).toContain('[let op] Kolom Eigenaar ontbreekt in Relaties: voeg een kolom met deze naam toe');
    expect(lines.join('\n')).not.toContain('Cadans >');
  });

  it('needs --workbook', async () => {
    await expect(run(['check'], () => {})).rejects.toThrow(UsageError);
  });
});

describe('cadans run on a file that lacks a column Cadans needs', () => {
  it('reports it with advice for the file, naming no Sheets menu', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cadans-run-'));
    const path = join(dir, 'export.xlsx');
    const book = new ExcelJS.Workbook();
    // No Tier column: every relationship falls back, and the column is reported once.
    book.addWorksheet('Relaties').addRow(['ID', 'Naam', 'Eigenaar', 'Laatste contact']);
    book.getWorksheet('Relaties')!.addRow(['R1', 'Anna', 'anna@bureau.nl', new Date(Date.UTC(2026, 10, 2))]);
    await book.xlsx.writeFile(path);
    const lines: string[] = [];
    await run(['run', '--workbook', path, '--out', join(dir, 'out'), '--today', '2026-11-24'], (line) => void lines.push(line));
    expect(lines.some((l) => l.includes('Relaties, rij 1, Tier: kolom ontbreekt; voeg een kolom met deze naam toe, of geef een bestaande kolom deze naam'))).toBe(true);
    expect(lines.join('\n')).not.toContain('Cadans >');
  });
});
