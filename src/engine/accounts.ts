// Accounts in the workbook (issue 11): reading the Organisaties tab beside Relaties, the account
// figures every shell shows (share, key client, tier advice, health), writing the Organisaties
// tab's computed columns, the monthly Historie snapshot, and filling Organisaties from the
// distinct Organisatie values of Relaties. The rules themselves are in src/core/accounts.ts.

import { tableFormat } from './report-tabs';
import { type Account, type AccountContact, accountsOf, type Accounts, accountTiers, monthKey, nextHistory, type Snapshot } from '../core/accounts';
import { type Day, ymdFromDay } from '../core/dates';
import type { Language } from '../core/locale';
import { isBlank, type ParseContext, parseRevenue, parseTier, type Tier } from '../core/parse';
import type { ReportSettings } from '../core/report-settings';
import { catalogue, fill } from '../i18n/catalogue';
import { HISTORY, ORGANISATIONS, RELATIONS } from '../../sheets-templates/tabs';
import { displayName, findTab, mapColumns } from '../workbook/headers';
import type { SheetPort, WorkbookPort } from '../workbook/ports';
import { columnLabel, ProblemList } from '../workbook/problems';
import { organisationsTable, readOrganisations } from '../workbook/organisations';
import { type RelationRecord, readRelations, type Table, tableOf } from '../workbook/relations';
import { loadSettings, parseContextOf } from '../workbook/settings';
import { ensureTabOf, languageOf } from './setup';
import { appendLog } from './log';

export interface AccountSummary {
  account: Account;
  /** ABC over account revenue (as RELATION_TIER with organisations). */
  tier: Tier;
  /** Share of all accounts' revenue, 0-1; null when there is no revenue at all. */
  share: number | null;
  key: boolean;
  significant: boolean;
  /** Mean health of its active contacts, rounded (Cadans's choice); null without one. */
  health: number | null;
  activeContacts: number;
}

export interface AccountsView {
  accounts: Accounts;
  summaries: AccountSummary[];
  /** The Organisaties tab as read; null without a recognised one. */
  organisations: { sheet: string; table: Table } | null;
}

export function contactOf(r: RelationRecord): AccountContact {
  return {
    row: r.row,
    id: r.id,
    name: r.name,
    type: r.type,
    organisation: r.organisation,
    active: r.active,
    revenue: r.revenue,
    revenueLastYear: r.revenueLastYear,
    retainer: r.retainer,
    department: r.department,
    roles: r.roles,
    departmentsKnown: r.departmentsKnown,
    departmentsServed: r.departmentsServed,
  };
}

/** The Organisaties tab when the workbook has one Cadans recognises (its Organisatie column). */
export function readOrganisationsTab(workbook: WorkbookPort, names: readonly string[]): { sheet: string; table: Table } | null {
  const name = findTab(ORGANISATIONS, names);
  if (!name) return null;
  const table = organisationsTable(name, workbook.sheet(name).readAll());
  return table.columns.index.has('organisation') ? { sheet: name, table } : null;
}

/** Accounts from the records and the Organisaties tab, with the double revenue and spelling variants as problems. */
export function accountsView(
  workbook: WorkbookPort,
  names: readonly string[],
  records: readonly RelationRecord[],
  ctx: ParseContext,
  problems: ProblemList,
  relationsSheet: string,
  relationsTable: Table,
): AccountsView {
  const organisations = readOrganisationsTab(workbook, names);
  const inputs = organisations ? readOrganisations(organisations.table, ctx, problems) : [];
  const accounts = accountsOf(records.map(contactOf), inputs);
  const words = catalogue(problems.language).accounts;
  for (const d of accounts.doubleRevenue) {
    const col = organisations!.table.columns.index.get('revenue')!;
    problems.add(organisations!.sheet, d.organisationRow, columnLabel(organisations!.table.header[col], col), d.organisationRevenue,
      fill(words.doubleRevenue, { rows: d.contactRows.join(', '), sheet: relationsSheet, amount: d.contactRevenue }));
  }
  const orgCol = relationsTable.columns.index.get('organisation');
  for (const v of accounts.variants) {
    const first = v.spellings.find((s) => s.relationRows.length > 0);
    problems.add(
      first || !organisations ? relationsSheet : organisations.sheet,
      first ? first.relationRows[0] : v.spellings[0].organisationRows[0],
      first && orgCol !== undefined ? columnLabel(relationsTable.header[orgCol], orgCol) : null,
      first ? first.name : v.spellings[0].name,
      fill(words.variant, { account: v.account, spellings: spellingList(v, relationsSheet, organisations?.sheet ?? '', problems.language) }),
    );
  }
  return { accounts, summaries: [], organisations };
}

