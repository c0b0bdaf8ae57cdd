import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { run, UsageError } from '../../src/local/cli';

const exec = promisify(execFile);
const BIN = join(__dirname, '../../bin/cadans.mjs');
const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

function tmp(): string {
  return mkdtempSync(join(tmpdir(), 'cadans-cli-'));
}

async function load(path: string): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  return book;
}

/** A team's export as Google Sheets writes it: Dutch headers in its own order, a column of its own. */
async function teamExport(path: string): Promise<void> {
  const book = new ExcelJS.Workbook();
  const rel = book.addWorksheet('Relaties');
  rel.addRow(['Naam', 'ID', 'Tier', 'Laatste contact', 'Eigenaar', 'Onze eigen kolom', 'Actief', 'Volgend contact', 'Status', 'Dagen te laat', 'Jaaromzet']);
  rel.addRow(['Waterschap Rijnvallei', 'R1', 'A', utc(2026, 1, 31), 'sanne@bureau.nl', 'houden', 'ja', '', '', '', '€ 12.500,00']);
  rel.addRow(['Zorggroep Middenland', 'R2', 'b-klant', '3-8-2026', 'joris@bureau.nl', { formula: 'LEN(A3)', result: 20 }, '', '', '', '', 64000]);
  rel.addRow(['Gemeente Heuvelrug', 'R3', 'C', '', 'joris@bureau.nl', 'nog bellen', 'ja', '', '', '', '']);
  rel.addRow(['Bakkerij De Graanschuur', 'R4', 'Tier C', utc(2026, 1, 10), 'amira@bureau.nl', '', 'nee', '', '', '', '4.200']);
  rel.addRow(['Jeroen de Boer', 'R5', 'A', 'vorige week', 'sanne@bureau.nl', '=HYPERLINK("x")', 'ja', '', '', '', '']);
  rel.addRow(['TechNova', 'R6', 'B', utc(2026, 9, 1), 'amira@bureau.nl', '', 'ja', '', '', '', '']);
  const tp = book.addWorksheet('Touchpoints');
  tp.addRow(['Datum', 'Relatie-ID', 'Soort', 'Duur (min)', 'Eigenaar', 'Notities']);
  tp.addRow([utc(2026, 10, 20), 'R1', 'Check-in', 20, 'sanne@bureau.nl', 'later dan de cel: telt']);
  tp.addRow([utc(2026, 12, 1), 'R6', 'Gepland', 15, 'amira@bureau.nl', 'na vandaag: telt nog niet']);
  tp.addRow([utc(2026, 11, 2), 'R404', 'Telefoon', 10, 'amira@bureau.nl', 'onbekend ID']);
  await book.xlsx.writeFile(path);
}

