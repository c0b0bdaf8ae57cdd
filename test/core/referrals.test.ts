// The referral engine (issue 12): when the playbook's referral moment comes, and referrals per A
// relationship over a dated history of touchpoints.

import { describe, expect, it } from 'vitest';
import { dayFromYmd } from '../../src/core/dates';
import { isPlacementKind, referralFigures, referralMoment, referralsInYear, type ReferralTouch } from '../../src/core/referrals';

const today = dayFromYmd(2026, 11, 24);
const touch = (over: Partial<ReferralTouch>): ReferralTouch => ({ day: today - 10, row: 2, kind: 'Check-in', referral: false, positive: false, satisfaction: null, ...over });

describe('the referral moment', () => {
  it('comes after a placement, a touchpoint marked positive, or a satisfaction of 8 or more', () => {
    expect(referralMoment([touch({ kind: 'plaatsing' })], today)).toBe(today - 10);
    expect(referralMoment([touch({ kind: ' Placement ' })], today)).toBe(today - 10);
    expect(referralMoment([touch({ positive: true })], today)).toBe(today - 10);
    expect(referralMoment([touch({ kind: 'Nabellen na plaatsing', satisfaction: 8 })], today)).toBe(today - 10);
    expect(referralMoment([touch({ kind: 'Nabellen na plaatsing', satisfaction: 7 })], today)).toBeNull();
    expect(referralMoment([touch({})], today)).toBeNull();
    expect(referralMoment([], today)).toBeNull();
  });

  it('is the latest contact only: a later touchpoint (the question asked, or a contact that went less well) ends it', () => {
    const placed = touch({ day: today - 30, row: 5, kind: 'plaatsing' });
    expect(referralMoment([placed, touch({ day: today - 3, row: 9 })], today)).toBeNull();
    // Same day: the later row is the later contact.
    expect(referralMoment([touch({ day: today - 3, row: 9 }), touch({ day: today - 3, row: 10, positive: true })], today)).toBe(today - 3);
    expect(referralMoment([touch({ day: today - 3, row: 10, positive: true }), touch({ day: today - 3, row: 9 })], today)).toBe(today - 3);
    expect(referralMoment([touch({ day: today - 3, row: 11 }), touch({ day: today - 3, row: 10, positive: true })], today)).toBeNull();
    // A touchpoint planned for later is no contact yet.
    expect(referralMoment([placed, touch({ day: today + 2, row: 12 })], today)).toBe(today - 30);
  });

  it('is not there when the positive contact already brought a referral', () => {
    expect(referralMoment([touch({ positive: true, referral: true })], today)).toBeNull();
    expect(referralMoment([touch({ kind: 'plaatsing', referral: true })], today)).toBeNull();
  });

  it('knows a placement by its whole Soort word, not a part of it', () => {
    expect(['plaatsing', 'Geplaatst', 'placement', 'PLACED'].map(isPlacementKind)).toEqual([true, true, true, true]);
    expect(['Nabellen na plaatsing', 'After-sales call', 'herhaalplaatsing', ''].map(isPlacementKind)).toEqual([false, false, false, false]);
  });
});

describe('referrals per A relationship per year, from a dated history', () => {
  const dated = (y: number, m: number, d: number, referral = true) => ({ day: dayFromYmd(y, m, d), referral });

  it('counts the Referral = ja touchpoints of the last 12 months, not older ones, not the column', () => {
    const history = [dated(2025, 11, 24), dated(2025, 11, 25), dated(2026, 3, 1), dated(2026, 6, 30, false), dated(2026, 11, 24)];
    // 24-11-2025 is twelve months back: outside; 25-11-2025 is inside.
    expect(referralsInYear(history, 9, today)).toBe(3);
  });

  it('falls back to the Relaties column for a relationship with no dated referral at all', () => {
    expect(referralsInYear([dated(2026, 5, 1, false)], 4, today)).toBe(4);
    expect(referralsInYear([], null, today)).toBeNull();
    // One dated referral, even an old one, means the history is kept in Touchpoints: no double count.
    expect(referralsInYear([dated(2024, 1, 1)], 4, today)).toBe(0);
  });

  it('gives the figures per tier and per owner of A relationships against the target of 3 per A', () => {
    const sanne = 'sanne@bureau.nl';
    const joris = 'joris@bureau.nl';
    const f = referralFigures(
      [
        { owner: sanne, tier: 'A', active: true, referrals: referralsInYear([dated(2026, 1, 5), dated(2026, 4, 5), dated(2026, 9, 5), dated(2026, 10, 5)], null, today) },
        { owner: sanne, tier: 'A', active: true, referrals: referralsInYear([dated(2026, 2, 2), dated(2026, 8, 8)], 7, today) },
        { owner: joris, tier: 'A', active: true, referrals: referralsInYear([], 1, today) },
        { owner: joris, tier: 'A', active: false, referrals: 10 },
        { owner: null, tier: 'B', active: true, referrals: 2 },
        { owner: joris, tier: 'B', active: true, referrals: null },
        { owner: joris, tier: null, active: true, referrals: 5 },
      ],
      3,
    );
    expect(f.perTier).toEqual({
      A: { relations: 3, referrals: 7, perRelation: 7 / 3 },
      B: { relations: 2, referrals: 2, perRelation: 1 },
      C: { relations: 0, referrals: 0, perRelation: null },
    });
    expect(f.perOwnerA).toEqual([
      { owner: sanne, relations: 2, referrals: 6, perRelation: 3 },
      { owner: joris, relations: 1, referrals: 1, perRelation: 1 },
    ]);
    expect(f.target).toBe(3);
  });
});
