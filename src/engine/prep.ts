// The conversation sidebar's server side: what the page shows for the selected row, and logging
// a touchpoint with its next steps. What goes to the page is plain JSON (dates as text):
// google.script.run turns a Date in a return value into null.

import { cadenceOf } from '../core/cadence';
import { type Day, formatDay, isoFromDay, parseIsoDay } from '../core/dates';
import type { Language } from '../core/locale';
import { CRITERIA, type CriterionKey, goNoGo } from '../core/pipeline';
import { goNoGoWhy } from './pipeline';
import {
  type Audience,
  type BantKey,
  BANT_KEYS,
  bantVerdict,
  conversationChoice,
  conversationPlan,
  type ConversationType,
  PHASES,
  type PhaseDef,
  type Question,
  questionsForConversation,
  redFlagSince,
  stepDue,
  PRESET_STEPS,
} from '../core/prep';
import { type RedFlag, type Signal, VALUE_ADDS, type ValueAdd, VOCABULARY } from '../core/vocabulary';
import { catalogue, fill } from '../i18n/catalogue';
import { ACTIONS, PIPELINE, QUESTIONS, RELATIONS, TOUCHPOINTS } from '../../sheets-templates/tabs';
import { displayName, findTab, mapColumns } from '../workbook/headers';
import { pipelineTable, readProspects } from '../workbook/pipeline';
import type { WorkbookPort } from '../workbook/ports';
import { parseContextOf, type Settings } from '../workbook/settings';
import { ProblemList } from '../workbook/problems';
import { readQuestionBank } from '../workbook/questions';
import { computeRefresh, healthFor, type RelationOutcome } from './refresh';
import { suggestsNoResponse, unansweredAttempts } from '../core/health';
import { referralMoment } from '../core/referrals';
import type { TouchpointRecord } from '../workbook/relations';
import { healthWhy } from './report-tabs';
import type { AccountSummary } from './accounts';
import { termLabel } from '../core/vocabulary';
import { appendByHeader } from './append';
import { isAfterSalesKind, openAfterSalesRows } from './aftersales';
import { readActions } from '../workbook/actions';

export interface Selection {
  sheet: string;
  row: number;
}

export interface PhaseView {
  key: string;
  title: string;
  minutes: number | null;
  group: PhaseDef['group'];
  questions: string[];
}

/** One conversation type as the page offers it (issue 12): its agenda, default duration and Soort. */
export interface ConversationView {
  type: ConversationType;
  /** The type's name, written to Soort. */
  label: string;
  minutes: number;
  phases: PhaseView[];
  checklist: string[];
}

/** The relationship's red flags and opportunity signals as checkboxes (issue 12). */
export interface FlagsView {
  redFlags: Array<{ key: RedFlag; label: string; checked: boolean }>;
  signals: Array<{ key: Signal; label: string; checked: boolean }>;
  /** `Rode vlag sinds`, as the sheet shows dates; null when none is set. */
  since: string | null;
}

function flagsView(redFlags: readonly RedFlag[], signals: readonly Signal[], since: Day | null, language: Language): FlagsView {
  return {
    redFlags: (Object.keys(VOCABULARY.redFlag) as RedFlag[]).map((key) => ({ key, label: termLabel('redFlag', key, language), checked: redFlags.includes(key) })),
    signals: (Object.keys(VOCABULARY.signal) as Signal[]).map((key) => ({ key, label: termLabel('signal', key, language), checked: signals.includes(key) })),
    since: since === null ? null : formatDay(since),
  };
}

export interface RelationCard {
  row: number;
  id: string;
  name: string;
  type: string;
  organisation: string;
  tier: string;
  lastContact: string | null;
  nextContact: string | null;
  status: string;
  statusKey: string;
  daysOverdue: number | null;
  revenue: number | null;
  /** Share of all clients' revenue, 0-1; null for candidates or without revenue. */
  revenueShare: number | null;
}

/** The account a client contact belongs to, or a selected Organisaties row (issue 11). */
export interface AccountCard {
  name: string;
  /** Its Organisaties row; null for an account known only from contact rows. */
  row: number | null;
  /** Account tier advice (ABC over organisations); '' without revenue. */
  tier: string;
  /** The other contacts (all of them for a selected Organisaties row), active first, by name. */
  contacts: Array<{ row: number; name: string; role: string; department: string; lastContact: string | null; status: string; statusKey: string }>;
  /** `Afdelingen met contact: 3 van 5 bekend`. */
  departments: string;
  departmentNames: string[];
  revenueShare: number | null;
  key: boolean;
  significant: boolean;
  missingRoles: string[];
  expansion: string;
}

