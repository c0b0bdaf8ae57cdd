// Loads the built Apps Script bundle, dist/Cadans.js, into a bare V8 context (node:vm) whose only
// globals are the fakes of the Apps Script services and a console, as the Apps Script V8 runtime
// has no require, process, Buffer or timers. Also the helpers the tests share: building a
// spreadsheet, calendar dates in a given time zone (independent of src/), and cell diffs.

import { wallClock } from './fakes/utilities';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import type { ProjectFiles } from './fakes/html';
import { Env, FakeProject, type FakeSheet, FakeSpreadsheet, FakeUi, Formula, makeServices, type Services } from './fakes/index';
import { DEFAULT_USER, isDate, type Realm } from './fakes/env';

export const DIST_DIR = fileURLToPath(new URL('../../dist/', import.meta.url));
export const BUNDLE_PATH = `${DIST_DIR}Cadans.js`;

/** The public contract: functions that menus, triggers and formulas call by name. */
export const ENTRY_POINTS = [
  'onOpen',
  'onInstall',
  'onEdit',
  'setupWorkbook',
  'refreshNow',
  'showAbout',
  'checkSetup',
  'dailyRun',
  'continueReminders',
  'enableReminders',
  'disableReminders',
  'previewReminders',
  'sendRemindersNow',
  'showPrepSidebar',
  'getPrepContext',
  'logTouchpoint',
  'fillOrganisations',
  'NEXT_TOUCHPOINT',
  'TOUCHPOINT_STATUS',
  'RELATION_TIER',
  'CONCENTRATION',
] as const;

export const CUSTOM_FUNCTIONS = {
  NEXT_TOUCHPOINT: ['last_contact', 'tier', 'cadence_months'],
  TOUCHPOINT_STATUS: ['next_contact', 'reference_date', 'due_soon_days'],
  RELATION_TIER: ['revenues', 'a_share', 'b_share', 'organisations'],
  CONCENTRATION: ['revenues', 'organisations'],
} as const;

/** The globals handed to the context: nothing else exists there but the language's built-ins. */
export const CONTEXT_GLOBALS = ['SpreadsheetApp', 'Utilities', 'ScriptApp', 'MailApp', 'LockService', 'HtmlService', 'PropertiesService', 'Session', 'console'] as const;

/** The manifest's scopes, as the consent screen asks for them. */
export function manifestScopes(): string[] {
  return JSON.parse(readFileSync(fileURLToPath(new URL('../../appsscript.json', import.meta.url)), 'utf8')).oauthScopes;
}

/** The project's HTML files as clasp pushes them: dist/NAME.html. */
export function projectFile(name: string): string | null {
  const path = `${DIST_DIR}${name}.html`;
  return /^[\w-]+$/.test(name) && existsSync(path) ? readFileSync(path, 'utf8') : null;
}


let compiled: { source: string; script: vm.Script } | null = null;

export function bundleSource(): string {
  return compiled?.source ?? readFileSync(BUNDLE_PATH, 'utf8');
}

function bundleScript(): vm.Script {
  if (!compiled) {
    const source = readFileSync(BUNDLE_PATH, 'utf8');
    compiled = { source, script: new vm.Script(source, { filename: 'Cadans.js' }) };
  }
  return compiled.script;
}

type Fn = (...args: unknown[]) => unknown;

export interface Cadans {
  env: Env;
  ss: FakeSpreadsheet;
  ui: FakeUi;
  /** The script project: its triggers, its script lock, the account's mail. Shared by every execution over this spreadsheet. */
  project: FakeProject;
  services: Services;
  context: vm.Context;
  /** What the bundle logged (console.log is where `tell` goes without a UI). */
  logs: string[];
  /** Every top-level function of the bundle, by name. */
  functions: Record<string, Fn>;
  onOpen(e?: { authMode: string }): void;
  onInstall(e?: { authMode: string }): void;
  /** As Sheets runs the simple trigger after a user's edit; `e.range` is a Range of the context (see rangeOf). */
  onEdit(e: { range: unknown; value?: unknown; oldValue?: unknown; authMode?: string }): void;
  setupWorkbook(): void;
  refreshNow(): void;
  showAbout(): void;
  checkSetup(): void;
  /** As the daily trigger runs it: without a UI. */
  dailyRun(): void;
  /** As the follow-up trigger runs it: without a UI. */
  continueReminders(): void;
  enableReminders(): void;
  disableReminders(): void;
  previewReminders(): void;
  sendRemindersNow(): void;
  showPrepSidebar(): void;
  /** Called directly (the value as the script returns it, of the context's realm); see also serverCall. */
  getPrepContext(): unknown;
  /** Menu: fills Organisaties from Relaties (issue 11). */
  fillOrganisations(): void;
  logTouchpoint(payload: unknown): unknown;
  /**
   * A call from the sidebar page, as google.script.run makes it: the arguments cross as JSON into
   * the script's realm, the call is an execution of its own, and the result crosses back (a Date
   * anywhere in it makes the page receive null); a throw reaches the page's failure handler.
   */
  serverCall(name: string, ...args: unknown[]): ServerResult;
  /** Calls a top-level function as a time-driven trigger does: no UI. */
  asTrigger(name: string): unknown;
  /** Runs each installed trigger for this handler once, each in an execution of its own; returns how many ran. */
  fireTriggers(handler: string): number;
  /** Evaluates an expression inside the context. */
  evaluate(code: string): unknown;
  /** Calls a custom function as Sheets does: read-only, arguments of the script's realm, result as plain values. */
  formula(name: keyof typeof CUSTOM_FUNCTIONS, ...args: unknown[]): unknown;
  /** The error a custom function throws, as { name, message }; fails if it returns. */
  formulaError(name: keyof typeof CUSTOM_FUNCTIONS, ...args: unknown[]): { name: string; message: string };
}