/** `'Van Dijk BV' (Relaties rij 4), 'Van Dijk B.V.' (Organisaties rij 2)`. */
export function spellingList(v: Accounts['variants'][number], relationsSheet: string, organisationsSheet: string, language: Language): string {
  const row = language === 'nl' ? 'rij' : 'row';
  const rows = language === 'nl' ? 'rijen' : 'rows';
  return v.spellings
    .map((s) => {
      const places = [
        s.relationRows.length > 0 ? `${relationsSheet} ${s.relationRows.length > 1 ? rows : row} ${s.relationRows.join(', ')}` : '',
        s.organisationRows.length > 0 ? `${organisationsSheet} ${s.organisationRows.length > 1 ? rows : row} ${s.organisationRows.join(', ')}` : '',
      ].filter((p) => p !== '');
      return `'${s.name}' (${places.join('; ')})`;
    })
    .join(', ');
}

/** Tier, share, key-client marks and health per account, in the accounts' order (largest first). */
export function summarise(accounts: Accounts, settings: ReportSettings, healthByRow: ReadonlyMap<number, number | null>): AccountSummary[] {
  const tiers = accountTiers(accounts.accounts, settings.abc.aShare, settings.abc.bShare);
  const total = accounts.accounts.reduce((sum, a) => sum + a.revenue, 0);
  return accounts.accounts.map((account, i) => {
    const share = total > 0 ? account.revenue / total : null;
    const scores = account.contacts.filter((c) => c.active).map((c) => healthByRow.get(c.row)).filter((h): h is number => h !== null && h !== undefined);
    return {
      account,
      tier: tiers[i],
      share,
      key: share !== null && share > 0 && share >= settings.keyClientShare,
      significant: share !== null && share > 0 && share >= settings.significantClientShare,
      health: scores.length === 0 ? null : Math.round(scores.reduce((a, b) => a + b, 0) / scores.length),
      activeContacts: account.contacts.filter((c) => c.active).length,
    };
  });
}

/** Each Relaties row's account, by row. */
export function accountByRow(summaries: readonly AccountSummary[]): Map<number, AccountSummary> {
  const out = new Map<number, AccountSummary>();
  for (const s of summaries) for (const c of s.account.contacts) out.set(c.row, s);
  return out;
}

/**
 * Writes the Organisaties tab's computed columns for every data row, one block per run of
 * adjacent columns. Only columns the tab has are written (setup adds them); no input is touched.
 */
export function writeOrganisationColumns(sheet: SheetPort, table: Table, summaries: readonly AccountSummary[], language: Language): void {
  if (table.rows.length === 0) return;
  const words = catalogue(language).report;
  const byRow = new Map<number, AccountSummary>();
  for (const s of summaries) if (s.account.organisationRow !== null) byRow.set(s.account.organisationRow, s);
  const valueOf = (key: string, s: AccountSummary | undefined): unknown => {
    if (!s) return '';
    switch (key) {
      case 'contacts': return s.activeContacts;
      case 'departmentsWithContact': return s.account.departmentsWithContact.length;
      case 'revenueShare': return s.share === null ? '' : Math.round(s.share * 1000) / 1000;
      case 'tierAdvice': return s.account.revenue > 0 ? s.tier : '';
      case 'keyClient': return s.key ? words.yes : s.significant ? catalogue(language).accounts.significant : '';
      case 'health': return s.health ?? '';
      default: return '';
    }
  };
  const columns = ORGANISATIONS.columns.filter((c) => c.computed && table.columns.index.has(c.key)).map((c) => ({ key: c.key, index: table.columns.index.get(c.key)! }));
  columns.sort((a, b) => a.index - b.index);
  const blocks: Array<typeof columns> = [];
  for (const c of columns) {
    const last = blocks[blocks.length - 1];
    if (last && last[last.length - 1].index === c.index - 1) last.push(c);
    else blocks.push([c]);
  }
  for (const block of blocks) {
    const values = table.rows.map((_, i) => block.map((c) => valueOf(c.key, byRow.get(i + 2))));
    sheet.write(2, block[0].index + 1, values);
  }
}

// ---- Historie -----------------------------------------------------------------------------

