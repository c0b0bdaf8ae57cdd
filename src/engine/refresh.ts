// The refresh: read every tab once, compute each relationship's next contact, status and days
// overdue, then write Cadans's own columns once and log what happened. All computing happens
// before the first write, so a run that fails leaves the sheet as it was.

import { type CadenceResult, cadenceOf, type Status } from '../core/cadence';
import { addMonths, type Day, MAX_DAY } from '../core/dates';
import type { Language } from '../core/locale';
import { isBlank } from '../core/parse';
import { catalogue, fill } from '../i18n/catalogue';
import { ACTIONS, type ColumnDef, KPI_TAB, PIPELINE, QUARTER_TAB, RELATIONS, RISK_TAB, SETTINGS, type TabDef, TEAM_TAB, TODAY_TAB, TOUCHPOINTS } from '../../sheets-templates/tabs';
import type { OpenAction } from '../core/digest';
import { type ActionRecord, readActions } from '../workbook/actions';
import { planAfterSales } from './aftersales';
import { appendByHeader } from './append';
import { latestSatisfaction } from '../core/aftersales';
import { buildTodayTab } from './today-tab';
import type { Plan as WeekPlan } from '../core/plan';
import { readTeam, teamCapacity } from '../workbook/team';
import { planKey, weekPlan } from './plan';
import { healthOf, type Health, isUnansweredAttempt, repeatShareInYear, suggestsNoResponse, unansweredAttempts } from '../core/health';
import { type BantAnswers, bantVerdict, PHASES } from '../core/prep';
import { type Advice, tierAdvice } from '../core/tierAdvice';
import { pipelineTable, readProspects } from '../workbook/pipeline';
import { displayName, findTab, mapColumns } from '../workbook/headers';
import type { SheetPort, WorkbookPort } from '../workbook/ports';
import { columnLabel, type Problem, ProblemList } from '../workbook/problems';
import { type RelationRecord, readRelations, readTouchpoints, tableOf, type TouchpointRecord } from '../workbook/relations';
import { buildReportTabs, formatLike, healthWhy, recentValueAdd, type ReportTab, type ReportTabs } from './report-tabs';
import { withWorkbookName } from '../workbook/names';
import { loadSettings, parseContextOf, type Settings } from '../workbook/settings';
import { appendLog } from './log';
import { planMarks } from './marks';
import { type AccountSummary, accountsView, historyOf, summarise, writeOrganisationColumns } from './accounts';
import { accountTiers } from '../core/accounts';
import { isPlacementKind, referralMoment, referralsInYear } from '../core/referrals';
import type { Tier } from '../core/parse';
import { OPEN_STAGES } from '../core/pipeline';
import { freezeAction, parseQuarterKey, previousQuarter, quarterKey, quarterOf } from '../core/quarter';
import { buildQuarterTab } from './quarter-tab';
import { ensureColumn, type PipelineOutcome, planPipeline } from './pipeline';

export interface RelationOutcome extends CadenceResult {
  relation: RelationRecord;
  /** The later of the Last contact cell and the newest touchpoint up to today. */
  lastContact: Day | null;
  /** The playbook's tier for it (Tier-advies); null without a type. */
  advice: Advice | null;
  /** Null for an inactive relationship. */
  health: Health | null;
  /** Issue 12: the last contact was a placement or went well; the mail line says "moment voor een referral". */
  referralMoment?: boolean;
  /** Issue 12: attempts in a row without a reaction, when they suggest the flag "geen reactie"; else null. */
  noResponseSuggested?: number | null;
}

export type StatusCounts = Record<Status, number>;

