import { describe, expect, it } from 'vitest';
import { concentrationOf, HHI_HIGH_ABOVE, HHI_MODERATE_FROM, verdictOf } from '../../src/core/concentration';

describe('concentrationOf: the worked examples of the domain brief', () => {
  it('gives agency A, two clients at 50% each, HHI 5000: high, 2 effective clients', () => {
    // 50² + 50² = 5000
    expect(concentrationOf([50_000, 50_000])).toEqual({
      hhi: 5000,
      largestShare: 0.5,
      top5Share: 1,
      effectiveClients: 2,
      verdict: 'high',
    });
  });

  it('gives agency B, 5 clients making 50% and 10 sharing 50%, HHI 750: low, 13.33 effective clients', () => {
    // 5 x 10² + 10 x 5² = 500 + 250 = 750; 10,000 / 750 = 13.333...
    const revenues = [...Array(5).fill(100_000), ...Array(10).fill(50_000)];
    const c = concentrationOf(revenues)!;
    expect(c.hhi).toBeCloseTo(750, 9);
    expect(c.largestShare).toBeCloseTo(0.1, 12);
    expect(c.top5Share).toBeCloseTo(0.5, 12);
    expect(c.effectiveClients).toBeCloseTo(13.333333333, 8);
    expect(c.verdict).toBe('low');
  });

  it('gives one client at 70% with three at 10% HHI 5200: high, key-client risk', () => {
    // 70² + 3 x 10² = 4900 + 300 = 5200; 10,000 / 5200 = 1.923...
    const c = concentrationOf([70, 10, 10, 10])!;
    expect(c.hhi).toBeCloseTo(5200, 9);
    expect(c.largestShare).toBeCloseTo(0.7, 12);
    expect(c.top5Share).toBeCloseTo(1, 12);
    expect(c.effectiveClients).toBeCloseTo(1.9230769231, 8);
    expect(c.verdict).toBe('high');
  });
});

describe('concentrationOf', () => {
  it('gives a single client HHI 10,000 and 1 effective client', () => {
    expect(concentrationOf([12_500])).toEqual({ hhi: 10_000, largestShare: 1, top5Share: 1, effectiveClients: 1, verdict: 'high' });
  });

  it('counts only the five largest in the top-5 share, whatever the input order', () => {
    // 8 clients: 30, 20, 15, 10, 10 | 5, 5, 5 of 100. Top 5 = 85%. HHI 900+400+225+100+100+75 = 1800.
    const c = concentrationOf([5, 10, 30, 5, 15, 20, 5, 10])!;
    expect(c.largestShare).toBeCloseTo(0.3, 12);
    expect(c.top5Share).toBeCloseTo(0.85, 12);
    expect(c.hhi).toBeCloseTo(1800, 9);
  });

  it('is moderate for 7 equal clients: HHI 10,000/7 = 1428.57', () => {
    const c = concentrationOf(Array(7).fill(1000))!;
    expect(c.hhi).toBeCloseTo(1428.571428571, 6);
    expect(c.effectiveClients).toBeCloseTo(7, 9);
    expect(c.top5Share).toBeCloseTo(5 / 7, 12);
    expect(c.verdict).toBe('moderate');
  });

  it('ignores zero revenue: [50, 50, 0] is the same as [50, 50]', () => {
    expect(concentrationOf([50, 50, 0])).toEqual(concentrationOf([50, 50]));
  });

  it('is null when there is no revenue at all', () => {
    expect(concentrationOf([])).toBeNull();
    expect(concentrationOf([0, 0])).toBeNull();
  });
});

describe('verdictOf', () => {
  it('uses the merger-guideline bands: below 1000 low, 1000-1800 moderate, above 1800 high', () => {
    expect([HHI_MODERATE_FROM, HHI_HIGH_ABOVE]).toEqual([1000, 1800]);
    expect(verdictOf(0)).toBe('low');
    expect(verdictOf(999.99)).toBe('low');
    expect(verdictOf(1000)).toBe('moderate');
    expect(verdictOf(1800)).toBe('moderate');
    expect(verdictOf(1800.01)).toBe('high');
    expect(verdictOf(10_000)).toBe('high');
  });
});
