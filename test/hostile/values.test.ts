// Hostile values: amounts with currency and both separators, negative and absurd amounts, error
// values, formulas in input columns, 50,000-character notes, emoji and right-to-left text, and
// text that looks like a formula.

import { describe, expect, it } from 'vitest';
import { COL, computed, expectProblems, isWellFormed, NL, relation, runOn, utc } from './workbook';

describe('amounts', () => {
  const AMOUNTS = ['€ 12.500,00', '12,500.00', '€ 4.200,-', 'EUR 12,500.00', '12500', 64000, '€ 1.000.000,00'];

  for (const locale of ['nl_NL', 'en_US']) {
    it(`with currency and both separators are read without a problem (${locale})`, async () => {
      const o = await runOn({ relations: { rows: AMOUNTS.map((a, i) => relation(`R${i}`, { revenue: a })) }, settings: [['Landinstelling', locale]] });
      expectProblems(o, []);
      expect(o.lines[1]).toBe(`Relaties: ${AMOUNTS.length}`);
      // Amounts are the team's: left exactly as typed.
      expect(AMOUNTS.map((_, i) => o.output.getWorksheet('Relaties')!.getRow(i + 2).getCell(COL.Jaaromzet).value)).toEqual(AMOUNTS);
    });
  }

  it('negative, malformed and absurd amounts: negative and malformed ones are reported; the row is still computed', async () => {
    const o = await runOn({
      relations: {
        rows: [
          relation('R1', { revenue: -500 }), // row 2
          relation('R2', { revenue: '-€ 500' }), // row 3
          relation('R3', { revenue: '(500)' }), // row 4: accountants' negative
          relation('R4', { revenue: 1e20 }), // row 5: absurd, but a number
          relation('R5', { revenue: '1e20' }), // row 6: not how anyone writes an amount
          relation('R6', { revenue: '1.25.00' }), // row 7
          relation('R7', { revenue: 'ca. 10k' }), // row 8
          relation('R8', { placements: 2.5, referrals: -1 }), // row 9
          relation('R9', { placements: 1e20 }), // row 10: a whole number, however absurd
        ],
      },
    });
    expectProblems(o, [
      ['Relaties', 2, 'Jaaromzet (I)', '-500', NL.negativeAmount],
      ['Relaties', 3, 'Jaaromzet (I)', '-€ 500', NL.negativeAmount],
      ['Relaties', 4, 'Jaaromzet (I)', '(500)', NL.negativeAmount],
      ['Relaties', 6, 'Jaaromzet (I)', '1e20', NL.amount],
      ['Relaties', 7, 'Jaaromzet (I)', '1.25.00', NL.amount],
      ['Relaties', 8, 'Jaaromzet (I)', 'ca. 10k', NL.amount],
      ['Relaties', 9, 'Plaatsingen (J)', '2.5', NL.count],
      ['Relaties', 9, 'Referrals (K)', '-1', NL.count],
    ]);
    // Revenue plays no part in the cadence: every row is computed.
    expect(o.lines[1]).toBe('Relaties: 9');
    for (let row = 2; row <= 10; row++) expect(computed(o.output, row)).toEqual([utc(2027, 1, 1), 'op schema', 0]);
    expect(o.output.getWorksheet('Relaties')!.getCell('I5').value).toBe(1e20);
  });
});

