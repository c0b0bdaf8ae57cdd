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
  | 'developments'
  | 'challenges'
  | 'runningProjects'
  | 'status'
  | 'opportunities'
  | 'networking'
  | 'lightTouch'
  | 'marketInsight'
  | 'needsCheck'
  | 'upcomingProjects'
  | 'outlook'
  | 'keepWarm'
  | 'afterSales'
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
  // The client check-ins (domain brief, section 7): the playbook gives each tier's total, not a
  // time box per point, so these have none.
  { key: 'developments', nl: 'Ontwikkelingen', en: 'Developments', minutes: null, group: 'conversation' },
  { key: 'challenges', nl: 'Uitdagingen', en: 'Challenges', minutes: null, group: 'conversation' },
  { key: 'runningProjects', nl: 'Lopende projecten', en: 'Current projects', minutes: null, group: 'conversation' },
  { key: 'status', nl: 'Stand van zaken', en: 'Status', minutes: null, group: 'conversation' },
  { key: 'opportunities', nl: 'Kansen en uitdagingen', en: 'Opportunities and challenges', minutes: null, group: 'conversation' },
  { key: 'networking', nl: 'Netwerkkansen', en: 'Networking opportunities', minutes: null, group: 'conversation' },
  { key: 'lightTouch', nl: 'Even bijpraten', en: 'Light touch', minutes: null, group: 'conversation' },
  { key: 'marketInsight', nl: 'Marktinzicht delen', en: 'Sharing a market insight', minutes: null, group: 'conversation' },
  { key: 'needsCheck', nl: 'Behoefte peilen', en: 'Needs check', minutes: null, group: 'conversation' },
  { key: 'upcomingProjects', nl: 'Komende projecten', en: 'Upcoming projects', minutes: null, group: 'conversation' },
  { key: 'outlook', nl: 'Vooruitkijken', en: 'Future planning', minutes: null, group: 'conversation' },
  { key: 'keepWarm', nl: 'Warm houden', en: 'Keeping it warm', minutes: null, group: 'conversation' },
  { key: 'afterSales', nl: 'Nabellen na plaatsing', en: 'After-sales call', minutes: null, group: 'conversation' },
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

// ---- Conversation types ---------------------------------------------------------------------

/**
 * The kinds of conversation (issue 12). A routine touchpoint is the tier's check-in; the SPIN
 * expansion conversation is a separate, longer session for accounts worth expanding.
 */
export type ConversationType = 'clientCheckIn' | 'candidateCheckIn' | 'expansion' | 'intake' | 'afterSales';
export const CONVERSATION_TYPES: readonly ConversationType[] = ['clientCheckIn', 'candidateCheckIn', 'expansion', 'intake', 'afterSales'];

export interface ConversationPlan {
  type: ConversationType;
  /** The phases shown, in conversation order (the checklist included where the type has one). */
  phases: PhaseKey[];
  /** The default duration of the conversation itself, in minutes (preparation not counted). */
  minutes: number;
}

const SPIN_SESSION: PhaseKey[] = ['prepOrganisation', 'prepStakeholders', 'prepIntelligence', 'situation', 'problem', 'implication', 'needPayoff', 'expansion', 'commitment', 'checklist'];

/**
 * The agenda and default duration of a conversation type for a tier. A relationship without a tier
 * gets the C agenda (the lightest), as the digest's agenda does.
 *
 * Where the minutes come from: the check-ins (client A 20, B 15, C 10; candidate A 15 = career 5 +
 * assignment 3 + future 5 + value 2, B 15, C 10) are the playbook's. Expansion: the playbook's
 * discovery (S7 + P10 + I8 + N5 = 30) + expansion planning 15 + commitment 5 = 50, the lower end
 * of its ranges (Cadans's choice; the 20 minutes of preparation happen before the call). Intake 30
 * and after-sales 10 are Cadans's choices: the playbook gives no time for them.
 */
