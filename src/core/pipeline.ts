// The pipeline as the agency guide runs it (domain brief, sections 6 and 7 "Taking on a client"):
// the stages a lead moves through, the go/no-go rule over the guide's reasons to take or decline
// work plus BANT, when a dropped lead comes back and when a prospect counts as stalled, and the
// funnel figures over a history of stage changes. Pure: days in, values out.

import { addDays, addMonths, type Day, ymdFromDay } from './dates';
import { nextWorkingDay } from './prep';

// ---- Stages ---------------------------------------------------------------------------------

/** The guide's ladder (cold, warm, hot, client, loyal client) and the two ways out. */
export type Stage = 'cold' | 'warm' | 'hot' | 'client' | 'loyal' | 'rejected' | 'dropped';

/** The ladder in order; `rejected` (we said no) and `dropped` (they went away) stand beside it. */
export const LADDER: readonly Stage[] = ['cold', 'warm', 'hot', 'client', 'loyal'];
/** Stages in which a prospect still needs a step from us. */
export const OPEN_STAGES: readonly Stage[] = ['cold', 'warm', 'hot'];

export const STAGE_NAMES: Record<'nl' | 'en', Record<Stage, string>> = {
  nl: { cold: 'koud', warm: 'warm', hot: 'heet', client: 'klant', loyal: 'vaste klant', rejected: 'afgewezen', dropped: 'afgehaakt' },
  en: { cold: 'cold', warm: 'warm', hot: 'hot', client: 'client', loyal: 'loyal client', rejected: 'rejected', dropped: 'dropped out' },
};

/** A stage as typed in either language (case and spaces ignored); null when it is none of them. */
export function parseStage(value: unknown): Stage | null {
  if (typeof value !== 'string') return null;
  const text = value.trim().toLowerCase().replace(/\s+/g, ' ');
  if (text === '') return null;
  for (const names of Object.values(STAGE_NAMES)) {
    for (const [stage, name] of Object.entries(names)) if (name === text) return stage as Stage;
  }
  if (text === 'loyal' || text === 'dropped') return text;
  return null;
}

// ---- Go/no-go -------------------------------------------------------------------------------

/**
 * The guide's reasons to take work (it is fun, it moves the agency forward), what makes a good
 * client (pays well and on time, gives direction without micromanaging), the "give them something
 * to do" test, and BANT.
 */
export type CriterionKey = 'enjoyment' | 'forward' | 'payment' | 'direction' | 'workTest' | 'budget' | 'authority' | 'need' | 'timeline';
export const CRITERIA: readonly CriterionKey[] = ['enjoyment', 'forward', 'payment', 'direction', 'workTest', 'budget', 'authority', 'need', 'timeline'];
export const BANT_CRITERIA: readonly CriterionKey[] = ['budget', 'authority', 'need', 'timeline'];

/** ja = true, nee = false, ? or empty = null (not known yet). */
export type Scorecard = Record<CriterionKey, boolean | null>;

export interface GoNoGoSettings {
  /** Each criterion's weight in the score (Cadans's choice: 1 each; the guide gives no weights). */
  weights: Record<CriterionKey, number>;
  /** Go from this score (Cadans's choice: 0.5), when BANT holds in full and the start is near. */
  goFrom: number;
  /** No-go below this score (Cadans's choice: 0: more weight against than for). */
  noGoBelow: number;
  /** The guide: a start more than this many months away means not now (6). */
  startMonthsMax: number;
}

export const DEFAULT_GO_NO_GO: GoNoGoSettings = {
  weights: { enjoyment: 1, forward: 1, payment: 1, direction: 1, workTest: 1, budget: 1, authority: 1, need: 1, timeline: 1 },
  goFrom: 0.5,
  noGoBelow: 0,
  startMonthsMax: 6,
};

export type Verdict = 'go' | 'doubt' | 'noGo';

export interface GoNoGo {
  verdict: Verdict;
  /** Σ weight × (ja +1, nee −1, ? 0) ÷ Σ weight, from −1 to 1; 0 with no weight at all. */
  score: number;
  yes: CriterionKey[];
  no: CriterionKey[];
  unknown: CriterionKey[];
  /** Why the verdict is what it is, beside the score. */
  reason: 'noBudget' | 'lowScore' | 'startFar' | 'bantOpen' | 'midScore' | 'go';
  /** The start date lies more than startMonthsMax months after today. */
  startFar: boolean;
}