/** The account words the page needs (not the whole catalogue section). */
function accountLabels(language: Language) {
  const w = catalogue(language).accounts;
  return {
    accountTitle: w.accountTitle,
    otherContacts: w.otherContacts,
    allContacts: w.allContacts,
    contactHeader: w.contactHeader,
    noOthers: w.noOthers,
    share: w.share,
    keyClient: w.keyClient,
    missingRoles: w.missingRoles,
    noMissingRoles: w.noMissingRoles,
  };
}

export type AccountLabels = ReturnType<typeof accountLabels>;

export type PrepContext =
  | { kind: 'none'; language: Language; labels: SidebarLabels; message: string }
  | {
      kind: 'account';
      language: Language;
      labels: SidebarLabels;
      accountLabels: AccountLabels;
      account: AccountCard;
      phases: PhaseView[];
      checklist: string[];
    }
  | {
      kind: 'relation';
      language: Language;
      labels: SidebarLabels;
      relation: RelationCard;
      /** The client's account; null for a candidate or a client without one. */
      account: AccountCard | null;
      accountLabels: AccountLabels;
      touchpoints: Array<{ date: string; kind: string; notes: string }>;
      agenda: string;
      /** The proposed conversation's phases and checklist (the same as in `conversations`). */
      phases: PhaseView[];
      checklist: string[];
      /** Issue 12: the conversation types offered, the proposed one first chosen, and whether to suggest expansion. */
      conversations: ConversationView[];
      proposed: ConversationType;
      suggestExpansion: boolean;
      flags: FlagsView;
      /** Issue 12: a referral moment, or attempts that suggest the flag "geen reactie", as the mail says them. */
      hints: string[];
      today: string;
    }
  | {
      kind: 'prospect';
      language: Language;
      labels: SidebarLabels;
      prospect: { row: number; organisation: string; contact: string; stage: string; proposalSent: string | null; nextStep: string };
      bant: Array<{ key: string; label: string; answer: boolean | null; note: string }>;
      qualified: boolean;
      phases: PhaseView[];
      /** Issue 13: the go/no-go scorecard (the guide's criteria; BANT is above) and what fills its gaps. */
      goNoGo: { verdict: string; why: string; criteria: Array<{ key: string; label: string; answer: boolean | null; question: string | null }> };
    };

export type SidebarLabels = ReturnType<typeof catalogue>['sidebar'];

function questionBank(workbook: WorkbookPort, problems: ProblemList): Question[] {
  const name = findTab(QUESTIONS, workbook.sheetNames());
  return name ? readQuestionBank(name, workbook.sheet(name).readAll(), problems) : [];
}

function views(found: Array<{ phase: PhaseDef; questions: string[] }>, language: Language): PhaseView[] {
  return found.map(({ phase, questions }) => ({
    key: phase.key,
    title: phase[language],
    minutes: phase.minutes,
    group: phase.group,
    questions,
  }));
}

/** The conversations a relationship is offered, each with its agenda from the team's bank. */
function conversationViews(bank: readonly Question[], audience: Audience, tier: 'A' | 'B' | 'C' | null, language: Language): { conversations: ConversationView[]; proposed: ConversationType; suggestExpansion: boolean } {
  const choice = conversationChoice(audience, tier);
  const labels = catalogue(language).sidebar.conversationTypes;
  const conversations = choice.offered.map((type) => {
    const plan = conversationPlan(type, tier);
    const phases = views(questionsForConversation(bank, plan, audience, tier, language), language);
    return {
      type,
      label: labels[type],
      minutes: plan.minutes,
      phases: phases.filter((p) => p.group !== 'checklist'),
      checklist: phases.find((p) => p.group === 'checklist')?.questions ?? [],
    };
  });
  return { conversations, proposed: choice.proposed, suggestExpansion: choice.suggestExpansion };
}


