import { describe, expect, it } from 'vitest';
import {
  type AccountContact,
  accountRiskReport,
  accountsOf,
  groupedAbcTiers,
  groupedRevenues,
  monthKey,
  newDepartmentalContacts,
  nextHistory,
  type OrganisationInput,
  organisationKey,
  quarterOf,
  type Snapshot,
  upgradeRate,
} from '../../src/core/accounts';
import { concentrationOf } from '../../src/core/concentration';
import { dayFromYmd } from '../../src/core/dates';
import { DEFAULT_REPORT_SETTINGS } from '../../src/core/report-settings';
import { riskReport } from '../../src/core/risk';

let nextRow = 2;
function contact(organisation: string, revenue: number | null, extra: Partial<AccountContact> = {}): AccountContact {
  const row = nextRow++;
  return {
    row,
    id: `R${row}`,
    name: `Persoon ${row}`,
    type: 'client',
    organisation,
    active: true,
    revenue,
    revenueLastYear: null,
    retainer: null,
    department: '',
    roles: [],
    departmentsKnown: null,
    departmentsServed: null,
    ...extra,
  };
}

function organisation(row: number, name: string, revenue: number | null, extra: Partial<OrganisationInput> = {}): OrganisationInput {
  return {
    row,
    name,
    owner: null,
    revenue,
    revenueLastYear: null,
    retainer: null,
    clientSince: null,
    departments: { names: [], count: null },
    departmentsServed: { names: [], count: null },
    ...extra,
  };
}

describe('organisationKey', () => {
  it('ignores case, spacing, punctuation and accents', () => {
    expect(organisationKey('Gemeente Utrecht')).toBe('gemeenteutrecht');
    expect(organisationKey('  gemeente   UTRECHT ')).toBe('gemeenteutrecht');
    expect(organisationKey('Van Dijk B.V.')).toBe(organisationKey('Van Dijk BV'));
    expect(organisationKey('Zorggroep Middenland-Oost')).toBe(organisationKey('zorggroep middenland oost'));
    expect(organisationKey('Financiën')).toBe('financien');
    expect(organisationKey('...')).toBe('');
  });
});

describe('risk per account', () => {
  it('three contacts of one organisation at 15% each are one key client at 45%, named in the stress test', () => {
    // Gemeente Utrecht: three contacts of 15,000 each; eleven other organisations of 5,000 each.
    const contacts = [
      contact('Gemeente Utrecht', 15_000),
      contact('Gemeente Utrecht', 15_000),
      contact('Gemeente Utrecht', 15_000),
      ...Array.from({ length: 11 }, (_, i) => contact(`Klant ${i + 1}`, 5_000)),
    ];
    // Per person, no one reaches the 20% line: the risk would be missed.
    expect(riskReport(contacts.map((c) => ({ ...c, retainer: null })), DEFAULT_REPORT_SETTINGS).clients.filter((c) => c.key)).toEqual([]);
    const report = accountRiskReport(accountsOf(contacts).accounts, { ...DEFAULT_REPORT_SETTINGS, cashReserve: { ...DEFAULT_REPORT_SETTINGS.cashReserve, actualMonths: 3 } });
    expect(report.clients.filter((c) => c.key).map((c) => [c.name, c.share, c.revenue])).toEqual([['Gemeente Utrecht', 0.45, 45_000]]);
    // 45² + 11 × 5² = 2,025 + 275.
    expect(report.concentration!.hhi).toBeCloseTo(2300, 9);
    expect(report.concentration!.largestShare).toBe(0.45);
    expect(report.stress).toEqual([{ id: 'gemeenteutrecht', name: 'Gemeente Utrecht', lostShare: 0.45, monthsCarried: 3 / 0.45 }]);
    expect(report.scorecard.find((l) => l.key === 'keyClientRisk')).toEqual({ key: 'keyClientRisk', figure: 0.45, mark: 'poor' });
  });

  it('agency A per organisation: two organisations of two contacts each, 50/50, give HHI 5,000', () => {
    const accounts = accountsOf([contact('Alfa BV', 25_000), contact('Alfa B.V.', 25_000), contact('Beta', 30_000), contact('beta', 20_000)]).accounts;
    expect(accounts.map((a) => [a.name, a.revenue, a.contacts.length])).toEqual([['Alfa BV', 50_000, 2], ['Beta', 50_000, 2]]);
    const report = accountRiskReport(accounts, DEFAULT_REPORT_SETTINGS);
    expect(report.concentration).toEqual({ hhi: 5000, largestShare: 0.5, top5Share: 1, effectiveClients: 2, verdict: 'high' });
    expect(report.stress.map((s) => s.name)).toEqual(['Alfa BV', 'Beta']);
  });

  it('agency B per organisation: fifteen organisations, five of which bring half, give HHI 750', () => {
    const contacts = [
      ...Array.from({ length: 5 }, (_, i) => [contact(`Groot ${i + 1}`, 60_000), contact(`GROOT ${i + 1}`, 40_000)]).flat(),
      ...Array.from({ length: 10 }, (_, i) => contact(`Klein ${i + 1}`, 50_000)),
    ];
    const report = accountRiskReport(accountsOf(contacts).accounts, DEFAULT_REPORT_SETTINGS);
    expect(report.clients).toHaveLength(15);
    expect(report.concentration!.hhi).toBeCloseTo(750, 9);
    expect(report.concentration!.effectiveClients).toBeCloseTo(40 / 3, 9);
    expect(report.concentration!.top5Share).toBeCloseTo(0.5, 12);
    expect(report.clients.filter((c) => c.key)).toEqual([]);
    expect(report.clients.filter((c) => c.significant).map((c) => c.name)).toEqual(['Groot 1', 'Groot 2', 'Groot 3', 'Groot 4', 'Groot 5']);
  });
});

