import { describe, expect, it } from 'vitest';
import { concentrationOf } from '../../src/core/concentration';
import { DEFAULT_REPORT_SETTINGS, type ReportSettings } from '../../src/core/report-settings';
import { proposalsPerWeek, type RevenueClient, riskReport } from '../../src/core/risk';

const client = (id: string, revenue: number | null, retainer: number | null = null, type: RevenueClient['type'] = 'client'): RevenueClient => ({
  id,
  name: `Klant ${id}`,
  organisation: `Org ${id}`,
  type,
  revenue,
  retainer,
});

function withCash(months: number | null, days: number | null = null): ReportSettings {
  return { ...DEFAULT_REPORT_SETTINGS, cashReserve: { ...DEFAULT_REPORT_SETTINGS.cashReserve, actualMonths: months }, bookedAhead: { ...DEFAULT_REPORT_SETTINGS.bookedAhead, actualDays: days } };
}

describe('riskReport: the worked examples of the domain brief', () => {
  it('agency A, two clients at 50%: HHI 5,000, 2 effective clients, both key, each loss carried 6 months by 3 months of reserve', () => {
    const report = riskReport([client('A', 50_000), client('B', 50_000)], withCash(3));
    expect(report.concentration).toEqual({ hhi: 5000, largestShare: 0.5, top5Share: 1, effectiveClients: 2, verdict: 'high' });
    expect(report.clients.map((c) => [c.id, c.share, c.cumulativeShare, c.key, c.significant])).toEqual([
      ['A', 0.5, 0.5, true, true],
      ['B', 0.5, 1, true, true],
    ]);
    // 3 months of costs ÷ 0.5 of revenue lost = 6 months.
    expect(report.stress).toEqual([
      { id: 'A', name: 'Klant A', lostShare: 0.5, monthsCarried: 6 },
      { id: 'B', name: 'Klant B', lostShare: 0.5, monthsCarried: 6 },
    ]);
  });

  it('agency B, 5 clients making 50% and 10 sharing 50%: HHI 750, 13.3 effective, no key client, the five at 10% significant', () => {
    const revenues = [...Array(5).fill(100_000), ...Array(10).fill(50_000)];
    const report = riskReport(revenues.map((r, i) => client(String(i + 10), r)), withCash(3));
    expect(report.concentration).toEqual(concentrationOf(revenues));
    expect(report.concentration!.hhi).toBeCloseTo(750, 9);
    expect(report.concentration!.effectiveClients).toBeCloseTo(13.333333, 5);
    expect(report.clients.filter((c) => c.key)).toEqual([]);
    expect(report.clients.filter((c) => c.significant).map((c) => c.id)).toEqual(['10', '11', '12', '13', '14']);
    expect(report.clients[14].cumulativeShare).toBeCloseTo(1, 12);
    expect(report.stress).toEqual([]);
    expect(report.scorecard.find((s) => s.key === 'keyClientRisk')).toEqual({ key: 'keyClientRisk', figure: 0.1, mark: 'fair' });
  });

  it('one client at 70%: key-client risk, and losing it is carried 6/0.7 months by 6 months of reserve', () => {
    const report = riskReport([client('X', 70), client('Y', 10), client('Z', 10), client('W', 10)], withCash(6));
    expect(report.stress).toEqual([{ id: 'X', name: 'Klant X', lostShare: 0.7, monthsCarried: 6 / 0.7 }]);
    expect(report.scorecard.find((s) => s.key === 'keyClientRisk')).toEqual({ key: 'keyClientRisk', figure: 0.7, mark: 'poor' });
  });
});

