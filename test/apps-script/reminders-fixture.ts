// A team's workbook for the morning-reminder tests, built around the real today in the
// spreadsheet's zone, and the expected digests worked out here from the calendar alone (Intl and
// plain arithmetic, not src/): subjects, dates, counts, order.

import type { FakeSpreadsheet } from './fakes/index';
import { addDays, daysBetween, edate, workbook } from './harness';
import { midnight, todayIn } from './harness';

export const RELATIES = ['ID', 'Naam', 'Type', 'Organisatie', 'E-mail', 'Eigenaar', 'Tier', 'Laatste contact', 'Jaaromzet', 'Plaatsingen', 'Referrals', 'Actief', 'Notities', 'Uitstellen tot', 'Volgend contact', 'Status', 'Dagen te laat'];
export const LOG = ['Tijdstip', 'Soort', 'Blad', 'Rij', 'Kolom', 'Waarde', 'Melding', 'Datum', 'Eigenaar', 'Aantal'];
export const LOG_COLUMN = Object.fromEntries(LOG.map((name, i) => [name, i])) as Record<(typeof LOG)[number], number>;

export const ANNA = 'anna@bureau.nl';
export const BRAM = 'bram@bureau.nl';
/** Typed with capitals in the sheet; addresses are case-insensitive, so mail goes to the lower-case form. */
export const CHRIS_TYPED = 'Chris@Bureau.nl';
export const CHRIS = 'chris@bureau.nl';
/** An owner outside the team's domain. */
export const ZOE = 'zoe@elders.nl';
/** A team-domain address that is also a relationship's own address. */
export const DIRK = 'dirk@bureau.nl';
export const OWNERS = [ANNA, BRAM, CHRIS] as const;

export const JANSEN = '<b>Jansen & Zn</b>';
export const JANSEN_ESCAPED = '&lt;b&gt;Jansen &amp; Zn&lt;/b&gt;';
export const AGENDA_CLIENT_A = 'Vacatures <Q3> & budget bespreken';
export const AGENDA_CLIENT_A_ESCAPED = 'Vacatures &lt;Q3&gt; &amp; budget bespreken';
/** The playbook's defaults (nothing in the workbook overrides these two). */
export const AGENDA_CLIENT_C = 'Korte check-in (10 min): hoe gaat het, komen er projecten aan';
export const AGENDA_CANDIDATE_A = 'Kandidaat-gesprek (15 min): loopbaanontwikkeling (5), huidige opdracht (3), toekomstige kansen (5), waarde toevoegen (2: een artikel, link of introductie)';
export const AGENDA_CANDIDATE_B = 'Eerst beschikbaarheid vragen';

const MONTHS = { A: 1, B: 3, C: 6 } as const;
const WEEKDAYS = ['zo', 'ma', 'di', 'wo', 'do', 'vr', 'za'];
const MONTH_NAMES = ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];

const ymd = (date: string) => date.split('-').map(Number) as [number, number, number];

/** 0 Sunday ... 6 Saturday. */
export function weekday(date: string): number {
  const [y, m, d] = ymd(date);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

/** `di 24 nov`, as the subject shows a date. */
export function shortDate(date: string): string {
  const [, m, d] = ymd(date);
  return `${WEEKDAYS[weekday(date)]} ${d} ${MONTH_NAMES[m - 1]}`;
}

/** `24-11-2026`, as the digest's lines show a date. */
export function dmy(date: string): string {
  const [y, m, d] = ymd(date);
  return `${String(d).padStart(2, '0')}-${String(m).padStart(2, '0')}-${y}`;
}

/** Dutch public holidays (the ones Cadans skips), worked out here to pick the fixture's send days. */
export function dutchHoliday(date: string): boolean {
  const [year] = ymd(date);
  // Anonymous Gregorian Easter.
  const a = year % 19, b = Math.floor(year / 100), c = year % 100, d = Math.floor(b / 4), e = b % 4;
  const f = Math.floor((b + 8) / 25), g = Math.floor((b - f + 1) / 3), h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4), k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7, m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31), day = ((h + l - 7 * m + 114) % 31) + 1;
  const easter = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const kings = weekday(`${year}-04-27`) === 0 ? `${year}-04-26` : `${year}-04-27`;
  const days = [`${year}-01-01`, easter, addDays(easter, 1), kings, addDays(easter, 39), addDays(easter, 49), addDays(easter, 50), `${year}-12-25`, `${year}-12-26`];
  if (year % 5 === 0) days.push(`${year}-05-05`);
  return days.includes(date);
}