export type ServerResult = { ok: true; value: unknown } | { ok: false; message: string };

/** True when a Date, a function or undefined stands anywhere in the value. */
function holdsNonJson(value: unknown): boolean {
  if (isDate(value) || typeof value === 'function' || value === undefined) return true;
  if (Array.isArray(value)) return value.some(holdsNonJson);
  if (value !== null && typeof value === 'object') return Object.values(value).some(holdsNonJson);
  return false;
}

/**
 * What the page receives for a server function's return value: the value as JSON, or null when a
 * Date stands anywhere in it (Apps Script then delivers null to the success handler).
 */
export function overTheWire(value: unknown): unknown {
  if (value === undefined) return null;
  const hasDate = (v: unknown): boolean =>
    isDate(v) || (Array.isArray(v) ? v.some(hasDate) : v !== null && typeof v === 'object' ? Object.values(v).some(hasDate) : false);
  return hasDate(value) ? null : JSON.parse(JSON.stringify(value));
}

const projects = new WeakMap<FakeSpreadsheet, FakeProject>();

/**
 * The script project bound to this spreadsheet (one per spreadsheet, as for a bound script). The
 * first call fixes its HTML files and scopes: dist/ by default, a release folder's for the release test.
 */
export function projectOf(ss: FakeSpreadsheet, files: ProjectFiles = projectFile, scopes: readonly string[] = manifestScopes()): FakeProject {
  let project = projects.get(ss);
  if (!project) {
    project = new FakeProject(ss.env, files, scopes);
    projects.set(ss, project);
  }
  return project;
}

let contexts = 0;

/**
 * Loads the bundle into a fresh context over this spreadsheet. Each call of an entry point is one
 * execution: the fakes hand out values of this context's realm while it runs, and when it ends
 * the script lock it still holds is released, as Apps Script does. The UI belongs to the context
 * (the person at the sheet), the project to the spreadsheet.
 */
export interface LoadOptions {
  /** A fixed clock: `new Date()` and `Date.now()` in the script give this instant (for screenshots). */
  now?: Date;
  /** The Google account at the sheet (default DEFAULT_USER): menu and sidebar calls run as it. */
  user?: string;
  /**
   * The project's script files, run in order in one global scope as Apps Script loads a project's
   * .gs files (default: dist/Cadans.js). The release test hands it the files of a release folder.
   */
  scripts?: readonly { name: string; source: string }[];
}

/** Replaces the context's Date with one whose "now" is fixed; every Date made is still a plain Date. */
function freezeClock(context: vm.Context, now: Date): void {
  vm.runInContext(
    `(() => {
      const Real = Date;
      const fixed = ${now.getTime()};
      function FixedDate(...args) {
        if (!new.target) return new Real(fixed).toString();
        return args.length === 0 ? new Real(fixed) : new Real(...args);
      }
      FixedDate.prototype = Real.prototype;
      FixedDate.now = () => fixed;
      FixedDate.UTC = Real.UTC;
      FixedDate.parse = Real.parse;
      Object.defineProperty(globalThis, 'Date', { value: FixedDate, writable: true, configurable: true, enumerable: false });
    })()`,
    context,
  );
}