describe('accountsOf', () => {
  it('groups ignoring case and spacing, and reports each spelling with its rows', () => {
    nextRow = 2;
    const contacts = [contact('Gemeente Utrecht', 10), contact('gemeente utrecht', 10), contact('  Gemeente   Utrecht ', 10), contact('Van Dijk B.V.', 5), contact('Van Dijk BV', 5), contact('Anders', 1)];
    const { accounts, variants } = accountsOf(contacts, [organisation(2, 'Van Dijk B.V.', null)]);
    expect(accounts.map((a) => [a.name, a.contacts.map((c) => c.row), a.revenue])).toEqual([
      ['Gemeente Utrecht', [2, 3, 4], 30],
      ['Van Dijk B.V.', [5, 6], 10],
      ['Anders', [7], 1],
    ]);
    // Runs of spaces alone are not reported; a different case or punctuation is.
    expect(variants).toEqual([
      {
        account: 'Gemeente Utrecht',
        spellings: [
          { name: 'Gemeente Utrecht', relationRows: [2, 4], organisationRows: [] },
          { name: 'gemeente utrecht', relationRows: [3], organisationRows: [] },
        ],
      },
      {
        account: 'Van Dijk B.V.',
        spellings: [
          { name: 'Van Dijk B.V.', relationRows: [5], organisationRows: [2] },
          { name: 'Van Dijk BV', relationRows: [6], organisationRows: [] },
        ],
      },
    ]);
  });

  it("takes an organisation's revenue from its Organisaties row when filled in, reports contact revenue beside it and never adds both", () => {
    nextRow = 2;
    const contacts = [contact('Gemeente Utrecht', 20_000), contact('Gemeente Utrecht', 10_000), contact('Zorggroep', 5_000), contact('Zorggroep', null), contact('Nieuw', null)];
    const { accounts, doubleRevenue } = accountsOf(contacts, [organisation(2, 'Gemeente Utrecht', 100_000), organisation(3, 'Zorggroep', null), organisation(4, 'Prospect BV', null)]);
    expect(accounts.map((a) => [a.name, a.revenue, a.revenueSource, a.organisationRow])).toEqual([
      ['Gemeente Utrecht', 100_000, 'organisation', 2],
      ['Zorggroep', 5_000, 'contacts', 3],
      ['Nieuw', 0, 'none', null],
      ['Prospect BV', 0, 'none', 4],
    ]);
    expect(doubleRevenue).toEqual([{ account: 'Gemeente Utrecht', organisationRow: 2, organisationRevenue: 100_000, contactRows: [2, 3], contactRevenue: 30_000 }]);
  });

  it('leaves candidates out and makes a client without an organisation an account of its own, under its name', () => {
    nextRow = 2;
    const { accounts } = accountsOf([contact('Gemeente Utrecht', 10), contact('Gemeente Utrecht', null, { type: 'candidate' }), contact('', 4, { name: 'Zelfstandige Zus' })]);
    expect(accounts.map((a) => [a.name, a.contacts.length, a.revenue])).toEqual([['Gemeente Utrecht', 1, 10], ['Zelfstandige Zus', 1, 4]]);
  });

  it('counts departments with an active contact against the known ones, and the roles still missing', () => {
    nextRow = 2;
    const contacts = [
      contact('Gemeente Utrecht', 10, { department: 'HR', roles: ['decisionMaker'] }),
      contact('Gemeente Utrecht', null, { department: 'hr', roles: ['user'] }),
      contact('Gemeente Utrecht', null, { department: 'IT', roles: [] }),
      contact('Gemeente Utrecht', null, { department: 'Financiën', roles: ['champion'], active: false }),
    ];
    const orgs = [organisation(2, 'Gemeente Utrecht', null, { departments: { names: ['HR', 'IT', 'Financiën', 'Juridisch', 'Sociaal Domein'], count: 5 }, departmentsServed: { names: ['HR'], count: 1 } })];
    const [account] = accountsOf(contacts, orgs).accounts;
    expect(account.departmentsWithContact).toEqual(['HR', 'IT']);
    expect([account.departmentsKnown, account.departmentsServed]).toEqual([5, 1]);
    // The champion is inactive: the account has no active one.
    expect(account.roles).toEqual(['decisionMaker', 'user']);
    expect(account.missingRoles).toEqual(['champion']);
    // A department with a contact that the list does not name is known too; a count alone is a floor.
    const counted = accountsOf(contacts, [organisation(2, 'Gemeente Utrecht', null, { departments: { names: [], count: 1 } })]).accounts[0];
    expect(counted.departmentsKnown).toBe(2);
    const listed = accountsOf(contacts, [organisation(2, 'Gemeente Utrecht', null, { departments: { names: ['Juridisch'], count: 1 } })]).accounts[0];
    expect(listed.departmentsKnown).toBe(3);
  });

  it("without an Organisaties row uses the contact rows' own Afdelingen bekend and bediend, the largest given", () => {
    nextRow = 2;
    const [account] = accountsOf([
      contact('Waterschap', 10, { departmentsKnown: 6, departmentsServed: 3 }),
      contact('Waterschap', 10, { departmentsKnown: 4, departmentsServed: 1, department: 'IT' }),
    ]).accounts;
    expect([account.departmentsKnown, account.departmentsWithContact.length, account.departmentsServed]).toEqual([6, 1, 3]);
  });
});

