// Every word Cadans shows a user, in Dutch (the default) and English. Tab and column names live in
// sheets-templates/, beside the rest of the workbook's definition.

import type { Status } from '../core/cadence';
import type { ConcentrationVerdict } from '../core/concentration';
import type { Language } from '../core/locale';
import type { ParseError } from '../core/parse';

export type { Language };

const nl = {
  status: {
    never: 'nooit',
    overdue: 'te laat',
    dueSoon: 'binnenkort',
    onTrack: 'op schema',
    inactive: 'inactief',
  } satisfies Record<Status, string>,
  verdict: { low: 'laag', moderate: 'matig', high: 'hoog' } satisfies Record<ConcentrationVerdict, string>,
  concentration: {
    hhi: 'HHI',
    largestShare: 'Aandeel grootste klant',
    top5Share: 'Aandeel top 5',
    effectiveClients: 'Effectief aantal klanten',
    verdict: 'Oordeel',
  },
  // What each parser accepts, for messages of the form "<value>: <what is wrong>".
  parseError: {
    date: 'geen geldige datum; verwacht bijvoorbeeld 3-2-2026, 2026-02-03 of een datumcel (jaar 1900-9999)',
    amount: 'geen geldig bedrag; verwacht bijvoorbeeld € 12.500,00 of 12500',
    negativeAmount: 'een negatief bedrag; omzet is 0 of meer',
    count: 'geen geldig aantal; verwacht een heel getal, 0 of meer',
    tier: 'geen geldige tier; verwacht A, B of C (ook a, A-klant, Tier B)',
    yesNo: 'geen ja/nee; verwacht ja, nee, x, TRUE of FALSE',
    relationType: 'geen geldig type; verwacht Klant of Kandidaat',
    email: 'geen geldig e-mailadres',
    cellError: 'de cel bevat een foutwaarde',
  } satisfies Record<ParseError, string>,
  problem: {
    missingTab: 'tabblad ontbreekt; kies Cadans > Werkboek inrichten',
    missingColumn: 'kolom ontbreekt; kies Cadans > Werkboek inrichten of geef de kolom deze naam',
    duplicateColumn: 'kolom staat er twee keer; Cadans gebruikt de eerste',
    missingTier: 'geen tier ingevuld; verwacht A, B of C',
    missingId: 'geen ID ingevuld',
    duplicateId: 'ID komt vaker voor (eerst in rij {row}); touchpoints tellen voor de eerste',
    unknownRelation: 'geen relatie met dit ID in Relaties',
    futureContact: 'ligt na vandaag; Cadans rekent er toch mee',
    futureTouchpoint: 'touchpoint ligt na vandaag en telt pas vanaf die dag als contact',
    unknownSetting: 'onbekende instelling; Cadans laat deze rij met rust',
    badSetting: 'ongeldige waarde; Cadans gebruikt de standaard {fallback}',
    missingTouchpointDate: 'geen datum ingevuld',
  },
  formula: {
    invalid: "'{value}' is {what}",
    cadenceRange: 'cadence_months moet 3 cellen zijn: maanden voor A, B en C (bijvoorbeeld 1, 3, 6)',
    cadenceMonths: "'{value}' is geen geldig aantal maanden; verwacht een heel getal van 1 tot 120",
    dueSoonDays: "'{value}' is geen geldig aantal dagen; verwacht een heel getal van 0 tot 365",
    share: "'{value}' is geen geldig aandeel; verwacht een getal tussen 0 en 1, zoals 0,8 of 80%",
    shareOrder: 'a_share moet kleiner zijn dan of gelijk aan b_share',
    shape: 'de bereiken moeten even groot zijn ({a} en {b})',
    noRevenue: 'geen omzet gevonden; vul ten minste één bedrag groter dan 0 in',
    referenceDate: 'reference_date ontbreekt; verwijs naar een cel met de datum van vandaag',
  },
  menu: {
    title: 'Cadans',
    setup: 'Werkboek inrichten',
    refresh: 'Nu bijwerken',
    about: 'Over Cadans',
  },
  log: {
    headers: ['Tijdstip', 'Soort', 'Blad', 'Rij', 'Kolom', 'Waarde', 'Melding'],
    kindRun: 'run',
    kindProblem: 'probleem',
    kindSetup: 'inrichting',
    runSummary: '{job}: {relations} relaties, {never} nooit, {overdue} te laat, {dueSoon} binnenkort, {onTrack} op schema, {inactive} inactief, {problems} problemen',
    setupSummary: 'Inrichting: {tabs} tabbladen en {columns} kolommen toegevoegd, {settings} instellingen aangevuld',
  },
  ui: {
    refreshDone: 'Bijgewerkt: {relations} relaties, {overdue} te laat, {never} nooit gesproken, {problems} problemen (zie tabblad Log).',
    setupDone: 'Werkboek ingericht: {tabs} tabbladen en {columns} kolommen toegevoegd. Bestaande gegevens zijn niet gewijzigd.',
    setupNothing: 'Het werkboek was al ingericht; er is niets gewijzigd.',
    failed: 'Cadans kon dit niet afmaken en heeft niets gewijzigd: {message}',
    about: 'Cadans {version}: relatiecadans voor teams in Google Sheets. Tiers, volgend contact, status en concentratierisico volgens het playbook. Alle getallen staan in het tabblad Instellingen.',
  },
  cli: {
    summaryTitle: 'Cadans: {file} op {date}',
    relations: 'Relaties: {count}',
    statusLine: '  nooit {never} · te laat {overdue} · binnenkort {dueSoon} · op schema {onTrack} · inactief {inactive}',
    perOwner: 'Per eigenaar (nooit + te laat + binnenkort):',
    noOwner: '(geen eigenaar)',
    problems: 'Problemen: {count}',
    written: 'Geschreven: {path}',
  },
};

