// Issue 14: the generated tabs of a team's own .xlsx (updated by XlsxFile through its XML layer)
// come out formatted for reading: real number formats, bold titles and headers, italic
// explanations, column widths, a frozen first row and colour rules for the marks, in styles.xml and
// each generated tab's part. The team's own tabs keep their view, widths and rules byte for byte,
// and a run on Cadans's own output adds no second copy of anything. Where soffice is installed
// (the UTC run), LibreOffice shows the formatted values.

import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderCsv, SOFFICE } from '../corpus/corpus';

const exec = promisify(execFile);
const BIN = join(__dirname, '../../bin/cadans.mjs');

/** Every part of the package, as text. */
async function parts(path: string): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  const out = new Map<string, string>();
  for (const name of Object.keys(zip.files)) if (!zip.files[name].dir) out.set(name, await zip.file(name)!.async('string'));
  return out;
}

/** The worksheet part of a tab, found through the workbook and its relationships. */
function sheetPart(p: Map<string, string>, tab: string): string {
  const rid = new RegExp(`<sheet [^>]*name="${tab}"[^>]*r:id="([^"]+)"`).exec(p.get('xl/workbook.xml')!)![1];
  const target = new RegExp(`<Relationship [^>]*Id="${rid}"[^>]*Target="([^"]+)"|<Relationship [^>]*Target="([^"]+)"[^>]*Id="${rid}"`).exec(p.get('xl/_rels/workbook.xml.rels')!)!;
  const path = (target[1] ?? target[2]).replace(/^\/?(xl\/)?/, 'xl/');
  return p.get(path)!;
}

const all = (xml: string, pattern: RegExp) => xml.match(pattern) ?? [];

let dir = '';
let input = '';
let first = '';
let second = '';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cadans-formatted-'));
  input = join(dir, 'team.xlsx');
  await exec('node', [BIN, 'init', input]);
  await exec('node', [BIN, 'run', '--workbook', input, '--today', '2026-11-24', '--out', join(dir, 'a')]);
  first = join(dir, 'a', 'team.xlsx');
  // Cadans's own output as the next run's input: its generated tabs exist now.
  await exec('node', [BIN, 'run', '--workbook', first, '--today', '2026-11-24', '--out', join(dir, 'b')]);
  second = join(dir, 'b', 'team.xlsx');
}, 180_000);

