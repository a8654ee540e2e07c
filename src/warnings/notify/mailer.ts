import nodemailer from 'nodemailer';
import { TocsinError } from '../../core/errors.js';

/** Sends plain-text e-mail. One per process: it keeps a small pool of SMTP connections; `close` ends them. */
export interface Mailer {
  readonly from: string;
  send(m: { to: string; subject: string; text: string }): Promise<void>;
  close(): void;
}

const ADDRESS = /^[^@\s<>]+@[^@\s<>]+$/;
const FROM = /^(?:[^<>\r\n]*<[^@\s<>]+@[^@\s<>]+>|[^@\s<>]+@[^@\s<>]+)$/;

/**
 * The mailer configured by the environment, or null when TOCSIN_SMTP_URL is unset (e-mail is then
 * left in the outbox until one is configured).
 * TOCSIN_SMTP_URL: `smtp://user:pass@host:587` (STARTTLS when the server offers it) or `smtps://...:465`
 * (TLS from the start); nodemailer's URL options (`?ignoreTLS=true`, ...) are honoured.
 * TOCSIN_MAIL_FROM: the sender, `alerts@example.org` or `Tocsin <alerts@example.org>`.
 */
export function createMailer(env: NodeJS.ProcessEnv): Mailer | null {
  const url = env.TOCSIN_SMTP_URL?.trim();
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    // Never echo the URL: it may hold the SMTP password.
    throw new TocsinError('invalid_input', 'TOCSIN_SMTP_URL is not a URL (expected smtp://user:pass@host:port)', {
      field: 'TOCSIN_SMTP_URL',
    });
  }
  if (parsed.protocol !== 'smtp:' && parsed.protocol !== 'smtps:') {
    throw new TocsinError('invalid_input', `TOCSIN_SMTP_URL must start with smtp:// or smtps://, not ${parsed.protocol}//`, {
      field: 'TOCSIN_SMTP_URL',
    });
  }
  const from = env.TOCSIN_MAIL_FROM?.trim();
  if (!from || !FROM.test(from)) {
    throw new TocsinError('invalid_input', 'TOCSIN_MAIL_FROM must be set with TOCSIN_SMTP_URL: an address, or "Name <address>"', {
      field: 'TOCSIN_MAIL_FROM',
    });
  }
  const transport = nodemailer.createTransport({
    pool: true,
    url,
    maxConnections: 4,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return {
    from,
    async send(m) {
      if (!ADDRESS.test(m.to))
        throw new TocsinError('invalid_input', `not an e-mail address: ${JSON.stringify(m.to)}`, { field: 'to' });
      await transport.sendMail({ from, to: m.to, subject: m.subject, text: m.text });
    },
    close: () => transport.close(),
  };
}
