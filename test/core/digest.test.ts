import { describe, expect, it } from 'vitest';
import { dayFromYmd } from '../../src/core/dates';
import { type DigestCandidate, isOnTeam, parseSendDays, parseTeam, planDigests, sendDayVerdict } from '../../src/core/digest';
import { needsAttention } from '../../src/core/health';
import type { RedFlag } from '../../src/core/vocabulary';

const today = dayFromYmd(2026, 11, 23); // a Monday

function candidate(over: Partial<DigestCandidate>): DigestCandidate {
  return {
    row: 2, id: 'R1', name: 'Naam', type: 'client', organisation: 'Org', tier: 'B', owner: 'sanne@bureau.nl',
    status: 'overdue', lastContact: today - 100, nextContact: today - 10, daysOverdue: 10, snoozedUntil: null, ...over,
  };
}

const team = parseTeam('bureau.nl').team;

describe('planDigests', () => {
  it('gives each owner one digest: overdue first, then never contacted, then due soon, A before B before C', () => {
    const plan = planDigests(
      [
        candidate({ row: 2, name: 'Due soon A', status: 'dueSoon', tier: 'A', nextContact: today + 3, daysOverdue: 0 }),
        candidate({ row: 3, name: 'Overdue C', status: 'overdue', tier: 'C' }),
        candidate({ row: 4, name: 'Never B', status: 'never', tier: 'B', lastContact: null, nextContact: today, daysOverdue: 0 }),
        candidate({ row: 5, name: 'Overdue A', status: 'overdue', tier: 'A' }),
        candidate({ row: 6, name: 'On track', status: 'onTrack', nextContact: today + 40, daysOverdue: 0 }),
        candidate({ row: 7, name: 'Joris', owner: 'joris@bureau.nl' }),
        candidate({ row: 8, name: 'Inactive', status: 'inactive', nextContact: null, daysOverdue: null }),
      ],
      today,
      team,
    );
    expect(plan.digests.map((d) => d.owner)).toEqual(['joris@bureau.nl', 'sanne@bureau.nl']);
    expect(plan.digests[1].items.map((i) => i.name)).toEqual(['Overdue A', 'Overdue C', 'Never B', 'Due soon A']);
    expect(plan.digests[1].counts).toEqual({ overdue: 2, never: 1, dueSoon: 1 });
  });

  it('leaves out a relationship snoozed until a later day, and brings it back on that day', () => {
    const snoozed = [candidate({ snoozedUntil: today + 1 })];
    expect(planDigests(snoozed, today, team).digests).toEqual([]);
    expect(planDigests(snoozed, today + 1, team).digests[0].items).toHaveLength(1);
  });

  it('sends nothing to an owner outside the team and reports the rows', () => {
    const plan = planDigests([candidate({ row: 9, owner: 'iemand@gmail.com' }), candidate({ row: 10, owner: null })], today, team);
    expect(plan.digests).toEqual([]);
    expect(plan.notOnTeam).toEqual([{ owner: 'iemand@gmail.com', rows: [9] }]);
    expect(plan.withoutOwner).toEqual([10]);
  });
});

