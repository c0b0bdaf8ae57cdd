// Conversation preparation (domain brief, sections 1, 5 and 6): the phases of a prepared
// conversation with their time boxes, which questions of the team's question bank fit a given
// relationship, BANT qualification, and the due dates of the next steps agreed in a call.

import { addDays, type Day, weekdayOf, ymdFromDay } from './dates';
import { dutchHolidayOn } from './holidays';
import type { Language } from './locale';
import type { RelationType, Tier } from './parse';

/** Who a question is for: a client, a candidate, or a prospect in the pipeline. */
export type Audience = RelationType | 'prospect';

export type PhaseKey =
  | 'prepOrganisation'
  | 'prepStakeholders'
  | 'prepIntelligence'
  | 'situation'
  | 'problem'
  | 'implication'
  | 'needPayoff'
  | 'expansion'
  | 'commitment'
  | 'checklist'
  | 'career'
  | 'currentAssignment'
  | 'future'
  | 'addingValue'
  | 'checkIn'
  | 'budget'
  | 'authority'
  | 'need'
  | 'timeline';

export interface PhaseDef {
  key: PhaseKey;
  nl: string;
  en: string;
  /** The playbook's time box in minutes; null where it gives none. */
  minutes: number | null;
  /** Preparation happens before the call; the rest during it. */
  group: 'preparation' | 'conversation' | 'followUp' | 'checklist' | 'bant';
}

/** Every phase in the order a conversation runs. */
export const PHASES: readonly PhaseDef[] = [
  { key: 'prepOrganisation', nl: 'Organisatie in kaart', en: 'Organisation mapping', minutes: 10, group: 'preparation' },
  { key: 'prepStakeholders', nl: 'Stakeholdernetwerk', en: 'Stakeholder network', minutes: 5, group: 'preparation' },
  { key: 'prepIntelligence', nl: 'Business intelligence', en: 'Business intelligence', minutes: 5, group: 'preparation' },
  { key: 'situation', nl: 'Situatie', en: 'Situation', minutes: 7, group: 'conversation' },
  { key: 'problem', nl: 'Probleem', en: 'Problem', minutes: 10, group: 'conversation' },
  { key: 'implication', nl: 'Implicatie', en: 'Implication', minutes: 8, group: 'conversation' },
  { key: 'needPayoff', nl: 'Need-payoff', en: 'Need-payoff', minutes: 5, group: 'conversation' },
  { key: 'career', nl: 'Loopbaanontwikkeling', en: 'Career development', minutes: 5, group: 'conversation' },
  { key: 'currentAssignment', nl: 'Huidige opdracht', en: 'Current assignment', minutes: 3, group: 'conversation' },
  { key: 'future', nl: 'Toekomstige kansen', en: 'Future opportunities', minutes: 5, group: 'conversation' },
  { key: 'addingValue', nl: 'Waarde toevoegen', en: 'Adding value', minutes: 2, group: 'conversation' },
  { key: 'checkIn', nl: 'Check-in', en: 'Check-in', minutes: null, group: 'conversation' },
  { key: 'expansion', nl: 'Uitbreiding plannen', en: 'Expansion planning', minutes: 15, group: 'followUp' },
  { key: 'commitment', nl: 'Commitment', en: 'Commitment', minutes: 5, group: 'followUp' },
  { key: 'budget', nl: 'Budget', en: 'Budget', minutes: null, group: 'bant' },
  { key: 'authority', nl: 'Beslisser', en: 'Authority', minutes: null, group: 'bant' },
  { key: 'need', nl: 'Behoefte', en: 'Need', minutes: null, group: 'bant' },
  { key: 'timeline', nl: 'Tijdlijn', en: 'Timeline', minutes: null, group: 'bant' },
  { key: 'checklist', nl: 'Checklist', en: 'Checklist', minutes: null, group: 'checklist' },
];

export function phaseByName(name: string): PhaseDef | null {
  const n = name.trim().toLowerCase();
  return PHASES.find((p) => p.key.toLowerCase() === n || p.nl.toLowerCase() === n || p.en.toLowerCase() === n) ?? null;
}

export interface Question {
  phase: PhaseKey;
  /** Null: for every audience. */
  audience: Audience | null;
  /** Null: for every tier. */
  tier: Tier | null;
  language: Language;
  text: string;
}

/**
 * The questions for one conversation, phase by phase in conversation order. The team's bank is
 * the only source: a phase with no question for this audience, tier and language is left out.
 * A question for a specific tier is shown instead of the general ones only where the phase has
 * one: a team that writes its own A-questions for a phase replaces the general ones there.
 */
export function questionsFor(bank: readonly Question[], audience: Audience, tier: Tier | null, language: Language): Array<{ phase: PhaseDef; questions: string[] }> {
  const out: Array<{ phase: PhaseDef; questions: string[] }> = [];
  for (const phase of PHASES) {
    const fitting = bank.filter((q) => q.phase === phase.key && q.language === language && (q.audience === null || q.audience === audience));
    const specific = tier ? fitting.filter((q) => q.tier === tier) : [];
    const chosen = specific.length > 0 ? specific : fitting.filter((q) => q.tier === null);
    if (chosen.length > 0) out.push({ phase, questions: chosen.map((q) => q.text) });
  }
  return out;
}

// ---- BANT -----------------------------------------------------------------------------------

export type BantKey = 'budget' | 'authority' | 'need' | 'timeline';
export const BANT_KEYS: readonly BantKey[] = ['budget', 'authority', 'need', 'timeline'];

export interface BantAnswers {
  budget: boolean | null;
  authority: boolean | null;
  need: boolean | null;
  timeline: boolean | null;
}

/** Qualified only when all four hold; otherwise which are missing (not yes, or not known). */
export function bantVerdict(answers: BantAnswers): { qualified: boolean; missing: BantKey[] } {
  const missing = BANT_KEYS.filter((k) => answers[k] !== true);
  return { qualified: missing.length === 0, missing };
}

// ---- Next steps -----------------------------------------------------------------------------

/** A working day: Monday to Friday and not a Dutch public holiday. */
export function isWorkingDay(day: Day): boolean {
  const weekday = weekdayOf(day);
  return weekday !== 0 && weekday !== 6 && dutchHolidayOn(day, ymdFromDay(day).year) === null;
}

/** The day itself if it is a working day, else the next working day. */
export function nextWorkingDay(day: Day): Day {
  let d = day;
  while (!isWorkingDay(d)) d = addDays(d, 1);
  return d;
}

export type StepKind = 'warmIntroduction' | 'introductionMeeting' | 'custom';

/**
 * The playbook's next steps: a warm introduction goes out within 48 hours, an introduction meeting
 * is planned within 2 weeks. A deadline on a weekend or holiday moves to the next working day.
 */
export function stepDue(kind: Exclude<StepKind, 'custom'>, today: Day): Day {
  return nextWorkingDay(addDays(today, kind === 'warmIntroduction' ? 2 : 14));
}