describe('cadans run on a team export', () => {
  let dir: string;
  let output: string[];
  let result: ExcelJS.Workbook;

  beforeAll(async () => {
    dir = tmp();
    await teamExport(join(dir, 'team.xlsx'));
    output = [];
    const code = await run(['run', '--workbook', join(dir, 'team.xlsx'), '--today', '2026-11-24', '--out', join(dir, 'out')], (l) => output.push(l));
    expect(code).toBe(0);
    result = await load(join(dir, 'out', 'team.xlsx'));
  });

  const cell = (row: number, col: number) => result.getWorksheet('Relaties')!.getRow(row).getCell(col).value;

  it('writes next contact, status and days overdue for every relationship', () => {
    // R1: touchpoint 20 Oct beats the 31 Jan cell; A = 1 month: 20 Nov, 4 days overdue on 24 Nov.
    expect([cell(2, 8), cell(2, 9), cell(2, 10)]).toEqual([utc(2026, 11, 20), 'te laat', 4]);
    // R2: 3-8-2026 is 3 August in nl; B = 3 months: 3 Nov, 21 days overdue.
    expect([cell(3, 8), cell(3, 9), cell(3, 10)]).toEqual([utc(2026, 11, 3), 'te laat', 21]);
    // R3: never contacted: due today.
    expect([cell(4, 8), cell(4, 9), cell(4, 10)]).toEqual([utc(2026, 11, 24), 'nooit', 0]);
    // R4: not active.
    expect([cell(5, 8), cell(5, 9), cell(5, 10)]).toEqual([null, 'inactief', null]);
    // R6: 1 Sep + 3 months = 1 Dec, within 7 days; the touchpoint planned for 1 Dec does not count yet.
    expect([cell(7, 8), cell(7, 9), cell(7, 10)]).toEqual([utc(2026, 12, 1), 'binnenkort', 0]);
  });

  it("leaves the team's own columns exactly as they were", () => {
    expect([cell(2, 6), cell(3, 6), cell(4, 6), cell(6, 6)]).toEqual(['houden', { formula: 'LEN(A3)', result: 20 }, 'nog bellen', '=HYPERLINK("x")']);
    expect([cell(3, 4), cell(6, 4), cell(2, 11)]).toEqual(['3-8-2026', 'vorige week', '€ 12.500,00']);
  });

  it('reports each problem with its place and still computes the other rows', () => {
    const problems = output.filter((l) => l.startsWith('  Relaties') || l.startsWith('  Touchpoints'));
    expect(problems).toEqual([
      "  Relaties, rij 6, Laatste contact (D): 'vorige week': geen geldige datum; verwacht bijvoorbeeld 3-2-2026, 2026-02-03 of een datumcel (jaar 1900-9999)",
      "  Touchpoints, rij 4, Relatie-ID (B): 'R404': geen relatie met dit ID in Relaties",
    ]);
    expect(output).toContain('  nooit 2 · te laat 2 · binnenkort 1 · op schema 0 · inactief 1');
  });

  it('records the run and its problems in the Log tab', () => {
    const log = result.getWorksheet('Log')!;
    const rows = log.getSheetValues().slice(1).map((r) => (r as unknown[]).slice(1));
    expect(rows[0]).toEqual(['Tijdstip', 'Soort', 'Blad', 'Rij', 'Kolom', 'Waarde', 'Melding', 'Datum', 'Eigenaar', 'Aantal']);
    expect(rows[1][1]).toBe('run');
    expect(rows[1][6]).toBe('cadans run: 6 relaties, 2 nooit, 2 te laat, 1 binnenkort, 0 op schema, 1 inactief, 2 problemen');
    expect(rows[2].slice(1, 7)).toEqual(['probleem', 'Relaties', 6, 'Laatste contact (D)', 'vorige week', 'geen geldige datum; verwacht bijvoorbeeld 3-2-2026, 2026-02-03 of een datumcel (jaar 1900-9999)']);
    // No team in this export: the reminders say so instead of mailing anyone.
    expect(rows[rows.length - 1].slice(1, 7)).toEqual(['probleem', undefined, undefined, undefined, undefined, 'Geen team ingesteld (Instellingen > Team): er is geen ochtendmail verstuurd. Vul daar de adressen of het domein van het team in (bijv. @bureau.nl).']);
  });

  it('leaves the input file unchanged', async () => {
    const input = await load(join(dir, 'team.xlsx'));
    expect(input.getWorksheet('Relaties')!.getRow(2).getCell(9).value).toBe('');
    expect(input.getWorksheet('Log')).toBeUndefined();
  });
});