export interface RefreshResult {
  today: Day;
  settings: Settings;
  outcomes: RelationOutcome[];
  counts: StatusCounts;
  problems: Problem[];
  /** Every relationship row read, including those with no cadence (no tier), for the sidebar. */
  relations: RelationRecord[];
  /** Every readable touchpoint, for the conversation sidebar's history. */
  touchpoints: TouchpointRecord[];
  /** Referrals of the last 12 months per relationship row (issue 12), as tier advice and the KPI tab count them. */
  referralsByRow: ReadonlyMap<number, number | null>;
  /** The Relaties tab's actual name, and the owner column's label, for messages; null without one. */
  relationsSheet: string | null;
  ownerColumn: string | null;
  /** The header of Uitstellen tot as the workbook has it, for messages that name it (issue 14). */
  snoozeColumn?: string | null;
  /** The KPI and Risico tabs as written; null without a Relaties tab, or from computeRefresh. */
  reports: ReportTabs | null;
  /** The week plan (Gepland); null without a Relaties tab. */
  plan: WeekPlan | null;
  /** The Acties tab's open next steps with a due date, and where they live (for messages). */
  actions: { actions: OpenAction[]; sheet: string; ownerColumn: string | null };
  /** The client organisations, largest first (issue 11); [] without a Relaties tab. */
  accounts: AccountSummary[];
  /** The Organisaties tab's actual name; null without one. */
  organisationsSheet: string | null;
  /** The Pipeline tab's prospects with go/no-go, stalls and reapproach days; null without one Cadans knows. */
  pipeline: PipelineOutcome | null;
}

export interface RefreshOptions {
  today: Day;
  /** The moment written in the Log; a Date, so each shell decides how it shows. */
  now: Date;
  /** The job's name in the Log, e.g. `refreshNow`. */
  job: string;
  /** A link to a cell of a tab (column letter, or null for the row), for the Vandaag tab; none locally. */
  cellLink?: (sheet: string, row: number, column: string | null) => string | null;
  /** Whether the morning mail is on; null where the shell cannot tell. */
  remindersOn?: boolean | null;
}

export function emptyCounts(): StatusCounts {
  return { never: 0, overdue: 0, dueSoon: 0, onTrack: 0, inactive: 0 };
}

interface Plan {
  result: RefreshResult;
  writes: Array<() => void>;
}