export function loadCadans(ss: FakeSpreadsheet = workbook(), options: LoadOptions = {}): Cadans {
  const env = ss.env;
  const project = projectOf(ss);
  const ui = new FakeUi(env);
  const contextId = ++contexts;
  let executions = 0;
  let execution = `context ${contextId}, outside any execution`;
  const services = makeServices(env, ss, ui, project, () => execution);
  const logs: string[] = [];
  const log = (...parts: unknown[]) => void logs.push(parts.map(String).join(' '));
  const console = { log, info: log, warn: log, error: log };
  const context = vm.createContext({ ...services, console });
  if (options.now) freezeClock(context, options.now);
  const realm: Realm = {
    Date: vm.runInContext('Date', context),
    Array: vm.runInContext('Array', context),
    Error: vm.runInContext('Error', context),
  };
  env.realm = realm;
  if (options.scripts) for (const file of options.scripts) new vm.Script(file.source, { filename: file.name }).runInContext(context);
  else bundleScript().runInContext(context);
  const functions: Record<string, Fn> = {};
  for (const name of Object.getOwnPropertyNames(context)) {
    if ((CONTEXT_GLOBALS as readonly string[]).includes(name)) continue;
    const value = (context as Record<string, unknown>)[name];
    if (typeof value === 'function') functions[name] = value as Fn;
  }
  const user = options.user ?? DEFAULT_USER;
  const call = (name: string, options: { trigger?: boolean; as?: string } = {}) => (...args: unknown[]) => {
    if (!functions[name]) throw new Error(`the bundle has no top-level function ${name}`);
    const saved = { realm: env.realm, uiAvailable: env.uiAvailable, execution, user: env.user };
    env.realm = realm;
    env.user = options.as ?? user;
    env.uiAvailable = !options.trigger;
    execution = `context ${contextId}, execution ${++executions} (${name})`;
    try {
      return functions[name](...args);
    } finally {
      project.lock.endExecution(execution);
      ({ realm: env.realm, uiAvailable: env.uiAvailable, execution, user: env.user } = saved);
    }
  };
  const asTrigger = (name: string, as?: string) => call(name, { trigger: true, as });
  const contextJson = vm.runInContext('JSON', context) as typeof JSON;
  const serverCall = (name: string, ...args: unknown[]): ServerResult => {
    // Only public top-level functions can be called from a page; names ending in _ are private.
    if (!functions[name] || name.endsWith('_')) return { ok: false, message: `Script function not found: ${name}` };
    if (args.some(holdsNonJson)) return { ok: false, message: 'Invalid argument: a Date, function or undefined cannot be sent to the server' };
    const inScript = contextJson.parse(JSON.stringify(args)) as unknown[];
    try {
      return { ok: true, value: overTheWire(call(name)(...inScript)) };
    } catch (error) {
      return { ok: false, message: String((error as { message?: unknown })?.message ?? error) };
    }
  };
  const toRealm = (value: unknown): unknown => {
    if (Array.isArray(value)) return env.array(value.map(toRealm));
    if (isDate(value)) return env.date(value.getTime());
    return value;
  };
  const formula = (name: string, ...args: unknown[]) => {
    env.mode = 'CUSTOM_FUNCTION';
    try {
      return plain(call(name)(...args.map(toRealm)));
    } finally {
      env.mode = 'FULL';
    }
  };
  return {
    env,
    ss,
    ui,
    project,
    services,
    context,
    logs,
    functions,
    onOpen: call('onOpen') as Cadans['onOpen'],
    onInstall: call('onInstall') as Cadans['onInstall'],
    onEdit: call('onEdit') as Cadans['onEdit'],
    setupWorkbook: call('setupWorkbook') as Cadans['setupWorkbook'],
    refreshNow: call('refreshNow') as Cadans['refreshNow'],
    showAbout: call('showAbout') as Cadans['showAbout'],
    checkSetup: call('checkSetup') as Cadans['checkSetup'],
    dailyRun: asTrigger('dailyRun') as Cadans['dailyRun'],
    continueReminders: asTrigger('continueReminders') as Cadans['continueReminders'],
    enableReminders: call('enableReminders') as Cadans['enableReminders'],
    disableReminders: call('disableReminders') as Cadans['disableReminders'],
    previewReminders: call('previewReminders') as Cadans['previewReminders'],
    sendRemindersNow: call('sendRemindersNow') as Cadans['sendRemindersNow'],
    showPrepSidebar: call('showPrepSidebar') as Cadans['showPrepSidebar'],
    getPrepContext: call('getPrepContext') as Cadans['getPrepContext'],
    fillOrganisations: call('fillOrganisations') as Cadans['fillOrganisations'],
    logTouchpoint: call('logTouchpoint') as Cadans['logTouchpoint'],
    serverCall,
    asTrigger: (name) => asTrigger(name)(),
    fireTriggers(handler) {
      const due = project.triggers.for(handler);
      // Each fires in an execution of its own, in a fresh context, as the account that installed it.
      for (const trigger of due) loadCadans(ss, { user: trigger.owner, scripts: options.scripts }).asTrigger(handler);
      return due.length;
    },
    evaluate: (code) => vm.runInContext(code, context),
    formula: formula as Cadans['formula'],
    formulaError(name, ...args) {
      try {
        formula(name, ...args);
      } catch (error) {
        const e = error as { name?: unknown; message?: unknown };
        return { name: String(e.name), message: String(e.message) };
      }
      throw new Error(`${name} returned instead of throwing`);
    },
  };
}

