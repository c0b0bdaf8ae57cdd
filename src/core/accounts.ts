// The client organisation as the unit (issue 11): an agency loses an account, not a person. Every
// rule that groups contact rows into accounts lives here: how organisation names match, where an
// account's revenue comes from (its Organisaties row, else the sum of its contacts' rows), which
// names look like spellings of one organisation, penetration and roles per account, the monthly
// snapshot of the Historie tab and the partnership upgrade rate read from it.

import { type Day, ymdFromDay } from './dates';
import type { RelationType, Tier } from './parse';
import { abcTiers } from './tiers';
import type { Role } from './vocabulary';
import type { ReportSettings } from './report-settings';
import { type RiskReport, riskReport } from './risk';

/**
 * The key an organisation is matched by: case, spacing, punctuation and accents ignored, so that
 * `Gemeente Utrecht`, `gemeente  utrecht` and `Van Dijk B.V.` / `Van Dijk BV` each meet.
 */
export function organisationKey(name: string): string {
  return String(name ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** The roles the stakeholder network needs (domain brief, section 5: decision makers, budget owners, champions). */
export const NEEDED_ROLES: readonly Role[] = ['decisionMaker', 'champion'];

export interface AccountContact {
  /** 1-based row on Relaties. */
  row: number;
  id: string;
  name: string;
  type: RelationType | null;
  organisation: string;
  active: boolean;
  revenue: number | null;
  revenueLastYear: number | null;
  retainer: number | null;
  department: string;
  roles: readonly Role[];
  /** The old per-contact penetration inputs, used only for an account without an Organisaties row. */
  departmentsKnown: number | null;
  departmentsServed: number | null;
}

export interface OrganisationInput {
  /** 1-based row on Organisaties. */
  row: number;
  name: string;
  owner: string | null;
  revenue: number | null;
  revenueLastYear: number | null;
  retainer: number | null;
  clientSince: Day | null;
  /** Afdelingen: the names listed, or only how many there are. */
  departments: { names: string[]; count: number | null };
  departmentsServed: { names: string[]; count: number | null };
}

export type RevenueSource = 'organisation' | 'contacts' | 'none';

export interface Account {
  key: string;
  /** The Organisaties row's spelling, else the spelling most contact rows use (the first on a tie). */
  name: string;
  /** The Organisaties row, or null for an account known only from contact rows. */
  organisationRow: number | null;
  /** Its client contacts, in row order (inactive ones included). */
  contacts: AccountContact[];
  revenue: number;
  revenueSource: RevenueSource;
  revenueLastYear: number | null;
  retainer: number;
  /** Departments of active contacts, each once (the first spelling). */
  departmentsWithContact: string[];
  /** Known departments: the listed ones together with those that have a contact; null when unknown. */
  departmentsKnown: number | null;
  departmentsServed: number | null;
  roles: Role[];
  missingRoles: Role[];
}

export interface DoubleRevenue {
  account: string;
  organisationRow: number;
  organisationRevenue: number;
  contactRows: number[];
  contactRevenue: number;
}

export interface SpellingVariant {
  account: string;
  spellings: Array<{ name: string; relationRows: number[]; organisationRows: number[] }>;
}

export interface Accounts {
  accounts: Account[];
  /** Revenue on both the Organisaties row and contact rows: only the organisation's counts. */
  doubleRevenue: DoubleRevenue[];
  /** Names that match as one organisation but are written differently. */
  variants: SpellingVariant[];
}

const isClient = (c: AccountContact) => c.type !== 'candidate';

/** A client without an Organisatie is an account of its own, under the person's name. */
function keyOf(c: AccountContact): string {
  const key = organisationKey(c.organisation);
  return key !== '' ? key : `#${c.row}`;
}

function sum(values: ReadonlyArray<number | null>): number | null {
  const filled = values.filter((v): v is number => v !== null);
  return filled.length === 0 ? null : filled.reduce((a, b) => a + b, 0);
}

function distinctNames(names: readonly string[]): string[] {
  const seen = new Map<string, string>();
  for (const n of names) {
    const k = organisationKey(n);
    if (k !== '' && !seen.has(k)) seen.set(k, n.trim());
  }
  return [...seen.values()];
}

/**
 * Groups client contacts (type client or blank; candidates are no account) and the Organisaties
 * rows into accounts. An account's revenue is its Organisaties row's Jaaromzet when filled in,
 * else the sum of its contacts' Jaaromzet: never both (reported in doubleRevenue). Largest first.
 */
export function accountsOf(contacts: readonly AccountContact[], organisations: readonly OrganisationInput[] = []): Accounts {
  const orgByKey = new Map<string, OrganisationInput>();
  const spellings = new Map<string, Map<string, { relationRows: number[]; organisationRows: number[] }>>();
  const spell = (key: string, name: string, kind: 'relationRows' | 'organisationRows', row: number) => {
    if (!spellings.has(key)) spellings.set(key, new Map());
    const byName = spellings.get(key)!;
    // Spellings that differ only in runs of spaces are one spelling: nothing to report.
    const trimmed = name.trim().replace(/\s+/g, ' ');
    if (!byName.has(trimmed)) byName.set(trimmed, { relationRows: [], organisationRows: [] });
    byName.get(trimmed)![kind].push(row);
  };
  for (const o of organisations) {
    const key = organisationKey(o.name);
    if (key === '') continue;
    spell(key, o.name, 'organisationRows', o.row);
    if (!orgByKey.has(key)) orgByKey.set(key, o);
  }
  const contactsByKey = new Map<string, AccountContact[]>();
  for (const c of contacts.filter(isClient)) {
    const key = keyOf(c);
    if (!key.startsWith('#')) spell(key, c.organisation, 'relationRows', c.row);
    if (!contactsByKey.has(key)) contactsByKey.set(key, []);
    contactsByKey.get(key)!.push(c);
  }

  const keys = [...new Set([...orgByKey.keys(), ...contactsByKey.keys()])];
  const doubleRevenue: DoubleRevenue[] = [];
  const accounts = keys.map((key): Account => {
    const org = orgByKey.get(key) ?? null;
    const people = (contactsByKey.get(key) ?? []).sort((a, b) => a.row - b.row);
    const name = org ? org.name.trim() : key.startsWith('#') ? people[0].name : mostUsedSpelling(spellings.get(key)!);
    const contactRevenue = sum(people.map((p) => p.revenue));
    let revenue = 0;
    let revenueSource: RevenueSource = 'none';
    if (org && org.revenue !== null) {
      revenue = org.revenue;
      revenueSource = 'organisation';
      const rows = people.filter((p) => p.revenue !== null && p.revenue > 0).map((p) => p.row);
      if (rows.length > 0) doubleRevenue.push({ account: name, organisationRow: org.row, organisationRevenue: org.revenue, contactRows: rows, contactRevenue: contactRevenue ?? 0 });
    } else if (contactRevenue !== null) {
      revenue = contactRevenue;
      revenueSource = 'contacts';
    }
    const active = people.filter((p) => p.active);
    const departmentsWithContact = distinctNames(active.map((p) => p.department));
    let departmentsKnown: number | null;
    let departmentsServed: number | null;
    if (org) {
      const listed = org.departments.names;
      const union = new Set([...listed, ...departmentsWithContact].map(organisationKey).filter((k) => k !== ''));
      departmentsKnown = listed.length > 0 ? union.size : org.departments.count === null ? (union.size > 0 ? union.size : null) : Math.max(org.departments.count, departmentsWithContact.length);
      departmentsServed = org.departmentsServed.names.length > 0 ? distinctNames(org.departmentsServed.names).length : org.departmentsServed.count;
    } else {
      // No Organisaties row: the contact rows' own Afdelingen bekend / bediend, the largest given.
      const known = Math.max(0, ...people.map((p) => p.departmentsKnown ?? 0));
      departmentsKnown = known > 0 ? Math.max(known, departmentsWithContact.length) : departmentsWithContact.length > 0 ? departmentsWithContact.length : null;
      const served = people.map((p) => p.departmentsServed).filter((v): v is number => v !== null);
      departmentsServed = served.length > 0 ? Math.max(...served) : null;
    }
    const roles = [...new Set(active.flatMap((p) => p.roles))];
    return {
      key,
      name,
      organisationRow: org?.row ?? null,
      contacts: people,
      revenue,
      revenueSource,
      revenueLastYear: org && org.revenueLastYear !== null ? org.revenueLastYear : sum(people.map((p) => p.revenueLastYear)),
      retainer: (org && org.retainer !== null ? org.retainer : sum(people.map((p) => p.retainer))) ?? 0,
      departmentsWithContact,
      departmentsKnown,
      departmentsServed,
      roles,
      missingRoles: NEEDED_ROLES.filter((r) => !roles.includes(r)),
    };
  });
  accounts.sort((a, b) => b.revenue - a.revenue || a.name.localeCompare(b.name) || a.key.localeCompare(b.key));

  const variants: SpellingVariant[] = [];
  const accountByKey = new Map(accounts.map((a) => [a.key, a]));
  for (const [key, byName] of spellings) {
    const orgRows = [...byName.values()].flatMap((s) => s.organisationRows);
    if (byName.size < 2 && orgRows.length < 2) continue;
    const account = accountByKey.get(key)!;
    variants.push({ account: account.name, spellings: [...byName].map(([name, rows]) => ({ name, ...rows })) });
  }
  // In the accounts' order (largest first), so the report never depends on the rows' order.
  const rank = new Map(accounts.map((a, i) => [a.name, i]));
  variants.sort((a, b) => rank.get(a.account)! - rank.get(b.account)!);
  return { accounts, doubleRevenue, variants };
}

function mostUsedSpelling(byName: Map<string, { relationRows: number[]; organisationRows: number[] }>): string {
  let best = '';
  let count = -1;
  for (const [name, rows] of byName) {
    if (rows.relationRows.length > count) {
      best = name;
      count = rows.relationRows.length;
    }
  }
  return best;
}

/** Sums revenue per group: a blank group is a group of its own per position. */
export function groupedRevenues(revenues: readonly number[], groups: readonly string[]): { keys: string[]; totals: number[]; groupOf: number[] } {
  const index = new Map<string, number>();
  const keys: string[] = [];
  const totals: number[] = [];
  const groupOf = revenues.map((revenue, i) => {
    const k = organisationKey(groups[i] ?? '');
    const key = k === '' ? `#${i}` : k;
    if (!index.has(key)) {
      index.set(key, keys.length);
      keys.push(key);
      totals.push(0);
    }
    const g = index.get(key)!;
    totals[g] += revenue;
    return g;
  });
  return { keys, totals, groupOf };
}

/** ABC tiers where every row takes the tier of its group's summed revenue (RELATION_TIER with organisations). */
export function groupedAbcTiers(revenues: readonly number[], groups: readonly string[], aShare?: number, bShare?: number): Tier[] {
  const { totals, groupOf } = groupedRevenues(revenues, groups);
  const tiers = abcTiers(totals, aShare, bShare);
  return groupOf.map((g) => tiers[g]);
}

// ---- Penetration and expansion ------------------------------------------------------------

/** A calendar quarter as year * 4 + (quarter - 1). */
export type QuarterIndex = number;

export function quarterOf(day: Day): QuarterIndex {
  const { year, month } = ymdFromDay(day);
  return year * 4 + Math.floor((month - 1) / 3);
}

export function quarterLabel(q: QuarterIndex, language: 'nl' | 'en'): string {
  return `${Math.floor(q / 4)} ${language === 'nl' ? 'K' : 'Q'}${(q % 4) + 1}`;
}

/**
 * New departmental contacts per quarter: a person counts in the quarter of their first contact
 * when no one in their department was contacted before them (the first person ever at an
 * account opens its first department). People without a first contact or a department do not count.
 */
export function newDepartmentalContacts(contacts: ReadonlyArray<{ department: string; firstContact: Day | null }>, quarters: readonly QuarterIndex[]): number[] {
  const people = contacts.filter((c) => c.firstContact !== null && organisationKey(c.department) !== '').sort((a, b) => a.firstContact! - b.firstContact!);
  const opened = new Map<string, Day>();
  const counts = quarters.map(() => 0);
  for (const p of people) {
    const dept = organisationKey(p.department);
    if (opened.has(dept)) continue;
    opened.set(dept, p.firstContact!);
    const i = quarters.indexOf(quarterOf(p.firstContact!));
    if (i >= 0) counts[i]++;
  }
  return counts;
}

// ---- History ------------------------------------------------------------------------------

/** A month as text, `2026-12`: the same in every locale and time zone. */
export function monthKey(day: Day): string {
  const { year, month } = ymdFromDay(day);
  return `${year}-${String(month).padStart(2, '0')}`;
}

export interface Snapshot {
  month: string;
  organisation: string;
  tier: Tier | null;
  revenue: number;
  contacts: number;
  departments: number;
  health: number | null;
}

/** How many months the Historie tab keeps (Cadans's choice: two years, enough for a year-on-year view). */
export const HISTORY_MONTHS = 24;

/**
 * The Historie tab after this month's run: unchanged (null) when this month is already there;
 * otherwise the kept rows of the last HISTORY_MONTHS months (this one included) plus this month's.
 */
export function nextHistory(existing: readonly Snapshot[], current: readonly Snapshot[], today: Day, months = HISTORY_MONTHS): Snapshot[] | null {
  const month = monthKey(today);
  if (existing.some((s) => s.month === month)) return null;
  const { year, month: m } = ymdFromDay(today);
  const firstIndex = year * 12 + m - 1 - (months - 1);
  const first = `${Math.floor(firstIndex / 12)}-${String((firstIndex % 12) + 1).padStart(2, '0')}`;
  return [...existing.filter((s) => s.month >= first && s.month < month), ...current.map((s) => ({ ...s, month }))];
}

const TIER_RANK: Record<Tier, number> = { A: 3, B: 2, C: 1 };

export interface UpgradeRate {
  /** Accounts that were B or C in the earliest snapshot of the last 12 months and are higher now. */
  upgraded: number;
  /** Accounts that were B or C then (and are still accounts). */
  eligible: number;
  /** upgraded ÷ eligible; null without eligible accounts (no history yet). */
  rate: number | null;
  /** The month compared with. */
  since: string | null;
}

/**
 * The playbook's partnership upgrade rate: of the accounts that could move up (B or C in the
 * earliest snapshot within the last 12 months, excluding this month), the share whose tier is
 * now higher. Matched by organisation name, as the grouping matches.
 */
export function upgradeRate(history: readonly Snapshot[], now: ReadonlyArray<{ organisation: string; tier: Tier | null }>, today: Day): UpgradeRate {
  const month = monthKey(today);
  const { year, month: m } = ymdFromDay(today);
  const fromIndex = year * 12 + m - 1 - 12;
  const from = `${Math.floor(fromIndex / 12)}-${String((fromIndex % 12) + 1).padStart(2, '0')}`;
  const inWindow = history.filter((s) => s.month >= from && s.month < month);
  if (inWindow.length === 0) return { upgraded: 0, eligible: 0, rate: null, since: null };
  const since = inWindow.reduce((min, s) => (s.month < min ? s.month : min), inWindow[0].month);
  const then = new Map(inWindow.filter((s) => s.month === since).map((s) => [organisationKey(s.organisation), s.tier]));
  let eligible = 0;
  let upgraded = 0;
  for (const a of now) {
    const before = then.get(organisationKey(a.organisation));
    if (!before || before === 'A') continue;
    eligible++;
    if (a.tier && TIER_RANK[a.tier] > TIER_RANK[before]) upgraded++;
  }
  return { upgraded, eligible, rate: eligible === 0 ? null : upgraded / eligible, since };
}

/** Accounts with their tier advice (ABC over account revenue), in the accounts' order. */
export function accountTiers(accounts: readonly Account[], aShare?: number, bShare?: number): Tier[] {
  return abcTiers(accounts.map((a) => a.revenue), aShare, bShare);
}

/**
 * Key-client risk per account: the concentration figures, key and significant clients, the stress
 * test and the scorecard, with each organisation as one client under its name.
 */
export function accountRiskReport(accounts: readonly Account[], settings: ReportSettings, proposals: number | null = null): RiskReport {
  return riskReport(
    accounts.map((a) => ({ id: a.key, name: a.name, organisation: a.name, type: 'client' as const, revenue: a.revenue, retainer: a.retainer })),
    settings,
    proposals,
  );
}