/** Everything a refresh would do, computed without writing anything. */
function planRefresh(workbook: WorkbookPort, options: RefreshOptions, withReports: boolean): Plan {
  const names = workbook.sheetNames();
  const settingsName = findTab(SETTINGS, names);
  const settingsTable = loadSettings(workbook);
  const { settings } = settingsTable;
  const problems = new ProblemList(settings.language, workbook.clock, workbook.hasMenu === false);
  problems.items.push(...settingsTable.problems.items);
  const ctx = parseContextOf(workbook, settings);
  const { today } = options;
  const writes: Array<() => void> = [];

  const relationsName = findTab(RELATIONS, names);
  if (!relationsName) {
    problems.add(displayName(RELATIONS, settings.language), null, null, '', problems.text('missingTab'));
    const actions = { actions: [], sheet: displayName(ACTIONS, settings.language), ownerColumn: null };
    return { result: { today, settings, outcomes: [], counts: emptyCounts(), problems: problems.items, relations: [], touchpoints: [], referralsByRow: new Map(), relationsSheet: null, ownerColumn: null, reports: null, plan: null, actions, accounts: [], organisationsSheet: null, pipeline: null }, writes };
  }
  const relationsSheet = workbook.sheet(relationsName);
  const relations = tableOf(RELATIONS, relationsName, relationsSheet.readAll());
  reportColumns(relations, problems, ['id', 'name', 'tier', 'lastContact']);
  const records = readRelations(relations, ctx, problems);

  // Index relationships by ID; the first row with an ID owns it.
  const byId = new Map<string, RelationRecord>();
  const idCol = relations.columns.index.get('id');
  for (const r of records) {
    if (r.id === '') {
      if (idCol !== undefined) problems.add(relationsName, r.row, columnLabel(relations.header[idCol], idCol), '', problems.text('missingId'));
      continue;
    }
    const first = byId.get(r.id);
    if (first) problems.add(relationsName, r.row, columnLabel(relations.header[idCol!], idCol!), r.id, problems.text('duplicateId', { row: first.row }));
    else byId.set(r.id, r);
  }

  const latestTouch = new Map<string, Day>();
  const touchpointRecords: TouchpointRecord[] = [];
  const touchesById = new Map<string, TouchpointRecord[]>();
  const touchpointsName = findTab(TOUCHPOINTS, names);
  if (touchpointsName) {
    const touchpoints = tableOf(TOUCHPOINTS, touchpointsName, workbook.sheet(touchpointsName).readAll());
    reportColumns(touchpoints, problems, ['date', 'relationId']);
    const relCol = touchpoints.columns.index.get('relationId');
    for (const t of readTouchpoints(touchpoints, ctx, problems)) {
      touchpointRecords.push(t);
      const label = relCol === undefined ? null : columnLabel(touchpoints.header[relCol], relCol);
      if (!byId.has(t.relationId)) {
        // The message names the Relaties tab as the workbook has it.
        problems.add(touchpointsName, t.row, label, t.relationId, t.relationId === '' ? problems.text('missingId') : withWorkbookName(problems.text('unknownRelation'), RELATIONS, relationsName));
        continue;
      }
      // A touchpoint planned for later is not contact yet.
      if (t.day > today) continue;
      if (!touchesById.has(t.relationId)) touchesById.set(t.relationId, []);
      touchesById.get(t.relationId)!.push(t);
      // Issue 12: an attempt without a reaction is no contact (it counts towards "geen reactie").
      if (isUnansweredAttempt(t)) continue;
      const known = latestTouch.get(t.relationId);
      if (known === undefined || t.day > known) latestTouch.set(t.relationId, t.day);
    }
  }

  const counts = emptyCounts();
  const outcomes: RelationOutcome[] = [];
  const tierCol = relations.columns.index.get('tier');
  const lastCol = relations.columns.index.get('lastContact');
  for (const relation of records) {
    if (relation.lastContactCell !== null && relation.lastContactCell > today && lastCol !== undefined) {
      problems.add(relationsName, relation.row, columnLabel(relations.header[lastCol], lastCol), relations.rows[relation.row - 2][lastCol], problems.text('futureContact'));
    }
    const touched = byId.get(relation.id) === relation ? latestTouch.get(relation.id) : undefined;
    const lastContact = maxDay(relation.lastContactCell, touched ?? null);
    if (relation.active && relation.tier === null) {
      // Without a tier there is no cadence; a blank tier is reported here, a bad one by the reader.
      if (tierCol !== undefined && isBlank(relations.rows[relation.row - 2][tierCol])) {
        problems.add(relationsName, relation.row, columnLabel(relations.header[tierCol], tierCol), '', problems.text('missingTier'));
      }
      continue;
    }
    const outcome = cadenceOf({ active: relation.active, tier: relation.tier ?? 'C', lastContact }, today, settings.cadence);
    if (outcome.nextContact !== null && outcome.nextContact > MAX_DAY) {
      // No spreadsheet holds a date after 9999: say so rather than write one.
      const col = lastCol ?? 0;
      problems.add(relationsName, relation.row, columnLabel(relations.header[col], col), relations.rows[relation.row - 2][col], problems.text('nextBeyondCalendar'));
      continue;
    }
    counts[outcome.status]++;
    outcomes.push({ ...outcome, relation, lastContact, advice: null, health: null });
  }

  // Accounts: contacts grouped by organisation, with the Organisaties tab's figures (issue 11).
  const view = accountsView(workbook, names, records, ctx, problems, relationsName, relations);
  const tiersOfAccounts = accountTiers(view.accounts.accounts, settings.reports.abc.aShare, settings.reports.abc.bShare);
  const accountTierByRow = new Map<number, Tier>();
  view.accounts.accounts.forEach((a, i) => a.contacts.forEach((c) => accountTierByRow.set(c.row, tiersOfAccounts[i])));

  // Tier advice over every relation (a client follows its account's ABC tier), health per active outcome.
  // Referrals per relationship row, counted once for tier advice and the KPI tab (issue 12): the
  // dated ones of the last 12 months, the Referrals column only without any (as health counts them).
  const referralsByRow = new Map<number, number | null>();
  for (const r of records) referralsByRow.set(r.row, referralsInYear(byId.get(r.id) === r ? (touchesById.get(r.id) ?? []) : [], r.referrals, today));
  const advice = tierAdvice(records.map((r) => ({ ...r, referrals: referralsByRow.get(r.row) ?? null })), settings.reports, records.map((r) => accountTierByRow.get(r.row) ?? null));
  const adviceByRow = new Map(records.map((r, i) => [r.row, advice[i]]));
  const contactsById = new Map<string, Day[]>();
  for (const o of outcomes) {
    o.advice = adviceByRow.get(o.relation.row) ?? null;
    const own = byId.get(o.relation.id) === o.relation ? (touchesById.get(o.relation.id) ?? []) : [];
    const contacts = own.filter((t) => !isUnansweredAttempt(t)).map((t) => t.day);
    if (o.relation.lastContactCell !== null && o.relation.lastContactCell <= today) contacts.push(o.relation.lastContactCell);
    if (o.relation.id !== '' && byId.get(o.relation.id) === o.relation) contactsById.set(o.relation.id, contacts);
    o.health = healthFor(o, own, today, settings);
    // A touchpoint record is a referral touch as it is: no copy of half a million records.
    o.referralMoment = referralMoment(own, today) !== null;
    const attempts = unansweredAttempts(own, today);
    o.noResponseSuggested = suggestsNoResponse(attempts, settings.conversations.noResponseAttempts, o.relation.redFlags) ? attempts : null;
  }
  // The week plan: each owner's relationships due within the horizon on a working day with room.
  const teamName = findTab(TEAM_TAB, names);
  const team = teamName
    ? readTeam(teamName, workbook.sheet(teamName).readAll(), ctx, problems, settings.plan.minutesPerDay)
    : teamCapacity(settings.plan.minutesPerDay);
  const plannedCol = relations.columns.index.get('planned');
  const plan = weekPlan(outcomes, (row) => (plannedCol === undefined ? '' : relations.rows[row - 2]?.[plannedCol]), team, settings, today, ctx);

  const { actions, records: actionRecords } = openActions(workbook, names, settings.language, ctx, problems);
  // Issue 12: a placement touchpoint puts the after-sales call in Acties (once per placement).
  const afterSales = planAfterSales(byId, touchpointRecords, actionRecords, settings, today);
  if (afterSales.rows.length > 0) {
    actions.actions.push(...afterSales.open);
    writes.push(() =>
      appendByHeader(workbook, ACTIONS, workbook.sheetNames(), afterSales.rows.map((r) => ({ ...r, due: workbook.clock.instantOf(r.due), created: workbook.clock.instantOf(r.created), done: settings.language === 'nl' ? 'nee' : 'no' })), settings.language),
    );
  }

  const accounts = summarise(view.accounts, settings.reports, new Map(outcomes.map((o) => [o.relation.row, o.health?.score ?? null])));
  const pipelineName = findTab(PIPELINE, names);
  // Only a Pipeline tab Cadans recognises gets a BANT column: a team's own tab of that name is theirs.
  const pipeline = pipelineName ? pipelineTable(pipelineName, workbook.sheet(pipelineName).readAll()) : null;
  let proposalsSent: Day[] | null = null;
  let pipelineOutcome: PipelineOutcome | null = null;
  if (pipelineName && pipeline && [...pipeline.columns.index.keys()].some((k) => k !== 'bant')) {
    const prospects = readProspects(pipeline, ctx, problems);
    // An empty Pipeline tells nothing about proposals yet: unknown, not "none sent".
    proposalsSent = prospects.length === 0 ? null : prospects.flatMap((p) => (p.proposalSent === null ? [] : [p.proposalSent]));
    const labels = new Map(prospects.map((p) => [p.row, bantLabel(p.bant, settings.language)]));
    writes.push(() => writeColumn(workbook.sheet(pipelineName), pipeline, PIPELINE.columns.find((c) => c.key === 'bant')!, settings.language, (row) => labels.get(row) ?? ''));
    const planned = planPipeline(workbook, names, pipelineName, pipeline, prospects, settings, today, ctx, problems);
    pipelineOutcome = planned.outcome;
    writes.push(...planned.writes);
  }

  // The KPI and Risico tabs cost more than everything else together at scale; only a refresh that
  // writes them builds them (the sidebar, previews and the team proposal never show them).
  // Only a refresh that writes the report tabs reads the Historie (the upgrade rate) and adds this month's snapshot.
  const history = withReports ? historyOf(workbook, names, ctx, accounts, today, settings.language, settings.reports.historyMonths) : { snapshots: [], write: null };
  const reports = withReports ? buildReportTabs({
    proposalsSent,
    today,
    settings,
    relations: records,
    outcomes: outcomes.map((o) => ({ relation: o.relation, status: o.status, lastContact: o.lastContact, advice: o.advice, health: o.health })),
    touchpoints: touchpointRecords,
    contactsById,
    referralsByRow,
    plan,
    accounts,
    history: history.snapshots,
    pipeline: pipelineOutcome === null ? null : {
      events: pipelineOutcome.events,
      received: pipelineOutcome.prospects.flatMap((p) => (p.prospect.received === null ? [] : [p.prospect.received])),
      open: pipelineOutcome.prospects.filter((p) => p.prospect.stageKey !== null && OPEN_STAGES.includes(p.prospect.stageKey)).map((p) => ({ owner: p.prospect.owner, stalled: p.stalled })),
      stallDays: settings.pipeline.stallDays,
    },
  }) : null;
  if (view.organisations) {
    const { sheet, table } = view.organisations;
    writes.push(() => writeOrganisationColumns(workbook.sheet(sheet), table, accounts, settings.language));
  }

  writes.push(() => writeComputedColumns(relationsSheet, relations, outcomes, settings.language, workbook, plan));
  const todayRow = settingsTable.rows.get('today');
  if (settingsName && todayRow && settingsTable.valueColumn) {
    const column = settingsTable.valueColumn;
    writes.push(() => workbook.sheet(settingsName).write(todayRow, column, [[workbook.clock.instantOf(today)]]));
  }
  if (reports) {
    reports.today = buildTodayTab({
      today,
      job: options.job,
      settings,
      outcomes,
      relations: records,
      plan,
      actions: actions.actions,
      problems: problems.items,
      cellLink: options.cellLink ?? (() => null),
      relationsSheet: relationsName,
      remindersOn: options.remindersOn ?? null,
      pipeline: pipelineOutcome,
    });
    const todayTab = reports.today;
    writes.push(() => writeReportTab(workbook, TODAY_TAB, todayTab, settings.language));
    writes.push(() => writeReportTab(workbook, KPI_TAB, reports.kpi, settings.language));
    writes.push(() => writeReportTab(workbook, RISK_TAB, reports.risk, settings.language));
    // The monthly snapshot per account, once a month (issue 11).
    if (history.write) writes.push(history.write);
    // The quarterly review: a new quarter first keeps the tab of the old one as a copy of its own.
    const quarterName = findTab(QUARTER_TAB, names);
    const base = quarterName ?? displayName(QUARTER_TAB, settings.language);
    const shown = quarterName ? parseQuarterKey(workbook.sheet(quarterName).readHeader()[1]) : null;
    const freeze = freezeAction(shown, today, names, base);
    const frozenValues = freeze.freeze ? workbook.sheet(quarterName!).readAll() : null;
    const current = quarterOf(today);
    const previousName = `${base} ${quarterKey(previousQuarter(current))}`;
    const previousTab = names.find((n) => n.trim().toLowerCase() === previousName.toLowerCase());
    const previous = freeze.freeze && freeze.name === previousName ? frozenValues : previousTab ? workbook.sheet(previousTab).readAll() : null;
    const quarterTab = buildQuarterTab({
      today,
      quarter: current,
      settings,
      relations: records,
      outcomes: outcomes.map((o) => ({ relation: o.relation, status: o.status, lastContact: o.lastContact, advice: o.advice, health: o.health })),
      touchpoints: touchpointRecords,
      figures: reports.figures,
      received: pipelineOutcome === null ? null : pipelineOutcome.prospects.flatMap((p) => (p.prospect.received === null ? [] : [p.prospect.received])),
      previous,
    });
    reports.quarter = quarterTab;
    if (freeze.freeze && frozenValues) {
      const name = freeze.name;
      writes.push(() => {
        const kept = workbook.addSheet(name);
        kept.write(1, 1, frozenValues);
        // Its formats as the tab had them: this quarter's, row by row where the labels match.
        if (frozenValues.length > 0) kept.formatTab(formatLike(frozenValues, quarterTab));
      });
    }
    writes.push(() => writeReportTab(workbook, QUARTER_TAB, quarterTab, settings.language));
  }
  // Every cell the run could not use gets a note and a colour; last run's go where fixed (issue 14).
  // Only a refresh that writes: previews and the sidebar leave the sheet alone.
  const marks = withReports ? planMarks(workbook, problems.items, settings.language) : null;
  if (marks) writes.push(marks);
  const ownerCol = relations.columns.index.get('owner');
  const ownerColumn = ownerCol === undefined ? null : columnLabel(relations.header[ownerCol], ownerCol);
  const snoozeCol = relations.columns.index.get('snoozeUntil');
  const snoozeColumn = snoozeCol === undefined ? null : String(relations.header[snoozeCol] ?? '').trim() || null;
  return { result: { today, settings, outcomes, counts, problems: problems.items, relations: records, touchpoints: touchpointRecords, referralsByRow, relationsSheet: relationsName, ownerColumn, snoozeColumn, reports, plan, actions, accounts, organisationsSheet: view.organisations?.sheet ?? null, pipeline: pipelineOutcome }, writes };
}