describe('the attention section (issue 12): red flags without contact since, whatever the cadence', () => {
  /** A candidate as the engine makes it: `attention` is core/health's needsAttention. */
  function flagged(over: Partial<DigestCandidate> & { redFlags: RedFlag[]; redFlagsSince: number | null; active?: boolean }): DigestCandidate {
    const c = candidate(over);
    const attention = needsAttention({ relation: { active: over.active ?? true, redFlags: over.redFlags, redFlagsSince: over.redFlagsSince }, lastContact: c.lastContact });
    return { ...c, attention };
  }
  const onTrack = { status: 'onTrack' as const, nextContact: today + 40, daysOverdue: 0 };

  it('lists flagged relationships without contact since the flag, on track or not; longest without contact first', () => {
    const plan = planDigests(
      [
        // On track, flag raised after the last contact: listed (the case the mail used to miss).
        flagged({ row: 2, name: 'Op schema, vlag', ...onTrack, lastContact: today - 20, redFlags: ['ratePressure'], redFlagsSince: today - 5 }),
        // Contact after the flag: not listed.
        flagged({ row: 3, name: 'Gesproken na vlag', ...onTrack, lastContact: today - 2, redFlags: ['competitor'], redFlagsSince: today - 5 }),
        // Contact on the flag's day itself: no contact *since*, listed.
        flagged({ row: 4, name: 'Zelfde dag', ...onTrack, tier: 'A', lastContact: today - 5, redFlags: ['competitor'], redFlagsSince: today - 5 }),
        // Overdue and flagged, Rode vlag sinds empty: Cadans cannot tell, listed.
        flagged({ row: 5, name: 'Te laat, sinds leeg', lastContact: today - 100, redFlags: ['noResponse', 'lostExclusivity'], redFlagsSince: null }),
        // Never contacted and flagged: listed, and first (longest without contact).
        flagged({ row: 6, name: 'Nooit', status: 'never', lastContact: null, nextContact: today, daysOverdue: 0, redFlags: ['stakeholderChange'], redFlagsSince: today - 1 }),
        // No flag: not listed.
        flagged({ row: 7, name: 'Geen vlag', ...onTrack, lastContact: today - 20, redFlags: [], redFlagsSince: null }),
        // Inactive: not listed.
        flagged({ row: 8, name: 'Inactief', status: 'inactive', nextContact: null, daysOverdue: null, lastContact: today - 300, redFlags: ['competitor'], redFlagsSince: null, active: false }),
        // Snoozed: out of the mail until its day, as every line.
        flagged({ row: 9, name: 'Uitgesteld', ...onTrack, snoozedUntil: today + 3, lastContact: today - 20, redFlags: ['competitor'], redFlagsSince: today - 5 }),
        // Another owner's.
        flagged({ row: 10, name: 'Van Joris', owner: 'joris@bureau.nl', ...onTrack, lastContact: today - 20, redFlags: ['competitor'], redFlagsSince: today - 5 }),
      ],
      today,
      team,
    );
    const sanne = plan.digests.find((d) => d.owner === 'sanne@bureau.nl')!;
    expect(sanne.attention!.map((a) => [a.name, a.flags, a.since, a.lastContact])).toEqual([
      ['Nooit', ['stakeholderChange'], today - 1, null],
      ['Te laat, sinds leeg', ['noResponse', 'lostExclusivity'], null, today - 100],
      ['Op schema, vlag', ['ratePressure'], today - 5, today - 20],
      ['Zelfde dag', ['competitor'], today - 5, today - 5],
    ]);
    // The routine lines are as before: what the cadence says is due.
    expect(sanne.items.map((i) => i.name)).toEqual(['Te laat, sinds leeg', 'Nooit']);
    expect(plan.digests.find((d) => d.owner === 'joris@bureau.nl')!.attention!.map((a) => a.name)).toEqual(['Van Joris']);
  });

  it('mails an owner whose only line is a flag, and orders equal waits A before B, then by name', () => {
    const plan = planDigests(
      [
        flagged({ row: 2, name: 'Bea', tier: 'B', ...onTrack, lastContact: today - 20, redFlags: ['competitor'], redFlagsSince: today - 3 }),
        flagged({ row: 3, name: 'Anna', tier: 'B', ...onTrack, lastContact: today - 20, redFlags: ['competitor'], redFlagsSince: today - 3 }),
        flagged({ row: 4, name: 'Zeno', tier: 'A', ...onTrack, lastContact: today - 20, redFlags: ['competitor'], redFlagsSince: today - 3 }),
      ],
      today,
      team,
    );
    expect(plan.digests).toHaveLength(1);
    expect(plan.digests[0].items).toEqual([]);
    expect(plan.digests[0].attention!.map((a) => a.name)).toEqual(['Zeno', 'Anna', 'Bea']);
  });

  it('reports a flagged relationship that reaches nobody: no owner, or an owner off the team', () => {
    const plan = planDigests(
      [
        flagged({ row: 4, owner: null, ...onTrack, lastContact: today - 20, redFlags: ['competitor'], redFlagsSince: today - 3 }),
        flagged({ row: 5, owner: 'iemand@gmail.com', ...onTrack, lastContact: today - 20, redFlags: ['competitor'], redFlagsSince: today - 3 }),
      ],
      today,
      team,
    );
    expect(plan.digests).toEqual([]);
    expect(plan.withoutOwner).toEqual([4]);
    expect(plan.notOnTeam).toEqual([{ owner: 'iemand@gmail.com', rows: [5] }]);
  });
});

describe('parseTeam', () => {
  it('reads addresses and domains, with or without @, and lists what it cannot read', () => {
    const { team: t, invalid } = parseTeam('Sanne@Bureau.nl, @partner.nl; extern.com  niet-goed');
    expect([...t.addresses]).toEqual(['sanne@bureau.nl']);
    expect([...t.domains]).toEqual(['partner.nl', 'extern.com']);
    expect(invalid).toEqual(['niet-goed']);
    expect(isOnTeam('kim@partner.nl', t)).toBe(true);
    expect(isOnTeam('kim@sub.partner.nl', t)).toBe(false);
    expect(isOnTeam('joris@bureau.nl', t)).toBe(false);
  });
});

describe('send days', () => {
  it('reads ranges and lists in Dutch and English', () => {
    expect([...parseSendDays('ma-vr')!].sort()).toEqual([1, 2, 3, 4, 5]);
    expect([...parseSendDays('maandag t/m vrijdag')!].sort()).toEqual([1, 2, 3, 4, 5]);
    expect([...parseSendDays('mon, wed, fri')!].sort()).toEqual([1, 3, 5]);
    expect([...parseSendDays('za-ma')!].sort()).toEqual([0, 1, 6]);
    expect(parseSendDays('soms')).toBeNull();
    expect(parseSendDays('')).toBeNull();
  });

  it('sends on working days, not at the weekend, not on a public holiday unless told to', () => {
    const weekdays = parseSendDays('ma-vr')!;
    expect(sendDayVerdict(today, weekdays, true)).toEqual({ send: true });
    expect(sendDayVerdict(dayFromYmd(2026, 11, 22), weekdays, true)).toEqual({ send: false, reason: 'weekday' });
    const kingsDay = dayFromYmd(2026, 4, 27);
    expect(sendDayVerdict(kingsDay, weekdays, true)).toMatchObject({ send: false, reason: 'holiday', holiday: { nl: 'Koningsdag' } });
    expect(sendDayVerdict(kingsDay, weekdays, false)).toEqual({ send: true });
  });
});
