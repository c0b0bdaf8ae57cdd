// The KPI and Risico tabs as blocks of values: titles, tables and the charts' places, computed
// from the refresh's records by the pure rules in src/core. Nothing here touches a workbook; the
// refresh writes each tab with one write, and the local runner turns the same blocks into
// report.html. Percentages are written as numbers 0-100 rounded to 0.1, with "(%)" in the
// header, so that they read the same in every locale and chart without a number format.

import { REVIEW_ACTIONS, reviewAction } from '../core/portfolio';
import { addMonths, type Day, formatDay, isDate } from '../core/dates';
import { type Status } from '../core/cadence';
import type { Language } from '../core/locale';
import type { Tier } from '../core/parse';
import { type Health, needsAttention } from '../core/health';
import { activityOf, type ActivityMonth, attentionOf, type Attention, type Compliance, complianceOf, dueTouchpoints, type Indicator, indicatorsOf, type MonthIndex, penetrationOf, type Penetration } from '../core/kpi';
import { type Mark, proposalsPerWeek, type RiskReport } from '../core/risk';
import type { Advice } from '../core/tierAdvice';
import type { Plan } from '../core/plan';
import { LADDER, medianDaysPerStage, requestsInYear, requestsPerMonth, thinPipeline, type StageEvent, STAGE_NAMES, stepConversion } from '../core/pipeline';
import { termLabel } from '../core/vocabulary';
import { referralFigures, type ReferralFigures } from '../core/referrals';
import { STATUS_COLOURS } from '../../sheets-templates/tabs';
import { catalogue, type Catalogue, fill } from '../i18n/catalogue';
import type { RelationRecord, TouchpointRecord } from '../workbook/relations';
import type { ChartSpec, ColourRule, NumberKind, TabFormat } from '../workbook/ports';
import type { Settings } from '../workbook/settings';
import { accountRiskReport, newDepartmentalContacts, quarterLabel, quarterOf, type QuarterIndex, type Snapshot, upgradeRate, type UpgradeRate } from '../core/accounts';
import type { AccountSummary } from './accounts';

export type { ChartSpec };

export interface ReportTab {
  /** The tab's content from A1, rectangular; user text stays text (the ports see to that). */
  values: unknown[][];
  charts: ChartSpec[];
  /** 1-based rows holding a section title, for styling in report.html. */
  titleRows: number[];
  /** 1-based rows holding a table header. */
  headerRows: number[];
  /** Widths, bold rows, number formats, colours and the frozen row, applied by the shell. */
  format: TabFormat;
}

export interface ReportRelation {
  relation: RelationRecord;
  status: Status;
  lastContact: Day | null;
  advice: Advice | null;
  health: Health | null;
}

export interface ReportInput {
  today: Day;
  settings: Settings;
  relations: readonly RelationRecord[];
  /** Active relationships with a cadence, and inactive ones (status inactive). */
  outcomes: readonly ReportRelation[];
  touchpoints: readonly TouchpointRecord[];
  /** Every contact day up to today per relationship ID (touchpoints and the Last contact cell). */
  contactsById: ReadonlyMap<string, readonly Day[]>;
  /** Referrals of the last 12 months per relationship row (core/referrals referralsInYear), as the refresh counted them. */
  referralsByRow: ReadonlyMap<number, number | null>;
  /** The Pipeline's "Voorstel verstuurd" dates; null without a Pipeline tab. */
  proposalsSent?: readonly Day[] | null;
  /** The week plan, for the capacity section; none leaves the section out. */
  plan?: Plan | null;
  /** The client organisations, largest first: the Risico tab's unit (issue 11). */
  accounts: readonly AccountSummary[];
  /** The Historie tab's snapshots, for the partnership upgrade rate. */
  history: readonly Snapshot[];
  /** The Pipeline's history and prospects, for the funnel sections (issue 13); none leaves them out. */
  pipeline?: FunnelInput | null;
}

/** Penetration and expansion of one account (issue 11). */
export interface AccountPenetration {
  name: string;
  known: number;
  withContact: number;
  served: number | null;
}

export interface FunnelInput {
  /** Every stage change known (Pipeline-historie and what this refresh recorded). */
  events: readonly StageEvent[];
  /** Binnengekomen of every prospect. */
  received: readonly Day[];
  /** Per open prospect (koud, warm, heet): its owner and whether it is stalled. */
  open: ReadonlyArray<{ owner: string | null; stalled: boolean }>;
  stallDays: number;
}

export interface ReportFigures {
  risk: RiskReport;
  compliance: Compliance;
  activity: ActivityMonth[];
  indicators: Indicator[];
  penetration: Penetration[];
  attention: Attention;
  accountPenetration: AccountPenetration[];
  newDepartmental: { quarters: QuarterIndex[]; perAccount: Array<{ name: string; counts: number[] }> };
  upgrades: UpgradeRate;
  /** Issue 12: referrals in the last 12 months per tier and per owner's A relationships. */
  referrals?: ReferralFigures;
}

