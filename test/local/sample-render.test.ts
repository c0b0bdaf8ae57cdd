// The sample workbook after `npm start` (today = 24-11-2026) as a spreadsheet program shows it:
// LibreOffice headless opens the output .xlsx and saves every tab as it is displayed (formatted
// text, as CSV). Every tab opens, and the Vandaag tab reads, row by row, what the team should do
// today. Runs where soffice is installed, once (in the UTC project); scripts/screenshot.mjs makes
// the pictures of the same tabs for the README.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/local/cli';
import { renderCsv, SOFFICE } from '../corpus/corpus';

let tabs: Map<string, string[][]>;

beforeAll(async () => {
  if (!SOFFICE) return;
  const dir = mkdtempSync(join(tmpdir(), 'cadans-sample-render-'));
  expect(await run(['run', '--today', '2026-11-24', '--out', dir], () => undefined)).toBe(0);
  const output = join(dir, 'cadans-voorbeeld.xlsx');
  tabs = (await renderCsv([output])).get(output)!;
}, 180_000);

/** A tab's rows as shown, without trailing empty cells and rows. */
function shown(tab: string): string[][] {
  const rows = tabs.get(tab)!.map((r) => {
    const cells = [...r];
    while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
    return cells;
  });
  while (rows.length > 0 && rows[rows.length - 1].length === 0) rows.pop();
  return rows;
}

const HEADER = ['Vandaag', 'Relatie', 'ID', 'Organisatie', 'Tier', 'Status', 'Contact uiterlijk', 'Voorstel', 'Link'];

describe('the sample workbook in LibreOffice', () => {
  it.runIf(SOFFICE)('opens every tab, the team’s and Cadans’s own', () => {
    expect([...tabs.keys()].sort()).toEqual(
      ['Acties', 'Gespreksvragen', 'Historie', 'Instellingen', 'KPI', 'Kwartaal', 'Log', 'Organisaties', 'Pipeline', 'Pipeline-historie', 'Relaties', 'Risico', 'Team', 'Touchpoints', 'Vandaag'].sort(),
    );
    for (const [tab, rows] of tabs) expect(rows.length, tab).toBeGreaterThan(0);
    expect(shown('Relaties')[0].slice(0, 3)).toEqual(['ID', 'Naam', 'Type']);
  });

  it.runIf(SOFFICE)('shows on the Vandaag tab per owner whom to contact today, then the problems and the run', () => {
    // The same plan as the morning mail and the bundle's Vandaag tab (test/apps-script/today-sample.test.ts);
    // a local run has no links to cells.
    expect(shown('Vandaag')).toEqual([
      ['Vandaag, di 24-11-2026: opgebouwd door Cadans (cadans run). Dit tabblad wordt bij elke run opnieuw opgebouwd; wijzigingen hier gaan verloren.'],
      [],
      ['Per eigenaar: wie vandaag aan de beurt is, in de volgorde van de ochtendmail'],
      // Under each section title one line in plain words (issue 14).
      ['Bel van boven naar beneden: eerst wie vandaag gepland staat, dan wie te laat is, nooit gesproken of binnenkort aan de beurt. De link opent de rij in Relaties.'],
      [],
      ['amira.elidrissi@bureau-lindeboom.nl: te laat 0 · nooit gesproken 0 · binnenkort 1 · acties 0 · vandaag gepland 1 (20 van 60 min)'],
      HEADER,
      ['vandaag', 'Kees van Leeuwen', 'R015', 'Hollandse Bouwgroep', 'A', 'binnenkort · rode vlag', '25-11-2026', '24-11-2026'],
      ['', 'Komende dagen: di 1 · wo 0 · do 0 · vr 0 · ma 0'],
      [],
      ['joris.bakker@bureau-lindeboom.nl: te laat 2 · nooit gesproken 0 · binnenkort 1 · acties 0 · vandaag gepland 2 (30 van 60 min)'],
      HEADER,
      ['vandaag', 'Daan Visser', 'R009', 'Freelance controller', 'A', '2 dagen te laat · rode vlag', '22-11-2026', '24-11-2026'],
      ['vandaag', 'Ingrid de Wit', 'R003', 'Gemeente Heuvelrug', 'B', '3 dagen te laat · rode vlag', '21-11-2026', '24-11-2026'],
      ['', 'Mehmet Yilmaz', 'R011', 'Interim IT-manager', 'B', 'binnenkort', '27-11-2026', '27-11-2026'],
      ['', 'Komende dagen: di 2 · wo 0 · do 0 · vr 1 · ma 0'],
      [],
      ['sanne.devries@bureau-lindeboom.nl: te laat 1 · nooit gesproken 2 · binnenkort 1 · acties 0 · vandaag gepland 3 (55 van 60 min)'],
      HEADER,
      ['vandaag', 'Thomas Verbeek', 'R002', 'Zorggroep Middenland', 'A', 'op schema · rode vlag', '12-12-2026', '24-11-2026'],
      ['vandaag', 'Marieke Hoekstra', 'R001', 'Waterschap Rijnvallei', 'A', '10 dagen te laat', '14-11-2026', '24-11-2026'],
      ['vandaag', 'Eva Koster', 'R007', 'Stichting Jeugdzorg Oost', 'B', 'nooit', '24-11-2026', '24-11-2026'],
      ['', 'Jeroen de Boer', 'R013', 'Business analist', 'C', 'nooit', '24-11-2026', '25-11-2026'],
      ['', 'Fatima El Amrani', 'R008', 'Interim HR-adviseur', 'A', 'binnenkort', '28-11-2026', '27-11-2026'],
      ['', 'Komende dagen: di 3 · wo 1 · do 0 · vr 1 · ma 0'],
      [],
      ['Pipeline: opnieuw benaderen en stilgevallen prospects (0)'],
      ['Geen afgehaakte leads om opnieuw te benaderen en geen stilgevallen prospects.'],
      [],
      ['Problemen in het werkboek (2)'],
      ['Cellen die Cadans niet kan lezen; de rest van de rij telt wel mee. Verbeter de cel via de link, de volgende run neemt hem mee.'],
      ['Blad', 'Rij', 'Kolom', 'Waarde', 'Melding', 'Link'],
      ['Relaties', '14', 'Laatste contact (H)', 'vorige week', 'geen geldige datum; verwacht bijvoorbeeld 3-2-2026, 2026-02-03 of een datumcel (jaar 1900-9999)'],
      ['Touchpoints', '57', 'Relatie-ID (B)', 'R099', 'geen relatie met dit ID in Relaties'],
      [],
      ['Runs'],
      ['Laatste run: 24-11-2026 (cadans run)'],
    ]);
  });
});
