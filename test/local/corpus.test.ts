// Producer variants (issue 10): valid .xlsx files as programs other than Google Sheets and Excel
// write them, each run through `cadans run` and checked as a user would: every cell, formula, style
// and part that is not Cadans's own comes out identical, Cadans's values are right, and where
// soffice is installed LibreOffice opens each output and shows the same tabs (its CSV compared).
// Files Cadans cannot update safely are refused with one clear line and exit code 2, no output.

import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { XlsxFile } from '../../src/local/xlsx-file';
import { columnOf, handWrittenParts, MAIN, num, readParts, renderCsv, row, SOFFICE, sheetCells, type Tab, text, worksheet, writePackage } from '../corpus/corpus';

const exec = promisify(execFile);
const BIN = join(__dirname, '../../bin/cadans.mjs');
const TODAY = '2026-11-24';
const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));
const serial = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / 86_400_000 + 25_569;

/** Runs the built command (as cron would) and returns its exit code and output. */
async function cadans(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    // The messages below are the terminal's English ones: it speaks the language of LANG.
    const { stdout, stderr } = await exec(process.execPath, [BIN, 'run', ...args], { timeout: 60_000, env: { ...process.env, LC_ALL: '', LC_MESSAGES: '', LANG: 'en_US.UTF-8' } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

// ---- The hand-written Relaties tab ------------------------------------------------------------------
// A ID, B Naam, C Eigenaar, D Tier, E Laatste contact, F Onze kolom (the team's own), G Volgend contact,
// H Status, I Dagen te laat. On 24-11-2026: R1 (A, 1-10-2026) is due 1-11, 23 days late; R2 (B, the
// text 1-9-2026) is due 1-12, within the week; R3 (C, never contacted) is due today.

const HEADER = ['ID', 'Naam', 'Eigenaar', 'Tier', 'Laatste contact', 'Onze kolom', 'Volgend contact', 'Status', 'Dagen te laat'];
const CADANS_COLUMNS = ['G', 'H', 'I'];
const EXPECTED = [
  [utc(2026, 11, 1), 'te laat', 23],
  [utc(2026, 12, 1), 'binnenkort', 0],
  [utc(2026, 11, 24), 'nooit', 0],
];
/** What LibreOffice shows in G, H and I for the rows above (Cadans's own date format). */
const EXPECTED_CSV = [
  ['01-11-2026', 'te laat', '23'],
  ['01-12-2026', 'binnenkort', '0'],
  ['24-11-2026', 'nooit', '0'],
];

function headerRow(cell = text): string {
  return row(1, HEADER.map((h, i) => cell(`${String.fromCharCode(65 + i)}1`, h)));
}

function relationRows(notes: [string, string, string] = [text('F2', 'eerste notitie'), text('F3', 'tweede &amp; meer'), '']): string {
  return [
    row(2, [text('A2', 'R1'), text('B2', 'Relatie een'), text('C2', 'sanne@bureau.nl'), text('D2', 'A'), num('E2', serial(2026, 10, 1), ' s="1"'), notes[0]]),
    row(3, [text('A3', 'R2'), text('B3', 'Relatie twee'), text('C3', 'joris@bureau.nl'), text('D3', 'B'), text('E3', '1-9-2026'), notes[1]]),
    row(4, [text('A4', 'R3'), text('B4', 'Relatie drie'), text('C4', 'joris@bureau.nl'), text('D4', 'C'), notes[2]]),
  ].join('');
}

/** The team's own tab: a note with a formula over Cadans's Status column, its saved result stale. */
const OWN_TAB: Tab = {
  name: 'Eigen',
  xml: worksheet(row(1, [text('A1', 'Te laat'), `<c r="B1"><f>COUNTIF(Relaties!H:H,"te laat")</f><v>0</v></c>`])),
};

interface Case {
  name: string;
  tabs: Tab[];
  sharedStrings?: string;
  /** Cells outside Cadans's columns that must change, with the exact XML they get. */
  rewritten?: Record<string, string>;
  /** Extra checks on the LibreOffice CSV of the output's Relaties tab. */
  csv?: (relaties: string[][], own: string[][]) => void;
}

const CASES: Case[] = [
  {
    name: 'comments, CDATA and processing instructions',
    tabs: [
      {
        name: 'Relaties',
        xml: worksheet(
          `<!-- written by a generator; </sheetData> in a comment is no end -->${headerRow()}<?producer keep this?>` +
            relationRows([`<c r="F2" t="inlineStr"><is><t><![CDATA[a < b & "c" </sheetData>]]></t></is></c>`, text('F3', 'tweede'), '']) +
            '<!-- <row r="9"><c r="A9"><v>1</v></c></row> -->',
        ),
      },
      OWN_TAB,
    ],
    csv: (rel) => expect(rel[1][5]).toBe('a < b & "c" </sheetData>'),
  },
  {
    name: 'single-quoted attributes',
    tabs: [{ name: 'Relaties', xml: worksheet(headerRow() + relationRows()).replace(/="([^"]*)"/g, "='$1'") }, OWN_TAB],
  },
  {
    name: 'namespace prefixes and mixed quotes (as the OpenXML SDK writes)',
    tabs: [
      {
        name: 'Relaties',
        xml: worksheet(headerRow() + relationRows())
          .replace(/<(\/?)([A-Za-z]+)(?=[\s>/])/g, '<$1x:$2')
          .replace(`xmlns="${MAIN}"`, `xmlns:x='${MAIN}'`)
          .replace(/ r="([A-Z]+2)"/g, " r='$1'"),
      },
      OWN_TAB,
    ],
  },
  {
    name: 'shared strings, rich text with phonetic runs, and inline rich strings',
    sharedStrings:
      `<?xml version="1.0" encoding="UTF-8"?>\n<sst xmlns="${MAIN}" count="3" uniqueCount="3">` +
      '<si><r><rPr><b/></rPr><t xml:space="preserve">Relatie </t></r><r><t>een</t></r><rPh sb="0" eb="1"><t>ふりがな</t></rPh></si>' +
      '<si><t>sanne@bureau.nl</t></si><si><r><t>R</t></r><r><rPr><i/></rPr><t>1</t></r></si></sst>',
    tabs: [
      {
        name: 'Relaties',
        xml: worksheet(
          headerRow() +
            relationRows()
              .replace(text('B2', 'Relatie een'), '<c r="B2" t="s"><v>0</v></c>')
              .replace(text('C2', 'sanne@bureau.nl'), '<c r="C2" t="s"><v>1</v></c>')
              .replace(text('A2', 'R1'), '<c r="A2" t="s"><v>2</v></c>')
              .replace(text('D3', 'B'), '<c r="D3" t="inlineStr"><is><r><rPr><b/></rPr><t>B</t></r><r><t>-klant</t></r></is></c>'),
        ),
      },
      OWN_TAB,
    ],
    csv: (rel) => expect(rel.slice(1, 3).map((r) => r.slice(0, 4))).toEqual([
      ['R1', 'Relatie een', 'sanne@bureau.nl', 'A'],
      ['R2', 'Relatie twee', 'joris@bureau.nl', 'B-klant'],
    ]),
  },
  {
    name: "a shared formula filled down Cadans's Status column, and one down the team's own column",
    tabs: [
      {
        name: 'Relaties',
        xml: worksheet(
          headerRow() +
            relationRows(['<c r="F2"><f t="shared" ref="F2:F4" si="1">LEN(B2)</f><v>11</v></c>', '<c r="F3"><f t="shared" si="1"/><v>12</v></c>', '<c r="F4"><f t="shared" si="1"/><v>12</v></c>'])
              .replace('</row>', '<c r="H2" t="str"><f t="shared" ref="H2:H7" si="0">IF(A2="","",A2&amp;"?")</f><v>R1?</v></c></row>')
              .replace('</row><row r="4">', '<c r="H3" t="str"><f t="shared" si="0"/><v>R2?</v></c></row><row r="4">')
              .replace(/<\/row>$/, '<c r="H4" t="str"><f t="shared" si="0"/><v>R3?</v></c></row>') +
            [5, 6, 7].map((r) => row(r, [`<c r="H${r}" t="str"><f t="shared" si="0"/><v></v></c>`])).join(''),
        ),
      },
      { name: 'Eigen', xml: worksheet(row(1, [text('A1', 'Formule in H6'), '<c r="B1" t="b"><f>_xlfn.ISFORMULA(Relaties!H6)</f><v>1</v></c>', '<c r="C1" t="str"><f>Relaties!H6&amp;"|"</f><v>|</v></c>'])) },
    ],
    // Cadans wrote H2:H4 over the master and two children; H5:H7 keep their formula, written out.
    rewritten: Object.fromEntries([5, 6, 7].map((r) => [`H${r}`, `<c r="H${r}" t="str"><f>IF(A${r}="","",A${r}&amp;"?")</f><v></v></c>`])),
    csv: (rel, own) => {
      expect(rel.slice(1, 4).map((r) => r[5])).toEqual(['11', '12', '12']);
      expect(own[0].slice(0, 3)).toEqual(['Formule in H6', 'TRUE', '|']);
    },
  },
  {
    name: 'formulas saved without results (as openpyxl writes them) in columns Cadans does not read',
    tabs: [
      {
        name: 'Relaties',
        xml: worksheet(headerRow() + relationRows(['<c r="F2"><f>LEN(B2)</f><v></v></c>', '<c r="F3"><f>LEN(B3)&amp;" tekens"</f><v/></c>', '<c r="F4"><f>UPPER(A4)</f></c>'])),
      },
      { name: 'Eigen', xml: worksheet(row(1, [text('A1', 'Te laat'), '<c r="B1"><f>COUNTIF(Relaties!H:H,"te laat")</f><v></v></c>'])) },
    ],
    csv: (rel) => expect(rel.slice(1, 4).map((r) => r[5])).toEqual(['11', '12 tekens', 'R3']),
  },
];

interface Ran {
  dir: string;
  input: string;
  output: string;
  code: number;
  stdout: string;
  stderr: string;
}

const ran = new Map<string, Ran>();
let rendered: Map<string, Map<string, string[][]>> | null = null;
const LIBREOFFICE_TEMPLATE = join(__dirname, '../corpus/libreoffice-template.xlsx');

beforeAll(async () => {
  const root = mkdtempSync(join(tmpdir(), 'cadans-corpus-'));
  let n = 0;
  const runs = CASES.map(async (c) => {
    const dir = join(root, `case-${n++}`);
    mkdirSync(dir);
    const input = join(dir, 'team.xlsx');
    await writePackage(input, handWrittenParts(c.tabs, { sharedStrings: c.sharedStrings }));
    const result = await cadans(['--workbook', input, '--today', TODAY, '--out', join(dir, 'out')]);
    ran.set(c.name, { dir, input, output: join(dir, 'out', 'team.xlsx'), ...result });
  });
  await Promise.all(runs);
  const lo = join(root, 'lo');
  mkdirSync(lo);
  // A copy of the template: the run keeps its lock and journal beside its input, never in the repo.
  mkdirSync(join(root, 'lo-input'));
  const loInput = join(root, 'lo-input', 'libreoffice-template.xlsx');
  copyFileSync(LIBREOFFICE_TEMPLATE, loInput);
  const result = await cadans(['--workbook', loInput, '--today', '2026-12-01', '--out', lo]);
  ran.set('libreoffice', { dir: lo, input: loInput, output: join(lo, 'libreoffice-template.xlsx'), ...result });
  if (SOFFICE) {
    const paths = [...ran.values()].flatMap((r) => [r.input, r.output]).filter((p) => existsSync(p));
    rendered = await renderCsv(paths);
  }
}, 180_000);

/** Cadans's colour rule over the cells it cannot read, and the drawing that shows its notes on them (issue 14). */
const MARK_RULE = /<conditionalFormatting sqref="[^"]*"><cfRule type="expression" dxfId="\d+" priority="\d+"><formula>ISTEXT\(&quot;cadans:mark&quot;\)<\/formula><\/cfRule><\/conditionalFormatting>|<legacyDrawing (?:xmlns:cr="[^"]*" cr|r):id="rId\d+"\/>/g;

/** Every part of the input in the output: byte for byte, or (for the parts Cadans patches) each original tag kept in order. */
async function expectPartsKept(input: string, output: string, sheets: Map<string, { cadans: string[]; rewritten?: Record<string, string> }>): Promise<void> {
  const before = await readParts(input);
  const after = await readParts(output);
  for (const [name, bytes] of before) {
    expect(after.has(name), name).toBe(true);
    const sheet = sheets.get(name);
    if (sheet) {
      const a = sheetCells(bytes.toString('utf8'));
      // Cadans's colour rule on the cells it cannot read (issue 14) stands on its own after sheetData.
      const b = sheetCells(after.get(name)!.toString('utf8').replace(MARK_RULE, ''));
      expect(b.outside, `${name} outside sheetData`).toBe(a.outside);
      for (const [ref, xml] of a.cells) {
        if (sheet.cadans.includes(columnOf(ref)) && ref !== `${columnOf(ref)}1`) continue;
        expect(b.cells.get(ref), `${name} ${ref}`).toBe(sheet.rewritten?.[ref] ?? xml);
      }
      for (const ref of b.cells.keys()) if (!a.cells.has(ref)) expect(sheet.cadans, `${name}: new cell ${ref}`).toContain(columnOf(ref));
    } else if (['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', '[Content_Types].xml', 'xl/styles.xml'].includes(name)) {
      // Cadans adds (a tab, a date format, calcPr) and drops only the calculation chain; every other tag stays as it was, in order.
      // calcPr gains fullCalcOnLoad="1" (checked on its own); cellXfs and numFmts their new count, and
      // fonts and dxfs too (issue 14: the generated tabs' bold and italic fonts and colour-rule formats,
      // and the colour of a cell Cadans cannot read).
      const tags = (xml: string) => xml.match(/<[^>]+>/g)!.filter((t) => !/calcChain/.test(t) && !/^<(cellXfs|numFmts|fonts|dxfs|calcPr)[ />]/.test(t));
      const kept = tags(after.get(name)!.toString('utf8'));
      let at = 0;
      for (const tag of tags(bytes.toString('utf8'))) {
        const found = kept.indexOf(tag, at);
        expect(found, `${name}: ${tag}`).toBeGreaterThanOrEqual(0);
        at = found + 1;
      }
    } else if (name.startsWith('xl/worksheets/')) {
      // A tab Cadans only reads is kept byte for byte, but for its colour rule on the cells it cannot
      // read (issue 14), which stands on its own after sheetData.
      expect(after.get(name)!.toString('utf8').replace(MARK_RULE, ''), name).toBe(bytes.toString('utf8'));
    } else {
      expect(after.get(name)!.equals(bytes), name).toBe(true);
    }
  }
}

describe.each(CASES.map((c) => [c.name, c] as const))('a workbook with %s', (name, c) => {
  it('runs, and Cadans writes the right next contact, status and days overdue', async () => {
    const r = ran.get(name)!;
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Relaties: 3');
    expect(r.stdout).toContain('Problemen: 0');
    const out = (await XlsxFile.open(r.output)).sheet('Relaties').readAll();
    expect(out[0]).toEqual(HEADER);
    expect(out.slice(1, 4).map((row) => row.slice(6, 9))).toEqual(EXPECTED);
  });

  it("keeps every other cell, formula, style and part as it was, and asks for recalculation on load", async () => {
    const r = ran.get(name)!;
    await expectPartsKept(r.input, r.output, new Map([['xl/worksheets/sheet1.xml', { cadans: CADANS_COLUMNS, rewritten: c.rewritten }]]));
    const workbook = (await readParts(r.output)).get('xl/workbook.xml')!.toString('utf8');
    expect(workbook).toContain('<calcPr fullCalcOnLoad="1"/></workbook>');
  });

  it.runIf(SOFFICE)('opens in LibreOffice with the same tabs and cells, and Cadans’s values in its columns', () => {
    const r = ran.get(name)!;
    const before = rendered!.get(r.input)!;
    const after = rendered!.get(r.output)!;
    expect([...after.keys()].sort()).toEqual([...before.keys(), 'Vandaag', 'KPI', 'Risico', 'Historie', 'Kwartaal', 'Log'].sort());
    const relBefore = before.get('Relaties')!;
    const relAfter = after.get('Relaties')!;
    relBefore.forEach((line, i) => {
      const strip = (cells: string[]) => cells.map((v, j) => (i > 0 && j >= 6 && j <= 8 ? '' : v));
      if (c.rewritten && i >= 4) return; // the shared formula's own rows: checked below
      expect(strip(relAfter[i]).slice(0, 6), `Relaties row ${i + 1}`).toEqual(strip(line).slice(0, 6));
    });
    expect(relAfter.slice(1, 4).map((line) => line.slice(6, 9))).toEqual(EXPECTED_CSV);
    // The team's formula over the Status column, recalculated on load: one relationship is late.
    const own = after.get('Eigen')!;
    if (c.name.startsWith('comments') || c.name.startsWith('single') || c.name.startsWith('namespace') || c.name.startsWith('shared strings') || c.name.startsWith('formulas')) expect(own[0].slice(0, 2)).toEqual(['Te laat', '1']);
    c.csv?.(relAfter, own);
  });
});

describe('the LibreOffice-saved template with the team’s own content', () => {
  it('runs and computes every relationship', async () => {
    const r = ran.get('libreoffice')!;
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Relaties: 15');
    const rows = (await XlsxFile.open(r.output)).sheet('Relaties').readAll();
    const status = rows[0].indexOf('Status');
    expect(rows.slice(1).map((line) => line[status])).toEqual(expect.arrayContaining(['nooit', 'te laat', 'binnenkort', 'op schema', 'inactief']));
  });

  it("keeps every cell outside Cadans's columns, every style and every part as LibreOffice wrote it", async () => {
    const r = ran.get('libreoffice')!;
    // Relaties: X..AC are Cadans's (Volgend contact ... Waarom); Pipeline: O (BANT); Instellingen: the value column (only
    // Vandaag may change, checked below); Log: Cadans's own rows, appended under the team's header.
    await expectPartsKept(
      r.input,
      r.output,
      new Map([
        ['xl/worksheets/sheet1.xml', { cadans: ['X', 'Y', 'Z', 'AA', 'AB', 'AC'] }],
        ['xl/worksheets/sheet3.xml', { cadans: ['B'] }],
        ['xl/worksheets/sheet4.xml', { cadans: ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J'] }],
        // Pipeline: BANT, and the Go/no-go, its Waarom and Fase sinds that a refresh adds to a filled tab (issue 13).
        ['xl/worksheets/sheet6.xml', { cadans: ['O', 'P', 'Q', 'R'] }],
      ]),
    );
    const workbook = (await readParts(r.output)).get('xl/workbook.xml')!.toString('utf8');
    expect(workbook).toContain('<calcPr iterateCount="100" refMode="A1" iterate="false" iterateDelta="0.0001" fullCalcOnLoad="1"/>');
    const settings = (await XlsxFile.open(r.output)).sheet('Instellingen').readAll();
    const before = (await XlsxFile.open(r.input)).sheet('Instellingen').readAll();
    const vandaag = settings.findIndex((line) => line[0] === 'Vandaag');
    expect(settings[vandaag][1]).toEqual(utc(2026, 12, 1));
    expect(settings.filter((_, i) => i !== vandaag)).toEqual(before.filter((_, i) => i !== vandaag));
  });

  it.runIf(SOFFICE)('opens in LibreOffice with the team’s columns and tab as they were, their formulas recalculated over Cadans’s values', () => {
    const r = ran.get('libreoffice')!;
    const before = rendered!.get(r.input)!;
    const after = rendered!.get(r.output)!;
    const rel = after.get('Relaties')!;
    const header = rel[0];
    const own = header.indexOf('Onze notitie');
    expect(own).toBeGreaterThan(0);
    expect(rel.map((line) => line.slice(0, 23))).toEqual(before.get('Relaties')!.map((line) => line.slice(0, 23)));
    expect(rel.map((line) => line.slice(own, own + 2))).toEqual(before.get('Relaties')!.map((line) => line.slice(own, own + 2)));
    expect(rel[1].slice(own, own + 2)).toEqual(['eigen tekst 2 & <meer>', '16']);
    const status = header.indexOf('Status');
    const count = (word: string) => String(rel.slice(1).filter((line) => line[status] === word).length);
    expect(after.get('Eigen overzicht')!.map((line) => line.slice(0, 2))).toEqual([
      ['Te laat volgens Cadans', count('te laat')],
      ['Nooit gesproken', count('nooit')],
    ]);
    expect(Number(count('te laat'))).toBeGreaterThan(0);
  });
});

// ---- Files refused ------------------------------------------------------------------------------

async function refused(path: string): Promise<{ code: number; stderr: string; out: string }> {
  const out = `${path}-out`;
  const r = await cadans(['--workbook', path, '--today', TODAY, '--out', out]);
  return { code: r.code, stderr: r.stderr.trim(), out };
}

describe('files Cadans cannot update safely are refused: one clear line, exit code 2, nothing written', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cadans-refused-'));
  const relaties = (extra = ''): Tab => ({ name: 'Relaties', xml: worksheet(headerRow() + relationRows() + extra) });

  it('a truncated sheet part', async () => {
    const path = join(dir, 'truncated.xlsx');
    const xml = relaties().xml;
    await writePackage(path, handWrittenParts([{ name: 'Relaties', xml: xml.slice(0, xml.indexOf('<row r="3">') + 20) }]));
    const r = await refused(path);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `cadans: Cannot update workbook ${path}: the tab "Relaties" (xl/worksheets/sheet1.xml) is not well-formed XML: <c> is never closed (the part is truncated or damaged); open the file in Excel or LibreOffice, save it, and run again`,
    );
    expect(existsSync(join(r.out, 'truncated.xlsx'))).toBe(false);
  });

  it('a tab whose part is missing (a Log listed in the workbook, its part gone)', async () => {
    const path = join(dir, 'missing.xlsx');
    await writePackage(path, handWrittenParts([relaties(), { name: 'Log', xml: worksheet('') }], { missing: ['xl/worksheets/sheet2.xml'] }));
    const r = await refused(path);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `cadans: Cannot read workbook ${path}: the tab "Log" is listed in the workbook but its part xl/worksheets/sheet2.xml is missing; the file is damaged. Open it in Excel or LibreOffice, save it, and run again`,
    );
    expect(existsSync(join(r.out, 'missing.xlsx'))).toBe(false);
  });

  it('a formula without a saved result in a column Cadans reads: the cell is named', async () => {
    const path = join(dir, 'uncached.xlsx');
    const xml = relaties().xml.replace(`<c r="E2" s="1"><v>${serial(2026, 10, 1)}</v></c>`, '<c r="E2" s="1"><f>DATE(2026,10,1)</f><v></v></c>');
    await writePackage(path, handWrittenParts([{ name: 'Relaties', xml }]));
    const r = await refused(path);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `cadans: ${path}: a cell Cadans reads holds a formula saved without its result (as files written by scripts such as openpyxl are):\n  Relaties!E2 (Laatste contact): =DATE(2026,10,1)\nOpen the file in Excel or LibreOffice and save it, so the results are stored, then run again.`,
    );
  });

  it('a value in the last column (XFD), where Cadans would have to add its columns past the edge', async () => {
    const path = join(dir, 'xfd.xlsx');
    const header = row(1, [...HEADER.slice(0, 6).map((h, i) => text(`${String.fromCharCode(65 + i)}1`, h)), text('XFD1', 'helemaal rechts')]);
    await writePackage(path, handWrittenParts([{ name: 'Relaties', xml: worksheet(header + relationRows()) }]));
    const r = await refused(path);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `cadans: Cannot update workbook ${path}: Cadans cannot add its columns to the tab "Relaties": they would go past column XFD, the last column a spreadsheet has (the tab uses columns up to XFD). Delete the unused columns at the right of "Relaties" (or add Cadans\'s column headers yourself) and run again`,
    );
    expect(existsSync(join(r.out, 'xfd.xlsx'))).toBe(false);
  });

  it('a title row above the headers: the message says where the headers must be', async () => {
    const path = join(dir, 'title.xlsx');
    const shifted = (headerRow() + relationRows()).replace(/ r="([A-Z]*)(\d+)"/g, (_, col: string, r: string) => ` r="${col}${Number(r) + 2}"`);
    await writePackage(path, handWrittenParts([{ name: 'Relaties', xml: worksheet(row(1, [text('A1', 'Relaties van Bureau Lindeboom')]) + shifted) }]));
    const r = await refused(path);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `cadans: ${path}: the tab "Relaties" has its column headers in row 3, but Cadans reads them from row 1. Delete the row(s) above the headers (a title row), or move the title to another tab, and run again`,
    );
  });

  it('an encrypted workbook and an old .xls file, each with its own message', async () => {
    const ole = Buffer.alloc(2048);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole);
    const encrypted = Buffer.from(ole);
    Buffer.from('EncryptionInfo', 'utf16le').copy(encrypted, 1024);
    writeFileSync(join(dir, 'geheim.xlsx'), encrypted);
    writeFileSync(join(dir, 'oud.xls'), ole);
    const a = await refused(join(dir, 'geheim.xlsx'));
    expect(a.code).toBe(2);
    expect(a.stderr).toBe(
      `cadans: Cannot read workbook ${join(dir, 'geheim.xlsx')}: the file is protected with a password (encrypted), so Cadans cannot read it. Open it in Excel, remove the password (File > Info > Protect Workbook), save it, and run again`,
    );
    const b = await refused(join(dir, 'oud.xls'));
    expect(b.code).toBe(2);
    expect(b.stderr).toBe(
      `cadans: Cannot read workbook ${join(dir, 'oud.xls')}: this is an old Excel 97-2003 workbook (.xls), not an .xlsx. Open it in Excel or LibreOffice, save it as Excel Workbook (.xlsx), and run again`,
    );
  });
});

it('the corpus template is the LibreOffice-saved file it claims to be', async () => {
  const app = (await readParts(LIBREOFFICE_TEMPLATE)).get('docProps/app.xml')!.toString('utf8');
  expect(app).toContain('<Application>LibreOffice/');
});