function card(o: RelationOutcome, clientRevenue: number, language: Language): RelationCard {
  const r = o.relation;
  const words = catalogue(language);
  return {
    row: r.row,
    id: r.id,
    name: r.name,
    type: r.type ? words.digest.types[r.type] : '',
    organisation: r.organisation,
    tier: r.tier ?? '',
    lastContact: o.lastContact === null ? null : formatDay(o.lastContact),
    nextContact: o.nextContact === null ? null : formatDay(o.nextContact),
    status: words.status[o.status],
    statusKey: o.status,
    daysOverdue: o.daysOverdue,
    revenue: r.revenue,
    revenueShare: r.type === 'client' && r.revenue !== null && clientRevenue > 0 ? r.revenue / clientRevenue : null,
  };
}

/** An account as the sidebar shows it; `exceptRow` leaves the selected contact out of the list. */
function accountCard(refreshed: ReturnType<typeof computeRefresh>, summary: AccountSummary | null, exceptRow: number | null, language: Language): AccountCard | null {
  if (!summary) return null;
  const words = catalogue(language);
  const a = summary.account;
  const byRow = new Map(refreshed.outcomes.map((o) => [o.relation.row, o]));
  const contacts = a.contacts
    .filter((c) => c.row !== exceptRow)
    .map((c) => {
      const o = byRow.get(c.row);
      const status = o ? o.status : c.active ? 'never' : 'inactive';
      return {
        row: c.row,
        name: c.name || c.id,
        role: c.roles.map((role) => termLabel('role', role, language)).join(', '),
        department: c.department,
        lastContact: o?.lastContact === null || o === undefined ? null : formatDay(o.lastContact),
        status: words.status[status],
        statusKey: status,
        active: c.active,
      };
    })
    .sort((x, y) => Number(y.active) - Number(x.active) || x.name.localeCompare(y.name))
    .map(({ active: _active, ...rest }) => rest);
  const covered = a.departmentsWithContact.length;
  return {
    name: a.name,
    row: a.organisationRow,
    tier: a.revenue > 0 ? summary.tier : '',
    contacts,
    departments: a.departmentsKnown === null ? fill(words.accounts.departmentsUnknown, { covered }) : fill(words.accounts.departments, { covered, known: a.departmentsKnown }),
    departmentNames: a.departmentsWithContact,
    revenueShare: summary.share,
    key: summary.key,
    significant: summary.significant,
    missingRoles: a.missingRoles.map((role) => termLabel('role', role, language)),
    expansion: words.accounts.expansion,
  };
}

/**
 * The relationship in a row: its refresh outcome, or, for one the refresh could give no cadence
 * (no tier yet), the row as read with no next contact, so that it can still be prepared and logged.
 */
function outcomeAt(refreshed: ReturnType<typeof computeRefresh>, row: number): RelationOutcome | null {
  const outcome = refreshed.outcomes.find((o) => o.relation.row === row);
  if (outcome) return outcome;
  const relation = refreshed.relations.find((r) => r.row === row);
  if (!relation) return null;
  const lastContact = relation.lastContactCell;
  return { relation, lastContact, status: relation.active ? 'never' : 'inactive', nextContact: null, daysOverdue: null, advice: null, health: null };
}

