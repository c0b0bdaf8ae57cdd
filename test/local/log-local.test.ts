// Issue 9: the bounded Log in the local runner, which has no document properties: each run reads
// the Log once and lays it out again, one row per distinct open problem.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/local/cli';

async function logRows(path: string): Promise<unknown[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  const rows: unknown[][] = [];
  book.getWorksheet('Log')!.eachRow((row) => void rows.push((row.values as unknown[]).slice(1)));
  return rows.slice(1);
}

describe('the Log of cadans run', () => {
  it('keeps one row per open problem across runs, counting the runs that saw it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cadans-log-'));
    const quiet = () => {};
    await run(['run', '--out', join(dir, 'a'), '--today', '2026-11-24'], quiet);
    const first = await logRows(join(dir, 'a', 'cadans-voorbeeld.xlsx'));
    const problems = (rows: unknown[][]) => rows.filter((r) => r[1] === 'probleem');
    expect(problems(first).map((r) => [r[2], r[3], r[9]])).toEqual([
      ['Relaties', 14, 1],
      ['Touchpoints', 57, 1],
    ]);
    await run(['run', '--workbook', join(dir, 'a', 'cadans-voorbeeld.xlsx'), '--out', join(dir, 'b'), '--today', '2026-11-24'], quiet);
    const second = await logRows(join(dir, 'b', 'cadans-voorbeeld.xlsx'));
    expect(problems(second).map((r) => [r[2], r[3], r[9]])).toEqual([
      ['Relaties', 14, 2],
      ['Touchpoints', 57, 2],
    ]);
    // Everything else of the first run is still there, in order, as history.
    expect(second.filter((r) => r[1] !== 'probleem').slice(0, first.length - 2).map((r) => r[6])).toEqual(first.filter((r) => r[1] !== 'probleem').map((r) => r[6]));
  });
});
