// The Pipeline in the morning mail (issue 13): a lead that dropped out comes back into its owner's
// mail the reapproach months after Fase sinds, on a working day, as "opnieuw benaderen" with the
// reason; a prospect with no step in the stall days is listed as stalled. Read back from the
// local runner's .eml files by a real mail parser (mailparser), and from the Vandaag tab.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/local/cli';
import { addresses, type Eml, readOutbox, utc } from '../mail/fixture';

const SANNE = 'sanne@bureau.nl';
const JORIS = 'joris@bureau.nl';
const KEES = 'kees@partner.nl';
const HEADER = ['Organisatie', 'Contactpersoon', 'Eigenaar', 'Fase', 'Fase sinds', 'Binnengekomen', 'Voorstel verstuurd', 'Reden afgehaakt'];

/** On Tuesday 24 November 2026. */
async function writeWorkbook(path: string): Promise<void> {
  const book = new ExcelJS.Workbook();
  const rel = book.addWorksheet('Relaties');
  rel.addRow(['ID', 'Naam', 'Type', 'Organisatie', 'E-mail', 'Eigenaar', 'Tier', 'Laatste contact', 'Actief']);
  // On track: nothing of the cadence in anyone's mail, so what is there is the Pipeline's.
  rel.addRow(['R1', 'Marieke Hoekstra', 'Klant', 'Rijnvallei', 'm@rijnvallei.example', SANNE, 'A', utc(2026, 11, 20), 'ja']);
  const pipe = book.addWorksheet('Pipeline');
  pipe.addRow(HEADER);
  // 24-5 + 6 months = Tuesday 24-11: today.
  pipe.addRow(['Acme BV', 'Ellen de Vries', SANNE, 'afgehaakt', utc(2026, 5, 24), utc(2026, 3, 2), '', 'geen budget']);
  // 25-5 + 6 months = tomorrow: not yet.
  pipe.addRow(['Beta BV', 'Hans', SANNE, 'afgehaakt', utc(2026, 5, 25), '', '', 'later']);
  // 26-4 + 6 months = Monday 26-10; still dropped a month later: still in the mail, with markup escaped.
  pipe.addRow(['<b>Gamma</b> & Co', '', SANNE, 'afgehaakt', utc(2026, 4, 26), '', '', '<script>alert(1)</script>']);
  // Warm since 20-10, proposal 22-10: stalled from 21-11 (a Saturday), so on the list by Monday 23-11.
  pipe.addRow(['Delta', 'Piet', JORIS, 'warm', utc(2026, 10, 20), '', utc(2026, 10, 22), '']);
  // Hot since 1-11: 23 days, not stalled.
  pipe.addRow(['Epsilon', '', JORIS, 'heet', utc(2026, 11, 1), '', '', '']);
  // A client does not stall.
  pipe.addRow(['Zeta', '', JORIS, 'klant', utc(2025, 1, 1), '', '', '']);
  // Not on the team: nobody is mailed, the Log says so.
  pipe.addRow(['Eta', '', KEES, 'koud', utc(2026, 1, 5), '', '', '']);
  const settings = book.addWorksheet('Instellingen');
  settings.addRow(['Instelling', 'Waarde']);
  settings.addRow(['Team', '@bureau.nl']);
  await book.xlsx.writeFile(path);
}

describe('the Pipeline in the morning mail', () => {
  let mails: Eml[];
  let out: string;
  const byOwner = (owner: string) => mails.find((m) => addresses(m.parsed.to).includes(owner))!;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cadans-pipeline-'));
    out = join(dir, 'out');
    await writeWorkbook(join(dir, 'bureau.xlsx'));
    expect(await run(['run', '--workbook', join(dir, 'bureau.xlsx'), '--today', '2026-11-24', '--out', out], () => undefined)).toBe(0);
    mails = await readOutbox(join(out, 'outbox'));
  });

  it('mails each owner on the team with pipeline lines, and nobody else', () => {
    expect(mails.map((m) => addresses(m.parsed.to))).toEqual([[JORIS], [SANNE]]);
    expect(byOwner(SANNE).parsed.subject).toBe('Cadans: 2 opnieuw benaderen (di 24 nov)');
    expect(byOwner(JORIS).parsed.subject).toBe('Cadans: 1 stilgevallen (di 24 nov)');
  });

  it('lists the dropped leads to approach again with their reason, longest waiting first, in the plain text', () => {
    const text = byOwner(SANNE).parsed.text!;
    expect(text).toContain('Goedemorgen! Vandaag (di 24 nov) staan er alleen prospects uit de Pipeline op je lijst.');
    const lines = text.split('\n').filter((l) => l.startsWith('- '));
    expect(lines).toEqual([
      '- <b>Gamma</b> & Co · opnieuw benaderen: afgehaakt op 26-04-2026; reden: <script>alert(1)</script>',
      '- Acme BV · Ellen de Vries · opnieuw benaderen: afgehaakt op 24-05-2026; reden: geen budget',
    ]);
  });

  it('shows the same lines in the HTML part, with user text escaped', () => {
    const html = byOwner(SANNE).parsed.html as string;
    expect(html).toContain('<li style="overflow-wrap:anywhere"><b>&lt;b&gt;Gamma&lt;/b&gt; &amp; Co</b> · opnieuw benaderen: afgehaakt op 26-04-2026; reden: &lt;script&gt;alert(1)&lt;/script&gt;</li>');
    expect(html).toContain('<li style="overflow-wrap:anywhere"><b>Acme BV · Ellen de Vries</b> · opnieuw benaderen: afgehaakt op 24-05-2026; reden: geen budget</li>');
    expect(html).not.toContain('<script>');
  });

  it('lists a prospect with no step in 30 days as stalled, from its last step', () => {
    const lines = byOwner(JORIS).parsed.text!.split('\n').filter((l) => l.startsWith('- '));
    expect(lines).toEqual(['- Delta · Piet · stilgevallen: warm, laatste stap 22-10-2026 (33 dagen geleden)']);
  });

  it('puts every pipeline line, the outsider\'s too, on the Vandaag tab', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(out, 'bureau.xlsx'));
    const rows: unknown[][] = [];
    book.getWorksheet('Vandaag')!.eachRow((r) => rows.push(Array.from((r.values as unknown[]).slice(1), (v) => v ?? '')));
    const start = rows.findIndex((r) => String(r[0]).startsWith('Pipeline: opnieuw benaderen'));
    expect(rows[start][0]).toBe('Pipeline: opnieuw benaderen en stilgevallen prospects (4)');
    expect(rows.slice(start + 1, start + 6).map((r) => r.slice(0, 5))).toEqual([
      ['Eigenaar', 'Organisatie', 'Contactpersoon', 'Wat', 'Waarom'],
      [JORIS, 'Delta', 'Piet', 'stilgevallen', 'warm, laatste stap 22-10-2026 (33 dagen geleden)'],
      [KEES, 'Eta', '', 'stilgevallen', 'koud, laatste stap 05-01-2026 (323 dagen geleden)'],
      [SANNE, '<b>Gamma</b> & Co', '', 'opnieuw benaderen', 'afgehaakt op 26-04-2026; reden: <script>alert(1)</script>'],
      [SANNE, 'Acme BV', 'Ellen de Vries', 'opnieuw benaderen', 'afgehaakt op 24-05-2026; reden: geen budget'],
    ]);
  });
});