/**
 * The rule, in order: no budget is a no-go (the guide's "no budget" reason to decline); a score
 * below `noGoBelow` is a no-go; a start more than `startMonthsMax` months ahead is at best
 * twijfel ("not now"); go needs every BANT answer ja (the playbook: unless all four hold, a lead is
 * unlikely to become work) and a score of at least `goFrom`; everything else is twijfel.
 */
export function goNoGo(card: Scorecard, startDate: Day | null, today: Day, settings: GoNoGoSettings = DEFAULT_GO_NO_GO): GoNoGo {
  const yes = CRITERIA.filter((k) => card[k] === true);
  const no = CRITERIA.filter((k) => card[k] === false);
  const unknown = CRITERIA.filter((k) => card[k] === null);
  const total = CRITERIA.reduce((s, k) => s + settings.weights[k], 0);
  const sum = yes.reduce((s, k) => s + settings.weights[k], 0) - no.reduce((s, k) => s + settings.weights[k], 0);
  const score = total === 0 ? 0 : Math.round((sum / total) * 1000) / 1000;
  const startFar = startDate !== null && startDate > addMonths(today, settings.startMonthsMax);
  const base = { score, yes, no, unknown, startFar };
  if (card.budget === false) return { ...base, verdict: 'noGo', reason: 'noBudget' };
  if (score < settings.noGoBelow) return { ...base, verdict: 'noGo', reason: 'lowScore' };
  if (startFar) return { ...base, verdict: 'doubt', reason: 'startFar' };
  if (BANT_CRITERIA.some((k) => card[k] !== true)) return { ...base, verdict: 'doubt', reason: 'bantOpen' };
  if (score < settings.goFrom) return { ...base, verdict: 'doubt', reason: 'midScore' };
  return { ...base, verdict: 'go', reason: 'go' };
}

// ---- Nurturing and stalls -------------------------------------------------------------------

/**
 * When a dropped-out lead is to be approached again: `months` after it dropped out, moved to the
 * next working day when that is a weekend or a Dutch public holiday.
 */
export function reapproachDay(droppedOn: Day, months: number): Day {
  return nextWorkingDay(addMonths(droppedOn, months));
}

/**
 * The first day a prospect counts as stalled: `days` after its last step, moved to the next
 * working day (nobody reads a stall list on a Sunday).
 */
export function stalledFrom(lastStep: Day, days: number): Day {
  return nextWorkingDay(addDays(lastStep, days));
}

export function isStalled(stage: Stage | null, lastStep: Day | null, today: Day, days: number): boolean {
  if (stage === null || !OPEN_STAGES.includes(stage) || lastStep === null) return false;
  return today >= stalledFrom(lastStep, days);
}

// ---- Funnel ---------------------------------------------------------------------------------

/** One stage change of one prospect (a Pipeline-historie row, or the Pipeline tab's current stage). */
export interface StageEvent {
  /** The prospect: its organisation (and contact), as the history names it. */
  key: string;
  day: Day;
  stage: Stage;
}

export interface StepConversion {
  from: Stage;
  to: Stage;
  /** Prospects that reached `from` (or beyond) within the window. */
  reached: number;
  /** Of those, the ones that reached `to` or beyond. */
  advanced: number;
  /** advanced ÷ reached; null when none reached `from`. */
  rate: number | null;
}

/** A stage reached later on the ladder counts as having passed the steps before it. */
function rank(stage: Stage): number {
  return LADDER.indexOf(stage);
}

/**
 * Conversion per step of the ladder over the events from `since` to `until` (inclusive): per
 * prospect its highest ladder stage reached in the window; `rejected` and `dropped` reach nothing.
 */
