// Issue 14, "one language throughout": a workbook made by `cadans init --lang en` runs end to end
// (`cadans run`: the summary, the output .xlsx's every cell and tab name, report.html, every .eml)
// with no Dutch word in any of it. The Dutch words are the ones the product itself uses: every word
// of the Dutch catalogue and of the Dutch tab, column and setting names, less those that English
// writes the same (they appear in the English catalogue or names too) and less a short list below.

import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_PIPELINE, SAMPLE_RELATIONS, SAMPLE_TEAM } from '../../sheets-templates/sample';
import { SETTING_DEFS } from '../../sheets-templates/settings';
import { HISTORY, KPI_TAB, PIPELINE_HISTORY, QUARTER_TAB, RISK_TAB, TABS, TODAY_TAB } from '../../sheets-templates/tabs';
import { CATALOGUES } from '../../src/i18n/catalogue';
import { run } from '../../src/local/cli';
import { XlsxFile } from '../../src/local/xlsx-file';
import { parseEml } from '../mail/fixture';
import { withWorkbookName } from '../../src/workbook/names';

/** Every string in a nested catalogue object. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

const WORD = /\p{L}[\p{L}'’-]*/gu;
const words = (text: string) => (text.replace(/\{[^}]*\}/g, ' ').match(WORD) ?? []).map((w) => w.toLowerCase().replace(/['’-]+$/, ''));

const TAB_DEFS = [...TABS, TODAY_TAB, KPI_TAB, RISK_TAB, QUARTER_TAB, HISTORY, PIPELINE_HISTORY];
const names = (language: 'nl' | 'en') => [
  ...TAB_DEFS.flatMap((t) => [t[language], ...t.columns.flatMap((c) => [c[language], ...(c.validation?.[language] ?? [])])]),
  ...SETTING_DEFS.flatMap((d) => [d[language], d.explanation[language], typeof d.defaultValue === 'object' && d.defaultValue ? d.defaultValue[language] : '']),
];

/**
 * Dutch words that an English text may hold all the same: the playbook's own Dutch-agency terms
 * the English side uses as they are, and words that are English too but happen not to occur in the
 * English catalogue.
 */
const SHARED = new Set(['a', 'bant', 'hr', 'it', 'kpi', 'id', 'hhi', 'spin', 'go', 'no-go', 'email', 'e-mail', 'check-in', 'business', 'en', 'nl', 'min', 'max', 'q', 'ma-vr', 'met']);

const english = new Set([...strings(CATALOGUES.en), ...names('en')].flatMap(words));
const DUTCH_WORDS: readonly string[] = [...new Set([...strings(CATALOGUES.nl), ...names('nl')].flatMap(words))]
  .filter((w) => w.length > 1 && !english.has(w) && !SHARED.has(w))
  .sort();

/** The sample's own names of people and organisations: the team's data, not the product's words. */
const SAMPLE_NAMES = [
  ...SAMPLE_RELATIONS.flatMap((r) => [r[1], r[2] === 'Klant' ? r[3] : null, r[4]]),
  ...SAMPLE_PIPELINE.flatMap((r) => [r[0], r[1]]),
  ...SAMPLE_TEAM.members,
  SAMPLE_TEAM.domain,
  'Waterschap Rijnvallei',
  'Amersfoort',
].filter((n): n is string => typeof n === 'string' && n !== '');

function dutchIn(where: string, text: string): string[] {
  let rest = text;
  for (const name of [...SAMPLE_NAMES].sort((a, b) => b.length - a.length)) rest = rest.split(name).join(' ');
  const found = new Set(words(rest).filter((w) => DUTCH_WORDS.includes(w)));
  return [...found].map((w) => `${where}: ${w}`);
}

/** The day every init and run in this file happens: the sample is dated relative to init's day. */
const now = new Date(Date.UTC(2026, 10, 24, 7));

describe('an English workbook from cadans init --lang en', () => {
  let dir: string;
  let out: string;
  let summary: string[];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cadans-en-'));
    out = join(dir, 'out');
    expect(await run(['init', join(dir, 'team.xlsx'), '--lang', 'en'], () => {}, now)).toBe(0);
    summary = [];
    expect(await run(['run', '--workbook', join(dir, 'team.xlsx'), '--today', '2026-11-24', '--out', out], (l) => summary.push(l), now)).toBe(0);
  });

  it('has a list of Dutch words to look for that holds the product\'s words and none that English shares', () => {
    for (const w of ['relaties', 'instellingen', 'vandaag', 'historie', 'kwartaal', 'nooit', 'binnenkort', 'uitstellen', 'ochtendmail', 'verstuurd', 'geschreven', 'rij', 'eigenaar', 'klant', 'kandidaat', 'ja', 'nee']) {
      expect(DUTCH_WORDS).toContain(w);
    }
    for (const w of ['status', 'tier', 'team', 'pipeline', 'log', 'referrals']) expect(DUTCH_WORDS).not.toContain(w);
  });

  it('prints its summary in English', () => {
    expect(summary[0]).toBe('Cadans: team.xlsx on 24-11-2026');
    expect(summary.flatMap((l) => dutchIn('summary', l))).toEqual([]);
  });

  it('writes a workbook with English tab names and no Dutch word in any cell', async () => {
    const book = await XlsxFile.open(join(out, 'team.xlsx'));
    expect(book.sheetNames()).toEqual(['Relations', 'Touchpoints', 'Settings', 'Log', 'Actions', 'Pipeline', 'Conversation questions', 'Organisations', 'Team', 'Pipeline history', 'Today', 'KPI', 'Risk', 'Account history', 'Quarter']);
    const found: string[] = [];
    for (const name of book.sheetNames()) {
      found.push(...dutchIn(`tab name ${name}`, name));
      book.sheet(name).readAll().forEach((row, r) =>
        row.forEach((cell, c) => {
          // The question bank holds both languages' questions on purpose; its Dutch rows say Language nl.
          if (name === 'Conversation questions' && row[3] === 'nl') return;
          if (typeof cell === 'string') found.push(...dutchIn(`${name}!R${r + 1}C${c + 1}`, cell));
        }),
      );
    }
    expect(found).toEqual([]);
  });

  it('writes no Dutch word in the workbook\'s notes, charts or drawings either', async () => {
    const zip = await JSZip.loadAsync(readFileSync(join(out, 'team.xlsx')));
    const parts = Object.keys(zip.files).filter((n) => /^xl\/(comments|threadedComments|charts\/|drawings\/)/.test(n) && n.endsWith('.xml'));
    const found: string[] = [];
    for (const part of parts) {
      const xml = await zip.file(part)!.async('string');
      found.push(...dutchIn(part, xml.replace(/<[^>]+>/g, ' ')));
    }
    expect(found).toEqual([]);
  });

  it('offers its drop-downs with the English words first (the Dutch ones still accepted)', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(dir, 'team.xlsx'));
    const relations = book.getWorksheet('Relations')!;
    expect(relations.getCell('C2').dataValidation.formulae).toEqual(['"Client,Candidate,Klant,Kandidaat"']);
    expect(relations.getCell('L2').dataValidation.formulae).toEqual(['"yes,no,ja,nee"']);
  });

  it('checks and fills organisations in English too (cadans check, cadans organisations)', async () => {
    const check: string[] = [];
    await run(['check', '--workbook', join(dir, 'team.xlsx')], (l) => check.push(l));
    expect(check.length).toBeGreaterThan(3);
    const organisations: string[] = [];
    expect(await run(['organisations', '--workbook', join(dir, 'team.xlsx'), '--out', join(dir, 'filled')], (l) => organisations.push(l), now)).toBe(0);
    expect(organisations.at(-1)).toBe(`Written: ${join(dir, 'filled', 'team.xlsx')}`);
    expect([...check, ...organisations].flatMap((l) => dutchIn('terminal', l))).toEqual([]);
  });

  it('writes report.html with no Dutch word', () => {
    const html = readFileSync(join(out, 'report.html'), 'utf8').replace(/<style[\s\S]*?<\/style>/g, ' ').replace(/<[^>]+>/g, ' ');
    expect(dutchIn('report.html', html)).toEqual([]);
  });

  it('writes every morning mail with no Dutch word in subject, text or HTML', async () => {
    const files = readdirSync(join(out, 'outbox'));
    expect(files).toHaveLength(3);
    const found: string[] = [];
    for (const file of files) {
      const mail = await parseEml(readFileSync(join(out, 'outbox', file)), file);
      found.push(...dutchIn(`${file} subject`, mail.parsed.subject ?? ''), ...dutchIn(`${file} text`, mail.parsed.text ?? ''));
      found.push(...dutchIn(`${file} html`, String(mail.parsed.html).replace(/<style[\s\S]*?<\/style>/g, ' ').replace(/<[^>]+>/g, ' ')));
    }
    expect(found).toEqual([]);
  });
});

