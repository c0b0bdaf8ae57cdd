// The engine's time per phase on the in-memory port, and the full daily job end to end.
//
// The phases are not separately callable in the engine (planRefresh does read, parse and cadence
// in one go), so they are timed here by calling the same lower-level functions in the same order
// as src/engine/refresh.ts and src/engine/reminders.ts do. `computeRefresh` (read + parse +
// cadence through the engine's own entry point) is timed too, as a check on the phase split.

import { performance } from 'node:perf_hooks';
import { cadenceOf } from '../src/core/cadence';
import { type Day, instantOfDay } from '../src/core/dates';
import { parseTeam, planDigests } from '../src/core/digest';
import { conventionsFor, normaliseLocale } from '../src/core/locale';
import { isBlank, type ParseContext } from '../src/core/parse';
import { computeRefresh } from '../src/engine/refresh';
import { weekPlan } from '../src/engine/plan';
import { teamCapacity } from '../src/workbook/team';
import { buildReportTabs } from '../src/engine/report-tabs';
import { riskReport } from '../src/core/risk';
import { candidates, closingEntries, deliver, planReminders } from '../src/engine/reminders';
import { composeDigest } from '../src/mail/compose';
import { findTab } from '../src/workbook/headers';
import { columnLabel, ProblemList } from '../src/workbook/problems';
import { RELATIONS, readRelations, readTouchpoints, tableOf, TOUCHPOINTS } from '../src/workbook/relations';
import { loadSettings } from '../src/workbook/settings';
import { generate, LOCALE, TIME_ZONE, TODAY } from './generate';
import { MemoryWorkbook } from './memory-port';

const NOW = new Date('2026-11-24T06:00:00Z'); // 07:00 in Amsterdam, the default send hour

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** Read and parse, cadence, digests: one pass, each phase timed. */
function phases(workbook: MemoryWorkbook, today: Day) {
  const t0 = performance.now();
  // ---- read/parse: the settings, Relaties and Touchpoints tables, every cell through its parser.
  const names = workbook.sheetNames();
  const settingsTable = loadSettings(workbook);
  const { settings } = settingsTable;
  const problems = new ProblemList(settings.language, workbook.clock);
  problems.items.push(...settingsTable.problems.items);
  const ctx: ParseContext = { conventions: conventionsFor(settings.locale ?? normaliseLocale(workbook.locale)), clock: workbook.clock };
  const relationsName = findTab(RELATIONS, names)!;
  const relations = tableOf(RELATIONS, relationsName, workbook.sheet(relationsName).readAll());
  const records = readRelations(relations, ctx, problems);
  const touchpointsName = findTab(TOUCHPOINTS, names)!;
  const touchpoints = tableOf(TOUCHPOINTS, touchpointsName, workbook.sheet(touchpointsName).readAll());
  const touches = readTouchpoints(touchpoints, ctx, problems);
  const t1 = performance.now();

  // ---- cadence: as planRefresh does it: index by ID, newest touchpoint up to today, every outcome.
  const byId = new Map<string, (typeof records)[number]>();
  const idCol = relations.columns.index.get('id')!;
  for (const r of records) {
    if (r.id === '') {
      problems.add(relationsName, r.row, columnLabel(relations.header[idCol], idCol), '', problems.text('missingId'));
      continue;
    }
    const first = byId.get(r.id);
    if (first) problems.add(relationsName, r.row, columnLabel(relations.header[idCol], idCol), r.id, problems.text('duplicateId', { row: first.row }));
    else byId.set(r.id, r);
  }
  const latestTouch = new Map<string, Day>();
  const relCol = touchpoints.columns.index.get('relationId')!;
  for (const t of touches) {
    if (!byId.has(t.relationId)) {
      problems.add(touchpointsName, t.row, columnLabel(touchpoints.header[relCol], relCol), t.relationId, problems.text('unknownRelation'));
      continue;
    }
    if (t.day > today) continue;
    const known = latestTouch.get(t.relationId);
    if (known === undefined || t.day > known) latestTouch.set(t.relationId, t.day);
  }
  const outcomes = [];
  const tierCol = relations.columns.index.get('tier')!;
  const lastCol = relations.columns.index.get('lastContact')!;
  for (const relation of records) {
    if (relation.lastContactCell !== null && relation.lastContactCell > today) {
      problems.add(relationsName, relation.row, columnLabel(relations.header[lastCol], lastCol), relations.rows[relation.row - 2][lastCol], problems.text('futureContact'));
    }
    const touched = byId.get(relation.id) === relation ? latestTouch.get(relation.id) : undefined;
    const lastContact = relation.lastContactCell === null ? (touched ?? null) : touched === undefined ? relation.lastContactCell : Math.max(relation.lastContactCell, touched);
    if (relation.active && relation.tier === null) {
      if (isBlank(relations.rows[relation.row - 2][tierCol])) problems.add(relationsName, relation.row, columnLabel(relations.header[tierCol], tierCol), '', problems.text('missingTier'));
      continue;
    }
    const outcome = cadenceOf({ active: relation.active, tier: relation.tier ?? 'C', lastContact }, today, settings.cadence);
    outcomes.push({ ...outcome, relation, lastContact });
  }
  const t2 = performance.now();

  // ---- digests: the candidates, one plan per owner, and every digest composed (HTML and text).
  const digestCandidates = candidates({ outcomes: outcomes.map((o) => ({ ...o, advice: null, health: null })) });
  const team = parseTeam(settings.reminders.team ?? '').team;
  const plan = planDigests(digestCandidates, today, team);
  const agendas = settings.reminders.agendas;
  let bytes = 0;
  for (const digest of plan.digests) {
    const mail = composeDigest(digest, {
      language: settings.language,
      dueSoonDays: settings.cadence.dueSoonDays,
      agenda: (type, tier) => agendas[type ?? 'client'][tier],
      rowLink: (row) => `https://docs.google.com/spreadsheets/d/x/edit#gid=0&range=A${row}`,
    });
    bytes += mail.html.length + mail.text.length;
  }
  const t3 = performance.now();
  return {
    read: t1 - t0,
    cadence: t2 - t1,
    digests: t3 - t2,
    check: { records: records.length, touchpoints: touches.length, outcomes: outcomes.length, problems: problems.items.length, digests: plan.digests.length, items: plan.digests.reduce((n, d) => n + d.items.length, 0), bytes },
  };
}

