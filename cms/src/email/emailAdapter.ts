import { mkdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import nodemailer from 'nodemailer'
import type { EmailAdapter, SendEmailOptions } from 'payload'
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
export function emailAdapter(settings: Env): EmailAdapter | Promise<EmailAdapter> {
  const from = sender(settings.EMAIL_FROM)
  if (settings.SMTP_URL) {
    return nodemailerAdapter({
      defaultFromAddress: from.address,
      defaultFromName: from.name,
      transport: nodemailer.createTransport(settings.SMTP_URL),
      skipVerify: true,
    })
  }
  return outbox(resolve(repoRoot, settings.DATA_DIR, 'outbox'), from)
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