export type Catalogue = typeof nl;

const en: Catalogue = {
  status: {
    never: 'never',
    overdue: 'overdue',
    dueSoon: 'due soon',
    onTrack: 'on track',
    inactive: 'inactive',
  },
  verdict: { low: 'low', moderate: 'moderate', high: 'high' },
  concentration: {
    hhi: 'HHI',
    largestShare: 'Largest client share',
    top5Share: 'Top-5 share',
    effectiveClients: 'Effective number of clients',
    verdict: 'Verdict',
  },
  parseError: {
    date: 'not a valid date; expected e.g. 2/3/2026, 2026-02-03 or a date cell (year 1900-9999)',
    amount: 'not a valid amount; expected e.g. 12,500.00, € 12.500,00 or 12500',
    negativeAmount: 'a negative amount; revenue is 0 or more',
    count: 'not a valid count; expected a whole number, 0 or more',
    tier: 'not a valid tier; expected A, B or C (also a, A-client, Tier B)',
    yesNo: 'not yes/no; expected yes, no, x, TRUE or FALSE',
    relationType: 'not a valid type; expected Client or Candidate',
    email: 'not a valid e-mail address',
    cellError: 'the cell holds an error value',
  },
  problem: {
    missingTab: 'tab is missing; choose Cadans > Set up workbook',
    missingColumn: 'column is missing; choose Cadans > Set up workbook or give the column this name',
    duplicateColumn: 'column appears twice; Cadans uses the first',
    missingTier: 'no tier filled in; expected A, B or C',
    missingId: 'no ID filled in',
    duplicateId: 'ID appears more than once (first in row {row}); touchpoints count for the first',
    unknownRelation: 'no relation with this ID in Relations',
    futureContact: 'is after today; Cadans uses it anyway',
    futureTouchpoint: 'touchpoint is after today and counts as contact from that day on',
    unknownSetting: 'unknown setting; Cadans leaves this row alone',
    badSetting: 'invalid value; Cadans uses the default {fallback}',
    missingTouchpointDate: 'no date filled in',
  },
  formula: {
    invalid: "'{value}' is {what}",
    cadenceRange: 'cadence_months must be 3 cells: months for A, B and C (for example 1, 3, 6)',
    cadenceMonths: "'{value}' is not a valid number of months; expected a whole number from 1 to 120",
    dueSoonDays: "'{value}' is not a valid number of days; expected a whole number from 0 to 365",
    share: "'{value}' is not a valid share; expected a number between 0 and 1, such as 0.8 or 80%",
    shareOrder: 'a_share must be less than or equal to b_share',
    shape: 'the ranges must be the same size ({a} and {b})',
    noRevenue: 'no revenue found; enter at least one amount above 0',
    referenceDate: "reference_date is missing; refer to a cell holding today's date",
  },
  menu: {
    title: 'Cadans',
    setup: 'Set up workbook',
    refresh: 'Refresh now',
    about: 'About Cadans',
  },
  log: {
    headers: ['Time', 'Kind', 'Sheet', 'Row', 'Column', 'Value', 'Message'],
    kindRun: 'run',
    kindProblem: 'problem',
    kindSetup: 'setup',
    runSummary: '{job}: {relations} relations, {never} never, {overdue} overdue, {dueSoon} due soon, {onTrack} on track, {inactive} inactive, {problems} problems',
    setupSummary: 'Setup: added {tabs} tabs and {columns} columns, filled in {settings} settings',
  },
  ui: {
    refreshDone: 'Refreshed: {relations} relations, {overdue} overdue, {never} never contacted, {problems} problems (see the Log tab).',
    setupDone: 'Workbook set up: added {tabs} tabs and {columns} columns. Existing data was not changed.',
    setupNothing: 'The workbook was already set up; nothing was changed.',
    failed: 'Cadans could not finish this and changed nothing: {message}',
    about: 'Cadans {version}: relationship cadence for teams in Google Sheets. Tiers, next contact, status and concentration risk following the playbook. Every number is in the Settings tab.',
  },
  cli: {
    summaryTitle: 'Cadans: {file} on {date}',
    relations: 'Relations: {count}',
    statusLine: '  never {never} · overdue {overdue} · due soon {dueSoon} · on track {onTrack} · inactive {inactive}',
    perOwner: 'Per owner (never + overdue + due soon):',
    noOwner: '(no owner)',
    problems: 'Problems: {count}',
    written: 'Written: {path}',
  },
};

export const CATALOGUES: Record<Language, Catalogue> = { nl, en };

export function catalogue(language: Language): Catalogue {
  return CATALOGUES[language];
}

/** Fills `{name}` placeholders; a missing parameter stays visible rather than silently blank. */
export function fill(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole));
}
