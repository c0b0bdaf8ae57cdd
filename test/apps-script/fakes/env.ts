// What every fake shares: the call counter, the permission mode, and the realm (the vm context's
// own Date, Array and Error), so that values handed to the bundle are of its realm, as they are
// in Apps Script, where script and services share one.

/**
 * read: get* calls on the spreadsheet; write: anything that changes it; ui: menus, alerts,
 * toasts, dialogs; service: services that need the user's authorisation (MailApp, triggers);
 * local: builders, Utilities, HtmlService and LockService, which work in every mode.
 */
export type CallKind = 'read' | 'write' | 'ui' | 'service' | 'local';

/**
 * FULL: a menu or an authorised trigger. CUSTOM_FUNCTION: a formula, which may only read.
 * NONE: a simple trigger before authorisation, which may build a menu but not open the sheet.
 */
export type Mode = 'FULL' | 'CUSTOM_FUNCTION' | 'NONE';

export interface Realm {
  Date: DateConstructor;
  Array: ArrayConstructor;
  Error: ErrorConstructor;
}

export class Env {
  readonly counts = new Map<string, number>();
  total = 0;
  /** Cells returned by getValues and getValue since the last reset: the tests' measure of reading. */
  cellsRead = 0;
  /**
   * Cells each range call moved since the last reset (values, formulas, notes, formats,
   * validations), keyed by method and tab (`Range.getValues Relaties`), beside the call counter:
   * a batched call still costs per cell on Google (/work/shared/apps-script-facts.md, "Speed:
   * calls and cells"), so a job's budget is counted in cells as well as calls.
   */
  readonly cells = new Map<string, number>();
  mode: Mode = 'FULL';
  /**
   * False while a time-driven trigger runs: there is no user to show anything to, and
   * SpreadsheetApp.getUi() throws "Cannot call SpreadsheetApp.getUi() from this context."
   */
  uiAvailable = true;
  /** Replaced by the harness with the vm context's constructors once the context exists. */
  realm: Realm = { Date, Array, Error };
  /**
   * The Google account the running execution runs as: the person at the sheet for a menu or a
   * sidebar call, the installer for an installable trigger
   * (developers.google.com/apps-script/guides/triggers/installable, "Installable triggers always
   * run under the account of the person who created them").
   */
  user = DEFAULT_USER;
  /** The script project's time zone (appsscript.json), which V8's local time also follows. */
  scriptTimeZone = 'Europe/Amsterdam';
  /**
   * Scopes each account left unticked on the consent screen (granular consent,
   * developers.google.com/apps-script/concepts/scopes and …/guides/client-verification#granular-consent).
   * A call that needs one of them throws, as Apps Script does.
   */
  readonly notGranted = new Map<string, Set<string>>();

  /** Test: this account unticks these scopes. */
  $revoke(user: string, ...scopes: string[]): void {
    const set = this.notGranted.get(user) ?? new Set<string>();
    for (const scope of scopes) set.add(scope);
    this.notGranted.set(user, set);
  }

  granted(scope: string): boolean {
    return !this.notGranted.get(this.user)?.has(scope);
  }

  /**
   * Throws Apps Script's message when the running account has not granted the scope this call
   * needs (the scopes each service needs: …/concepts/scopes, and the reference page of each method,
   * "Authorization"). The wording is Apps Script's; the reference does not list it.
   */
  requireScope(name: string, scope: string): void {
    if (!this.granted(scope)) throw this.error(`Specified permissions are not sufficient to call ${name}. Required permissions: ${scope}`);
  }

  /** Counts one service call, or throws as Apps Script does when the mode forbids it. */
  hit(name: string, kind: CallKind): void {
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
    this.total++;
    const scope = scopeOf(name);
    if (scope) this.requireScope(name, scope);
    const denied =
      (this.mode === 'NONE' && (kind === 'read' || kind === 'write' || kind === 'service')) ||
      (this.mode === 'CUSTOM_FUNCTION' && (kind === 'write' || kind === 'ui' || kind === 'service'));
    if (denied) throw this.error(`You do not have permission to call ${name}`);
  }

