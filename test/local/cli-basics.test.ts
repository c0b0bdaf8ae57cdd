// The cadans command as a terminal user meets it: a version, help for a bare command and for every
// command, help and errors in the language of LANG (Dutch by default), and for each mistake named
// in issue 14 one line on stderr naming the path and what to do, exit code 2, nothing written, no
// stack trace.

import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import pkg from '../../package.json';
import { Progress, run } from '../../src/local/cli';
import { XlsxFile } from '../../src/local/xlsx-file';
import { decimal, languageOfEnvironment, setTerminalLanguage } from '../../src/local/messages';

const exec = promisify(execFile);
const BIN = join(__dirname, '../../bin/cadans.mjs');

const DUTCH = { LANG: 'nl_NL.UTF-8' };
const ENGLISH = { LANG: 'en_GB.UTF-8' };

/** The built command in a fresh folder (or `cwd`), as a user runs it: exit code, stdout, stderr. */
async function cadans(args: string[], locale: Record<string, string> = {}, cwd = mkdtempSync(join(tmpdir(), 'cadans-cli-'))): Promise<{ code: number; stdout: string; stderr: string; cwd: string }> {
  const env = { ...process.env, LC_ALL: '', LC_MESSAGES: '', LANG: '', ...locale };
  try {
    const { stdout, stderr } = await exec(process.execPath, [BIN, ...args], { cwd, env });
    return { code: 0, stdout, stderr, cwd };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr, cwd };
  }
}