export function snapshotsOf(summaries: readonly AccountSummary[], today: Day): Snapshot[] {
  return summaries
    .filter((s) => s.account.revenue > 0 || s.activeContacts > 0)
    .map((s) => ({
      month: monthKey(today),
      organisation: s.account.name,
      tier: s.account.revenue > 0 ? s.tier : null,
      revenue: s.account.revenue,
      contacts: s.activeContacts,
      departments: s.account.departmentsWithContact.length,
      health: s.health,
    }));
}

/** The Historie tab's snapshots; a row Cadans cannot read is skipped (the tab is Cadans's own). */
export function readHistory(workbook: WorkbookPort, names: readonly string[], ctx: ParseContext): Snapshot[] {
  const name = findTab(HISTORY, names);
  if (!name) return [];
  const values = workbook.sheet(name).readAll();
  const columns = mapColumns(HISTORY, values[0] ?? []);
  const at = (row: unknown[], key: string) => {
    const i = columns.index.get(key);
    return i === undefined ? '' : row[i];
  };
  const out: Snapshot[] = [];
  for (const row of values.slice(1)) {
    const month = String(at(row, 'month') ?? '').trim();
    if (!/^\d{4}-\d\d$/.test(month)) continue;
    const tier = parseTier(at(row, 'tier'));
    const revenue = parseRevenue(at(row, 'revenue'), ctx.conventions);
    const num = (v: unknown) => (typeof v === 'number' ? v : isBlank(v) ? null : Number(v));
    out.push({
      month,
      organisation: String(at(row, 'organisation') ?? '').trim(),
      tier: tier.ok ? tier.value : null,
      revenue: revenue.ok ? revenue.value : 0,
      contacts: num(at(row, 'contacts')) ?? 0,
      departments: num(at(row, 'departments')) ?? 0,
      health: num(at(row, 'health')),
    });
  }
  return out;
}

/** Where each month's snapshot rows sit in the Historie tab, kept in the document's store. */
const HISTORY_LAYOUT_KEY = 'cadans.history.layout';
type HistoryLayout = Array<[month: string, fromRow: number, rows: number]>;

function layoutOf(snapshots: readonly Snapshot[]): HistoryLayout {
  const out: HistoryLayout = [];
  snapshots.forEach((s, i) => {
    const last = out[out.length - 1];
    if (last && last[0] === s.month) last[2]++;
    else out.push([s.month, i + 2, 1]);
  });
  return out;
}

export interface HistoryRead {
  /** What the KPI tab's upgrade rate needs: every snapshot, or (read narrowly) the month it compares with. */
  snapshots: Snapshot[];
  /** This month's snapshot, when the tab does not have it yet; null otherwise. */
  write: (() => void) | null;
}

/**
 * The Historie tab for this run. Where the document keeps the tab's layout (Apps Script), a run
 * reads only the organisation and tier of the month the upgrade rate compares with, and a new
 * month's snapshot is appended (the oldest months deleted past the bound): the cells a morning
 * run reads do not grow with the tab's age (issue 9). Without a layout, or when the tab was edited
 * by hand, it is read whole once and laid out again.
 */
