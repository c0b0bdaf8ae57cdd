// Conversation preparation in the core: which questions of the team's bank a conversation gets,
// BANT, the phases' names and time boxes, and when the agreed next steps are due (a deadline on a
// weekend or a Dutch public holiday moves to the next working day).

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, dayFromYmd, isoFromDay } from '../../src/core/dates';
import {
  bantVerdict,
  conversationChoice,
  conversationPlan,
  isWorkingDay,
  nextWorkingDay,
  PHASES,
  phaseByName,
  type Question,
  questionsFor,
  questionsForConversation,
  redFlagSince,
  stepDue,
} from '../../src/core/prep';

const day = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return dayFromYmd(y, m, d);
};
const due = (kind: 'warmIntroduction' | 'introductionMeeting' | 'referenceDocuments' | 'successMetrics', today: string) => isoFromDay(stepDue(kind, day(today)));

/** A question of the bank: general (every audience, every tier) unless said otherwise. */
function q(phase: Question['phase'], text: string, over: Partial<Question> = {}): Question {
  return { phase, audience: 'client', tier: null, language: 'nl', text, ...over };
}

/** What questionsFor gives, as [phase key, questions] pairs. */
function pick(...args: Parameters<typeof questionsFor>): Array<[string, string[]]> {
  return questionsFor(...args).map(({ phase, questions }) => [phase.key, questions]);
}

describe('questionsFor', () => {
  // Deliberately out of conversation order, with several audiences, tiers and both languages.
  const bank: Question[] = [
    q('commitment', 'Aan wie kunt u ons voorstellen?'),
    q('situation', 'Hoe is de organisatie ingericht?'),
    q('situation', 'Wie heeft nog meer behoeften?'),
    q('situation', 'A: welke strategische projecten lopen er?', { tier: 'A' }),
    q('situation', 'How is the organisation set up?', { language: 'en' }),
    q('problem', 'Waar lopen projecten vast?'),
    q('problem', 'C: is er nog werk?', { tier: 'C' }),
    q('prepOrganisation', 'Hoe ziet het organigram eruit?'),
    q('checklist', 'SPIN-gesprek gevoerd'),
    q('checklist', 'Volgende stappen met datum'),
    q('career', 'Waar wil je over twee jaar staan?', { audience: 'candidate', tier: 'A' }),
    q('checkIn', 'Hoe gaat je opdracht?', { audience: 'candidate', tier: 'B' }),
    q('checkIn', 'Ben je beschikbaar?', { audience: 'candidate', tier: 'C' }),
    q('needPayoff', 'Wat zou het waard zijn?', { audience: null }),
    q('budget', 'Is er budget?', { audience: 'prospect' }),
    q('timeline', 'Wanneer starten?', { audience: 'prospect' }),
    q('timeline', 'A: wanneer starten?', { audience: 'prospect', tier: 'A' }),
  ];

  it('gives a B client the general client questions, phase by phase in conversation order, in the bank order within a phase', () => {
    expect(pick(bank, 'client', 'B', 'nl')).toEqual([
      ['prepOrganisation', ['Hoe ziet het organigram eruit?']],
      ['situation', ['Hoe is de organisatie ingericht?', 'Wie heeft nog meer behoeften?']],
      ['problem', ['Waar lopen projecten vast?']],
      ['needPayoff', ['Wat zou het waard zijn?']],
      ['commitment', ['Aan wie kunt u ons voorstellen?']],
      ['checklist', ['SPIN-gesprek gevoerd', 'Volgende stappen met datum']],
    ]);
  });

  it("replaces a phase's general questions by the tier's own where the bank has them, and only there", () => {
    const a = pick(bank, 'client', 'A', 'nl');
    expect(a.find(([k]) => k === 'situation')).toEqual(['situation', ['A: welke strategische projecten lopen er?']]);
    expect(a.find(([k]) => k === 'problem')).toEqual(['problem', ['Waar lopen projecten vast?']]);
    const c = pick(bank, 'client', 'C', 'nl');
    expect(c.find(([k]) => k === 'situation')).toEqual(['situation', ['Hoe is de organisatie ingericht?', 'Wie heeft nog meer behoeften?']]);
    expect(c.find(([k]) => k === 'problem')).toEqual(['problem', ['C: is er nog werk?']]);
  });

  it('gives each candidate tier its own agenda and none of the client questions; a question for every audience goes to all', () => {
    expect(pick(bank, 'candidate', 'A', 'nl')).toEqual([
      ['needPayoff', ['Wat zou het waard zijn?']],
      ['career', ['Waar wil je over twee jaar staan?']],
    ]);
    expect(pick(bank, 'candidate', 'B', 'nl')).toEqual([
      ['needPayoff', ['Wat zou het waard zijn?']],
      ['checkIn', ['Hoe gaat je opdracht?']],
    ]);
    expect(pick(bank, 'candidate', 'C', 'nl')).toEqual([
      ['needPayoff', ['Wat zou het waard zijn?']],
      ['checkIn', ['Ben je beschikbaar?']],
    ]);
  });

  it('gives a prospect without a tier only the general questions of its audience', () => {
    expect(pick(bank, 'prospect', null, 'nl')).toEqual([
      ['needPayoff', ['Wat zou het waard zijn?']],
      ['budget', ['Is er budget?']],
      ['timeline', ['Wanneer starten?']],
    ]);
  });

  it('keeps to the language asked for, and leaves out every phase without a question', () => {
    expect(pick(bank, 'client', 'B', 'en')).toEqual([['situation', ['How is the organisation set up?']]]);
    // Tier A in English: no A-question in English, so the general English one.
    expect(pick(bank, 'client', 'A', 'en')).toEqual([['situation', ['How is the organisation set up?']]]);
    expect(pick([], 'client', 'A', 'nl')).toEqual([]);
    expect(pick(bank, 'candidate', 'A', 'en')).toEqual([]);
  });

  it('returns the phase definitions with their titles and time boxes', () => {
    const [first] = questionsFor(bank, 'client', 'B', 'nl');
    expect(first.phase).toEqual({ key: 'prepOrganisation', nl: 'Organisatie in kaart', en: 'Organisation mapping', minutes: 10, group: 'preparation' });
  });
});

