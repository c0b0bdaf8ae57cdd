// Issue 12 in the morning mail, read back from the local runner's .eml files by a real mail
// parser (mailparser): flagged relationships without contact since the flag come first, whatever
// their cadence; the line of a relationship whose last contact was a placement or went well says
// "moment voor een referral"; a placement puts the after-sales call in Acties, once.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/local/cli';
import { addresses, type Eml, readOutbox, utc } from '../mail/fixture';

const SANNE = 'sanne@bureau.nl';
const JORIS = 'joris@bureau.nl';
const HOSTILE = '<b>Jansen</b> & Zn';

/** On Tuesday 24 November 2026. */
async function writeWorkbook(path: string): Promise<void> {
  const book = new ExcelJS.Workbook();
  const rel = book.addWorksheet('Relaties');
  rel.addRow(['ID', 'Naam', 'Type', 'Organisatie', 'E-mail', 'Eigenaar', 'Tier', 'Laatste contact', 'Actief', 'Rode vlaggen', 'Rode vlag sinds']);
  // On track (next 20-12), but rate pressure raised on 21-11 after the last contact: attention.
  rel.addRow(['R1', 'Marieke Hoekstra', 'Klant', 'Rijnvallei', 'm@rijnvallei.example', SANNE, 'A', utc(2026, 11, 20), 'ja', 'tariefdruk', utc(2026, 11, 21)]);
  // Overdue (B, 1-8 + 3 months), a competitor and no date: attention, and its routine line too.
  rel.addRow(['R2', HOSTILE, 'Klant', 'Jansen "Holding"', 'info@jansen.example', SANNE, 'B', utc(2026, 8, 1), 'ja', 'concurrent', '']);
  // Flagged on 1-11, spoken on 10-11: off the attention list; on track: not in the mail.
  rel.addRow(['R3', 'Piet de Boer', 'Klant', 'Boer BV', 'piet@boer.example', SANNE, 'A', utc(2026, 11, 10), 'ja', 'concurrent', utc(2026, 11, 1)]);
  // Placed on Thursday 29-10 (Touchpoints): due 29-11, so due soon; the referral moment.
  rel.addRow(['R4', 'Daan Visser', 'Klant', 'Visser Bouw', 'daan@visser.example', JORIS, 'A', '', 'ja', '', '']);
  // Praised in August, then asked (Referral ja) on 3-8: overdue, no referral moment.
  rel.addRow(['R5', 'Eva Smit', 'Klant', 'Smit Zorg', 'eva@smit.example', JORIS, 'B', '', 'ja', '', '']);
  // Two attempts without a reaction since 1-3: no contact, so overdue; the flag "geen reactie" is suggested.
  rel.addRow(['R6', 'Wim Jansen', 'Klant', 'Jansen Log', 'wim@log.example', JORIS, 'C', utc(2026, 3, 1), 'ja', '', '']);
  const tp = book.addWorksheet('Touchpoints');
  tp.addRow(['Datum', 'Relatie-ID', 'Soort', 'Notities', 'Referral', 'Positief', 'Reactie']);
  tp.addRow([utc(2026, 10, 29), 'R4', 'plaatsing', 'Kandidaat gestart', 'nee', '']);
  tp.addRow([utc(2026, 8, 1), 'R5', 'Check-in', 'Heel tevreden', 'nee', 'ja']);
  tp.addRow([utc(2026, 8, 3), 'R5', 'Check-in', 'Noemde een collega', 'ja', '']);
  tp.addRow([utc(2026, 11, 10), 'R6', 'poging', '', '', '', '']);
  tp.addRow([utc(2026, 11, 17), 'R6', 'telefoon', 'voicemail ingesproken', '', '', 'nee']);
  const settings = book.addWorksheet('Instellingen');
  settings.addRow(['Instelling', 'Waarde']);
  settings.addRow(['Team', '@bureau.nl']);
  await book.xlsx.writeFile(path);
}

async function actionsOf(path: string): Promise<unknown[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  const rows: unknown[][] = [];
  book.getWorksheet('Acties')?.eachRow((r) => rows.push(Array.from((r.values as unknown[]).slice(1), (v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v ?? ''))));
  return rows;
}