describe('grouped revenues and tiers (CONCENTRATION and RELATION_TIER with organisations)', () => {
  it('sums per organisation, a blank organisation being a client of its own', () => {
    expect(groupedRevenues([10, 20, 30, 5], ['A', 'a ', '', ''])).toEqual({ keys: ['a', '#2', '#3'], totals: [30, 30, 5], groupOf: [0, 0, 1, 2] });
    expect(concentrationOf(groupedRevenues([15, 15, 15, 55], ['Utrecht', 'utrecht', 'UTRECHT', 'Rest']).totals)!.largestShare).toBe(0.55);
  });

  it("gives every row its organisation's tier", () => {
    // Per person every row is A (the 15s start at 70%, below 80%). Per organisation Utrecht has
    // 30 and comes second; X's 20 starts at 80% and is B.
    expect(groupedAbcTiers([50, 20, 15, 15], ['a', 'b', 'c', 'd'])).toEqual(['A', 'A', 'A', 'A']);
    expect(groupedAbcTiers([50, 20, 15, 15], ['Rest', 'X', 'Utrecht', 'utrecht'])).toEqual(['A', 'B', 'A', 'A']);
  });
});

describe('newDepartmentalContacts', () => {
  it('counts, per quarter of their first contact, the people who opened a department with no earlier contact', () => {
    const q = (y: number, m: number, d: number) => dayFromYmd(y, m, d);
    const quarters = [quarterOf(q(2026, 1, 1)), quarterOf(q(2026, 4, 1)), quarterOf(q(2026, 7, 1)), quarterOf(q(2026, 10, 1))];
    const counts = newDepartmentalContacts(
      [
        { department: 'HR', firstContact: q(2025, 11, 3) }, // before the four quarters
        { department: 'hr', firstContact: q(2026, 2, 1) }, // HR already had a contact
        { department: 'IT', firstContact: q(2026, 2, 10) },
        { department: 'Financiën', firstContact: q(2026, 8, 1) },
        { department: 'Juridisch', firstContact: q(2026, 8, 20) },
        { department: '', firstContact: q(2026, 9, 1) }, // no department: not departmental
        { department: 'Inkoop', firstContact: null }, // never contacted
      ],
      quarters,
    );
    expect(counts).toEqual([1, 0, 2, 0]);
  });
});

