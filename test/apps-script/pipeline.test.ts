// The Pipeline tab through the bundle (issue 13): the onEdit simple trigger stamps Fase sinds on a
// stage change and on nothing else; a refresh writes Go/no-go and its Waarom, fills a blank Fase
// sinds, and records and reports a stage change the trigger did not see.

import { describe, expect, it } from 'vitest';
import { addDays, diff, loadCadans, midnight, snapshot, todayIn, workbook } from './harness';

const HEADER = [
  'Organisatie', 'Contactpersoon', 'Eigenaar', 'Fase', 'Budget', 'Budget notitie', 'Beslisser', 'Beslisser notitie', 'Behoefte', 'Behoefte notitie',
  'Tijdlijn', 'Tijdlijn notitie', 'Voorstel verstuurd', 'Volgende stap', 'BANT', 'Fase sinds', 'Binnengekomen', 'Startdatum', 'Plezier',
  'Brengt ons verder', 'Betaalt goed en op tijd', 'Regie zonder micromanagement', 'Reactie op werktest', 'Reden afgewezen', 'Reden afgehaakt',
  'Go/no-go', 'Waarom go/no-go',
];
const STAGE = 4;
const SINCE = 16;
const GO = 26;
const WHY = 27;
const HISTORY = ['Datum', 'Organisatie', 'Van', 'Naar', 'Bron'];

/** A prospect row: BANT in columns E, G, I, K; the guide's five criteria in S-W. */
function prospect(org: string, stage: string, bant: string[], guide: string[], over: Record<number, unknown> = {}): unknown[] {
  const row: unknown[] = Array(HEADER.length).fill('');
  row[0] = org;
  row[1] = 'Contact';
  row[2] = 'joost@bureau.nl';
  row[STAGE - 1] = stage;
  [5, 7, 9, 11].forEach((c, i) => (row[c - 1] = bant[i]));
  guide.forEach((v, i) => (row[19 + i - 1] = v));
  for (const [c, v] of Object.entries(over)) row[Number(c) - 1] = v;
  return row;
}

function build(tz: string, pipeline: unknown[][], history?: unknown[][]) {
  const sheets: Record<string, unknown[][]> = {
    Relaties: [['ID', 'Naam', 'Tier', 'Laatste contact'], ['R1', 'Anna', 'A', '']],
    Instellingen: [['Instelling', 'Waarde'], ['Taal', 'nl']],
    Pipeline: [HEADER, ...pipeline],
  };
  if (history) sheets['Pipeline-historie'] = [HISTORY, ...history];
  return workbook({ timeZone: tz, sheets });
}

