// Hostile files: valid .xlsx files that other programs write differently from Google Sheets and
// Excel for Windows. The local runner reads and patches the sheet XML itself, so it must read them
// as any spreadsheet does, or refuse them clearly, and never write a damaged workbook.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/local/cli';
import { XlsxFile } from '../../src/local/xlsx-file';
import { computed, expectProblems, load, NL, relation, runOn, TODAY, tmp, utc, writeWorkbook } from './workbook';

describe('a workbook in the 1904 date system (old Mac Excel)', () => {
  it('reads its date cells as the dates they show and writes Volgend contact in the same system', async () => {
    const dir = tmp();
    const path = join(dir, 'mac.xlsx');
    // ExcelJS writes the serials counted from 1904 and marks the workbook date1904="1".
    await writeWorkbook(path, { relations: { rows: [relation('R1', { tier: 'A', lastContact: utc(2026, 10, 1) }), relation('R2', { tier: 'B', lastContact: '1-9-2026' })] } }, (book) => {
      (book.properties as { date1904?: boolean }).date1904 = true;
    });
    const workbookXml = await (await JSZip.loadAsync(readFileSync(path))).file('xl/workbook.xml')!.async('string');
    expect(workbookXml).toMatch(/<workbookPr\b[^>]*date1904="1"/);
    const lines: string[] = [];
    expect(await run(['run', '--workbook', path, '--today', TODAY, '--out', join(dir, 'out')], (l) => lines.push(l))).toBe(0);
    expect(lines).toContain('Problemen: 0');
    const output = await load(join(dir, 'out', 'mac.xlsx'));
    // What the user sees: the cell still says 1-10-2026, and the next contact is a month later.
    expect(output.getWorksheet('Relaties')!.getCell('H2').value).toEqual(utc(2026, 10, 1));
    expect(computed(output, 2)).toEqual([utc(2026, 11, 1), 'te laat', 23]);
    // A text date is not affected by the date system, and neither may its next contact be.
    expect(computed(output, 3)).toEqual([utc(2026, 12, 1), 'binnenkort', 0]);
  });
});

describe('a sheet written with a namespace prefix (<x:row>, as the OpenXML SDK writes it)', () => {
  it('is read like any other sheet, and the output keeps every cell of the team', async () => {
    const dir = tmp();
    const path = join(dir, 'sdk.xlsx');
    await writeWorkbook(path, { relations: { rows: [relation('R1', { tier: 'A', notes: 'niet kwijtraken' }), relation('R2', { tier: 'B' })] } });
    const zip = await JSZip.loadAsync(readFileSync(path));
    const part = 'xl/worksheets/sheet1.xml';
    const xml = await zip.file(part)!.async('string');
    // The same sheet, with every element of the main namespace under the prefix x:.
    const prefixed = xml.replace(/<(\/?)([A-Za-z][\w]*)(?=[\s>/])/g, (m, slash: string, name: string) => `<${slash}x:${name}`).replace(/\sxmlns="/, ' xmlns:x="');
    expect(prefixed).toContain('<x:sheetData>');
    zip.file(part, prefixed);
    writeFileSync(path, await zip.generateAsync({ type: 'nodebuffer' }));

    const lines: string[] = [];
    expect(await run(['run', '--workbook', path, '--today', TODAY, '--out', join(dir, 'out')], (l) => lines.push(l))).toBe(0);
    expect(lines[1]).toBe('Relaties: 2');
    expect(lines).toContain('Problemen: 0');
    // ExcelJS cannot read prefixed sheets; Cadans's own reader (tested on its own) reads the output.
    const output = await XlsxFile.open(join(dir, 'out', 'sdk.xlsx'));
    const rows = output.sheet('Relaties').readAll();
    expect([rows[1][0], rows[1][12], rows[2][0]]).toEqual(['R1', 'niet kwijtraken', 'R2']);
    expect(rows[1].slice(14, 17)).toEqual([utc(2026, 11, 1), 'te laat', 23]);
    expect(rows[2].slice(14, 17)).toEqual([utc(2027, 1, 1), 'op schema', 0]);
    // Cadans's cells are written in the part's own prefix: no element outside the namespace.
    const sheet = await (await JSZip.loadAsync(readFileSync(join(dir, 'out', 'sdk.xlsx')))).file(part)!.async('string');
    expect(sheet).toContain('<x:c r="P2" t="inlineStr"><x:is><x:t xml:space="preserve">te laat</x:t></x:is></x:c>');
    expect(sheet).not.toMatch(/<(c|row|v|is|t)[\s>]/);
  });
});

describe('shared strings, inline strings and rich text', () => {
  it('read the same whichever way the file stores its text', async () => {
    const dir = tmp();
    const path = join(dir, 'rich.xlsx');
    await writeWorkbook(path, {
      relations: {
        rows: [
          relation('R1', {
            tier: { richText: [{ text: 'A', font: { bold: true } }, { text: '-klant' }] },
            lastContact: { richText: [{ text: '3-2-' }, { text: '2026', font: { italic: true } }] },
            name: { richText: [{ text: 'Jan & ' }, { text: '<Piet>' }] },
          }),
        ],
      },
    });
    const lines: string[] = [];
    await run(['run', '--workbook', path, '--today', TODAY, '--out', join(dir, 'out')], (l) => lines.push(l));
    expect(lines).toContain('Problemen: 0');
    const output = await load(join(dir, 'out', 'rich.xlsx'));
    expect(computed(output, 2)).toEqual([utc(2026, 3, 3), 'te laat', 266]);
    expect(output.getWorksheet('Relaties')!.getCell('B2').value).toEqual({ richText: [{ text: 'Jan & ' }, { text: '<Piet>' }] });
  });
});

describe('problem values with XML-special characters', () => {
  it('are written to the Log as the same text', async () => {
    const o = await runOn({ relations: { rows: [relation('R1', { lastContact: '<b>1 & 2</b> "morgen"' }), relation('R2', { owner: "o'brien&co@<bureau>" })] } });
    expectProblems(o, [
      ['Relaties', 2, 'Laatste contact (H)', '<b>1 & 2</b> "morgen"', NL.date],
      ['Relaties', 3, 'Eigenaar (F)', "o'brien&co@<bureau>", NL.email],
    ]);
  });
});