/** A refusal as issue 14 asks it: exit code 2, nothing on stdout, exactly this one line on stderr. */
function refused(r: { code: number; stdout: string; stderr: string }, line: string): void {
  expect([r.code, r.stdout, r.stderr]).toEqual([2, '', `cadans: ${line}\n`]);
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

describe('the cadans command', () => {
  it('tells its version with --version and -v', async () => {
    for (const flag of ['--version', '-v']) {
      const r = await cadans([flag]);
      expect([r.code, r.stdout, r.stderr]).toEqual([0, `cadans ${pkg.version}\n`, '']);
    }
  });

  it('shows its help when run bare, in Dutch by default and in English under an English LANG, and writes nothing', async () => {
    const nl = await cadans([]);
    expect(nl.code).toBe(0);
    expect(nl.stdout.split('\n')[0]).toBe('Cadans: contactritme voor relaties, op een .xlsx-werkboek');
    expect(nl.stdout).toContain('cadans init PAD.xlsx [--lang nl|en] [--empty] [--force]');
    expect(readdirSync(nl.cwd)).toEqual([]);
    const en = await cadans([], ENGLISH);
    expect(en.stdout.split('\n')[0]).toBe('Cadans: relationship cadence on an .xlsx workbook');
    expect(en.stdout).toContain('cadans run [--workbook PATH.xlsx]');
    expect(readdirSync(en.cwd)).toEqual([]);
  });

  it('has --help (and -h, and cadans help COMMAND) on every command, each naming its own options', async () => {
    const expected: Record<string, string[]> = {
      run: ['cadans run [--workbook PATH.xlsx]', '--smtp-timeout SECONDS', '--lock-wait SECONDS', '--from ADDRESS'],
      init: ['cadans init PATH.xlsx [--lang nl|en] [--empty] [--force]'],
      check: ['cadans check --workbook PATH.xlsx'],
      organisations: ['cadans organisations --workbook PATH.xlsx [--out DIR]'],
    };
    for (const [command, parts] of Object.entries(expected)) {
      for (const args of [[command, '--help'], [command, '-h'], ['help', command]]) {
        const r = await cadans(args, ENGLISH);
        expect([r.code, r.stderr]).toEqual([0, '']);
        expect(r.stdout.startsWith(`cadans ${command}`)).toBe(true);
        for (const part of parts) expect(r.stdout).toContain(part);
        expect(readdirSync(r.cwd)).toEqual([]);
      }
    }
    const nl = await cadans(['run', '--help'], DUTCH);
    expect(nl.stdout).toContain('--today JJJJ-MM-DD       rekent alsof het die dag is');
  });

  it('reads the language from LC_ALL, then LC_MESSAGES, then LANG; Dutch when none is English', () => {
    expect(languageOfEnvironment({})).toBe('nl');
    expect(languageOfEnvironment({ LANG: 'C.UTF-8' })).toBe('nl');
    expect(languageOfEnvironment({ LANG: 'en_US.UTF-8' })).toBe('en');
    expect(languageOfEnvironment({ LANG: 'en' })).toBe('en');
    expect(languageOfEnvironment({ LANG: 'de_DE.UTF-8' })).toBe('nl');
    expect(languageOfEnvironment({ LANG: 'en_US.UTF-8', LC_MESSAGES: 'nl_NL.UTF-8' })).toBe('nl');
    expect(languageOfEnvironment({ LANG: 'nl_NL.UTF-8', LC_ALL: 'en_IE.UTF-8', LC_MESSAGES: 'nl_NL' })).toBe('en');
    expect(languageOfEnvironment({ LANG: 'nl_NL.UTF-8', LC_ALL: '' })).toBe('nl');
    expect(languageOfEnvironment({ LANG: 'english' })).toBe('nl');
  });
});

describe('every mistake is one line naming the path and what to do, with exit code 2', () => {
  it('init under a name that is not .xlsx', async () => {
    const r = await cadans(['init', 'relaties.csv'], ENGLISH);
    refused(r, 'cadans init writes an .xlsx workbook; give the file a name ending in .xlsx (e.g. relaties.xlsx)');
    expect(existsSync(join(r.cwd, 'relaties.csv'))).toBe(false);
    refused(await cadans(['init', 'relaties.csv']), 'cadans init schrijft een .xlsx-werkboek; geef het bestand een naam die eindigt op .xlsx (bijvoorbeeld relaties.xlsx)');
  });

  it('init over an existing file, and init with a language Cadans does not speak', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cadans-cli-'));
    writeFileSync(join(dir, 'relaties.xlsx'), 'mijn gegevens');
    refused(await cadans(['init', 'relaties.xlsx'], DUTCH, dir), 'relaties.xlsx bestaat al; Cadans overschrijft het niet (gebruik --force om het te vervangen, of kies een andere naam)');
    refused(await cadans(['init', 'nieuw.xlsx', '--lang', 'fr'], ENGLISH, dir), '--lang must be nl or en; got "fr"');
    expect(readdirSync(dir)).toEqual(['relaties.xlsx']);
  });

  it('a workbook that does not exist', async () => {
    const r = await cadans(['run', '--workbook', 'nergens.xlsx'], ENGLISH);
    refused(r, 'Cannot read workbook nergens.xlsx: no such file; check the name and the folder');
    expect(readdirSync(r.cwd)).toEqual([]);
  });

  it('a folder given as the workbook', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cadans-cli-'));
    mkdirSync(join(dir, 'export.xlsx'));
    refused(await cadans(['run', '--workbook', 'export.xlsx'], DUTCH, dir), 'Kan werkboek export.xlsx niet lezen: dat is een map, geen bestand; geef het pad van een .xlsx-bestand');
    expect(readdirSync(dir)).toEqual(['export.xlsx']);
  });

  it('a .csv given as the workbook: its own message, not the zip library\'s', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cadans-cli-'));
    writeFileSync(join(dir, 'relaties.csv'), 'ID;Naam;Tier\nR001;Marieke;A\n');
    const r = await cadans(['run', '--workbook', 'relaties.csv'], ENGLISH, dir);
    refused(r, 'Cannot read workbook relaties.csv: this is a CSV file, not an .xlsx workbook. Open it in Excel or LibreOffice, save it as Excel Workbook (.xlsx), and run again');
    expect(r.stderr).not.toMatch(/zip|central directory/i);
    expect(readdirSync(dir)).toEqual(['relaties.csv']);
  });

  it('a damaged workbook, told wholly in the terminal\'s language', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cadans-cli-'));
    writeFileSync(join(dir, 'kapot.xlsx'), Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(64, 7)]));
    const r = await cadans(['run', '--workbook', 'kapot.xlsx'], DUTCH, dir);
    expect([r.code, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toMatch(/^cadans: Kan werkboek kapot\.xlsx niet lezen: het zip-pakket is beschadigd of onvolledig \(.*\); open het in Excel of LibreOffice, sla het op en probeer opnieuw\n$/);
    expect(readdirSync(dir)).toEqual(['kapot.xlsx']);
  });

  it('a workbook that cannot be read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cadans-cli-'));
    // /proc/self/mem exists and is a file, but reading it from the start fails (EIO), also for root.
    const r = await cadans(['run', '--workbook', '/proc/self/mem'], ENGLISH, dir);
    refused(r, 'Cannot read workbook /proc/self/mem: the file could not be read or written (input/output error); copy it to another place and run again');
    expect(readdirSync(dir)).toEqual([]);
    if (process.getuid?.() !== 0) {
      // Permissions mean nothing to root; as anyone else a file without read permission is refused.
      writeFileSync(join(dir, 'dicht.xlsx'), 'x');
      chmodSync(join(dir, 'dicht.xlsx'), 0o000);
      refused(await cadans(['run', '--workbook', 'dicht.xlsx'], ENGLISH, dir), 'Cannot read workbook dicht.xlsx: permission denied; choose a place you can write to, or change its permissions');
    }
  });

  it('an existing file given as --out', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cadans-cli-'));
    writeFileSync(join(dir, 'uitvoer'), 'iets');
    refused(await cadans(['run', '--out', 'uitvoer'], ENGLISH, dir), `Cannot write to ${join(dir, 'uitvoer')}: it is a file, not a folder; choose another --out`);
    refused(await cadans(['run', '--out', 'uitvoer'], DUTCH, dir), `Kan niet schrijven naar ${join(dir, 'uitvoer')}: dat is een bestand, geen map; kies een andere map met --out`);
    expect(readdirSync(dir)).toEqual(['uitvoer']);
  });

  it('bad options: unknown, without a value, of another command, a bad value, an unknown command, a stray argument', async () => {
    const cases: Array<[string[], string]> = [
      [['run', '--wokbook', 'x.xlsx'], 'Unknown option --wokbook; see cadans run --help for the options'],
      [['run', '--workbook'], '--workbook needs a value, e.g. --workbook relaties.xlsx'],
      [['init', 'a.xlsx', '--smtp', 'smtp://localhost'], '--smtp is not an option of cadans init; see cadans init --help for the options'],
      [['check', '--workbook', 'a.xlsx', '--today', '2026-11-24'], '--today is not an option of cadans check; see cadans check --help for the options'],
      [['run', '--today', '24-11-2026'], '--today must be a date as YYYY-MM-DD, e.g. 2026-02-03; got "24-11-2026"'],
      [['run', '--smtp', 'localhost'], '--smtp must look like smtp://host:port; got "localhost"'],
      [['run', '--lock-wait', 'lang'], '--lock-wait must be a number of seconds, e.g. 30; got "lang"'],
      [['run', '--empty=ja'], '--empty takes no value; see cadans run --help'],
      [['frob'], 'Unknown command "frob"; the commands are run, init, check and organisations (see cadans --help)'],
      [['run', 'relaties.xlsx'], 'Unexpected argument "relaties.xlsx" for cadans run; see cadans run --help'],
      [['check'], 'cadans check needs a workbook: --workbook PATH.xlsx'],
      [['init'], 'cadans init needs a file name, e.g. cadans init relations.xlsx'],
    ];
    for (const [args, line] of cases) {
      const r = await cadans(args, ENGLISH);
      refused(r, line);
      expect(readdirSync(r.cwd)).toEqual([]);
    }
    refused(await cadans(['run', '--wokbook', 'x.xlsx']), 'Onbekende optie --wokbook; zie cadans run --help voor de opties');
  });
});

