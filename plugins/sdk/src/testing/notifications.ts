import { describe, expect, it } from 'vitest'
import type { NotificationChannel } from '../notifications.ts'

/**
 * What every notification channel must do. `to` is an address the channel
 * accepts (an email address, a phone number in E.164, a user id), `bad` one it
 * must refuse; `delivered` reads back what reached the recipient (the test
 * double's inbox), or null if the channel cannot tell.
 */
export function notificationChannelContract(
  label: string,
  make: () => NotificationChannel | Promise<NotificationChannel>,
  addresses: { to: string; bad: string; delivered: (to: string) => Promise<string[] | null> },
): void {
  describe(`${label} keeps the notification channel contract`, () => {
    const message = (to: string) => ({
      to,
      subject: 'Your visit with Dr. Ana Ruiz is confirmed',
      text: 'See the visit: https://northwind.example/appointments/42',
    })

    it('delivers a message and says so, with the provider’s id', async () => {
      const channel = await make()
      const result = await channel.send(message(addresses.to))
      expect(result).toMatchObject({ ok: true })
      expect(result.providerId).toMatch(/\S/)
      const inbox = await addresses.delivered(addresses.to)
      if (inbox !== null) expect(inbox.join('\n')).toContain('https://northwind.example/appointments/42')
    })

    it('answers a refusal with ok: false and a reason, instead of throwing', async () => {
      const channel = await make()
      const result = await channel.send(message(addresses.bad))
      expect(result.ok).toBe(false)
      expect(result.error).toMatch(/\w{3,}/)
    })
  })
}
