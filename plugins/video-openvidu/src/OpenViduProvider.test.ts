import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { videoProviderContract } from '@telemed/plugin-sdk/testing'
import { OpenViduProvider, sessionIdOf } from './OpenViduProvider.ts'
import { startOpenViduDouble } from './testing/openViduDouble.ts'

let double: Awaited<ReturnType<typeof startOpenViduDouble>>
beforeAll(async () => {
  double = await startOpenViduDouble('test-secret')
})
afterAll(() => double?.close())

describe('the OpenVidu provider, through openvidu-node-client', () => {
  it('creates one session per appointment, however often it is asked', async () => {
    const provider = new OpenViduProvider(double.url, 'test-secret')
    const first = await provider.ensureSession('41')
    const again = await new OpenViduProvider(double.url, 'test-secret').ensureSession('41')
    expect([first.id, again.id]).toEqual([sessionIdOf('41'), sessionIdOf('41')])
    expect([...double.sessions.keys()].filter((id) => id === 'appointment-41')).toHaveLength(1)
  })

  it('gives the doctor a moderator token and the patient a publisher token, with a display name and no clinical data', async () => {
    const provider = new OpenViduProvider(double.url, 'test-secret')
    const session = await provider.ensureSession('42')
    const doctor = await provider.join(session, { userId: '7', role: 'moderator', displayName: 'Dr. Ana Ruiz' })
    const patient = await provider.join(session, { userId: '9', role: 'publisher', displayName: 'Maya Lopez' })
    expect(doctor.token).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\?sessionId=appointment-42&token=tok_/)
    expect(patient.token).not.toBe(doctor.token)
    const connections = double.sessions.get('appointment-42')!.connections
    expect(connections.map((c) => [c.role, JSON.parse(c.serverData as string)])).toEqual([
      ['MODERATOR', { userId: '7', displayName: 'Dr. Ana Ruiz', role: 'moderator' }],
      ['PUBLISHER', { userId: '9', displayName: 'Maya Lopez', role: 'publisher' }],
    ])
  })

  it('closes the session, and closing one that is gone is harmless', async () => {
    const provider = new OpenViduProvider(double.url, 'test-secret')
    await provider.ensureSession('43')
    await provider.closeSession('43')
    expect(double.sessions.has('appointment-43')).toBe(false)
    await expect(provider.closeSession('43')).resolves.toBeUndefined()
  })

  it('fails loudly with a wrong secret', async () => {
    await expect(new OpenViduProvider(double.url, 'wrong').ensureSession('44')).rejects.toThrow()
  })
})

videoProviderContract('The OpenVidu provider (against the OpenVidu double)', () => new OpenViduProvider(double.url, 'test-secret'))