/**
 * The send-day settings that make today a send day: the defaults (ma-vr, skip holidays) when they
 * do, else every day without skipping, so the suite passes on any date.
 */
export function sendDaysFor(today: string): { sendDays: string; skipHolidays: string } {
  const weekdayToday = weekday(today);
  return weekdayToday >= 1 && weekdayToday <= 5 && !dutchHoliday(today) ? { sendDays: 'ma-vr', skipHolidays: 'ja' } : { sendDays: 'ma-zo', skipHolidays: 'nee' };
}

/** A Verzenddagen value that leaves today out: tomorrow's weekday alone. */
export function notToday(today: string): string {
  return WEEKDAYS[weekday(addDays(today, 1))];
}

export interface SettingsOptions {
  team?: string | null;
  sendDays?: string;
  skipHolidays?: string;
  sendHour?: number;
  language?: 'nl' | 'en';
}

export function settingsRows(today: string, options: SettingsOptions = {}): unknown[][] {
  const days = sendDaysFor(today);
  return [
    ['Instelling', 'Waarde', 'Uitleg'],
    ['Taal', options.language ?? 'nl', ''],
    ['Maanden tussen contact, tier A', 1, ''],
    ['Maanden tussen contact, tier B', 3, ''],
    ['Maanden tussen contact, tier C', 6, ''],
    ['Venster binnenkort (dagen)', 7, ''],
    ['Landinstelling', '', ''],
    ['Tijdzone', '', ''],
    ['Vandaag', '', ''],
    ['Verzenddagen', options.sendDays ?? days.sendDays, ''],
    ['Feestdagen overslaan', options.skipHolidays ?? days.skipHolidays, ''],
    ['Verzenduur', options.sendHour ?? 7, ''],
    ['Team', options.team === undefined ? '@bureau.nl' : (options.team ?? ''), ''],
    ['Agenda klant A', AGENDA_CLIENT_A, ''],
    ['Agenda kandidaat B', AGENDA_CANDIDATE_B, ''],
  ];
}

export const SETTINGS_ROW = { sendDays: 10, skipHolidays: 11, sendHour: 12, team: 13 } as const;

/** What the digest says about one relationship. */
export interface ExpectedItem {
  row: number;
  name: string;
  line1: string;
  last: string | null;
  next: string;
  status: 'overdue' | 'never' | 'dueSoon';
  daysOverdue: number;
  agenda: string;
}

interface Rel {
  id: string;
  name: string;
  type: 'Klant' | 'Kandidaat';
  organisation: string;
  email: string;
  owner: string;
  tier: 'A' | 'B' | 'C';
  /** Days before today of the last contact; null: never. */
  ago: number | null;
  active?: string;
  /** Days after today the snooze ends. */
  snooze?: number;
}

function item(rel: Rel, row: number, today: string): ExpectedItem | null {
  if (rel.active === 'nee') return null;
  if (rel.snooze !== undefined && rel.snooze > 0) return null;
  const last = rel.ago === null ? null : addDays(today, -rel.ago);
  const next = last === null ? today : edate(last, MONTHS[rel.tier]);
  const ahead = daysBetween(today, next);
  if (last !== null && ahead > 7) return null;
  const status = last === null ? 'never' : ahead < 0 ? 'overdue' : 'dueSoon';
  const agendas: Record<string, string> = {
    'Klant A': AGENDA_CLIENT_A,
    'Klant C': AGENDA_CLIENT_C,
    'Kandidaat A': AGENDA_CANDIDATE_A,
    'Kandidaat B': AGENDA_CANDIDATE_B,
  };
  return {
    row,
    name: rel.name,
    line1: `${rel.type} · ${rel.organisation} · Tier ${rel.tier}`,
    last,
    next,
    status,
    daysOverdue: status === 'overdue' ? -ahead : 0,
    agenda: agendas[`${rel.type} ${rel.tier}`],
  };
}

