// A synthetic agency workbook for the benchmark: N relationships with 10 touchpoints each, 25
// owners on one team domain, and about 1% messy cells (text dates in both locales' styles,
// amounts with currency and separators, tiers such as `a-klant`, blanks and a few invalid
// values). Deterministic: the same size gives the same workbook every time.
//
// Date cells are handed out through `dateCell`, so each shell gets what it really holds: midnight
// in the spreadsheet's zone in Google Sheets, midnight UTC in an .xlsx.

import { type Day, dayFromYmd, formatDay, isoFromDay, ymdFromDay } from '../src/core/dates';
import { defaultValueOf, SETTING_DEFS } from '../sheets-templates/settings';
import { LOG, RELATIONS, SETTINGS, TOUCHPOINTS } from '../sheets-templates/tabs';

export const TODAY: Day = dayFromYmd(2026, 11, 24); // a Tuesday, not a holiday: a send day
export const TODAY_ISO = '2026-11-24';
export const TIME_ZONE = 'Europe/Amsterdam';
export const LOCALE = 'nl_NL';
export const TEAM_DOMAIN = 'bureau-lindeboom.nl';
export const OWNER_COUNT = 25;
export const TOUCHPOINTS_PER_RELATION = 10;

const FIRST = ['Sanne', 'Joris', 'Amira', 'Daan', 'Lotte', 'Bram', 'Fleur', 'Thijs', 'Noor', 'Sem', 'Eva', 'Lucas', 'Yara', 'Milan', 'Zoë', 'Finn', 'Iris', 'Ruben', 'Lieke', 'Mohamed', 'Sophie', 'Jesse', 'Anouk', 'Tim', 'Fatima', 'Bas', 'Julia', 'Koen', 'Emma', 'Stijn'];
const LAST = ['de Vries', 'Bakker', 'El Idrissi', 'Jansen', 'Visser', 'Smit', 'Meijer', 'de Boer', 'Mulder', 'de Groot', 'Bos', 'Vos', 'Peters', 'Hendriks', 'van Dijk', 'Yılmaz', 'Dekker', 'Brouwer', 'de Wit', 'Dijkstra', 'Kaya', 'van den Berg', 'Kok', 'Jacobs', 'Vermeulen'];
const ORGS = ['Lindeboom Zorg', 'Van Dam Logistiek', 'Rijnmond Bouw', 'Noorderlicht ICT', 'De Haan Finance', 'Polderwerk', 'Kustlijn Energie', 'Stadsbank', 'Groen & Co', 'Maasdelta Techniek'];
const KINDS = ['Bel', 'Mail', 'Bezoek', 'Video', 'Lunch'];
const MONTHS_NL = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** mulberry32: a small seeded generator, so every run benchmarks the same workbook. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const OWNERS: string[] = Array.from({ length: OWNER_COUNT }, (_, i) => {
  const first = FIRST[i % FIRST.length].toLowerCase().replace('ë', 'e');
  const last = LAST[i % LAST.length].toLowerCase().replace(/\s+/g, '').replace('ı', 'i');
  return `${first}.${last}@${TEAM_DOMAIN}`;
});

/** `3-2-2026`, as a Dutch team types a date. */
function dutchText(day: Day): string {
  const { year, month, day: d } = ymdFromDay(day);
  return `${d}-${month}-${year}`;
}

/** A date as text in one of the styles people paste (all valid in an nl_NL sheet). */
function textDate(day: Day, pick: number): string {
  const { year, month, day: d } = ymdFromDay(day);
  switch (pick % 5) {
    case 0:
      return dutchText(day); // 3-2-2026
    case 1:
      return isoFromDay(day); // 2026-02-03
    case 2:
      return `${d} ${MONTHS_NL[month - 1]} ${year}`; // 3 februari 2026
    case 3:
      return `${MONTHS_EN[month - 1]} ${d}, ${year}`; // Feb 3, 2026 (en_US style)
    default:
      return formatDay(day, 'dmy').replace(/-/g, '/'); // 03/02/2026
  }
}

function money(amount: number, pick: number): string {
  const whole = Math.round(amount);
  const dots = whole.toLocaleString('de-DE'); // 12.500
  const commas = whole.toLocaleString('en-US'); // 12,500
  switch (pick % 4) {
    case 0:
      return `€ ${dots},00`;
    case 1:
      return `${dots},-`;
    case 2:
      return `EUR ${commas}.00`;
    default:
      return `€${dots}`;
  }
}

export interface Stats {
  relations: number;
  touchpoints: number;
  /** Cells made messy on purpose, by kind. */
  messy: Record<string, number>;
}

export interface SyntheticWorkbook {
  /** Tab name to rows from A1 (header first). */
  sheets: Record<string, unknown[][]>;
  stats: Stats;
}

export type DateCell = (day: Day) => unknown;

export const RELATION_HEADER = RELATIONS.columns.map((c) => c.nl);
export const TOUCHPOINT_HEADER = TOUCHPOINTS.columns.map((c) => c.nl);
export const LOG_HEADER = LOG.columns.map((c) => c.nl);