export function historyOf(workbook: WorkbookPort, names: readonly string[], ctx: ParseContext, summaries: readonly AccountSummary[], today: Day, language: Language, months: number): HistoryRead {
  const name = findTab(HISTORY, names);
  const store = workbook.store;
  const month = monthKey(today);
  const sheet = name ? workbook.sheet(name) : null;
  let layout: HistoryLayout | null = null;
  if (name && sheet && store && sheet.usedRows && sheet.readBlock && sheet.deleteRows) {
    try {
      const parsed = JSON.parse(store.get(HISTORY_LAYOUT_KEY) ?? 'null') as HistoryLayout | null;
      const last = parsed?.[parsed.length - 1];
      const contiguous = parsed?.every((m, i) => i === 0 ? m[1] === 2 : m[1] === parsed[i - 1][1] + parsed[i - 1][2]);
      if (parsed && last && contiguous && last[1] + last[2] - 1 === sheet.usedRows()) layout = parsed;
    } catch {
      layout = null;
    }
  }
  if (!layout || !sheet || !name) {
    const existing = readHistory(workbook, names, ctx);
    const next = nextHistory(existing, snapshotsOf(summaries, today), today, months);
    const write = next && historyWrite(workbook, existing, next, language);
    const save = () => store?.set(HISTORY_LAYOUT_KEY, JSON.stringify(layoutOf(next ?? existing)));
    return { snapshots: existing, write: write ? () => { write(); save(); } : store ? save : null };
  }
  // The month the upgrade rate compares with: the earliest kept within the last twelve.
  const { year, month: m } = ymdFromDay(today);
  const fromIndex = year * 12 + m - 1 - 12;
  const from = `${Math.floor(fromIndex / 12)}-${String((fromIndex % 12) + 1).padStart(2, '0')}`;
  const since = layout.find(([key]) => key >= from && key < month);
  const snapshots: Snapshot[] = [];
  if (since) {
    const columns = mapColumns(HISTORY, sheet.readHeader());
    const orgCol = columns.index.get('organisation');
    const tierCol = columns.index.get('tier');
    if (orgCol !== undefined && tierCol !== undefined) {
      const left = Math.min(orgCol, tierCol);
      const block = sheet.readBlock!(since[1], since[1] + since[2] - 1, left + 1, Math.abs(orgCol - tierCol) + 1);
      for (const row of block) {
        const tier = parseTier(row[tierCol - left]);
        snapshots.push({ month: since[0], organisation: String(row[orgCol - left] ?? '').trim(), tier: tier.ok ? tier.value : null, revenue: 0, contacts: 0, departments: 0, health: null });
      }
    }
  }
  if (layout.some(([key]) => key === month)) return { snapshots, write: null };
  const current = snapshotsOf(summaries, today);
  const kept = layout;
  return {
    snapshots,
    write: () => {
      const rows = current.map((s) => [month, s.organisation, s.tier ?? '', s.revenue, s.contacts, s.departments, s.health ?? '']);
      let next: HistoryLayout = [...kept];
      if (rows.length > 0) {
        sheet.append(rows);
        const end = kept[kept.length - 1];
        next.push([month, end[1] + end[2], rows.length]);
      }
      // The bound: months beyond the last `months` (this one included) go, oldest first.
      const firstIndex = year * 12 + m - 1 - (Math.max(1, months) - 1);
      const first = `${Math.floor(firstIndex / 12)}-${String((firstIndex % 12) + 1).padStart(2, '0')}`;
      const old = next.filter(([key]) => key < first);
      const dropped = old.reduce((n, [, , count]) => n + count, 0);
      if (dropped > 0) {
        sheet.deleteRows!(2, dropped);
        next = next.filter(([key]) => key >= first).map(([key, fromRow, count]) => [key, fromRow - dropped, count]);
      }
      store!.set(HISTORY_LAYOUT_KEY, JSON.stringify(next));
    },
  };
}

/**
 * Appends this month's snapshot per account, once a month: a month already in the tab is left as
 * it is, however many runs follow. Keeps `months` months (the Historie setting); the tab is Cadans's own.
 */
function historyWrite(workbook: WorkbookPort, existing: readonly Snapshot[], next: readonly Snapshot[], language: Language): () => void {
  return () => {
    const name = findTab(HISTORY, workbook.sheetNames());
    const sheet = name ? workbook.sheet(name) : workbook.addSheet(displayName(HISTORY, language));
    const header = HISTORY.columns.map((c) => displayName(c, language));
    const rows = next.map((s) => [s.month, s.organisation, s.tier ?? '', s.revenue, s.contacts, s.departments, s.health ?? '']);
    // Nothing dropped past the bound: the kept rows are the existing ones, and this month's follow them.
    if (name && existing.length > 0 && next.slice(0, existing.length).every((s, i) => s === existing[i])) sheet.append(rows.slice(existing.length));
    else sheet.replaceAll([header, ...rows]);
    // The whole table's formats again (a fixed number of calls): Jaaromzet in euros, a bold frozen header.
    sheet.formatTab(tableFormat([header, ...rows], { 4: 'euro' }));
  };
}

// ---- Filling Organisaties from Relaties ---------------------------------------------------

export interface FillResult {
  language: Language;
  sheet: string;
  createdTab: boolean;
  added: Array<{ name: string; revenue: number | null; contactRows: number[] }>;
  /** Added organisations whose revenue was summed from their contacts' rows. */
  summed: number;
  accounts: Accounts;
  message: string;
}

/**
 * Adds a row to Organisaties for every organisation of Relaties that has none yet (creating the
 * tab when missing, as setup does; `plain`: header only, for an .xlsx that keeps its formatting), with its contacts' revenue, retainer and last year's revenue summed, the
 * earliest Klant sinds and the departments they work in. Never changes an existing row.
 */
