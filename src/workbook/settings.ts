// Reading the Instellingen (Settings) tab into the numbers the rules use. A missing or unreadable
// value falls back to the playbook's default, and the unreadable one is reported.

import { type CadenceSettings, DEFAULT_CADENCE } from '../core/cadence';
import { assertTimeZone } from '../core/dates';
import { conventionsFor, DEFAULT_LOCALE, type Language, normaliseLocale, parseLanguage } from '../core/locale';
import { parseSendDays, parseTeam, WEEKDAY_NAMES } from '../core/digest';
import { isBlank, parseAmount, type ParseContext, parseYesNo, type RelationType, type Tier } from '../core/parse';
import { DEFAULT_GO_NO_GO, type GoNoGoSettings } from '../core/pipeline';
import { DEFAULT_REPORT_SETTINGS, type ReportSettings } from '../core/report-settings';
import { DEFAULT_LOCAL_TIME_ZONE, defaultValueOf, SETTING_DEFS, type SettingDef, type SettingKey } from '../../sheets-templates/settings';
import { SETTINGS } from '../../sheets-templates/tabs';
import { findTab, mapColumns, normaliseName } from './headers';
import type { WorkbookPort } from './ports';
import { columnLabel, ProblemList } from './problems';

export interface ReminderSettings {
  /** Weekdays (0 Sunday ... 6 Saturday) on which the morning digest goes out. */
  sendDays: ReadonlySet<number>;
  skipHolidays: boolean;
  /** Hour of the day (0-23, spreadsheet time zone) of the daily trigger. */
  sendHour: number;
  /** Who may receive mail, as typed; null when the cell is empty. */
  team: string | null;
  /** Relationships named per morning mail; the rest are counted (issue 9). */
  maxDigestItems: number;
  /** Days the Log keeps its run lines (issue 9). */
  logRunDays: number;
  agendas: Record<RelationType, Record<Tier, string>>;
}

/** The week plan's defaults (src/core/plan.ts); per-owner values live on the Team tab. */
export interface PlanSettings {
  minutesPerDay: number;
  horizonDays: number;
}

export const DEFAULT_PLAN: PlanSettings = { minutesPerDay: 60, horizonDays: 28 };

export interface Settings {
  language: Language;
  plan: PlanSettings;
  reminders: ReminderSettings;
  cadence: CadenceSettings;
  /** Null: use the spreadsheet's locale. */
  locale: string | null;
  /** Null: use the spreadsheet's (or, locally, the default) time zone. */
  timeZone: string | null;
  reports: ReportSettings;
  /** The Pipeline's go/no-go rule and nurturing (issue 13). */
  pipeline: PipelineSettings;
  /** After-sales and unanswered attempts (issue 12). */
  conversations: ConversationSettings;
}

export interface ConversationSettings {
  /** The after-sales call is due this many days after a placement. */
  afterSalesDays: number;
  /** This many attempts in a row without a reaction suggest the flag "geen reactie". */
  noResponseAttempts: number;
}

export const DEFAULT_CONVERSATIONS: ConversationSettings = { afterSalesDays: 14, noResponseAttempts: 2 };

export interface PipelineSettings {
  goNoGo: GoNoGoSettings;
  /** A dropped lead comes back after this many months. */
  reapproachMonths: number;
  /** A prospect with no step in this many days is stalled. */
  stallDays: number;
}

export const DEFAULT_PIPELINE: PipelineSettings = { goNoGo: DEFAULT_GO_NO_GO, reapproachMonths: 6, stallDays: 30 };

function defaultAgendas(language: Language): ReminderSettings['agendas'] {
  const text = (key: SettingKey) => String(defaultValueOf(SETTING_DEFS.find((d) => d.key === key)!, language));
  return {
    client: { A: text('agendaClientA'), B: text('agendaClientB'), C: text('agendaClientC') },
    candidate: { A: text('agendaCandidateA'), B: text('agendaCandidateB'), C: text('agendaCandidateC') },
  };
}

export const DEFAULT_REMINDERS: ReminderSettings = {
  sendDays: new Set([1, 2, 3, 4, 5]),
  skipHolidays: true,
  sendHour: 7,
  team: null,
  maxDigestItems: 50,
  logRunDays: 90,
  agendas: defaultAgendas('nl'),
};

export const DEFAULT_SETTINGS: Settings = {
  language: 'nl',
  plan: DEFAULT_PLAN,
  reminders: DEFAULT_REMINDERS,
  cadence: DEFAULT_CADENCE,
  locale: null,
  timeZone: null,
  reports: DEFAULT_REPORT_SETTINGS,
  pipeline: DEFAULT_PIPELINE,
  conversations: DEFAULT_CONVERSATIONS,
};

