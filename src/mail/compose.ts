// The morning digest as a mail: subject, HTML and plain text. Pure; every piece of user text is
// escaped for HTML, and none of it reaches a header (the subject holds only counts and a date).

import { type Day, formatDay, weekdayOf, ymdFromDay } from '../core/dates';
import type { Digest, DigestItem } from '../core/digest';
import type { Language } from '../core/locale';
import { type PipelineLine, STAGE_NAMES } from '../core/pipeline';
import type { RelationType, Tier } from '../core/parse';
import { termLabel } from '../core/vocabulary';
import { catalogue, fill } from '../i18n/catalogue';
import { STATUS_COLOURS } from '../../sheets-templates/tabs';

export interface ComposedMail {
  to: string;
  subject: string;
  /** A whole HTML document, for the mail's HTML part. */
  html: string;
  /** The same content without the document around it, for previews that show several. */
  body: string;
  text: string;
}

export interface ComposeOptions {
  language: Language;
  dueSoonDays: number;
  /** The playbook's touchpoint agenda per relationship type and tier. */
  agenda: (type: RelationType | null, tier: Tier) => string;
  /** A link to the relationship's row, or null where there is no sheet to link to. */
  rowLink: (row: number) => string | null;
  /** The local runner's mail names no Sheets menu. */
  local?: boolean;
  /** Relationships named at most (Max. relaties per ochtendmail); the rest are counted. Default 50. */
  maxItems?: number;
  /** A link to the sheet, for the count of the rest; null where there is none. */
  sheetLink?: string | null;
}

/**
 * What one mail may weigh, HTML and text together. MailApp refuses a body over 200 KB ("Limit
 * Exceeded: Email Body Size.", developers.google.com/apps-script/guides/services/quotas); Cadans
 * keeps each digest under 100 KB, whatever the backlog (issue 9).
 */
export const MAX_DIGEST_BYTES = 100 * 1024;
/** Longest user text shown per field: a pasted essay in a name cell cannot fill the mail. */
const MAX_FIELD_CHARS = 200;

function utf8Bytes(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c < 0xdc00 ? (i++, 4) : 3;
  }
  return n;
}

