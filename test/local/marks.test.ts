// The local runner marks a cell Cadans cannot use as the Sheets shell does (issue 14): a note (a
// legacy comment with its VML drawing, as every spreadsheet program reads them) and one
// conditional-format rule of Cadans's over exactly those cells with a differential format in the
// styles; a run on a later export where the cell is fixed takes both away.

import { mkdtempSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/local/cli';

const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));
const RULE = /<conditionalFormatting sqref="([^"]*)"><cfRule type="expression" dxfId="(\d+)" priority="\d+"><formula>ISTEXT\(&quot;cadans:mark&quot;\)<\/formula><\/cfRule><\/conditionalFormatting>/g;
const ANY_RULE = new RegExp(RULE.source);
const MARK_DXF = '<dxf><font><color rgb="FFA50E0E"/></font><fill><patternFill patternType="solid"><bgColor rgb="FFF4C7C3"/></patternFill></fill></dxf>';

async function exportWith(path: string, lastContact: unknown, teamNote?: string): Promise<void> {
  const book = new ExcelJS.Workbook();
  const rel = book.addWorksheet('Relaties');
  rel.addRow(['ID', 'Naam', 'Tier', 'Laatste contact', 'Eigenaar']);
  rel.addRow(['R1', 'Anna', 'A', utc(2026, 10, 1), 'sanne@bureau.nl']);
  if (teamNote) rel.getCell('B2').note = teamNote;
  rel.addRow(['R2', 'Bram', 'B', lastContact, 'sanne@bureau.nl']);
  const tp = book.addWorksheet('Touchpoints');
  tp.addRow(['Datum', 'Relatie-ID', 'Soort']);
  tp.addRow([utc(2026, 11, 2), 'R404', 'Telefoon']);
  await book.xlsx.writeFile(path);
}