describe('the attention section and the referral moment in the morning mail', () => {
  let mails: Eml[];
  let dir: string;
  const byOwner = (owner: string) => mails.find((m) => addresses(m.parsed.to).includes(owner))!;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cadans-attention-'));
    await writeWorkbook(join(dir, 'bureau.xlsx'));
    expect(await run(['run', '--workbook', join(dir, 'bureau.xlsx'), '--today', '2026-11-24', '--out', join(dir, 'out')], () => undefined)).toBe(0);
    mails = await readOutbox(join(dir, 'out', 'outbox'));
  });

  it('counts the flagged relationships first in the subject', () => {
    expect(byOwner(SANNE).parsed.subject).toBe('Cadans: 2 met rode vlag, 1 te laat (di 24 nov)');
    expect(byOwner(JORIS).parsed.subject).toBe('Cadans: 2 te laat, 1 binnen 7 dagen, 1 actie (di 24 nov)');
  });

  it('puts the attention section before the routine lines, longest without contact first, on track included', () => {
    const text = byOwner(SANNE).parsed.text!;
    const lines = text.split('\n');
    const at = lines.indexOf('== Aandacht: rode vlag, geen contact sindsdien (2) ==');
    expect(at).toBeGreaterThan(0);
    expect(lines.slice(at + 2, at + 11)).toEqual([
      `- ${HOSTILE}`,
      '  Jansen "Holding" · Tier B',
      '  Rode vlag: concurrent · sinds onbekend (Rode vlag sinds is leeg) · Laatste contact: 01-08-2026',
      '',
      '- Marieke Hoekstra',
      '  Rijnvallei · Tier A',
      '  Rode vlag: tariefdruk · sinds 21-11-2026 · Laatste contact: 20-11-2026',
      '',
      '== Vandaag gepland: 2 relaties, 35 van je 60 minuten ==',
    ]);
    // Then the routine lines: the week plan puts flagged relationships on today (with their
    // agenda); the one spoken since its flag is nowhere.
    expect(lines.filter((l) => l.startsWith('- '))).toEqual([`- ${HOSTILE}`, '- Marieke Hoekstra', `- ${HOSTILE}`, '- Marieke Hoekstra']);
    expect(text).not.toContain('Piet de Boer');
  });

  it('shows the same in the HTML part, user text escaped', () => {
    const html = byOwner(SANNE).parsed.html as string;
    expect(html).toContain('Aandacht: rode vlag, geen contact sindsdien (2)');
    expect(html).toContain('&lt;b&gt;Jansen&lt;/b&gt; &amp; Zn');
    expect(html).not.toContain('<b>Jansen</b>');
    expect(html).toContain('<div style="color:#a50e0e">Rode vlag: tariefdruk · sinds 21-11-2026 · Laatste contact: 20-11-2026</div>');
    expect(html.indexOf('Rode vlag: tariefdruk')).toBeLessThan(html.indexOf('Vandaag gepland'));
  });

  it('says "moment voor een referral" on the line of a relationship whose last contact was a placement, not after the referral was given', () => {
    const text = byOwner(JORIS).parsed.text!;
    expect(text).toContain('- Daan Visser\n  Klant · Visser Bouw · Tier A\n  Laatste contact: 29-10-2026 · Contact uiterlijk: 29-11-2026 · binnenkort · moment voor een referral\n');
    expect(text).toContain('- Eva Smit\n  Klant · Smit Zorg · Tier B\n  Laatste contact: 03-08-2026 · Contact uiterlijk: 03-11-2026 · 21 dagen te laat\n');
    expect((byOwner(JORIS).parsed.html as string)).toContain('binnenkort · moment voor een referral');
  });

  it('suggests the flag "geen reactie" after two attempts without a reaction, which are no contact', () => {
    expect(byOwner(JORIS).parsed.text).toContain('- Wim Jansen\n  Klant · Jansen Log · Tier C\n  Laatste contact: 01-03-2026 · Contact uiterlijk: 01-09-2026 · 84 dagen te laat · 2 pogingen zonder reactie: rode vlag "geen reactie"?\n');
    expect(byOwner(JORIS).parsed.html as string).toContain('84 dagen te laat · 2 pogingen zonder reactie: rode vlag &quot;geen reactie&quot;?');
  });

  it('says the same beside the status on the Vandaag tab', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(dir, 'out', 'bureau.xlsx'));
    const rows: unknown[][] = [];
    book.getWorksheet('Vandaag')!.eachRow((r) => rows.push(Array.from((r.values as unknown[]).slice(1), (v) => v ?? '')));
    const state = (name: string) => rows.find((r) => r[1] === name)?.[5];
    expect(state('Daan Visser')).toBe('binnenkort · moment voor een referral');
    expect(state('Wim Jansen')).toBe('84 dagen te laat · 2 pogingen zonder reactie: rode vlag "geen reactie"?');
    expect(state('Eva Smit')).toBe('21 dagen te laat');
  });

  it('adds the after-sales call to Acties with its deadline, lists it in the mail, and never adds it twice', async () => {
    const expected = ['R4', 'Daan Visser', JORIS, 'Nabellen na plaatsing van 29-10-2026: is alles gegaan zoals gehoopt? (tevredenheid 1-10 in Touchpoints)', '2026-11-12', 'nee', '2026-11-24'];
    const first = await actionsOf(join(dir, 'out', 'bureau.xlsx'));
    expect(first).toEqual([['Relatie-ID', 'Relatie', 'Eigenaar', 'Actie', 'Deadline', 'Gedaan', 'Aangemaakt'], expected]);
    expect(byOwner(JORIS).parsed.text).toContain('- 12-11-2026 (te laat): Nabellen na plaatsing van 29-10-2026: is alles gegaan zoals gehoopt? (tevredenheid 1-10 in Touchpoints) · Daan Visser');
    // The next day's run on the output: the action is there already.
    expect(await run(['run', '--workbook', join(dir, 'out', 'bureau.xlsx'), '--today', '2026-11-25', '--out', join(dir, 'out-2')], () => undefined)).toBe(0);
    expect(await actionsOf(join(dir, 'out-2', 'bureau.xlsx'))).toEqual(first);
  });
});
