// The local shell's mail: each digest as a real MIME message, written as an .eml file to the
// outbox, or sent through an SMTP server (nodemailer). The engine's delivery generator decides
// what is sent and logs it; this only delivers.

import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import MailComposer from 'nodemailer/lib/mail-composer';
import { isoFromDay } from '../core/dates';
import { deliver, type DeliveryOutcome, type OutgoingDigest, type ReminderPlan, type SendResult } from '../engine/reminders';

export const DEFAULT_FROM = 'Cadans <cadans@localhost>';

export interface LocalDelivery {
  /** Where .eml files go; used when there is no SMTP server. */
  outbox: string;
  smtp?: string;
  from?: string;
  /** Called after each digest that went out, e.g. to save the workbook's Log at once. */
  afterSend?: () => Promise<void>;
}

function message(mail: OutgoingDigest, from: string) {
  return { from, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html };
}

export function emlName(plan: ReminderPlan, mail: OutgoingDigest): string {
  return `${isoFromDay(plan.refresh.today)}-${mail.owner.replace(/[^a-z0-9@._-]/gi, '_')}.eml`;
}

export async function deliverLocally(plan: ReminderPlan, now: () => Date, options: LocalDelivery): Promise<DeliveryOutcome> {
  const from = options.from ?? DEFAULT_FROM;
  const transport = options.smtp ? nodemailer.createTransport(options.smtp) : null;
  if (!transport) await mkdir(options.outbox, { recursive: true });
  // No daily quota and no time limit on a local machine.
  const delivery = deliver(plan, { remainingQuota: () => Infinity, timeLeft: () => true }, now);
  try {
    let step = delivery.next();
    while (!step.done) {
      const mail = step.value;
      let result: SendResult;
      try {
        if (transport) await transport.sendMail(message(mail, from));
        else await writeFile(join(options.outbox, emlName(plan, mail)), await new MailComposer(message(mail, from)).compile().build());
        result = { ok: true };
      } catch (error) {
        result = { ok: false, error: error instanceof Error ? error.message : String(error) };
      }
      step = delivery.next(result);
      // Recording a sent mail must succeed before the next one goes: if it cannot, stop here.
      if (result.ok && options.afterSend) await options.afterSend();
    }
    return step.value;
  } finally {
    transport?.close();
  }
}
