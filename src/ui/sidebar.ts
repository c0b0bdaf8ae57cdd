/// <reference lib="dom" />
// The conversation sidebar page. Everything from the sheet is user text, so the page builds the
// DOM with textContent only, never innerHTML. Every server call has a failure handler, and its
// button is disabled while it runs; a retry of "log touchpoint" reuses its request ID, so the
// server logs it once.

import { introductionDraft } from '../core/introduction';
import type { AccountCard, AccountLabels, ConversationView, PhaseView, PrepContext, RelationCard } from '../engine/prep';

interface Runner {
  withSuccessHandler(f: (value: unknown) => void): Runner;
  withFailureHandler(f: (error: { message?: string }) => void): Runner;
  [name: string]: unknown;
}
declare const google: { script: { run: Runner } };

type Labels = Extract<PrepContext, { kind: 'none' }>['labels'];
type Step = { kind: 'warmIntroduction' | 'introductionMeeting' | 'referenceDocuments' | 'successMetrics' | 'custom'; text?: string; due?: string };

let labels: Labels | null = null;
let context: PrepContext | null = null;
let requestId = newRequestId();
let steps: Step[] = [];
/** The conversation type chosen on the page (issue 12); the proposed one after each load. */
let conversationType: string | null = null;

function newRequestId(): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function call<T>(name: string, ...args: unknown[]): Promise<T> {
  return new Promise((resolve, reject) => {
    // Apps Script delivers null when a result cannot cross (a Date in it): that is a failure too.
    const runner = google.script.run
      .withSuccessHandler((v) => (v === null || v === undefined ? reject({ message: `${name}: no answer from the server` }) : resolve(v as T)))
      .withFailureHandler((e) => reject(e));
    (runner[name] as (...a: unknown[]) => void)(...args);
  });
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: Array<Node | string | null>): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  for (const child of children) if (child !== null) node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  return node;
}

function say(text: string, kind: 'ok' | 'error' | '' = ''): void {
  const message = document.getElementById('message')!;
  message.textContent = text;
  message.className = kind;
}

function fill(template: string, params: Record<string, string | number>): string {
  // As the catalogue's fill: `{n|stap|stappen}` picks the singular when n is 1.
  return template.replace(/\{(\w+)(?:\|([^|{}]*)\|([^|{}]*))?\}/g, (whole, key: string, one?: string, many?: string) => {
    if (!(key in params)) return whole;
    if (one === undefined) return String(params[key]);
    return Number(params[key]) === 1 ? one : (many ?? '');
  });
}

/** A share as a percentage with one decimal, in the workbook's language: 80,0% in Dutch, 80.0% in English. */
function percent(share: number): string {
  const text = `${(share * 100).toFixed(1)}%`;
  return context?.language === 'en' ? text : text.replace('.', ',');
}

/** Disables every button while a server call runs, and says when it failed. */
async function busy<T>(work: () => Promise<T>): Promise<T | null> {
  const buttons = Array.from(document.querySelectorAll('button'));
  buttons.forEach((b) => (b.disabled = true));
  say(labels?.loading ?? '…');
  try {
    return await work();
  } catch (error) {
    const message = (error as { message?: string })?.message ?? String(error);
    say(labels ? fill(labels.failed, { message }) : message, 'error');
    return null;
  } finally {
    buttons.forEach((b) => (b.disabled = false));
  }
}

async function load(): Promise<void> {
  const result = await busy(() => call<PrepContext>('getPrepContext'));
  if (!result) return;
  context = result;
  labels = result.labels;
  requestId = newRequestId();
  steps = [];
  conversationType = result.kind === 'relation' ? result.proposed : null;
  say('');
  render();
}

/** The conversation the page shows: the one chosen, else the proposed one. */
function chosenConversation(c: Extract<PrepContext, { kind: 'relation' }>): ConversationView {
  return c.conversations.find((v) => v.type === conversationType) ?? c.conversations.find((v) => v.type === c.proposed)!;
}

function chooseConversation(type: string): void {
  conversationType = type;
  render();
}

function render(): void {
  if (!context || !labels) return;
  document.documentElement.lang = context.language;
  document.getElementById('title')!.textContent = labels.title;
  document.getElementById('refresh')!.textContent = labels.refresh;
  const content = document.getElementById('content')!;
  content.replaceChildren();
  if (context.kind === 'none') {
    content.append(el('p', { id: 'hint' }, context.message));
    return;
  }
  if (context.kind === 'prospect') return renderProspect(content, context);
  if (context.kind === 'account') return renderAccount(content, context);
  renderRelation(content, context);
}