/** The Acties tab's open next steps with a due date, read once; problems in it are the run's. */
function openActions(workbook: WorkbookPort, names: readonly string[], language: Language, ctx: ReturnType<typeof parseContextOf>, problems: ProblemList): { actions: RefreshResult['actions']; records: ActionRecord[] } {
  const name = findTab(ACTIONS, names);
  if (!name) return { actions: { actions: [], sheet: displayName(ACTIONS, language), ownerColumn: null }, records: [] };
  const values = workbook.sheet(name).readAll();
  const actions = readActions(name, values, ctx, problems);
  const header = values[0] ?? [];
  const ownerIndex = mapColumns(ACTIONS, header).index.get('owner');
  return {
    actions: {
      actions: actions.filter((a): a is typeof a & { due: Day } => a.due !== null && a.action !== '').map((a) => ({ ...a, relation: a.relation || a.relationId })),
      sheet: name,
      ownerColumn: ownerIndex === undefined ? null : columnLabel(header[ownerIndex], ownerIndex),
    },
    records: actions,
  };
}

/** A generated tab: found in either language or created, then rebuilt with one block and its charts. */
function writeReportTab(workbook: WorkbookPort, def: TabDef, tab: ReportTab, language: Language): void {
  const name = findTab(def, workbook.sheetNames());
  const sheet = name ? workbook.sheet(name) : workbook.addSheet(displayName(def, language));
  // A day in the tab becomes the workbook's own date cell (its number format makes it read as a date).
  const values = tab.values.map((row) => [...row]);
  for (const n of tab.format.numbers) {
    const day = values[n.row - 1][n.column - 1];
    if (n.kind === 'date' && typeof day === 'number') values[n.row - 1][n.column - 1] = workbook.clock.instantOf(day);
  }
  sheet.replaceAll(values);
  sheet.setCharts(tab.charts);
  sheet.formatTab(tab.format);
}