export interface SettingsTable {
  settings: Settings;
  /** 1-based sheet row of each setting found. */
  rows: Map<SettingKey, number>;
  /** 1-based column of the values, or null when the tab has no value column. */
  valueColumn: number | null;
  problems: ProblemList;
}

function defFor(name: unknown): SettingDef | undefined {
  const n = normaliseName(name);
  return SETTING_DEFS.find((d) => normaliseName(d.nl) === n || normaliseName(d.en) === n);
}

function wholeNumber(value: unknown, min: number, max: number): number | null {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
  return Number.isInteger(n) && n >= min && n <= max ? n : null;
}

/** `values` is the whole tab as read, or null when the tab does not exist. */
export function readSettings(values: unknown[][] | null, sheetName: string, spreadsheetLocale: string = DEFAULT_LOCALE): SettingsTable {
  const found = new Map<SettingKey, { value: unknown; row: number }>();
  let valueColumn: number | null = null;
  if (values && values.length > 0) {
    const map = mapColumns(SETTINGS, values[0]);
    const nameCol = map.index.get('setting') ?? 0;
    const valueCol = map.index.get('value') ?? 1;
    valueColumn = valueCol + 1;
    values.slice(1).forEach((row, i) => {
      const def = defFor(row[nameCol]);
      if (def && !found.has(def.key)) found.set(def.key, { value: row[valueCol], row: i + 2 });
    });
  }
  const language = (found.has('language') && parseLanguage(found.get('language')!.value)) || DEFAULT_SETTINGS.language;
  const problems = new ProblemList(language);
  const valueLabel = columnLabel(values?.[0]?.[valueColumn ? valueColumn - 1 : 1], valueColumn ? valueColumn - 1 : 1);
  const bad = (key: SettingKey, fallback: unknown) => {
    const { value, row } = found.get(key)!;
    // Name what is used instead; an empty default means "the spreadsheet's" (or, for the team, none).
    const shown =
      fallback instanceof Set ? describeDays(fallback as Set<number>, language)
      : typeof fallback === 'boolean' ? (fallback ? (language === 'nl' ? 'ja' : 'yes') : language === 'nl' ? 'nee' : 'no')
      : key === 'team' ? problems.text('fallbackNoTeam')
      : key === 'locale' ? problems.text('fallbackLocale', { locale: spreadsheetLocale })
      : key === 'timeZone' ? problems.text('fallbackTimeZone', { zone: DEFAULT_LOCAL_TIME_ZONE })
      : fallback === null ? problems.text('fallbackEmpty')
      : String(fallback);
    problems.add(sheetName, row, valueLabel, value, problems.text('badSetting', { fallback: shown }));
  };
  const setting = <T>(key: SettingKey, parse: (v: unknown) => T | null, fallback: T): T => {
    const entry = found.get(key);
    if (!entry || isBlank(entry.value)) return fallback;
    const parsed = parse(entry.value);
    if (parsed === null) {
      bad(key, fallback);
      return fallback;
    }
    return parsed;
  };

  setting('language', parseLanguage, DEFAULT_SETTINGS.language); // reports an unreadable language
  const months = (key: SettingKey, fallback: number) => setting(key, (v) => wholeNumber(v, 1, 120), fallback);
  const agendas = defaultAgendas(language);
  const agenda = (type: RelationType, tier: Tier, key: SettingKey) => {
    agendas[type][tier] = setting(key, (v) => String(v).trim(), agendas[type][tier]);
  };
  agenda('client', 'A', 'agendaClientA');
  agenda('client', 'B', 'agendaClientB');
  agenda('client', 'C', 'agendaClientC');
  agenda('candidate', 'A', 'agendaCandidateA');
  agenda('candidate', 'B', 'agendaCandidateB');
  agenda('candidate', 'C', 'agendaCandidateC');
  const team = setting<string | null>(
    'team',
    (v) => {
      const text = String(v).trim();
      return parseTeam(text).invalid.length === 0 ? text : null;
    },
    null,
  );
  const settings: Settings = {
    language,
    plan: {
      minutesPerDay: setting('planMinutesPerDay', (v) => wholeNumber(v, 1, 24 * 60), DEFAULT_PLAN.minutesPerDay),
      horizonDays: setting('planHorizonDays', (v) => wholeNumber(v, 1, 366), DEFAULT_PLAN.horizonDays),
    },
    reminders: {
      sendDays: setting('sendDays', (v) => parseSendDays(String(v)), DEFAULT_REMINDERS.sendDays),
      skipHolidays: setting('skipHolidays', (v) => {
        const parsed = parseYesNo(v);
        return parsed.ok ? parsed.value : null;
      }, DEFAULT_REMINDERS.skipHolidays),
      sendHour: setting('sendHour', (v) => wholeNumber(v, 0, 23), DEFAULT_REMINDERS.sendHour),
      maxDigestItems: setting('maxDigestItems', (v) => wholeNumber(v, 1, 200), DEFAULT_REMINDERS.maxDigestItems),
      logRunDays: setting('logRunDays', (v) => wholeNumber(v, 7, 3650), DEFAULT_REMINDERS.logRunDays),
      team,
      agendas,
    },
    cadence: {
      monthsPerTier: {
        A: months('monthsA', DEFAULT_CADENCE.monthsPerTier.A),
        B: months('monthsB', DEFAULT_CADENCE.monthsPerTier.B),
        C: months('monthsC', DEFAULT_CADENCE.monthsPerTier.C),
      },
      dueSoonDays: setting('dueSoonDays', (v) => wholeNumber(v, 0, 365), DEFAULT_CADENCE.dueSoonDays),
    },
    locale: setting<string | null>(
      'locale',
      (v) => (/^[a-z]{2,3}([_-][a-z]{2})?$/i.test(String(v).trim()) ? normaliseLocale(String(v)) : null),
      null,
    ),
    timeZone: setting<string | null>(
      'timeZone',
      (v) => {
        try {
          assertTimeZone(String(v).trim());
          return String(v).trim();
        } catch {
          return null;
        }
      },
      null,
    ),
    reports: DEFAULT_REPORT_SETTINGS,
    pipeline: DEFAULT_PIPELINE,
    conversations: {
      afterSalesDays: setting('afterSalesDays', (v) => wholeNumber(v, 1, 365), DEFAULT_CONVERSATIONS.afterSalesDays),
      noResponseAttempts: setting('noResponseAttempts', (v) => wholeNumber(v, 1, 20), DEFAULT_CONVERSATIONS.noResponseAttempts),
    },
  };
  settings.reports = readReportSettings(setting, spreadsheetLocale);
  settings.pipeline = readPipelineSettings(setting, spreadsheetLocale);
  const rows = new Map<SettingKey, number>();
  found.forEach((entry, key) => rows.set(key, entry.row));
  return { settings, rows, valueColumn, problems };
}

