// Utilities.formatDate(date, timeZone, pattern) for the SimpleDateFormat letters Cadans uses
// (y M d H m s Z and quoted text), on Intl's time-zone data. Another letter throws, so that a new
// use shows up here instead of silently formatting wrong.

import { type Env, isDate } from './env';

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock time of an instant in a zone, from Intl (shared with the harness). */
export function wallClock(ms: number, timeZone: string) {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  const parts = f.formatToParts(new Date(ms));
  const n: Record<string, number> = {};
  for (const p of parts) if (p.type !== 'literal') n[p.type] = Number(p.value);
  return { year: n.year, month: n.month, day: n.day, hour: n.hour % 24, minute: n.minute, second: n.second };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function formatDate(date: Date, timeZone: string, pattern: string): string {
  const ms = date.getTime();
  const w = wallClock(ms, timeZone);
  const offsetMinutes = Math.round((Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - Math.floor(ms / 1000) * 1000) / 60_000);
  let out = '';
  for (let i = 0; i < pattern.length; ) {
    const ch = pattern[i];
    if (ch === "'") {
      const end = pattern.indexOf("'", i + 1);
      out += end === i + 1 ? "'" : pattern.slice(i + 1, end < 0 ? undefined : end);
      i = end < 0 ? pattern.length : end + 1;
      continue;
    }
    if (!/[a-zA-Z]/.test(ch)) {
      out += ch;
      i++;
      continue;
    }
    let run = 1;
    while (pattern[i + run] === ch) run++;
    switch (ch) {
      case 'y':
        out += run === 2 ? pad(w.year % 100) : pad(w.year, run);
        break;
      case 'M':
        out += pad(w.month, run);
        break;
      case 'd':
        out += pad(w.day, run);
        break;
      case 'H':
        out += pad(w.hour, run);
        break;
      case 'm':
        out += pad(w.minute, run);
        break;
      case 's':
        out += pad(w.second, run);
        break;
      case 'Z': {
        const abs = Math.abs(offsetMinutes);
        out += `${offsetMinutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}${pad(abs % 60)}`;
        break;
      }
      default:
        throw new Error(`fake Utilities.formatDate: pattern letter '${ch}' not supported (pattern ${pattern})`);
    }
    i += run;
  }
  return out;
}

export function makeUtilities(env: Env) {
  return {
    formatDate(date: Date, timeZone: string, pattern: string): string {
      env.hit('Utilities.formatDate', 'local');
      if (!isDate(date) || typeof timeZone !== 'string' || typeof pattern !== 'string') {
        throw env.error("The parameters don't match the method signature for Utilities.formatDate.");
      }
      try {
        return formatDate(date, timeZone, pattern);
      } catch (error) {
        throw env.error((error as Error).message);
      }
    },
  };
}