describe('the phases', () => {
  it('run in conversation order with the playbook time boxes', () => {
    expect(PHASES.map((p) => [p.key, p.minutes, p.group])).toEqual([
      ['prepOrganisation', 10, 'preparation'],
      ['prepStakeholders', 5, 'preparation'],
      ['prepIntelligence', 5, 'preparation'],
      ['situation', 7, 'conversation'],
      ['problem', 10, 'conversation'],
      ['implication', 8, 'conversation'],
      ['needPayoff', 5, 'conversation'],
      ['career', 5, 'conversation'],
      ['currentAssignment', 3, 'conversation'],
      ['future', 5, 'conversation'],
      ['addingValue', 2, 'conversation'],
      ['checkIn', null, 'conversation'],
      ['developments', null, 'conversation'],
      ['challenges', null, 'conversation'],
      ['runningProjects', null, 'conversation'],
      ['status', null, 'conversation'],
      ['opportunities', null, 'conversation'],
      ['networking', null, 'conversation'],
      ['lightTouch', null, 'conversation'],
      ['marketInsight', null, 'conversation'],
      ['needsCheck', null, 'conversation'],
      ['upcomingProjects', null, 'conversation'],
      ['outlook', null, 'conversation'],
      ['keepWarm', null, 'conversation'],
      ['afterSales', null, 'conversation'],
      ['expansion', 15, 'followUp'],
      ['commitment', 5, 'followUp'],
      ['budget', null, 'bant'],
      ['authority', null, 'bant'],
      ['need', null, 'bant'],
      ['timeline', null, 'bant'],
      ['checklist', null, 'checklist'],
    ]);
    // Preparation about 20 minutes, SPIN 30, an A-candidate call 15.
    const sum = (keys: string[]) => PHASES.filter((p) => keys.includes(p.key)).reduce((n, p) => n + (p.minutes ?? 0), 0);
    expect(sum(['prepOrganisation', 'prepStakeholders', 'prepIntelligence'])).toBe(20);
    expect(sum(['situation', 'problem', 'implication', 'needPayoff'])).toBe(30);
    expect(sum(['career', 'currentAssignment', 'future', 'addingValue'])).toBe(15);
  });
});

