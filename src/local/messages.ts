// The terminal's language: help, progress and errors speak the language of LANG (LC_ALL and
// LC_MESSAGES first, as POSIX orders them); Dutch by default, English for en_*. The summary of a
// run speaks the workbook's language instead (src/local/summary.ts).

import type { Language } from '../core/locale';
import { catalogue, fill } from '../i18n/catalogue';

type Words = ReturnType<typeof catalogue>['cli'];
type Line = { [K in keyof Words]: Words[K] extends string ? K : never }[keyof Words];

export function languageOfEnvironment(env: Record<string, string | undefined> = process.env): Language {
  const value = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^en(?:[_.@-]|$)/i.test(value) ? 'en' : 'nl';
}

/** One language per process: `cadans` sets it once, before anything can go wrong. */
let current: Language = languageOfEnvironment();

export function setTerminalLanguage(language: Language): void {
  current = language;
}

export function terminalLanguage(): Language {
  return current;
}

export function terminalWords(): Words {
  return catalogue(current).cli;
}

/** A line of the terminal's own, filled in. */
export function say(line: Line, params: Record<string, string | number> = {}): string {
  return fill(terminalWords()[line], params);
}

/** What is wrong with a file Cadans cannot update, filled in. */
export function formProblem(key: keyof Words['form'], params: Record<string, string | number> = {}): string {
  return fill(terminalWords().form[key], params);
}

/** A number with `digits` decimals, written as the terminal's language writes it (3,5 in Dutch). */
export function decimal(n: number, digits: number): string {
  const text = n.toFixed(digits);
  return current === 'nl' ? text.replace('.', ',') : text;
}
