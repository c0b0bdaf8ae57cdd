// The rows of the Instellingen (Settings) tab: every number a rule uses, with the playbook's
// default. Setup adds the rows that are missing and never changes a value the team typed.

export type SettingKey =
  | 'language'
  | 'monthsA'
  | 'monthsB'
  | 'monthsC'
  | 'dueSoonDays'
  | 'locale'
  | 'timeZone'
  | 'today';

export interface SettingDef {
  key: SettingKey;
  nl: string;
  en: string;
  /** The value setup writes; null leaves the cell empty (meaning: take it from the spreadsheet). */
  defaultValue: string | number | null;
  explanation: { nl: string; en: string };
  /** Written by every refresh. */
  computed?: boolean;
}

export const SETTING_DEFS: readonly SettingDef[] = [
  {
    key: 'language',
    nl: 'Taal',
    en: 'Language',
    defaultValue: 'nl',
    explanation: { nl: 'nl of en: de taal van menu, status en meldingen', en: 'nl or en: the language of menu, status and messages' },
  },
  {
    key: 'monthsA',
    nl: 'Maanden tussen contact, tier A',
    en: 'Months between contacts, tier A',
    defaultValue: 1,
    explanation: { nl: 'Playbook: A-relaties elke maand (20 min klant, 15 min kandidaat)', en: 'Playbook: A relationships every month (20 min client, 15 min candidate)' },
  },
  {
    key: 'monthsB',
    nl: 'Maanden tussen contact, tier B',
    en: 'Months between contacts, tier B',
    defaultValue: 3,
    explanation: { nl: 'Playbook: B-relaties elk kwartaal (15 min)', en: 'Playbook: B relationships every quarter (15 min)' },
  },
  {
    key: 'monthsC',
    nl: 'Maanden tussen contact, tier C',
    en: 'Months between contacts, tier C',
    defaultValue: 6,
    explanation: { nl: 'Playbook: C-relaties elk half jaar (10 min)', en: 'Playbook: C relationships every six months (10 min)' },
  },
  {
    key: 'dueSoonDays',
    nl: 'Venster binnenkort (dagen)',
    en: 'Due-soon window (days)',
    defaultValue: 7,
    explanation: { nl: 'Status binnenkort: volgend contact binnen zoveel dagen', en: 'Status due soon: next contact within this many days' },
  },
  {
    key: 'locale',
    nl: 'Landinstelling',
    en: 'Locale',
    defaultValue: null,
    explanation: {
      nl: 'Leeg: die van de spreadsheet (Bestand > Instellingen). Bepaalt of 3-2-2026 3 februari is (nl_NL) of 2 maart (en_US)',
      en: 'Empty: the spreadsheet\'s (File > Settings). Decides whether 3-2-2026 is 3 February (nl_NL) or 2 March (en_US)',
    },
  },
  {
    key: 'timeZone',
    nl: 'Tijdzone',
    en: 'Time zone',
    defaultValue: null,
    explanation: {
      nl: 'Alleen voor de lokale runner (standaard Europe/Amsterdam); in Google Sheets geldt de tijdzone van de spreadsheet',
      en: 'Only for the local runner (default Europe/Amsterdam); in Google Sheets the spreadsheet\'s time zone applies',
    },
  },
  {
    key: 'today',
    nl: 'Vandaag',
    en: 'Today',
    defaultValue: null,
    computed: true,
    explanation: {
      nl: 'Door Cadans bijgewerkt bij elke run; gebruik als reference_date in TOUCHPOINT_STATUS',
      en: 'Updated by Cadans on every run; use it as reference_date in TOUCHPOINT_STATUS',
    },
  },
];

export const DEFAULT_LOCAL_TIME_ZONE = 'Europe/Amsterdam';