/** A relationship's health from its outcome and its own touchpoints; null when inactive. */
export function healthFor(o: CadenceResult & { relation: RelationRecord; lastContact: Day | null }, touches: readonly TouchpointRecord[], today: Day, settings: Settings): Health | null {
  if (o.status === 'inactive') return null;
  const months = settings.cadence.monthsPerTier[o.relation.tier ?? 'C'];
  return healthOf({
    status: o.status,
    daysOverdue: o.daysOverdue ?? 0,
    intervalDays: o.lastContact !== null && o.nextContact !== null ? o.nextContact - o.lastContact : null,
    redFlags: o.relation.redFlags,
    signals: o.relation.signals,
    // Issue 12: rates over the last 12 months from the dated touchpoints (the columns as fallback).
    referrals: referralsInYear(touches, o.relation.referrals, today),
    repeatShare: repeatShareInYear(touches.filter((t) => isPlacementKind(t.kind)).map((t) => t.day), o.relation.placements, o.relation.repeatPlacements, today, addMonths(today, -12)),
    referralTarget: settings.reports.targets.referralsPerA,
    repeatTarget: settings.reports.targets.repeatPlacementShare,
    recentValueAdd: recentValueAdd(touches, today, months),
    satisfaction: latestSatisfaction(touches, today),
  }, settings.reports.health);
}