describe("the generated tabs of a team's .xlsx", () => {
  it('get real number formats, bold titles and headers, italic explanations and widths (read back with ExcelJS)', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(first);
    const risico = book.getWorksheet('Risico')!;
    const rowOf = (first: string) => {
      let found = 0;
      risico.eachRow((row, n) => {
        if (!found && row.getCell(1).value === first) found = n;
      });
      return found;
    };
    const hhi = risico.getRow(rowOf('HHI')).getCell(2);
    expect([hhi.value, hhi.numFmt]).toEqual([2358, '#,##0']);
    // 186,000 of the sample's 545,950: 34.07%, shown as 34.1%.
    const share = risico.getRow(rowOf('Aandeel grootste klant')).getCell(2);
    expect([share.value, share.numFmt]).toEqual([0.3407, '0.0%']);
    const effective = risico.getRow(rowOf('Effectief aantal klanten')).getCell(2);
    expect(effective.numFmt).toBe('#,##0.0');
    const revenue = risico.getRow(rowOf('#') + 1).getCell(4);
    expect([revenue.value, revenue.numFmt]).toEqual([186000, '"€ "#,##0']);
    const title = rowOf('Klantconcentratie: hoe afhankelijk is het bureau van een paar klanten?');
    expect([risico.getRow(title).getCell(1).font?.bold, risico.getRow(title + 1).getCell(1).font?.italic, risico.getRow(rowOf('Indicator')).getCell(2).font?.bold]).toEqual([true, true, true]);
    // Column A: 'Voorstellen verstuurd (Pipeline, laatste 13 weken)', 50 × 7 + 16 = 366 px: 52.29 characters of 7 px.
    expect(risico.getColumn(1).width).toBe(52.29);
    expect(risico.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    // Historie: the revenue in euros.
    expect(book.getWorksheet('Historie')!.getRow(2).getCell(4).numFmt).toBe('"€ "#,##0');
    // Vandaag: a due date is a date cell, formatted as one.
    const vandaag = book.getWorksheet('Vandaag')!;
    let due: ExcelJS.Cell | null = null;
    vandaag.eachRow((row) => {
      if (!due && row.getCell(7).value instanceof Date) due = row.getCell(7);
    });
    expect(due!.numFmt).toBe('dd-mm-yyyy');
  });

  it('colour the marks through conditional formats with their own differential formats', async () => {
    const p = await parts(first);
    const xml = sheetPart(p, 'Risico');
    const rows = Number(/<dimension ref="A1:[A-Z]+(\d+)"/.exec(xml)![1]);
    const rule = new RegExp(`<conditionalFormatting sqref="A1:I${rows}"><cfRule type="cellIs" dxfId="(\\d+)" priority="3" operator="equal"><formula>&quot;✘ onder doel&quot;</formula></cfRule></conditionalFormatting>`).exec(xml);
    expect(rule).not.toBeNull();
    const dxfs = all(p.get('xl/styles.xml')!, /<dxf>.*?<\/dxf>/g);
    expect(dxfs[Number(rule![1])]).toBe('<dxf><font><color rgb="FFA50E0E"/></font><fill><patternFill patternType="solid"><bgColor rgb="FFF4C7C3"/></patternFill></fill></dxf>');
    expect(all(xml, /<pane [^>]*\/>/g)).toEqual(['<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>']);
    // Vandaag's status column: a rule for text containing "te laat".
    expect(sheetPart(p, 'Vandaag')).toMatch(/<cfRule type="containsText" dxfId="\d+" priority="1" operator="containsText" text="te laat"><formula>NOT\(ISERROR\(SEARCH\(&quot;te laat&quot;,F1\)\)\)<\/formula><\/cfRule>/);
  });

  it("leave the team's own tabs as they were: the same view, widths and colour rules", async () => {
    const before = await parts(input);
    const after = await parts(first);
    for (const tab of ['Relaties', 'Touchpoints', 'Instellingen', 'Pipeline']) {
      // (Cadans's own rule over the cells it cannot read, such as H14 here, is its mark: test/local/marks.test.ts.)
      const rules = (xml: string) => all(xml, /<conditionalFormatting .*?<\/conditionalFormatting>/g).filter((r) => !String(r).includes('cadans:mark'));
      const pick = (xml: string) => [all(xml, /<sheetViews>.*?<\/sheetViews>/g), all(xml, /<cols>.*?<\/cols>/g), rules(xml)];
      expect(pick(sheetPart(after, tab)), tab).toEqual(pick(sheetPart(before, tab)));
    }
  });

  it("add nothing twice when the input is Cadans's own output", async () => {
    const a = await parts(first);
    const b = await parts(second);
    const counts = (p: Map<string, string>) => {
      const styles = p.get('xl/styles.xml')!;
      return {
        numFmts: all(styles, /<numFmt [^>]*>/g),
        fonts: all(styles, /<fonts [^>]*count="(\d+)"/g),
        cellXfs: all(styles, /<cellXfs [^>]*count="(\d+)"/g),
        dxfs: all(styles, /<dxfs [^>]*count="(\d+)"/g),
      };
    };
    expect(counts(b)).toEqual(counts(a));
    expect(counts(a).numFmts.filter((f) => f.includes('formatCode="0.0%"'))).toHaveLength(1);
    const risico = sheetPart(b, 'Risico');
    expect([all(risico, /<sheetViews>/g).length, all(risico, /<cols>/g).length, all(risico, /<conditionalFormatting /g).length]).toEqual([1, 1, 4]);
  });

  it.runIf(SOFFICE)('show in LibreOffice as formatted: thousands, euros and percentages', async () => {
    const tabs = (await renderCsv([first])).get(first)!;
    const risico = tabs.get('Risico')!;
    const row = (label: string) => risico.find((r) => r[0] === label)!.slice(0, 2);
    expect(row('HHI')).toEqual(['HHI', '2,358']);
    expect(row('Aandeel grootste klant')).toEqual(['Aandeel grootste klant', '34.1%']);
    expect(risico.find((r) => r[0] === '1')!.slice(0, 7)).toEqual(['1', 'Waterschap Rijnvallei', '1', '€ 186,000', 'contactrijen', '34.1%', '34.1%']);
  });
});

describe('the generated tabs of the sample workbook (a new workbook, written with ExcelJS)', () => {
  it('get the same formats: percentages, euros, bold titles in the workbook font, colour rules, widths and a frozen row', async () => {
    const out = join(dir, 'sample');
    await exec('node', [BIN, 'run', '--today', '2026-11-24', '--out', out]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(out, 'cadans-voorbeeld.xlsx'));
    const risico = book.getWorksheet('Risico')!;
    const values = risico.getSheetValues() as unknown[][];
    const rowOf = (label: string) => values.findIndex((r) => Array.isArray(r) && r[1] === label);
    const share = risico.getRow(rowOf('Aandeel grootste klant')).getCell(2);
    expect([share.value, share.numFmt]).toEqual([0.3407, '0.0%']);
    expect(risico.getRow(rowOf('#') + 1).getCell(4).numFmt).toBe('"€ "#,##0');
    // Bold in the workbook's own font: a font with no name would show in a serif face.
    expect(risico.getRow(rowOf('Stresstest per sleutelklant')).getCell(1).font).toEqual({ name: 'Calibri', family: 2, size: 11, bold: true });
    expect(risico.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    // Column A holds 'Voorstellen verstuurd (Pipeline, laatste 13 weken)': 366 px, 52.29 characters of 7 px.
    expect(risico.getColumn(1).width).toBe(52.29);
    const vandaag = book.getWorksheet('Vandaag')! as ExcelJS.Worksheet & { conditionalFormattings: Array<{ ref: string; rules: Array<{ type: string; formulae?: string[] }> }> };
    expect(vandaag.conditionalFormattings[0].rules[0]).toMatchObject({ type: 'expression', formulae: ['NOT(ISERROR(SEARCH("te laat",F1)))'] });
  }, 120_000);
});