type SettingReader = <T>(key: SettingKey, parse: (v: unknown) => T | null, fallback: T) => T;

/** A number from a cell or from text in either decimal style (`4,5`, `4.5`); null when unreadable. */
function numberOf(value: unknown, locale: string): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string') return null;
  const parsed = parseAmount(value.trim(), conventionsFor(locale));
  return parsed.ok ? parsed.value : null;
}

/** A share as a fraction: 0.8, `0,8` or `80%` (a percentage cell arrives as 0.8). */
function shareOf(value: unknown, locale: string): number | null {
  const percent = typeof value === 'string' && value.trim().endsWith('%');
  const n = numberOf(percent ? String(value).trim().slice(0, -1) : value, locale);
  if (n === null) return null;
  const share = percent ? n / 100 : n;
  return share >= 0 && share <= 1 ? share : null;
}

function readReportSettings(setting: SettingReader, locale: string): ReportSettings {
  const d = DEFAULT_REPORT_SETTINGS;
  const share = (key: SettingKey, fallback: number) => setting(key, (v) => shareOf(v, locale), fallback);
  const amount = (key: SettingKey, fallback: number) => setting(key, (v) => {
    const n = numberOf(v, locale);
    return n !== null && n >= 0 && n <= 100_000 ? n : null;
  }, fallback);
  const actual = (key: SettingKey) => setting<number | null>(key, (v) => {
    const n = numberOf(v, locale);
    return n !== null && n >= 0 && n <= 100_000 ? n : null;
  }, null);
  return {
    targets: {
      existingBusinessShare: share('targetExistingBusiness', d.targets.existingBusinessShare),
      referralsPerA: amount('targetReferralsPerA', d.targets.referralsPerA),
      retentionAB: share('targetRetentionAB', d.targets.retentionAB),
      repeatPlacementShare: share('targetRepeatPlacements', d.targets.repeatPlacementShare),
      proposalsPerWeek: amount('targetProposalsPerWeek', d.targets.proposalsPerWeek),
      recurringShare: setting<number | null>('targetRecurringShare', (v) => shareOf(v, locale), d.targets.recurringShare),
    },
    keyClientShare: share('keyClientShare', d.keyClientShare),
    significantClientShare: share('significantClientShare', d.significantClientShare),
    cashReserve: {
      minMonths: amount('cashReserveMinMonths', d.cashReserve.minMonths),
      idealMonths: amount('cashReserveIdealMonths', d.cashReserve.idealMonths),
      actualMonths: actual('cashReserveMonths'),
    },
    bookedAhead: {
      minDays: amount('bookedAheadMinDays', d.bookedAhead.minDays),
      idealDays: amount('bookedAheadIdealDays', d.bookedAhead.idealDays),
      actualDays: actual('bookedAheadDays'),
    },
    attentionShare: { A: share('attentionA', d.attentionShare.A), B: share('attentionB', d.attentionShare.B), C: share('attentionC', d.attentionShare.C) },
    touchpointMinutes: {
      client: { A: amount('minutesClientA', d.touchpointMinutes.client.A), B: amount('minutesClientB', d.touchpointMinutes.client.B), C: amount('minutesClientC', d.touchpointMinutes.client.C) },
      candidate: {
        A: amount('minutesCandidateA', d.touchpointMinutes.candidate.A),
        B: amount('minutesCandidateB', d.touchpointMinutes.candidate.B),
        C: amount('minutesCandidateC', d.touchpointMinutes.candidate.C),
      },
    },
    abc: { aShare: share('abcAShare', d.abc.aShare), bShare: share('abcBShare', d.abc.bShare) },
    candidateAdvice: {
      aRepeatPlacements: amount('candidateARepeatPlacements', d.candidateAdvice.aRepeatPlacements),
      aReferrals: amount('candidateAReferrals', d.candidateAdvice.aReferrals),
      bPlacements: amount('candidateBPlacements', d.candidateAdvice.bPlacements),
    },
    health: {
      base: amount('healthBase', d.health.base),
      onSchedule: amount('healthOnSchedule', d.health.onSchedule),
      overdueMax: amount('healthOverdueMax', d.health.overdueMax),
      never: amount('healthNever', d.health.never),
      perRedFlag: amount('healthPerRedFlag', d.health.perRedFlag),
      perSignal: amount('healthPerSignal', d.health.perSignal),
      referrals: amount('healthReferrals', d.health.referrals),
      repeatBusiness: amount('healthRepeatBusiness', d.health.repeatBusiness),
      recentValueAdd: amount('healthRecentValueAdd', d.health.recentValueAdd),
      satisfaction: amount('healthSatisfaction', d.health.satisfaction),
    },
    historyMonths: setting('historyMonths', (v) => {
      const n = numberOf(v, locale);
      return n !== null && Number.isInteger(n) && n >= 2 && n <= 120 ? n : null;
    }, d.historyMonths),
  };
}

