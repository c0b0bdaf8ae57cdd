import { describe, expect, it } from 'vitest';
import { parseTermList, termLabel, vocabularyList } from '../../src/core/vocabulary';

describe('parseTermList', () => {
  it('reads Dutch and English words separated by commas or semicolons, each term once, in order', () => {
    expect(parseTermList('redFlag', 'Tariefdruk; noemt concurrent, RATE-pressure ,  geen  reactie')).toEqual({
      terms: ['ratePressure', 'competitor', 'noResponse'],
      unknown: [],
    });
    expect(parseTermList('signal', 'First-call status; internal referrals')).toEqual({ terms: ['firstCall', 'internalReferrals'], unknown: [] });
    expect(parseTermList('valueAdd', 'market insight')).toEqual({ terms: ['marketInsight'], unknown: [] });
  });

  it('hands back words outside the vocabulary as typed', () => {
    expect(parseTermList('redFlag', 'tariefdruk; boos, =HYPERLINK("x")')).toEqual({ terms: ['ratePressure'], unknown: ['boos', '=HYPERLINK("x")'] });
  });

  it('names terms and the vocabulary in either language', () => {
    expect(termLabel('redFlag', 'stakeholderChange', 'nl')).toBe('wisseling contactpersoon');
    expect(termLabel('signal', 'firstCall', 'en')).toBe('first-call status');
    expect(vocabularyList('valueAdd', 'en')).toBe('market insight, introduction, advice, none');
  });
});
