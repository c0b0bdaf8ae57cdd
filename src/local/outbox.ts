// The local shell's mail: each digest as a real MIME message, written as an .eml file to the
// outbox, or sent through an SMTP server (nodemailer). The engine's delivery generator decides
// what is sent and logs it; this only delivers.

import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import nodemailer from 'nodemailer';
import MailComposer from 'nodemailer/lib/mail-composer';
import { isoFromDay } from '../core/dates';
import { step, writeAtomically } from './files';
import { deliver, type DeliveryOutcome, type OutgoingDigest, type ReminderPlan, type SendResult } from '../engine/reminders';
import { type Catalogue, catalogue, fill } from '../i18n/catalogue';

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

/** Failures of the connection itself: the server did not answer, or went away. */
const CONNECTION_CODES = new Set(['ETIMEDOUT', 'ECONNECTION', 'ESOCKET', 'EDNS']);

/** Why a delivery failed, as the catalogue says it; the mail library's own words after it, for support. */
export function deliveryFailure(error: unknown, words: Catalogue['localMail'], smtp: boolean): string {
  const code = (error as { code?: string }).code;
  const detail = error instanceof Error ? error.message : String(error);
  const reasons: Record<string, string> = {
    ETIMEDOUT: words.timeout,
    EDNS: words.unknownHost,
    ECONNECTION: words.unreachable,
    ESOCKET: words.unreachable,
    EENVELOPE: words.recipientRejected,
    EMESSAGE: words.messageRejected,
    EAUTH: words.authFailed,
    ETLS: words.tlsFailed,
  };
  const reason = smtp ? (reasons[code ?? ''] ?? words.other) : words.outboxFailed;
  return fill(words.detail, { reason, detail });
}

/**
 * Sends one message over SMTP. `handedOver` tells, when it fails, whether the server had accepted
 * DATA and been given the whole message: nodemailer reads the message only after the server's 354.
 */
async function sendOverSmtp(transport: ReturnType<typeof nodemailer.createTransport>, mail: OutgoingDigest, from: string): Promise<void> {
  const raw = await new MailComposer(message(mail, from)).compile().build();
  const body = new PassThrough();
  let handedOver = false;
  body.on('end', () => {
    handedOver = true;
  });
  body.end(raw);
  try {
    await transport.sendMail({ envelope: { from, to: mail.to }, raw: body });
  } catch (error) {
    throw Object.assign(error instanceof Error ? error : new Error(String(error)), { handedOver });
  }
}

export async function deliverLocally(plan: ReminderPlan, now: () => Date, options: LocalDelivery): Promise<DeliveryOutcome> {
  const from = options.from ?? DEFAULT_FROM;
  const words = catalogue(plan.refresh.settings.language).localMail;
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
      if (transport && serverDown) {
        result = { ok: false, error: fill(words.detail, { reason: words.notTried, detail: serverDown }) };
      } else {
        try {
          if (transport) await sendOverSmtp(transport, mail, from);
          else await writeAtomically(join(options.outbox, emlName(plan, mail)), await new MailComposer(message(mail, from)).compile().build(), options.mode);
          result = { ok: true };
        } catch (error) {
          const code = (error as { code?: string }).code ?? '';
          const reason = deliveryFailure(error, words, !!transport);
          // Taken but not confirmed: it may have arrived, and is not sent again (issue 25).
          const uncertain = !!transport && (error as { handedOver?: boolean }).handedOver === true && CONNECTION_CODES.has(code);
          result = uncertain ? { ok: false, uncertain: true, error: fill(words.uncertain, { subject: mail.subject, reason, owner: mail.owner }) } : { ok: false, error: reason };
          if (transport && CONNECTION_CODES.has(code)) serverDown = error instanceof Error ? error.message : String(error);
        }
      }
      next = delivery.next(result);
      // Recording a mail that went (or may have) must succeed before the next one goes: if it cannot, stop here.
      if ((result.ok || result.uncertain) && options.afterSend) await options.afterSend(mail);
    }
    return next.value;
  } finally {
    transport?.close();
  }
}