describe('conversation types', () => {
  it('gives each client tier its own check-in: A 20 min, B 15, C 10 (the playbook), with the tier\'s points', () => {
    expect(conversationPlan('clientCheckIn', 'A')).toEqual({ type: 'clientCheckIn', phases: ['developments', 'challenges', 'runningProjects', 'marketInsight', 'outlook'], minutes: 20 });
    expect(conversationPlan('clientCheckIn', 'B')).toEqual({ type: 'clientCheckIn', phases: ['status', 'opportunities', 'networking', 'upcomingProjects'], minutes: 15 });
    expect(conversationPlan('clientCheckIn', 'C')).toEqual({ type: 'clientCheckIn', phases: ['lightTouch', 'marketInsight', 'needsCheck', 'keepWarm'], minutes: 10 });
    // Without a tier: the lightest agenda.
    expect(conversationPlan('clientCheckIn', null)).toEqual(conversationPlan('clientCheckIn', 'C'));
  });

  it('gives candidates A 15 min (career, assignment, future, adding value), B 15 and C 10 check-ins', () => {
    expect(conversationPlan('candidateCheckIn', 'A')).toEqual({ type: 'candidateCheckIn', phases: ['career', 'currentAssignment', 'future', 'addingValue'], minutes: 15 });
    expect(conversationPlan('candidateCheckIn', 'B')).toEqual({ type: 'candidateCheckIn', phases: ['checkIn'], minutes: 15 });
    expect(conversationPlan('candidateCheckIn', 'C')).toEqual({ type: 'candidateCheckIn', phases: ['checkIn'], minutes: 10 });
  });

  it('keeps expansion (SPIN 30 + planning 15 + commitment 5 = 50 min), intake (BANT, 30) and after-sales (10) the same for every tier', () => {
    for (const tier of ['A', 'B', 'C', null] as const) {
      expect(conversationPlan('expansion', tier)).toEqual({
        type: 'expansion',
        phases: ['prepOrganisation', 'prepStakeholders', 'prepIntelligence', 'situation', 'problem', 'implication', 'needPayoff', 'expansion', 'commitment', 'checklist'],
        minutes: 50,
      });
      expect(conversationPlan('intake', tier)).toEqual({ type: 'intake', phases: ['budget', 'authority', 'need', 'timeline'], minutes: 30 });
      expect(conversationPlan('afterSales', tier)).toEqual({ type: 'afterSales', phases: ['afterSales'], minutes: 10 });
    }
  });

  it('proposes the check-in for every relationship, suggests expansion for A clients and offers it to every client', () => {
    expect(conversationChoice('client', 'A')).toEqual({ proposed: 'clientCheckIn', offered: ['clientCheckIn', 'expansion', 'afterSales'], suggestExpansion: true });
    expect(conversationChoice('client', 'B')).toEqual({ proposed: 'clientCheckIn', offered: ['clientCheckIn', 'expansion', 'afterSales'], suggestExpansion: false });
    expect(conversationChoice('client', 'C')).toEqual({ proposed: 'clientCheckIn', offered: ['clientCheckIn', 'expansion', 'afterSales'], suggestExpansion: false });
    expect(conversationChoice('candidate', 'A')).toEqual({ proposed: 'candidateCheckIn', offered: ['candidateCheckIn', 'afterSales'], suggestExpansion: false });
    expect(conversationChoice('prospect', null)).toEqual({ proposed: 'intake', offered: ['intake'], suggestExpansion: false });
  });

  it("shows only the type's phases, with the tier's questions (C's for a client without a tier)", () => {
    const bank = [
      q('status', 'Hoe staat het ervoor?', { tier: 'B' }),
      q('marketInsight', 'Inzicht voor A', { tier: 'A' }),
      q('marketInsight', 'Inzicht voor C', { tier: 'C' }),
      q('lightTouch', 'Hoe gaat het?', { tier: 'C' }),
      q('situation', 'Hoe is de organisatie ingericht?'),
    ];
    const keys = (tier: 'A' | 'B' | 'C' | null, type: 'clientCheckIn' | 'expansion') =>
      questionsForConversation(bank, conversationPlan(type, tier), 'client', tier, 'nl').map(({ phase, questions }) => [phase.key, questions]);
    expect(keys('B', 'clientCheckIn')).toEqual([['status', ['Hoe staat het ervoor?']]]);
    expect(keys('A', 'clientCheckIn')).toEqual([['marketInsight', ['Inzicht voor A']]]);
    expect(keys(null, 'clientCheckIn')).toEqual([['lightTouch', ['Hoe gaat het?']], ['marketInsight', ['Inzicht voor C']]]);
    expect(keys('B', 'expansion')).toEqual([['situation', ['Hoe is de organisatie ingericht?']]]);
  });
});

