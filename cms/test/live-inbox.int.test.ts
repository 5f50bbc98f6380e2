/**
 * The inbox, live: when a message reaches a person's inbox, each of their open
 * live connections hears `{ type: 'inbox' }` (and nothing of its content); no
 * one else's does.
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { planMessages } from '../src/notifications/plan.ts'
import { sendDueNotifications } from '../src/notifications/send.ts'
import { signIn } from './support/http.ts'
import { connectLive } from './support/liveClient.ts'
import { startWorld, type TestServer } from './support/testServer.ts'
import { PASSWORD, type World } from './support/world.ts'

let server: TestServer
let world: World
let payload: Payload

beforeAll(async () => {
  ;({ server, world } = await startWorld({ JOBS_IN_SERVER: 'false' }))
  payload = server.payload
})
afterAll(() => server?.close())

it("tells the person's open pages that a message arrived, and only theirs", async () => {
  // Two doctors: the world's own messages (its records and prescriptions) go to its patients, not to them.
  const [doctor, otherDoctor] = await Promise.all([
    signIn(server.url, world.alpha.doctorUser.email, PASSWORD),
    signIn(server.url, world.beta.doctorUser.email, PASSWORD),
  ])
  const [mine, secondTab, theirs] = await Promise.all([
    connectLive(server.url, doctor.token!),
    connectLive(server.url, doctor.token!),
    connectLive(server.url, otherDoctor.token!),
  ])
  await planMessages(payload, [
    {
      tenant: world.alpha.id,
      recipient: world.alpha.doctorUser.id,
      event: 'record.shared',
      kind: 'record.shared',
      scheduledFor: new Date(),
      key: 'live-inbox-test',
      details: {},
    },
  ])
  await sendDueNotifications(payload)
  expect(await mine.next((m) => m.type === 'inbox')).toEqual({ type: 'inbox' })
  expect(await secondTab.next((m) => m.type === 'inbox')).toEqual({ type: 'inbox' })
  try {
    await theirs.settled()
    expect(theirs.received.filter((m) => m.type === 'inbox')).toEqual([])
  } finally {
    for (const live of [mine, secondTab, theirs]) live.ws.close()
  }
})