/** A value from the context as plain outer-realm arrays and Dates, for toEqual. */
export function plain(value: unknown): unknown {
  if (Array.isArray(value)) return Array.from(value, plain);
  if (isDate(value)) return new Date(value.getTime());
  return value;
}

// ---- Building spreadsheets --------------------------------------------------------------------

export interface WorkbookOptions {
  timeZone?: string;
  locale?: string;
  /** Tabs in order, each with its rows from A1. Omitted: one empty tab, as a new spreadsheet has. */
  sheets?: Record<string, unknown[][]>;
}

export function workbook(options: WorkbookOptions = {}): FakeSpreadsheet {
  const ss = new FakeSpreadsheet(new Env(), options.timeZone ?? 'Europe/Amsterdam', options.locale ?? 'nl_NL');
  const sheets = options.sheets ?? { Blad1: [] };
  for (const [name, rows] of Object.entries(sheets)) ss.$addSheet(name, rows);
  return ss;
}

export function formula(text: string, result: string | number | boolean | Date = ''): Formula {
  return new Formula(text, result);
}

// ---- Calendar dates in a zone, on Intl alone (not src/) ------------------------------------------
// A calendar date is an ISO string 'YYYY-MM-DD'.

function wall(ms: number, timeZone: string) {
  const w = wallClock(ms, timeZone);
  return { y: w.year, m: w.month, d: w.day, h: w.hour, min: w.minute, s: w.second };
}

const iso = (y: number, m: number, d: number) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const parts = (date: string) => date.split('-').map(Number) as [number, number, number];

/** The calendar date of an instant in a zone. */
export function dateIn(timeZone: string, instant: Date): string {
  const w = wall(instant.getTime(), timeZone);
  return iso(w.y, w.m, w.d);
}

export function todayIn(timeZone: string): string {
  return dateIn(timeZone, new Date());
}

/** Midnight starting that calendar date in that zone: what a date-only cell of that spreadsheet holds. */
export function midnight(timeZone: string, date: string): Date {
  const [y, m, d] = parts(date);
  const target = Date.UTC(y, m - 1, d);
  let ms = target;
  for (let i = 0; i < 4; i++) {
    const w = wall(ms, timeZone);
    ms -= Date.UTC(w.y, w.m - 1, w.d, w.h, w.min, w.s) - target;
  }
  const w = wall(ms, timeZone);
  if (iso(w.y, w.m, w.d) !== date || w.h !== 0 || w.min !== 0) throw new Error(`no midnight for ${date} in ${timeZone}`);
  return new Date(ms);
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = parts(date);
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return iso(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** EDATE: calendar months with month-end clamping. */
export function edate(date: string, months: number): string {
  const [y, m, d] = parts(date);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return iso(year, month, Math.min(d, last));
}

/** b - a in days. */
export function daysBetween(a: string, b: string): number {
  const [ya, ma, da] = parts(a);
  const [yb, mb, db] = parts(b);
  return Math.round((Date.UTC(yb, mb - 1, db) - Date.UTC(ya, ma - 1, da)) / 86_400_000);
}

/** Dutch short date as a team types it: 3-2-2026. */
export function dutch(date: string): string {
  const [y, m, d] = parts(date);
  return `${d}-${m}-${y}`;
}

// ---- Comparing cells --------------------------------------------------------------------------

export type Snapshot = Map<string, Map<string, { value: unknown; formula: string }>>;

export function snapshot(ss: FakeSpreadsheet): Snapshot {
  return new Map(ss.sheets.map((s) => [s.name, s.$snapshot()]));
}

/**
 * What changed between two snapshots: `changed` lists cells that had content before and differ
 * now (or are gone); `added` lists cells that were empty and now hold something. Keys are
 * 'Sheet!row,column'.
 */
export function diff(before: Snapshot, after: Snapshot): { changed: string[]; added: string[] } {
  const changed: string[] = [];
  const added: string[] = [];
  for (const [sheet, cells] of before) {
    const now = after.get(sheet);
    for (const [key, cell] of cells) {
      const later = now?.get(key);
      if (!later || later.value !== cell.value || later.formula !== cell.formula) changed.push(`${sheet}!${key}`);
    }
  }
  for (const [sheet, cells] of after) {
    const then = before.get(sheet);
    for (const key of cells.keys()) if (!then?.has(key)) added.push(`${sheet}!${key}`);
  }
  return { changed, added };
}

/** The 1-based column of a header in row 1, or throws. */
export function columnOf(sheet: FakeSheet, header: string): number {
  const index = sheet.$row(1).indexOf(header);
  if (index < 0) throw new Error(`no column ${header} in ${sheet.name}: ${sheet.$row(1).join(' | ')}`);
  return index + 1;
}