  /** Counts the cells one call moved on a tab. */
  move(method: string, tab: string, cells: number): void {
    const key = `${method} ${tab}`;
    this.cells.set(key, (this.cells.get(key) ?? 0) + cells);
  }

  /** Cells moved since the last reset, by every call or only those of one method and/or tab. */
  cellsMoved(filter: { method?: string; tab?: string } = {}): number {
    let n = 0;
    for (const [key, cells] of this.cells) {
      const [method, tab] = splitCellKey(key);
      if ((filter.method === undefined || filter.method === method) && (filter.tab === undefined || filter.tab === tab)) n += cells;
    }
    return n;
  }

  /** Cells moved per method (summed over tabs), sorted by name. */
  cellsByMethod(): Record<string, number> {
    return this.cellsBy(0);
  }

  /** Cells moved per tab (summed over methods), sorted by name. */
  cellsByTab(): Record<string, number> {
    return this.cellsBy(1);
  }

  private cellsBy(part: 0 | 1): Record<string, number> {
    const out = new Map<string, number>();
    for (const [key, cells] of this.cells) {
      const name = splitCellKey(key)[part];
      out.set(name, (out.get(name) ?? 0) + cells);
    }
    return Object.fromEntries([...out.entries()].sort(([a], [b]) => a.localeCompare(b)));
  }

  count(name: string): number {
    return this.counts.get(name) ?? 0;
  }

  /** Calls per method name, sorted by name, for exact comparisons. */
  byMethod(): Record<string, number> {
    return Object.fromEntries([...this.counts.entries()].sort(([a], [b]) => a.localeCompare(b)));
  }

  reset(): void {
    this.counts.clear();
    this.total = 0;
    this.cellsRead = 0;
    this.cells.clear();
  }

  error(message: string): Error {
    return new this.realm.Error(message);
  }

  date(ms: number): Date {
    return new this.realm.Date(ms);
  }

  /** An array of the bundle's realm. */
  array<T>(items: readonly T[]): T[] {
    return this.realm.Array.from(items);
  }
}

/** `Range.getValues Log bewaren` → ['Range.getValues', 'Log bewaren']: a method name has no space, a tab's may. */
function splitCellKey(key: string): [string, string] {
  const space = key.indexOf(' ');
  return [key.slice(0, space), key.slice(space + 1)];
}

/** Who runs an execution when a test does not say: the person who set up Cadans. */
export const DEFAULT_USER = 'joost@bureau.nl';

export const SCOPES = {
  spreadsheet: 'https://www.googleapis.com/auth/spreadsheets.currentonly',
  sendMail: 'https://www.googleapis.com/auth/script.send_mail',
  triggers: 'https://www.googleapis.com/auth/script.scriptapp',
  ui: 'https://www.googleapis.com/auth/script.container.ui',
  email: 'https://www.googleapis.com/auth/userinfo.email',
} as const;

/** The scope a counted call needs, by its service (…/concepts/scopes; each method's "Authorization"). */
function scopeOf(name: string): string | null {
  if (/^(MailApp)\./.test(name)) return SCOPES.sendMail;
  if (/^(ScriptApp\.(newTrigger|getProjectTriggers|deleteTrigger)|ClockTriggerBuilder\.create)$/.test(name)) return SCOPES.triggers;
  if (/^(Spreadsheet|Sheet|Range|SpreadsheetApp\.getActive)/.test(name)) return SCOPES.spreadsheet;
  if (/^(Ui|SpreadsheetApp\.getUi|Spreadsheet\.toast)/.test(name)) return SCOPES.ui;
  if (/^User\.getEmail$/.test(name)) return SCOPES.email;
  return null;
}

/** True for a Date of any realm. */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}
