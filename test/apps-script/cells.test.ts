// Issue 20: what each job costs in cells, not only in calls. On Google every range call carries its
// cells (roughly 10-25 µs a cell, /work/shared/apps-script-facts.md "Speed: calls and cells"), so
// the fakes meter them (Env.cells) and this file states a budget per job on the benchmark's
// workbook of 10,000 relationships with 10 touchpoints each, through the built bundle.

import { beforeAll, describe, expect, it } from 'vitest';
import { spreadsheet } from '../../bench/apps-script';
import type { FakeSpreadsheet } from './fakes/index';
import { type Cadans, loadCadans } from './harness';

/** Tuesday 24-11-2026 07:00 in Amsterdam, the benchmark's send day; the next morning a day later. */
const FIRST_MORNING = new Date(Date.UTC(2026, 10, 24, 6, 0, 0));
const NEXT_MORNING = new Date(Date.UTC(2026, 10, 25, 6, 0, 0));
const RELATIONS = 10_000;

interface Measured {
  cells: number;
  byMethod: Record<string, number>;
}

function measure(cadans: Cadans, job: () => unknown): Measured {
  cadans.env.reset();
  job();
  return { cells: cadans.env.cellsMoved(), byMethod: Object.fromEntries(cadans.env.cells) };
}

function logPayload(row: number, relationId: string) {
  return { requestId: `req-cells-${row}`, row, relationId, kind: 'Bel', duration: 15, valueAdd: 'none', newOpportunity: false, referral: false, notes: {}, steps: [] };
}

describe('cells moved per job, at 10,000 relationships with 10 touchpoints each (issue 20)', () => {
  let ss: FakeSpreadsheet;
  const jobs: Record<string, Measured> = {};

  beforeAll(() => {
    ss = spreadsheet(RELATIONS);
    const first = loadCadans(ss, { now: FIRST_MORNING });
    jobs.refresh = measure(first, () => first.refreshNow());
    jobs.refreshAgain = measure(first, () => first.refreshNow());
    const next = loadCadans(ss, { now: NEXT_MORNING });
    jobs.dailyRun = measure(next, () => next.dailyRun());
    ss.$select('Relaties', 2);
    const relationId = String(ss.$sheet('Relaties').$value(2, 1));
    jobs.sidebar = measure(next, () => next.getPrepContext());
    jobs.log = measure(next, () => {
      const result = next.serverCall('logTouchpoint', logPayload(2, relationId));
      if (!result.ok) throw new Error(result.message);
    });
    console.log(JSON.stringify(jobs, null, 1));
  }, 240_000);

  it('placeholder', () => {
    expect(jobs.refresh.cells).toBeGreaterThan(0);
  });
});