describe('the Historie snapshot', () => {
  const snap = (month: string, organisation: string, tier: Snapshot['tier']): Snapshot => ({ month, organisation, tier, revenue: 1, contacts: 1, departments: 1, health: 70 });

  it('is written once a month: a month already there gives no change', () => {
    const today = dayFromYmd(2026, 12, 1);
    expect(monthKey(today)).toBe('2026-12');
    const first = nextHistory([], [snap('', 'Utrecht', 'A')], today)!;
    expect(first).toEqual([snap('2026-12', 'Utrecht', 'A')]);
    expect(nextHistory(first, [snap('', 'Utrecht', 'B')], dayFromYmd(2026, 12, 31))).toBeNull();
    expect(nextHistory(first, [snap('', 'Utrecht', 'B')], dayFromYmd(2027, 1, 1))).toEqual([snap('2026-12', 'Utrecht', 'A'), snap('2027-01', 'Utrecht', 'B')]);
  });

  it('keeps 24 months: the oldest fall off as a new month comes in', () => {
    const months = Array.from({ length: 24 }, (_, i) => `${2025 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
    const history = months.map((m) => snap(m, 'Utrecht', 'B'));
    const next = nextHistory(history, [snap('', 'Utrecht', 'A')], dayFromYmd(2027, 1, 15))!;
    expect(next.map((s) => s.month)).toEqual([...months.slice(1), '2027-01']);
    expect(next).toHaveLength(24);
  });

  it('gives the partnership upgrade rate: B and C accounts of the earliest month in the last year that are higher now', () => {
    const history = [snap('2025-11', 'Oud', 'C'), snap('2026-01', 'Utrecht', 'B'), snap('2026-01', 'Van Dijk BV', 'C'), snap('2026-01', 'Zorggroep', 'A'), snap('2026-01', 'Weg', 'C'), snap('2026-06', 'Utrecht', 'B')];
    const now = [
      { organisation: 'Utrecht', tier: 'A' as const },
      { organisation: 'Van Dijk B.V.', tier: 'C' as const },
      { organisation: 'Zorggroep', tier: 'A' as const },
    ];
    // Since 2026-01 (2025-11 is more than 12 months before December 2026): Utrecht B → A, Van Dijk C → C; Zorggroep was A; Weg is gone.
    expect(upgradeRate(history, now, dayFromYmd(2026, 12, 1))).toEqual({ upgraded: 1, eligible: 2, rate: 0.5, since: '2026-01' });
    expect(upgradeRate([snap('2026-12', 'Utrecht', 'C')], now, dayFromYmd(2026, 12, 1))).toEqual({ upgraded: 0, eligible: 0, rate: null, since: null });
  });
});

describe('roles', () => {
  it('reads a Rol cell in Dutch or English, several separated by commas, and hands back unknown words', async () => {
    const { parseTermList, termLabel } = await import('../../src/core/vocabulary');
    expect(parseTermList('role', 'Beslisser, champion')).toEqual({ terms: ['decisionMaker', 'champion'], unknown: [] });
    expect(parseTermList('role', 'decision maker; Procurement; hr; user')).toEqual({ terms: ['decisionMaker', 'procurement', 'hr', 'user'], unknown: [] });
    expect(parseTermList('role', 'inkoper, baas')).toEqual({ terms: ['procurement'], unknown: ['baas'] });
    expect(['decisionMaker', 'champion', 'procurement', 'hr', 'user'].map((r) => termLabel('role', r, 'nl'))).toEqual(['beslisser', 'champion', 'inkoop', 'HR', 'gebruiker']);
  });
});