async function parts(path: string): Promise<{ relaties: string; touchpoints: string; styles: string; notes: Record<string, string>; types: string }> {
  const zip = await JSZip.loadAsync(await readFile(path));
  const text = (name: string) => zip.file(name)!.async('string');
  // Each tab's notes by cell, through its relationships, as a spreadsheet program finds them.
  const notes: Record<string, string> = {};
  for (const [tab, sheet] of [['Relaties', 'sheet1'], ['Touchpoints', 'sheet2']]) {
    const rels = await zip.file(`xl/worksheets/_rels/${sheet}.xml.rels`)?.async('string');
    const target = rels && /Type="[^"]*\/comments" Target="\.\.\/([^"]+)"/.exec(rels)?.[1];
    if (!target) continue;
    for (const m of (await text(`xl/${target}`)).matchAll(/<comment ref="([A-Z]+\d+)"[^>]*><text><t xml:space="preserve">([^<]*)<\/t>/g)) notes[`${tab}!${m[1]}`] = m[2].replace(/&apos;/g, "'");
  }
  return { relaties: await text('xl/worksheets/sheet1.xml'), touchpoints: await text('xl/worksheets/sheet2.xml'), styles: await text('xl/styles.xml'), notes, types: await text('[Content_Types].xml') };
}

const DATE_NOTE = "⚠ Cadans: 'vorige week': geen geldige datum; verwacht bijvoorbeeld 3-2-2026, 2026-02-03 of een datumcel (jaar 1900-9999)\nVerbeter de cel; bij de volgende run haalt Cadans deze notitie en de kleur weg.";
const ID_NOTE = "⚠ Cadans: 'R404': geen relatie met dit ID in Relaties\nVerbeter de cel; bij de volgende run haalt Cadans deze notitie en de kleur weg.";

const dxfs = (styles: string) => [...(/<dxfs[^>]*>(.*)<\/dxfs>/.exec(styles)?.[1] ?? '').matchAll(/<dxf>.*?<\/dxf>/g)].map((m) => m[0]);

describe('cadans run and a cell it cannot read', () => {
  it('gives the cell a note and a colour through one rule of its own, and a run on the fixed export takes both away', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cadans-marks-'));
    await exportWith(join(dir, 'team.xlsx'), 'vorige week');
    expect(await run(['run', '--workbook', join(dir, 'team.xlsx'), '--today', '2026-11-24', '--out', join(dir, 'out')], () => {})).toBe(0);
    const first = await parts(join(dir, 'out', 'team.xlsx'));
    const relRules = [...first.relaties.matchAll(RULE)];
    expect(relRules.map((m) => m[1])).toEqual(['D3']);
    expect([...first.touchpoints.matchAll(RULE)].map((m) => m[1])).toEqual(['B2']);
    // Both rules use the one format Cadans added: light red, dark red text.
    expect(dxfs(first.styles)[Number(relRules[0][2])]).toBe(MARK_DXF);
    // The notes, shown by a legacyDrawing on each tab, with their parts' content types.
    expect(first.notes).toEqual({ 'Relaties!D3': DATE_NOTE, 'Touchpoints!B2': ID_NOTE });
    expect(first.relaties).toMatch(/<legacyDrawing r:id="rId\d+"\/><\/worksheet>$/);
    expect(first.types).toContain('<Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>');
    expect(first.types).toContain('ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"');

    // Run again on that output: still one rule per tab, not two.
    expect(await run(['run', '--workbook', join(dir, 'out', 'team.xlsx'), '--today', '2026-11-24', '--out', join(dir, 'again')], () => {})).toBe(0);
    const again = await parts(join(dir, 'again', 'team.xlsx'));
    expect([...again.relaties.matchAll(RULE)].map((m) => m[1])).toEqual(['D3']);
    expect(again.notes).toEqual(first.notes);
    expect(again.relaties.match(/<legacyDrawing /g)).toHaveLength(1);

    // The team fixes the date in the output and exports again (the cell as a program writes a typed date text).
    const zip = await JSZip.loadAsync(await readFile(join(dir, 'again', 'team.xlsx')));
    const sheet1 = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    const patched = sheet1.replace(/<c r="D3"[^>]*?(\/>|>.*?<\/c>)/, '<c r="D3" t="inlineStr"><is><t>10-11-2026</t></is></c>');
    expect(patched).not.toBe(sheet1);
    zip.file('xl/worksheets/sheet1.xml', patched);
    await writeFile(join(dir, 'fixed.xlsx'), await zip.generateAsync({ type: 'nodebuffer' }));
    expect((await parts(join(dir, 'fixed.xlsx'))).relaties).toMatch(ANY_RULE);
    expect(await run(['run', '--workbook', join(dir, 'fixed.xlsx'), '--today', '2026-11-24', '--out', join(dir, 'fixed-out')], () => {})).toBe(0);
    const fixed = await parts(join(dir, 'fixed-out', 'fixed.xlsx'));
    expect(fixed.relaties).not.toMatch(ANY_RULE);
    expect([...fixed.touchpoints.matchAll(RULE)].map((m) => m[1])).toEqual(['B2']);
    expect(fixed.notes).toEqual({ 'Touchpoints!B2': ID_NOTE });
    // (The team's own notes on a tab are never rewritten: such a tab gets the colour only.)
  });

  it("leaves a tab with notes of the team's own as it was but for the colour", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cadans-marks-'));
    await exportWith(join(dir, 'team.xlsx'), 'vorige week', 'Bel na 10 uur');
    const before = await JSZip.loadAsync(await readFile(join(dir, 'team.xlsx')));
    expect(await run(['run', '--workbook', join(dir, 'team.xlsx'), '--today', '2026-11-24', '--out', join(dir, 'out')], () => {})).toBe(0);
    const after = await JSZip.loadAsync(await readFile(join(dir, 'out', 'team.xlsx')));
    const comments = Object.keys(before.files).filter((f) => /comments\d*\.xml$|\.vml$|sheet1\.xml\.rels$/.test(f));
    expect(comments.length).toBeGreaterThanOrEqual(2);
    for (const f of comments) expect(await after.file(f)!.async('string'), f).toBe(await before.file(f)!.async('string'));
    const out = await parts(join(dir, 'out', 'team.xlsx'));
    expect([...out.relaties.matchAll(RULE)].map((m) => m[1])).toEqual(['D3']);
    expect(out.notes['Relaties!D3']).toBeUndefined();
  });
});