describe('progress lines', () => {
  it('stay quiet for a quick run and tell every step, with the time taken, once a run is slow', async () => {
    const quick: string[] = [];
    const p = new Progress((l) => quick.push(l));
    p.step('Reading');
    p.step('Computing');
    p.done();
    expect(quick).toEqual([]);

    const slow: string[] = [];
    const q = new Progress((l) => slow.push(l));
    q.step('Reading a.xlsx (30.0 MB) ...');
    // An asynchronous step that takes longer than the threshold is told while it runs.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(slow).toEqual(['Reading a.xlsx (30.0 MB) ...']);
    q.step('Computing ...');
    q.step('Writing ...');
    expect(slow).toEqual(['Reading a.xlsx (30.0 MB) ...', 'Computing ...', 'Writing ...']);
    q.done();
    q.done();
    expect(slow).toHaveLength(4);
    // In the terminal's language, with its decimal mark: "Klaar in 3,0 s", "Done in 3.0 s".
    expect(slow.at(-1)).toMatch(/^Klaar in \d+,\d s$|^Done in \d+\.\d s$/);
  });

  it('write decimals as the terminal\'s language does', () => {
    setTerminalLanguage('nl');
    expect(decimal(17.14, 1)).toBe('17,1');
    setTerminalLanguage('en');
    expect(decimal(17.14, 1)).toBe('17.1');
  });

  it('are told from the start for a large workbook', () => {
    const lines: string[] = [];
    const p = new Progress((l) => lines.push(l));
    p.loud();
    p.step('Reading big.xlsx (25.3 MB) ...');
    expect(lines).toEqual(['Reading big.xlsx (25.3 MB) ...']);
  });
});

describe('the summary', () => {
  it('lists the first 20 problems and counts the rest, which the Log holds', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cadans-cli-'));
    expect(await run(['init', join(dir, 'sample.xlsx')], () => {})).toBe(0);
    const book = await XlsxFile.open(join(dir, 'sample.xlsx'));
    // Every relationship's Laatste contact (H) and Tier (G) unreadable: 30 problems, and the sample's R099.
    book.sheet('Relaties').write(2, 7, Array.from({ length: 15 }, () => ['Z', 'gisteren']));
    writeFileSync(join(dir, 'bad.xlsx'), await book.toBuffer());
    const lines: string[] = [];
    await run(['run', '--workbook', join(dir, 'bad.xlsx'), '--today', '2026-11-24', '--out', join(dir, 'out')], (l) => lines.push(l), new Date(Date.UTC(2026, 10, 24, 7)));
    const at = lines.indexOf('Problemen: 31');
    expect(at).toBeGreaterThan(0);
    expect(lines.slice(at + 1, at + 21).every((l) => /^ {2}(Relaties|Touchpoints), rij \d+/.test(l))).toBe(true);
    expect(lines[at + 21]).toBe('  ... en nog 11; ze staan allemaal in de Log');
    expect(lines[at + 22]).toBe(`Geschreven: ${join(dir, 'out', 'bad.xlsx')}`);
  });
});