/** What the sidebar shows for the selected row: a relationship, a prospect, or how to select one. */
export function prepContext(workbook: WorkbookPort, selection: Selection | null, today: Day, now: Date): PrepContext {
  const refreshed = computeRefresh(workbook, { today, now, job: 'showPrepSidebar' });
  const language = refreshed.settings.language;
  const labels = catalogue(language).sidebar;
  const problems = new ProblemList(language, workbook.clock);
  const none = (message: string): PrepContext => ({ kind: 'none', language, labels, message });
  if (!selection || selection.row < 2) return none(labels.selectRow);

  if (selection.sheet === refreshed.relationsSheet) {
    const outcome = outcomeAt(refreshed, selection.row);
    if (!outcome) return none(labels.notARelation);
    const r = outcome.relation;
    const clientRevenue = refreshed.outcomes.reduce((sum, o) => sum + (o.relation.type === 'client' ? (o.relation.revenue ?? 0) : 0), 0);
    const audience: Audience = r.type ?? 'client';
    const offered = conversationViews(questionBank(workbook, problems), audience, r.tier, language);
    const proposed = offered.conversations.find((c) => c.type === offered.proposed)!;
    const history = refreshed.touchpoints
      .filter((t) => t.relationId === r.id && r.id !== '' && t.day <= today)
      .sort((a, b) => b.day - a.day || b.row - a.row)
      .slice(0, 3)
      .map((t) => ({ date: formatDay(t.day), kind: t.kind, notes: t.notes }));
    return {
      kind: 'relation',
      language,
      labels,
      relation: card(outcome, clientRevenue, language),
      account: r.type === 'client' ? accountCard(refreshed, refreshed.accounts.find((a) => a.account.contacts.some((c) => c.row === r.row)) ?? null, r.row, language) : null,
      accountLabels: accountLabels(language),
      touchpoints: history,
      agenda: refreshed.settings.reminders.agendas[audience === 'candidate' ? 'candidate' : 'client'][r.tier ?? 'C'],
      phases: proposed.phases,
      checklist: proposed.checklist,
      ...offered,
      flags: flagsView(r.redFlags, r.signals, r.redFlagsSince, language),
      // Issue 12: what the morning mail says on this relationship's line, here too.
      hints: [
        ...(outcome.referralMoment ? [catalogue(language).digest.referralMoment] : []),
        ...(outcome.noResponseSuggested ? [fill(catalogue(language).digest.noResponseSuggested, { n: outcome.noResponseSuggested })] : []),
      ],
      today: isoFromDay(today),
    };
  }

  if (refreshed.organisationsSheet && selection.sheet === refreshed.organisationsSheet) {
    // An Organisaties row: the account conversation (SPIN expansion) at the account's tier.
    const account = refreshed.accounts.find((a) => a.account.organisationRow === selection.row) ?? null;
    if (!account) return none(catalogue(language).accounts.notAnAccount);
    const tier = account.account.revenue > 0 ? account.tier : null;
    const phases = views(questionsForConversation(questionBank(workbook, problems), conversationPlan('expansion', tier), 'client', tier, language), language);
    return {
      kind: 'account',
      language,
      labels,
      accountLabels: accountLabels(language),
      account: accountCard(refreshed, account, null, language)!,
      phases: phases.filter((p) => p.group !== 'checklist'),
      checklist: phases.find((p) => p.group === 'checklist')?.questions ?? [],
    };
  }

  const pipelineName = findTab(PIPELINE, workbook.sheetNames());
  if (pipelineName && selection.sheet === pipelineName) {
    const ctx = parseContextOf(workbook, refreshed.settings);
    const prospect = readProspects(pipelineTable(pipelineName, workbook.sheet(pipelineName).readAll()), ctx, problems).find((p) => p.row === selection.row);
    if (!prospect) return none(labels.notARelation);
    const verdict = bantVerdict(prospect.bant);
    // The questions that fill the gaps: only the BANT phases still missing.
    const phases = views(questionsForConversation(questionBank(workbook, problems), conversationPlan('intake', null), 'prospect', null, language), language).filter((p) => verdict.missing.includes(p.key as never));
    return {
      kind: 'prospect',
      language,
      labels,
      prospect: {
        row: prospect.row,
        organisation: prospect.organisation,
        contact: prospect.contact,
        stage: prospect.stage,
        proposalSent: prospect.proposalSent === null ? null : formatDay(prospect.proposalSent),
        nextStep: prospect.nextStep,
      },
      bant: BANT_KEYS.map((key) => ({ key, label: displayName(PHASES.find((p) => p.key === key)!, language), answer: prospect.bant[key], note: prospect.notes[key] })),
      qualified: verdict.qualified,
      phases,
      goNoGo: goNoGoCard(prospect, refreshed.settings, today, language),
    };
  }
  return none(labels.selectRow);
}

/** The sidebar's go/no-go card: the verdict and Waarom as the Pipeline tab shows them. */
function goNoGoCard(prospect: ReturnType<typeof readProspects>[number], settings: Settings, today: Day, language: Language): Extract<PrepContext, { kind: 'prospect' }>['goNoGo'] {
  const g = goNoGo(prospect.card, prospect.startDate, today, settings.pipeline.goNoGo);
  const words = catalogue(language);
  const guide = CRITERIA.filter((k) => !(BANT_KEYS as readonly string[]).includes(k)) as Array<Exclude<CriterionKey, BantKey>>;
  return {
    verdict: words.goNoGo.verdict[g.verdict],
    why: goNoGoWhy(g, language, settings.pipeline.goNoGo.startMonthsMax),
    criteria: guide.map((key) => ({
      key,
      label: displayName(PIPELINE.columns.find((c) => c.key === key)!, language),
      answer: prospect.card[key],
      question: prospect.card[key] === null ? words.sidebar.goNoGoQuestions[key] : null,
    })),
  };
}