describe('cadans init', () => {
  it('writes the template with its sample team, and the run finds every status in it', async () => {
    const dir = tmp();
    const path = join(dir, 'relaties.xlsx');
    await run(['init', path], () => {});
    const book = await load(path);
    expect(book.worksheets.map((w) => w.name)).toEqual(['Relaties', 'Touchpoints', 'Instellingen', 'Log', 'Acties', 'Pipeline', 'Gespreksvragen', 'Organisaties', 'Team']);
    const header = (book.getWorksheet('Relaties')!.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual([
      'ID', 'Naam', 'Type', 'Organisatie', 'E-mail', 'Eigenaar', 'Tier', 'Laatste contact', 'Jaaromzet', 'Plaatsingen', 'Referrals', 'Actief', 'Notities', 'Uitstellen tot',
      'Klant sinds', 'Jaaromzet vorig jaar', 'Herhaalplaatsingen', 'Retainer per maand', 'Afdelingen bekend', 'Afdelingen bediend', 'Rode vlaggen', 'Kanssignalen', 'Rode vlag sinds',
      'Afdeling', 'Rol', 'Volgend contact', 'Status', 'Dagen te laat', 'Tier-advies', 'Gezondheid', 'Waarom', 'Voorgestelde contactdag', 'Laatste contact (berekend)',
    ]);
    expect(book.getWorksheet('Relaties')!.actualRowCount).toBe(16);
    const out: string[] = [];
    await run(['run', '--workbook', path, '--out', join(dir, 'out')], (l) => out.push(l));
    expect(out[1]).toBe('Relaties: 15');
    expect(out[2]).toMatch(/nooit [1-9]\d* · te laat [1-9]\d* · binnenkort [1-9]\d* · op schema [1-9]\d* · inactief 1/);
    // The conversation tabs: no actions yet, the seeded question bank (54 questions in each
    // language), and the sample pipeline, whose BANT column the run fills in.
    const rows = (sheet: string) => (book.getWorksheet(sheet)!.getSheetValues().slice(1) as unknown[][]).map((r) => r.slice(1));
    expect(rows('Acties')).toEqual([['Relatie-ID', 'Relatie', 'Eigenaar', 'Actie', 'Deadline', 'Gedaan', 'Aangemaakt']]);
    expect(rows('Gespreksvragen')).toHaveLength(1 + 2 * 54);
    expect(rows('Gespreksvragen')[1]).toEqual(['Organisatie in kaart', 'Klant', undefined, 'nl', 'Hoe ziet het organigram eruit, en welke afdelingen kennen we nog niet?']);
    const pipeline = rows('Pipeline');
    expect(pipeline.map((r) => r[0])).toEqual(['Organisatie', 'Omgevingsdienst Eemland', 'Fietsfabriek Velox', 'Stichting Cultuurhuis']);
    const ran = (await load(join(dir, 'out', 'relaties.xlsx'))).getWorksheet('Pipeline')!;
    expect([2, 3, 4].map((r) => ran.getRow(r).getCell(15).value)).toEqual(['ontbreekt: Beslisser, Tijdlijn', 'gekwalificeerd', 'ontbreekt: Budget, Beslisser, Tijdlijn']);
  });

  it('with --empty writes headers and settings only', async () => {
    const path = join(tmp(), 'leeg.xlsx');
    await run(['init', path, '--empty'], () => {});
    const book = await load(path);
    expect(book.getWorksheet('Relaties')!.actualRowCount).toBe(1);
    const settings = book.getWorksheet('Instellingen')!.getSheetValues().slice(2).map((r) => (r as unknown[])[1]);
    expect(settings).toEqual([
      'Taal', 'Maanden tussen contact, tier A', 'Maanden tussen contact, tier B', 'Maanden tussen contact, tier C', 'Venster binnenkort (dagen)',
      'Landinstelling', 'Tijdzone', 'Vandaag', 'Verzenddagen', 'Feestdagen overslaan', 'Verzenduur', 'Max. relaties per ochtendmail', 'Log bewaren (dagen)', 'Team', 'Minuten per dag', 'Planhorizon (dagen)',
      'Agenda klant A', 'Agenda klant B', 'Agenda klant C', 'Agenda kandidaat A', 'Agenda kandidaat B', 'Agenda kandidaat C',
      'Doel omzet uit bestaande relaties', 'Doel referrals per A-relatie per jaar', 'Doel behoud A- en B-klanten', 'Doel herhaalplaatsingen',
      'Doel voorstellen per week', 'Doel terugkerende omzet', 'Grens sleutelklant', 'Grens significante klant',
      'Kasreserve minimum (maanden)', 'Kasreserve ideaal (maanden)', 'Kasreserve (maanden)',
      'Vooruit geboekt minimum (dagen)', 'Vooruit geboekt ideaal (dagen)', 'Vooruit geboekt (dagen)',
      'Aandacht tier A', 'Aandacht tier B', 'Aandacht tier C',
      'Minuten touchpoint klant A', 'Minuten touchpoint klant B', 'Minuten touchpoint klant C',
      'Minuten touchpoint kandidaat A', 'Minuten touchpoint kandidaat B', 'Minuten touchpoint kandidaat C',
      'Tier-advies: grens A', 'Tier-advies: grens B',
      'Tier-advies kandidaat A: herhaalplaatsingen', 'Tier-advies kandidaat A: referrals', 'Tier-advies kandidaat B: plaatsingen',
      'Gezondheid: basis', 'Gezondheid: op schema', 'Gezondheid: te laat (max)', 'Gezondheid: nooit gesproken', 'Gezondheid: per rode vlag',
      'Gezondheid: per kanssignaal', 'Gezondheid: referrals', 'Gezondheid: herhaalplaatsingen', 'Gezondheid: tevredenheid na plaatsing', 'Gezondheid: recente waarde-add',
      'Historie: maanden bewaren',
      'Go/no-go gewicht: plezier', 'Go/no-go gewicht: brengt ons verder', 'Go/no-go gewicht: betaalgedrag', 'Go/no-go gewicht: regie', 'Go/no-go gewicht: werktest',
      'Go/no-go gewicht: budget', 'Go/no-go gewicht: beslisser', 'Go/no-go gewicht: behoefte', 'Go/no-go gewicht: tijdlijn', 'Go vanaf score', 'No-go onder score',
      'Start uiterlijk over (maanden)', 'Afgehaakt opnieuw benaderen na (maanden)', 'Prospect stil na (dagen)', 'Nabellen na plaatsing (dagen)', 'Geen reactie na pogingen',
    ]);
  });

  it('never overwrites an existing file', async () => {
    const path = join(tmp(), 'bestaat.xlsx');
    writeFileSync(path, 'mijn gegevens');
    await expect(run(['init', path], () => {}, new Date(), { language: 'en' })).rejects.toThrow(new UsageError(`${path} already exists; Cadans does not overwrite it (use --force to replace it, or choose another name)`));
    expect(readFileSync(path, 'utf8')).toBe('mijn gegevens');
  });
});

describe('an English workbook', () => {
  it('is read through the English names and answered in English', async () => {
    const dir = tmp();
    const book = new ExcelJS.Workbook();
    const rel = book.addWorksheet('Relations');
    rel.addRow(['ID', 'Name', 'Tier', 'Last contact', 'Owner']);
    rel.addRow(['C1', 'Acme', 'A', '2/3/2026', 'kim@agency.com']);
    const settings = book.addWorksheet('Settings');
    settings.addRow(['Setting', 'Value']);
    settings.addRow(['Language', 'en']);
    settings.addRow(['Locale', 'en_US']);
    await book.xlsx.writeFile(join(dir, 'en.xlsx'));
    await run(['run', '--workbook', join(dir, 'en.xlsx'), '--today', '2026-03-01', '--out', join(dir, 'out')], () => {});
    const out = (await load(join(dir, 'out', 'en.xlsx'))).getWorksheet('Relations')!;
    // en_US reads 2/3/2026 as 3 February; + 1 month = 3 March: due within the week.
    expect((out.getRow(1).values as unknown[]).slice(6)).toEqual(['Next contact', 'Status', 'Days overdue']);
    expect((out.getRow(2).values as unknown[]).slice(6)).toEqual([utc(2026, 3, 3), 'due soon', 0]);
  });
});

describe('the cadans command', () => {
  it('runs the embedded sample with no arguments and prints the summary', async () => {
    const dir = tmp();
    const { stdout } = await exec('node', [BIN, 'run', '--out', dir, '--today', '2026-11-24']);
    expect(stdout).toContain('Cadans: cadans-voorbeeld.xlsx op 24-11-2026');
    expect(stdout).toContain('Relaties: 15');
    expect(stdout).toContain(`Geschreven: ${join(dir, 'cadans-voorbeeld.xlsx')}`);
    expect((await load(join(dir, 'cadans-voorbeeld.xlsx'))).worksheets.map((w) => w.name)).toContain('Relaties');
  });

  it('gives a clear message and exit code 2 for a missing or unreadable workbook', async () => {
    const dir = tmp();
    // The terminal speaks the language of LANG; Dutch here.
    const env = { ...process.env, LC_ALL: '', LC_MESSAGES: '', LANG: 'nl_NL.UTF-8' };
    const missing = await exec('node', [BIN, 'run', '--workbook', join(dir, 'nergens.xlsx')], { env }).catch((e) => e);
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim()).toBe(`cadans: Kan werkboek ${join(dir, 'nergens.xlsx')} niet lezen: het bestand bestaat niet; controleer de naam en de map`);
    writeFileSync(join(dir, 'kapot.xlsx'), 'dit is geen xlsx');
    const broken = await exec('node', [BIN, 'run', '--workbook', join(dir, 'kapot.xlsx')], { env }).catch((e) => e);
    expect(broken.code).toBe(2);
    expect(broken.stderr.trim()).toBe(
      `cadans: Kan werkboek ${join(dir, 'kapot.xlsx')} niet lezen: dit is geen .xlsx-werkboek (een .xlsx-bestand is een zip-pakket). Sla het werkboek op als Excel-werkmap (.xlsx) en probeer opnieuw`,
    );
  });

  it('rejects a malformed --today', async () => {
    await expect(run(['run', '--today', '24-11-2026', '--out', tmp()], () => {}, new Date(), { language: 'en' })).rejects.toThrow('--today must be a date as YYYY-MM-DD, e.g. 2026-02-03; got "24-11-2026"');
    await expect(run(['run', '--today', '24-11-2026', '--out', tmp()], () => {}, new Date(), { language: 'nl' })).rejects.toThrow('--today moet een datum zijn als JJJJ-MM-DD, bijvoorbeeld 2026-02-03; gekregen: "24-11-2026"');
  });
});

