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
  | 'maxDigestItems'
  | 'logRunDays'
  | 'team'
  | 'planMinutesPerDay'
  | 'planHorizonDays'
  | 'agendaClientA'
  | 'agendaClientB'
  | 'agendaClientC'
  | 'agendaCandidateA'
  | 'agendaCandidateB'
  | 'agendaCandidateC'
  | PipelineSettingKey
  | ConversationSettingKey
  | ReportSettingKey;

/** After-sales and unanswered attempts (issue 12). */
export type ConversationSettingKey = 'afterSalesDays' | 'noResponseAttempts';

/** The Pipeline's go/no-go and nurturing settings (issue 13, src/core/pipeline.ts). */
export type PipelineSettingKey =
  | 'goWeightEnjoyment'
  | 'goWeightForward'
  | 'goWeightPayment'
  | 'goWeightDirection'
  | 'goWeightWorkTest'
  | 'goWeightBudget'
  | 'goWeightAuthority'
  | 'goWeightNeed'
  | 'goWeightTimeline'
  | 'goFrom'
  | 'noGoBelow'
  | 'startMonthsMax'
  | 'reapproachMonths'
  | 'stallDays';

/** The settings of the KPI and Risico tabs (issue 4). */
export type ReportSettingKey =
  | 'targetExistingBusiness'
  | 'targetReferralsPerA'
  | 'targetRetentionAB'
  | 'targetRepeatPlacements'
  | 'targetProposalsPerWeek'
  | 'targetRecurringShare'
  | 'keyClientShare'
  | 'significantClientShare'
  | 'cashReserveMinMonths'
  | 'cashReserveIdealMonths'
  | 'cashReserveMonths'
  | 'bookedAheadMinDays'
  | 'bookedAheadIdealDays'
  | 'bookedAheadDays'
  | 'attentionA'
  | 'attentionB'
  | 'attentionC'
  | 'minutesClientA'
  | 'minutesClientB'
  | 'minutesClientC'
  | 'minutesCandidateA'
  | 'minutesCandidateB'
  | 'minutesCandidateC'
  | 'abcAShare'
  | 'abcBShare'
  | 'candidateARepeatPlacements'
  | 'candidateAReferrals'
  | 'candidateBPlacements'
  | 'healthBase'
  | 'healthOnSchedule'
  | 'healthOverdueMax'
  | 'healthNever'
  | 'healthPerRedFlag'
  | 'healthPerSignal'
  | 'healthReferrals'
  | 'healthRepeatBusiness'
  | 'healthRecentValueAdd'
  | 'healthSatisfaction'
  | 'historyMonths';