// ---- Logging a touchpoint -------------------------------------------------------------------

/** Remembers which logging requests were carried out, so that a double click or retry logs once. */
export interface RequestLog {
  seen(requestId: string): boolean;
  remember(requestId: string): void;
}

export interface LogResult {
  alreadyLogged: boolean;
  message: string;
  relation: RelationCard;
  flags: FlagsView;
  /** Issue 12: the relation's hints after this contact (see the prep context's). */
  hints: string[];
}

/** The mail's referral-moment and "geen reactie" words for a relationship's touchpoints (issue 12). */
function hintsFor(touches: readonly TouchpointRecord[], redFlags: readonly RedFlag[], today: Day, settings: Settings): string[] {
  const d = catalogue(settings.language).digest;
  const attempts = unansweredAttempts(touches, today);
  return [
    ...(referralMoment(touches, today) !== null ? [d.referralMoment] : []),
    ...(suggestsNoResponse(attempts, settings.conversations.noResponseAttempts, redFlags) ? [fill(d.noResponseSuggested, { n: attempts })] : []),
  ];
}

const MAX_NOTE = 5000;

/** A user mistake or a forged call: refused with a message the sidebar shows as it is. */
export class RefusedError extends Error {}

function field<T>(input: Record<string, unknown>, key: string, check: (v: unknown) => v is T, message: string): T {
  const value = input[key];
  if (!check(value)) throw new RefusedError(message);
  return value;
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);
const isBool = (v: unknown): v is boolean => typeof v === 'boolean';

/**
 * Appends one Touchpoints row, sets the relationship's last contact, next contact, status and days
 * overdue, and appends the next steps to Acties. Everything is checked before the first write.
 */
