// The Vandaag (Today) tab: what each owner does today, in the morning mail's order (the week
// plan's relationships for today first), their open actions, the problems in the workbook with a
// link to each cell, and when Cadans last ran and mails next. Built from the refresh's own records,
// written with one block like the KPI and Risico tabs, and shown at the top of report.html.

import { type Day, formatDay, weekdayOf } from '../core/dates';
import { type Digest, type OpenAction, planDigests, sendDayVerdict } from '../core/digest';
import type { Plan } from '../core/plan';
import { catalogue, fill } from '../i18n/catalogue';
import type { Problem } from '../workbook/problems';
import type { Settings } from '../workbook/settings';
import { needsAttention } from '../core/health';
import { planKey, scheduleDigests } from './plan';
import { asDate, Grid, type ReportTab } from './report-tabs';
import { STATUS_COLOURS } from '../../sheets-templates/tabs';
import { candidates, type CandidateSource } from './candidates';
import { type PipelineOutcome, pipelineLinesByOwner } from './pipeline';
import { STAGE_NAMES } from '../core/pipeline';

export interface TodayInput {
  today: Day;
  /** The job that ran, e.g. dailyRun or refreshNow. */
  job: string;
  settings: Settings;
  outcomes: CandidateSource['outcomes'];
  relations: ReadonlyArray<{ row: number; name: string; id: string }>;
  plan: Plan | null;
  actions: readonly OpenAction[];
  problems: readonly Problem[];
  /** A link to a cell of a tab (column as a letter, or null for the row), where the shell has one. */
  cellLink: (sheet: string, row: number, column: string | null) => string | null;
  relationsSheet: string;
  /** Whether the morning mail is on: true, false, or null where the shell cannot tell (locally). */
  remindersOn: boolean | null;
  /** The Pipeline tab's prospects (issue 13): dropped leads to approach again and stalled prospects. */
  pipeline?: PipelineOutcome | null;
}

/** The column letter at the end of a problem's column label, `Laatste contact (H)` → `H`. */
function letterOf(column: string | null): string | null {
  if (!column) return null;
  const match = /(?:^|\()([A-Z]{1,3})\)?$/.exec(column.trim());
  return match ? match[1] : null;
}

