// The local runner marks a cell Cadans cannot use with its colour rule (issue 14): one
// conditional-format rule of Cadans's over exactly those cells and a differential format in the
// styles; a run on a later export where the cell is fixed takes the rule away. (No note: an .xlsx
// note needs a comments part and a VML drawing, which the runner's XML layer does not write.)

import { mkdtempSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/local/cli';

const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));
const RULE = /<conditionalFormatting sqref="([^"]*)"><cfRule type="expression" dxfId="(\d+)" priority="\d+"><formula>ISTEXT\(&quot;Cadans: cel niet te lezen&quot;\)<\/formula><\/cfRule><\/conditionalFormatting>/g;
const ANY_RULE = new RegExp(RULE.source);
const MARK_DXF = '<dxf><font><color rgb="FFA50E0E"/></font><fill><patternFill patternType="solid"><bgColor rgb="FFF4C7C3"/></patternFill></fill></dxf>';

async function exportWith(path: string, lastContact: unknown): Promise<void> {
  const book = new ExcelJS.Workbook();
  const rel = book.addWorksheet('Relaties');
  rel.addRow(['ID', 'Naam', 'Tier', 'Laatste contact', 'Eigenaar']);
  rel.addRow(['R1', 'Anna', 'A', utc(2026, 10, 1), 'sanne@bureau.nl']);
  rel.addRow(['R2', 'Bram', 'B', lastContact, 'sanne@bureau.nl']);
  const tp = book.addWorksheet('Touchpoints');
  tp.addRow(['Datum', 'Relatie-ID', 'Soort']);
  tp.addRow([utc(2026, 11, 2), 'R404', 'Telefoon']);
  await book.xlsx.writeFile(path);
}

async function parts(path: string): Promise<{ relaties: string; touchpoints: string; styles: string }> {
  const zip = await JSZip.loadAsync(await readFile(path));
  const text = (name: string) => zip.file(name)!.async('string');
  return { relaties: await text('xl/worksheets/sheet1.xml'), touchpoints: await text('xl/worksheets/sheet2.xml'), styles: await text('xl/styles.xml') };
}

const dxfs = (styles: string) => [...(/<dxfs[^>]*>(.*)<\/dxfs>/.exec(styles)?.[1] ?? '').matchAll(/<dxf>.*?<\/dxf>/g)].map((m) => m[0]);

describe('cadans run and a cell it cannot read', () => {
  it('colours the cell through one rule of its own, and a run on the fixed export takes the rule away', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cadans-marks-'));
    await exportWith(join(dir, 'team.xlsx'), 'vorige week');
    expect(await run(['run', '--workbook', join(dir, 'team.xlsx'), '--today', '2026-11-24', '--out', join(dir, 'out')], () => {})).toBe(0);
    const first = await parts(join(dir, 'out', 'team.xlsx'));
    const relRules = [...first.relaties.matchAll(RULE)];
    expect(relRules.map((m) => m[1])).toEqual(['D3']);
    expect([...first.touchpoints.matchAll(RULE)].map((m) => m[1])).toEqual(['B2']);
    // Both rules use the one format Cadans added: light red, dark red text.
    expect(dxfs(first.styles)[Number(relRules[0][2])]).toBe(MARK_DXF);

    // Run again on that output: still one rule per tab, not two.
    expect(await run(['run', '--workbook', join(dir, 'out', 'team.xlsx'), '--today', '2026-11-24', '--out', join(dir, 'again')], () => {})).toBe(0);
    const again = await parts(join(dir, 'again', 'team.xlsx'));
    expect([...again.relaties.matchAll(RULE)].map((m) => m[1])).toEqual(['D3']);

    // The team fixes the date in the output and exports again: the next run leaves no rule on Relaties.
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(dir, 'again', 'team.xlsx'));
    book.getWorksheet('Relaties')!.getCell('D3').value = utc(2026, 11, 10);
    await book.xlsx.writeFile(join(dir, 'fixed.xlsx'));
    expect((await parts(join(dir, 'fixed.xlsx'))).relaties).toMatch(ANY_RULE); // the rule came along in the export
    expect(await run(['run', '--workbook', join(dir, 'fixed.xlsx'), '--today', '2026-11-24', '--out', join(dir, 'fixed-out')], () => {})).toBe(0);
    const fixed = await parts(join(dir, 'fixed-out', 'fixed.xlsx'));
    expect(fixed.relaties).not.toMatch(ANY_RULE);
    expect([...fixed.touchpoints.matchAll(RULE)].map((m) => m[1])).toEqual(['B2']);
  });
});