function readPipelineSettings(setting: SettingReader, locale: string): PipelineSettings {
  const d = DEFAULT_PIPELINE;
  const number = (key: SettingKey, fallback: number, min: number, max: number) => setting(key, (v) => {
    const n = numberOf(v, locale);
    return n !== null && n >= min && n <= max ? n : null;
  }, fallback);
  const w = d.goNoGo.weights;
  return {
    goNoGo: {
      weights: {
        enjoyment: number('goWeightEnjoyment', w.enjoyment, 0, 100),
        forward: number('goWeightForward', w.forward, 0, 100),
        payment: number('goWeightPayment', w.payment, 0, 100),
        direction: number('goWeightDirection', w.direction, 0, 100),
        workTest: number('goWeightWorkTest', w.workTest, 0, 100),
        budget: number('goWeightBudget', w.budget, 0, 100),
        authority: number('goWeightAuthority', w.authority, 0, 100),
        need: number('goWeightNeed', w.need, 0, 100),
        timeline: number('goWeightTimeline', w.timeline, 0, 100),
      },
      goFrom: number('goFrom', d.goNoGo.goFrom, -1, 1),
      noGoBelow: number('noGoBelow', d.goNoGo.noGoBelow, -1, 1),
      startMonthsMax: setting('startMonthsMax', (v) => wholeNumber(v, 0, 120), d.goNoGo.startMonthsMax),
    },
    reapproachMonths: setting('reapproachMonths', (v) => wholeNumber(v, 1, 120), d.reapproachMonths),
    stallDays: setting('stallDays', (v) => wholeNumber(v, 1, 3650), d.stallDays),
  };
}

function describeDays(days: Set<number>, language: Language): string {
  const names = WEEKDAY_NAMES[language];
  return [1, 2, 3, 4, 5, 6, 0].filter((d) => days.has(d)).map((d) => names[d]).join(',');
}

/** Reads the workbook's Settings tab (one read), or the defaults when it has none. */
export function loadSettings(workbook: WorkbookPort): SettingsTable {
  const name = findTab(SETTINGS, workbook.sheetNames());
  return readSettings(name ? workbook.sheet(name).readAll() : null, name ?? SETTINGS.nl, normaliseLocale(workbook.locale));
}

/** How cells are read in this workbook: the Settings' locale if set, else the spreadsheet's. */
export function parseContextOf(workbook: WorkbookPort, settings: Settings): ParseContext {
  return { conventions: conventionsFor(settings.locale ?? normaliseLocale(workbook.locale)), clock: workbook.clock };
}
