import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { notificationChannelContract } from '@telemed/plugin-sdk/testing'
import { TwilioSms } from './TwilioSms.ts'
import { startTwilioDouble } from './testing/twilioDouble.ts'

const SID = `AC${'1'.repeat(32)}`
let twilio: Awaited<ReturnType<typeof startTwilioDouble>>
beforeAll(async () => {
  twilio = await startTwilioDouble({ [SID]: 'auth-token' })
})
afterAll(() => twilio?.close())

const channel = (overrides: Partial<ConstructorParameters<typeof TwilioSms>[0]> = {}) =>
  new TwilioSms({ accountSid: SID, authToken: 'auth-token', from: '+15005550006', apiUrl: twilio.url, ...overrides })
const text = (to: string, words = 'Clinic alpha: reminder, your visit is tomorrow. https://alpha.example/visits/1') => ({
  to,
  subject: 'Reminder',
  text: words,
})

describe('texts through Twilio', () => {
  it('sends one text to the number in E.164, from the platform’s number, and keeps Twilio’s id', async () => {
    const result = await channel().send(text('+44 20 (7946) 0321'))
    expect(result).toEqual({ ok: true, providerId: expect.stringMatching(/^SM[0-9a-f]{32}$/) })
    expect(twilio.sent.at(-1)).toMatchObject({ sid: result.providerId, to: '+442079460321', from: '+15005550006', status: 'queued' })
  })

  it('sends from a Messaging Service when the sender is one', async () => {
    await channel({ from: `MG${'2'.repeat(32)}` }).send(text('+14155550100'))
    expect(twilio.sent.at(-1)).toMatchObject({ from: null, messaging_service_sid: `MG${'2'.repeat(32)}` })
  })

  it('reports Twilio’s refusals with its code and words, and sends nothing', async () => {
    const before = twilio.sent.length
    expect(await channel({ authToken: 'wrong' }).send(text('+14155550100'))).toEqual({
      ok: false,
      error: 'Twilio refused the text (HTTP 401, error 20003): Authenticate',
    })
    expect((await channel().send(text('0207 946 0321'))).error).toMatch(
      /error 21211\): The 'To' number 02079460321 is not a valid phone number/,
    )
    twilio.refuseNext(1)
    expect((await channel().send(text('+14155550100'))).error).toMatch(/HTTP 429, error 20429/)
    expect(twilio.sent.length).toBe(before)
    // After the refusal, the next one goes.
    expect((await channel().send(text('+14155550100'))).ok).toBe(true)
  })

  it('cuts a text at Twilio’s 1,600 characters rather than have it refused', async () => {
    expect((await channel().send(text('+14155550100', 'x'.repeat(2000)))).ok).toBe(true)
    expect(twilio.sent.at(-1)!.body).toHaveLength(1600)
  })

  it('says so when Twilio cannot be reached', async () => {
    const result = await channel({ apiUrl: 'http://127.0.0.1:9' }).send(text('+14155550100'))
    expect(result.ok).toBe(false)
    expect(result.error).toMatch(/^Twilio could not be reached/)
  })
})

notificationChannelContract('Twilio SMS', () => channel(), {
  to: '+14155550199',
  bad: 'not a number',
  delivered: async (to) => twilio.sent.filter((t) => t.to === to).map((t) => t.body),
})
