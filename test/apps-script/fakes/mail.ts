// MailApp, after developers.google.com/apps-script/reference/mail/mail-app: sendEmail(message)
// with the advanced-parameters object, and getRemainingDailyQuota(). The quota counts recipients
// (to, cc and bcc), not messages (developers.google.com/apps-script/guides/services/quotas,
// "Email recipients per day": 100 consumer, 1,500 Workspace); a send over the quota throws as Apps
// Script does, and a test can lower `quota` mid-run (another script of the account using it up). A
// body over the size limit throws "Limit Exceeded: Email Body Size." (same page, "Email body size"). A test can
// script a failure (the Nth send attempt from now throws once) or run code just before a send
// goes out (for example a second, overlapping run).

import type { Env } from './env';

/** The fields of MailApp.sendEmail(message) that a message may carry. */
const MESSAGE_FIELDS = ['to', 'cc', 'bcc', 'replyTo', 'subject', 'body', 'htmlBody', 'name', 'noReply', 'attachments', 'inlineImages'];

export interface SentMail {
  to: string;
  cc?: string;
  bcc?: string;
  replyTo?: string;
  subject: string;
  body: string;
  htmlBody?: string;
  name?: string;
  noReply?: boolean;
}

/**
 * The body size limit: 200 KB on a consumer account, 400 KB on Workspace
 * (developers.google.com/apps-script/guides/services/quotas, "Current limitations", "Email body
 * size"). The table does not say whether the plain and the HTML body count together; the fake
 * takes the stricter side and counts both, in UTF-8 bytes, with 1 KB = 1024 bytes.
 */
export const BODY_LIMIT = { consumer: 200 * 1024, workspace: 400 * 1024 } as const;
export const BODY_SIZE_ERROR = 'Limit Exceeded: Email Body Size.';

/** Apps Script's message when the daily recipient quota is used up. */
export const QUOTA_ERROR = 'Service invoked too many times for one day: email.';

function recipients(list: unknown): string[] {
  return typeof list === 'string' ? list.split(',').map((a) => a.trim()).filter(Boolean) : [];
}

/** The mail service of one Google account: shared by every execution of the script. */
export class FakeMailbox {
  /** Every message that went out, in order. */
  readonly sent: SentMail[] = [];
  /** Recipients left for today (100 on a consumer account; quotas page above). */
  quota = 100;
  /** Bytes a message body may have (a consumer account's; set BODY_LIMIT.workspace for Workspace). */
  bodyLimit: number = BODY_LIMIT.consumer;
  /** Send attempts, successful or not. */
  attempts = 0;
  /** Send attempt number → the error it throws (once). */
  readonly failures = new Map<number, string>();
  /**
   * Runs as a send begins, before the quota check: to start an overlapping run, or to let another
   * script of the account use up the quota between Cadans's check and its send.
   */
  beforeSend: ((message: SentMail, attempt: number) => void) | null = null;

  /** The Nth send attempt from now (1 = the next) throws this message, once. */
  failAttempt(n: number, message = 'Service unavailable: Gmail'): void {
    this.failures.set(this.attempts + n, message);
  }

  to(address: string): SentMail[] {
    return this.sent.filter((m) => recipients(m.to).includes(address));
  }
}

export function makeMailApp(env: Env, mailbox: FakeMailbox) {
  return {
    getRemainingDailyQuota(): number {
      env.hit('MailApp.getRemainingDailyQuota', 'service');
      return Math.max(0, mailbox.quota);
    },

    /** Only the message-object form is faked; the positional forms throw so that a new use shows up here. */
    sendEmail(message: unknown, ...rest: unknown[]): void {
      env.hit('MailApp.sendEmail', 'service');
      if (rest.length > 0 || message === null || typeof message !== 'object') {
        throw new Error('fake MailApp: only sendEmail(message) is supported');
      }
      const m = message as Record<string, unknown>;
      const unknown = Object.keys(m).filter((k) => !MESSAGE_FIELDS.includes(k));
      if (unknown.length > 0) throw new Error(`fake MailApp: unknown message fields ${unknown.join(', ')}`);
      const all = [...recipients(m.to), ...recipients(m.cc), ...recipients(m.bcc)];
      if (all.length === 0) throw env.error('Failed to send email: no recipient');
      if (typeof m.subject !== 'string') throw env.error('Invalid argument: subject');
      if (typeof m.body !== 'string' && typeof m.htmlBody !== 'string') throw env.error('Invalid argument: body');
      const mail: SentMail = { to: String(m.to ?? ''), subject: m.subject, body: typeof m.body === 'string' ? m.body : '' };
      for (const key of ['cc', 'bcc', 'replyTo', 'htmlBody', 'name'] as const) if (typeof m[key] === 'string') mail[key] = m[key] as string;
      if (typeof m.noReply === 'boolean') mail.noReply = m.noReply;
      const attempt = ++mailbox.attempts;
      mailbox.beforeSend?.(mail, attempt);
      const failure = mailbox.failures.get(attempt);
      if (failure !== undefined) {
        mailbox.failures.delete(attempt);
        throw env.error(failure);
      }
      if (mailbox.quota < all.length) throw env.error(QUOTA_ERROR);
      if (Buffer.byteLength(mail.body) + Buffer.byteLength(mail.htmlBody ?? '') > mailbox.bodyLimit) throw env.error(BODY_SIZE_ERROR);
      mailbox.quota -= all.length;
      mailbox.sent.push(mail);
    },
  };
}
