// dist/ as Apps Script sees it: top-level entry points with their JSDoc, nothing else callable,
// the narrowest scopes, and a bundle that runs with no Node globals.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundleSource, CONTEXT_GLOBALS, CUSTOM_FUNCTIONS, DIST_DIR, ENTRY_POINTS, loadCadans } from './harness';

const source = bundleSource();

/** Names of functions declared at the top level (column 0) of the bundle. */
function topLevelFunctionDeclarations(): string[] {
  return [...source.matchAll(/^function\s+([A-Za-z_$][\w$]*)\s*\(/gm)].map((m) => m[1]);
}

/** The comment block directly before `function NAME(`, or null when code or nothing precedes it. */
function jsdocBefore(name: string): string | null {
  const at = source.search(new RegExp(`^function ${name}\\(`, 'm'));
  if (at < 0) return null;
  const before = source.slice(0, at).replace(/\s+$/, '');
  if (!before.endsWith('*/')) return null;
  const start = before.lastIndexOf('/**');
  return start < 0 ? null : before.slice(start);
}

describe('dist/Cadans.js', () => {
  it.each(ENTRY_POINTS)('declares %s as a top-level function', (name) => {
    expect(source).toMatch(new RegExp(`^function ${name}\\(`, 'm'));
  });

  it.each(Object.entries(CUSTOM_FUNCTIONS))('gives %s a JSDoc block with @customfunction and its parameters', (name, params) => {
    const jsdoc = jsdocBefore(name);
    expect(jsdoc, `${name} has no JSDoc directly before it`).not.toBeNull();
    expect(jsdoc).toMatch(/@customfunction\b/);
    const documented = [...jsdoc!.matchAll(/@param\s+\{[^}]*\}\s+\[?([\w$]+)/g)].map((m) => m[1]);
    expect(documented).toEqual([...params]);
    // The declaration takes the same parameters, so Sheets shows the names the JSDoc explains.
    const declared = new RegExp(`^function ${name}\\(([^)]*)\\)`, 'm').exec(source)![1].split(',').map((p) => p.trim());
    expect(declared).toEqual([...params]);
  });

  it('declares no other top-level function, except private ones ending in _', () => {
    const others = topLevelFunctionDeclarations().filter((n) => !(ENTRY_POINTS as readonly string[]).includes(n) && !n.endsWith('_'));
    expect(others).toEqual([]);
    // And at run time: the only functions on the global object are the entry points.
    const cadans = loadCadans();
    const visible = Object.keys(cadans.functions).filter((n) => !n.endsWith('_'));
    expect(visible.sort()).toEqual([...ENTRY_POINTS].sort());
  });

  it('runs in a context with no Node globals', () => {
    const cadans = loadCadans();
    for (const name of ['require', 'process', 'Buffer', 'setTimeout', 'setInterval', 'setImmediate', 'module', 'exports', 'global', '__dirname']) {
      expect(cadans.evaluate(`typeof ${name}`), name).toBe('undefined');
    }
    // The context holds the fakes and the bundle's own names, nothing of Node's.
    const own = Object.getOwnPropertyNames(cadans.context).filter((n) => !n.endsWith('_')).sort();
    expect(own).toEqual([...CONTEXT_GLOBALS, 'Cadans', ...ENTRY_POINTS].sort());
    // The bundle ran: its namespace object holds every entry point.
    for (const name of ENTRY_POINTS) expect(cadans.evaluate(`typeof Cadans.${name}`), name).toBe('function');
    // And it works: a custom function computes through it.
    expect(cadans.formula('RELATION_TIER', [[100], [0]])).toEqual([['A'], ['C']]);
  });
});

describe('dist/appsscript.json', () => {
  const manifest = JSON.parse(readFileSync(`${DIST_DIR}appsscript.json`, 'utf8'));

  it('runs on V8', () => {
    expect(manifest.runtimeVersion).toBe('V8');
  });

  it('asks for exactly the current spreadsheet, sending mail, triggers, its UI and who the user is, nothing broader', () => {
    // Not gmail.* (MailApp needs only script.send_mail) and not auth/spreadsheets (every sheet of the user).
    // userinfo.email: the reminders' one sender is an account every editor can see (issue 9).
    expect([...manifest.oauthScopes].sort()).toEqual([
      'https://www.googleapis.com/auth/script.container.ui',
      'https://www.googleapis.com/auth/script.scriptapp',
      'https://www.googleapis.com/auth/script.send_mail',
      'https://www.googleapis.com/auth/spreadsheets.currentonly',
      'https://www.googleapis.com/auth/userinfo.email',
    ]);
    expect(new Set(manifest.oauthScopes).size).toBe(manifest.oauthScopes.length);
  });

  it('goes with a bundle that uses only services those scopes cover', () => {
    // With oauthScopes declared, Apps Script does not add scopes: a call to GmailApp, DriveApp,
    // UrlFetchApp or SpreadsheetApp.openById would fail for the user at run time. Session only for
    // the running account's address (userinfo.email).
    // PropertiesService (the sidebar's request IDs, in the document's properties), HtmlService and
    // LockService need no scope at all.
    const services = new Set([...source.matchAll(/\b([A-Z][A-Za-z]*(?:App|Service))\.[a-zA-Z]+/g)].map((m) => m[1]));
    expect([...services].sort()).toEqual(['HtmlService', 'LockService', 'MailApp', 'PropertiesService', 'ScriptApp', 'SpreadsheetApp']);
    expect(source).not.toMatch(/\b(GmailApp|DriveApp|UrlFetchApp|CacheService)\b/);
    expect([...source.matchAll(/Session\.(\w+)/g)].map((m) => m[1]).filter((m) => m !== 'getScriptTimeZone')).toEqual(['getEffectiveUser']);
    // Only the document's own properties: the user's or the script's would need no scope either,
    // but would share request IDs across spreadsheets or users.
    expect([...new Set([...source.matchAll(/PropertiesService\.(\w+)/g)].map((m) => m[1]))]).toEqual(['getDocumentProperties']);
    expect(source).not.toMatch(/SpreadsheetApp\.(openById|openByUrl|open|create)\(/);
  });

  it('is pushed by npm run push without clasp\'s hidden question', () => {
    // clasp 3 asks "Manifest file has been updated. Do you want to push and overwrite?" (default
    // No) unless --force: a non-interactive shell would skip the push (issue 9).
    const scripts = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).scripts;
    expect(scripts.push).toBe('node scripts/build.mjs && clasp push --force');
  });

  it('is the manifest in the repository', () => {
    expect(manifest).toEqual(JSON.parse(readFileSync(new URL('../../appsscript.json', import.meta.url), 'utf8')));
  });
});
