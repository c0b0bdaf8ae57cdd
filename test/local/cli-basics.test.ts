// The cadans command as a terminal user meets it: a version, help for a bare command, and a one-line
// error with exit code 2 for each mistake named in issue 14, nothing written, no stack trace.

import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import pkg from '../../package.json';

const exec = promisify(execFile);
const BIN = join(__dirname, '../../bin/cadans.mjs');

/** The built command in a fresh folder, as a user runs it: exit code, stdout, stderr. */
async function cadans(args: string[]): Promise<{ code: number; stdout: string; stderr: string; cwd: string }> {
  const cwd = mkdtempSync(join(tmpdir(), 'cadans-cli-'));
  try {
    const { stdout, stderr } = await exec(process.execPath, [BIN, ...args], { cwd });
    return { code: 0, stdout, stderr, cwd };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr, cwd };
  }
}

describe('the cadans command', () => {
  it('tells its version with --version and -v', async () => {
    for (const flag of ['--version', '-v']) {
      const r = await cadans([flag]);
      expect([r.code, r.stdout, r.stderr]).toEqual([0, `cadans ${pkg.version}\n`, '']);
    }
  });

  it('shows its help when run bare, and writes nothing', async () => {
    const r = await cadans([]);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('Cadans: relationship cadence on an .xlsx workbook');
    expect(r.stdout).toContain('cadans run [--workbook PATH.xlsx]');
    expect(readdirSync(r.cwd)).toEqual([]);
  });

  it('refuses to write the template under a name that is not .xlsx, in one line with exit code 2', async () => {
    const r = await cadans(['init', 'relaties.csv']);
    expect([r.code, r.stdout, r.stderr]).toEqual([2, '', 'cadans: cadans init writes an .xlsx workbook; give the file a name ending in .xlsx (e.g. relaties.xlsx)\n']);
    expect(existsSync(join(r.cwd, 'relaties.csv'))).toBe(false);
  });

  it('names an unknown option in one line with exit code 2', async () => {
    const r = await cadans(['run', '--wokbook', 'x.xlsx']);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')).toHaveLength(2);
    expect(r.stderr).toMatch(/^cadans: Unknown option '--wokbook'/);
    expect(readdirSync(r.cwd)).toEqual([]);
  });
});