export interface SettingDef {
  key: SettingKey;
  nl: string;
  en: string;
  /** The value setup writes; null leaves the cell empty (meaning: take it from the spreadsheet). */
  defaultValue: string | number | null | { nl: string; en: string };
  explanation: { nl: string; en: string };
  /** The explanation in a workbook made for the local runner, where a Sheets menu would mean nothing. */
  localExplanation?: { nl: string; en: string };
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
    localExplanation: {
      nl: 'Uur (0-23) waarop de ochtendmail gaat in Google Sheets. De lokale runner mailt bij elke cadans run; plan die zelf (bijv. met cron) op dit uur',
      en: 'Hour (0-23) of the morning mail in Google Sheets. The local runner mails at every cadans run; schedule that yourself (e.g. with cron) at this hour',
    },
  },
  {
    // Cadans's own choice (issue 9): MailApp refuses a body over 200 KB; 50 lines stay far below.
    key: 'maxDigestItems',
    nl: 'Max. relaties per ochtendmail',
    en: 'Max. relationships per morning mail',
    defaultValue: 50,
    explanation: {
      nl: 'De ochtendmail noemt de dringendste relaties tot dit aantal (1-200) en telt de rest, met een link naar de sheet',
      en: 'The morning mail names the most urgent relationships up to this number (1-200) and counts the rest, with a link to the sheet',
    },
  },
  {
    // Cadans's own choice (issue 9): enough history to see a pattern, bounded so the Log stays small.
    key: 'logRunDays',
    nl: 'Log bewaren (dagen)',
    en: 'Keep Log (days)',
    defaultValue: 90,
    explanation: {
      nl: 'Run-regels in de Log ouder dan dit aantal dagen (7-3650) ruimt Cadans op; verzonden-regels blijven minstens 7 dagen',
      en: 'Cadans removes run lines older than this many days (7-3650) from the Log; sent lines stay at least 7 days',
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
  {
    key: 'planMinutesPerDay',
    nl: 'Minuten per dag',
    en: 'Minutes per day',
    defaultValue: 60,
    explanation: {
      nl: 'Keuze van Cadans (het playbook noemt geen capaciteit): touchpointminuten per eigenaar per werkdag voor de weekplanning (kolom Gepland). Per persoon aan te passen op het tabblad Team',
      en: 'Cadans\'s choice (the playbook gives no capacity): touchpoint minutes per owner per working day for the week plan (column Planned). Set per person on the Team tab',
    },
  },
  {
    key: 'planHorizonDays',
    nl: 'Planhorizon (dagen)',
    en: 'Planning horizon (days)',
    defaultValue: 28,
    explanation: {
      nl: 'Keuze van Cadans: relaties die binnen zoveel dagen aan de beurt zijn krijgen een dag in Gepland (4 weken)',
      en: 'Cadans\'s choice: relationships due within this many days get a day in Planned (4 weeks)',
    },
  },
  ...agendas(),
  ...reportSettings(),
  ...pipelineSettings(),
  ...conversationSettings(),
];

/**
 * The go/no-go rule on the Pipeline tab and the nurturing of leads (domain brief, section 7,
 * "Taking on a client"). The guide names the criteria; every weight and line is Cadans's choice.
 */
/** Issue 12: the after-sales call after a placement, and when unanswered attempts raise a flag. */
function conversationSettings(): SettingDef[] {
  return [
    {
      key: 'afterSalesDays',
      nl: 'Nabellen na plaatsing (dagen)',
      en: 'After-sales call after placement (days)',
      defaultValue: 14,
      explanation: {
        nl: 'Keuze van Cadans (het playbook noemt het nabellen, geen termijn): een touchpoint met Soort plaatsing zet in Acties "nabellen na plaatsing" met deze deadline (zoveel dagen later, op een werkdag)',
        en: 'Cadans\'s choice (the playbook names the call, not a term): a touchpoint of Kind placement adds "after-sales call" to Actions with this deadline (this many days later, on a working day)',
      },
    },
    {
      key: 'noResponseAttempts',
      nl: 'Geen reactie na pogingen',
      en: 'No response after attempts',
      defaultValue: 2,
      explanation: {
        nl: 'Keuze van Cadans: zoveel pogingen op rij zonder reactie (Reactie nee, of Soort poging) stellen de rode vlag "geen reactie" voor',
        en: 'Cadans\'s choice: this many attempts in a row without a response (Response no, or Kind attempt) suggest the red flag "no response"',
      },
    },
  ];
}

function pipelineSettings(): SettingDef[] {
  const row = (key: PipelineSettingKey, nl: string, en: string, defaultValue: number, explanationNl: string, explanationEn: string): SettingDef => ({
    key,
    nl,
    en,
    defaultValue,
    explanation: { nl: explanationNl, en: explanationEn },
  });
  const weight = (key: PipelineSettingKey, nlName: string, enName: string, nlWhat: string, enWhat: string) =>
    row(key, `Go/no-go gewicht: ${nlName}`, `Go/no-go weight: ${enName}`, 1, `Keuze van Cadans (de gids geeft geen gewichten). ${nlWhat}. Score = som van gewicht × (ja +1, nee −1, ? 0) ÷ som van de gewichten, van −1 tot 1`, `Cadans's choice (the guide gives no weights). ${enWhat}. Score = sum of weight × (yes +1, no −1, ? 0) ÷ sum of the weights, from −1 to 1`);
  return [
    weight('goWeightEnjoyment', 'plezier', 'enjoyment', 'Gids: werk aannemen omdat het leuk is', 'Guide: take work because it is fun'),
    weight('goWeightForward', 'brengt ons verder', 'moves us forward', 'Gids: een uitdaging, een bekende naam, een goed doel, een team dat je ligt', 'Guide: a challenge, a known name, a cause, a team you like'),
    weight('goWeightPayment', 'betaalgedrag', 'payment', 'Gids: goede klanten betalen goed en op tijd', 'Guide: good clients pay well and on time'),
    weight('goWeightDirection', 'regie', 'direction', 'Gids: geeft richting en feedback, zonder micromanagement', 'Guide: gives direction and feedback without micromanaging'),
    weight('goWeightWorkTest', 'werktest', 'work test', 'Gids: geef de prospect iets te doen en kijk hoe hij reageert', 'Guide: give the prospect something to do and watch how they respond'),
    weight('goWeightBudget', 'budget', 'budget', 'BANT: Budget. Budget nee is altijd no-go (gids: geen budget is een reden om af te wijzen)', 'BANT: Budget. Budget no is always no-go (guide: no budget is a reason to decline)'),
    weight('goWeightAuthority', 'beslisser', 'authority', 'BANT: spreken we de beslisser?', 'BANT: are we talking to the decision maker?'),
    weight('goWeightNeed', 'behoefte', 'need', 'BANT: een echt, urgent probleem dat bij ons past', 'BANT: a real, urgent problem our service fits'),
    weight('goWeightTimeline', 'tijdlijn', 'timeline', 'BANT: wanneer zou het starten?', 'BANT: when would it start?'),
    row('goFrom', 'Go vanaf score', 'Go from score', 0.5, 'Keuze van Cadans: go bij deze score of hoger, mits alle vier BANT-vragen ja zijn (playbook: zonder alle vier wordt een lead zelden werk) en de start niet te ver weg ligt; anders twijfel', 'Cadans\'s choice: go at this score or above, provided all four BANT answers are yes (playbook: without all four a lead rarely becomes work) and the start is not too far away; otherwise doubt'),
    row('noGoBelow', 'No-go onder score', 'No-go below score', 0, 'Keuze van Cadans: no-go onder deze score (meer gewicht tegen dan voor)', 'Cadans\'s choice: no-go below this score (more weight against than for)'),
    row('startMonthsMax', 'Start uiterlijk over (maanden)', 'Start at most in (months)', 6, 'Gids: een start meer dan zes maanden vooruit betekent niet nu; Go/no-go zegt dan twijfel en noemt het', 'Guide: a start more than six months away means not now; Go/no-go then says doubt and names it'),
    row('reapproachMonths', 'Afgehaakt opnieuw benaderen na (maanden)', 'Reapproach dropped leads after (months)', 6, 'Keuze van Cadans: een afgehaakte lead komt zoveel maanden na Fase sinds terug in de ochtendmail van de eigenaar, met de reden', 'Cadans\'s choice: a dropped lead returns to its owner\'s morning mail this many months after Stage since, with the reason'),
    row('stallDays', 'Prospect stil na (dagen)', 'Prospect stalled after (days)', 30, 'Keuze van Cadans: een prospect (koud, warm, heet) zonder stap in zoveel dagen staat als stilgevallen in de ochtendmail en op Vandaag', 'Cadans\'s choice: a prospect (cold, warm, hot) with no step in this many days is listed as stalled in the morning mail and on Today'),
  ];
}

/**
 * The KPI and Risico tabs' numbers (domain brief, sections 1-4). Shares are written as fractions
 * (0,8 shows as 80% in a percentage cell; "80%" as text is read too). An empty actual value
 * (cash reserve, days booked ahead) means unknown: the Risico tab says so instead of guessing.
 */
function reportSettings(): SettingDef[] {
  const row = (key: ReportSettingKey, nl: string, en: string, defaultValue: number | null, explanationNl: string, explanationEn: string): SettingDef => ({
    key,
    nl,
    en,
    defaultValue,
    explanation: { nl: explanationNl, en: explanationEn },
  });
  return [
    row('targetExistingBusiness', 'Doel omzet uit bestaande relaties', 'Target business from existing relationships', 0.8, 'Playbook: 80% van de omzet van klanten die al vóór dit jaar klant waren', 'Playbook: 80% of revenue from clients that were clients before this year'),
    row('targetReferralsPerA', 'Doel referrals per A-relatie per jaar', 'Target referrals per A relationship per year', 3, 'Playbook: 3 of meer referrals per A-relatie per jaar', 'Playbook: 3 or more referrals per A relationship per year'),
    row('targetRetentionAB', 'Doel behoud A- en B-klanten', 'Target retention of A and B clients', 0.9, 'Playbook: 90% of meer van de A- en B-klanten met omzet vorig jaar heeft ook dit jaar omzet', 'Playbook: 90% or more of the A and B clients with revenue last year also have revenue this year'),
    row('targetRepeatPlacements', 'Doel herhaalplaatsingen', 'Target repeat placements', 0.6, 'Playbook: 60% of meer van de plaatsingen zijn herhaalplaatsingen', 'Playbook: 60% or more of placements are repeat placements'),
    row('targetProposalsPerWeek', 'Doel voorstellen per week', 'Target proposals per week', 1, 'Onafhankelijkheid: minstens één voorstel per week (52 per jaar)', 'Independence: at least one proposal a week (52 a year)'),
    row('targetRecurringShare', 'Doel terugkerende omzet', 'Target recurring revenue share', null, 'Aandeel retainers (12 × retainer per maand) in de omzet. Het playbook vraagt "een hoog aandeel" zonder getal: leeg is geen doel', 'Share of retainers (12 × monthly retainer) in revenue. The playbook asks for "a high share" without a figure: empty is no target'),
    row('keyClientShare', 'Grens sleutelklant', 'Key-client threshold', 0.2, 'Een klant met dit aandeel van de omzet of meer is een sleutelklant (risico)', 'A client with this share of revenue or more is a key client (a risk)'),
    row('significantClientShare', 'Grens significante klant', 'Significant-customer level', 0.1, 'Vanaf 10% noemen verslaggevingsregels (IFRS 8) een klant significant', 'From 10% accounting standards (IFRS 8) call a customer significant'),
    row('cashReserveMinMonths', 'Kasreserve minimum (maanden)', 'Cash reserve minimum (months)', 3, 'Onafhankelijkheid: minstens 3 maanden vaste lasten in kas', 'Independence: at least 3 months of operating costs in cash'),
    row('cashReserveIdealMonths', 'Kasreserve ideaal (maanden)', 'Cash reserve ideal (months)', 6, 'Ideaal: 6 maanden', 'Ideal: 6 months'),
    row('cashReserveMonths', 'Kasreserve (maanden)', 'Cash reserve (months)', null, 'De werkelijke kasreserve in maanden vaste lasten; leeg is onbekend', 'The actual cash reserve in months of operating costs; empty is unknown'),
    row('bookedAheadMinDays', 'Vooruit geboekt minimum (dagen)', 'Booked ahead minimum (days)', 30, 'Onafhankelijkheid: 30-60 dagen werk vooruit geboekt', 'Independence: 30-60 days of work booked ahead'),
    row('bookedAheadIdealDays', 'Vooruit geboekt ideaal (dagen)', 'Booked ahead ideal (days)', 60, 'De bovenkant van 30-60 dagen', 'The top of 30-60 days'),
    row('bookedAheadDays', 'Vooruit geboekt (dagen)', 'Booked ahead (days)', null, 'Hoeveel dagen werk nu vooruit geboekt is; leeg is onbekend', 'How many days of work are booked ahead now; empty is unknown'),
    row('attentionA', 'Aandacht tier A', 'Attention tier A', 0.6, 'Playbook: 60% van de relatietijd naar A', 'Playbook: 60% of relationship time on A'),
    row('attentionB', 'Aandacht tier B', 'Attention tier B', 0.2, 'Playbook: 20% naar B', 'Playbook: 20% on B'),
    row('attentionC', 'Aandacht tier C', 'Attention tier C', 0.2, 'Playbook: 20% naar C', 'Playbook: 20% on C'),
    row('minutesClientA', 'Minuten touchpoint klant A', 'Touchpoint minutes client A', 20, 'Playbook: business check-in van 20 minuten', 'Playbook: a 20-minute business check-in'),
    row('minutesClientB', 'Minuten touchpoint klant B', 'Touchpoint minutes client B', 15, 'Playbook: 15 minuten', 'Playbook: 15 minutes'),
    row('minutesClientC', 'Minuten touchpoint klant C', 'Touchpoint minutes client C', 10, 'Playbook: 10 minuten', 'Playbook: 10 minutes'),
    row('minutesCandidateA', 'Minuten touchpoint kandidaat A', 'Touchpoint minutes candidate A', 15, 'Playbook: 15 minuten', 'Playbook: 15 minutes'),
    row('minutesCandidateB', 'Minuten touchpoint kandidaat B', 'Touchpoint minutes candidate B', 15, 'Playbook: 15 minuten', 'Playbook: 15 minutes'),
    row('minutesCandidateC', 'Minuten touchpoint kandidaat C', 'Touchpoint minutes candidate C', 10, 'Playbook: 10 minuten', 'Playbook: 10 minutes'),
    row('abcAShare', 'Tier-advies: grens A', 'Tier advice: A boundary', 0.8, 'Klanten die samen de eerste 80% van de omzet brengen krijgen advies A (als RELATION_TIER)', 'Clients that together bring the first 80% of revenue are advised A (as RELATION_TIER)'),
    row('abcBShare', 'Tier-advies: grens B', 'Tier advice: B boundary', 0.95, 'De volgende klanten tot 95% krijgen advies B, de rest C', 'The next clients up to 95% are advised B, the rest C'),
    row('candidateARepeatPlacements', 'Tier-advies kandidaat A: herhaalplaatsingen', 'Tier advice candidate A: repeat placements', 2, 'Keuze van Cadans (playbook: "herhaaldelijk geplaatst"): zoveel herhaalplaatsingen of meer geeft advies A', 'Cadans\'s choice (playbook: "placed repeatedly"): this many repeat placements or more advise A'),
    row('candidateAReferrals', 'Tier-advies kandidaat A: referrals', 'Tier advice candidate A: referrals', 2, 'Keuze van Cadans (playbook: "sterke referrers"): zoveel referrals of meer geeft advies A', 'Cadans\'s choice (playbook: "strong referrers"): this many referrals or more advise A'),
    row('candidateBPlacements', 'Tier-advies kandidaat B: plaatsingen', 'Tier advice candidate B: placements', 2, 'Keuze van Cadans (playbook: "regelmatig geplaatst"): zoveel plaatsingen of meer geeft advies B, minder C', 'Cadans\'s choice (playbook: "regular placements"): this many placements or more advise B, fewer C'),
    row('healthBase', 'Gezondheid: basis', 'Health: base', 60, 'Gezondheid (0-100) is een optelsom; Waarom noemt elk deel. Dit is het beginpunt (keuze van Cadans: het playbook noemt de signalen, geen gewichten)', 'Health (0-100) is a sum; Why names each part. This is the starting point (Cadans\'s choice: the playbook names the signals, not weights)'),
    row('healthOnSchedule', 'Gezondheid: op schema', 'Health: on schedule', 10, 'Erbij als het volgende contact niet te laat is', 'Added when the next contact is not overdue'),
    row('healthOverdueMax', 'Gezondheid: te laat (max)', 'Health: overdue (max)', 40, 'Eraf bij te laat, naar rato van dagen te laat ÷ interval; dit is het maximum, bij een heel interval te laat', 'Taken off when overdue, in proportion to days overdue ÷ interval; this is the most, at a whole interval late'),
    row('healthNever', 'Gezondheid: nooit gesproken', 'Health: never contacted', 20, 'Eraf als er nog nooit contact was', 'Taken off when there was never any contact'),
    row('healthPerRedFlag', 'Gezondheid: per rode vlag', 'Health: per red flag', 15, 'Eraf per rode vlag', 'Taken off per red flag'),
    row('healthPerSignal', 'Gezondheid: per kanssignaal', 'Health: per signal', 5, 'Erbij per kanssignaal', 'Added per opportunity signal'),
    row('healthReferrals', 'Gezondheid: referrals', 'Health: referrals', 5, 'Erbij als de relatie referrals gaf', 'Added when the relationship gave referrals'),
    row('healthRepeatBusiness', 'Gezondheid: herhaalplaatsingen', 'Health: repeat placements', 5, 'Erbij bij herhaalplaatsingen (herhaalbusiness)', 'Added with repeat placements (repeat business)'),
    row('healthSatisfaction', 'Gezondheid: tevredenheid na plaatsing', 'Health: satisfaction after placement', 5, 'Keuze van Cadans: erbij bij een tevredenheid van 8 of meer (het laatste nabelgesprek, 12 maanden), eraf bij 5 of minder', 'Cadans\'s choice: added for a satisfaction of 8 or more (the latest after-sales call, 12 months), subtracted for 5 or less'),
    row('healthRecentValueAdd', 'Gezondheid: recente waarde-add', 'Health: recent value add', 5, 'Erbij bij een touchpoint met waarde-add binnen het laatste interval', 'Added for a value-add touchpoint within the last interval'),
    row('historyMonths', 'Historie: maanden bewaren', 'Account history: months kept', 24, 'Keuze van Cadans: zoveel maanden momentopnamen per organisatie houdt het tabblad Historie (2 tot 120)', "Cadans's choice: the months of snapshots per organisation the Account history tab keeps (2 to 120)"),
  ];
}

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