export function stepConversion(events: readonly StageEvent[], since: Day, until: Day): StepConversion[] {
  const highest = new Map<string, number>();
  for (const e of events) {
    if (e.day < since || e.day > until) continue;
    const r = rank(e.stage);
    if (r < 0) {
      if (!highest.has(e.key)) highest.set(e.key, -1);
      continue;
    }
    highest.set(e.key, Math.max(highest.get(e.key) ?? -1, r));
  }
  const out: StepConversion[] = [];
  for (let i = 0; i + 1 < LADDER.length; i++) {
    let reached = 0;
    let advanced = 0;
    for (const h of highest.values()) {
      if (h >= i) reached++;
      if (h >= i + 1) advanced++;
    }
    out.push({ from: LADDER[i], to: LADDER[i + 1], reached, advanced, rate: reached === 0 ? null : advanced / reached });
  }
  return out;
}

/** The median of whole numbers; null for none; the mean of the middle two for an even count. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Median days spent in each stage: per prospect, the days from entering a stage to its next
 * change (a stay still running is not counted: it has no length yet).
 */
export function medianDaysPerStage(events: readonly StageEvent[]): Record<Stage, number | null> {
  const byKey = new Map<string, StageEvent[]>();
  for (const e of events) {
    if (!byKey.has(e.key)) byKey.set(e.key, []);
    byKey.get(e.key)!.push(e);
  }
  const stays = new Map<Stage, number[]>();
  for (const list of byKey.values()) {
    list.sort((a, b) => a.day - b.day);
    for (let i = 0; i + 1 < list.length; i++) {
      if (list[i + 1].stage === list[i].stage) continue;
      if (!stays.has(list[i].stage)) stays.set(list[i].stage, []);
      stays.get(list[i].stage)!.push(list[i + 1].day - list[i].day);
    }
  }
  const out = {} as Record<Stage, number | null>;
  for (const s of [...LADDER, 'rejected', 'dropped'] as Stage[]) out[s] = median(stays.get(s) ?? []);
  return out;
}

/** Requests in per calendar month for the 12 months up to and including today's: [`yyyy-mm`, count]. */
export function requestsPerMonth(received: readonly Day[], today: Day): Array<{ month: string; count: number }> {
  const { year, month } = ymdFromDay(today);
  const months: Array<{ month: string; count: number }> = [];
  for (let i = 11; i >= 0; i--) {
    const m = month - i;
    const y = m <= 0 ? year - 1 : year;
    const mm = m <= 0 ? m + 12 : m;
    months.push({ month: `${y}-${String(mm).padStart(2, '0')}`, count: 0 });
  }
  const index = new Map(months.map((m, i) => [m.month, i]));
  for (const d of received) {
    if (d > today) continue;
    const ymd = ymdFromDay(d);
    const i = index.get(`${ymd.year}-${String(ymd.month).padStart(2, '0')}`);
    if (i !== undefined) months[i].count++;
  }
  return months;
}

// ---- The morning mail's pipeline lines ------------------------------------------------------

/** A line of the morning mail and the Vandaag tab about a prospect: approach again, or stalled. */
export interface PipelineLine {
  kind: 'reapproach' | 'stalled';
  /** 1-based row on the Pipeline tab. */
  row: number;
  organisation: string;
  contact: string;
  stage: Stage;
  /** reapproach: the day it dropped out (Fase sinds); stalled: its last step. */
  since: Day;
  /** reapproach: Reden afgehaakt as typed (may be empty). */
  reason: string;
}

/** The order within an owner's lines: those to approach again first, then the longest stalled. */
export function comparePipelineLines(a: PipelineLine, b: PipelineLine): number {
  return (a.kind === b.kind ? 0 : a.kind === 'reapproach' ? -1 : 1) || a.since - b.since || a.row - b.row;
}

// ---- Independence: enough demand ------------------------------------------------------------

/** Requests in over the 12 months up to today (Binnengekomen after the same day a year ago). */
export function requestsInYear(received: readonly Day[], today: Day): number {
  const since = addMonths(today, -12);
  return received.filter((d) => d > since && d <= today).length;
}

/**
 * The guide: a sale takes two to three months, so sell while busy. Warn when the booked-ahead
 * days are below the minimum while fewer proposals than the target went out (per week, over
 * the 13-week window). Unknown figures give no warning: nothing is made up.
 */
export function thinPipeline(bookedAheadDays: number | null, minDays: number, proposalsPerWeek: number | null, targetPerWeek: number): boolean {
  return bookedAheadDays !== null && proposalsPerWeek !== null && bookedAheadDays < minDays && proposalsPerWeek < targetPerWeek;
}
