// How a spreadsheet locale writes dates and numbers. A small table rather than Intl, so that the
// answer is the same in Apps Script, Node and every test, and so that it can be read here.

export type Language = 'nl' | 'en';

export interface LocaleConventions {
  /** The locale as Sheets names it, e.g. `nl_NL`, `en_US`. */
  locale: string;
  /** Day first (3-2-2026 is 3 February) or month first (3/2/2026 is 2 March, as in the US). */
  dateOrder: 'dmy' | 'mdy';
  decimalSeparator: ',' | '.';
}

export const DEFAULT_LOCALE = 'nl_NL';

// Locales whose short dates put the month first.
const MONTH_FIRST = new Set(['en_US', 'en_PH', 'es_US', 'fil_PH', 'en_BZ', 'en_FM', 'en_MH', 'en_PW']);
// Languages that write a decimal point; most of Europe, Dutch included, writes a decimal comma.
const DECIMAL_POINT_LANGUAGES = new Set(['en', 'ja', 'zh', 'ko', 'th', 'he', 'iw', 'hi', 'ms', 'fil', 'ga', 'cy', 'sw', 'ta', 'te', 'ur']);
const DECIMAL_POINT_LOCALES = new Set(['de_CH', 'it_CH', 'fr_CH', 'es_MX', 'es_US']);
const DECIMAL_COMMA_LOCALES = new Set(['en_ZA']);

export function normaliseLocale(locale: string | undefined | null): string {
  const text = String(locale ?? '').trim().replace('-', '_');
  if (!/^[a-zA-Z]{2,3}(_[a-zA-Z]{2})?$/.test(text)) return DEFAULT_LOCALE;
  const [lang, region] = text.split('_');
  return region ? `${lang.toLowerCase()}_${region.toUpperCase()}` : lang.toLowerCase();
}

export function conventionsFor(localeInput: string | undefined | null): LocaleConventions {
  const locale = normaliseLocale(localeInput);
  const language = locale.split('_')[0];
  const decimalPoint =
    !DECIMAL_COMMA_LOCALES.has(locale) && (DECIMAL_POINT_LOCALES.has(locale) || DECIMAL_POINT_LANGUAGES.has(language));
  return {
    locale,
    dateOrder: MONTH_FIRST.has(locale) ? 'mdy' : 'dmy',
    decimalSeparator: decimalPoint ? '.' : ',',
  };
}

/** The product speaks Dutch to Dutch locales and English to everyone else. */
export function languageOfLocale(locale: string | undefined | null): Language {
  return normaliseLocale(locale).startsWith('nl') ? 'nl' : 'en';
}

export function parseLanguage(value: unknown): Language | null {
  const text = String(value ?? '').trim().toLowerCase();
  if (['nl', 'nederlands', 'dutch', 'nl_nl', 'nl-nl'].includes(text)) return 'nl';
  if (['en', 'engels', 'english', 'en_us', 'en_gb', 'en-us', 'en-gb'].includes(text)) return 'en';
  return null;
}