export function conversationPlan(type: ConversationType, tier: Tier | null): ConversationPlan {
  const t = tier ?? 'C';
  switch (type) {
    case 'clientCheckIn':
      return t === 'A'
        ? { type, phases: ['developments', 'challenges', 'runningProjects', 'marketInsight', 'outlook'], minutes: 20 }
        : t === 'B'
          ? { type, phases: ['status', 'opportunities', 'networking', 'upcomingProjects'], minutes: 15 }
          : { type, phases: ['lightTouch', 'marketInsight', 'needsCheck', 'keepWarm'], minutes: 10 };
    case 'candidateCheckIn':
      return t === 'A' ? { type, phases: ['career', 'currentAssignment', 'future', 'addingValue'], minutes: 15 } : { type, phases: ['checkIn'], minutes: t === 'B' ? 15 : 10 };
    case 'expansion':
      return { type, phases: SPIN_SESSION, minutes: 50 };
    case 'intake':
      return { type, phases: ['budget', 'authority', 'need', 'timeline'], minutes: 30 };
    case 'afterSales':
      return { type, phases: ['afterSales'], minutes: 10 };
  }
}

/**
 * Which conversations the sidebar offers a relationship, and which it proposes: the tier's check-in.
 * Expansion is offered to every client (the user may always ask for it) and suggested for A clients.
 */
export function conversationChoice(audience: Audience, tier: Tier | null): { proposed: ConversationType; offered: ConversationType[]; suggestExpansion: boolean } {
  if (audience === 'prospect') return { proposed: 'intake', offered: ['intake'], suggestExpansion: false };
  if (audience === 'candidate') return { proposed: 'candidateCheckIn', offered: ['candidateCheckIn', 'afterSales'], suggestExpansion: false };
  return { proposed: 'clientCheckIn', offered: ['clientCheckIn', 'expansion', 'afterSales'], suggestExpansion: tier === 'A' };
}

/** The questions of one conversation: `questionsFor`, limited to the type's phases. */
export function questionsForConversation(bank: readonly Question[], plan: ConversationPlan, audience: Audience, tier: Tier | null, language: Language): Array<{ phase: PhaseDef; questions: string[] }> {
  // A relationship without a tier gets the C agenda, so the C questions too.
  return questionsFor(bank, audience, tier ?? (audience === 'prospect' ? null : 'C'), language).filter(({ phase }) => plan.phases.includes(phase.key));
}

// ---- Red flags recorded with a touchpoint ---------------------------------------------------

/**
 * `Rode vlag sinds` after the flags are recorded (issue 12): set to today when a flag appears on a
 * relationship that had none, kept while any flag is left (a typed date, else today when it was
 * empty), and cleared when none is left.
 */
export function redFlagSince(before: { flags: readonly string[]; since: Day | null }, after: readonly string[], today: Day): Day | null {
  if (after.length === 0) return null;
  if (before.flags.length === 0) return today;
  return before.since ?? today;
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

export type StepKind = 'warmIntroduction' | 'introductionMeeting' | 'referenceDocuments' | 'successMetrics' | 'custom';
/** The preset next steps (issue 12: the expansion conversation's concrete actions). */
export const PRESET_STEPS: ReadonlyArray<Exclude<StepKind, 'custom'>> = ['warmIntroduction', 'introductionMeeting', 'referenceDocuments', 'successMetrics'];

/** The last working day on or before a day, but not before `notBefore` (then `notBefore` itself). */
export function lastWorkingDayOnOrBefore(day: Day, notBefore: Day): Day {
  for (let d = day; d >= notBefore; d = addDays(d, -1)) if (isWorkingDay(d)) return d;
  return notBefore;
}

/**
 * The playbook's next steps. A warm introduction goes out "within 48 hours": the deadline is at
 * most 48 hours after the conversation, two calendar days, and where that day is no working day,
 * the last working day before it (a Thursday conversation is due Friday, not Monday); when no
 * working day lies in between, the conversation day itself. An introduction meeting is planned
 * "within 2 weeks": 14 days on, moved to the next working day (as before). Reference documents
 * prepared and success metrics defined, the playbook's other concrete actions of the commitment,
 * get the same two weeks: Cadans's choice, as the playbook names them beside the introduction
 * meetings without a term of their own.
 */
export function stepDue(kind: Exclude<StepKind, 'custom'>, today: Day): Day {
  if (kind === 'warmIntroduction') return lastWorkingDayOnOrBefore(addDays(today, 2), today);
  return nextWorkingDay(addDays(today, 14));
}
