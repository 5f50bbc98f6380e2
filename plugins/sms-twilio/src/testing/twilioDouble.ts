import { randomBytes } from 'node:crypto'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

/** A text the double accepted, as Twilio's Message resource holds it. */
export type SentText = {
  sid: string
  account_sid: string
  to: string
  from: string | null
  messaging_service_sid: string | null
  body: string
  status: 'queued'
}

type Refusal = { status: number; code: number; message: string }

const E164 = /^\+[1-9]\d{1,14}$/

/**
 * A test double of Twilio's Programmable Messaging REST API, as documented: `POST
 * /2010-04-01/Accounts/{AccountSid}/Messages.json`, form-encoded, HTTP basic
 * authentication with the account SID and auth token, `To` in E.164 and one of
 * `From` or `MessagingServiceSid`, `Body` of at most 1,600 characters; 201 with
 * the Message resource, or Twilio's error shape `{ code, message, more_info,
 * status }` (20003 authenticate, 21211 invalid To, 21602 no body, 21603 no From,
 * 21617 body too long, 20404 unknown path). `refuseNext` makes the next calls
 * fail, as Twilio does when rate limited (20429) or down.
 */
export async function startTwilioDouble(accounts: Record<string, string>) {
  const sent: SentText[] = []
  const refusals: Refusal[] = []
  const server = createServer((req, res) => {
    const answer = (status: number, body: unknown) => {
      res.writeHead(status, { 'Content-Type': 'application/json' })
      res.end(JSON.stringify(body))
    }
    const error = (status: number, code: number, message: string) =>
      answer(status, { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status })
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const path = /^\/2010-04-01\/Accounts\/([^/]+)\/Messages\.json$/.exec(req.url ?? '')
      if (req.method !== 'POST' || !path) return error(404, 20404, 'The requested resource was not found')
      const [user, password] = Buffer.from((req.headers.authorization ?? '').replace(/^Basic /, ''), 'base64')
        .toString()
        .split(':')
      const sid = decodeURIComponent(path[1]!)
      if (!user || user !== sid || accounts[sid] === undefined || accounts[sid] !== password) return error(401, 20003, 'Authenticate')
      if (!String(req.headers['content-type']).startsWith('application/x-www-form-urlencoded'))
        return error(400, 20001, 'Content-Type must be application/x-www-form-urlencoded')
      const refusal = refusals.shift()
      if (refusal) return error(refusal.status, refusal.code, refusal.message)
      const form = new URLSearchParams(Buffer.concat(chunks).toString())
      const to = form.get('To') ?? ''
      const from = form.get('From')
      const service = form.get('MessagingServiceSid')
      const body = form.get('Body') ?? ''
      if (!E164.test(to)) return error(400, 21211, `The 'To' number ${to} is not a valid phone number.`)
      if (!from && !service) return error(400, 21603, "A 'From' or 'MessagingServiceSid' parameter is required to send a message")
      if (!body) return error(400, 21602, 'Message body is required.')
      if (body.length > 1600) return error(400, 21617, 'The concatenated message body exceeds the 1600 character limit.')
      const text: SentText = {
        sid: `SM${randomBytes(16).toString('hex')}`,
        account_sid: sid,
        to,
        from,
        messaging_service_sid: service,
        body,
        status: 'queued',
      }
      sent.push(text)
      const now = new Date().toUTCString().replace('GMT', '+0000')
      answer(201, {
        ...text,
        api_version: '2010-04-01',
        date_created: now,
        date_updated: now,
        date_sent: null,
        direction: 'outbound-api',
        error_code: null,
        error_message: null,
        num_media: '0',
        num_segments: String(Math.ceil(body.length / 153) || 1),
        price: null,
        price_unit: 'USD',
        uri: `/2010-04-01/Accounts/${sid}/Messages/${text.sid}.json`,
      })
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    sent,
    /** The next `count` calls are refused with this Twilio error (by default 429, 20429 Too Many Requests). */
    refuseNext(count: number, refusal: Refusal = { status: 429, code: 20429, message: 'Too Many Requests' }) {
      for (let i = 0; i < count; i++) refusals.push(refusal)
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
