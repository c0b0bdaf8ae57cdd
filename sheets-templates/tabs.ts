// The Cadans workbook: its tabs, their columns (Dutch names first, English and other accepted
// names after), formats and validation. Setup in Google Sheets, `cadans init` and the readers of
// both shells all work from this one definition.

export type ColumnFormat = 'text' | 'date' | 'money' | 'integer' | 'datetime' | 'percent';
export type TabKey = 'relations' | 'touchpoints' | 'settings' | 'log' | 'actions' | 'pipeline' | 'questions' | 'kpi' | 'risk' | 'organisations' | 'history' | 'team' | 'today' | 'pipelineHistory' | 'quarter';

export interface ColumnDef {
  key: string;
  nl: string;
  en: string;
  /** Further names a team may already use for this column. */
  aliases?: readonly string[];
  /** Written by Cadans; every other column belongs to the team and is never written. */
  computed?: boolean;
  /** A computed column that only setup adds; a refresh writes it where the team has it. */
  setupOnly?: boolean;
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
    // Inputs for the KPI and Risico tabs (issue 4). Input columns stay left of the computed ones.
    { key: 'clientSince', nl: 'Klant sinds', en: 'Client since', format: 'date', width: 110 },
    { key: 'revenueLastYear', nl: 'Jaaromzet vorig jaar', en: 'Revenue last year', aliases: ['Omzet vorig jaar'], format: 'money', width: 120 },
    { key: 'repeatPlacements', nl: 'Herhaalplaatsingen', en: 'Repeat placements', format: 'integer', width: 110 },
    { key: 'retainer', nl: 'Retainer per maand', en: 'Monthly retainer', aliases: ['Retainer'], format: 'money', width: 110 },
    { key: 'departmentsKnown', nl: 'Afdelingen bekend', en: 'Departments known', format: 'integer', width: 100 },
    { key: 'departmentsServed', nl: 'Afdelingen bediend', en: 'Departments served', format: 'integer', width: 100 },
    { key: 'redFlags', nl: 'Rode vlaggen', en: 'Red flags', width: 200 },
    { key: 'signals', nl: 'Kanssignalen', en: 'Signals', aliases: ['Opportunity signals'], width: 200 },
    { key: 'redFlagsSince', nl: 'Rode vlag sinds', en: 'Red flag since', aliases: ['Vlag sinds'], format: 'date', width: 110 },
    // The person's place in the account (issue 11); the organisation's own figures live on Organisaties.
    { key: 'department', nl: 'Afdeling', en: 'Department', width: 140 },
    {
      key: 'role',
      nl: 'Rol',
      en: 'Role',
      validation: { nl: ['beslisser', 'champion', 'inkoop', 'HR', 'gebruiker'], en: ['decision maker', 'champion', 'procurement', 'HR', 'user'] },
      width: 120,
    },
    { key: 'nextContact', nl: 'Volgend contact', en: 'Next contact', computed: true, format: 'date', width: 110 },
    { key: 'status', nl: 'Status', en: 'Status', computed: true, width: 90 },
    { key: 'daysOverdue', nl: 'Dagen te laat', en: 'Days overdue', computed: true, format: 'integer', width: 90 },
    // Added by setup, written by every refresh when present; a refresh does not add them to a
    // team's tab unasked (the three above it does, as it always has).
    { key: 'tierAdvice', nl: 'Tier-advies', en: 'Tier advice', computed: true, setupOnly: true, width: 80 },
    { key: 'health', nl: 'Gezondheid', en: 'Health', computed: true, setupOnly: true, format: 'integer', width: 80 },
    { key: 'healthWhy', nl: 'Waarom', en: 'Why', computed: true, setupOnly: true, width: 360 },
    // The working day the week plan gives this relationship (src/core/plan.ts); the previous value
    // is read back so that the plan stays put from run to run.
    // Named as a suggestion (issue 14): "Gepland" read like an appointment on a row never contacted.
    { key: 'planned', nl: 'Voorgestelde contactdag', en: 'Suggested contact day', aliases: ['Gepland', 'Planned'], computed: true, setupOnly: true, format: 'date', width: 150 },
    // The last contact Cadans counts: the later of Laatste contact and the newest touchpoint up to
    // today (issue 14), so that Volgend contact explains itself. Added by setup (to the right of the
    // team's columns in a tab with data; last, so no column of an older layout moves), written by every refresh where present.
    { key: 'lastContactComputed', nl: 'Laatste contact (berekend)', en: 'Last contact (computed)', computed: true, setupOnly: true, format: 'date', width: 150 },
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
    {
      key: 'valueAdd',
      nl: 'Waarde-add',
      en: 'Value add',
      aliases: ['Waardetoevoeging'],
      validation: { nl: ['marktinzicht', 'introductie', 'advies', 'geen'], en: ['market insight', 'introduction', 'advice', 'none'] },
      width: 120,
    },
    { key: 'newOpportunity', nl: 'Nieuwe kans', en: 'New opportunity', validation: { nl: ['ja', 'nee'], en: ['yes', 'no'] }, width: 90 },
    { key: 'referral', nl: 'Referral', en: 'Referral', validation: { nl: ['ja', 'nee'], en: ['yes', 'no'] }, width: 80 },
    // Issue 13: a testimonial collected in this conversation, for the quarterly review (Kwartaal).
    { key: 'testimonial', nl: 'Testimonial', en: 'Testimonial', validation: { nl: ['ja', 'nee'], en: ['yes', 'no'] }, width: 90 },
    // Issue 12: how the contact went (referral moments, after-sales satisfaction 1-10, attempts
    // without a reaction) and the quick-reference checklist items ticked in the sidebar.
    { key: 'positive', nl: 'Positief', en: 'Positive', validation: { nl: ['ja', 'nee'], en: ['yes', 'no'] }, width: 80 },
    { key: 'satisfaction', nl: 'Tevredenheid', en: 'Satisfaction', format: 'integer', width: 90 },
    { key: 'reaction', nl: 'Reactie', en: 'Response', validation: { nl: ['ja', 'nee'], en: ['yes', 'no'] }, width: 80 },
    { key: 'checklist', nl: 'Checklist', en: 'Checklist', width: 240 },
  ],
};