function relationCard(r: RelationCard): HTMLElement {
  const l = labels!;
  const facts = el('div', { class: 'facts' });
  const fact = (name: string, value: Node | string) => facts.append(el('span', { class: 'muted' }, name), el('span', {}, value));
  fact(l.lastContact, r.lastContact ?? '—');
  fact(l.nextContact, el('span', {}, `${r.nextContact ?? '—'} `, el('span', { class: `badge ${r.statusKey}` }, r.status)));
  if (r.daysOverdue) fact(l.daysOverdue, String(r.daysOverdue));
  if (r.revenueShare !== null) fact(l.revenueShare, percent(r.revenueShare));
  return el('section', { class: 'card', id: 'card' }, el('h2', { id: 'name' }, r.name || r.id), el('div', { class: 'muted' }, [r.type, r.organisation, r.tier ? `Tier ${r.tier}` : ''].filter(Boolean).join(' · ')), facts);
}

function phaseSection(phase: PhaseView, withNotes: boolean): HTMLElement {
  const l = labels!;
  const title = phase.minutes ? `${phase.title} (${fill(l.minutes, { n: phase.minutes })})` : phase.title;
  const section = el('details', { open: '', 'data-phase': phase.key }, el('summary', {}, title), el('ul', {}, ...phase.questions.map((q) => el('li', {}, q))));
  if (withNotes) {
    const id = `notes-${phase.key}`;
    section.append(el('label', { for: id }, `${l.notes}: ${phase.title}`), el('textarea', { id, 'data-notes': phase.key }));
  }
  return section;
}

function renderRelation(content: HTMLElement, c: Extract<PrepContext, { kind: 'relation' }>): void {
  const l = labels!;
  content.append(relationCard(c.relation));
  if (c.hints.length > 0) content.append(el('ul', { id: 'hints', class: 'muted' }, ...c.hints.map((h) => el('li', {}, h))));
  if (c.account) content.append(accountSection(c.account, c.accountLabels, true));
  if (c.agenda) content.append(el('p', {}, el('b', {}, `${l.agenda}: `), c.agenda));
  content.append(el('h3', {}, l.history));
  content.append(c.touchpoints.length === 0 ? el('p', { class: 'muted' }, l.noHistory) : el('ul', { id: 'history' }, ...c.touchpoints.map((t) => el('li', {}, `${t.date} · ${t.kind}${t.notes ? `: ${t.notes}` : ''}`))));
  // Issue 12: the kind of conversation, the tier's check-in proposed; expansion suggested for A clients.
  const conversation = chosenConversation(c);
  const select = el('select', { id: 'conversationType' }, ...c.conversations.map((v) => el('option', { value: v.type }, `${v.label} (${fill(l.minutes, { n: v.minutes })})`)));
  select.value = conversation.type;
  select.addEventListener('change', () => chooseConversation(select.value));
  content.append(el('label', { for: 'conversationType' }, l.conversationType), select);
  if (c.suggestExpansion && conversation.type !== 'expansion') {
    const button = el('button', { type: 'button', id: 'prepareExpansion', class: 'secondary' }, l.prepareExpansion);
    button.addEventListener('click', () => chooseConversation('expansion'));
    content.append(el('p', { id: 'suggestExpansion', class: 'muted' }, l.suggestExpansion), button);
  }
  for (const group of ['preparation', 'conversation', 'followUp'] as const) {
    const phases = conversation.phases.filter((p) => p.group === group);
    if (phases.length === 0) continue;
    content.append(el('h3', {}, l[group]));
    for (const phase of phases) content.append(phaseSection(phase, group !== 'preparation'));
  }
  if (conversation.checklist.length > 0) {
    content.append(el('h3', {}, l.checklist));
    conversation.checklist.forEach((item, i) => content.append(el('label', { class: 'check' }, el('input', { type: 'checkbox', id: `check-${i}` }), item)));
  }
  content.append(logForm(c, conversation));
  // After an expansion conversation: the warm introduction, drafted to the champion (this contact).
  if (conversation.type === 'expansion') content.append(introductionSection(c.relation));
}