function clip(text: string): string {
  return text.length > MAX_FIELD_CHARS ? `${text.slice(0, MAX_FIELD_CHARS - 1)}…` : text;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** One line for plain text: user text cannot break the layout with line breaks. */
function oneLine(text: string): string {
  return clip(text.replace(/[\r\n\t\u2028\u2029]+/g, ' ').trim());
}

/** `ma 23 nov` / `Mon 23 Nov`. */
export function shortDate(day: Day, language: Language): string {
  const { day: d, month } = ymdFromDay(day);
  const words = catalogue(language).digest;
  return `${words.weekdays[weekdayOf(day)]} ${d} ${words.months[month - 1]}`;
}

export function digestSubject(digest: Digest, language: Language, dueSoonDays: number): string {
  const words = catalogue(language).digest;
  const parts: string[] = [];
  if (digest.attention?.length) parts.push(fill(words.subjectAttention, { n: digest.attention.length }));
  if (digest.counts.overdue) parts.push(fill(words.subjectOverdue, { n: digest.counts.overdue }));
  if (digest.counts.never) parts.push(fill(words.subjectNever, { n: digest.counts.never }));
  if (digest.counts.dueSoon) {
    const template = dueSoonDays === 7 ? words.subjectThisWeek : dueSoonDays === 1 ? words.subjectWithinOne : words.subjectWithin;
    parts.push(fill(template, { n: digest.counts.dueSoon, days: dueSoonDays }));
  }
  if (digest.actions.length) parts.push(fill(digest.actions.length === 1 ? words.subjectActionOne : words.subjectActions, { n: digest.actions.length }));
  const reapproach = (digest.pipeline ?? []).filter((l) => l.kind === 'reapproach').length;
  const stalled = (digest.pipeline ?? []).length - reapproach;
  if (reapproach) parts.push(fill(words.subjectReapproach, { n: reapproach }));
  if (stalled) parts.push(fill(words.subjectStalled, { n: stalled }));
  return `Cadans: ${parts.join(', ')} (${shortDate(digest.day, language)})`;
}

function facts(item: DigestItem, language: Language): string[] {
  const words = catalogue(language);
  const d = words.digest;
  const typeLabel = item.type ? d.types[item.type] : '';
  return [
    [typeLabel, item.organisation, `${d.tier} ${item.tier}`].filter(Boolean).map(oneLine).join(' · '),
    [
      item.lastContact === null && item.lastContactUnreadable
        ? fill(d.lastContactUnreadable, { value: oneLine(item.lastContactUnreadable), row: item.row })
        : `${d.lastContact}: ${item.lastContact === null ? d.never : formatDay(item.lastContact)}`,
      `${d.due}: ${formatDay(item.nextContact)}`,
      // "never" already stands after Last contact; say it once.
      item.status === 'overdue' ? (item.daysOverdue === 1 ? d.dayOverdue : fill(d.daysOverdue, { n: item.daysOverdue ?? 0 })) : item.status === 'never' ? null : words.status[item.status],
      // Issue 12: the last contact was a placement or went well: the playbook's referral moment.
      item.referralMoment ? d.referralMoment : null,
      item.noResponseSuggested ? fill(d.noResponseSuggested, { n: item.noResponseSuggested }) : null,
    ]
      .filter(Boolean)
      .join(' · '),
  ];
}

/** How many tier-down candidates an overflowing plan names in the mail; the rest are counted. */
const MAX_TIER_DOWN_NAMED = 20;

/**
 * The digest as a mail: the most urgent relationships up to the cap (items come sorted by urgency),
 * the count of the rest with a link to the sheet, and the same for the next steps. Should long
 * texts still make it heavier than MAX_DIGEST_BYTES, fewer are named until it fits.
 */
export function composeDigest(digest: Digest, options: ComposeOptions): ComposedMail {
  let items = Math.max(1, options.maxItems ?? 50);
  let actions = items;
  for (;;) {
    const mail = composeShown(digest, options, items, actions);
    if (utf8Bytes(mail.html) + utf8Bytes(mail.text) <= MAX_DIGEST_BYTES || (items <= 1 && actions <= 1)) return mail;
    items = Math.max(1, Math.floor(items * 0.8));
    actions = Math.max(1, Math.floor(actions * 0.8));
  }
}

function composeShown(digest: Digest, options: ComposeOptions, maxItems: number, maxActions: number): ComposedMail {
  const { language } = options;
  const d = catalogue(language).digest;
  const subject = digestSubject(digest, language, options.dueSoonDays);
  const attention = digest.attention ?? [];
  const introTemplate = digest.items.length === 0 && attention.length > 0 ? d.introAttentionOnly : digest.items.length === 0 ? (digest.actions.length === 0 && (digest.pipeline ?? []).length > 0 ? d.introPipelineOnly : d.introActionsOnly) : digest.items.length === 1 ? d.introOne : digest.plan ? d.introPlanned : d.intro;
  const intro = fill(introTemplate, { n: digest.items.length, date: shortDate(digest.day, language) });

  const textLines = [intro, ''];
  const htmlItems: string[] = [];
  const plan = digest.plan;
  const heading = (text: string) => {
    textLines.push(`== ${text} ==`, '');
    htmlItems.push(`<div style="font-weight:bold;font-size:15px;margin:16px 0 8px 0">${escapeHtml(text)}</div>`);
  };
  const sheetLink = options.sheetLink ?? null;
  const more = (template: string, n: number) => {
    const line = fill(template, { n });
    textLines.push(line, ...(sheetLink ? [`  ${sheetLink}`] : []), '');
    htmlItems.push(
      `<p style="margin:0 0 12px 0;font-weight:bold">${escapeHtml(line)}${sheetLink ? ` <a href="${escapeHtml(sheetLink)}" target="_blank">${escapeHtml(d.openSheet)}</a>` : ''}</p>`,
    );
  };
  if (attention.length > 0) {
    // Issue 12: red flags without contact since come first, whatever their cadence status.
    heading(fill(d.attentionTitle, { n: attention.length }));
    for (const a of attention.slice(0, maxActions)) {
      const line1 = [a.organisation, `${d.tier} ${a.tier}`].filter(Boolean).map(oneLine).join(' · ');
      const line2 = [
        fill(d.attentionFlags, { flags: a.flags.map((f) => termLabel('redFlag', f, language)).join(', ') }),
        a.since === null ? d.attentionSinceUnknown : fill(d.attentionSince, { date: formatDay(a.since) }),
        `${d.lastContact}: ${a.lastContact === null ? d.never : formatDay(a.lastContact)}`,
      ].join(' · ');
      const link = options.rowLink(a.row);
      textLines.push(`- ${oneLine(a.name) || a.id}`, `  ${line1}`, `  ${line2}`, ...(link ? [`  ${link}`] : []), '');
      htmlItems.push(
        [
          `<div style="border-left:4px solid ${STATUS_COLOURS.overdue.text};padding:6px 10px;margin:0 0 12px 0">`,
          `<div style="font-weight:bold;font-size:16px;overflow-wrap:anywhere">${escapeHtml(oneLine(a.name) || a.id)}</div>`,
          `<div style="color:#444;overflow-wrap:anywhere">${escapeHtml(line1)}</div>`,
          `<div style="color:${STATUS_COLOURS.overdue.text}">${escapeHtml(line2)}</div>`,
          link ? `<div style="margin-top:4px"><a href="${escapeHtml(link)}" target="_blank">${escapeHtml(d.openRow)}</a></div>` : '',
          '</div>',
        ].join(''),
      );
    }
    if (attention.length > maxActions) more(d.moreAttention, attention.length - maxActions);
    if (!plan && digest.items.length > 0) heading(d.attentionRest);
  }
  if (plan) {
    const template = plan.plannedToday === 0 ? d.planTodayNone : plan.plannedToday === 1 ? d.planTodayOne : d.planToday;
    heading(fill(template, { n: plan.plannedToday, minutes: plan.todayMinutes, capacity: plan.minutesPerDay }));
  }
  digest.items.slice(0, maxItems).forEach((item, index) => {
    if (plan && index === plan.plannedToday) heading(d.planRest);
    const [line1, line2] = facts(item, language);
    const agenda = oneLine(options.agenda(item.type, item.tier));
    const link = options.rowLink(item.row);
    textLines.push(`- ${oneLine(item.name) || item.id}`, `  ${line1}`, `  ${line2}`);
    if (agenda) textLines.push(`  ${d.agenda}: ${agenda}`);
    if (link) textLines.push(`  ${link}`);
    textLines.push('');
    htmlItems.push(
      [
        `<div style="border-left:4px solid ${STATUS_COLOURS[item.status].text};padding:6px 10px;margin:0 0 12px 0">`,
        `<div style="font-weight:bold;font-size:16px;overflow-wrap:anywhere">${escapeHtml(oneLine(item.name) || item.id)}</div>`,
        `<div style="color:#444;overflow-wrap:anywhere">${escapeHtml(line1)}</div>`,
        `<div style="color:${STATUS_COLOURS[item.status].text}">${escapeHtml(line2)}</div>`,
        agenda ? `<div style="color:#444;margin-top:4px;overflow-wrap:anywhere"><i>${escapeHtml(d.agenda)}:</i> ${escapeHtml(agenda)}</div>` : '',
        link ? `<div style="margin-top:4px"><a href="${escapeHtml(link)}" target="_blank">${escapeHtml(d.openRow)}</a></div>` : '',
        '</div>',
      ].join(''),
    );
  });
  if (digest.items.length > maxItems) more(d.moreItems, digest.items.length - maxItems);
  if (plan) {
    // The coming days at a glance, the backlog, and what would clear an overflowing horizon
    // (naming the first few to move a tier down: the mail stays small whatever the backlog).
    const notes = [`${d.planWeek}: ${plan.week.map((w) => `${d.weekdays[weekdayOf(w.day)]} ${w.count}`).join(' · ')}`];
    if (plan.backlog.count > 0 && plan.backlog.until !== null) notes.push(fill(d.planBacklog, { n: plan.backlog.count, date: formatDay(plan.backlog.until) }));
    if (plan.overflow) {
      const o = plan.overflow;
      const named = o.tierDown.slice(0, MAX_TIER_DOWN_NAMED).map(oneLine).join(', ') + (o.tierDown.length > MAX_TIER_DOWN_NAMED ? ` … (+${o.tierDown.length - MAX_TIER_DOWN_NAMED})` : '');
      notes.push(fill(d.planOverflow, { minutes: o.minutes, n: o.count, extra: o.extraMinutesPerDay, count: o.tierDown.length, names: named }));
    }
    textLines.push(...notes, '');
    htmlItems.push(`<div style="margin:0 0 12px 0;color:#444">${notes.map((n) => `<div style="overflow-wrap:anywhere">${escapeHtml(n)}</div>`).join('')}</div>`);
  }
  const shownActions = digest.actions.slice(0, maxActions);
  if (digest.actions.length > 0) {
    textLines.push(`${d.actions}:`);
    for (const a of shownActions) {
      const late = a.due < digest.day ? ` (${d.late})` : '';
      textLines.push(`- ${formatDay(a.due)}${late}: ${oneLine(a.action)} · ${oneLine(a.relation)}`);
    }
    textLines.push('');
    htmlItems.push(
      `<div style="margin:0 0 12px 0"><div style="font-weight:bold;font-size:15px">${escapeHtml(d.actions)}</div><ul style="margin:4px 0;padding-left:18px">${shownActions
        .map((a) => `<li style="overflow-wrap:anywhere">${escapeHtml(formatDay(a.due))}${a.due < digest.day ? ` <b>(${escapeHtml(d.late)})</b>` : ''}: ${escapeHtml(oneLine(a.action))} · ${escapeHtml(oneLine(a.relation))}</li>`)
        .join('')}</ul></div>`,
    );
    if (digest.actions.length > maxActions) more(d.moreActions, digest.actions.length - maxActions);
  }
  const pipeline = digest.pipeline ?? [];
  if (pipeline.length > 0) {
    // Issue 13: dropped leads whose time has come, with the reason they dropped out; stalled prospects.
    const stageNames = STAGE_NAMES[language];
    const lineOf = (l: PipelineLine) => {
      const who = [l.organisation, l.contact].filter(Boolean).map(oneLine).join(' · ');
      const what = l.kind === 'reapproach'
        ? `${d.reapproach}: ${fill(d.reapproachWhy, { date: formatDay(l.since), reason: oneLine(l.reason) || d.noReason })}`
        : `${d.stalled}: ${fill(d.stalledWhy, { stage: stageNames[l.stage], date: formatDay(l.since), n: digest.day - l.since })}`;
      return { who, what };
    };
    // Capped like the next steps, so that no backlog of prospects can push the mail past its limit.
    const shownPipeline = pipeline.slice(0, maxActions);
    textLines.push(`${d.pipelineTitle}:`);
    for (const l of shownPipeline) {
      const { who, what } = lineOf(l);
      textLines.push(`- ${who} · ${what}`);
    }
    textLines.push('');
    htmlItems.push(
      `<div style="margin:0 0 12px 0"><div style="font-weight:bold;font-size:15px">${escapeHtml(d.pipelineTitle)}</div><ul style="margin:4px 0;padding-left:18px">${shownPipeline
        .map((l) => {
          const { who, what } = lineOf(l);
          return `<li style="overflow-wrap:anywhere"><b>${escapeHtml(who)}</b> · ${escapeHtml(what)}</li>`;
        })
        .join('')}</ul></div>`,
    );
    if (pipeline.length > maxActions) more(d.morePipeline, pipeline.length - maxActions);
  }
  textLines.push((options.local ? d.footerLocal : d.footer));
  const body = [
    '<div style="max-width:600px;font-family:Arial,Helvetica,sans-serif;font-size:14px;color:#222">',
    `<p style="margin:0 0 12px 0">${escapeHtml(intro)}</p>`,
    ...htmlItems,
    `<p style="color:#777;font-size:12px">${escapeHtml((options.local ? d.footerLocal : d.footer))}</p>`,
    '</div>',
  ].join('\n');
  return { to: digest.owner, subject, html: htmlDocument(body), body, text: textLines.join('\n') };
}

export function htmlDocument(body: string): string {
  return [
    '<!DOCTYPE html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"></head>',
    '<body style="margin:0;padding:12px">',
    body,
    '</body></html>',
  ].join('\n');
}
