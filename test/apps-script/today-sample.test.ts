// The Vandaag tab through the bundle, on the workbook a new team starts from: the sample team of
// `cadans init` (sheets-templates/sample.ts) put into a sheet that Cadans > Werkboek inrichten set
// up, on Tuesday 24 November 2026, 08:00 in Amsterdam. The whole tab is compared, row by row, with
// what the team should read: per owner the relationships to contact in the morning mail's order
// (the planned ones first), their counts and coming days, then the problems with a link to the
// cell, and the run.

import { describe, expect, it } from 'vitest';
import { SAMPLE_PIPELINE, SAMPLE_RELATIONS, SAMPLE_TEAM, SAMPLE_TOUCHPOINTS, type SampleCell } from '../../sheets-templates/sample';
import { addDays, loadCadans, midnight, workbook } from './harness';

const TZ = 'Europe/Amsterdam';
const TODAY = '2026-11-24';
const NOW = new Date(midnight(TZ, TODAY).getTime() + 8 * 3600_000);

/** A sample cell as a person would have typed it into Sheets (see src/local/template.ts). */
function cell(value: SampleCell): unknown {
  if (value === null || typeof value !== 'object') return value ?? '';
  const iso = addDays(TODAY, -value.daysAgo);
  if (value.as === 'text-iso') return iso;
  if (value.as === 'text-nl') {
    const [y, m, d] = iso.split('-').map(Number);
    return `${d}-${m}-${y}`;
  }
  return midnight(TZ, iso);
}

function sampleSheet() {
  const ss = workbook({ timeZone: TZ });
  const cadans = loadCadans(ss, { now: NOW });
  cadans.setupWorkbook();
  const fill = (tab: string, rows: readonly SampleCell[][]) => {
    const width = Math.max(...rows.map((r) => r.length));
    ss.$sheet(tab).getRange(2, 1, rows.length, width).setValues(rows.map((r) => Array.from({ length: width }, (_, i) => cell(r[i] ?? null))));
  };
  fill('Relaties', SAMPLE_RELATIONS);
  fill('Touchpoints', SAMPLE_TOUCHPOINTS);
  fill('Pipeline', SAMPLE_PIPELINE);
  const settings = ss.$sheet('Instellingen');
  const teamRow = settings.$values().findIndex((r) => r[0] === 'Team') + 1;
  settings.getRange(teamRow, 2, 1, 1).setValues([[`@${SAMPLE_TEAM.domain}`]]);
  return { ss, cadans };
}

/** Each row of a tab without its trailing blanks, a date cell as the sheet shows it (dd-mm-yyyy). */
function rowsOf(ss: ReturnType<typeof workbook>, tab: string): unknown[][] {
  const shown = (v: unknown) => (Object.prototype.toString.call(v) === '[object Date]' ? new Intl.DateTimeFormat('nl-NL', { timeZone: TZ, day: '2-digit', month: '2-digit', year: 'numeric' }).format(v as Date) : v); // a Date of either realm
  return ss.$sheet(tab).$values().map((r) => {
    const cells = r.map(shown);
    while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
    return cells;
  });
}

const HEADER = ['Vandaag', 'Relatie', 'ID', 'Organisatie', 'Tier', 'Status', 'Contact uiterlijk', 'Voorstel', 'Link'];

