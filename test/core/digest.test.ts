import { describe, expect, it } from 'vitest';
import { dayFromYmd } from '../../src/core/dates';
import { type DigestCandidate, isOnTeam, parseSendDays, parseTeam, planDigests, sendDayVerdict } from '../../src/core/digest';

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