describe('redFlagSince', () => {
  const today = day('2026-11-24');
  const earlier = day('2026-11-01');
  it('is set to today when a flag appears on a relationship that had none', () => {
    expect(redFlagSince({ flags: [], since: null }, ['competitor'], today)).toBe(today);
    // A stale date left behind without flags does not count.
    expect(redFlagSince({ flags: [], since: earlier }, ['competitor'], today)).toBe(today);
  });
  it('keeps the date while any flag is left, also when another flag is added or one removed', () => {
    expect(redFlagSince({ flags: ['competitor', 'ratePressure'], since: earlier }, ['ratePressure'], today)).toBe(earlier);
    expect(redFlagSince({ flags: ['competitor'], since: earlier }, ['competitor', 'noResponse'], today)).toBe(earlier);
    // Flags typed without a date: from today.
    expect(redFlagSince({ flags: ['competitor'], since: null }, ['competitor'], today)).toBe(today);
  });
  it('is cleared when no flag is left', () => {
    expect(redFlagSince({ flags: ['competitor'], since: earlier }, [], today)).toBeNull();
    expect(redFlagSince({ flags: [], since: null }, [], today)).toBeNull();
  });
});

describe('phaseByName', () => {
  const NAMES: Array<[string, string, string]> = [
    ['prepOrganisation', 'Organisatie in kaart', 'Organisation mapping'],
    ['prepStakeholders', 'Stakeholdernetwerk', 'Stakeholder network'],
    ['prepIntelligence', 'Business intelligence', 'Business intelligence'],
    ['situation', 'Situatie', 'Situation'],
    ['problem', 'Probleem', 'Problem'],
    ['implication', 'Implicatie', 'Implication'],
    ['needPayoff', 'Need-payoff', 'Need-payoff'],
    ['career', 'Loopbaanontwikkeling', 'Career development'],
    ['currentAssignment', 'Huidige opdracht', 'Current assignment'],
    ['future', 'Toekomstige kansen', 'Future opportunities'],
    ['addingValue', 'Waarde toevoegen', 'Adding value'],
    ['checkIn', 'Check-in', 'Check-in'],
    ['expansion', 'Uitbreiding plannen', 'Expansion planning'],
    ['commitment', 'Commitment', 'Commitment'],
    ['budget', 'Budget', 'Budget'],
    ['authority', 'Beslisser', 'Authority'],
    ['need', 'Behoefte', 'Need'],
    ['timeline', 'Tijdlijn', 'Timeline'],
    ['checklist', 'Checklist', 'Checklist'],
  ];

  it.each(NAMES)('finds %s by its Dutch name %s, its English name %s and its key', (key, nl, en) => {
    expect(phaseByName(nl)?.key).toBe(key);
    expect(phaseByName(en)?.key).toBe(key);
    expect(phaseByName(key)?.key).toBe(key);
  });

  it('ignores case and surrounding spaces, and finds nothing for an unknown name', () => {
    expect(phaseByName('  SITUATIE ')?.key).toBe('situation');
    expect(phaseByName('need-PAYOFF')?.key).toBe('needPayoff');
    expect(phaseByName('beslisser')?.key).toBe('authority');
    expect(phaseByName('')).toBeNull();
    expect(phaseByName('Smalltalk')).toBeNull();
  });
});

describe('bantVerdict', () => {
  it('qualifies only when all four hold', () => {
    expect(bantVerdict({ budget: true, authority: true, need: true, timeline: true })).toEqual({ qualified: true, missing: [] });
  });

  it('names what is missing, no or unknown, in BANT order', () => {
    expect(bantVerdict({ budget: true, authority: false, need: true, timeline: null })).toEqual({ qualified: false, missing: ['authority', 'timeline'] });
    expect(bantVerdict({ budget: null, authority: null, need: null, timeline: null })).toEqual({ qualified: false, missing: ['budget', 'authority', 'need', 'timeline'] });
    expect(bantVerdict({ budget: false, authority: true, need: true, timeline: true })).toEqual({ qualified: false, missing: ['budget'] });
  });
});

describe('isWorkingDay and nextWorkingDay', () => {
  it('count Monday to Friday, except Dutch public holidays', () => {
    const week = ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29'];
    expect(week.map((d) => isWorkingDay(day(d)))).toEqual([true, true, true, true, true, false, false]);
    // King's Day, Ascension, Whit Monday, Christmas and Boxing Day 2026 (weekdays), New Year 2027 (a Friday).
    for (const holiday of ['2026-04-27', '2026-05-14', '2026-05-25', '2026-12-25', '2027-01-01']) expect(isWorkingDay(day(holiday)), holiday).toBe(false);
    // Good Friday is no general day off; Liberation Day only in lustrum years.
    expect(isWorkingDay(day('2026-04-03'))).toBe(true);
    expect(isWorkingDay(day('2026-05-05'))).toBe(true);
    expect(isWorkingDay(day('2025-05-05'))).toBe(false);
  });

  it('give the day itself when it is a working day, else the first working day after it', () => {
    expect(isoFromDay(nextWorkingDay(day('2026-11-24')))).toBe('2026-11-24');
    expect(isoFromDay(nextWorkingDay(day('2026-11-28')))).toBe('2026-11-30');
    // Christmas on a Friday, Boxing Day on Saturday: Monday.
    expect(isoFromDay(nextWorkingDay(day('2026-12-25')))).toBe('2026-12-28');
  });
});

