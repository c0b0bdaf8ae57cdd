// Issue 25: a column Cadans fills (Status, Volgend contact ...) whose header stands twice in a tab.
// One of the two may be the team's own and Cadans cannot tell which: the run refuses with exit 2,
// naming both columns, and writes nothing, instead of warning and overwriting the first.

import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { utc } from '../mail/fixture';

const exec = promisify(execFile);
const BIN = join(__dirname, '../../bin/cadans.mjs');
const DUTCH = { ...process.env, LC_ALL: '', LC_MESSAGES: '', LANG: 'nl_NL.UTF-8' };

async function cadans(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await exec(process.execPath, [BIN, ...args], { timeout: 60_000, env: DUTCH });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** Relaties with the team's own Status column (C) and Cadans's Status column further right (G). */
async function twoStatusColumns(path: string): Promise<void> {
  const book = new ExcelJS.Workbook();
  const rel = book.addWorksheet('Relaties');
  rel.addRow(['ID', 'Naam', 'Status', 'Eigenaar', 'Tier', 'Laatste contact', 'Status']);
  rel.addRow(['R1', 'Marieke Hoekstra', 'offerte verstuurd', 'sanne@bureau.nl', 'A', utc(2026, 10, 14), '']);
  rel.addRow(['R2', 'Daan Visser', 'wacht op CV', 'joris@bureau.nl', 'B', utc(2026, 8, 28), '']);
  await book.xlsx.writeFile(path);
}

describe('a column Cadans fills that stands twice', () => {
  it('cadans run refuses with exit 2, names both columns, and writes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cadans-clash-'));
    const input = join(dir, 'relaties.xlsx');
    await twoStatusColumns(input);
    const r = await cadans(['run', '--workbook', input, '--today', '2026-11-24', '--out', join(dir, 'out')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `cadans: ${input}: het tabblad "Relaties" heeft een kolom die Cadans vult twee keer: C (Status), G (Status). Cadans kan niet zien welke van het team is en overschrijft geen van beide; geef de kolom van het team een andere naam (of verwijder de extra kolom) en probeer opnieuw\n`,
    );
    expect(r.stdout).toBe('');
    expect(existsSync(join(dir, 'out'))).toBe(false);
    expect(existsSync(`${input}.cadans-journal`)).toBe(false);
  });

  it('once the team renames its own column, the run goes on and the team’s values stay as they were', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cadans-clash-'));
    const input = join(dir, 'relaties.xlsx');
    await twoStatusColumns(input);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(input);
    book.getWorksheet('Relaties')!.getCell('C1').value = 'Fase';
    await book.xlsx.writeFile(input);
    const r = await cadans(['run', '--workbook', input, '--today', '2026-11-24', '--out', join(dir, 'out')]);
    expect(r.code).toBe(0);
    const out = new ExcelJS.Workbook();
    await out.xlsx.readFile(join(dir, 'out', 'relaties.xlsx'));
    const rel = out.getWorksheet('Relaties')!;
    expect([2, 3].map((row) => [rel.getCell(`C${row}`).value, rel.getCell(`G${row}`).value])).toEqual([
      ['offerte verstuurd', 'te laat'],
      ['wacht op CV', 'binnenkort'],
    ]);
  });
});