describe('error values in cells', () => {
  it('#N/A and #REF! (as error cells and as a formula result) are reported with their place and left in place', async () => {
    const vlookup = { formula: 'VLOOKUP(A5,Omzet!A:B,2,FALSE)', result: { error: '#N/A' } };
    const o = await runOn({
      relations: {
        rows: [
          relation('R1', { lastContact: { error: '#N/A' } }), // row 2
          relation('R2', { tier: { error: '#REF!' } }), // row 3
          relation('R3', { owner: { error: '#N/A' }, active: { error: '#REF!' } }), // row 4
          relation('R4', { revenue: vlookup as never }), // row 5
          relation('R5', { lastContact: '#DIV/0!' }), // row 6: pasted as text
        ],
      },
    });
    expectProblems(o, [
      ['Relaties', 2, 'Laatste contact (H)', '#N/A', NL.cellError],
      ['Relaties', 3, 'Tier (G)', '#REF!', NL.cellError],
      ['Relaties', 4, 'Eigenaar (F)', '#N/A', NL.cellError],
      ['Relaties', 4, 'Actief (L)', '#REF!', NL.cellError],
      ['Relaties', 5, 'Jaaromzet (I)', '#N/A', NL.cellError],
      ['Relaties', 6, 'Laatste contact (H)', '#DIV/0!', NL.cellError],
    ]);
    // An unreadable last contact comes up at once; an unreadable tier gives no cadence at all
    // (and no second "no tier" problem); an unreadable Actief counts as active.
    expect(computed(o.output, 2)).toEqual([utc(2026, 11, 24), 'nooit', 0]);
    expect(computed(o.output, 3)).toEqual([null, null, null]);
    expect(computed(o.output, 4)).toEqual([utc(2027, 1, 1), 'op schema', 0]);
    expect(computed(o.output, 6)).toEqual([utc(2026, 11, 24), 'nooit', 0]);
    const ws = o.output.getWorksheet('Relaties')!;
    expect([ws.getCell('H2').value, ws.getCell('G3').value, ws.getCell('F4').value, ws.getCell('L4').value, ws.getCell('I5').value]).toEqual([
      { error: '#N/A' },
      { error: '#REF!' },
      { error: '#N/A' },
      { error: '#REF!' },
      vlookup,
    ]);
  });
});

describe('formulas in input columns', () => {
  it('are read as their cached results and left intact in the output', async () => {
    const f = {
      tier: { formula: 'IF(I2>50000,"A","B")', result: 'A' },
      lastContact: { formula: 'DATE(2026,10,15)', result: utc(2026, 10, 15) },
      revenue: { formula: '5000*12', result: 60000 },
      active: { formula: 'NOT(FALSE)', result: true },
      owner: { formula: 'LOWER("Sanne@Bureau.nl")', result: 'sanne@bureau.nl' },
      serial: { formula: 'TODAY()-30', result: 46320 }, // a date serial without a date format: 25-10-2026
      empty: { formula: 'IF(FALSE,"A","")', result: '' },
    };
    const o = await runOn({
      relations: {
        rows: [
          relation('R1', { tier: f.tier, lastContact: f.lastContact, revenue: f.revenue, active: f.active, owner: f.owner }),
          relation('R2', { tier: 'B', lastContact: f.serial }),
          relation('R3', { tier: f.empty }),
        ],
      },
    });
    expectProblems(o, [['Relaties', 4, 'Tier (G)', '', NL.missingTier]]);
    expect(computed(o.output, 2)).toEqual([utc(2026, 11, 15), 'te laat', 9]);
    expect(computed(o.output, 3)).toEqual([utc(2027, 1, 25), 'op schema', 0]);
    expect(computed(o.output, 4)).toEqual([null, null, null]);
    // Each formula is still the same formula with the same cached result.
    const cells = ['G2', 'H2', 'I2', 'L2', 'F2', 'H3', 'G4'];
    const input = o.input.getWorksheet('Relaties')!;
    expect(cells.map((c) => (input.getCell(c).value as { formula?: string }).formula)).toEqual([f.tier, f.lastContact, f.revenue, f.active, f.owner, f.serial, f.empty].map((x) => x.formula));
    expect(cells.map((c) => o.output.getWorksheet('Relaties')!.getCell(c).value)).toEqual(cells.map((c) => input.getCell(c).value));
  });
});

describe('long notes', () => {
  it('a 50,000-character note is left intact and is no problem', async () => {
    const note = `Gesprek 1:\n${'Lange notitie met één emoji 😀 en een regel\n'.repeat(1200)}`.slice(0, 50_000);
    const o = await runOn({ relations: { rows: [relation('R1', { notes: note }), relation('R2', { notes: note })] } });
    expectProblems(o, []);
    const ws = o.output.getWorksheet('Relaties')!;
    expect(ws.getCell('M2').value).toBe(note);
    expect(ws.getCell('M3').value).toBe(note);
    expect(computed(o.output, 3)).toEqual([utc(2027, 1, 1), 'op schema', 0]);
  });

  it('a 50,000-character problem value is shown cut short, as well-formed text, in the summary and the Log', async () => {
    // The 200th character is an emoji: cutting between its two UTF-16 halves would leave a broken
    // character (shown as �) in the Log.
    const pasted = `${'a'.repeat(199)}😀${'b'.repeat(49_799)}`;
    const o = await runOn({ relations: { rows: [relation('R1', { lastContact: pasted })] } });
    expect(o.problemCount).toBe(1);
    const [, , column, value, message] = o.logProblems[0] as string[];
    expect([column, message]).toEqual(['Laatste contact (H)', NL.date]);
    expect(isWellFormed(value), JSON.stringify(value.slice(-3))).toBe(true);
    expect(value.endsWith('…')).toBe(true);
    expect(pasted.startsWith(value.slice(0, -1))).toBe(true);
    expect(value.length).toBeLessThanOrEqual(203);
    expect(o.problems[0]).toBe(`Relaties, rij 2, Laatste contact (H): '${value}': ${NL.date}`);
    expect(o.output.getWorksheet('Relaties')!.getCell('H2').value).toBe(pasted);
  });
});