describe('stepDue', () => {
  it('puts a warm introduction at most 48 hours after the conversation: the last working day on or before day + 2', () => {
    // Each weekday of the week of Monday 23 November 2026.
    expect(due('warmIntroduction', '2026-11-23')).toBe('2026-11-25'); // Monday: Wednesday
    expect(due('warmIntroduction', '2026-11-24')).toBe('2026-11-26'); // Tuesday: Thursday
    expect(due('warmIntroduction', '2026-11-25')).toBe('2026-11-27'); // Wednesday: Friday
    expect(due('warmIntroduction', '2026-11-26')).toBe('2026-11-27'); // Thursday + 2 = Saturday: Friday (not Monday, 96 hours on)
    expect(due('warmIntroduction', '2026-11-27')).toBe('2026-11-27'); // Friday + 2 = Sunday: the same Friday
    expect(due('warmIntroduction', '2026-11-28')).toBe('2026-11-30'); // Saturday + 2 = Monday
    expect(due('warmIntroduction', '2026-11-29')).toBe('2026-12-01'); // Sunday + 2 = Tuesday, a working day
  });

  it('keeps a warm introduction within 48 hours around public holidays', () => {
    // Friday 24 April + 2 = Sunday 26: Friday 24 itself (Monday 27, King's Day, is later anyway).
    expect(due('warmIntroduction', '2026-04-24')).toBe('2026-04-24');
    // Saturday 25 April + 2 = King's Day (Monday 27): no working day in between, so the conversation day.
    expect(due('warmIntroduction', '2026-04-25')).toBe('2026-04-25');
    // Tuesday 12 May + 2 = Ascension Day (Thursday 14): Wednesday 13.
    expect(due('warmIntroduction', '2026-05-12')).toBe('2026-05-13');
    // Wednesday 23 December + 2 = Christmas (Friday): Thursday 24.
    expect(due('warmIntroduction', '2026-12-23')).toBe('2026-12-24');
    // Thursday 24 December + 2 = Saturday, Christmas before it: Thursday 24 itself.
    expect(due('warmIntroduction', '2026-12-24')).toBe('2026-12-24');
    // Wednesday 30 December + 2 = New Year's Day (Friday): Thursday 31.
    expect(due('warmIntroduction', '2026-12-30')).toBe('2026-12-31');
  });

  it('never puts a warm introduction later than 48 hours nor before the conversation, and on a working day when one is in reach', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3650 }), (n) => {
        const today = addDays(day('2024-01-01'), n);
        const d = stepDue('warmIntroduction', today);
        if (d < today || d > addDays(today, 2)) return false;
        const reachable = [0, 1, 2].some((k) => isWorkingDay(addDays(today, k)));
        if (!reachable) return d === today;
        // A working day, and no later working day within the 48 hours.
        return isWorkingDay(d) && [1, 2].every((k) => addDays(d, k) > addDays(today, 2) || !isWorkingDay(addDays(d, k)));
      }),
    );
  });

  it('puts an introduction meeting 2 weeks ahead, on a working day', () => {
    expect(due('introductionMeeting', '2026-11-24')).toBe('2026-12-08');
    // Friday 11 December + 14 = Christmas: Monday 28.
    expect(due('introductionMeeting', '2026-12-11')).toBe('2026-12-28');
    // Monday 11 May + 14 = Whit Monday: Tuesday 26.
    expect(due('introductionMeeting', '2026-05-11')).toBe('2026-05-26');
    // Saturday + 14 = Saturday: Monday.
    expect(due('introductionMeeting', '2026-11-28')).toBe('2026-12-14');
  });
  it('puts reference documents and success metrics, the commitment\'s other actions, 2 weeks ahead too (issue 12)', () => {
    for (const kind of ['referenceDocuments', 'successMetrics'] as const) {
      expect(due(kind, '2026-11-24')).toBe('2026-12-08');
      expect(due(kind, '2026-12-11')).toBe('2026-12-28');
    }
  });
});