describe('cadans run on its own output', () => {
  it('rebuilds the KPI and Risico tabs in place: a second run gives the same tabs, nothing stale', async () => {
    const dir = tmp();
    await run(['run', '--today', '2026-11-24', '--out', join(dir, 'one')], () => {});
    const first = await load(join(dir, 'one', 'cadans-voorbeeld.xlsx'));
    await run(['run', '--workbook', join(dir, 'one', 'cadans-voorbeeld.xlsx'), '--today', '2026-11-24', '--out', join(dir, 'two')], () => {});
    const second = await load(join(dir, 'two', 'cadans-voorbeeld.xlsx'));
    expect(second.worksheets.map((w) => w.name)).toEqual(['Relaties', 'Touchpoints', 'Instellingen', 'Log', 'Acties', 'Pipeline', 'Gespreksvragen', 'Organisaties', 'Team', 'Pipeline-historie', 'Vandaag', 'KPI', 'Risico', 'Historie', 'Kwartaal']);
    for (const name of ['Vandaag', 'KPI', 'Risico', 'Historie', 'Kwartaal', 'Pipeline-historie']) {
      expect(second.getWorksheet(name)!.getSheetValues(), name).toEqual(first.getWorksheet(name)!.getSheetValues());
    }
    expect(String(second.getWorksheet('Risico')!.getCell('A1').value)).toBe(
      'Risico: gegenereerd door Cadans op 24-11-2026. Dit tabblad wordt bij elke run opnieuw opgebouwd; wijzigingen hier gaan verloren.',
    );
  });
});