/** A copy of `from` with its Taal / Language setting changed: the names stay as setup made them. */
async function withLanguage(from: string, to: string, language: 'nl' | 'en', options: { noTeam?: boolean } = {}): Promise<void> {
  const book = await XlsxFile.open(from);
  const name = book.sheetNames().find((n) => n === 'Instellingen' || n === 'Settings')!;
  const rows = book.sheet(name).readAll();
  const row = rows.findIndex((r) => r[0] === 'Taal' || r[0] === 'Language') + 1;
  book.sheet(name).write(row, 2, [[language]]);
  if (options.noTeam) book.sheet(name).write(rows.findIndex((r) => r[0] === 'Team') + 1, 2, [['']]);
  writeFileSync(to, await book.toBuffer());
}

describe('either language\'s names are read, and messages name the columns as the workbook has them', () => {
  const footer = async (outbox: string) => {
    const [file] = readdirSync(outbox).sort();
    const mail = await parseEml(readFileSync(join(outbox, file)), file);
    return (mail.parsed.text ?? '').trim().split('\n').at(-1);
  };

  it('runs a Dutch workbook switched to English: an English summary and mail that name its Dutch column', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cadans-en-'));
    expect(await run(['init', join(dir, 'nl.xlsx')], () => {}, now)).toBe(0);
    await withLanguage(join(dir, 'nl.xlsx'), join(dir, 'team.xlsx'), 'en');
    const lines: string[] = [];
    expect(await run(['run', '--workbook', join(dir, 'team.xlsx'), '--today', '2026-11-24', '--out', join(dir, 'out')], (l) => lines.push(l), now)).toBe(0);
    expect(lines.slice(0, 3)).toEqual(['Cadans: team.xlsx on 24-11-2026', 'Relations: 15', '  never 2 · overdue 4 · due soon 3 · on track 5 · inactive 1']);
    expect(lines).toContain(`cadans run: 3 morning mails written to ${join(dir, 'out', 'outbox')}`);
    expect(await footer(join(dir, 'out', 'outbox'))).toBe('Sent by Cadans. Snooze? Fill in "Uitstellen tot" for the relationship.');
    expect(lines).toContain("  Touchpoints, row 57, Relatie-ID (B): 'R099': no relation with this ID in Relaties");
    // The agendas setup wrote in Dutch follow Taal = en: the mail is English but for the team's own words.
    const mails = await Promise.all(readdirSync(join(dir, 'out', 'outbox')).map((f) => parseEml(readFileSync(join(dir, 'out', 'outbox', f)), f)));
    const text = mails.map((m) => m.parsed.text ?? '').join('\n');
    expect(text).toContain('Business check-in (20 min): how the organisation develops');
    expect(text).not.toContain('hoe ontwikkelt de organisatie zich');
  });

  it('runs an English workbook switched to Dutch: the same counts, and a Dutch mail that names its English column', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cadans-en-'));
    expect(await run(['init', join(dir, 'en.xlsx'), '--lang', 'en'], () => {}, now)).toBe(0);
    await withLanguage(join(dir, 'en.xlsx'), join(dir, 'team.xlsx'), 'nl');
    const lines: string[] = [];
    expect(await run(['run', '--workbook', join(dir, 'team.xlsx'), '--today', '2026-11-24', '--out', join(dir, 'out')], (l) => lines.push(l), now)).toBe(0);
    expect(lines.slice(0, 3)).toEqual(['Cadans: team.xlsx op 24-11-2026', 'Relaties: 15', '  nooit 2 · te laat 4 · binnenkort 3 · op schema 5 · inactief 1']);
    expect(lines).toContain(`cadans run: 3 ochtendmails geschreven naar ${join(dir, 'out', 'outbox')}`);
    expect(await footer(join(dir, 'out', 'outbox'))).toBe('Verstuurd door Cadans. Uitstellen? Vul "Snooze until" in bij de relatie.');
  });

  it('points at the settings tab by the name the workbook has', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cadans-en-'));
    expect(await run(['init', join(dir, 'nl.xlsx')], () => {}, now)).toBe(0);
    await withLanguage(join(dir, 'nl.xlsx'), join(dir, 'team.xlsx'), 'en', { noTeam: true });
    const lines: string[] = [];
    expect(await run(['run', '--workbook', join(dir, 'team.xlsx'), '--today', '2026-11-24', '--out', join(dir, 'out')], (l) => lines.push(l), now)).toBe(0);
    expect(lines.at(-1)).toBe("No team set (Instellingen > Team): no morning mail was sent. Fill in the team's addresses or domain there (e.g. @agency.com).");
  });

  it('gives a message the header the workbook has, in either direction, and leaves it alone without one', () => {
    const absentFrom = TABS.find((t) => t.key === 'team')!.columns.find((c) => c.key === 'absentFrom')!;
    expect(withWorkbookName('is before Absent from; Cadans skips this absence', absentFrom, 'Afwezig van')).toBe('is before Afwezig van; Cadans skips this absence');
    expect(withWorkbookName('ligt vóór Afwezig van; Cadans slaat deze afwezigheid over', absentFrom, ' Away from ')).toBe('ligt vóór Away from; Cadans slaat deze afwezigheid over');
    expect(withWorkbookName('is before Absent from; Cadans skips this absence', absentFrom, null)).toBe('is before Absent from; Cadans skips this absence');
  });
});
