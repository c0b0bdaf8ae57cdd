// The week plan through the bundle: refreshNow writes each relationship's planned working day in
// Gepland, within each owner's capacity from the Team tab, and keeps it from run to run.

import { describe, expect, it } from 'vitest';
import { addDays, dateIn, loadCadans, midnight, workbook } from './harness';

const TZ = 'Pacific/Auckland';
const MONDAY = '2026-11-30';
/** 08:00 on Monday 30 November 2026 in the spreadsheet's zone. */
const NOW = new Date(midnight(TZ, MONDAY).getTime() + 8 * 3600_000);
const ANNA = 'anna@bureau.nl';
const BRAM = 'bram@bureau.nl';

const RELATIES = [
  'ID', 'Naam', 'Type', 'Organisatie', 'E-mail', 'Eigenaar', 'Tier', 'Laatste contact', 'Jaaromzet', 'Plaatsingen', 'Referrals', 'Actief', 'Notities', 'Uitstellen tot',
  'Volgend contact', 'Status', 'Dagen te laat', 'Gepland',
];
const GEPLAND = RELATIES.indexOf('Gepland') + 1;
const TEAM = ['Eigenaar', 'Minuten per dag', 'Werkdagen', 'Afwezig van', 'Afwezig tot en met'];

/** A lastContact of null: never contacted (due at once). */
function relation(id: string, owner: string, tier: 'A' | 'B' | 'C', lastContact: string | null): unknown[] {
  return [id, `Relatie ${id}`, 'Klant', `Org ${id}`, '', owner, tier, lastContact === null ? '' : midnight(TZ, lastContact), '', '', '', 'ja', '', ''];
}

/**
 * Anna: sixteen C clients last seen 7-8 months ago (10 minutes each), 60 minutes a day, away on
 * Wednesday 2 December. Bram: four A clients last seen two months ago (20 minutes each) at the
 * default of 30 minutes a day (the Minuten per dag setting), and one C client due in 20 days.
 */
function team() {
  const rows: unknown[][] = [RELATIES];
  // A01 (last contact 2026-04-15) is the most overdue of Anna's; A16 the least.
  for (let i = 1; i <= 16; i++) rows.push(relation(`A${String(i).padStart(2, '0')}`, ANNA, 'C', addDays('2026-04-14', i)));
  for (let i = 1; i <= 4; i++) rows.push(relation(`B${i}`, BRAM, 'A', addDays('2026-09-25', i)));
  rows.push(relation('B5', BRAM, 'C', '2026-06-20')); // due 20 December
  return workbook({
    timeZone: TZ,
    sheets: {
      Relaties: rows,
      Instellingen: [['Instelling', 'Waarde'], ['Taal', 'nl'], ['Minuten per dag', 30]],
      Team: [TEAM, [ANNA, 60, 'ma-vr', midnight(TZ, '2026-12-02'), midnight(TZ, '2026-12-02')]],
      Log: [['Tijdstip', 'Soort', 'Blad', 'Rij', 'Kolom', 'Waarde', 'Melding', 'Datum', 'Eigenaar', 'Aantal']],
    },
  });
}

/** Gepland per ID, as calendar dates in the spreadsheet's zone ('' when not planned). */
function planned(ss: ReturnType<typeof team>): Record<string, string> {
  const sheet = ss.$sheet('Relaties');
  const out: Record<string, string> = {};
  for (let row = 2; row <= sheet.$lastRow(); row++) {
    const value = sheet.$value(row, GEPLAND);
    out[String(sheet.$value(row, 1))] = value instanceof Date ? dateIn(TZ, value) : String(value);
  }
  return out;
}