/** Next steps agreed in a conversation; open ones appear in the owner's morning mail until done. */
export const ACTIONS: TabDef = {
  key: 'actions',
  nl: 'Acties',
  en: 'Actions',
  columns: [
    { key: 'relationId', nl: 'Relatie-ID', en: 'Relation ID', width: 90 },
    { key: 'relation', nl: 'Relatie', en: 'Relation', width: 180 },
    { key: 'owner', nl: 'Eigenaar', en: 'Owner', width: 200 },
    { key: 'action', nl: 'Actie', en: 'Action', width: 300 },
    { key: 'due', nl: 'Deadline', en: 'Due', format: 'date', width: 100 },
    { key: 'done', nl: 'Gedaan', en: 'Done', validation: { nl: ['ja', 'nee'], en: ['yes', 'no'] }, width: 70 },
    { key: 'created', nl: 'Aangemaakt', en: 'Created', format: 'date', width: 100 },
  ],
};

const YES_NO = { nl: ['ja', 'nee'], en: ['yes', 'no'] } as const;
const YES_NO_UNKNOWN = { nl: ['ja', 'nee', '?'], en: ['yes', 'no', '?'] } as const;

/** Prospects, qualified with BANT (domain brief, section 6). */
export const PIPELINE: TabDef = {
  key: 'pipeline',
  nl: 'Pipeline',
  en: 'Pipeline',
  columns: [
    { key: 'organisation', nl: 'Organisatie', en: 'Organisation', width: 180 },
    { key: 'contact', nl: 'Contactpersoon', en: 'Contact', width: 160 },
    { key: 'owner', nl: 'Eigenaar', en: 'Owner', width: 200 },
    {
      key: 'stage',
      nl: 'Fase',
      en: 'Stage',
      validation: { nl: ['koud', 'warm', 'heet', 'klant', 'vaste klant', 'afgewezen', 'afgehaakt'], en: ['cold', 'warm', 'hot', 'client', 'loyal client', 'rejected', 'dropped out'] },
      width: 90,
    },
    { key: 'budget', nl: 'Budget', en: 'Budget', validation: YES_NO, width: 70 },
    { key: 'budgetNote', nl: 'Budget notitie', en: 'Budget note', width: 160 },
    { key: 'authority', nl: 'Beslisser', en: 'Authority', validation: YES_NO, width: 80 },
    { key: 'authorityNote', nl: 'Beslisser notitie', en: 'Authority note', width: 160 },
    { key: 'need', nl: 'Behoefte', en: 'Need', validation: YES_NO, width: 80 },
    { key: 'needNote', nl: 'Behoefte notitie', en: 'Need note', width: 160 },
    { key: 'timeline', nl: 'Tijdlijn', en: 'Timeline', validation: YES_NO, width: 80 },
    { key: 'timelineNote', nl: 'Tijdlijn notitie', en: 'Timeline note', width: 160 },
    { key: 'proposalSent', nl: 'Voorstel verstuurd', en: 'Proposal sent', format: 'date', width: 110 },
    { key: 'nextStep', nl: 'Volgende stap', en: 'Next step', width: 200 },
    { key: 'bant', nl: 'BANT', en: 'BANT', computed: true, width: 220 },
    // Issue 13: the stages over time and the agency guide's go/no-go (src/core/pipeline.ts).
    // Fase sinds is the team's column: the onEdit trigger stamps it, a refresh only fills a blank one.
    { key: 'stageSince', nl: 'Fase sinds', en: 'Stage since', format: 'date', width: 100 },
    { key: 'received', nl: 'Binnengekomen', en: 'Received', format: 'date', width: 110 },
    { key: 'startDate', nl: 'Startdatum', en: 'Start date', format: 'date', width: 100 },
    { key: 'enjoyment', nl: 'Plezier', en: 'Enjoyment', validation: YES_NO_UNKNOWN, width: 70 },
    { key: 'forward', nl: 'Brengt ons verder', en: 'Moves us forward', validation: YES_NO_UNKNOWN, width: 90 },
    { key: 'payment', nl: 'Betaalt goed en op tijd', en: 'Pays well and on time', validation: YES_NO_UNKNOWN, width: 90 },
    { key: 'direction', nl: 'Regie zonder micromanagement', en: 'Direction without micromanaging', validation: YES_NO_UNKNOWN, width: 110 },
    { key: 'workTest', nl: 'Reactie op werktest', en: 'Response to work test', validation: YES_NO_UNKNOWN, width: 90 },
    // A drop-down of the usual reasons; any other text is kept (shown with a warning, never rejected).
    {
      key: 'reasonRejected',
      nl: 'Reden afgewezen',
      en: 'Reason rejected',
      validation: { nl: ['geen plezier', 'onaantrekkelijk werk', 'geen budget', 'start te ver weg', 'lastige klant'], en: ['no fun', 'unattractive work', 'no budget', 'start too far away', 'difficult client'] },
      width: 160,
    },
    {
      key: 'reasonDropped',
      nl: 'Reden afgehaakt',
      en: 'Reason dropped out',
      validation: { nl: ['geen budget', 'ander bureau gekozen', 'project gestopt', 'geen reactie meer', 'later'], en: ['no budget', 'chose another agency', 'project stopped', 'no more response', 'later'] },
      width: 160,
    },
    { key: 'goNoGo', nl: 'Go/no-go', en: 'Go/no-go', computed: true, width: 80 },
    { key: 'goNoGoWhy', nl: 'Waarom go/no-go', en: 'Why go/no-go', aliases: ['Waarom', 'Why'], computed: true, width: 420 },
  ],
};