describe('riskReport: who counts and in what order', () => {
  it('leaves out candidates and clients without revenue; equal revenues by name', () => {
    const report = riskReport([client('C2', 100), client('K', 500, null, 'candidate'), client('Z', 0), client('N', null), client('C1', 100), client('T', 200, null, null)], withCash(null));
    expect(report.totalRevenue).toBe(400);
    expect(report.clients.map((c) => c.id)).toEqual(['T', 'C1', 'C2']);
    expect(report.clients.map((c) => c.share)).toEqual([0.5, 0.25, 0.25]);
    expect(report.clients.map((c) => c.cumulativeShare)).toEqual([0.5, 0.75, 1]);
  });

  it('has no concentration and an unknown scorecard without revenue', () => {
    const report = riskReport([], withCash(null));
    expect(report.concentration).toBeNull();
    expect(report.scorecard.map((s) => [s.key, s.figure, s.mark])).toEqual([
      ['bookedAhead', null, 'unknown'],
      ['keyClientRisk', null, 'unknown'],
      ['recurringShare', null, 'unknown'],
      ['cashMonths', null, 'unknown'],
      ['proposalsPerWeek', null, 'unknown'],
    ]);
  });

  it('a key client is one at or above the threshold: exactly 20% is key, 19.9% is not', () => {
    const report = riskReport([client('A', 200), client('B', 199), client('C', 601)], withCash(null));
    expect(report.clients.map((c) => [c.id, c.key])).toEqual([['C', true], ['A', true], ['B', false]]);
    expect(report.stress.map((s) => s.monthsCarried)).toEqual([null, null]);
  });
});

describe('riskReport: the independence scorecard', () => {
  it('scores booked ahead, recurring share (12 × retainer ÷ revenue), cash months; proposals stay unknown', () => {
    // Revenue 100,000 + 100,000; retainers 2,500 and 0 a month: 30,000 a year = 15%.
    const settings = { ...withCash(4, 45), targets: { ...DEFAULT_REPORT_SETTINGS.targets, recurringShare: 0.2 } };
    const report = riskReport([client('A', 100_000, 2500), client('B', 100_000)], settings);
    expect(report.scorecard).toEqual([
      { key: 'bookedAhead', figure: 45, mark: 'fair' },
      { key: 'keyClientRisk', figure: 0.5, mark: 'poor' },
      { key: 'recurringShare', figure: 0.15, mark: 'poor' },
      { key: 'cashMonths', figure: 4, mark: 'fair' },
      { key: 'proposalsPerWeek', figure: null, mark: 'unknown' },
    ]);
  });

  it('gives good at the ideal and poor below the minimum; without a recurring target the share is information only', () => {
    const good = riskReport([client('A', 100, 5)], withCash(6, 60)).scorecard;
    expect(good.map((s) => s.mark)).toEqual(['good', 'poor', 'info', 'good', 'unknown']);
    expect(good[2].figure).toBe(0.6);
    const poor = riskReport([client('A', 100)], withCash(2.5, 29)).scorecard;
    expect(poor.map((s) => s.mark)).toEqual(['poor', 'poor', 'info', 'poor', 'unknown']);
  });
});

describe('proposalsPerWeek', () => {
  const today = 20_000;
  it('counts the proposals sent in the last 13 weeks up to today, per week', () => {
    // 13 weeks = 91 days: today - 90 counts, today - 91 does not; a date after today does not.
    const sent = [today, today - 1, today - 45, today - 90, today - 91, today + 1];
    expect(proposalsPerWeek(sent, today)).toBe(4 / 13);
    expect(proposalsPerWeek(Array.from({ length: 13 }, (_, i) => today - 7 * i), today)).toBe(1);
  });

  it('is 0 for a pipeline without proposals, and unknown (null) without a pipeline', () => {
    expect(proposalsPerWeek([], today)).toBe(0);
    expect(proposalsPerWeek(null, today)).toBeNull();
  });

  it('marks the scorecard good at the target of one a week, poor below, unknown without a pipeline', () => {
    const line = (proposals: number | null) => riskReport([], DEFAULT_REPORT_SETTINGS, proposals).scorecard.find((l) => l.key === 'proposalsPerWeek');
    expect(line(1)).toEqual({ key: 'proposalsPerWeek', figure: 1, mark: 'good' });
    expect(line(12 / 13)).toEqual({ key: 'proposalsPerWeek', figure: 12 / 13, mark: 'poor' });
    expect(line(null)).toEqual({ key: 'proposalsPerWeek', figure: null, mark: 'unknown' });
  });
});