export function settingsRows(): unknown[][] {
  const rows: unknown[][] = [SETTINGS.columns.map((c) => c.nl)];
  for (const def of SETTING_DEFS) {
    const value = def.key === 'team' ? `@${TEAM_DOMAIN}` : (defaultValueOf(def, 'nl') ?? '');
    rows.push([def.nl, value, def.explanation.nl]);
  }
  return rows;
}

/** The Relaties and Touchpoints rows (headers included) for `n` relationships. */
/** `perRelation`: touchpoints logged per relationship (10 unless a measure asks for an older workbook). */
export function generate(n: number, dateCell: DateCell, perRelation = TOUCHPOINTS_PER_RELATION): SyntheticWorkbook {
  const rnd = random(0xc4da5 + n);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)];
  const messy: Record<string, number> = {};
  const mark = (kind: string) => (messy[kind] = (messy[kind] ?? 0) + 1);

  const relations: unknown[][] = [RELATION_HEADER];
  const ids: string[] = [];
  const fresh = new Set<number>();
  for (let i = 1; i <= n; i++) {
    const id = `R${String(i).padStart(6, '0')}`;
    ids.push(id);
    const client = rnd() < 0.45;
    const tierRoll = rnd();
    let tier: unknown = tierRoll < 0.2 ? 'A' : tierRoll < 0.5 ? 'B' : 'C';
    const lastDay = TODAY - int(0, 420);
    // 2% are new: never contacted, only planned touchpoints. Another 4% have a blank Last contact
    // cell but logged touchpoints (the team logs calls and leaves the column empty).
    const isNew = rnd() < 0.02;
    if (isNew) fresh.add(i - 1);
    let last: unknown = isNew || rnd() < 0.04 ? '' : dateCell(lastDay);
    const revenueAmount = client ? int(2, 400) * 500 : null;
    let revenue: unknown = revenueAmount ?? '';
    let owner: unknown = OWNERS[(i * 7) % OWNER_COUNT];
    const active = rnd() < 0.03 ? 'nee' : rnd() < 0.3 ? 'ja' : '';
    const snooze = rnd() < 0.01 ? dateCell(TODAY + int(1, 30)) : '';

    // About 1% of rows get one messy cell; about a fifth of those are invalid.
    if (rnd() < 0.01) {
      const kind = int(0, 13);
      switch (kind) {
        case 0:
        case 1:
        case 2:
          last = textDate(lastDay, int(0, 4));
          mark('text date');
          break;
        case 3:
        case 4:
          if (revenueAmount !== null) {
            revenue = money(revenueAmount, int(0, 3));
            mark('text amount');
          }
          break;
        case 5:
        case 6:
          tier = pick(['a-klant', ' b ', 'Tier C', 'c', 'B-klant']);
          mark('loose tier');
          break;
        case 7:
          tier = '';
          mark('blank tier');
          break;
        case 8:
          last = '';
          mark('blank last contact');
          break;
        case 9:
          owner = '';
          mark('blank owner');
          break;
        case 10:
          last = pick(['vorige week', '31-2-2026', '#N/A', '2026-13-01']);
          mark('invalid date');
          break;
        case 11:
          tier = pick(['D', 'top', '#REF!']);
          mark('invalid tier');
          break;
        case 12:
          revenue = pick(['veel', '€ -500', 'n.v.t.']);
          mark('invalid amount');
          break;
        default:
          last = `${textDate(lastDay, 0)} 14:30`;
          mark('text date-time');
      }
    }
    const name = `${pick(FIRST)} ${pick(LAST)}`;
    relations.push([
      id,
      name,
      client ? 'Klant' : 'Kandidaat',
      client ? pick(ORGS) : '',
      `${name.toLowerCase().replace(/[^a-z]+/g, '.')}${i}@mail.example.nl`,
      owner,
      tier,
      last,
      revenue,
      client ? int(0, 12) : '',
      int(0, 3),
      active,
      rnd() < 0.2 ? 'Voorkeur voor bellen na 16:00' : '',
      snooze,
      '',
      '',
      '',
    ]);
  }

  const touchpoints: unknown[][] = [TOUCHPOINT_HEADER];
  // Logged in time order across relationships, as a team logs them, not grouped per relation.
  for (let j = 0; j < perRelation; j++) {
    for (let i = 0; i < n; i++) {
      const roll = rnd();
      const day = fresh.has(i) || roll < 0.005 ? TODAY + int(1, 90) : TODAY - int(0, 720); // planned ahead
      let date: unknown = dateCell(day);
      let id = ids[i];
      if (rnd() < 0.01) {
        date = textDate(day, int(0, 4));
        mark('touchpoint text date');
      } else if (rnd() < 0.001) {
        id = `R9${String(i).padStart(6, '0')}`;
        mark('touchpoint unknown ID');
      } else if (rnd() < 0.0005) {
        date = '';
        mark('touchpoint blank date');
      }
      touchpoints.push([date, id, pick(KINDS), pick([5, 10, 15, 20, 30]), OWNERS[int(0, OWNER_COUNT - 1)], '']);
    }
  }

  return {
    sheets: {
      Relaties: relations,
      Touchpoints: touchpoints,
      Instellingen: settingsRows(),
      Log: [LOG_HEADER],
    },
    stats: { relations: n, touchpoints: touchpoints.length - 1, messy },
  };
}
