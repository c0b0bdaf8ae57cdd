// The Kwartaal (Quarter) tab: the playbook's quarterly evaluation (domain brief, section 7
// "Reviews"): relationship progression, risk this quarter against the last, the portfolio
// actions, testimonials collected, and the goals against the playbook's targets. Rebuilt by every
// refresh; the first refresh of a new quarter keeps the old tab as a copy first (src/core/quarter.ts).

import { REVIEW_ACTIONS, reviewAction } from '../core/portfolio';
import { type Day, formatDay } from '../core/dates';
import type { Tier } from '../core/parse';
import { inQuarter, type Quarter, quarterKey } from '../core/quarter';
import { catalogue, fill } from '../i18n/catalogue';
import { displayName } from '../workbook/headers';
import type { RelationRecord, TouchpointRecord } from '../workbook/relations';
import type { Settings } from '../workbook/settings';
import { QUARTER_TAB } from '../../sheets-templates/tabs';
import { asDate, asDecimal, asPercent, asWhole, Grid, indicatorLines, concentrationWhy, type Num, type ReportFigures, type ReportRelation, type ReportTab } from './report-tabs';

export interface QuarterInput {
  today: Day;
  quarter: Quarter;
  settings: Settings;
  relations: readonly RelationRecord[];
  outcomes: readonly ReportRelation[];
  touchpoints: readonly TouchpointRecord[];
  figures: ReportFigures;
  /** Binnengekomen of every prospect; null without a Pipeline tab. */
  received: readonly Day[] | null;
  /** The kept copy of the previous quarter, as read; null when there is none. */
  previous: unknown[][] | null;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

export function buildQuarterTab(input: QuarterInput): ReportTab {
  const { settings, quarter } = input;
  const language = settings.language;
  const words = catalogue(language);
  const w = words.quarter;
  const grid = new Grid();
  const line = (cells: unknown[]) => grid.line(cells);
  const title = (text: string) => grid.title(text);
  const header = (cells: readonly string[]) => grid.header(cells);
  const key = quarterKey(quarter);
  // B1 holds the quarter's key: the next quarter's first refresh reads it to know what to keep.
  line([fill(w.heading, { quarter: key, from: formatDay(quarter.start), to: formatDay(quarter.end) }), key]);
  line([`${fill(w.generated, { date: formatDay(input.today), frozen: `${displayName(QUARTER_TAB, language)} ${key}` })} ${w.asIs}`]);
  grid.legend(words);

  title(w.progressionTitle);
  grid.note(w.why.progression);
  header(w.progressionHeader);
  const active = input.outcomes.filter((o) => o.relation.active && o.relation.tier !== null);
  const order: Record<Tier, number> = { A: 0, B: 1, C: 2 };
  for (const t of ['A', 'B', 'C'] as Tier[]) {
    const inTier = active.filter((o) => o.relation.tier === t);
    const higher = inTier.filter((o) => o.advice && order[o.advice.tier] < order[t]).length;
    const lower = inTier.filter((o) => o.advice && order[o.advice.tier] > order[t]).length;
    line([t, inTier.length, higher, lower]);
  }
  const clients = input.relations.filter((r) => r.type !== 'candidate');
  const fresh = clients.filter((r) => r.clientSince !== null && inQuarter(r.clientSince, quarter));
  const lost = clients.filter((r) => (r.revenueLastYear ?? 0) > 0 && (!r.active || !r.revenue));
  line([w.newClients, fresh.length, fresh.map((r) => r.name || r.id).join(', ')]);
  line([w.lostClients, lost.length, lost.map((r) => r.name || r.id).join(', ')]);
  title(w.weakestTitle);
  grid.note(w.why.weakest);
  header(w.weakestHeader);
  const weakest = active.filter((o) => o.health !== null).sort((a, b) => a.health!.score - b.health!.score || a.relation.row - b.relation.row).slice(0, 5);
  for (const o of weakest) line([o.relation.id, o.relation.name, o.relation.tier, o.health!.score]);

  const c = input.figures.risk.concentration;
  title(w.riskTitle);
  grid.note(c ? concentrationWhy(c.hhi, c.effectiveClients, c.verdict, language) : words.report.noClients);
  header(w.riskHeader);
  const conc = words.concentration;
  // A quarter kept before issue 14 wrote shares as 0-100 under a label ending in " (%)": read either.
  const previousValue = (label: string, make: (n: number) => Num): unknown => {
    if (!input.previous) return w.noPrevious;
    const row = input.previous.find((r) => r[0] === label);
    if (row) return typeof row[1] === 'number' ? make(row[1]) : row[1];
    const old = input.previous.find((r) => r[0] === `${label} (%)`);
    return old ? (typeof old[1] === 'number' ? make(old[1] / 100) : old[1]) : w.noPrevious;
  };
  const measures: Array<[string, number | null, (n: number) => Num]> = [
    [conc.hhi, c ? Math.round(c.hhi) : null, asWhole],
    [conc.largestShare, c ? c.largestShare : null, asPercent],
    [conc.top5Share, c ? c.top5Share : null, asPercent],
    [conc.effectiveClients, c ? round1(c.effectiveClients) : null, asDecimal],
  ];
  for (const [label, value, make] of measures) line([label, value === null ? words.report.unknown : make(value), previousValue(label, make)]);

  title(w.actionsTitle);
  grid.note(w.why.actions);
  header(w.actionsHeader);
  // The portfolio review's actions (the KPI tab lists who), one per relationship (issue 14).
  const review = words.report.review;
  const actions = active.map((o) => reviewAction({ active: o.relation.active, tier: o.relation.tier, advice: o.advice, health: o.health?.score ?? null }));
  for (const action of REVIEW_ACTIONS) line([review[action], actions.filter((a) => a === action).length]);
  const requests = input.received === null ? null : input.received.filter((d) => inQuarter(d, quarter) && d <= input.today).length;
  line([w.newProspects, requests ?? words.report.unknown]);

  const testimonials = input.touchpoints.filter((t) => t.testimonial && inQuarter(t.day, quarter) && t.day <= input.today).sort((a, b) => a.day - b.day || a.row - b.row);
  title(fill(w.testimonialsTitle, { n: testimonials.length }));
  if (testimonials.length === 0) line([w.noTestimonials]);
  else header(w.testimonialsHeader);
  const names = new Map(input.relations.map((r) => [r.id, r.name]));
  for (const t of testimonials) line([asDate(t.day), t.relationId, names.get(t.relationId) ?? '', t.notes]);

  title(w.goalsTitle);
  grid.note(words.report.why.indicators);
  header(words.report.indicatorsHeader);
  for (const l of indicatorLines(input.figures.indicators, language)) line(l);
  if (requests !== null) {
    const target = Math.round((settings.reports.targets.proposalsPerWeek * 52) / 4);
    line([w.requestsQuarter, requests, fill(words.report.atLeast, { n: target }), words.report.marks[requests >= target ? 'good' : 'poor']]);
  }

  return grid.tab([]);
}
