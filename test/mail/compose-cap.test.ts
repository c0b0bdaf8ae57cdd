// Issue 9: a morning mail stays under 100 KB whatever the backlog: at most `maxItems` relationships
// named (the rest counted, with a link to the sheet), long texts clipped, and fewer named should
// the texts still make it heavier. MailApp refuses a body over 200 KB.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayFromYmd } from '../../src/core/dates';
import type { Digest, DigestItem } from '../../src/core/digest';
import { composeDigest, type ComposeOptions } from '../../src/mail/compose';

const DAY = dayFromYmd(2026, 11, 23);
const LIMIT = 100 * 1024;
const SHEET = 'https://docs.google.com/spreadsheets/d/abc/edit#gid=0';

function digest(n: number, actions: number, text: string): Digest {
  const items: DigestItem[] = Array.from({ length: n }, (_, i) => ({
    row: i + 2,
    id: `R${i + 1}`,
    name: `${text}${i}`,
    type: 'client',
    organisation: text,
    tier: 'A',
    owner: 'sanne@bureau.nl',
    status: 'overdue',
    lastContact: DAY - 400,
    nextContact: DAY - 370 + (i % 30),
    daysOverdue: 370 - (i % 30),
    snoozedUntil: null,
  }));
  return {
    owner: 'sanne@bureau.nl',
    day: DAY,
    items,
    counts: { overdue: n, never: 0, dueSoon: 0 },
    actions: Array.from({ length: actions }, (_, i) => ({ relation: text, action: `${text} ${i}`, due: DAY - 1, row: i + 2 })),
  };
}

const options = (over: Partial<ComposeOptions> = {}): ComposeOptions => ({
  language: 'nl',
  dueSoonDays: 7,
  agenda: () => 'Agenda',
  rowLink: (row) => `${SHEET}&range=A${row}`,
  sheetLink: SHEET,
  ...over,
});

const size = (mail: { html: string; text: string }) => Buffer.byteLength(mail.html) + Buffer.byteLength(mail.text);

describe('the morning mail cap', () => {
  it('names the first 50 and counts the rest, in text and HTML, with a link to the sheet', () => {
    const mail = composeDigest(digest(600, 0, 'Relatie '), options());
    expect(mail.text.match(/^- Relatie \d+$/gm)).toHaveLength(50);
    expect(mail.text).toContain(`En nog 550 relaties die aandacht vragen: zie de sheet.\n  ${SHEET}`);
    expect(mail.html).toContain(`En nog 550 relaties die aandacht vragen: zie de sheet. <a href="${SHEET.replace('&', '&amp;')}" target="_blank">Open de sheet</a>`);
    expect(size(mail)).toBeLessThan(LIMIT);
  });

  it('stays under 100 KB for any backlog and any text, however long or full of characters to escape', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1500 }),
        fc.integer({ min: 0, max: 1500 }),
        fc.constantFrom('a', '&<>"\'', '€😀', 'x'.repeat(50)),
        fc.integer({ min: 1, max: 2_000 }),
        fc.integer({ min: 1, max: 200 }),
        (items, actions, unit, repeat, maxItems) => {
          const mail = composeDigest(digest(items, actions, unit.repeat(repeat)), options({ maxItems, agenda: () => unit.repeat(repeat) }));
          expect(size(mail)).toBeLessThan(LIMIT);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('caps the pipeline lines too: 3,000 stalled prospects name 50, count the rest and stay under 100 KB', () => {
    const pipeline = Array.from({ length: 3000 }, (_, i) => ({ kind: 'stalled' as const, row: i + 2, organisation: `Prospect ${i}`, contact: 'Iemand met een lange naam', stage: 'warm' as const, since: DAY - 40, reason: '' }));
    const mail = composeDigest({ ...digest(0, 0, 'x'), pipeline }, options());
    expect(mail.text.match(/^- Prospect \d+ /gm)).toHaveLength(50);
    expect(mail.text).toContain(`En nog 2950 prospects in de pipeline: zie de sheet.\n  ${SHEET}`);
    expect(size(mail)).toBeLessThan(LIMIT);
  });

  it('names fewer when even 50 lines of the longest texts would not fit', () => {
    const mail = composeDigest(digest(60, 0, '&'.repeat(5000)), options({ agenda: () => '<'.repeat(5000) }));
    const named = (mail.text.match(/^- /gm) ?? []).length;
    expect(named).toBeGreaterThan(0);
    expect(named).toBeLessThan(50);
    expect(mail.text).toContain(`En nog ${60 - named} relaties die aandacht vragen: zie de sheet.`);
    expect(size(mail)).toBeLessThan(LIMIT);
  });
});