export function logTouchpoint(workbook: WorkbookPort, payload: unknown, today: Day, now: Date, requests: RequestLog): LogResult {
  const refreshed = computeRefresh(workbook, { today, now, job: 'logTouchpoint' });
  const language = refreshed.settings.language;
  const words = catalogue(language).sidebar;
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) throw new RefusedError(words.badRequest);
  const input = payload as Record<string, unknown>;
  const requestId = field(input, 'requestId', (v): v is string => isString(v) && /^[\w-]{8,64}$/.test(v), words.badRequest);
  const row = field(input, 'row', (v): v is number => isInt(v) && v >= 2, words.badRow);
  const relationId = field(input, 'relationId', (v): v is string => isString(v) && v.trim() !== '', words.missingId);
  const outcome = outcomeAt(refreshed, row);
  if (!outcome || outcome.relation.id !== relationId.trim()) throw new RefusedError(fill(words.rowMismatch, { row, id: relationId }));
  const relation = outcome.relation;
  const clientRevenue = refreshed.outcomes.reduce((sum, o) => sum + (o.relation.type === 'client' ? (o.relation.revenue ?? 0) : 0), 0);

  if (requests.seen(requestId)) {
    const own = refreshed.touchpoints.filter((t) => t.relationId === relation.id && relation.id !== '');
    return { alreadyLogged: true, message: words.alreadyLogged, relation: card(outcome, clientRevenue, language), flags: flagsView(relation.redFlags, relation.signals, relation.redFlagsSince, language), hints: hintsFor(own, relation.redFlags, today, refreshed.settings) };
  }
  const kind = field(input, 'kind', (v): v is string => isString(v) && v.trim().length > 0 && v.length <= 50, words.badKind).trim();
  const duration = field(input, 'duration', (v): v is number => isInt(v) && v >= 1 && v <= 600, words.badDuration);
  const valueAdd = field(input, 'valueAdd', (v): v is ValueAdd => isString(v) && (VALUE_ADDS as readonly string[]).includes(v), words.badRequest);
  const newOpportunity = field(input, 'newOpportunity', isBool, words.badRequest);
  const referral = field(input, 'referral', isBool, words.badRequest);
  // Issue 12: the flags and signals ticked in the sidebar; absent, the row's own stay as they are.
  const terms = <T extends string>(name: string, allowed: readonly T[]): T[] | null => {
    const v = input[name];
    if (v === undefined) return null;
    if (!Array.isArray(v) || v.some((t) => !allowed.includes(t as T))) throw new RefusedError(words.badRequest);
    return allowed.filter((t) => v.includes(t));
  };
  // Issue 12: a contact that went well (a referral moment), and the after-sales answer 1-10.
  const positive = input.positive === undefined ? false : field(input, 'positive', isBool, words.badRequest);
  const satisfaction = input.satisfaction === undefined || input.satisfaction === null ? null : field(input, 'satisfaction', (v): v is number => isInt(v) && v >= 1 && v <= 10, words.badSatisfaction);
  // Issue 12: the quick-reference checklist items ticked, saved with the touchpoint.
  const checklistInput = input.checklist ?? [];
  if (!Array.isArray(checklistInput) || checklistInput.length > 30 || checklistInput.some((t) => !isString(t) || t.trim() === '' || t.length > 300)) throw new RefusedError(words.badRequest);
  const checklist = (checklistInput as string[]).map((t) => t.trim().replace(/\s*;\s*/g, ', '));
  const tickedFlags = terms('redFlags', Object.keys(VOCABULARY.redFlag) as RedFlag[]);
  const tickedSignals = terms('signals', Object.keys(VOCABULARY.signal) as Signal[]);
  const redFlags = tickedFlags ?? relation.redFlags;
  const signals = tickedSignals ?? relation.signals;
  const since = tickedFlags === null ? relation.redFlagsSince : redFlagSince({ flags: relation.redFlags, since: relation.redFlagsSince }, redFlags, today);
  const notesInput = input.notes ?? {};
  if (typeof notesInput !== 'object' || notesInput === null || Array.isArray(notesInput)) throw new RefusedError(words.badRequest);
  const notes = PHASES.filter((p) => isString((notesInput as Record<string, unknown>)[p.key]) && ((notesInput as Record<string, string>)[p.key]).trim() !== '')
    .map((p) => `${p[language]}: ${((notesInput as Record<string, string>)[p.key]).trim().slice(0, MAX_NOTE)}`)
    .join('\n');
  const stepsInput = input.steps ?? [];
  if (!Array.isArray(stepsInput) || stepsInput.length > 10) throw new RefusedError(words.badRequest);
  const steps = stepsInput.map((s: unknown) => {
    if (s === null || typeof s !== 'object') throw new RefusedError(words.badRequest);
    const step = s as Record<string, unknown>;
    if (PRESET_STEPS.includes(step.kind as (typeof PRESET_STEPS)[number])) {
      const kind = step.kind as (typeof PRESET_STEPS)[number];
      return { action: words.stepPresets[kind], due: stepDue(kind, today) };
    }
    const text = field(step, 'text', (v): v is string => isString(v) && v.trim() !== '' && v.length <= 500, words.badStep).trim();
    const due = parseIsoDay(step.due);
    if (due === null) throw new RefusedError(words.badStep);
    return { action: text, due };
  });

  // Issue 12: an after-sales call closes the relationship's open after-sales actions; read them now,
  // before the first write.
  const names = workbook.sheetNames();
  const actionsName = isAfterSalesKind(kind) || satisfaction !== null ? findTab(ACTIONS, names) : null;
  const actionsValues = actionsName ? workbook.sheet(actionsName).readAll() : null;
  const toClose = actionsName && actionsValues ? openAfterSalesRows(readActions(actionsName, actionsValues, parseContextOf(workbook, refreshed.settings), new ProblemList(language)), relation.id) : [];

  // Everything is valid: write.
  const yes = language === 'nl' ? 'ja' : 'yes';
  const no = language === 'nl' ? 'nee' : 'no';
  const touchValues: Record<string, unknown> = {
    date: workbook.clock.instantOf(today),
    relationId: relation.id,
    kind,
    duration,
    owner: relation.owner ?? '',
    notes,
    valueAdd: words.valueAdds[valueAdd],
    newOpportunity: newOpportunity ? yes : no,
    referral: referral ? yes : no,
    checklist: checklist.join('; '),
    // Blank when not marked: an older tab gets these columns only when there is something to keep.
    positive: positive ? yes : '',
    satisfaction: satisfaction ?? '',
  };
  appendByHeader(workbook, TOUCHPOINTS, names, [touchValues], language, ['checklist', 'positive', 'satisfaction']);

  // Without a tier there is no cadence: the contact is recorded, the computed cells stay empty
  // (as a refresh leaves them), and the Log keeps asking for the tier.
  const updated = relation.tier
    ? cadenceOf({ active: relation.active, tier: relation.tier, lastContact: today }, today, refreshed.settings.cadence)
    : { status: outcome.status, nextContact: null, daysOverdue: null };
  const relationsSheet = workbook.sheet(refreshed.relationsSheet!);
  const map = mapColumns(RELATIONS, relationsSheet.readHeader());
  // Health depends on the contact just logged (and its value add): the same rule as a refresh.
  const touches = refreshed.touchpoints.filter((t) => t.relationId === relation.id && relation.id !== '');
  touches.push({ row: Number.MAX_SAFE_INTEGER, day: today, relationId: relation.id, kind, notes, valueAdd: valueAdd === 'none' ? 'none' : valueAdd, newOpportunity, referral, testimonial: false, positive, satisfaction });
  const flagged = { ...relation, redFlags, signals, redFlagsSince: since };
  const health = relation.tier ? healthFor({ ...updated, relation: flagged, lastContact: today }, touches, today, refreshed.settings) : null;
  const cells: Record<string, unknown> = {
    lastContact: workbook.clock.instantOf(today),
    lastContactComputed: workbook.clock.instantOf(today),
    nextContact: updated.nextContact === null ? '' : workbook.clock.instantOf(updated.nextContact),
    status: relation.tier ? catalogue(language).status[updated.status] : '',
    daysOverdue: updated.daysOverdue ?? '',
    health: health?.score ?? '',
    healthWhy: health ? healthWhy(health, language) : '',
    ...(tickedFlags === null ? {} : { redFlags: redFlags.map((f) => termLabel('redFlag', f, language)).join(', '), redFlagsSince: since === null ? '' : workbook.clock.instantOf(since) }),
    ...(tickedSignals === null ? {} : { signals: signals.map((f) => termLabel('signal', f, language)).join(', ') }),
  };
  writeRowCells(relationsSheet, row, map.index, cells);

  if (toClose.length > 0) {
    const doneColumn = mapColumns(ACTIONS, actionsValues![0] ?? []).index.get('done');
    if (doneColumn !== undefined) for (const r of toClose) workbook.sheet(actionsName!).write(r, doneColumn + 1, [[yes]]);
  }
  if (steps.length > 0) {
    const rows = steps.map((step) => ({
      relationId: relation.id,
      relation: relation.name,
      owner: relation.owner ?? '',
      action: step.action,
      due: workbook.clock.instantOf(step.due),
      done: no,
      created: workbook.clock.instantOf(today),
    }));
    appendByHeader(workbook, ACTIONS, workbook.sheetNames(), rows, language);
  }
  requests.remember(requestId);
  const after: RelationOutcome = { ...outcome, ...updated, relation: flagged, lastContact: today, health };
  return {
    alreadyLogged: false,
    message: fill(words.logged, { name: relation.name, next: updated.nextContact === null ? '-' : formatDay(updated.nextContact), steps: steps.length }),
    relation: card(after, clientRevenue, language),
    flags: flagsView(redFlags, signals, since, language),
    hints: hintsFor(touches, redFlags, today, refreshed.settings),
  };
}

/** Writes a few cells of one row, one block per run of adjacent columns. */
function writeRowCells(sheet: ReturnType<WorkbookPort['sheet']>, row: number, index: Map<string, number>, cells: Record<string, unknown>): void {
  const placed = Object.entries(cells)
    .filter(([key]) => index.has(key))
    .map(([key, value]) => ({ column: index.get(key)!, value }))
    .sort((a, b) => a.column - b.column);
  let start = 0;
  while (start < placed.length) {
    let end = start;
    while (end + 1 < placed.length && placed[end + 1].column === placed[end].column + 1) end++;
    sheet.write(row, placed[start].column + 1, [placed.slice(start, end + 1).map((p) => p.value)]);
    start = end + 1;
  }
}