/**
 * Cadans's record of stage changes on the Pipeline tab (issue 13): one row per change, appended by
 * the onEdit trigger or by a refresh that found a change it had not seen. Bounded to the newest
 * PIPELINE_HISTORY_MAX rows. The funnel figures come from it.
 */
export const PIPELINE_HISTORY: TabDef = {
  key: 'pipelineHistory',
  nl: 'Pipeline-historie',
  en: 'Pipeline history',
  columns: [
    { key: 'date', nl: 'Datum', en: 'Date', format: 'date', width: 100 },
    { key: 'organisation', nl: 'Organisatie', en: 'Organisation', width: 180 },
    { key: 'from', nl: 'Van', en: 'From', width: 90 },
    { key: 'to', nl: 'Naar', en: 'To', width: 90 },
    { key: 'source', nl: 'Bron', en: 'Source', width: 120 },
  ],
};

/** The team's question bank for the conversation sidebar, seeded with Cadans's defaults. */
export const QUESTIONS: TabDef = {
  key: 'questions',
  nl: 'Gespreksvragen',
  en: 'Conversation questions',
  aliases: ['Vragen', 'Questions'],
  columns: [
    { key: 'phase', nl: 'Fase', en: 'Phase', width: 160 },
    { key: 'audience', nl: 'Type', en: 'Type', validation: { nl: ['Klant', 'Kandidaat', 'Prospect'], en: ['Client', 'Candidate', 'Prospect'] }, width: 90 },
    { key: 'tier', nl: 'Tier', en: 'Tier', validation: { nl: ['A', 'B', 'C'], en: ['A', 'B', 'C'] }, width: 50 },
    { key: 'language', nl: 'Taal', en: 'Language', validation: { nl: ['nl', 'en'], en: ['nl', 'en'] }, width: 60 },
    { key: 'question', nl: 'Vraag', en: 'Question', width: 520 },
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

/**
 * The team's capacity for the week plan: one row per owner, and a row more per absence. Minutes
 * and working days left empty take the settings' defaults (`Minuten per dag`, ma-vr).
 */
export const TEAM_TAB: TabDef = {
  key: 'team',
  nl: 'Team',
  en: 'Team',
  aliases: ['Capaciteit', 'Capacity'],
  columns: [
    { key: 'owner', nl: 'Eigenaar', en: 'Owner', aliases: ['Teamlid', 'Team member'], width: 220 },
    { key: 'minutesPerDay', nl: 'Minuten per dag', en: 'Minutes per day', format: 'integer', width: 110 },
    { key: 'workingDays', nl: 'Werkdagen', en: 'Working days', width: 110 },
    { key: 'absentFrom', nl: 'Afwezig van', en: 'Absent from', format: 'date', width: 110 },
    { key: 'absentUntil', nl: 'Afwezig tot en met', en: 'Absent until', aliases: ['Afwezig tot', 'Absent to'], format: 'date', width: 130 },
  ],
};

/**
 * One row per client organisation (issue 11): the account, which Relaties.Organisatie refers to.
 * Organisation-level inputs live here; the computed columns are written by every refresh.
 */
export const ORGANISATIONS: TabDef = {
  key: 'organisations',
  nl: 'Organisaties',
  en: 'Organisations',
  aliases: ['Organizations', 'Accounts'],
  columns: [
    { key: 'organisation', nl: 'Organisatie', en: 'Organisation', aliases: ['Organization'], width: 200 },
    { key: 'owner', nl: 'Accounteigenaar', en: 'Account owner', width: 200 },
    { key: 'revenue', nl: 'Jaaromzet', en: 'Annual revenue', aliases: ['Omzet', 'Revenue'], format: 'money', width: 110 },
    { key: 'revenueLastYear', nl: 'Jaaromzet vorig jaar', en: 'Revenue last year', aliases: ['Omzet vorig jaar'], format: 'money', width: 120 },
    { key: 'retainer', nl: 'Retainer per maand', en: 'Monthly retainer', aliases: ['Retainer'], format: 'money', width: 110 },
    { key: 'clientSince', nl: 'Klant sinds', en: 'Client since', format: 'date', width: 110 },
    { key: 'departments', nl: 'Afdelingen', en: 'Departments', aliases: ['Afdelingen bekend', 'Departments known'], width: 220 },
    { key: 'departmentsServed', nl: 'Afdelingen bediend', en: 'Departments served', width: 160 },
    { key: 'notes', nl: 'Notities', en: 'Notes', width: 240 },
    { key: 'contacts', nl: 'Contactpersonen', en: 'Contacts', computed: true, format: 'integer', width: 100 },
    { key: 'departmentsWithContact', nl: 'Afdelingen met contact', en: 'Departments with contact', computed: true, format: 'integer', width: 130 },
    { key: 'revenueShare', nl: 'Omzetaandeel', en: 'Revenue share', computed: true, format: 'percent', width: 100 },
    { key: 'tierAdvice', nl: 'Accounttier-advies', en: 'Account tier advice', computed: true, width: 110 },
    { key: 'keyClient', nl: 'Sleutelklant', en: 'Key client', computed: true, width: 100 },
    { key: 'health', nl: 'Gezondheid', en: 'Health', computed: true, format: 'integer', width: 80 },
  ],
};

export const TABS: readonly TabDef[] = [RELATIONS, TOUCHPOINTS, SETTINGS, LOG, ACTIONS, PIPELINE, QUESTIONS, ORGANISATIONS, TEAM_TAB];

/**
 * Cadans's own report tabs: rebuilt on every refresh, holding no input. They have no columns to
 * find; they are named here so that every shell finds them in either language.
 */
export const TODAY_TAB: TabDef = { key: 'today', nl: 'Vandaag', en: 'Today', columns: [] };
export const KPI_TAB: TabDef = { key: 'kpi', nl: 'KPI', en: 'KPI', columns: [] };
export const RISK_TAB: TabDef = { key: 'risk', nl: 'Risico', en: 'Risk', columns: [] };
/** The quarterly review (issue 13); at a new quarter the old one is kept as `Kwartaal 2026-Q3`. */
export const QUARTER_TAB: TabDef = { key: 'quarter', nl: 'Kwartaal', en: 'Quarter', columns: [] };

/** A snapshot per account per month (issue 11), appended by the first refresh of each month. */
export const HISTORY: TabDef = {
  key: 'history',
  nl: 'Historie',
  // Not "History": Excel reserves that sheet name (its change-tracking log).
  en: 'Account history',
  columns: [
    { key: 'month', nl: 'Maand', en: 'Month', width: 80 },
    { key: 'organisation', nl: 'Organisatie', en: 'Organisation', width: 200 },
    { key: 'tier', nl: 'Accounttier-advies', en: 'Account tier advice', aliases: ['Tier'], width: 110 },
    { key: 'revenue', nl: 'Jaaromzet', en: 'Annual revenue', format: 'money', width: 110 },
    { key: 'contacts', nl: 'Contactpersonen', en: 'Contacts', format: 'integer', width: 100 },
    { key: 'departments', nl: 'Afdelingen met contact', en: 'Departments with contact', format: 'integer', width: 130 },
    { key: 'health', nl: 'Gezondheid', en: 'Health', format: 'integer', width: 80 },
  ],
};

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
  percent: '0.0%',
};
