// The Kwartaal tab through the bundle (issue 13): rebuilt by each refresh for the current quarter,
// kept as `Kwartaal 2026-Q3` by the first refresh of the next quarter and never written again;
// the new quarter compares its concentration with the kept one. Testimonials come from the
// Touchpoints tab's Testimonial column, new prospects from the Pipeline's Binnengekomen.

import { describe, expect, it } from 'vitest';
import type { FakeSheet } from './fakes/index';
import { diff, loadCadans, midnight, snapshot, workbook } from './harness';

const RELATIES = ['ID', 'Naam', 'Type', 'Organisatie', 'Eigenaar', 'Tier', 'Laatste contact', 'Jaaromzet', 'Omzet vorig jaar', 'Klant sinds', 'Actief'];
const TOUCHPOINTS = ['Datum', 'Relatie-ID', 'Soort', 'Notities', 'Testimonial'];

describe.each(['Pacific/Auckland', 'America/Los_Angeles'])('the Kwartaal tab in a spreadsheet in %s', (tz) => {
  const d = (iso: string) => midnight(tz, iso);
  const at = (iso: string) => ({ now: new Date(d(iso).getTime() + 12 * 3_600_000) });

  function build() {
    return workbook({
      timeZone: tz,
      sheets: {
        Relaties: [
          RELATIES,
          ['R1', 'Anna', 'Klant', 'Acme', 'sanne@bureau.nl', 'A', d('2026-09-01'), 60000, 50000, d('2020-01-01'), 'ja'],
          ['R2', 'Bram', 'Klant', 'Beta', 'sanne@bureau.nl', 'B', d('2026-08-01'), 30000, 0, d('2026-08-15'), 'ja'],
          ['R3', 'Chris', 'Klant', 'Gamma', 'joris@bureau.nl', 'C', d('2026-05-01'), 10000, 20000, d('2019-01-01'), 'ja'],
          ['R4', 'Dirk', 'Klant', 'Delta', 'joris@bureau.nl', 'C', d('2026-05-01'), 0, 15000, d('2018-01-01'), 'ja'],
        ],
        Touchpoints: [
          TOUCHPOINTS,
          [d('2026-07-03'), 'R1', 'Bel', 'Mooi citaat voor de site', 'ja'],
          [d('2026-06-30'), 'R2', 'Bel', 'vorig kwartaal', 'ja'],
          [d('2026-09-10'), 'R3', 'Lunch', '', 'nee'],
        ],
        Instellingen: [['Instelling', 'Waarde'], ['Taal', 'nl']],
        Pipeline: [['Organisatie', 'Eigenaar', 'Fase', 'Fase sinds', 'Binnengekomen'], ['P1', 'sanne@bureau.nl', 'koud', d('2026-07-10'), d('2026-07-10')], ['P2', 'sanne@bureau.nl', 'warm', d('2026-06-01'), d('2026-05-01')]],
      },
    });
  }
  /** A section's rows below its title, without its explanation (in italics); a date cell as dd-mm-yyyy. */
  const rows = (sheet: FakeSheet, title: string) => {
    const values = sheet.$values();
    const start = values.findIndex((r) => String(r[0]).startsWith(title));
    const out: unknown[][] = [];
    for (let i = start + 1; i < values.length && values[i].some((c) => c !== ''); i++) {
      if (sheet.$fontStyle(i + 1, 1) === 'italic') continue;
      const row = values[i].map((v) => (v instanceof Date ? new Intl.DateTimeFormat('nl-NL', { timeZone: tz, day: '2-digit', month: '2-digit', year: 'numeric' }).format(v) : v));
      while (row.length > 0 && row[row.length - 1] === '') row.pop();
      out.push(row);
    }
    return out;
  };

  it('reviews the current quarter: progression, risk, portfolio actions, testimonials and goals', () => {
    const ss = build();
    loadCadans(ss, at('2026-09-30')).refreshNow();
    const q = ss.$sheet('Kwartaal');
    // Row 1 short, so that B1 (the quarter's key) does not cut it off; what the tab is follows in row 2.
    expect(q.$values()[0].slice(0, 2)).toEqual(['Kwartaal 2026-Q3 (01-07-2026 t/m 30-09-2026)', '2026-Q3']);
    expect(q.$values()[1][0]).toBe(
      'Opgebouwd door Cadans op 30-09-2026. Bij elke run opnieuw opgebouwd; bij het begin van het volgende kwartaal bewaard als tabblad Kwartaal 2026-Q3, dat Cadans daarna nooit meer wijzigt. Zonder accounthistorie leest Cadans de kolommen Tier, Jaaromzet, Jaaromzet vorig jaar en Klant sinds zoals ze nu zijn.',
    );
    const progression = rows(q, 'Relatieprogressie');
    expect(progression.slice(4)).toEqual([
      ['Nieuwe klanten dit kwartaal (Klant sinds)', 1, 'Bram'],
      ['Verloren klanten (omzet vorig jaar, nu geen omzet of inactief)', 1, 'Dirk'],
    ]);
    expect(rows(q, 'Risico: concentratie')).toEqual([
      ['Maat', 'Dit kwartaal', 'Vorig kwartaal'],
      ['HHI', 4600, 'geen bewaard kwartaal'],
      ['Aandeel grootste klant', 0.6, 'geen bewaard kwartaal'],
      ['Aandeel top 5', 1, 'geen bewaard kwartaal'],
      ['Effectief aantal klanten', 2.2, 'geen bewaard kwartaal'],
    ]);
    expect(rows(q, 'Portefeuilleacties').slice(-1)).toEqual([['Nieuwe prospects (Binnengekomen dit kwartaal)', 1]]);
    expect(rows(q, 'Testimonials dit kwartaal (1)')).toEqual([['Datum', 'Relatie-ID', 'Relatie', 'Notities'], ['03-07-2026', 'R1', 'Anna', 'Mooi citaat voor de site']]);
    expect(rows(q, 'Doelen tegen').slice(-1)).toEqual([['Aanvragen dit kwartaal (gids: 52 per jaar)', 1, 'minstens 13', '✘ onder doel']]);
  });

  it('keeps the old quarter as a copy at the next quarter, compares with it, and never writes the copy again', () => {
    const ss = build();
    loadCadans(ss, at('2026-09-30')).refreshNow();
    const q3 = ss.$sheet('Kwartaal').$values();
    loadCadans(ss, at('2026-10-01')).refreshNow();
    expect(ss.$sheet('Kwartaal 2026-Q3').$values()).toEqual(q3);
    // The copy reads as the tab did: its shares as percentages, its titles in bold, its first row frozen.
    const copy = ss.$sheet('Kwartaal 2026-Q3');
    const share = copy.$values().findIndex((r) => r[0] === 'Aandeel grootste klant') + 1;
    const title = copy.$values().findIndex((r) => r[0] === 'Risico: concentratie dit kwartaal tegen vorig kwartaal') + 1;
    expect([copy.$value(share, 2), copy.$format(share, 2), copy.$fontWeight(title, 1), copy.$fontStyle(title + 1, 1), copy.frozenRows]).toEqual([0.6, '0.0%', 'bold', 'italic', 1]);
    const q4 = ss.$sheet('Kwartaal').$values();
    expect(q4[0][1]).toBe('2026-Q4');
    // Anna's revenue grows before the next run: this quarter's figures move, last quarter's stay.
    ss.$sheet('Relaties').$write({ row: 2, column: 8, numRows: 1, numColumns: 1 }, [[140000]]);
    const kept = snapshot(ss);
    loadCadans(ss, at('2026-10-02')).refreshNow();
    const changed = diff(kept, snapshot(ss)).changed.filter((c) => c.startsWith('Kwartaal 2026-Q3!'));
    expect(changed).toEqual([]);
    expect(rows(ss.$sheet('Kwartaal'), 'Risico: concentratie')[1]).toEqual(['HHI', 6358, 4600]); // (140² + 30² + 10²) ÷ 180² × 10,000
    expect(ss.sheets.map((s) => s.name).filter((n) => n.startsWith('Kwartaal'))).toEqual(['Kwartaal', 'Kwartaal 2026-Q3']);
  });
});
