// The after-sales calls the refresh adds to Acties (issue 12): one per placement touchpoint, never
// twice for the same placement (src/core/aftersales.ts holds the rule).

import { isPlacementKind } from '../core/referrals';
import { kindMatcher, normaliseKind } from '../core/vocabulary';
import { afterSalesActions } from '../core/aftersales';
import { type Day, formatDay } from '../core/dates';
import type { OpenAction } from '../core/digest';
import { catalogue, fill } from '../i18n/catalogue';
import type { ActionRecord } from '../workbook/actions';
import type { RelationRecord, TouchpointRecord } from '../workbook/relations';
import type { Settings } from '../workbook/settings';

/** The action's text for a placement, in either language (both are recognised as the same action). */
export function afterSalesText(placement: Day, language: 'nl' | 'en'): string {
  return fill(catalogue(language).sidebar.afterSalesAction, { date: formatDay(placement) });
}

export interface AfterSalesPlan {
  /** Acties rows to append, by column key (the Deadline and Aangemaakt as days, for the shell's clock). */
  rows: Array<{ relationId: string; relation: string; owner: string; action: string; due: Day; created: Day }>;
  /** The same as open actions, so that this run's morning mail already knows them. */
  open: OpenAction[];
}

export function planAfterSales(relationsById: ReadonlyMap<string, RelationRecord>, touchpoints: readonly TouchpointRecord[], existing: readonly ActionRecord[], settings: Settings, today: Day): AfterSalesPlan {
  const known = new Set(existing.map((a) => `${a.relationId}\u0000${normaliseKind(a.action)}`));
  // Only relationships with a placement up to today need their history read; most mornings none.
  const placed = new Set<string>();
  for (const t of touchpoints) if (t.day <= today && isPlacementKind(t.kind) && relationsById.has(t.relationId)) placed.add(t.relationId);
  if (placed.size === 0) return { rows: [], open: [] };
  const actions = afterSalesActions(
    touchpoints.filter((t) => placed.has(t.relationId)).map((t) => ({ relationId: t.relationId, day: t.day, row: t.row, kind: t.kind, satisfaction: t.satisfaction ?? null })),
    today,
    settings.conversations.afterSalesDays,
    (id, placement) => (['nl', 'en'] as const).some((l) => known.has(`${id}\u0000${normaliseKind(afterSalesText(placement, l))}`)),
    isAfterSalesKind,
  );
  const rows: AfterSalesPlan['rows'] = [];
  const open: OpenAction[] = [];
  actions.forEach((a, i) => {
    const relation = relationsById.get(a.relationId)!;
    const action = afterSalesText(a.placement, settings.language);
    rows.push({ relationId: a.relationId, relation: relation.name, owner: relation.owner ?? '', action, due: a.due, created: today });
    // Not yet on the sheet: a row number after the last is only a place for messages.
    open.push({ row: Math.max(1, ...existing.map((e) => e.row)) + 1 + i, relation: relation.name || a.relationId, action, due: a.due, owner: relation.owner, done: false });
  });
  return { rows, open };
}

/** The Soort of an after-sales call, in either language (the sidebar writes its type's name). */
export const isAfterSalesKind: (kind: string) => boolean = kindMatcher((['nl', 'en'] as const).map((l) => catalogue(l).sidebar.conversationTypes.afterSales));

/** An action Cadans added for a placement's after-sales call, in either language, for any date. */
export function isAfterSalesAction(text: string): boolean {
  return (['nl', 'en'] as const).some((l) => {
    // Collapsed and lower-cased, but the template's parts keep their edge spaces around the date.
    const squash = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ');
    const [before, after] = catalogue(l).sidebar.afterSalesAction.split('{date}').map(squash);
    const t = squash(text.trim());
    return t.length > before.length + after.length && t.startsWith(before) && t.endsWith(after) && /^\d{2}-\d{2}-\d{4}$/.test(t.slice(before.length, t.length - after.length));
  });
}

/**
 * The open after-sales actions of a relationship on the Acties tab (sheet rows): the call logged
 * from the sidebar closes them (Gedaan = ja), so that nobody is reminded of a call already made.
 */
export function openAfterSalesRows(actions: readonly ActionRecord[], relationId: string): number[] {
  return actions.filter((a) => !a.done && a.relationId === relationId && isAfterSalesAction(a.action)).map((a) => a.row);
}
