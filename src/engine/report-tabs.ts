// The KPI and Risico tabs as blocks of values: titles, tables and the charts' places, computed
// from the refresh's records by the pure rules in src/core. Nothing here touches a workbook; the
// refresh writes each tab with one write, and the local runner turns the same blocks into
// report.html. Percentages are written as numbers 0-100 rounded to 0.1, with "(%)" in the
// header, so that they read the same in every locale and chart without a number format.

import { REVIEW_ACTIONS, reviewAction } from '../core/portfolio';
import { addMonths, type Day, formatDay } from '../core/dates';
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
import { catalogue, type Catalogue, fill } from '../i18n/catalogue';
import type { RelationRecord, TouchpointRecord } from '../workbook/relations';
import type { ChartSpec } from '../workbook/ports';
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

/** A generated tab built line by line: its titles and table headers remembered for styling. */
export class Grid {
  readonly rows: unknown[][] = [];
  readonly titleRows: number[] = [];
  readonly headerRows: number[] = [];
  /** The 1-based row the next line goes to. */
  get next(): number {
    return this.rows.length + 1;
  }
  line(cells: unknown[]): number {
    this.rows.push(cells);
    return this.rows.length;
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
  tab(charts: ChartSpec[]): ReportTab {
    const width = Math.max(1, ...this.rows.map((r) => r.length));
    const values = this.rows.map((r) => Array.from({ length: width }, (_, i) => (r[i] === undefined || r[i] === null ? '' : r[i])));
    return { values, charts, titleRows: this.titleRows, headerRows: this.headerRows };
  }
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
  const indicators = indicatorsOf(input.relations, today, r);
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
  const figures: ReportFigures = { risk, compliance, activity, indicators, penetration, attention, accountPenetration, newDepartmental, upgrades };
  return {
    kpi: kpiTab(input, figures, language, words),
    risk: riskTab(input, risk, language, words),
    figures,
  };
}

const mark = (m: Mark, words: Catalogue) => words.report.marks[m];
const orUnknown = (n: number | null, words: Catalogue, f: (n: number) => number = (x) => x) => (n === null ? words.report.unknown : f(n));

function riskTab(input: ReportInput, risk: RiskReport, language: Language, words: Catalogue): ReportTab {
  const w = words.report;
  const r = input.settings.reports;
  const g = new Grid();
  g.line([fill(w.generated, { tab: language === 'nl' ? 'Risico' : 'Risk', date: formatDay(input.today) })]);
  g.title(w.concentration);
  const c = risk.concentration;
  const conc = words.concentration;
  if (c) {
    g.line([conc.hhi, round1(c.hhi)]);
    g.line([`${conc.largestShare} (%)`, percent(c.largestShare)]);
    g.line([`${conc.top5Share} (%)`, percent(c.top5Share)]);
    g.line([conc.effectiveClients, round1(c.effectiveClients)]);
    g.line([conc.verdict, words.verdict[c.verdict]]);
  } else g.line([w.noClients]);

  const a = words.accounts;
  g.title(a.clientsTitle);
  g.line([fill(a.groupingNote, { key: percent(r.keyClientShare), significant: percent(r.significantClientShare) })]);
  const charts: ChartSpec[] = [];
  const header = g.header(a.clientsHeader.map((h) => fill(h, { key: percent(r.keyClientShare), significant: percent(r.significantClientShare) })));
  const byKey = new Map(input.accounts.map((s) => [s.account.key, s]));
  risk.clients.forEach((client, i) => {
    const account = byKey.get(client.id);
    g.line([
      i + 1,
      client.name,
      account?.activeContacts ?? '',
      client.revenue,
      account ? a.source[account.account.revenueSource] : '',
      percent(client.share),
      percent(client.cumulativeShare),
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
  g.header(w.stressHeader);
  if (risk.stress.length === 0) g.line([fill(w.noKeyClients, { key: percent(r.keyClientShare) })]);
  for (const s of risk.stress) {
    const reserve = r.cashReserve.actualMonths;
    const text =
      fill(w.stressLine, { name: s.name, share: decimal(percent(s.lostShare), language) }) +
      (s.monthsCarried === null ? w.stressUnknownReserve : fill(w.stressCarried, { reserve: decimal(reserve!, language), months: decimal(round1(s.monthsCarried), language) }));
    g.line([s.name, percent(s.lostShare), orUnknown(s.monthsCarried, words, round1), text]);
  }

  g.title(w.scorecardTitle);
  g.header(w.scorecardHeader);
  for (const line of risk.scorecard) {
    const figure =
      line.key === 'keyClientRisk' || line.key === 'recurringShare'
        ? orUnknown(line.figure, words, percent)
        : line.key === 'proposalsPerWeek'
          ? orUnknown(line.figure, words, (n) => Math.round(n * 100) / 100)
          : orUnknown(line.figure, words);
    const target = {
      bookedAhead: `≥ ${r.bookedAhead.minDays} (${r.bookedAhead.minDays}-${r.bookedAhead.idealDays})`,
      keyClientRisk: `< ${percent(r.keyClientShare)}`,
      recurringShare: r.targets.recurringShare === null ? w.none : `≥ ${percent(r.targets.recurringShare)}`,
      cashMonths: `≥ ${r.cashReserve.minMonths} (${r.cashReserve.idealMonths})`,
      proposalsPerWeek: `≥ ${r.targets.proposalsPerWeek}`,
    }[line.key];
    g.line([w.score[line.key], figure, target, mark(line.mark, words)]);
  }
  // Issue 13: the guide's "one proposal a week or 52 requests a year", and selling while busy.
  if (input.pipeline) {
    const requests = requestsInYear(input.pipeline.received, input.today);
    const target = Math.round(r.targets.proposalsPerWeek * 52);
    g.line([w.requestsPerYear, requests, `≥ ${target}`, mark(requests >= target ? 'good' : 'poor', words)]);
  }
  const proposals = risk.scorecard.find((l) => l.key === 'proposalsPerWeek')?.figure ?? null;
  if (thinPipeline(r.bookedAhead.actualDays, r.bookedAhead.minDays, proposals, r.targets.proposalsPerWeek)) {
    g.line([fill(w.thinPipeline, { booked: decimal(r.bookedAhead.actualDays!, language), min: r.bookedAhead.minDays, proposals: decimal(Math.round(proposals! * 100) / 100, language), target: decimal(r.targets.proposalsPerWeek, language) })]);
  }
  return g.tab(charts);
}

function kpiTab(input: ReportInput, f: ReportFigures, language: Language, words: Catalogue): ReportTab {
  const w = words.report;
  const r = input.settings.reports;
  const g = new Grid();
  const charts: ChartSpec[] = [];
  const share = (s: number | null) => (s === null ? '' : percent(s));
  g.line([fill(w.generated, { tab: 'KPI', date: formatDay(input.today) })]);

  g.title(w.complianceTitle);
  const complianceHeader = g.header(w.complianceHeader);
  f.compliance.months.forEach((m, i) => {
    const cell = f.compliance.perMonth[i];
    g.line([monthLabel(m, words), cell.due, cell.onTime, share(cell.share)]);
  });
  g.line([w.total, f.compliance.total.due, f.compliance.total.onTime, share(f.compliance.total.share)]);
  charts.push({
    kind: 'column',
    title: w.chartCompliance,
    domain: { row: complianceHeader, column: 1, numRows: 13 },
    series: { row: complianceHeader, column: 4, numRows: 13 },
    anchor: { row: 3, column: 9 },
  });

  g.title(w.perOwnerTitle);
  g.header(w.ownerHeader);
  for (const o of f.compliance.perOwner) g.line([o.owner || w.noOwner, o.cell.due, o.cell.onTime, share(o.cell.share)]);
  g.title(w.perTierTitle);
  g.header(w.tierHeader);
  for (const t of ['A', 'B', 'C'] as Tier[]) {
    const cell = f.compliance.perTier[t];
    g.line([t, cell.due, cell.onTime, share(cell.share)]);
  }

  g.title(w.activityTitle);
  g.header(w.activityHeader);
  for (const m of f.activity) g.line([monthLabel(m.month, words), m.touchpoints, m.newOpportunities, m.valueAdds, m.insightsShared, m.referrals]);

  g.title(w.indicatorsTitle);
  g.header(w.indicatorsHeader);
  for (const ind of f.indicators) {
    const asPercent = ind.key !== 'referralsPerA';
    const figure = ind.figure === null ? w.unknown : asPercent ? percent(ind.figure) : round1(ind.figure);
    const target = `≥ ${asPercent ? percent(ind.target) : ind.target}`;
    g.line([w.indicator[ind.key], figure, target, mark(ind.met === null ? 'unknown' : ind.met ? 'good' : 'poor', words)]);
  }

  // Penetration and expansion per client organisation (issue 11).
  const a = words.accounts;
  g.title(a.penetrationTitle);
  g.header(a.penetrationHeader);
  if (f.accountPenetration.length === 0) g.line([a.noPenetration]);
  for (const p of f.accountPenetration) {
    g.line([p.name, p.known, p.withContact, percent(p.withContact / p.known), p.served ?? '', p.served === null ? '' : percent(p.served / p.known)]);
  }
  g.title(a.newContactsTitle);
  g.header([a.organisation, ...f.newDepartmental.quarters.map((q) => quarterLabel(q, language))]);
  if (f.newDepartmental.perAccount.length === 0) g.line([a.noNewContacts]);
  for (const p of f.newDepartmental.perAccount) g.line([p.name, ...p.counts]);

  const clientAccounts = input.accounts.filter((s) => s.activeContacts > 0);
  g.title(a.singleTitle);
  g.header(a.singleHeader);
  const single = clientAccounts.filter((s) => s.activeContacts === 1);
  if (single.length === 0) g.line([a.noSingle]);
  for (const s of single) {
    const person = s.account.contacts.find((c) => c.active)!;
    g.line([s.account.name, person.name, person.roles.map((role) => termLabel('role', role, language)).join(', '), s.share === null ? '' : percent(s.share)]);
  }
  g.title(a.rolesTitle);
  g.header(a.rolesHeader);
  const missing = clientAccounts.filter((s) => s.account.missingRoles.length > 0);
  if (missing.length === 0) g.line([a.noRolesMissing]);
  for (const s of missing) {
    g.line([s.account.name, s.account.missingRoles.map((role) => termLabel('role', role, language)).join(', '), s.activeContacts, s.share === null ? '' : percent(s.share)]);
  }
  g.title(a.upgradeTitle);
  g.header(a.upgradeHeader);
  const u = f.upgrades;
  g.line([a.upgradeLine, u.rate === null ? w.unknown : percent(u.rate), u.since === null ? a.noHistory : fill(a.upgradeWhy, { upgraded: u.upgraded, eligible: u.eligible, since: u.since })]);

  g.title(w.attentionTitle);
  g.header(w.attentionHeader);
  for (const t of ['A', 'B', 'C'] as Tier[]) {
    g.line([t, Math.round(f.attention.minutesPerTier[t]), share(f.attention.sharePerTier[t]), percent(r.attentionShare[t])]);
  }
  g.title(w.hoursTitle);
  g.header(w.hoursHeader);
  for (const o of f.attention.hoursPerOwner) g.line([o.owner || w.noOwner, round1(o.hoursPerMonth)]);
  if (input.plan) capacitySection(g, input.plan, input.today, words, charts);
  if (input.pipeline) funnelSections(g, input.pipeline, input.today, language, words, charts);

  // Red flags with no touchpoint since they were raised (Rode vlag sinds): a contact after that
  // day takes a relationship off the list. Where the date is not filled in, Cadans cannot tell,
  // so the relationship stays listed. Longest without contact first.
  g.title(w.attentionListTitle);
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
      o.relation.redFlagsSince === null ? '?' : formatDay(o.relation.redFlagsSince),
      o.lastContact === null ? words.status.never : formatDay(o.lastContact),
      words.status[o.status],
    ]);
  }

  g.title(w.reviewTitle);
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
  const header = g.header(w.capacityHeader);
  if (plan.owners.length === 0) {
    g.line([w.noPlan]);
    return;
  }
  for (const o of plan.owners) {
    const planned = o.weeks.reduce((sum, week) => sum + week.plannedMinutes, 0);
    g.line([
      o.owner,
      hours(planned),
      hours(o.horizonCapacity),
      o.horizonCapacity > 0 ? percent(planned / o.horizonCapacity) : '',
      o.backlog.count,
      o.backlog.lastDay === null ? '' : formatDay(o.backlog.lastDay),
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
  g.header(w.capacityWeekHeader);
  for (const o of plan.owners) {
    for (const week of o.weeks) {
      g.line([o.owner, formatDay(week.week), hours(week.plannedMinutes), hours(week.capacityMinutes), week.capacityMinutes > 0 ? percent(week.plannedMinutes / week.capacityMinutes) : '']);
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
  g.header(w.funnelRequestsHeader);
  for (const m of requestsPerMonth(f.received, today)) {
    const [year, month] = m.month.split('-').map(Number);
    g.line([`${words.digest.months[month - 1]} ${year}`, m.count]);
  }

  g.title(w.funnelTitle);
  const steps = stepConversion(f.events, addMonths(today, -12) + 1, today);
  const header = g.header(w.funnelHeader);
  const top = steps[0].reached;
  if (top === 0) g.line([w.funnelNone]);
  else {
    LADDER.forEach((stage, i) => {
      const reached = i === 0 ? top : steps[i - 1].advanced;
      const next = steps[i];
      g.line([names[stage], reached, percent(reached / top), next ? next.advanced : '', next && next.rate !== null ? percent(next.rate) : '']);
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
  g.header(w.medianHeader);
  const medians = medianDaysPerStage(f.events);
  for (const stage of ['cold', 'warm', 'hot', 'client'] as const) g.line([names[stage], medians[stage] ?? w.unknown]);

  g.title(fill(w.stalledTitle, { days: f.stallDays }));
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
