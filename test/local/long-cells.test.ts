// Issue 25: Excel holds at most 32,767 characters in a cell and repairs a file with a longer one.
// A 40,000-character name in the input is copied by the run into Vandaag, KPI, Risico, Historie
// and Kwartaal (and a 40,000-character tier's problem into the Log): every cell Cadans writes is cut to fit, with an ellipsis; the team's own
// cells in Relaties stay as they were.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/local/cli';
import { utc } from '../mail/fixture';

const LONG_NAME = `Marieke ${'Hoekstra'.repeat(5_000)}`; // 40,008 characters
const LONG_TIER = `A${'?'.repeat(40_000)}`;

describe('a cell of 40,000 characters in the input', () => {
  it('is cut to 32,767 characters, ending in an ellipsis, in every cell Cadans writes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cadans-long-'));
    const input = join(dir, 'bureau.xlsx');
    const book = new ExcelJS.Workbook();
    const rel = book.addWorksheet('Relaties');
    rel.addRow(['ID', 'Naam', 'Type', 'Eigenaar', 'Tier', 'Laatste contact', 'Omzet']);
    rel.addRow(['R1', LONG_NAME, 'Klant', 'sanne@bureau.nl', 'A', utc(2026, 9, 1), 50_000]);
    rel.addRow(['R2', 'Daan Visser', 'Klant', 'sanne@bureau.nl', LONG_TIER, utc(2026, 8, 28), 10_000]);
    book.addWorksheet('Instellingen').addRows([
      ['Instelling', 'Waarde'],
      ['Team', '@bureau.nl'],
    ]);
    await book.xlsx.writeFile(input);

    const code = await run(['run', '--workbook', input, '--today', '2026-11-24', '--out', join(dir, 'out')], () => {}, new Date(Date.UTC(2026, 10, 24, 7)), { language: 'nl' });
    expect(code).toBe(0);
    const out = new ExcelJS.Workbook();
    await out.xlsx.readFile(join(dir, 'out', 'bureau.xlsx'));
    const longest = new Map<string, number>();
    const cut = new Set<string>();
    out.eachSheet((sheet) => {
      sheet.eachRow((row, r) => {
        row.eachCell((cell, c) => {
          const text = typeof cell.value === 'string' ? cell.value : cell.value && typeof cell.value === 'object' && 'richText' in cell.value ? cell.value.richText.map((p) => p.text).join('') : null;
          if (text === null) return;
          // The team's own cells, kept as they were: Relaties B2 and E3.
          if (sheet.name === 'Relaties' && ((r === 2 && c === 2) || (r === 3 && c === 5))) {
            expect(text).toBe(r === 2 ? LONG_NAME : LONG_TIER);
            return;
          }
          longest.set(sheet.name, Math.max(longest.get(sheet.name) ?? 0, text.length));
          if (text.length === 32_767 && text.endsWith('…')) cut.add(sheet.name);
        });
      });
    });
    expect(Math.max(...longest.values())).toBe(32_767);
    // The long name or the tier's problem reached these tabs, and was cut there.
    // The long name reached these tabs, and was cut there (the Log's problem row shortens its value itself).
    expect([...cut].sort()).toEqual(['Historie', 'KPI', 'Kwartaal', 'Risico', 'Vandaag']);
    expect(longest.get('Log')).toBeLessThan(32_767);
  });
});