export interface ReportTabs {
  /** The Vandaag tab, added by the refresh that writes the tabs. */
  today?: ReportTab;
  /** The Kwartaal tab (issue 13), added by the refresh that writes the tabs. */
  quarter?: ReportTab;
  kpi: ReportTab;
  risk: ReportTab;
  figures: ReportFigures;
}

/** 0.3333 → 33.3: a share as a percentage rounded to 0.1. */
export function percent(share: number): number {
  return Math.round(share * 1000) / 10;
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

/** A number inside a sentence, with the language's decimal mark: 34,1 in Dutch, 34.1 in English. */
function decimal(n: number, language: Language): string {
  return language === 'nl' ? String(n).replace('.', ',') : String(n);
}

/** A number with the way it reads (€, %, date, ...): the Grid keeps the number and records the kind. */
export class Num {
  constructor(
    readonly value: number,
    readonly kind: NumberKind,
  ) {}
}
export const asEuro = (n: number) => new Num(n, 'euro');
/** A share 0-1, shown as a percentage (0.341 reads 34,1%); kept to 0.01% so that sums read as they add up. */
export const asPercent = (share: number) => new Num(Math.round(share * 10_000) / 10_000, 'percent');
/** A calendar day; the refresh writes it as the workbook's date cell. */
export const asDate = (day: Day) => new Num(day, 'date');
export const asDecimal = (n: number) => new Num(n, 'decimal');
export const asWhole = (n: number) => new Num(n, 'whole');

/** How wide a cell reads, in characters, as the spreadsheet shows it. */
function shownLength(value: unknown, kind: NumberKind | undefined): number {
  if (isDate(value)) return 10;
  if (typeof value === 'number') {
    const digits = String(Math.round(Math.abs(value))).length;
    if (kind === 'euro') return digits + Math.floor((digits - 1) / 3) + 2;
    if (kind === 'percent') return String(Math.round(value * 1000) / 10).length + 1;
    if (kind === 'date') return 10;
    if (kind === 'whole' || kind === 'decimal') return digits + Math.floor((digits - 1) / 3) + (kind === 'decimal' ? 2 : 0);
    return String(value).length;
  }
  return value === null || value === undefined ? 0 : String(value).length;
}

/** Cadans's choice: a column is as wide as its longest cell (7 px a character, bold 8), 60 to 420 px. */
const MIN_WIDTH = 60;
const MAX_WIDTH = 420;
const RUN_ON_CHARS = 30;

/** The verdict marks' colours: green on target, amber close, red below, grey unknown. */
export const MARK_COLOURS: Record<Mark, { background: string; color: string } | null> = {
  good: { background: '#d9ead3', color: '#274e13' },
  fair: { background: '#fff2cc', color: '#7f6000' },
  poor: { background: '#f4c7c3', color: '#a50e0e' },
  unknown: { background: '#eeeeee', color: '#555555' },
  info: null,
};

/** A generated tab built line by line: its titles, headers, explanations and number cells remembered for styling. */
export class Grid {
  readonly rows: unknown[][] = [];
  readonly titleRows: number[] = [];
  readonly headerRows: number[] = [];
  readonly noteRows: number[] = [];
  readonly strongRows: number[] = [];
  readonly numbers: TabFormat['numbers'] = [];
  readonly colours: ColourRule[] = [];
  /** The 1-based row the next line goes to. */
  get next(): number {
    return this.rows.length + 1;
  }
  line(cells: unknown[]): number {
    const row = this.rows.length + 1;
    this.rows.push(
      cells.map((cell, i) => {
        if (!(cell instanceof Num)) return cell;
        this.numbers.push({ row, column: i + 1, kind: cell.kind });
        return cell.value;
      }),
    );
    return row;
  }
  title(text: string): void {
    if (this.rows.length > 0) this.line([]);
    this.titleRows.push(this.line([text]));
  }
  header(cells: readonly string[]): number {
    const row = this.line([...cells]);
    this.headerRows.push(row);
    return row;
  }
  /** A line in bold: a table's total. */
  strong(cells: unknown[]): number {
    const row = this.line(cells);
    this.strongRows.push(row);
    return row;
  }
  /** A plain-words explanation (or a legend), in italics, one line. */
  note(text: string): number {
    const row = this.line([text]);
    this.noteRows.push(row);
    return row;
  }
  /** Colours for the verdict marks wherever they stand, and the legend line that explains them. */
  legend(words: Catalogue): void {
    this.note(words.report.legend);
    for (const mark of Object.keys(MARK_COLOURS) as Mark[]) {
      const colour = MARK_COLOURS[mark];
      if (colour) this.colours.push({ column: null, match: 'equals', text: words.report.marks[mark], ...colour });
    }
  }
  tab(charts: ChartSpec[]): ReportTab {
    const width = Math.max(1, ...this.rows.map((r) => r.length));
    const values = this.rows.map((r) => Array.from({ length: width }, (_, i) => (r[i] === undefined || r[i] === null ? '' : r[i])));
    return { values, charts, titleRows: this.titleRows, headerRows: this.headerRows, format: this.format(values, width) };
  }
  private format(values: unknown[][], width: number): TabFormat {
    // Numeric keys: a 50,000-client Risico tab has a quarter of a million number cells.
    const kinds = new Map<number, NumberKind>();
    for (const n of this.numbers) kinds.set(n.row * 65_536 + n.column, n.kind);
    const loose = new Set([...this.titleRows, ...this.noteRows]);
    const headers = new Set(this.headerRows);
    const widths = Array.from({ length: width }, () => MIN_WIDTH);
    values.forEach((row, r) => {
      // Titles, explanations, the tab's first line and single-cell lines run on into the empty cells to their right.
      if (loose.has(r + 1) || (r === 0 && !headers.has(1))) return;
      let filled = 0;
      for (const v of row) if (v !== '') filled++;
      if (filled <= 1) return;
      const perChar = headers.has(r + 1) ? 8 : 7;
      let last = row.length - 1;
      while (last > 0 && row[last] === '') last--;
      row.forEach((v, c) => {
        let chars = shownLength(v, kinds.get((r + 1) * 65_536 + c + 1));
        // A row's last text (a long explanation) runs on too: it widens its column only so far.
        if (c === last && typeof v === 'string') chars = Math.min(chars, RUN_ON_CHARS);
        widths[c] = Math.min(MAX_WIDTH, Math.max(widths[c], chars * perChar + 16));
      });
    });
    return {
      rows: values.length,
      columns: width,
      frozenRows: 1,
      widths,
      bold: [...this.titleRows, ...this.headerRows, ...this.strongRows].sort((a, b) => a - b),
      italic: [...this.noteRows],
      numbers: [...this.numbers],
      colours: [...this.colours],
    };
  }
}

/**
 * The format for an earlier build of a generated tab (the kept copy of last quarter's Kwartaal),
 * from this build's: each row takes the format of this build's row with the same first cell (in
 * order, for a label that repeats), and only its number cells take a number format.
 */
export function formatLike(values: readonly unknown[][], template: ReportTab): TabFormat {
  const f = template.format;
  const rowsOf = new Map<string, number[]>();
  template.values.forEach((row, i) => {
    const label = String(row[0] ?? '');
    if (label !== '') rowsOf.set(label, [...(rowsOf.get(label) ?? []), i + 1]);
  });
  const bold = new Set(f.bold);
  const italic = new Set(f.italic);
  const seen = new Map<string, number>();
  const match = new Map<number, number>();
  values.forEach((row, i) => {
    const label = String(row[0] ?? '');
    const rows = rowsOf.get(label);
    if (!rows) {
      // An explanation whose words hold a figure (the HHI line) follows its title, as this build's does.
      const title = match.get(i);
      if (title !== undefined && bold.has(title) && italic.has(title + 1)) match.set(i + 1, title + 1);
      return;
    }
    const n = seen.get(label) ?? 0;
    seen.set(label, n + 1);
    match.set(i + 1, rows[Math.min(n, rows.length - 1)]);
  });
  const columns = Math.max(1, ...values.map((r) => r.length));
  const numbers: TabFormat['numbers'] = [];
  for (const [row, like] of match) {
    for (const n of f.numbers) if (n.row === like && typeof values[row - 1][n.column - 1] === 'number') numbers.push({ row, column: n.column, kind: n.kind });
  }
  return {
    rows: values.length,
    columns,
    frozenRows: f.frozenRows,
    widths: Array.from({ length: columns }, (_, i) => f.widths[i] ?? MIN_WIDTH),
    bold: [...match].filter(([, like]) => bold.has(like)).map(([row]) => row),
    italic: [...match].filter(([, like]) => italic.has(like)).map(([row]) => row),
    numbers,
    colours: f.colours,
  };
}

/** A plain table tab (Historie, Pipeline-historie): a bold, frozen header, widths that fit, and a number kind per column (1-based). */
export function tableFormat(values: readonly unknown[][], kinds: Readonly<Record<number, NumberKind>> = {}): TabFormat {
  const g = new Grid();
  values.forEach((row, i) => {
    if (i === 0) g.header(row.map((v) => String(v ?? '')));
    else g.line(row.map((v, c) => (kinds[c + 1] && typeof v === 'number' ? new Num(v, kinds[c + 1]) : v)));
  });
  return g.tab([]).format;
}

function monthLabel(month: MonthIndex, words: Catalogue): string {
  return `${words.digest.months[month % 12]} ${Math.floor(month / 12)}`;
}

export function buildReportTabs(input: ReportInput): ReportTabs {
  const { today, settings } = input;
  const language = settings.language;
  const words = catalogue(language);
  const r = settings.reports;
  // Risk per client organisation: an account is lost, not a person (issue 11).
  const risk = accountRiskReport(input.accounts.map((a) => a.account), r, proposalsPerWeek(input.proposalsSent ?? null, today));
  const compliance = complianceOf(
    input.outcomes
      .filter((o) => o.relation.active && o.relation.tier !== null)
      .map((o) => ({
        owner: o.relation.owner,
        tier: o.relation.tier!,
        dues: dueTouchpoints(input.contactsById.get(o.relation.id) ?? (o.lastContact === null ? [] : [o.lastContact]), o.relation.tier!, today, settings.cadence),
      })),
    today,
  );
  const activity = activityOf(input.touchpoints, today);
  // Issue 12: referrals are the dated `Referral = ja` touchpoints of the last 12 months, as the
  // refresh counted them (the Relaties column only for a relationship without any).
  const withReferrals = input.relations.map((rel) => ({ ...rel, referrals: input.referralsByRow.get(rel.row) ?? null }));
  const indicators = indicatorsOf(withReferrals, today, r);
  const referrals = referralFigures(withReferrals, r.targets.referralsPerA);
  const penetration = penetrationOf(input.relations);
  const attention = attentionOf(input.relations, settings.cadence, r);
  const accountPenetration = input.accounts
    .filter((a) => (a.account.departmentsKnown ?? 0) > 0)
    .map((a) => ({ name: a.account.name, known: a.account.departmentsKnown!, withContact: a.account.departmentsWithContact.length, served: a.account.departmentsServed }))
    .sort((a, b) => a.withContact / a.known - b.withContact / b.known || a.name.localeCompare(b.name));
  const current = quarterOf(today);
  const quarters = [current - 3, current - 2, current - 1, current];
  const firstContact = (id: string) => {
    const days = input.contactsById.get(id) ?? [];
    return days.length === 0 ? null : Math.min(...days);
  };
  const byRow = new Map(input.relations.map((rel) => [rel.row, rel]));
  const newDepartmental = {
    quarters,
    perAccount: input.accounts
      .map((a) => ({ name: a.account.name, counts: newDepartmentalContacts(a.account.contacts.map((c) => ({ department: c.department, firstContact: c.id === '' || !byRow.get(c.row) ? null : firstContact(c.id) })), quarters) }))
      .filter((a) => a.counts.some((n) => n > 0)),
  };
  const upgrades = upgradeRate(input.history, input.accounts.filter((a) => a.account.revenue > 0).map((a) => ({ organisation: a.account.name, tier: a.tier })), today);
  const figures: ReportFigures = { risk, compliance, activity, indicators, penetration, attention, accountPenetration, newDepartmental, upgrades, referrals };
  return {
    kpi: kpiTab(input, figures, language, words),
    risk: riskTab(input, risk, language, words),
    figures,
  };
}

const mark = (m: Mark, words: Catalogue) => words.report.marks[m];

/** The plain-words line under the concentration figures: "HHI 2.358: hoge concentratie — minder dan 5 klanten dragen de omzet". */
export function concentrationWhy(hhi: number, effectiveClients: number, verdict: keyof Catalogue['verdict'], language: Language): string {
  const w = catalogue(language).report;
  const rounded = Math.round(effectiveClients * 10) / 10;
  const whole = Number.isInteger(rounded);
  return fill(whole ? w.concentrationCarriedBy : w.concentrationFewerThan, {
    hhi: Math.round(hhi).toLocaleString(language === 'nl' ? 'nl-NL' : 'en-GB'),
    level: w.concentrationLevel[verdict],
    n: whole ? rounded : Math.ceil(rounded),
  });
}

function riskTab(input: ReportInput, risk: RiskReport, language: Language, words: Catalogue): ReportTab {
  const w = words.report;
  const r = input.settings.reports;
  const g = new Grid();
  g.line([fill(w.generated, { tab: language === 'nl' ? 'Risico' : 'Risk', date: formatDay(input.today) })]);
  g.legend(words);
  g.title(w.concentration);
  const c = risk.concentration;
  const conc = words.concentration;
  if (c) {
    g.note(concentrationWhy(c.hhi, c.effectiveClients, c.verdict, language) + w.concentrationScale);
    g.line([conc.hhi, asWhole(Math.round(c.hhi))]);
    g.line([conc.largestShare, asPercent(c.largestShare)]);
    g.line([conc.top5Share, asPercent(c.top5Share)]);
    g.line([conc.effectiveClients, asDecimal(round1(c.effectiveClients))]);
    g.line([conc.verdict, words.verdict[c.verdict]]);
  } else g.line([w.noClients]);

  const a = words.accounts;
  g.title(a.clientsTitle);
  g.note(w.why.clients + w.chartHere);
  g.note(fill(a.groupingNote, { key: percent(r.keyClientShare), significant: percent(r.significantClientShare) }));
  const charts: ChartSpec[] = [];
  const header = g.header(a.clientsHeader.map((h) => fill(h, { key: percent(r.keyClientShare), significant: percent(r.significantClientShare) })));
  const byKey = new Map(input.accounts.map((s) => [s.account.key, s]));
  risk.clients.forEach((client, i) => {
    const account = byKey.get(client.id);
    g.line([
      i + 1,
      client.name,
      account?.activeContacts ?? '',
      asEuro(client.revenue),
      account ? a.source[account.account.revenueSource] : '',
      asPercent(client.share),
      asPercent(client.cumulativeShare),
      client.key ? w.yes : '',
      client.significant ? w.yes : '',
    ]);
  });
  if (risk.clients.length > 0) {
    charts.push({
      kind: 'pie',
      title: a.chartShares,
      domain: { row: header, column: 2, numRows: risk.clients.length + 1 },
      series: { row: header, column: 6, numRows: risk.clients.length + 1 },
      anchor: { row: 3, column: 11 },
    });
  }

  g.title(w.stressTitle);
  g.note(w.why.stress);
  g.header(w.stressHeader);
  if (risk.stress.length === 0) g.line([fill(w.noKeyClients, { key: percent(r.keyClientShare) })]);
  for (const s of risk.stress) {
    const reserve = r.cashReserve.actualMonths;
    const text =
      fill(w.stressLine, { name: s.name, share: decimal(percent(s.lostShare), language) }) +
      (s.monthsCarried === null ? w.stressUnknownReserve : fill(w.stressCarried, { reserve: decimal(reserve!, language), months: decimal(round1(s.monthsCarried), language) }));
    g.line([s.name, asPercent(s.lostShare), s.monthsCarried === null ? words.report.unknown : asDecimal(round1(s.monthsCarried)), text]);
  }

  g.title(w.scorecardTitle);
  g.note(w.why.scorecard);
  g.header(w.scorecardHeader);
  const pct = (share: number) => `${decimal(percent(share), language)}%`;
  for (const line of risk.scorecard) {
    const figure =
      line.figure === null ? w.unknown
      : line.key === 'keyClientRisk' || line.key === 'recurringShare' ? asPercent(line.figure)
      : line.key === 'proposalsPerWeek' ? fill(w.proposalsIn13Weeks, { n: Math.round(line.figure * 13) })
      : line.figure;
    const target = {
      bookedAhead: fill(w.atLeastIdeal, { min: r.bookedAhead.minDays, ideal: r.bookedAhead.idealDays }),
      keyClientRisk: fill(w.below, { n: pct(r.keyClientShare) }),
      recurringShare: r.targets.recurringShare === null ? w.none : fill(w.atLeast, { n: pct(r.targets.recurringShare) }),
      cashMonths: fill(w.atLeastIdeal, { min: decimal(r.cashReserve.minMonths, language), ideal: decimal(r.cashReserve.idealMonths, language) }),
      proposalsPerWeek: fill(w.proposalsTarget, { n: decimal(r.targets.proposalsPerWeek, language), total: decimal(Math.round(r.targets.proposalsPerWeek * 13 * 10) / 10, language) }),
    }[line.key];
    g.line([w.score[line.key], figure, target, mark(line.mark, words)]);
  }
  // Issue 13: the guide's "one proposal a week or 52 requests a year", and selling while busy.
  if (input.pipeline) {
    const requests = requestsInYear(input.pipeline.received, input.today);
    const target = Math.round(r.targets.proposalsPerWeek * 52);
    // A Pipeline with no request dated at all tells nothing yet: unknown, not "below target".
    const known = input.pipeline.received.length > 0;
    g.line([w.requestsPerYear, known ? requests : w.unknown, fill(w.atLeast, { n: target }), mark(!known ? 'unknown' : requests >= target ? 'good' : 'poor', words)]);
  }
  const proposals = risk.scorecard.find((l) => l.key === 'proposalsPerWeek')?.figure ?? null;
  if (thinPipeline(r.bookedAhead.actualDays, r.bookedAhead.minDays, proposals, r.targets.proposalsPerWeek)) {
    g.line([fill(w.thinPipeline, { booked: decimal(r.bookedAhead.actualDays!, language), min: r.bookedAhead.minDays, proposals: Math.round(proposals! * 13), target: Math.round(r.targets.proposalsPerWeek * 13) })]);
  }
  return g.tab(charts);
}

function kpiTab(input: ReportInput, f: ReportFigures, language: Language, words: Catalogue): ReportTab {
  const w = words.report;
  const r = input.settings.reports;
  const g = new Grid();
  const charts: ChartSpec[] = [];
  // A month or group with nothing due has no share: said in words, not drawn as a 0% bar.
  const share = (s: number | null) => (s === null ? w.noData : asPercent(s));
  g.line([fill(w.generated, { tab: 'KPI', date: formatDay(input.today) })]);
  g.legend(words);

  g.title(w.complianceTitle);
  g.note(w.why.compliance + w.chartHere);
  const complianceHeader = g.header(w.complianceHeader);
  f.compliance.months.forEach((m, i) => {
    const cell = f.compliance.perMonth[i];
    g.line([monthLabel(m, words), cell.due, cell.onTime, share(cell.share)]);
  });
  g.strong([w.total, f.compliance.total.due, f.compliance.total.onTime, share(f.compliance.total.share)]);
  charts.push({
    kind: 'column',
    title: w.chartCompliance,
    domain: { row: complianceHeader, column: 1, numRows: 13 },
    series: { row: complianceHeader, column: 4, numRows: 13 },
    anchor: { row: 3, column: 9 },
  });

  g.title(w.perOwnerTitle);
  g.note(w.why.perOwner);
  g.header(w.ownerHeader);
  for (const o of f.compliance.perOwner) g.line([o.owner || w.noOwner, o.cell.due, o.cell.onTime, share(o.cell.share)]);
  g.title(w.perTierTitle);
  g.note(w.why.perTier);
  g.header(w.tierHeader);
  for (const t of ['A', 'B', 'C'] as Tier[]) {
    const cell = f.compliance.perTier[t];
    g.line([t, cell.due, cell.onTime, share(cell.share)]);
  }

  g.title(w.activityTitle);
  g.note(w.why.activity);
  g.header(w.activityHeader);
  for (const m of f.activity) g.line([monthLabel(m.month, words), m.touchpoints, m.newOpportunities, m.valueAdds, m.insightsShared, m.referrals]);

  g.title(w.indicatorsTitle);
  g.note(w.why.indicators);
  g.header(w.indicatorsHeader);
  for (const line of indicatorLines(f.indicators, language)) g.line(line);
  if (f.referrals) referralSections(g, f.referrals, words, language);

  // Penetration and expansion per client organisation (issue 11).
  const a = words.accounts;
  g.title(a.penetrationTitle);
  g.note(w.why.penetration);
  g.header(a.penetrationHeader);
  if (f.accountPenetration.length === 0) g.line([a.noPenetration]);
  for (const p of f.accountPenetration) {
    g.line([p.name, p.known, p.withContact, asPercent(p.withContact / p.known), p.served ?? '', p.served === null ? '' : asPercent(p.served / p.known)]);
  }
  g.title(a.newContactsTitle);
  g.note(w.why.newContacts);
  g.header([a.organisation, ...f.newDepartmental.quarters.map((q) => quarterLabel(q, language))]);
  if (f.newDepartmental.perAccount.length === 0) g.line([a.noNewContacts]);
  for (const p of f.newDepartmental.perAccount) g.line([p.name, ...p.counts]);

  const clientAccounts = input.accounts.filter((s) => s.activeContacts > 0);
  g.title(a.singleTitle);
  g.note(w.why.single);
  g.header(a.singleHeader);
  const single = clientAccounts.filter((s) => s.activeContacts === 1);
  if (single.length === 0) g.line([a.noSingle]);
  for (const s of single) {
    const person = s.account.contacts.find((c) => c.active)!;
    g.line([s.account.name, person.name, person.roles.map((role) => termLabel('role', role, language)).join(', '), s.share === null ? '' : asPercent(s.share)]);
  }
  g.title(a.rolesTitle);
  g.note(w.why.roles);
  g.header(a.rolesHeader);
  const missing = clientAccounts.filter((s) => s.account.missingRoles.length > 0);
  if (missing.length === 0) g.line([a.noRolesMissing]);
  for (const s of missing) {
    g.line([s.account.name, s.account.missingRoles.map((role) => termLabel('role', role, language)).join(', '), s.activeContacts, s.share === null ? '' : asPercent(s.share)]);
  }
  g.title(a.upgradeTitle);
  g.note(w.why.upgrade);
  g.header(a.upgradeHeader);
  const u = f.upgrades;
  g.line([a.upgradeLine, u.rate === null ? w.unknown : asPercent(u.rate), u.since === null ? a.noHistory : fill(a.upgradeWhy, { upgraded: u.upgraded, eligible: u.eligible, since: u.since })]);

  g.title(w.attentionTitle);
  g.note(w.why.attention);
  g.header(w.attentionHeader);
  for (const t of ['A', 'B', 'C'] as Tier[]) {
    g.line([t, asWhole(Math.round(f.attention.minutesPerTier[t])), share(f.attention.sharePerTier[t]), asPercent(r.attentionShare[t])]);
  }
  g.title(w.hoursTitle);
  g.note(w.why.hours);
  g.header(w.hoursHeader);
  for (const o of f.attention.hoursPerOwner) g.line([o.owner || w.noOwner, asDecimal(round1(o.hoursPerMonth))]);
  if (input.plan) capacitySection(g, input.plan, input.today, words, charts);
  if (input.pipeline) funnelSections(g, input.pipeline, input.today, language, words, charts);

  // Red flags with no touchpoint since they were raised (Rode vlag sinds): a contact after that
  // day takes a relationship off the list. Where the date is not filled in, Cadans cannot tell,
  // so the relationship stays listed. Longest without contact first.
  g.title(w.attentionListTitle);
  g.note(w.why.attentionList);
  // The Status column in the colours of the Relaties tab's Status.
  for (const status of ['overdue', 'never', 'dueSoon', 'onTrack'] as const) {
    g.colours.push({ column: 7, match: 'equals', text: words.status[status], background: STATUS_COLOURS[status].background, color: STATUS_COLOURS[status].text });
  }
  g.header(w.attentionListHeader);
  const flagged = input.outcomes
    .filter(needsAttention)
    .sort((a, b) => (a.lastContact ?? -Infinity) - (b.lastContact ?? -Infinity) || a.relation.row - b.relation.row);
  if (flagged.length === 0) g.line([w.noRedFlags]);
  for (const o of flagged) {
    g.line([
      o.relation.id,
      o.relation.name,
      o.relation.owner ?? '',
      o.relation.redFlags.map((flag) => termLabel('redFlag', flag, language)).join(', '),
      o.relation.redFlagsSince === null ? '?' : asDate(o.relation.redFlagsSince),
      o.lastContact === null ? words.status.never : asDate(o.lastContact),
      words.status[o.status],
    ]);
  }

  g.title(w.reviewTitle);
  g.note(w.why.review);
  g.header(w.reviewHeader);
  for (const line of portfolioReview(input, words)) g.line(line);
  return g.tab(charts);
}

/**
 * The playbook's attention split made concrete: per owner, the touchpoint hours the week plan puts
 * in the horizon against the hours available, the backlog that did not fit, and per week.
 */
function capacitySection(g: Grid, plan: Plan, today: Day, words: Catalogue, charts: ChartSpec[]): void {
  const w = words.report;
  const hours = (minutes: number) => round1(minutes / 60);
  g.title(fill(w.capacityTitle, { from: formatDay(today), to: formatDay(plan.horizonEnd) }));
  g.note(w.why.capacity + w.chartHere);
  const header = g.header(w.capacityHeader);
  if (plan.owners.length === 0) {
    g.line([w.noPlan]);
    return;
  }
  for (const o of plan.owners) {
    const planned = o.weeks.reduce((sum, week) => sum + week.plannedMinutes, 0);
    g.line([
      o.owner,
      asDecimal(hours(planned)),
      asDecimal(hours(o.horizonCapacity)),
      o.horizonCapacity > 0 ? asPercent(planned / o.horizonCapacity) : '',
      o.backlog.count,
      o.backlog.lastDay === null ? '' : asDate(o.backlog.lastDay),
    ]);
  }
  charts.push({
    kind: 'column',
    title: w.chartCapacity,
    domain: { row: header, column: 1, numRows: plan.owners.length + 1 },
    series: { row: header, column: 4, numRows: plan.owners.length + 1 },
    anchor: { row: header, column: 8 },
  });
  g.title(w.capacityWeekTitle);
  g.note(w.why.capacityWeek);
  g.header(w.capacityWeekHeader);
  for (const o of plan.owners) {
    for (const week of o.weeks) {
      g.line([o.owner, asDate(week.week), asDecimal(hours(week.plannedMinutes)), asDecimal(hours(week.capacityMinutes)), week.capacityMinutes > 0 ? asPercent(week.plannedMinutes / week.capacityMinutes) : '']);
    }
  }
}

/**
 * The agency guide's funnel: requests in per month, how many prospects reached each stage and went
 * on (over the changes of the last 12 months), the median days per stage, and who has stalled
 * prospects. The funnel's shares are of the prospects that reached koud (a later stage counts as
 * passing the ones before it).
 */
function funnelSections(g: Grid, f: FunnelInput, today: Day, language: Language, words: Catalogue, charts: ChartSpec[]): void {
  const w = words.report;
  const names = STAGE_NAMES[language];
  g.title(w.funnelRequestsTitle);
  g.note(w.why.requests);
  g.header(w.funnelRequestsHeader);
  for (const m of requestsPerMonth(f.received, today)) {
    const [year, month] = m.month.split('-').map(Number);
    g.line([`${words.digest.months[month - 1]} ${year}`, m.count]);
  }

  g.title(w.funnelTitle);
  g.note(w.why.funnel + w.chartHere);
  const steps = stepConversion(f.events, addMonths(today, -12) + 1, today);
  const header = g.header(w.funnelHeader);
  const top = steps[0].reached;
  if (top === 0) g.line([w.funnelNone]);
  else {
    LADDER.forEach((stage, i) => {
      const reached = i === 0 ? top : steps[i - 1].advanced;
      const next = steps[i];
      g.line([names[stage], reached, asPercent(reached / top), next ? next.advanced : '', next && next.rate !== null ? asPercent(next.rate) : '']);
    });
    charts.push({
      kind: 'funnel',
      title: w.chartFunnel,
      domain: { row: header, column: 1, numRows: LADDER.length + 1 },
      series: { row: header, column: 3, numRows: LADDER.length + 1 },
      anchor: { row: header, column: 8 },
    });
  }

  g.title(w.medianTitle);
  g.note(w.why.median);
  g.header(w.medianHeader);
  const medians = medianDaysPerStage(f.events);
  for (const stage of ['cold', 'warm', 'hot', 'client'] as const) g.line([names[stage], medians[stage] ?? w.unknown]);

  g.title(fill(w.stalledTitle, { days: f.stallDays }));
  g.note(w.why.stalled);
  g.header(w.stalledHeader);
  const perOwner = new Map<string, { stalled: number; open: number }>();
  for (const p of f.open) {
    const key = p.owner ?? '';
    const entry = perOwner.get(key) ?? { stalled: 0, open: 0 };
    entry.open++;
    if (p.stalled) entry.stalled++;
    perOwner.set(key, entry);
  }
  if (perOwner.size === 0) g.line([w.noStalled]);
  for (const [owner, e] of [...perOwner].sort(([a], [b]) => a.localeCompare(b))) g.line([owner || w.noOwner, e.stalled, e.open]);
}

/** The success indicators as tab lines: a share as a percentage, referrals as a number, the target in words. */
export function indicatorLines(indicators: readonly Indicator[], language: Language): unknown[][] {
  const w = catalogue(language).report;
  return indicators.map((ind) => {
    const isShare = ind.key !== 'referralsPerA';
    const figure = ind.figure === null ? w.unknown : isShare ? asPercent(ind.figure) : asDecimal(round1(ind.figure));
    const target = fill(w.atLeast, { n: isShare ? `${decimal(percent(ind.target), language)}%` : decimal(ind.target, language) });
    return [w.indicator[ind.key], figure, target, w.marks[ind.met === null ? 'unknown' : ind.met ? 'good' : 'poor']];
  });
}

/**
 * The annual review: each relationship that needs an action under the heading that names it
 * (src/core/portfolio.ts), weakest first, with a reason that adds to the row's Tier, Tier-advies
 * and Gezondheid: what the advice rests on, or what pulls the health down (issue 14).
 */
function portfolioReview(input: ReportInput, words: Catalogue): unknown[][] {
  const w = words.report;
  const language = input.settings.language;
  const { abc, candidateAdvice: c } = input.settings.reports;
  const share = (x: number) => {
    const text = String(Math.round(x * 1000) / 10);
    return language === 'nl' ? text.replace('.', ',') : text;
  };
  const adviceWhy = (o: ReportRelation): string => {
    const a = o.advice!;
    const r = o.relation;
    if (a.reason === 'revenueShare') return fill(w.reviewReason.revenueShare, { advice: a.tier, a: share(abc.aShare), b: share(abc.bShare) });
    if (a.reason === 'repeatPlacements') return fill(w.reviewReason.repeatPlacements, { n: r.repeatPlacements ?? 0, min: c.aRepeatPlacements });
    if (a.reason === 'referrals') return fill(w.reviewReason.referrals, { n: r.referrals ?? 0, min: c.aReferrals });
    return fill(w.reviewReason.placements, { n: r.placements ?? 0, min: c.bPlacements });
  };
  const weakWhy = (o: ReportRelation): string => {
    const minus = o.health?.parts.filter((p) => p.points < 0) ?? [];
    return minus.length ? healthWhy({ score: o.health!.score, parts: minus }, language) : w.reviewReason.noMinus;
  };
  const byHealth = (a: ReportRelation, b: ReportRelation) => (a.health?.score ?? 0) - (b.health?.score ?? 0) || a.relation.row - b.relation.row;
  const actionOf = (o: ReportRelation) => reviewAction({ active: o.relation.active, tier: o.relation.tier, advice: o.advice, health: o.health?.score ?? null });
  const rows: unknown[][] = [];
  for (const action of REVIEW_ACTIONS) {
    for (const o of input.outcomes.filter((o) => actionOf(o) === action).sort(byHealth)) {
      const reason = action === 'upgrade' || action === 'downgrade' ? adviceWhy(o) : weakWhy(o);
      rows.push([w.review[action], o.relation.id, o.relation.name, o.relation.tier, o.advice?.tier ?? '', o.health?.score ?? '', reason]);
    }
  }
  return rows;
}

/**
 * Issue 12: referrals of the last 12 months per tier, and per owner over their A relationships,
 * against the playbook's target per A relationship (Instellingen > Doel referrals per A-relatie).
 */
function referralSections(g: Grid, f: ReferralFigures, words: Catalogue, language: Language): void {
  const w = words.report;
  const judge = (line: { perRelation: number | null }) => mark(line.perRelation === null ? 'unknown' : line.perRelation >= f.target ? 'good' : 'poor', words);
  const perRelation = (line: { perRelation: number | null }) => (line.perRelation === null ? w.noData : asDecimal(round1(line.perRelation)));
  const target = fill(w.atLeast, { n: decimal(f.target, language) });
  g.title(w.referralsTierTitle);
  g.note(w.why.referrals);
  g.header(w.referralsTierHeader);
  for (const t of ['A', 'B', 'C'] as Tier[]) {
    const line = f.perTier[t];
    g.line([t, line.relations, line.referrals, perRelation(line), t === 'A' ? target : '', t === 'A' ? judge(line) : '']);
  }
  g.title(w.referralsOwnerTitle);
  g.note(w.why.referralsOwner);
  g.header(w.referralsOwnerHeader);
  if (f.perOwnerA.length === 0) g.line([w.noReferralOwners]);
  for (const o of f.perOwnerA) g.line([o.owner || w.noOwner, o.relations, o.referrals, perRelation(o), target, judge(o)]);
}

/** The Waarom text: every part of the health score with its points, e.g. `basis 60; op schema +10`. */
export function healthWhy(health: Health, language: Language): string {
  const w = catalogue(language).report;
  return health.parts
    .map((p) => {
      const detail =
        p.key === 'redFlag' ? termLabel('redFlag', String(p.detail), language)
        : p.key === 'signal' ? termLabel('signal', String(p.detail), language)
        : p.detail ?? '';
      const points = p.key === 'base' ? String(p.points) : p.points >= 0 ? `+${p.points}` : `−${-p.points}`;
      return fill(w.health[p.key], { detail, points });
    })
    .join('; ');
}

/** A value-add touchpoint within the last interval before today. */
export function recentValueAdd(touchpoints: readonly TouchpointRecord[], today: Day, months: number): boolean {
  const since = addMonths(today, -months);
  return touchpoints.some((t) => t.day > since && t.day <= today && t.valueAdd !== null && t.valueAdd !== 'none');
}
