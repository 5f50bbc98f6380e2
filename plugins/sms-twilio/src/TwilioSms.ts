import type { DeliveryResult, NotificationChannel, OutgoingMessage } from '@telemed/plugin-sdk'

export type TwilioAccount = {
  /** The account's SID (`AC…`), from the Twilio console. */
  accountSid: string
  /** Its auth token (or an API key's secret, with `apiKeySid`). */
  authToken: string
  /** The sender: a phone number in E.164 (`+14155550100`) or a Messaging Service SID (`MG…`). */
  from: string
  /** Twilio's REST API; another address only for a test double. */
  apiUrl?: string
}

/** Twilio reads numbers in E.164: `+` and digits only. People write them with spaces, dashes and brackets. */
export const e164 = (phone: string) => phone.replace(/[\s()-]/g, '')

/** The longest text sent (Twilio's own limit is 1,600 characters). */
export const MAX_TEXT = 1600

/**
 * SMS through Twilio's Programmable Messaging REST API: one `POST
 * /2010-04-01/Accounts/{AccountSid}/Messages.json` per text, form-encoded, with
 * HTTP basic authentication. Twilio's answer decides: 201 is accepted (the id is
 * kept), anything else is refused with Twilio's code and words, and the
 * platform's sender retries.
 */
export class TwilioSms implements NotificationChannel {
  readonly channel = 'sms' as const
  private readonly endpoint: string
  private readonly authorization: string

  constructor(private readonly account: TwilioAccount) {
    const base = (account.apiUrl ?? 'https://api.twilio.com').replace(/\/$/, '')
    this.endpoint = `${base}/2010-04-01/Accounts/${encodeURIComponent(account.accountSid)}/Messages.json`
    this.authorization = `Basic ${Buffer.from(`${account.accountSid}:${account.authToken}`).toString('base64')}`
  }

  async send(message: OutgoingMessage): Promise<DeliveryResult> {
    const form = new URLSearchParams({ To: e164(message.to), Body: message.text.slice(0, MAX_TEXT) })
    form.set(this.account.from.startsWith('MG') ? 'MessagingServiceSid' : 'From', this.account.from)
    let response: Response
    try {
      response = await fetch(this.endpoint, {
        method: 'POST',
        headers: { Authorization: this.authorization, 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
        body: form,
        signal: AbortSignal.timeout(15_000),
      })
    } catch (error) {
      return { ok: false, error: `Twilio could not be reached: ${(error as Error).message}` }
    }
    const body = (await response.json().catch(() => ({}))) as { sid?: string; code?: number; message?: string }
    if (response.status === 201 && body.sid) return { ok: true, providerId: body.sid }
    return {
      ok: false,
      error: `Twilio refused the text (HTTP ${response.status}${body.code ? `, error ${body.code}` : ''}): ${body.message ?? 'no reason given'}`,
    }
  }
}
