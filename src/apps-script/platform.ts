// What the real platform adds to a run (issue 9): who the run is (a trigger runs as the account
// that installed it), which permissions that account granted (granular consent lets a user untick
// any scope), and the one on/off switch and sender of the reminders, kept in the document's
// properties so that every editor sees and changes the same ones.

import type { Language } from '../core/locale';
import { catalogue, fill } from '../i18n/catalogue';

/** The manifest's scopes (appsscript.json), by what they allow. */
export const SCOPES = {
  spreadsheet: 'https://www.googleapis.com/auth/spreadsheets.currentonly',
  sendMail: 'https://www.googleapis.com/auth/script.send_mail',
  triggers: 'https://www.googleapis.com/auth/script.scriptapp',
  ui: 'https://www.googleapis.com/auth/script.container.ui',
  email: 'https://www.googleapis.com/auth/userinfo.email',
} as const;

export type ScopeKey = keyof typeof SCOPES;

/**
 * The scopes of these the running account has not granted. ScriptApp.getAuthorizationInfo with
 * a list of scopes answers for those only (developers.google.com/apps-script/reference/script/script-app).
 */
export function missingScopes(keys: readonly ScopeKey[]): ScopeKey[] {
  const urls = keys.map((k) => SCOPES[k]);
  // @types/google-apps-script predates granular consent: the two-argument form and
  // getAuthorizedScopes() are in the reference (…/reference/script/authorization-info) but not the types.
  const script = ScriptApp as unknown as { getAuthorizationInfo(mode: unknown, scopes: string[]): { getAuthorizedScopes(): string[] } };
  const granted = new Set(script.getAuthorizationInfo(ScriptApp.AuthMode.FULL, urls).getAuthorizedScopes());
  return keys.filter((k) => !granted.has(SCOPES[k]));
}

export function scopeNames(keys: readonly ScopeKey[], language: Language): string {
  const names = catalogue(language).platform.scopeNames;
  return keys.map((k) => names[k]).join(', ');
}

/** The account this execution runs as; '' when it did not grant Cadans to see its address. */
export function currentUser(): string {
  try {
    return String(Session.getEffectiveUser().getEmail() ?? '').trim().toLowerCase();
  } catch {
    return '';
  }
}

/** The reminders' switch, shared by every editor (document properties). */
export interface ReminderSwitch {
  on: boolean;
  /** The account whose trigger sends; the one that last turned them on. */
  sender: string | null;
}

const SWITCH_KEY = 'cadans.reminders';

/** Null when no editor has used the switch yet (a workbook from before issue 9). */
export function readSwitch(): ReminderSwitch | null {
  const raw = PropertiesService.getDocumentProperties().getProperty(SWITCH_KEY);
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as Partial<ReminderSwitch>;
    return { on: parsed.on === true, sender: typeof parsed.sender === 'string' && parsed.sender ? parsed.sender : null };
  } catch {
    return null;
  }
}

export function writeSwitch(value: ReminderSwitch): void {
  PropertiesService.getDocumentProperties().setProperty(SWITCH_KEY, JSON.stringify(value));
}

/** "Reminders sent on behalf of anna@..." or "Reminders are off", for every editor to see. */
export function switchLine(value: ReminderSwitch | null, language: Language): string {
  const words = catalogue(language).platform;
  if (value?.on && value.sender) return fill(words.senderIs, { sender: value.sender });
  if (value?.sender) return fill(words.senderOff, { sender: value.sender });
  return words.senderNone;
}