export interface Team {
  tz: string;
  today: string;
  ss: FakeSpreadsheet;
  relations: Rel[];
  /** Every relationship's own address. */
  relationAddresses: string[];
  /** Per owner on the team, the digest's items in their order. */
  digests: Map<string, ExpectedItem[]>;
  subjects: Map<string, string>;
  /** Rows of the not-on-team owner's relationships with work. */
  zoeRows: number[];
  dirkRow: number;
}

/**
 * Several owners on @bureau.nl (one typed with capitals), one outside it, one whose address is a
 * relationship's own; overdue, never contacted, due soon, on track, inactive and snoozed rows.
 */
export function team(tz: string, settings: SettingsOptions = {}): Team {
  const today = todayIn(tz);
  const relations: Rel[] = [
    { id: 'R01', name: 'Marieke Hoekstra', type: 'Klant', organisation: 'Waterschap Rijnvallei', email: 'm.hoekstra@rijnvallei.example', owner: ANNA, tier: 'A', ago: 75 },
    { id: 'R02', name: 'Daan Visser', type: 'Kandidaat', organisation: 'Freelance controller', email: 'daan@vissercontrol.example', owner: ANNA, tier: 'B', ago: 130 },
    { id: 'R03', name: 'Eva Koster', type: 'Klant', organisation: 'Stichting Jeugdzorg Oost', email: 'e.koster@jeugdzorg-oost.example', owner: ANNA, tier: 'C', ago: null },
    { id: 'R04', name: JANSEN, type: 'Klant', organisation: 'Jansen & Zn B.V.', email: 'info@jansen.example', owner: ANNA, tier: 'A', ago: 27 },
    { id: 'R05', name: 'Thomas Verbeek', type: 'Klant', organisation: 'Zorggroep Middenland', email: 't.verbeek@zorggroep.example', owner: ANNA, tier: 'A', ago: 2 },
    { id: 'R06', name: 'Ingrid de Wit', type: 'Klant', organisation: 'Gemeente Heuvelrug', email: 'i.dewit@heuvelrug.example', owner: ANNA, tier: 'A', ago: 75, snooze: 3 },
    { id: 'R07', name: 'Anouk Peters', type: 'Kandidaat', organisation: 'Recruiter (ZZP)', email: 'anouk@mail.example', owner: ANNA, tier: 'B', ago: 400, active: 'nee' },
    { id: 'R08', name: 'Noor Hendriks', type: 'Kandidaat', organisation: 'Data-engineer', email: 'noor@mail.example', owner: BRAM, tier: 'A', ago: null },
    { id: 'R09', name: 'Mehmet Yilmaz', type: 'Kandidaat', organisation: 'Interim IT-manager', email: 'mehmet@mail.example', owner: BRAM, tier: 'B', ago: 200, snooze: 0 },
    { id: 'R10', name: 'Lotte Smit', type: 'Klant', organisation: 'TechNova', email: 'lotte@technova.example', owner: CHRIS_TYPED, tier: 'A', ago: 25 },
    { id: 'R11', name: 'Hans Mulder', type: 'Klant', organisation: 'Bakkerij De Graanschuur', email: 'hans@graanschuur.example', owner: ZOE, tier: 'A', ago: 60 },
    { id: 'R12', name: 'Sophie van den Berg', type: 'Kandidaat', organisation: 'Payroll', email: 'sophie@mail.example', owner: ZOE, tier: 'C', ago: null },
    { id: 'R13', name: 'Dirk Vos', type: 'Kandidaat', organisation: 'Oud-collega', email: DIRK, owner: BRAM, tier: 'A', ago: 3 },
    { id: 'R14', name: 'Kees van Leeuwen', type: 'Klant', organisation: 'Hollandse Bouwgroep', email: 'kees@hbg.example', owner: DIRK, tier: 'A', ago: 50 },
  ];
  const rows: unknown[][] = [RELATIES];
  for (const r of relations) {
    rows.push([
      r.id, r.name, r.type, r.organisation, r.email, r.owner, r.tier,
      r.ago === null ? '' : midnight(tz, addDays(today, -r.ago)),
      '', '', '', r.active ?? 'ja', '',
      r.snooze === undefined ? '' : midnight(tz, addDays(today, r.snooze)),
    ]);
  }
  const ss = workbook({
    timeZone: tz,
    sheets: {
      // The team's own first tab, so that Relaties has a gid other than 0.
      Overzicht: [['Welkom']],
      Relaties: rows,
      Touchpoints: [['Datum', 'Relatie-ID', 'Soort', 'Duur (min)', 'Eigenaar', 'Notities']],
      Instellingen: settingsRows(today, settings),
      Log: [LOG],
    },
  });
  const digests = new Map<string, ExpectedItem[]>();
  relations.forEach((r, i) => {
    const owner = r.owner.toLowerCase();
    if (!(OWNERS as readonly string[]).includes(owner)) return;
    const it = item(r, i + 2, today);
    if (it) digests.set(owner, [...(digests.get(owner) ?? []), it]);
  });
  const order = { overdue: 0, never: 1, dueSoon: 2 };
  const tierOf = (it: ExpectedItem) => it.line1.slice(-1);
  for (const list of digests.values()) list.sort((a, b) => order[a.status] - order[b.status] || tierOf(a).localeCompare(tierOf(b)) || a.next.localeCompare(b.next));
  const subjects = new Map<string, string>();
  for (const [owner, list] of digests) {
    const n = (s: ExpectedItem['status']) => list.filter((i) => i.status === s).length;
    const parts = [n('overdue') && `${n('overdue')} te laat`, n('never') && `${n('never')} nooit gesproken`, n('dueSoon') && `${n('dueSoon')} binnen 7 dagen`].filter(Boolean);
    subjects.set(owner, `Cadans: ${parts.join(', ')} (${shortDate(today)})`);
  }
  return { tz, today, ss, relations, relationAddresses: relations.map((r) => r.email), digests, subjects, zoeRows: [12, 13], dirkRow: 15 };
}

