// The Cadans workbook: its tabs, their columns (Dutch names first, English and other accepted
// names after), formats and validation. Setup in Google Sheets, `cadans init` and the readers of
// both shells all work from this one definition.

export type ColumnFormat = 'text' | 'date' | 'money' | 'integer' | 'datetime';
export type TabKey = 'relations' | 'touchpoints' | 'settings' | 'log';

export interface ColumnDef {
  key: string;
  nl: string;
  en: string;
  /** Further names a team may already use for this column. */
  aliases?: readonly string[];
  /** Written by Cadans; every other column belongs to the team and is never written. */
  computed?: boolean;
  format?: ColumnFormat;
  /** A drop-down list (invalid values are shown with a warning, never rejected or removed). */
  validation?: { nl: readonly string[]; en: readonly string[] };
  width?: number;
}

export interface TabDef {
  key: TabKey;
  nl: string;
  en: string;
  aliases?: readonly string[];
  columns: readonly ColumnDef[];
}

export const RELATIONS: TabDef = {
  key: 'relations',
  nl: 'Relaties',
  en: 'Relations',
  aliases: ['Relationships'],
  columns: [
    { key: 'id', nl: 'ID', en: 'ID', width: 70 },
    { key: 'name', nl: 'Naam', en: 'Name', width: 180 },
    {
      key: 'type',
      nl: 'Type',
      en: 'Type',
      validation: { nl: ['Klant', 'Kandidaat'], en: ['Client', 'Candidate'] },
      width: 90,
    },
    { key: 'organisation', nl: 'Organisatie', en: 'Organisation', aliases: ['Organization', 'Bedrijf', 'Company'], width: 180 },
    { key: 'email', nl: 'E-mail', en: 'Email', aliases: ['E-mailadres', 'Email address'], width: 200 },
    { key: 'owner', nl: 'Eigenaar', en: 'Owner', aliases: ['Accountmanager', 'Recruiter'], width: 200 },
    { key: 'tier', nl: 'Tier', en: 'Tier', validation: { nl: ['A', 'B', 'C'], en: ['A', 'B', 'C'] }, width: 50 },
    { key: 'lastContact', nl: 'Laatste contact', en: 'Last contact', format: 'date', width: 110 },
    { key: 'revenue', nl: 'Jaaromzet', en: 'Annual revenue', aliases: ['Omzet', 'Revenue'], format: 'money', width: 110 },
    { key: 'placements', nl: 'Plaatsingen', en: 'Placements', format: 'integer', width: 90 },
    { key: 'referrals', nl: 'Referrals', en: 'Referrals', format: 'integer', width: 80 },
    {
      key: 'active',
      nl: 'Actief',
      en: 'Active',
      validation: { nl: ['ja', 'nee'], en: ['yes', 'no'] },
      width: 60,
    },
    { key: 'notes', nl: 'Notities', en: 'Notes', width: 240 },
    { key: 'snoozeUntil', nl: 'Uitstellen tot', en: 'Snooze until', aliases: ['Snooze'], format: 'date', width: 110 },
    { key: 'nextContact', nl: 'Volgend contact', en: 'Next contact', computed: true, format: 'date', width: 110 },
    { key: 'status', nl: 'Status', en: 'Status', computed: true, width: 90 },
    { key: 'daysOverdue', nl: 'Dagen te laat', en: 'Days overdue', computed: true, format: 'integer', width: 90 },
  ],
};

export const TOUCHPOINTS: TabDef = {
  key: 'touchpoints',
  nl: 'Touchpoints',
  en: 'Touchpoints',
  aliases: ['Contactmomenten'],
  columns: [
    { key: 'date', nl: 'Datum', en: 'Date', format: 'date', width: 100 },
    { key: 'relationId', nl: 'Relatie-ID', en: 'Relation ID', aliases: ['ID'], width: 90 },
    { key: 'kind', nl: 'Soort', en: 'Kind', width: 120 },
    { key: 'duration', nl: 'Duur (min)', en: 'Duration (min)', format: 'integer', width: 90 },
    { key: 'owner', nl: 'Eigenaar', en: 'Owner', width: 200 },
    { key: 'notes', nl: 'Notities', en: 'Notes', width: 300 },
  ],
};

export const SETTINGS: TabDef = {
  key: 'settings',
  nl: 'Instellingen',
  en: 'Settings',
  columns: [
    { key: 'setting', nl: 'Instelling', en: 'Setting', width: 220 },
    { key: 'value', nl: 'Waarde', en: 'Value', width: 140 },
    { key: 'explanation', nl: 'Uitleg', en: 'Explanation', width: 420 },
  ],
};

export const LOG: TabDef = {
  key: 'log',
  nl: 'Log',
  en: 'Log',
  columns: [
    { key: 'time', nl: 'Tijdstip', en: 'Time', format: 'datetime', width: 140 },
    { key: 'kind', nl: 'Soort', en: 'Kind', width: 90 },
    { key: 'sheet', nl: 'Blad', en: 'Sheet', width: 110 },
    { key: 'row', nl: 'Rij', en: 'Row', format: 'integer', width: 50 },
    { key: 'column', nl: 'Kolom', en: 'Column', width: 120 },
    { key: 'value', nl: 'Waarde', en: 'Value', width: 160 },
    { key: 'message', nl: 'Melding', en: 'Message', width: 480 },
    // For sent digests: the day it was for, to whom, how many relationships. A digest logged for
    // an owner and day is never sent again.
    { key: 'day', nl: 'Datum', en: 'Date', format: 'date', width: 100 },
    { key: 'owner', nl: 'Eigenaar', en: 'Owner', width: 200 },
    { key: 'count', nl: 'Aantal', en: 'Count', format: 'integer', width: 60 },
  ],
};

export const TABS: readonly TabDef[] = [RELATIONS, TOUCHPOINTS, SETTINGS, LOG];

/** Status colours for conditional formatting, keyed by the core's status names. */
export const STATUS_COLOURS = {
  overdue: { background: '#f4c7c3', text: '#a50e0e' },
  never: { background: '#cfe2f3', text: '#0b5394' },
  dueSoon: { background: '#fff2cc', text: '#7f6000' },
  onTrack: { background: '#d9ead3', text: '#274e13' },
  inactive: { background: '#eeeeee', text: '#666666' },
} as const;

/** Number formats as both Google Sheets and Excel read them. */
export const NUMBER_FORMATS: Record<ColumnFormat, string | null> = {
  text: null,
  date: 'dd-mm-yyyy',
  datetime: 'dd-mm-yyyy hh:mm',
  money: '€ #,##0.00',
  integer: '0',
};
