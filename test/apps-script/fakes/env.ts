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
  mode: Mode = 'FULL';
  /**
   * False while a time-driven trigger runs: there is no user to show anything to, and
   * SpreadsheetApp.getUi() throws "Cannot call SpreadsheetApp.getUi() from this context."
   */
  uiAvailable = true;
  /** Replaced by the harness with the vm context's constructors once the context exists. */
  realm: Realm = { Date, Array, Error };

  /** Counts one service call, or throws as Apps Script does when the mode forbids it. */
  hit(name: string, kind: CallKind): void {
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
    this.total++;
    const denied =
      (this.mode === 'NONE' && (kind === 'read' || kind === 'write' || kind === 'service')) ||
      (this.mode === 'CUSTOM_FUNCTION' && (kind === 'write' || kind === 'ui' || kind === 'service'));
    if (denied) throw this.error(`You do not have permission to call ${name}`);
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

/** True for a Date of any realm. */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}
