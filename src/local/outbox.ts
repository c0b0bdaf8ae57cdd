// The local shell's mail: each digest as a real MIME message, written as an .eml file to the
// outbox, or sent through an SMTP server (nodemailer). The engine's delivery generator decides
// what is sent and logs it; this only delivers.

import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import MailComposer from 'nodemailer/lib/mail-composer';
import { isoFromDay } from '../core/dates';
import { step, writeAtomically } from './files';
import { deliver, type DeliveryOutcome, type OutgoingDigest, type ReminderPlan, type SendResult } from '../engine/reminders';

export const DEFAULT_FROM = 'Cadans <cadans@localhost>';

export interface LocalDelivery {
  /** Where .eml files go; used when there is no SMTP server. */
  outbox: string;
  smtp?: string;
  from?: string;
  /** Milliseconds the SMTP server gets to connect, to greet, and to answer each command. */
  timeoutMs?: number;
  /** The file mode of the .eml files (the input workbook's). */
  mode?: number;
  /** Called after each digest that went out, to record it durably before the next one is tried. */
  afterSend?: (mail: OutgoingDigest) => Promise<void>;
  /** Called before each digest is tried (1-based), for progress lines. */
  beforeSend?: (index: number, total: number) => void;
}

function message(mail: OutgoingDigest, from: string) {
  return { from, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html };
}

export function emlName(plan: ReminderPlan, mail: OutgoingDigest): string {
  return `${isoFromDay(plan.refresh.today)}-${mail.owner.replace(/[^a-z0-9@._-]/gi, '_')}.eml`;
}

export async function deliverLocally(plan: ReminderPlan, now: () => Date, options: LocalDelivery): Promise<DeliveryOutcome> {
  const from = options.from ?? DEFAULT_FROM;
  // Without timeouts a silent server holds each mail for nodemailer's default of 10 minutes.
  const timeout = options.timeoutMs ?? 30_000;
  const transport = options.smtp ? nodemailer.createTransport({ url: options.smtp, connectionTimeout: timeout, greetingTimeout: timeout, socketTimeout: timeout }) : null;
  if (!transport) await step(options.outbox, 'create the outbox folder', () => mkdir(options.outbox, { recursive: true }));
  // No daily quota and no time limit on a local machine.
  const delivery = deliver(plan, { remainingQuota: () => Infinity, timeLeft: () => true }, now);
  // A server that did not answer (or could not be reached) is not tried again in this run: each
  // further mail would wait out the same timeouts. Those mails fail at once and go next run.
  let serverDown: string | null = null;
  try {
    let next = delivery.next();
    let index = 0;
    while (!next.done) {
      const mail = next.value;
      options.beforeSend?.(++index, plan.pending.length);
      let result: SendResult;
      try {
        if (transport && serverDown) throw new Error(`not tried: ${serverDown}`);
        if (transport) await transport.sendMail(message(mail, from));
        else await writeAtomically(join(options.outbox, emlName(plan, mail)), await new MailComposer(message(mail, from)).compile().build(), options.mode);
        result = { ok: true };
      } catch (error) {
        result = { ok: false, error: error instanceof Error ? error.message : String(error) };
        const code = (error as { code?: string }).code;
        if (transport && !serverDown && (code === 'ETIMEDOUT' || code === 'ECONNECTION' || code === 'ESOCKET' || code === 'EDNS')) {
          serverDown = `the server did not answer an earlier mail of this run (${result.error})`;
        }
      }
      next = delivery.next(result);
      // Recording a sent mail must succeed before the next one goes: if it cannot, stop here.
      if (result.ok && options.afterSend) await options.afterSend(mail);
    }
    return next.value;
  } finally {
    transport?.close();
  }
}