function maxDay(a: Day | null, b: Day | null): Day | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.max(a, b);
}

function reportColumns(table: ReturnType<typeof tableOf>, problems: ProblemList, needed: string[]): void {
  for (const col of table.columns.missing) {
    if (needed.includes(col.key)) problems.add(table.sheet, 1, displayName(col, problems.language), '', problems.text('missingColumn'));
  }
  for (const [, index] of table.columns.duplicates) {
    problems.add(table.sheet, 1, columnLabel(table.header[index], index), String(table.header[index]), problems.text('duplicateColumn'));
  }
}

/**
 * Writes Next contact, Status and Days overdue for every data row in as few blocks as the column
 * layout allows (one when they stand side by side). A missing computed column gets its header in
 * the first free column to the right; no other cell of the team's is touched.
 */
function writeComputedColumns(
  sheet: SheetPort,
  table: ReturnType<typeof tableOf>,
  outcomes: RelationOutcome[],
  language: Language,
  workbook: WorkbookPort,
  plan: WeekPlan,
): void {
  const statusLabels = catalogue(language).status;
  const computed = RELATIONS.columns.filter((c) => c.computed);
  const positions = new Map<string, number>();
  // After the last used column, not the last header: a column of notes without a header is the team's.
  let nextFree = Math.max(table.columns.width, table.header.length);
  const newHeaders: Array<[number, string]> = [];
  for (const col of computed) {
    let index = table.columns.index.get(col.key);
    if (index === undefined && col.setupOnly) continue;
    if (index === undefined) {
      index = nextFree++;
      newHeaders.push([index, displayName(col, language)]);
    }
    positions.set(col.key, index);
  }
  for (const [index, name] of newHeaders) sheet.write(1, index + 1, [[name]]);

  const byRow = new Map<number, RelationOutcome>();
  for (const o of outcomes) byRow.set(o.relation.row, o);
  const rowCount = table.rows.length;
  if (rowCount === 0) return;
  const valueOf = (key: string, o: RelationOutcome | undefined): unknown => {
    if (!o) return '';
    if (key === 'lastContactComputed') return o.lastContact === null ? '' : workbook.clock.instantOf(o.lastContact);
    if (key === 'nextContact') return o.nextContact === null ? '' : workbook.clock.instantOf(o.nextContact);
    if (key === 'status') return statusLabels[o.status];
    if (key === 'tierAdvice') return o.advice?.tier ?? '';
    if (key === 'health') return o.health?.score ?? '';
    if (key === 'healthWhy') return o.health ? healthWhy(o.health, language) : '';
    if (key === 'planned') {
      const day = plan.byKey.get(planKey(o.relation.row))?.day ?? null;
      return day === null ? '' : workbook.clock.instantOf(day);
    }
    return o.daysOverdue ?? '';
  };
  // Group computed columns that stand next to each other into one block write.
  const sorted = computed.filter((c) => positions.has(c.key)).map((c) => ({ key: c.key, index: positions.get(c.key)! })).sort((a, b) => a.index - b.index);
  const blocks: Array<typeof sorted> = [];
  for (const c of sorted) {
    const last = blocks[blocks.length - 1];
    if (last && last[last.length - 1].index + 1 === c.index) last.push(c);
    else blocks.push([c]);
  }
  for (const block of blocks) {
    const values: unknown[][] = [];
    for (let i = 0; i < rowCount; i++) {
      const o = byRow.get(i + 2);
      values.push(block.map((c) => valueOf(c.key, o)));
    }
    sheet.write(2, block[0].index + 1, values);
  }
}