export function fillOrganisations(workbook: WorkbookPort, now: Date, options: { plain?: boolean } = {}): FillResult {
  const language = languageOf(workbook);
  const settings = loadSettings(workbook).settings;
  const problems = new ProblemList(language, workbook.clock, workbook.hasMenu === false);
  const ctx = parseContextOf(workbook, settings);
  const words = catalogue(language).accounts;
  const relationsName = findTab(RELATIONS, workbook.sheetNames());
  if (!relationsName) throw new Error(fill(workbook.hasMenu === false ? words.noRelationsLocal : words.noRelations, { tab: displayName(RELATIONS, language) }));
  const relationsTable = tableOf(RELATIONS, relationsName, workbook.sheet(relationsName).readAll());
  const records = readRelations(relationsTable, ctx, problems);

  let names = workbook.sheetNames();
  const createdTab = findTab(ORGANISATIONS, names) === null;
  if (createdTab) {
    if (options.plain) {
      // A team's .xlsx keeps its own formatting: only the tab and its header row.
      const sheet = workbook.addSheet(displayName(ORGANISATIONS, language));
      sheet.write(1, 1, [ORGANISATIONS.columns.map((c) => displayName(c, language))]);
      sheet.styleHeader(ORGANISATIONS.columns.length, ORGANISATIONS.columns.map((c) => c.width));
    } else ensureTabOf(workbook, ORGANISATIONS, language);
    names = workbook.sheetNames();
  }
  // Only the accounts' own problems go to the Log here; the refresh reports the rest of Relaties.
  const readProblems = problems.items.length;
  const view = accountsView(workbook, names, records, ctx, problems, relationsName, relationsTable);
  if (!view.organisations) throw new Error(fill(words.tabNotOurs, { tab: findTab(ORGANISATIONS, names) ?? displayName(ORGANISATIONS, language) }));
  const { sheet: orgSheet, table } = view.organisations;
  const byRow = new Map(records.map((r) => [r.row, r]));
  const added: FillResult['added'] = [];
  const rows: unknown[][] = [];
  const width = Math.max(table.columns.width, table.header.length);
  for (const account of view.accounts.accounts) {
    if (account.organisationRow !== null || account.key.startsWith('#')) continue;
    const people = account.contacts.map((c) => byRow.get(c.row)!);
    const owners = new Map<string, number>();
    for (const p of people) if (p.owner) owners.set(p.owner, (owners.get(p.owner) ?? 0) + 1);
    const owner = [...owners].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
    const since = people.map((p) => p.clientSince).filter((d): d is Day => d !== null);
    const countKnown = Math.max(0, ...people.map((p) => p.departmentsKnown ?? 0));
    const served = Math.max(0, ...people.map((p) => p.departmentsServed ?? 0));
    const values: Record<string, unknown> = {
      organisation: account.name,
      owner,
      revenue: account.revenueSource === 'contacts' ? account.revenue : '',
      revenueLastYear: account.revenueLastYear ?? '',
      retainer: people.some((p) => p.retainer !== null) ? account.retainer : '',
      clientSince: since.length > 0 ? workbook.clock.instantOf(Math.min(...since)) : '',
      departments: account.departmentsWithContact.length >= countKnown ? account.departmentsWithContact.join(', ') : countKnown,
      departmentsServed: served > 0 ? served : '',
    };
    const row: unknown[] = new Array(width).fill('');
    for (const [key, value] of Object.entries(values)) {
      const col = table.columns.index.get(key);
      if (col !== undefined) row[col] = value;
    }
    rows.push(row);
    added.push({ name: account.name, revenue: account.revenueSource === 'contacts' ? account.revenue : null, contactRows: account.contacts.map((c) => c.row) });
  }
  if (rows.length > 0) workbook.sheet(orgSheet).append(rows);
  const summed = added.filter((a) => a.revenue !== null).length;
  const lines = [fill(rows.length === 0 ? words.fillNothing : words.fillDone, { count: rows.length, tab: orgSheet })];
  if (summed > 0) lines.push(fill(words.fillSummed, { count: summed, tab: orgSheet, relations: relationsName }));
  if (view.accounts.doubleRevenue.length > 0) lines.push(fill(words.fillDouble, { count: view.accounts.doubleRevenue.length, names: view.accounts.doubleRevenue.map((d) => d.account).join(', ') }));
  for (const v of view.accounts.variants) lines.push(fill(words.variant, { account: v.account, spellings: spellingList(v, relationsName, orgSheet, language) }));
  const message = lines.join('\n');
  appendLog(workbook, language, now, message, problems.items.slice(readProblems), 'run');
  return { language, sheet: orgSheet, createdTab, added, summed, accounts: view.accounts, message };
}