describe.each(['Pacific/Auckland', 'America/Los_Angeles'])('the Pipeline tab in a spreadsheet in %s', (tz) => {
  const T = todayIn(tz);
  const day = (offset: number) => midnight(tz, addDays(T, offset));

  it('onEdit stamps Fase sinds and adds a history row when one stage cell changes', () => {
    const ss = build(tz, [prospect('Acme', 'koud', ['ja', 'ja', 'ja', 'ja'], [], { [SINCE]: day(-40) }), prospect('Beta', 'warm', [], [])]);
    const cadans = loadCadans(ss);
    const sheet = ss.$sheet('Pipeline');
    sheet.$write({ row: 2, column: STAGE, numRows: 1, numColumns: 1 }, [['warm']]);
    const range = cadans.evaluate(`SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Pipeline').getRange(2, ${STAGE})`);
    cadans.onEdit({ range, value: 'warm', oldValue: 'koud', authMode: 'LIMITED' });
    expect(sheet.$value(2, SINCE)).toEqual(day(0));
    expect(sheet.$value(3, SINCE)).toBe('');
    expect(ss.$sheet('Pipeline-historie').$values()).toEqual([HISTORY, [day(0), 'Acme', 'koud', 'warm', 'wijziging in blad']]);
  });

  it('onEdit stamps nothing for another column, the same stage, a non-stage, the header, or a paste of many rows', () => {
    const ss = build(tz, [prospect('Acme', 'koud', [], [], { [SINCE]: day(-40) }), prospect('Beta', 'warm', [], [], { [SINCE]: day(-9) })]);
    const cadans = loadCadans(ss);
    const before = snapshot(ss);
    const rangeOf = (row: number, column: number, rows = 1) => cadans.evaluate(`SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Pipeline').getRange(${row}, ${column}, ${rows}, 1)`);
    cadans.onEdit({ range: rangeOf(2, 5), value: 'ja', oldValue: '' }); // Budget
    cadans.onEdit({ range: rangeOf(2, STAGE), value: 'koud', oldValue: 'koud' }); // the same stage again
    cadans.onEdit({ range: rangeOf(2, STAGE), value: 'lauw', oldValue: 'koud' }); // no stage
    cadans.onEdit({ range: rangeOf(1, STAGE), value: 'Stadium', oldValue: 'Fase' }); // the header
    // A paste over both rows' stages: Sheets gives no value nor old value for a range of cells.
    ss.$sheet('Pipeline').$write({ row: 2, column: STAGE, numRows: 2, numColumns: 1 }, [['heet'], ['heet']]);
    const pasted = snapshot(ss);
    cadans.onEdit({ range: rangeOf(2, STAGE, 2) });
    expect(diff(pasted, snapshot(ss))).toEqual({ changed: [], added: [] });
    expect(diff(before, pasted).changed.sort()).toEqual(['Pipeline!2,4', 'Pipeline!3,4']);
    expect(ss.sheets.map((s) => s.name)).not.toContain('Pipeline-historie');
  });

  it('onEdit leaves at once for an edit on another tab: it runs on every edit in the spreadsheet', () => {
    const ss = build(tz, [prospect('Acme', 'koud', [], [], { [SINCE]: day(-40) })]);
    ss.$addSheet('Notities', [['iets']]);
    const cadans = loadCadans(ss);
    const range = cadans.evaluate(`SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Notities').getRange(1, 1, 1, 1)`);
    cadans.env.reset();
    cadans.onEdit({ range, value: 'warm', oldValue: 'koud' });
    // The range's tab and its name, nothing more: no clock check, no read, no write.
    expect(cadans.env.byMethod()).toEqual({ 'Range.getSheet': 1, 'Sheet.getName': 1 });
  });

  it('a refresh writes Go/no-go and Waarom naming each criterion, and a far start as such', () => {
    const ss = build(tz, [
      prospect('Acme', 'heet', ['ja', 'ja', 'ja', 'ja'], ['ja', 'ja', '?', '?', ''], { [SINCE]: day(-3) }),
      prospect('Beta', 'warm', ['nee', 'ja', 'ja', 'ja'], ['ja', 'ja', 'ja', 'ja', 'ja'], { [SINCE]: day(-3) }),
      prospect('Gamma', 'warm', ['ja', 'ja', 'ja', 'ja'], ['ja', 'ja', 'ja', 'ja', 'ja'], { [SINCE]: day(-3), 18: midnight(tz, addDays(T, 250)) }),
      prospect('Delta', 'koud', ['ja', '?', 'ja', 'ja'], ['nee', 'nee', 'nee', '', ''], { [SINCE]: day(-3) }),
    ], [[day(-3), 'Acme', '', 'heet', ''], [day(-3), 'Beta', '', 'warm', ''], [day(-3), 'Gamma', '', 'warm', ''], [day(-3), 'Delta', '', 'koud', '']]);
    loadCadans(ss).refreshNow();
    const sheet = ss.$sheet('Pipeline');
    expect([2, 3, 4, 5].map((r) => [sheet.$value(r, GO), sheet.$value(r, WHY)])).toEqual([
      ['go', 'go: genoeg voor, BANT volledig ja · score 0,67 · ja: Plezier, Brengt ons verder, Budget, Beslisser, Behoefte, Tijdlijn · ?: Betaalt goed en op tijd, Regie zonder micromanagement, Reactie op werktest'],
      ['no-go', 'no-go: geen budget · score 0,78 · ja: Plezier, Brengt ons verder, Betaalt goed en op tijd, Regie zonder micromanagement, Reactie op werktest, Beslisser, Behoefte, Tijdlijn · nee: Budget'],
      ['twijfel', 'twijfel: start over meer dan 6 maanden: niet nu · score 1,00 · ja: Plezier, Brengt ons verder, Betaalt goed en op tijd, Regie zonder micromanagement, Reactie op werktest, Budget, Beslisser, Behoefte, Tijdlijn'],
      ['twijfel', 'twijfel: BANT nog niet volledig ja · score 0,00 · ja: Budget, Behoefte, Tijdlijn · nee: Plezier, Brengt ons verder, Betaalt goed en op tijd · ?: Regie zonder micromanagement, Reactie op werktest, Beslisser'],
    ]);
  });

  it('a refresh fills a blank Fase sinds, and records and reports a stage change it did not see', () => {
    const ss = build(tz, [
      prospect('Acme', 'heet', [], [], { [SINCE]: day(-30) }), // warm since -30 in the history, now heet: changed unseen
      prospect('Eigen', 'heet', [], [], { [SINCE]: day(-4) }), // changed unseen, but Fase sinds typed by the team: kept
      prospect('Beta', 'warm', [], []), // blank Fase sinds, known in the history since 12 days
      prospect('Nieuw', 'koud', [], []), // never seen: today
      prospect('Gelijk', 'warm', [], [], { [SINCE]: day(-5) }),
    ], [[day(-30), 'Acme', 'koud', 'warm', 'wijziging in blad'], [day(-10), 'Eigen', 'koud', 'warm', 'wijziging in blad'], [day(-12), 'Beta', '', 'warm', 'wijziging in blad'], [day(-5), 'Gelijk', 'koud', 'warm', 'wijziging in blad']]);
    loadCadans(ss).refreshNow();
    const sheet = ss.$sheet('Pipeline');
    expect([2, 3, 4, 5, 6].map((r) => sheet.$value(r, SINCE))).toEqual([day(0), day(-4), day(-12), day(0), day(-5)]);
    expect(ss.$sheet('Pipeline-historie').$values().slice(5)).toEqual([
      [day(0), 'Acme', 'warm', 'heet', 'gezien bij verversen'],
      [day(-4), 'Eigen', 'warm', 'heet', 'gezien bij verversen'],
      [day(0), 'Nieuw', '', 'koud', 'gezien bij verversen'],
    ]);
    const problems = ss.$sheet('Log').$values().filter((r) => r[1] === 'probleem' && r[2] === 'Pipeline').map((r) => r.slice(3, 7));
    const shown = (iso: string) => `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;
    const unseen = (date: string) => `fase veranderd van warm naar heet zonder dat Cadans het zag (geplakt, of buiten Google Sheets); Fase sinds is ${date}`;
    expect(problems).toEqual([[2, 'Fase (D)', 'heet', unseen(shown(T))], [3, 'Fase (D)', 'heet', unseen(shown(addDays(T, -4)))]]);
    // A second refresh has nothing new to record.
    loadCadans(ss).refreshNow();
    expect(ss.$sheet('Pipeline-historie').$lastRow()).toBe(8);
  });
});
