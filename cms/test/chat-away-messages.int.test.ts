/**
 * A chat message while the other side is away: the doctor is told by email and
 * in their inbox when the patient writes, at most once per visit per quarter
 * hour, and never what was written; a patient in the visit's room is not told.
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { Notification } from '../src/payload-types.ts'
import { peopleInRoom } from '../src/live/presence.ts'
import { sendDueNotifications } from '../src/notifications/send.ts'
import { signIn, type Client } from './support/http.ts'
import { connectLive } from './support/liveClient.ts'
import { linkIn, outbox } from './support/outbox.ts'
import { startWorld, type TestServer } from './support/testServer.ts'
import { PASSWORD, visitAt, type World } from './support/world.ts'

let server: TestServer
let world: World
let payload: Payload
let patient: Client
let doctor: Client
let visit: number

beforeAll(async () => {
  ;({ server, world } = await startWorld({ JOBS_IN_SERVER: 'false' }))
  payload = server.payload
  ;[patient, doctor] = await Promise.all([
    signIn(server.url, world.alpha.patient.email, PASSWORD),
    signIn(server.url, world.alpha.doctorUser.email, PASSWORD),
  ])
  visit = (await visitAt(payload, world.alpha, Date.now() + 2 * 3_600_000, { visitType: 'chat' })).id as number
})
afterAll(() => server?.close())

const write = async (who: Client, body: string) => {
  const res = await who.request('POST', `/api/appointments/${visit}/messages`, { body })
  expect(res.status, JSON.stringify(res.body)).toBe(201)
}
const chatMessagesTo = async (recipient: unknown): Promise<Notification[]> =>
  (
    await payload.find({
      collection: 'notifications',
      where: { and: [{ appointment: { equals: visit } }, { event: { equals: 'chat.message' } }, { recipient: { equals: recipient } }] },
      depth: 0,
    })
  ).docs

it('tells the doctor once per quarter hour that the patient wrote, by email and in the inbox, without the words', async () => {
  await write(patient, 'My rash is spreading to my arms')
  await expect.poll(async () => (await chatMessagesTo(world.alpha.doctorUser.id)).length, { timeout: 5_000 }).toBe(2)
  await write(patient, 'And it itches')
  await write(patient, 'Should I stop the cream?')
  await sendDueNotifications(payload)
  const told = await chatMessagesTo(world.alpha.doctorUser.id)
  expect(told.map((m) => `${m.channel} ${m.status}`).sort()).toEqual(['email sent', 'in-app sent'])
  const emails = outbox().filter((m) => m.to.includes(world.alpha.doctorUser.email))
  expect(emails).toHaveLength(1)
  expect(emails[0]!.subject).toMatch(/^New message from /)
  expect(emails[0]!.body).not.toMatch(/rash|itches|cream/i)
  expect(linkIn(emails[0]!.body, /\/doctor\/visits\//)).toMatch(new RegExp(`/doctor/visits/${visit}$`))
})

it('does not tell a patient who is in the visit’s room; tells them once they left', async () => {
  const live = await connectLive(server.url, patient.token!)
  live.send({ type: 'subscribe', appointment: visit })
  await live.next((m) => m.type === 'presence' && m.participants.some((p: any) => p.role === 'patient'))
  await write(doctor, 'Please send a photo of the rash')
  await live.next((m) => m.type === 'message')
  expect(await chatMessagesTo(world.alpha.patient.id)).toHaveLength(0)

  live.ws.close()
  await expect
    .poll(async () => (await peopleInRoom(payload, visit))?.includes(String(world.alpha.patient.id)), { timeout: 5_000 })
    .toBe(false)
  await write(doctor, 'And stop the cream for now')
  await expect.poll(async () => (await chatMessagesTo(world.alpha.patient.id)).length, { timeout: 5_000 }).toBe(2)
  await sendDueNotifications(payload)
  const email = outbox().find((m) => m.to.includes(world.alpha.patient.email) && /New message/.test(m.subject))!
  expect(email.body).not.toMatch(/cream|photo|rash/i)
  expect(linkIn(email.body, /\/visits\//)).toMatch(new RegExp(`alpha\\.localhost.*/visits/${visit}$`))
})
