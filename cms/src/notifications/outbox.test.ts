import nodemailer from 'nodemailer'
import { describe, expect, it } from 'vitest'
import { headerText } from './outbox.ts'

describe("the outbox's listing", () => {
  it('reads a subject as nodemailer writes it: encoded words decoded, folded lines joined', async () => {
    const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' })
    const subject =
      'All set, Dev Sharma: your visit with Dr. Priya Nair on Thursday, 3 December 2026, 15:30 (India Standard Time) is booked …'
    const { message } = (await transport.sendMail({ from: 'a@x.test', to: 'dev@x.test', subject, text: 'x' })) as { message: Buffer }
    const raw = message.toString()
    expect(raw).toMatch(/=\?UTF-8\?/)
    expect(headerText(raw, 'Subject')).toBe(subject)
    expect(headerText(raw, 'To')).toBe('dev@x.test')
  })
})
