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
  | 'today'
  | 'sendDays'
  | 'skipHolidays'
  | 'sendHour'
  | 'team'
  | 'agendaClientA'
  | 'agendaClientB'
  | 'agendaClientC'
  | 'agendaCandidateA'
  | 'agendaCandidateB'
  | 'agendaCandidateC';

export interface SettingDef {
  key: SettingKey;
  nl: string;
  en: string;
  /** The value setup writes; null leaves the cell empty (meaning: take it from the spreadsheet). */
  defaultValue: string | number | null | { nl: string; en: string };
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
  {
    key: 'sendDays',
    nl: 'Verzenddagen',
    en: 'Send days',
    defaultValue: { nl: 'ma-vr', en: 'mon-fri' },
    explanation: { nl: 'Dagen waarop de ochtendmail gaat, bijv. ma-vr of ma,wo,vr', en: 'Days the morning mail goes out, e.g. mon-fri or mon,wed,fri' },
  },
  {
    key: 'skipHolidays',
    nl: 'Feestdagen overslaan',
    en: 'Skip public holidays',
    defaultValue: { nl: 'ja', en: 'yes' },
    explanation: { nl: 'Geen ochtendmail op Nederlandse feestdagen (Koningsdag, Pasen, Hemelvaart ...)', en: 'No morning mail on Dutch public holidays (King\'s Day, Easter, Ascension ...)' },
  },
  {
    key: 'sendHour',
    nl: 'Verzenduur',
    en: 'Send hour',
    defaultValue: 7,
    explanation: {
      nl: 'Uur (0-23, tijdzone van de spreadsheet) waarop de ochtendmail gaat; Google kiest een moment binnen dat uur. Na wijzigen: Cadans > Herinneringen aanzetten',
      en: 'Hour (0-23, the spreadsheet\'s time zone) of the morning mail; Google picks a moment within that hour. After a change: Cadans > Turn reminders on',
    },
  },
  {
    key: 'team',
    nl: 'Team',
    en: 'Team',
    defaultValue: null,
    explanation: {
      nl: 'Wie herinneringen mag krijgen: adressen en/of domeinen, bijv. @bureau.nl. Leeg: bij het aanzetten stelt Cadans het domein van de eigenaren voor',
      en: 'Who may receive reminders: addresses and/or domains, e.g. @agency.com. Empty: when turning reminders on, Cadans proposes the owners\' domain',
    },
  },
  ...agendas(),
];

/** The playbook's touchpoint agendas (domain brief, section 1), per relationship type and tier. */
function agendas(): SettingDef[] {
  const text = {
    agendaClientA: {
      nl: 'Business check-in (20 min): hoe ontwikkelt de organisatie zich, huidige uitdagingen, lopende projecten, marktinzicht delen, komende projecten en waar HR/IT/Finance-behoeften ontstaan',
      en: 'Business check-in (20 min): how the organisation develops, current challenges, running projects, sharing market insight, upcoming projects and where HR/IT/Finance needs arise',
    },
    agendaClientB: {
      nl: 'Check-in (15 min): ontwikkelingen en uitdagingen, lopende en komende projecten, een marktinzicht delen',
      en: 'Check-in (15 min): developments and challenges, running and upcoming projects, share one market insight',
    },
    agendaClientC: {
      nl: 'Korte check-in (10 min): hoe gaat het, komen er projecten aan',
      en: 'Short check-in (10 min): how are things, are projects coming up',
    },
    agendaCandidateA: {
      nl: 'Kandidaat-gesprek (15 min): loopbaanontwikkeling (5), huidige opdracht (3), toekomstige kansen (5), waarde toevoegen (2: een artikel, link of introductie)',
      en: 'Candidate call (15 min): career development (5), current assignment (3), future opportunities (5), adding value (2: an article, a link, an introduction)',
    },
    agendaCandidateB: {
      nl: 'Kandidaat-gesprek (15 min): huidige opdracht, beschikbaarheid, wensen voor de volgende opdracht',
      en: 'Candidate call (15 min): current assignment, availability, wishes for the next assignment',
    },
    agendaCandidateC: {
      nl: 'Korte check-in (10 min): beschikbaarheid en specialisme actueel',
      en: 'Short check-in (10 min): availability and speciality up to date',
    },
  } as const;
  const names = {
    agendaClientA: ['Agenda klant A', 'Agenda client A'],
    agendaClientB: ['Agenda klant B', 'Agenda client B'],
    agendaClientC: ['Agenda klant C', 'Agenda client C'],
    agendaCandidateA: ['Agenda kandidaat A', 'Agenda candidate A'],
    agendaCandidateB: ['Agenda kandidaat B', 'Agenda candidate B'],
    agendaCandidateC: ['Agenda kandidaat C', 'Agenda candidate C'],
  } as const;
  return (Object.keys(text) as Array<keyof typeof text>).map((key) => ({
    key,
    nl: names[key][0],
    en: names[key][1],
    defaultValue: text[key],
    explanation: { nl: 'Staat bij elke relatie van dit type en deze tier in de ochtendmail', en: 'Shown with every relationship of this type and tier in the morning mail' },
  }));
}

export const DEFAULT_LOCAL_TIME_ZONE = 'Europe/Amsterdam';

/** The value setup writes for a setting, in the workbook's language. */
export function defaultValueOf(def: SettingDef, language: 'nl' | 'en'): string | number | null {
  const value = def.defaultValue;
  return value !== null && typeof value === 'object' ? value[language] : value;
}