export function buildTodayTab(input: TodayInput): ReportTab {
  const { today, settings } = input;
  const language = settings.language;
  const words = catalogue(language);
  const w = words.todayTab;
  const grid = new Grid();
  const line = (cells: unknown[]) => grid.line(cells);
  const title = (text: string) => grid.title(text);
  const header = (cells: readonly string[]) => grid.header(cells);

  line([fill(w.generated, { date: `${words.digest.weekdays[weekdayOf(today)]} ${formatDay(today)}`, job: input.job })]);

  // Every owner, mail or not: the team list only decides who gets mail.
  const owners = new Set<string>();
  for (const o of input.outcomes) if (o.relation.owner) owners.add(o.relation.owner);
  for (const a of input.actions) if (a.owner) owners.add(a.owner);
  const everyone = { addresses: owners, domains: new Set<string>() };
  const all = candidates(input);
  const planned = planDigests(all, today, everyone, input.actions, settings.cadence.dueSoonDays);
  if (input.plan) {
    const names = new Map(input.relations.map((r) => [planKey(r.row), { name: r.name, id: r.id }]));
    scheduleDigests(planned.digests, input.plan, names, new Map(all.map((c) => [planKey(c.row), c])));
  }
  const plannedDay = (row: number) => input.plan?.byKey.get(planKey(row))?.day ?? null;
  // A red flag with no contact since: said beside the status, since it is why the line is here.
  const flagged = new Set(input.outcomes.filter((o) => needsAttention(o)).map((o) => o.relation.row));

  // The status column in the colours of the Relaties tab's Status (te laat red, nooit blue, ...).
  for (const status of ['overdue', 'never', 'dueSoon', 'onTrack'] as const) {
    grid.colours.push({ column: 6, match: 'contains', text: words.status[status], background: STATUS_COLOURS[status].background, color: STATUS_COLOURS[status].text });
  }
  title(w.ownersTitle);
  grid.note(w.ownersWhy);
  if (planned.digests.length === 0) line([w.nothingToday]);
  for (const digest of planned.digests) ownerSection(digest);

  function ownerSection(digest: Digest): void {
    const c = digest.counts;
    const plan = digest.plan;
    title(
      fill(w.ownerTitle, { owner: digest.owner, overdue: c.overdue, never: c.never, dueSoon: c.dueSoon, actions: digest.actions.length }) +
        (plan ? fill(w.ownerPlanned, { n: plan.plannedToday, minutes: plan.todayMinutes, capacity: plan.minutesPerDay }) : ''),
    );
    header(w.header);
    // As many lines per owner as the morning mail names (Max. relaties per ochtendmail), then a count.
    const shown = settings.reminders.maxDigestItems;
    digest.items.slice(0, shown).forEach((item, i) => {
      const status = item.status === 'overdue' ? fill(item.daysOverdue === 1 ? words.digest.dayOverdue : words.digest.daysOverdue, { n: item.daysOverdue ?? 0 }) : words.status[item.status];
      // Issue 12: the mail's referral moment and "geen reactie" suggestion, here too.
      const state = [
        status,
        flagged.has(item.row) ? w.redFlag : null,
        item.referralMoment ? words.digest.referralMoment : null,
        item.noResponseSuggested ? fill(words.digest.noResponseSuggested, { n: item.noResponseSuggested }) : null,
      ].filter(Boolean).join(' · ');
      const day = plannedDay(item.row);
      line([
        plan && i < plan.plannedToday ? w.today : '',
        item.name || item.id,
        item.id,
        item.organisation,
        item.tier,
        state,
        asDate(item.nextContact),
        day === null ? '' : asDate(day),
        input.cellLink(input.relationsSheet, item.row, null) ?? '',
      ]);
    });
    if (digest.items.length > shown) line(['', fill(w.more, { n: digest.items.length - shown })]);
    for (const a of digest.actions) line([w.action, a.action, '', a.relation, '', a.due < today ? words.digest.late : '', asDate(a.due), '', '']);
    if (plan) {
      line(['', `${words.digest.planWeek}: ${plan.week.map((d) => `${words.digest.weekdays[weekdayOf(d.day)]} ${d.count}`).join(' · ')}`]);
      if (plan.backlog.count > 0 && plan.backlog.until !== null) line(['', fill(words.digest.planBacklog, { n: plan.backlog.count, date: formatDay(plan.backlog.until) })]);
    }
  }

  if (input.pipeline) {
    const { byOwner } = pipelineLinesByOwner(input.pipeline, today);
    const lines = [...byOwner].sort(([a], [b]) => a.localeCompare(b)).flatMap(([owner, list]) => list.map((l) => ({ owner, l })));
    title(fill(w.pipelineTitle, { n: lines.length }));
    if (lines.length === 0) line([w.pipelineNone]);
    else header(w.pipelineHeader);
    for (const { owner, l } of lines) {
      const what = l.kind === 'reapproach' ? words.digest.reapproach : words.digest.stalled;
      const why = l.kind === 'reapproach'
        ? fill(words.digest.reapproachWhy, { date: formatDay(l.since), reason: l.reason || words.digest.noReason })
        : fill(words.digest.stalledWhy, { stage: STAGE_NAMES[language][l.stage], date: formatDay(l.since), n: today - l.since });
      line([owner, l.organisation, l.contact, what, why, input.cellLink(input.pipeline.sheet, l.row, null) ?? '']);
    }
  }

  title(fill(w.problemsTitle, { n: input.problems.length }));
  if (input.problems.length === 0) line([w.noProblems]);
  else {
    grid.note(w.problemsWhy);
    header(w.problemsHeader);
  }
  for (const p of input.problems) {
    const link = p.row === null ? null : input.cellLink(p.sheet, p.row, letterOf(p.column));
    line([p.sheet, p.row ?? '', p.column ?? '', p.value, p.message, link ?? '']);
  }

  title(w.runsTitle);
  line([fill(w.lastRun, { date: formatDay(today), job: input.job })]);
  if (input.remindersOn === false) line([w.remindersOff]);
  else if (input.remindersOn === true) {
    const r = settings.reminders;
    let next: Day | null = null;
    for (let d = today + 1; d <= today + 366 && next === null; d++) if (sendDayVerdict(d, r.sendDays, r.skipHolidays).send) next = d;
    line([next === null ? w.noSendDay : fill(w.nextMail, { date: `${words.digest.weekdays[weekdayOf(next)]} ${formatDay(next)}`, hour: r.sendHour })]);
  }

  return grid.tab([]);
}