describe('the Vandaag tab of the sample team, through the bundle', () => {
  it('says per owner whom to contact today, in the mail’s order, and what is wrong in the workbook, with links', () => {
    const { ss, cadans } = sampleSheet();
    cadans.refreshNow();
    const link = (tab: string, cellRef: string) => `${ss.$url()}#gid=${ss.$sheet(tab).sheetId}&range=${cellRef}`;
    // Relaties row n holds R(n-1): R001 in row 2 ... R015 in row 16.
    const row = (id: string) => link('Relaties', `A${Number(id.slice(1)) + 1}`);
    expect(rowsOf(ss, 'Vandaag')).toEqual([
      ['Vandaag, di 24-11-2026: opgebouwd door Cadans (refreshNow). Dit tabblad wordt bij elke run opnieuw opgebouwd; wijzigingen hier gaan verloren.'],
      [],
      ['Per eigenaar: wie vandaag aan de beurt is, in de volgorde van de ochtendmail'],
      // Under each section title one line in plain words (issue 14).
      ['Bel van boven naar beneden: eerst wie vandaag gepland staat, dan wie te laat is, nooit gesproken of binnenkort aan de beurt. De link opent de rij in Relaties.'],
      [],
      // Amira: Kees van Leeuwen (A, last seen 25-10 as a text date) is due tomorrow and has red flags
      // with no contact since; 20 of her 60 minutes today. Lotte Smit is snoozed, the rest on track.
      ['amira.elidrissi@bureau-lindeboom.nl: te laat 0 · nooit gesproken 0 · binnenkort 1 · acties 0 · vandaag gepland 1 (20 van 60 min)'],
      HEADER,
      ['vandaag', 'Kees van Leeuwen', 'R015', 'Hollandse Bouwgroep', 'A', 'binnenkort · rode vlag', '25-11-2026', '24-11-2026', row('R015')],
      ['', 'Komende dagen: di 1 · wo 0 · do 0 · vr 0 · ma 0'],
      [],
      // Joris: Daan Visser (A, seen 22-10) and Ingrid de Wit (B, seen 21-08) are overdue, 15 minutes
      // each; Mehmet Yilmaz (B, seen 27-08) is due on Friday. Anouk Peters is inactive.
      ['joris.bakker@bureau-lindeboom.nl: te laat 2 · nooit gesproken 0 · binnenkort 1 · acties 0 · vandaag gepland 2 (30 van 60 min)'],
      HEADER,
      ['vandaag', 'Daan Visser', 'R009', 'Freelance controller', 'A', '2 dagen te laat · rode vlag', '22-11-2026', '24-11-2026', row('R009')],
      ['vandaag', 'Ingrid de Wit', 'R003', 'Gemeente Heuvelrug', 'B', '3 dagen te laat · rode vlag', '21-11-2026', '24-11-2026', row('R003')],
      ['', 'Mehmet Yilmaz', 'R011', 'Interim IT-manager', 'B', 'binnenkort', '27-11-2026', '27-11-2026', row('R011')],
      ['', 'Komende dagen: di 2 · wo 0 · do 0 · vr 1 · ma 0'],
      [],
      // Sanne: the red flag on Thomas Verbeek (on track) comes first; then Marieke Hoekstra, 10 days
      // overdue, and Eva Koster, never contacted: 20 + 20 + 15 of her 60 minutes. Jeroen de Boer's
      // last contact reads "vorige week", so he counts as never contacted, planned tomorrow.
      ['sanne.devries@bureau-lindeboom.nl: te laat 1 · nooit gesproken 2 · binnenkort 1 · acties 0 · vandaag gepland 3 (55 van 60 min)'],
      HEADER,
      ['vandaag', 'Thomas Verbeek', 'R002', 'Zorggroep Middenland', 'A', 'op schema · rode vlag', '12-12-2026', '24-11-2026', row('R002')],
      ['vandaag', 'Marieke Hoekstra', 'R001', 'Waterschap Rijnvallei', 'A', '10 dagen te laat', '14-11-2026', '24-11-2026', row('R001')],
      ['vandaag', 'Eva Koster', 'R007', 'Stichting Jeugdzorg Oost', 'B', 'nooit', '24-11-2026', '24-11-2026', row('R007')],
      ['', 'Jeroen de Boer', 'R013', 'Business analist', 'C', 'nooit', '24-11-2026', '25-11-2026', row('R013')],
      ['', 'Fatima El Amrani', 'R008', 'Interim HR-adviseur', 'A', 'binnenkort', '28-11-2026', '27-11-2026', row('R008')],
      ['', 'Komende dagen: di 3 · wo 1 · do 0 · vr 1 · ma 0'],
      [],
      ['Pipeline: opnieuw benaderen en stilgevallen prospects (0)'],
      ['Geen afgehaakte leads om opnieuw te benaderen en geen stilgevallen prospects.'],
      [],
      // The sample's two mistakes, each with a link to its cell.
      ['Problemen in het werkboek (2)'],
      ['Cellen die Cadans niet kan lezen; de rest van de rij telt wel mee. Verbeter de cel via de link, de volgende run neemt hem mee.'],
      ['Blad', 'Rij', 'Kolom', 'Waarde', 'Melding', 'Link'],
      ['Relaties', 14, 'Laatste contact (H)', 'vorige week', 'geen geldige datum; verwacht bijvoorbeeld 3-2-2026, 2026-02-03 of een datumcel (jaar 1900-9999)', link('Relaties', 'H14')],
      ['Touchpoints', 57, 'Relatie-ID (B)', 'R099', 'geen relatie met dit ID in Relaties', link('Touchpoints', 'B57')],
      [],
      ['Runs'],
      ['Laatste run: 24-11-2026 (refreshNow)'],
    ]);
  });

  it('names the next morning mail once reminders are on: tomorrow, a Wednesday, at the send hour', () => {
    const { ss, cadans } = sampleSheet();
    cadans.enableReminders();
    cadans.refreshNow();
    expect(rowsOf(ss, 'Vandaag').slice(-3)).toEqual([
      ['Runs'],
      ['Laatste run: 24-11-2026 (refreshNow)'],
      ['Volgende ochtendmail: wo 25-11-2026, rond 7:00'],
    ]);
  });
});