describe('refreshNow and the week plan', () => {
  it('plans each owner’s relationships on working days within their capacity, skipping an absence', () => {
    const ss = team();
    loadCadans(ss, { now: NOW }).refreshNow();
    const plan = planned(ss);
    const anna = (n: number) => `A${String(n).padStart(2, '0')}`;
    const expected: Record<string, string> = {};
    // Six of ten minutes fill Anna's hour; Wednesday she is away.
    for (let i = 1; i <= 6; i++) expected[anna(i)] = '2026-11-30';
    for (let i = 7; i <= 12; i++) expected[anna(i)] = '2026-12-01';
    for (let i = 13; i <= 16; i++) expected[anna(i)] = '2026-12-03';
    // Bram's 30 minutes take one 20-minute A check-in a day; his C client waits until the working
    // day before its due date (Sunday 20 December: Friday the 18th).
    Object.assign(expected, { B1: '2026-11-30', B2: '2026-12-01', B3: '2026-12-02', B4: '2026-12-03', B5: '2026-12-18' });
    expect(plan).toEqual(expected);
    // Written as date cells: midnight of that day in the spreadsheet's zone.
    expect(ss.$sheet('Relaties').$value(2, GEPLAND)).toEqual(midnight(TZ, MONDAY));
  });

  it('keeps the plan on the next run, and moves a day that a rise in capacity frees', () => {
    const ss = team();
    loadCadans(ss, { now: NOW }).refreshNow();
    const first = planned(ss);
    loadCadans(ss, { now: NOW }).refreshNow();
    expect(planned(ss)).toEqual(first);
    // Bram gets an hour a day: his overdue A clients move up to the first days with room now,
    // three on Monday and one on Tuesday; the C client due later keeps its day, as does Anna.
    ss.$sheet('Team').getRange(3, 1, 1, 2).setValues([[BRAM, 60]]);
    loadCadans(ss, { now: NOW }).refreshNow();
    expect(planned(ss)).toEqual({ ...first, B2: '2026-11-30', B3: '2026-11-30', B4: '2026-12-01' });
  });

  it('shows each owner’s planned hours against capacity on the KPI tab', () => {
    const ss = team();
    loadCadans(ss, { now: NOW }).refreshNow();
    const day = (v: unknown) => (v instanceof Date ? new Intl.DateTimeFormat('nl-NL', { timeZone: TZ, day: '2-digit', month: '2-digit', year: 'numeric' }).format(v) : v);
    const kpi = ss.$sheet('KPI').$values().map((r) => r.map(day));
    const start = kpi.findIndex((r) => String(r[0]).startsWith('Capaciteit: geplande touchpoint-uren'));
    expect(kpi[start][0]).toBe('Capaciteit: geplande touchpoint-uren tegen beschikbare uren, 30-11-2026 t/m 27-12-2026');
    // 30 Nov - 27 Dec: 19 working days (Christmas Day off); Anna is away one of them.
    // Under the title its explanation, then the table.
    expect(kpi[start + 1][0]).toBe('Past het werk in de beschikbare uren (tabblad Team)? Boven 100% loopt een achterstand op. De grafiek staat rechts naast de tabel in Google Sheets, en in report.html bij een lokale run.');
    expect(kpi.slice(start + 2, start + 5).map((r) => r.slice(0, 6))).toEqual([
      ['Eigenaar', 'Gepland (uur)', 'Beschikbaar (uur)', 'Benut (%)', 'Achterstand (relaties)', 'Ingepland tot'],
      [ANNA, 2.7, 18, 0.1481, 0, ''], // 160 minutes of 18 × 60
      [BRAM, 1.5, 9.5, 0.1579, 0, ''], // 4 × 20 + 10 minutes of 19 × 30
    ]);
    const weeks = kpi.findIndex((r) => r[0] === 'Capaciteit per week');
    expect(kpi.slice(weeks + 3, weeks + 7).map((r) => r.slice(0, 5))).toEqual([
      [ANNA, '30-11-2026', 2.7, 4, 0.6667],
      [ANNA, '07-12-2026', 0, 5, 0],
      [ANNA, '14-12-2026', 0, 5, 0],
      [ANNA, '21-12-2026', 0, 4, 0],
    ]);
  });

  it('puts the plan in the morning mail: today first, the coming days, the backlog and what would clear it', () => {
    // Anna alone, 130 C clients imported and never contacted, all due today: 1,300 minutes against
    // 19 working days of 60 minutes (30 Nov - 27 Dec, Christmas off) in the horizon.
    const rows: unknown[][] = [RELATIES];
    const id = (i: number) => `A${String(i).padStart(3, '0')}`;
    for (let i = 1; i <= 130; i++) rows.push(relation(id(i), ANNA, 'C', null));
    const ss = workbook({
      timeZone: TZ,
      sheets: {
        Relaties: rows,
        Instellingen: [['Instelling', 'Waarde'], ['Taal', 'nl'], ['Team', '@bureau.nl']],
        Log: [['Tijdstip', 'Soort', 'Blad', 'Rij', 'Kolom', 'Waarde', 'Melding', 'Datum', 'Eigenaar', 'Aantal']],
      },
    });
    const cadans = loadCadans(ss, { now: NOW });
    cadans.dailyRun();
    const [mail] = cadans.project.mail.sent;
    const lines = String(mail.body).split('\n');
    expect(lines[2]).toBe('== Vandaag gepland: 6 relaties, 60 van je 60 minuten ==');
    // Equally urgent, so in the sheet's order: six today, then the rest under their own heading.
    expect(lines.filter((l) => l.startsWith('- ')).slice(0, 7)).toEqual([1, 2, 3, 4, 5, 6, 7].map((i) => `- Relatie ${id(i)}`));
    expect(lines).toContain('== Verder aan de beurt (op een latere dag gepland) ==');
    const tail = lines.slice(lines.indexOf('Komende dagen: ma 6 · di 6 · wo 6 · do 6 · vr 6'));
    expect(tail.slice(0, 3)).toEqual([
      'Komende dagen: ma 6 · di 6 · wo 6 · do 6 · vr 6',
      // 100 of them fall after Friday; the last 16 (160 minutes) after the horizon, up to 30 December.
      'Achterstand: 100, ingepland tot 30-12-2026',
      `Je planning loopt 160 minuten (16 relaties) over de planhorizon heen. Dat is weg met 9 minuten per dag meer, of door 16 relaties een tier lager te zetten (de zwakste eerst): ${Array.from({ length: 16 }, (_, i) => `Relatie ${id(i + 1)} (${id(i + 1)})`).join(', ')}.`,
    ]);
    // Gepland agrees with the mail: the first today, the last on 30 December (after the horizon).
    const sheet = ss.$sheet('Relaties');
    expect(dateIn(TZ, sheet.$value(2, GEPLAND) as Date)).toBe(MONDAY);
    expect(dateIn(TZ, sheet.$value(131, GEPLAND) as Date)).toBe('2026-12-30');
  });

  it('builds the Vandaag tab: per owner today’s plan first, the rest, actions and the coming days; the problems with links', () => {
    const ss = team();
    // A bad cell, so that the problems section has a line to link to, and an open action for Bram.
    ss.$sheet('Relaties').getRange(21, 8, 1, 1).setValues([['vorige week']]);
    ss.$addSheet('Acties', [['Relatie-ID', 'Relatie', 'Eigenaar', 'Actie', 'Deadline', 'Gedaan', 'Aangemaakt'], ['B1', 'Relatie B1', BRAM, 'Offerte sturen', midnight(TZ, '2026-11-27'), 'nee', '']]);
    const cadans = loadCadans(ss, { now: NOW });
    cadans.refreshNow();
    const url = `${ss.$url()}#gid=${ss.$sheet('Relaties').sheetId}`;
    // Each row without its trailing blanks.
    // Each row without its trailing blanks, a date cell as the sheet shows it (dd-mm-yyyy).
    const rows = ss.$sheet('Vandaag').$values().map((r) => {
      const cells = r.map((v) => (v instanceof Date ? new Intl.DateTimeFormat('nl-NL', { timeZone: TZ, day: '2-digit', month: '2-digit', year: 'numeric' }).format(v) : v));
      while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
      return cells;
    });
    expect(rows[0][0]).toBe('Vandaag, ma 30-11-2026: opgebouwd door Cadans (refreshNow). Dit tabblad wordt bij elke run opnieuw opgebouwd; wijzigingen hier gaan verloren.');
    const anna = rows.findIndex((r) => String(r[0]).startsWith(`${ANNA}:`));
    expect(rows[anna]).toEqual([`${ANNA}: te laat 16 · nooit gesproken 0 · binnenkort 0 · acties 0 · vandaag gepland 6 (60 van 60 min)`]);
    expect(rows[anna + 1]).toEqual(['Vandaag', 'Relatie', 'ID', 'Organisatie', 'Tier', 'Status', 'Contact uiterlijk', 'Voorstel', 'Link']);
    // A01 was last seen on 15 April: due 15 October, 46 days overdue.
    expect(rows[anna + 2]).toEqual(['vandaag', 'Relatie A01', 'A01', 'Org A01', 'C', '46 dagen te laat', '15-10-2026', '30-11-2026', `${url}&range=A2`]);
    expect(rows[anna + 8]).toEqual(['', 'Relatie A07', 'A07', 'Org A07', 'C', '40 dagen te laat', '21-10-2026', '01-12-2026', `${url}&range=A8`]);
    // Her next five working days: Wednesday 2 December she is away.
    expect(rows[anna + 18]).toEqual(['', 'Komende dagen: ma 6 · di 6 · do 4 · vr 0 · ma 0']);
    const bram = rows.findIndex((r) => String(r[0]).startsWith(`${BRAM}:`));
    expect(rows.slice(bram, bram + 9)).toEqual([
      [`${BRAM}: te laat 3 · nooit gesproken 1 · binnenkort 0 · acties 1 · vandaag gepland 1 (20 van 30 min)`],
      ['Vandaag', 'Relatie', 'ID', 'Organisatie', 'Tier', 'Status', 'Contact uiterlijk', 'Voorstel', 'Link'],
      ['vandaag', 'Relatie B1', 'B1', 'Org B1', 'A', '35 dagen te laat', '26-10-2026', '30-11-2026', `${url}&range=A18`],
      ['', 'Relatie B2', 'B2', 'Org B2', 'A', '34 dagen te laat', '27-10-2026', '01-12-2026', `${url}&range=A19`],
      ['', 'Relatie B3', 'B3', 'Org B3', 'A', '33 dagen te laat', '28-10-2026', '02-12-2026', `${url}&range=A20`],
      // B4's last contact is unreadable: it counts as never contacted, due today.
      ['', 'Relatie B4', 'B4', 'Org B4', 'A', 'nooit', '30-11-2026', '03-12-2026', `${url}&range=A21`],
      ['actie', 'Offerte sturen', '', 'Relatie B1', '', 'te laat', '27-11-2026'],
      ['', 'Komende dagen: ma 1 · di 1 · wo 1 · do 1 · vr 0'],
      [],
    ]);
    // The unreadable cell is reported with a link to it.
    const problems = rows.findIndex((r) => r[0] === 'Problemen in het werkboek (1)');
    expect(rows[problems + 1]).toEqual(['Cellen die Cadans niet kan lezen; de rest van de rij telt wel mee. Verbeter de cel via de link, de volgende run neemt hem mee.']);
    expect(rows.slice(problems + 2, problems + 4)).toEqual([
      ['Blad', 'Rij', 'Kolom', 'Waarde', 'Melding', 'Link'],
      ['Relaties', 21, 'Laatste contact (H)', 'vorige week', 'geen geldige datum; verwacht bijvoorbeeld 3-2-2026, 2026-02-03 of een datumcel (jaar 1900-9999)', `${url}&range=H21`],
    ]);
    expect(rows.at(-1)).toEqual(['Laatste run: 30-11-2026 (refreshNow)']);
  });
});