describe('emoji and right-to-left text', () => {
  it('are left intact, and shown exactly in the summary and the Log when they are the problem value', async () => {
    const arabic = 'سارة العلوي';
    const hebrew = 'דוד כהן 👩🏽‍💼';
    const o = await runOn({
      relations: {
        rows: [
          relation('R1', { name: arabic, organisation: 'مكتب التوظيف 🌍', owner: 'سارة@مكتب', tier: '🅰️' }), // row 2
          relation('R2', { name: hebrew, lastContact: '3 בפברואר 2026', notes: '\u200fהערה ✅' }), // row 3
          relation('R3', { name: '🧑‍💻 Dev Team 🚀', type: '🤝', tier: 'A' }), // row 4
        ],
      },
    });
    expectProblems(o, [
      ['Relaties', 2, 'Eigenaar (F)', 'سارة@مكتب', NL.email],
      ['Relaties', 2, 'Tier (G)', '🅰️', NL.tier],
      ['Relaties', 3, 'Laatste contact (H)', '3 בפברואר 2026', NL.date],
      ['Relaties', 4, 'Type (C)', '🤝', NL.relationType],
    ]);
    const ws = o.output.getWorksheet('Relaties')!;
    expect([ws.getCell('B2').value, ws.getCell('D2').value, ws.getCell('B3').value, ws.getCell('M3').value, ws.getCell('B4').value]).toEqual([
      arabic,
      'مكتب التوظيف 🌍',
      hebrew,
      '\u200fהערה ✅',
      '🧑‍💻 Dev Team 🚀',
    ]);
    expect(computed(o.output, 2)).toEqual([null, null, null]);
    expect(computed(o.output, 3)).toEqual([utc(2026, 11, 24), 'nooit', 0]);
    expect(computed(o.output, 4)).toEqual([utc(2026, 11, 1), 'te laat', 23]);
  });
});

describe("text that looks like a formula ('=', '+', '-', '@')", () => {
  it('stays exactly the text it was, in the team’s cells and as a problem value in the Log', async () => {
    const o = await runOn({
      relations: {
        rows: [
          relation('R1', {
            name: '=HYPERLINK("http://evil.example","klik")',
            organisation: '+31 6 12345678',
            notes: '-- niet bellen',
            email: '@bureau.nl',
            owner: '=1+1',
            lastContact: '=TODAY()',
            type: '+Klant',
          }),
          relation('R2', { name: '@SUM(A1:A9)', organisation: '-2+3', notes: '=cmd|" /C calc"!A0' }),
        ],
      },
    });
    expectProblems(o, [
      ['Relaties', 2, 'Type (C)', '+Klant', NL.relationType],
      ['Relaties', 2, 'E-mail (E)', '@bureau.nl', NL.email],
      ['Relaties', 2, 'Eigenaar (F)', '=1+1', NL.email],
      ['Relaties', 2, 'Laatste contact (H)', '=TODAY()', NL.date],
    ]);
    const ws = o.output.getWorksheet('Relaties')!;
    const cells = ['B2', 'C2', 'D2', 'E2', 'F2', 'H2', 'M2', 'B3', 'D3', 'M3'];
    expect(cells.map((c) => ws.getCell(c).value)).toEqual(cells.map((c) => o.input.getWorksheet('Relaties')!.getCell(c).value));
    for (const c of cells) expect(typeof ws.getCell(c).value, c).toBe('string');
    // In the Log the values are text too, never formulas.
    const values = o.log.map((r) => r.value).filter((v) => v !== undefined);
    expect(values).toEqual(['+Klant', '@bureau.nl', '=1+1', '=TODAY()']);
  });
});