/** The whole daily job on the port: refresh with writes, plan, compose, deliver to a no-op sink, log. */
function dailyJob(workbook: MemoryWorkbook, today: Day) {
  const t0 = performance.now();
  const now = () => NOW;
  const plan = planReminders(workbook, { today, now, job: 'dailyRun', respectSendDays: true }, true);
  const delivery = deliver(plan, { remainingQuota: () => Infinity, timeLeft: () => true }, now);
  let sent = 0;
  let step = delivery.next();
  while (!step.done) {
    sent++; // the no-op sink: every mail "goes out"
    step = delivery.next({ ok: true });
  }
  plan.log.append(closingEntries(plan, step.value, now(), 'dailyRun'));
  const t1 = performance.now();
  return { ms: t1 - t0, sent, counts: plan.refresh.counts, problems: plan.refresh.problems.length };
}

export function engineBench(n: number, runs = 3) {
  const data = generate(n, (day) => new Date(dayMidnight(day)));
  const fresh = () => new MemoryWorkbook(data.sheets, TIME_ZONE, LOCALE);
  const afterGenerate = process.memoryUsage();

  const samples = { read: [] as number[], cadence: [] as number[], digests: [] as number[], compute: [] as number[], daily: [] as number[], reports: [] as number[], risk: [] as number[], plan: [] as number[] };
  let planned = 0;
  let check: ReturnType<typeof phases>['check'] | null = null;
  let daily: ReturnType<typeof dailyJob> | null = null;
  for (let i = 0; i <= runs; i++) {
    // Run 0 warms up the JIT and is not counted. Every run gets an untouched workbook (a daily job
    // writes its columns and Log, and a Log that records today's digests would stop them).
    let wb = fresh();
    gc();
    const p = phases(wb, TODAY);
    wb = fresh();
    gc();
    const t0 = performance.now();
    const refreshed = computeRefresh(wb, { today: TODAY, now: NOW, job: 'bench' });
    const compute = performance.now() - t0;
    // The KPI and Risico tabs from the refresh's own records, as refresh.ts assembles them:
    // contact days per relationship are its touchpoints up to today plus its Last contact cell.
    const contactsById = new Map<string, Day[]>();
    for (const t of refreshed.touchpoints) if (t.day <= TODAY) (contactsById.get(t.relationId) ?? contactsById.set(t.relationId, []).get(t.relationId)!).push(t.day);
    for (const r of refreshed.relations) if (r.id && r.lastContactCell !== null && r.lastContactCell <= TODAY) (contactsById.get(r.id) ?? contactsById.set(r.id, []).get(r.id)!).push(r.lastContactCell);
    const t1 = performance.now();
    buildReportTabs({
      today: TODAY,
      settings: refreshed.settings,
      relations: refreshed.relations,
      outcomes: refreshed.outcomes.map((o) => ({ relation: o.relation, status: o.status, lastContact: o.lastContact, advice: o.advice, health: o.health })),
      touchpoints: refreshed.touchpoints,
      contactsById,
      referralsByRow: refreshed.referralsByRow,
      proposalsSent: null,
      accounts: refreshed.accounts,
      history: [],
    });
    const reports = performance.now() - t1;
    const t2 = performance.now();
    riskReport(refreshed.relations, refreshed.settings.reports, null);
    const risk = performance.now() - t2;
    // The week plan alone, as the refresh makes it (every owner at the default 60 minutes a day).
    const ctx: ParseContext = { conventions: conventionsFor(refreshed.settings.locale ?? normaliseLocale(wb.locale)), clock: wb.clock };
    const t3 = performance.now();
    const plan = weekPlan(refreshed.outcomes, () => '', teamCapacity(refreshed.settings.plan.minutesPerDay), refreshed.settings, TODAY, ctx);
    const planMs = performance.now() - t3;
    planned = plan.byKey.size;
    wb = fresh();
    gc();
    const d = dailyJob(wb, TODAY);
    if (i === 0) continue;
    samples.read.push(p.read);
    samples.cadence.push(p.cadence);
    samples.digests.push(p.digests);
    samples.compute.push(compute);
    samples.reports.push(reports);
    samples.risk.push(risk);
    samples.plan.push(planMs);
    samples.daily.push(d.ms);
    check = p.check;
    daily = d;
  }
  return {
    size: n,
    stats: data.stats,
    ms: {
      read: median(samples.read),
      cadence: median(samples.cadence),
      digests: median(samples.digests),
      compute: median(samples.compute),
      reports: median(samples.reports),
      risk: median(samples.risk),
      plan: median(samples.plan),
      daily: median(samples.daily),
    },
    samples,
    check: check && { ...check, planned },
    daily: daily && { sent: daily.sent, counts: daily.counts, problems: daily.problems },
    memory: { heapAfterGenerateMB: afterGenerate.heapUsed / 2 ** 20, maxRssMB: process.resourceUsage().maxRSS / 1024 },
  };
}

