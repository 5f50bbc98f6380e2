import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { Endpoint } from 'payload'
import { env } from '@telemed/config'
import { isPlatformAdmin } from '../access/roles.ts'
import { json, problem } from '../http/endpoint.ts'
import { repoRoot } from '../paths.ts'

/** Files listed at a time, newest first. */
const LISTED = 50
const FILE = /^[\w.-]{1,120}\.(eml|sms\.txt)$/

const outboxDir = () => resolve(repoRoot, env().DATA_DIR, 'outbox')

/** A header's words, with RFC 2047 encoded words (`=?UTF-8?Q?…?=`, `=?UTF-8?B?…?=`) decoded. */
export function headerText(raw: string, name: string): string {
  const unfolded = raw.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]+/g, ' ')
  const value = new RegExp(`^${name}:[ \\t]*(.*)$`, 'mi').exec(unfolded)?.[1] ?? ''
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([qb])\?([^?]*)\?=/gi, (_, how: string, text: string) =>
      how.toLowerCase() === 'b'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(
            text.replace(/_/g, ' ').replace(/=([0-9a-f]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))),
            'latin1',
          ).toString('utf8'),
    )
    .trim()
}

/**
 * `GET /api/notifications/outbox`: what the embedded channels wrote to
 * DATA_DIR/outbox (no SMTP_URL, no SMS plugin), newest first: each email's or
 * text's recipient and subject. For platform admins only: the folder holds
 * every clinic's messages. `inUse: false` when the platform sends through SMTP.
 */
export const listOutbox: Endpoint = {
  path: '/outbox',
  method: 'get',
  handler: async (req) => {
    if (!isPlatformAdmin(req)) return problem(req.user ? 403 : 401, 'The outbox is for platform admins.')
    const dir = outboxDir()
    const names = existsSync(dir) ? readdirSync(dir).filter((n) => FILE.test(n)) : []
    const files = names
      .map((name) => ({ name, at: statSync(join(dir, name)).mtime.toISOString() }))
      .sort((a, b) => b.at.localeCompare(a.at) || b.name.localeCompare(a.name))
      .slice(0, LISTED)
      .map(({ name, at }) => {
        const raw = readFileSync(join(dir, name), 'utf8').slice(0, 20_000)
        const sms = name.endsWith('.sms.txt')
        return { name, at, kind: sms ? 'sms' : 'email', to: headerText(raw, 'To'), subject: sms ? '' : headerText(raw, 'Subject') }
      })
    return json(200, { inUse: !env().SMTP_URL, total: names.length, files })
  },
}

/** `GET /api/notifications/outbox/:name`: one file of the outbox as written (an email opens in any mail program). */
export const readOutboxFile: Endpoint = {
  path: '/outbox/:name',
  method: 'get',
  handler: async (req) => {
    if (!isPlatformAdmin(req)) return problem(req.user ? 403 : 401, 'The outbox is for platform admins.')
    const name = String(req.routeParams?.name ?? '')
    if (!FILE.test(name)) return problem(400, 'That is not a file of the outbox.', 'name')
    const file = join(outboxDir(), name)
    if (!existsSync(file)) return problem(404, 'There is no such file in the outbox.')
    return new Response(readFileSync(file), {
      status: 200,
      headers: {
        'Content-Type': name.endsWith('.eml') ? 'message/rfc822' : 'text/plain; charset=utf-8',
        'Content-Disposition': `attachment; filename="${name}"`,
        'Cache-Control': 'no-store',
      },
    })
  },
}