function logForm(c: Extract<PrepContext, { kind: 'relation' }>, conversation: ConversationView): HTMLElement {
  const l = labels!;
  // The type's default duration for this tier, and its name for Soort (issue 12).
  const minutes = conversation.minutes;
  const form = el('form', { id: 'log' });
  form.append(
    el('h3', {}, l.logButton),
    el('label', { for: 'kind' }, l.kind),
    el('input', { type: 'text', id: 'kind', value: conversation.label, maxlength: '50' }),
    el('label', { for: 'duration' }, l.duration),
    el('input', { type: 'number', id: 'duration', value: String(minutes), min: '1', max: '600' }),
    el('label', { for: 'valueAdd' }, l.valueAdd),
    el('select', { id: 'valueAdd' }, ...(['none', 'marketInsight', 'introduction', 'advice'] as const).map((k) => el('option', { value: k }, l.valueAdds[k]))),
    el('label', { class: 'check' }, el('input', { type: 'checkbox', id: 'newOpportunity' }), l.newOpportunity),
    el('label', { class: 'check' }, el('input', { type: 'checkbox', id: 'referral' }), l.referral),
    el('label', { class: 'check' }, el('input', { type: 'checkbox', id: 'positive' }), l.positive),
    // Issue 12: the after-sales call's answer, 1-10 (Tevredenheid in Touchpoints).
    ...(conversation.type === 'afterSales' ? [el('label', { for: 'satisfaction' }, l.satisfaction), el('input', { type: 'number', id: 'satisfaction', min: '1', max: '10', step: '1' })] : []),
    // Issue 12: the flags and signals, ticked as the sheet has them; saved with the touchpoint.
    el('h3', {}, l.redFlags + (c.flags.since ? ` (${fill(l.redFlagSince, { date: c.flags.since })})` : '')),
    ...c.flags.redFlags.map((f) => el('label', { class: 'check' }, checkbox(`flag-${f.key}`, f.checked), f.label)),
    el('h3', {}, l.signals),
    ...c.flags.signals.map((f) => el('label', { class: 'check' }, checkbox(`signal-${f.key}`, f.checked), f.label)),
    el('h3', {}, l.nextSteps),
    el('ul', { id: 'steps', class: 'steps' }, ...steps.map(stepItem)),
    el('label', { for: 'stepKind' }, l.nextSteps),
    el('select', { id: 'stepKind' }, ...(['warmIntroduction', 'introductionMeeting', 'referenceDocuments', 'successMetrics', 'custom'] as const).map((k) => el('option', { value: k }, l.stepKinds[k]))),
    el('label', { for: 'stepText' }, l.stepText),
    el('input', { type: 'text', id: 'stepText', maxlength: '500' }),
    el('label', { for: 'stepDue' }, l.stepDue),
    el('input', { type: 'date', id: 'stepDue' }),
    el('div', { class: 'bar' }, el('button', { type: 'button', id: 'addStep', class: 'secondary' }, l.addStep), el('button', { type: 'submit', id: 'logButton' }, l.logButton)),
  );
  form.querySelector('#addStep')!.addEventListener('click', addStep);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void submit(c);
  });
  return form;
}

function checkbox(id: string, checked: boolean): HTMLInputElement {
  const box = el('input', { type: 'checkbox', id });
  box.checked = checked;
  return box;
}

function ticked(prefix: string, keys: Array<{ key: string }>): string[] {
  return keys.filter((k) => (document.getElementById(`${prefix}-${k.key}`) as HTMLInputElement | null)?.checked).map((k) => k.key);
}

function value(id: string): string {
  return (document.getElementById(id) as HTMLInputElement).value;
}

function addStep(): void {
  const kind = value('stepKind') as Step['kind'];
  if (kind === 'custom') {
    const text = value('stepText').trim();
    const due = value('stepDue');
    if (!text || !due) return say(labels!.badStep, 'error');
    steps.push({ kind, text, due });
  } else steps.push({ kind });
  document.getElementById('steps')!.append(stepItem(steps[steps.length - 1]));
  say('');
}

function stepItem(step: Step): HTMLElement {
  return el('li', {}, step.kind === 'custom' ? `${step.text} (${step.due})` : labels!.stepKinds[step.kind]);
}

