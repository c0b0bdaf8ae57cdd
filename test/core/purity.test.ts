import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The functional core must run anywhere: in Apps Script, in Node, in a test. It may not reach for
// an Apps Script service, the browser, or Node.
const CORE = join(__dirname, '../../src/core');
const FORBIDDEN = /\b(SpreadsheetApp|Utilities|MailApp|GmailApp|ScriptApp|HtmlService|LockService|PropertiesService|CacheService|Session|document|window|process|require)\b\s*[.(]/;

describe('src/core', () => {
  const files = readdirSync(CORE).filter((f) => f.endsWith('.ts'));

  it('has its rules in files of their own', () => {
    expect(files.sort()).toEqual([
      'accounts.ts',
      'aftersales.ts',
      'cadence.ts',
      'capacity.ts',
      'cell-text.ts',
      'concentration.ts',
      'dates.ts',
      'digest.ts',
      'health.ts',
      'holidays.ts',
      'introduction.ts',
      'kpi.ts',
      'locale.ts',
      'notes.ts',
      'parse.ts',
      'pipeline.ts',
      'plan.ts',
      'portfolio.ts',
      'prep.ts',
      'quarter.ts',
      'referrals.ts',
      'report-settings.ts',
      'risk.ts',
      'tierAdvice.ts',
      'tiers.ts',
      'vocabulary.ts',
    ]);
  });

  it.each(files)('%s uses no Apps Script service, browser or Node global', (file) => {
    const code = readFileSync(join(CORE, file), 'utf8').replace(/\/\/.*$/gm, '').replace(/\/\*[\s\S]*?\*\//g, '');
    expect(code.match(FORBIDDEN)?.[0] ?? null).toBeNull();
    expect(code).not.toMatch(/from '(node:|\.\.\/(apps-script|local|ui|engine|workbook))/);
  });
});