describe('the independence scorecard in the sample run', () => {
  it('counts the Pipeline proposals sent in the last 13 weeks: one in 13 weeks, under the target of one a week', async () => {
    const dir = tmp();
    await run(['run', '--out', dir, '--today', '2026-11-24'], () => {});
    const risk = (await load(join(dir, 'cadans-voorbeeld.xlsx'))).getWorksheet('Risico')!;
    const rows: unknown[][] = [];
    risk.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows.find((r) => String(r[0]).startsWith('Voorstellen verstuurd'))).toEqual(['Voorstellen verstuurd (Pipeline, laatste 13 weken)', '1 in 13 weken', 'minstens 1 per week (13 in 13 weken)', '✘ onder doel']);
  });
});

// Issue 11: the client organisation is the unit. `cadans organisations` fills the Organisaties
// tab from the distinct Organisatie values; `cadans run` and report.html then show risk per organisation.
describe('cadans organisations', () => {
  async function contactsExport(path: string): Promise<void> {
    const book = new ExcelJS.Workbook();
    const rel = book.addWorksheet('Relaties');
    rel.addRow(['ID', 'Naam', 'Type', 'Organisatie', 'Eigenaar', 'Tier', 'Laatste contact', 'Jaaromzet', 'Afdeling', 'Rol']);
    rel.addRow(['R1', 'Marieke Hoekstra', 'Klant', 'Gemeente Utrecht', 'sanne@bureau.nl', 'A', utc(2026, 11, 1), 15000, 'HR', 'beslisser']);
    rel.addRow(['R2', 'Joost de Boer', 'Klant', 'gemeente utrecht', 'sanne@bureau.nl', 'B', utc(2026, 10, 1), 15000, 'IT', 'champion']);
    rel.addRow(['R3', 'Sara Bakker', 'Klant', 'Gemeente Utrecht', 'joris@bureau.nl', 'B', utc(2026, 9, 1), 15000, 'HR', '']);
    for (let i = 1; i <= 11; i++) rel.addRow([`K${i}`, `Klant ${i}`, 'Klant', `Klant ${i} BV`, 'joris@bureau.nl', 'C', utc(2026, 8, 1), 5000, '', '']);
    await book.xlsx.writeFile(path);
  }

  it('creates Organisaties with a row per organisation and the summed revenue, says so, and the run shows the key client by name', async () => {
    const dir = tmp();
    await contactsExport(join(dir, 'team.xlsx'));
    const out: string[] = [];
    expect(await run(['organisations', '--workbook', join(dir, 'team.xlsx'), '--out', join(dir, 'filled')], (l) => out.push(l), new Date(Date.UTC(2026, 10, 24, 9)))).toBe(0);
    expect(out.slice(0, 2)).toEqual([
      '12 organisaties toegevoegd aan Organisaties.',
      'Bij 12 daarvan is de Jaaromzet opgeteld uit de contactrijen van Relaties. Cadans telt vanaf nu de omzet op Organisaties: maak Jaaromzet, Jaaromzet vorig jaar en Retainer per maand bij de contactpersonen leeg, anders meldt elke run dubbele omzet (die nooit dubbel geteld wordt).',
    ]);
    expect(out[2]).toMatch(/^Eén organisatie, Gemeente Utrecht, in meer schrijfwijzen: 'Gemeente Utrecht' \(Relaties rijen 2, 4\), 'gemeente utrecht' \(Relaties rij 3\)/);
    const filled = await load(join(dir, 'filled', 'team.xlsx'));
    const org = filled.getWorksheet('Organisaties')!;
    expect((org.getRow(1).values as unknown[]).slice(1, 4)).toEqual(['Organisatie', 'Accounteigenaar', 'Jaaromzet']);
    expect((org.getRow(2).values as unknown[]).slice(1, 4)).toEqual(['Gemeente Utrecht', 'sanne@bureau.nl', 45000]);
    expect(org.actualRowCount).toBe(13);

    const runOut: string[] = [];
    await run(['run', '--workbook', join(dir, 'filled', 'team.xlsx'), '--today', '2026-11-24', '--out', join(dir, 'run')], (l) => runOut.push(l));
    const risico = (await load(join(dir, 'run', 'team.xlsx'))).getWorksheet('Risico')!;
    const texts = (risico.getSheetValues() as unknown[][]).flatMap((r) => (r ?? []).filter((v) => typeof v === 'string')) as string[];
    expect(texts.some((t) => t.startsWith('Verlies van Gemeente Utrecht kost 45% van de omzet'))).toBe(true);
    const html = readFileSync(join(dir, 'run', 'report.html'), 'utf8');
    expect(html).toContain('Klantorganisaties op omzet, grootste eerst');
    expect(html).toContain('Verlies van Gemeente Utrecht kost 45% van de omzet');
    expect(html).toContain('Omzetaandeel per klantorganisatie (%)');
  });

  it('needs a workbook', async () => {
    await expect(run(['organisations'], () => {}, new Date(), { language: 'en' })).rejects.toThrow(new UsageError('cadans organisations needs a workbook: --workbook PATH.xlsx'));
  });
});