/**
 * The week plan of one owner, worked out here on its own (60 minutes a day, Monday to Friday,
 * Dutch holidays skipped when the settings skip them, a horizon of 28 days): every active
 * relationship due within the horizon (a snoozed one from the day its snooze ends), overdue A
 * first, then by lateness relative to the interval; due now on the first day with room, due later
 * on the last day with room up to the due date. Returns each row's day, in the plan's order, and
 * the next five working days.
 */
export function expectedPlan(t: Team, owner: string): { day: Map<number, string>; week: string[] } {
  const { today } = t;
  const skipHolidays = sendDaysFor(today).skipHolidays === 'ja';
  const working = (d: string) => weekday(d) >= 1 && weekday(d) <= 5 && !(skipHolidays && dutchHoliday(d));
  type PlanRow = { row: number; tier: 'A' | 'B' | 'C'; due: string; minutes: number };
  const rows: PlanRow[] = [];
  t.relations.forEach((r, i) => {
    if (r.owner.toLowerCase() !== owner || r.active === 'nee') return;
    const next = r.ago === null ? today : edate(addDays(today, -r.ago), MONTHS[r.tier]);
    const snoozeEnd = r.snooze !== undefined && r.snooze > 0 ? addDays(today, r.snooze) : null;
    const due = snoozeEnd !== null && snoozeEnd > next ? snoozeEnd : next;
    if (daysBetween(today, due) > 27) return;
    rows.push({ row: i + 2, tier: r.tier, due, minutes: { Klant: { A: 20, B: 15, C: 10 }, Kandidaat: { A: 15, B: 15, C: 10 } }[r.type][r.tier] });
  });
  const interval = (tier: 'A' | 'B' | 'C') => daysBetween(today, edate(today, MONTHS[tier]));
  const lateness = (i: PlanRow) => daysBetween(i.due, today) / interval(i.tier);
  const first = (i: PlanRow) => (i.tier === 'A' && i.due < today ? 0 : 1);
  rows.sort((a, b) => first(a) - first(b) || lateness(b) - lateness(a) || a.tier.localeCompare(b.tier) || a.due.localeCompare(b.due) || a.row - b.row);
  const load = new Map<string, number>();
  const fits = (d: string, m: number) => working(d) && (load.get(d) ?? 0) + m <= 60;
  const day = new Map<number, string>();
  for (const i of rows) {
    let chosen: string | null = null;
    if (i.due <= today) {
      for (let d = today; chosen === null; d = addDays(d, 1)) if (fits(d, i.minutes)) chosen = d;
    } else {
      for (let d = i.due; chosen === null && d >= today; d = addDays(d, -1)) if (fits(d, i.minutes)) chosen = d;
      for (let d = addDays(i.due, 1); chosen === null; d = addDays(d, 1)) if (fits(d, i.minutes)) chosen = d;
    }
    load.set(chosen, (load.get(chosen) ?? 0) + i.minutes);
    day.set(i.row, chosen);
  }
  const week: string[] = [];
  for (let d = today; week.length < 5; d = addDays(d, 1)) if (working(d)) week.push(d);
  return { day, week };
}