// Midnight in Amsterdam of a calendar day, as a Google Sheets date cell of a Dutch sheet holds it.
const amsterdam = new Map<Day, number>();
function dayMidnight(day: Day): number {
  let ms = amsterdam.get(day);
  if (ms === undefined) {
    ms = midnightIn(day, TIME_ZONE);
    amsterdam.set(day, ms);
  }
  return ms;
}

function midnightIn(day: Day, timeZone: string): number {
  return instantOfDay(day, timeZone).getTime();
}

/**
 * One daily job at size n under the V8 profiler (after one warm-up run), for finding hot spots:
 * writes a .cpuprofile that Chrome DevTools or `node bench/profile-summary.mjs` can read.
 */
export async function profileDailyJob(n: number, file: string) {
  const { Session } = await import('node:inspector/promises');
  const { writeFile } = await import('node:fs/promises');
  const data = generate(n, (day) => new Date(dayMidnight(day)));
  const fresh = () => new MemoryWorkbook(data.sheets, TIME_ZONE, LOCALE);
  dailyJob(fresh(), TODAY);
  const wb = fresh();
  gc();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 100 });
  await session.post('Profiler.start');
  const result = dailyJob(wb, TODAY);
  const { profile } = await session.post('Profiler.stop');
  session.disconnect();
  await writeFile(file, JSON.stringify(profile));
  return { file, ms: result.ms };
}
