import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { abcTiers, DEFAULT_A_SHARE, DEFAULT_B_SHARE } from '../../src/core/tiers';

const RANK = { A: 0, B: 1, C: 2 } as const;

describe('abcTiers', () => {
  it('defaults to A for the first 80% of revenue and B up to 95%', () => {
    expect([DEFAULT_A_SHARE, DEFAULT_B_SHARE]).toEqual([0.8, 0.95]);
  });

  it('gives A to the largest relations making 80%, B to the next 15%, C to the rest', () => {
    // Cumulative shares: 50, 80 | 90, 96 | 100. Reaching exactly 80% ends A.
    expect(abcTiers([50, 30, 10, 6, 4])).toEqual(['A', 'A', 'B', 'B', 'C']);
  });

  it('gives A to the relation whose revenue crosses 80% and B to the one crossing 95%', () => {
    // 60 (0-60%) A; 30 (60-90%) crosses 80% so A; 10 (90-100%) crosses 95% so B.
    expect(abcTiers([60, 30, 10])).toEqual(['A', 'A', 'B']);
  });

  it('starts B at exactly 80% and C at exactly 95%', () => {
    expect(abcTiers([80, 15, 5])).toEqual(['A', 'B', 'C']);
  });

  it('gives equal revenues the same, better tier', () => {
    // 70 A; the three 10s span 70-100% and would be A, B, B one by one: all share A.
    expect(abcTiers([70, 10, 10, 10])).toEqual(['A', 'A', 'A', 'A']);
    // 80 A; the 10 starts at 80% (B); the two 5s span 90-100% and would be B, C: both B.
    expect(abcTiers([80, 10, 5, 5])).toEqual(['A', 'B', 'B', 'B']);
  });

  it('gives C to zero revenue, even when it is the only other relation', () => {
    expect(abcTiers([100, 0])).toEqual(['A', 'C']);
    expect(abcTiers([0, 100, 0])).toEqual(['C', 'A', 'C']);
  });

  it('gives C to everyone when all revenue is zero, and nothing for no relations', () => {
    expect(abcTiers([0, 0, 0])).toEqual(['C', 'C', 'C']);
    expect(abcTiers([])).toEqual([]);
  });

  it('gives a single relation with revenue A', () => {
    expect(abcTiers([1])).toEqual(['A']);
  });

  it('returns the tiers in input order, not sorted', () => {
    expect(abcTiers([4, 50, 6, 30, 10])).toEqual(['C', 'A', 'B', 'A', 'B']);
    expect(abcTiers([10, 70, 10, 10])).toEqual(['A', 'A', 'A', 'A']);
  });

  it('uses other shares when given: 50% for A and 80% for B', () => {
    // 50 (0-50%) A; 30 starts at 50% so B; 20 starts at 80% so C.
    expect(abcTiers([50, 30, 20], 0.5, 0.8)).toEqual(['A', 'B', 'C']);
    // With a 70% A share, 15 starting at 70% is B instead of A.
    expect(abcTiers([70, 15, 10, 5], 0.7, 0.95)).toEqual(['A', 'B', 'B', 'C']);
    expect(abcTiers([70, 15, 10, 5])).toEqual(['A', 'A', 'B', 'C']);
  });

  it('does not depend on the order of the rows', () => {
    const revenues = fc.array(fc.integer({ min: 0, max: 1_000_000 }), { maxLength: 30 });
    fc.assert(
      fc.property(revenues.chain((r) => fc.tuple(fc.constant(r), fc.shuffledSubarray(r.map((_, i) => i), { minLength: r.length, maxLength: r.length }))), ([r, perm]) => {
        const tiers = abcTiers(r);
        const shuffled = abcTiers(perm.map((i) => r[i]));
        expect(perm.map((i) => tiers[i])).toEqual(shuffled);
      }),
    );
  });

  it('never gives a larger revenue a worse tier, ties the same tier, and zero C', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1_000_000 }), { maxLength: 30 }), (r) => {
        const tiers = abcTiers(r);
        r.forEach((x, i) =>
          r.forEach((y, j) => {
            if (x > y) expect(RANK[tiers[i]]).toBeLessThanOrEqual(RANK[tiers[j]]);
            if (x === y) expect(tiers[i]).toBe(tiers[j]);
          }),
        );
        r.forEach((x, i) => x === 0 && expect(tiers[i]).toBe('C'));
      }),
    );
  });

  it('gives A at least the first 80% of revenue, and A and B together at least 95%', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 30 }), (r) => {
        const total = r.reduce((s, x) => s + x, 0);
        fc.pre(total > 0);
        const tiers = abcTiers(r);
        const sum = (keep: (t: string) => boolean) => r.reduce((s, x, i) => s + (keep(tiers[i]) ? x : 0), 0);
        // In whole numbers, so that rounding cannot blur the boundary: A >= 4/5, A + B >= 19/20.
        expect(5 * sum((t) => t === 'A')).toBeGreaterThanOrEqual(4 * total);
        expect(20 * sum((t) => t !== 'C')).toBeGreaterThanOrEqual(19 * total);
        // ...and no more than needed: without its smallest group, A would hold less than 80%.
        const smallestA = Math.min(...r.filter((_, i) => tiers[i] === 'A'));
        const aWithoutSmallest = sum((t) => t === 'A') - smallestA * r.filter((x, i) => tiers[i] === 'A' && x === smallestA).length;
        expect(5 * aWithoutSmallest).toBeLessThan(4 * total);
      }),
    );
  });
});