/** The plain-text part of a digest, line for line: the week plan's part first. */
export function expectedText(t: Team, owner: string): string {
  const all = t.digests.get(owner)!;
  const plan = expectedPlan(t, owner);
  // Today's planned relationships in the plan's order (most urgent first), then the rest as the digest orders them.
  const planOrder = [...plan.day.keys()];
  const planned = all.filter((i) => plan.day.get(i.row) === t.today).sort((a, b) => planOrder.indexOf(a.row) - planOrder.indexOf(b.row));
  const minutes = planned.reduce((sum, i) => sum + ({ 'Klant A': 20, 'Klant B': 15, 'Klant C': 10, 'Kandidaat A': 15, 'Kandidaat B': 15, 'Kandidaat C': 10 } as Record<string, number>)[`${i.line1.split(' · ')[0]} ${i.line1.slice(-1)}`], 0);
  const items = [...planned, ...all.filter((i) => !planned.includes(i))];
  const lines = [
    items.length === 1
      ? `Goedemorgen! Vandaag (${shortDate(t.today)}) staat er 1 relatie op je lijst.`
      : `Goedemorgen! Vandaag (${shortDate(t.today)}) staan er ${items.length} relaties op je lijst: eerst wat je planning voor vandaag heeft, dan wat verder aan de beurt is.`,
    '',
    planned.length === 0 ? '== Vandaag staat er niets gepland: je 60 minuten zijn vrij ==' : planned.length === 1 ? `== Vandaag gepland: 1 relatie, ${minutes} van je 60 minuten ==` : `== Vandaag gepland: ${planned.length} relaties, ${minutes} van je 60 minuten ==`,
    '',
  ];
  items.forEach((i, index) => {
    if (index === planned.length) lines.push('== Verder aan de beurt (op een latere dag gepland) ==', '');
    // "nooit" is said once, after Laatste contact; one day overdue is singular.
    const state = i.status === 'overdue' ? (i.daysOverdue === 1 ? '1 dag te laat' : `${i.daysOverdue} dagen te laat`) : i.status === 'never' ? null : 'binnenkort';
    lines.push(`- ${i.name}`, `  ${i.line1}`, `  Laatste contact: ${i.last === null ? 'nooit' : dmy(i.last)} · Contact uiterlijk: ${dmy(i.next)}${state ? ` · ${state}` : ''}`);
    lines.push(`  Agenda: ${i.agenda}`, `  ${rowLink(t.ss, i.row)}`, '');
  });
  const count = (d: string) => [...plan.day.values()].filter((x) => x === d).length;
  lines.push(`Komende dagen: ${plan.week.map((d) => `${WEEKDAYS[weekday(d)]} ${count(d)}`).join(' · ')}`, '');
  lines.push('Verstuurd door Cadans. Uitstellen? Vul "Uitstellen tot" in bij de relatie. Herinneringen uit: Cadans > Herinneringen uitzetten.');
  return lines.join('\n');
}

/** The link to a row of Relaties: the spreadsheet's URL, the tab's gid, the row. */
export function rowLink(ss: FakeSpreadsheet, row: number): string {
  return `${ss.$url()}#gid=${ss.$sheet('Relaties').sheetId}&range=A${row}`;
}