async function submit(c: Extract<PrepContext, { kind: 'relation' }>): Promise<void> {
  const notes: Record<string, string> = {};
  document.querySelectorAll<HTMLTextAreaElement>('textarea[data-notes]').forEach((t) => (notes[t.dataset.notes!] = t.value));
  const payload = {
    requestId,
    row: c.relation.row,
    relationId: c.relation.id,
    kind: value('kind'),
    duration: Number(value('duration')),
    valueAdd: value('valueAdd'),
    newOpportunity: (document.getElementById('newOpportunity') as HTMLInputElement).checked,
    referral: (document.getElementById('referral') as HTMLInputElement).checked,
    positive: (document.getElementById('positive') as HTMLInputElement).checked,
    satisfaction: document.getElementById('satisfaction') && value('satisfaction').trim() !== '' ? Number(value('satisfaction')) : null,
    notes,
    steps,
    redFlags: ticked('flag', c.flags.redFlags),
    signals: ticked('signal', c.flags.signals),
    // Issue 12: the checklist items ticked, by their text, saved in Touchpoints.
    checklist: chosenConversation(c).checklist.filter((_, i) => (document.getElementById(`check-${i}`) as HTMLInputElement | null)?.checked),
  };
  const result = await busy(() => call<{ alreadyLogged: boolean; message: string; relation: RelationCard; flags: typeof c.flags; hints: string[] }>('logTouchpoint', payload));
  if (!result) return; // the same request ID is kept, so a retry cannot log twice
  requestId = newRequestId();
  steps = [];
  c.relation = result.relation;
  c.flags = result.flags;
  c.hints = result.hints;
  render();
  say(result.message, 'ok');
}

/** The warm-introduction draft: the user fills in three facts and copies the text; nothing is sent. */
function introductionSection(r: RelationCard): HTMLElement {
  const l = labels!;
  const input = (id: string, label: string) => [el('label', { for: id }, label), el('input', { type: 'text', id, maxlength: '300' })];
  const draft = el('textarea', { id: 'introDraft', readonly: '', rows: '10' });
  const copy = el('button', { type: 'button', id: 'copyIntro', class: 'secondary' }, l.introCopy);
  const section = el(
    'section',
    { id: 'introduction' },
    el('h3', {}, l.introTitle),
    el('p', { class: 'muted' }, l.introHint),
    ...input('introDepartment', l.introDepartment),
    ...input('introReference', l.introReference),
    ...input('introValue', l.introValue),
    el('label', { for: 'introDraft' }, l.introTitle),
    draft,
    el('div', { class: 'bar' }, copy),
  );
  const update = () => {
    const get = (id: string) => (section.querySelector(`#${id}`) as HTMLInputElement).value;
    const text = introductionDraft(l.introTemplate, { champion: r.name || r.id, department: get('introDepartment'), reference: get('introReference'), valueProposition: get('introValue') });
    // A textarea's value is text: nothing in it is ever read as HTML.
    draft.value = `${text.subject}\n\n${text.body}`;
  };
  section.addEventListener('input', update);
  copy.addEventListener('click', () => {
    draft.select();
    const done = () => say(l.introCopied, 'ok');
    if (navigator.clipboard) navigator.clipboard.writeText(draft.value).then(done, () => (document.execCommand('copy') ? done() : undefined));
    else if (document.execCommand('copy')) done();
  });
  update();
  return section;
}

/** The account: its contacts, departments covered, revenue share and key-client mark, missing roles. */
function accountSection(a: AccountCard, w: AccountLabels, others: boolean): HTMLElement {
  const facts = el('div', { class: 'facts' });
  const fact = (name: string, value: Node | string) => facts.append(el('span', { class: 'muted' }, name), el('span', {}, value));
  if (a.revenueShare !== null) {
    fact(w.share, el('span', {}, percent(a.revenueShare), a.key ? el('span', { class: 'badge overdue', id: 'keyClient' }, ` ${w.keyClient}`) : ''));
  }
  fact(w.missingRoles, a.missingRoles.length > 0 ? a.missingRoles.join(', ') : w.noMissingRoles);
  // One block per person (a table is too narrow at 300 px): name, role · department, then the last
  // contact and status, each labelled by the catalogue's column names.
  const [, roleLabel, departmentLabel, lastLabel] = w.contactHeader;
  const rows = a.contacts.map((c) =>
    el(
      'li',
      { 'data-row': String(c.row) },
      el('b', { class: 'contact-name' }, c.name),
      [c.role, c.department].some(Boolean) ? el('div', { class: 'contact-place', title: `${roleLabel} · ${departmentLabel}` }, [c.role, c.department].filter(Boolean).join(' · ')) : null,
      el('div', { class: 'muted contact-last' }, `${lastLabel}: ${c.lastContact ?? '—'} `, el('span', { class: `badge ${c.statusKey}` }, c.status)),
    ),
  );
  const table = a.contacts.length === 0 ? el('p', { class: 'muted', id: 'noOthers' }, w.noOthers) : el('ul', { id: 'contacts', class: 'contacts' }, ...rows);
  return el(
    'section',
    { class: 'card', id: 'account' },
    el('h3', {}, fill(w.accountTitle, { name: a.name }) + (a.tier ? ` · Tier ${a.tier}` : '')),
    el('p', { id: 'departments' }, a.departments + (a.departmentNames.length > 0 ? ` (${a.departmentNames.join(', ')})` : '')),
    facts,
    el('h3', {}, others ? w.otherContacts : w.allContacts),
    table,
    el('p', { class: 'muted', id: 'expansion' }, a.expansion),
  );
}

