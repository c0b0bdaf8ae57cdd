import { describe, expect, it } from 'vitest';
import { conventionsFor, DEFAULT_LOCALE, languageOfLocale, normaliseLocale, parseLanguage } from '../../src/core/locale';

describe('conventionsFor', () => {
  it('gives nl_NL day-first dates and a decimal comma', () => {
    expect(conventionsFor('nl_NL')).toEqual({ locale: 'nl_NL', dateOrder: 'dmy', decimalSeparator: ',' });
  });

  it('gives en_US month-first dates and a decimal point', () => {
    expect(conventionsFor('en_US')).toEqual({ locale: 'en_US', dateOrder: 'mdy', decimalSeparator: '.' });
  });

  it('gives en_GB day-first dates with a decimal point', () => {
    expect(conventionsFor('en_GB')).toEqual({ locale: 'en_GB', dateOrder: 'dmy', decimalSeparator: '.' });
  });

  it('gives German, Belgian Dutch and South African English a decimal comma, Swiss German a point', () => {
    expect(conventionsFor('de_DE').decimalSeparator).toBe(',');
    expect(conventionsFor('nl_BE').decimalSeparator).toBe(',');
    expect(conventionsFor('en_ZA').decimalSeparator).toBe(',');
    expect(conventionsFor('de_CH').decimalSeparator).toBe('.');
  });

  it('falls back to nl_NL for a blank or malformed locale', () => {
    expect(DEFAULT_LOCALE).toBe('nl_NL');
    for (const input of [undefined, null, '', 'not a locale', '12_34']) {
      expect({ input, c: conventionsFor(input) }).toEqual({ input, c: { locale: 'nl_NL', dateOrder: 'dmy', decimalSeparator: ',' } });
    }
  });
});

describe('normaliseLocale', () => {
  it('accepts a hyphen and any case: en-us and EN_us become en_US', () => {
    expect(normaliseLocale('en-us')).toBe('en_US');
    expect(normaliseLocale('EN_us')).toBe('en_US');
    expect(normaliseLocale(' nl_nl ')).toBe('nl_NL');
    expect(normaliseLocale('NL')).toBe('nl');
  });
});

describe('languageOfLocale', () => {
  it('speaks Dutch to nl_NL, nl_BE and a blank locale, English to everyone else', () => {
    expect(languageOfLocale('nl_NL')).toBe('nl');
    expect(languageOfLocale('nl_BE')).toBe('nl');
    expect(languageOfLocale('en_US')).toBe('en');
    expect(languageOfLocale('de_DE')).toBe('en');
    expect(languageOfLocale(undefined)).toBe('nl');
  });
});

describe('parseLanguage', () => {
  it('reads nl, Nederlands, Dutch as nl and en, English, Engels as en', () => {
    expect(['nl', ' NL ', 'Nederlands', 'dutch', 'nl_NL'].map(parseLanguage)).toEqual(['nl', 'nl', 'nl', 'nl', 'nl']);
    expect(['en', 'English', 'engels', 'en-GB', 'EN_US'].map(parseLanguage)).toEqual(['en', 'en', 'en', 'en', 'en']);
  });

  it('returns null for anything else', () => {
    expect(['de', 'Frans', '', null, 1].map(parseLanguage)).toEqual([null, null, null, null, null]);
  });
});
