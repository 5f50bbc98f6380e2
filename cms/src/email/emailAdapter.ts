import { mkdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import nodemailer from 'nodemailer'
import type { EmailAdapter, Payload, SendEmailOptions } from 'payload'
import { nodemailerAdapter } from '@payloadcms/email-nodemailer'
import type { Env } from '@telemed/config'
import { repoRoot } from '../paths.ts'

const sender = (from: string) => {
  const match = /^\s*(.*?)\s*<([^>]+)>\s*$/.exec(from)
  return match ? { name: match[1] || 'Telemed', address: match[2]! } : { name: 'Telemed', address: from.trim() }
}

/**
 * How the platform sends email: through SMTP_URL when set; otherwise each email
 * is written to DATA_DIR/outbox as an .eml file (open it with any mail program),
 * so a demo or a developer sees exactly what would have been sent.
 */
export async function emailAdapter(settings: Env): Promise<EmailAdapter> {
  const from = sender(settings.EMAIL_FROM)
  if (settings.SMTP_URL) {
    return afterTheAnswer(
      await nodemailerAdapter({
        defaultFromAddress: from.address,
        defaultFromName: from.name,
        transport: nodemailer.createTransport(settings.SMTP_URL),
        skipVerify: true,
      }),
    )
  }
  return afterTheAnswer(outbox(resolve(repoRoot, settings.DATA_DIR, 'outbox'), from))
}

/**
 * Every email goes out after the answer that caused it. An answer must not take
 * longer because an email was sent: a password reset for an account that
 * exists would otherwise be slower than for an unknown address (telling a
 * stranger which addresses have accounts), and a request would wait for the
 * mail server while holding its database transaction. A failure is logged
 * without the recipient or the content. (Emails will become jobs with retries;
 * until then, an email lost in a crash is asked for again.)
 */
function afterTheAnswer(adapter: EmailAdapter): EmailAdapter {
  return (args) => {
    const initialised = adapter(args)
    return {
      ...initialised,
      // For senders that wait for the answer and retry (notifications/send.ts): not after the answer.
      sendEmailNow: (message: SendEmailOptions) => initialised.sendEmail(message),
      sendEmail: async (message: SendEmailOptions) => {
        setImmediate(() => {
          Promise.resolve()
            .then(() => initialised.sendEmail(message))
            .catch((err: unknown) =>
              args.payload.logger.error({ err: err instanceof Error ? err.message : String(err) }, 'could not send an email'),
            )
        })
        return { queued: true }
      },
    }
  }
}

/** Sends an email and waits for the mail server's (or the outbox's) answer; throws when it refuses. */
export const sendEmailNow = (payload: Payload, message: SendEmailOptions): Promise<unknown> => {
  const email = payload.email as unknown as {
    sendEmailNow?: (m: SendEmailOptions) => Promise<unknown>
    sendEmail: (m: SendEmailOptions) => Promise<unknown>
  }
  return (email.sendEmailNow ?? email.sendEmail)(message)
}

function outbox(dir: string, from: { name: string; address: string }): EmailAdapter {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' })
  let count = 0
  return ({ payload }) => ({
    name: 'outbox',
    defaultFromAddress: from.address,
    defaultFromName: from.name,
    sendEmail: async (message: SendEmailOptions) => {
      const info = (await transport.sendMail({ from, ...message })) as { message: Buffer }
      mkdirSync(dir, { recursive: true, mode: 0o700 })
      const file = join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${++count}.eml`)
      writeFileSync(file, info.message, { mode: 0o600 })
      // The file, not the recipient or the content: logs carry no personal data.
      payload.logger.info({ msg: `Email written to ${file} (no SMTP_URL set)` })
      return info
    },
  })
}
