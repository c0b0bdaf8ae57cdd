// Relationships as morning-mail candidates: shared by the mail (reminders.ts) and the Vandaag tab,
// so both list the same relationships in the same order.

import type { CadenceResult } from '../core/cadence';
import type { Day } from '../core/dates';
import type { DigestCandidate } from '../core/digest';
import { needsAttention } from '../core/health';
import type { RelationRecord } from '../workbook/relations';

export interface CandidateSource {
  outcomes: ReadonlyArray<CadenceResult & { relation: RelationRecord; lastContact: Day | null; referralMoment?: boolean; noResponseSuggested?: number | null }>;
}

/** Every relationship as a digest candidate; the planner picks the ones due. */
export function candidates(result: CandidateSource): DigestCandidate[] {
  return result.outcomes.map((o) => ({
    row: o.relation.row,
    id: o.relation.id,
    name: o.relation.name,
    type: o.relation.type,
    organisation: o.relation.organisation,
    tier: o.relation.tier ?? 'C',
    owner: o.relation.owner,
    status: o.status,
    lastContact: o.lastContact,
    nextContact: o.nextContact,
    daysOverdue: o.daysOverdue,
    snoozedUntil: o.relation.snoozeUntil,
    lastContactUnreadable: o.relation.lastContactUnreadable ?? null,
    attention: needsAttention(o),
    redFlags: o.relation.redFlags,
    redFlagsSince: o.relation.redFlagsSince,
    referralMoment: o.referralMoment ?? false,
    noResponseSuggested: o.noResponseSuggested ?? null,
  }));
}