/** `gekwalificeerd`, or what is missing: `ontbreekt: Budget, Beslisser`. */
export function bantLabel(answers: BantAnswers, language: Language): string {
  const { qualified, missing } = bantVerdict(answers);
  const words = catalogue(language).bant;
  if (qualified) return words.qualified;
  return `${words.missing}: ${missing.map((k) => displayName(PHASES.find((p) => p.key === k)!, language)).join(', ')}`;
}

/** One computed column of a tab, written in one block; its header added to the right if missing. */
function writeColumn(sheet: SheetPort, table: ReturnType<typeof tableOf>, col: ColumnDef, language: Language, valueOf: (row: number) => unknown): void {
  const index = ensureColumn(sheet, table, col, language);
  if (table.rows.length === 0) return;
  sheet.write(2, index + 1, table.rows.map((_, i) => [valueOf(i + 2)]));
}

/**
 * The daily job's first half and the menu's "Refresh now": computes everything, then writes the
 * computed columns and the Log. Throws, having written nothing, if the computation fails.
 */
export function refresh(workbook: WorkbookPort, options: RefreshOptions): RefreshResult {
  const prepared = prepareRefresh(workbook, options);
  prepared.write();
  return prepared.result;
}

/**
 * The whole refresh computed, its writes (columns, report tabs, Log) held back until `write` is
 * called: a follow-up run sends first and writes only when time allows (issue 9).
 */
export function prepareRefresh(workbook: WorkbookPort, options: RefreshOptions): { result: RefreshResult; write: () => void } {
  const plan = planRefresh(workbook, options, true);
  const write = () => {
    for (const w of plan.writes) w();
    const words = catalogue(plan.result.settings.language);
    const c = plan.result.counts;
    const summary = fill(words.log.runSummary, {
      job: options.job,
      relations: plan.result.outcomes.length,
      ...c,
      problems: plan.result.problems.length,
    });
    appendLog(workbook, plan.result.settings.language, options.now, summary, plan.result.problems, 'run', plan.result.settings.reminders.logRunDays);
  };
  return { result: plan.result, write };
}

/**
 * The same computation with no writes at all, and without the KPI and Risico tabs (`reports` is
 * null): for previews, the sidebar and the team proposal.
 */
export function computeRefresh(workbook: WorkbookPort, options: RefreshOptions): RefreshResult {
  return planRefresh(workbook, options, false).result;
}
