import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

/**
 * The emails written to DATA_DIR/outbox (no SMTP_URL in tests), decoded from quoted-printable.
 * DATA_DIR from process.env: the test server sets it there for each server it starts.
 */
export function outbox(dataDir = process.env.DATA_DIR!): { from: string; to: string; subject: string; body: string }[] {
  const dir = join(dataDir, 'outbox')
  if (!existsSync(dir)) return []
  return readdirSync(dir)
    .filter((file) => file.endsWith('.eml'))
    .sort()
    .map((file) => {
      const raw = readFileSync(join(dir, file), 'utf8')
        .replace(/=\r?\n/g, '')
        .replace(/=3D/g, '=')
      const header = (name: string) => new RegExp(`^${name}: (.*)$`, 'mi').exec(raw)?.[1]?.trim() ?? ''
      return { from: header('From'), to: header('To'), subject: header('Subject'), body: raw }
    })
}

/**
 * The `nth` email (1 = the first) to `to` whose subject matches, once it is
 * written: emails go out after the answer (see email/emailAdapter.ts), so the test
 * waits for the file.
 */
export async function emailTo(to: string, subject: RegExp, { nth = 1, dataDir }: { nth?: number; dataDir?: string } = {}) {
  for (let attempt = 0; attempt < 100; attempt++) {
    const found = outbox(dataDir).filter((m) => m.to.includes(to) && subject.test(m.subject))[nth - 1]
    if (found) return found
    await new Promise((r) => setTimeout(r, 50))
  }
  throw new Error(`no email to ${to} with a subject like ${subject}`)
}

/** The first link in an email that matches `pattern`. */
export const linkIn = (body: string, pattern: RegExp) => body.match(new RegExp(`https?://[^\\s"<]*${pattern.source}[^\\s"<]*`))?.[0]

/** The text messages the embedded SMS channel wrote to DATA_DIR/outbox (`.sms.txt`), oldest first. */
export function textsSent(dataDir = process.env.DATA_DIR!): { to: string; text: string }[] {
  const dir = join(dataDir, 'outbox')
  if (!existsSync(dir)) return []
  return readdirSync(dir)
    .filter((file) => file.endsWith('.sms.txt'))
    .sort()
    .map((file) => {
      const [head, ...rest] = readFileSync(join(dir, file), 'utf8').split('\n\n')
      return { to: head!.replace(/^To: /, ''), text: rest.join('\n\n').trim() }
    })
}
