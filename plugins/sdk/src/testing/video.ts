import { describe, expect, it } from 'vitest'
import type { VideoProvider } from '../video.ts'

/**
 * What every video provider must do, whoever wrote it: run it in the provider's
 * own tests with a factory that gives a fresh, working provider (against its
 * service or a faithful test double of it).
 */
export function videoProviderContract(label: string, make: () => VideoProvider | Promise<VideoProvider>): void {
  describe(`${label} keeps the video provider contract`, () => {
    const visit = () => `contract-${Math.random().toString(36).slice(2, 10)}`

    it('creates one session per visit however often it is asked, and a different one for another visit', async () => {
      const provider = await make()
      const id = visit()
      const first = await provider.ensureSession(id)
      const again = await provider.ensureSession(id)
      const other = await provider.ensureSession(visit())
      expect(first).toEqual(again)
      expect(first.appointmentId).toBe(id)
      expect(other.id).not.toBe(first.id)
    })

    it('grants the doctor and the patient entry, each with their role, naming itself, with a token or a room', async () => {
      const provider = await make()
      const session = await provider.ensureSession(visit())
      const doctor = await provider.join(session, { userId: '7', role: 'moderator', displayName: 'Dr. Ana Ruiz' })
      const patient = await provider.join(session, { userId: '9', role: 'publisher', displayName: 'Maya Lopez' })
      for (const [grant, role] of [
        [doctor, 'moderator'],
        [patient, 'publisher'],
      ] as const) {
        expect(grant.provider).toBe(provider.name)
        expect(grant.role).toBe(role)
        expect(Boolean(grant.token) || Boolean(grant.room)).toBe(true)
        expect(grant).not.toHaveProperty('expiresAt')
      }
      if (doctor.token) expect(patient.token).not.toBe(doctor.token)
      if (!doctor.token) expect(patient.room).toBe(doctor.room)
    })

    it('closes a session for everyone, and closing it again or closing one that never existed is harmless', async () => {
      const provider = await make()
      const id = visit()
      await provider.ensureSession(id)
      await expect(provider.closeSession(id)).resolves.toBeUndefined()
      await expect(provider.closeSession(id)).resolves.toBeUndefined()
      await expect(provider.closeSession(visit())).resolves.toBeUndefined()
    })

    it('has a name and declares its capabilities consistently', async () => {
      const provider = await make()
      expect(provider.name).toMatch(/^[a-z0-9-]+$/)
      expect(Boolean(provider.startRecording)).toBe(Boolean(provider.stopRecording))
    })

    it('turns a webhook call that is not authentic away (null), if it reads webhooks', async () => {
      const provider = await make()
      if (!provider.readWebhook) return expect(provider.readWebhook).toBeUndefined()
      const forged = new Request('http://platform.example/api/video/webhook', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Basic Zm9yZ2VkOmZvcmdlZA==' },
        body: JSON.stringify({ event: 'participantJoined', sessionId: 'appointment-1' }),
      })
      expect(await provider.readWebhook(forged)).toBeNull()
    })
  })
}