function renderAccount(content: HTMLElement, c: Extract<PrepContext, { kind: 'account' }>): void {
  const l = labels!;
  content.append(el('section', { class: 'card', id: 'card' }, el('h2', { id: 'name' }, c.account.name)));
  content.append(accountSection(c.account, c.accountLabels, false));
  for (const group of ['preparation', 'conversation', 'followUp'] as const) {
    const phases = c.phases.filter((p) => p.group === group);
    if (phases.length === 0) continue;
    content.append(el('h3', {}, l[group]));
    for (const phase of phases) content.append(phaseSection(phase, false));
  }
  if (c.checklist.length > 0) {
    content.append(el('h3', {}, l.checklist));
    c.checklist.forEach((item, i) => content.append(el('label', { class: 'check' }, el('input', { type: 'checkbox', id: `check-${i}` }), item)));
  }
}

function renderProspect(content: HTMLElement, c: Extract<PrepContext, { kind: 'prospect' }>): void {
  const l = labels!;
  const p = c.prospect;
  const facts = el('div', { class: 'facts' });
  const fact = (name: string, v: string) => facts.append(el('span', { class: 'muted' }, name), el('span', {}, v));
  if (p.stage) fact(l.stage, p.stage);
  fact(l.proposalSent, p.proposalSent ?? '—');
  if (p.nextStep) fact(l.nextStep, p.nextStep);
  content.append(el('section', { class: 'card', id: 'card' }, el('h2', { id: 'name' }, p.organisation), el('div', { class: 'muted' }, p.contact), facts));
  content.append(el('h3', {}, l.bant));
  content.append(
    el('ul', { id: 'bant' }, ...c.bant.map((b) => el('li', { 'data-bant': b.key }, `${b.answer === true ? '✓' : b.answer === false ? '✗' : '?'} ${b.label}: ${b.answer === true ? l.yes : b.answer === false ? l.no : l.unknown}${b.note ? ` (${b.note})` : ''}`))),
  );
  content.append(el('p', { id: 'verdict' }, c.qualified ? l.qualified : l.notQualified));
  for (const phase of c.phases) content.append(phaseSection(phase, false));
  goNoGoCard(content, c.goNoGo);
}

/** Issue 13: the agency guide's scorecard (BANT is above), the verdict with its Waarom, and what fills its gaps. */
function goNoGoCard(content: HTMLElement, g: Extract<PrepContext, { kind: 'prospect' }>['goNoGo']): void {
  const l = labels!;
  const mark = (a: boolean | null) => (a === true ? '✓' : a === false ? '✗' : '?');
  const word = (a: boolean | null) => (a === true ? l.yes : a === false ? l.no : l.unknown);
  const gaps = g.criteria.filter((c) => c.question !== null);
  content.append(
    el(
      'section',
      { class: 'card', id: 'gonogo' },
      el('h3', { id: 'gonogo-verdict' }, `${l.goNoGo}: ${g.verdict}`),
      el('ul', { id: 'gonogo-criteria' }, ...g.criteria.map((c) => el('li', { 'data-criterion': c.key }, `${mark(c.answer)} ${c.label}: ${word(c.answer)}`))),
      el('p', { id: 'gonogo-why', class: 'muted' }, g.why),
      gaps.length === 0 ? null : el('p', {}, l.goNoGoGaps),
      gaps.length === 0 ? null : el('ul', { id: 'gonogo-questions' }, ...gaps.map((c) => el('li', { 'data-criterion': c.key }, c.question!))),
    ),
  );
}

document.getElementById('refresh')!.addEventListener('click', () => void load());
void load();
