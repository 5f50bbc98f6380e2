/**
 * What three server processes behind nginx share on one PostgreSQL database: the
 * live rooms (chat, presence, signalling, room closing, no ghost after a reload),
 * the sign-in limit, and fresh public data on every process.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startCluster, type Cluster } from './support/cluster.ts'
import { eventually } from './support/eventually.ts'
import { client, type Client } from './support/http.ts'
import { connectLive } from './support/liveClient.ts'
import { sessionFor } from './support/sessions.ts'
import { createWorld, visitAt, type World } from './support/world.ts'

const postgres = (process.env.DATABASE_URL ?? '').startsWith('postgres')
const MINUTE = 60_000
const LIMIT = 6

describe.skipIf(!postgres)('three server processes share their state (PostgreSQL only: SQLite is one process)', () => {
  let cluster: Cluster
  let world: World
  /** Signed in without the sign-in endpoint, so the limit test below has every attempt of this address. */
  const as = async (userId: number | string, url: string): Promise<Client> => sessionFor(cluster.payload, url, userId)
  const live = async (userId: number | string, url: string) => connectLive(url, (await as(userId, url)).token!)
  const participants = (messages: any[]) =>
    messages
      .filter((m) => m.type === 'presence')
      .at(-1)
      ?.participants.map((p: { role: string }) => p.role)
      .sort()
      .join(',')

  beforeAll(async () => {
    cluster = await startCluster({
      processes: 3,
      env: { AUTH_RATE_LIMIT_PER_MINUTE: String(LIMIT) },
      seed: async (payload) => (world = await createWorld(payload)),
    })
  })
  afterAll(() => cluster?.close())

  it('a patient’s socket on one process gets the doctor’s chat message posted through another, and sees who is there', async () => {
    const [one, two, three] = cluster.processUrls as [string, string, string]
    const visit = (await visitAt(cluster.payload, world.alpha, Date.now() + 2 * 60 * MINUTE, { visitType: 'chat' })).id
    const patient = await live(world.alpha.patient.id, one)
    patient.send({ type: 'subscribe', appointment: visit })
    await patient.next((m) => m.type === 'subscribed')
    const doctor = await live(world.alpha.doctorUser.id, two)
    doctor.send({ type: 'subscribe', appointment: visit })
    await doctor.next((m) => m.type === 'subscribed')
    await eventually(
      'both see both',
      () => participants(patient.received) === 'doctor,patient' && participants(doctor.received) === 'doctor,patient',
    )

    const sent = await (
      await as(world.alpha.doctorUser.id, three)
    ).request('POST', `/api/appointments/${visit}/messages`, { body: 'Please hold the camera closer.' })
    expect(sent.status).toBe(201)
    const heard = await patient.next((m) => m.type === 'message')
    expect(heard).toEqual({ type: 'message', appointment: String(visit), message: sent.body.message })

    // Running late, said through the third process, reaches the patient waiting on the first.
    const waiting = await live(world.alpha.patient.id, one)
    waiting.send({ type: 'watch', appointment: visit })
    await waiting.next((m) => m.type === 'watching')
    expect(
      (await (await as(world.alpha.doctorUser.id, three)).request('POST', `/api/appointments/${visit}/running-late`, { minutes: 10 }))
        .status,
    ).toBe(200)
    expect(await waiting.next((m) => m.type === 'running-late')).toMatchObject({ appointment: String(visit), minutes: 10 })

    // The clinic gives the visit to another patient through the third process: the room closes on every process.
    const closes = Promise.all([patient.closed, doctor.closed, waiting.closed])
    const admin = await as(world.alpha.admin.id, three)
    expect((await admin.request('PATCH', `/api/appointments/${visit}`, { patient: world.alpha.otherPatient.id })).status).toBe(200)
    expect(await closes).toEqual([4003, 4003, 4003])
  })

  it('relays call signalling between processes in order, a large offer included', async () => {
    const [one, two] = cluster.processUrls as [string, string]
    const ongoing = (await visitAt(cluster.payload, world.alpha, Date.now() - 5 * MINUTE)).id
    const patient = await live(world.alpha.patient.id, one)
    const doctor = await live(world.alpha.doctorUser.id, two)
    patient.send({ type: 'subscribe', appointment: ongoing })
    doctor.send({ type: 'subscribe', appointment: ongoing })
    await Promise.all([patient.next((m) => m.type === 'subscribed'), doctor.next((m) => m.type === 'subscribed')])
    // An SDP offer of a video call is often larger than PostgreSQL's 8000-byte NOTIFY.
    const offer = {
      description: { type: 'offer', sdp: `v=0\r\n${'a=candidate:1 1 udp 2122260223 10.0.0.1 50000 typ host\r\n'.repeat(200)}` },
    }
    patient.send({ type: 'signal', appointment: ongoing, data: offer })
    for (let i = 0; i < 5; i++) patient.send({ type: 'signal', appointment: ongoing, data: { candidate: i } })
    await eventually('the doctor got every signal', () => doctor.received.filter((m) => m.type === 'signal').length === 6)
    expect(doctor.received.filter((m) => m.type === 'signal').map((m) => m.data)).toEqual([
      offer,
      ...[0, 1, 2, 3, 4].map((i) => ({ candidate: i })),
    ])
    await patient.settled()
    expect(patient.received.some((m) => m.type === 'signal')).toBe(false)
    patient.ws.close()
    doctor.ws.close()
  })

  it('sign-in attempts spread over the processes and the proxy hit one limit', async () => {
    const targets = [...cluster.processUrls, cluster.proxyUrl]
    const statuses: number[] = []
    for (let i = 0; i < LIMIT + 2; i++) {
      const res = await client(targets[i % targets.length]!).request('POST', '/api/users/login', {
        email: world.beta.patient.email,
        password: 'wrong',
      })
      statuses.push(res.status)
      if (res.status === 429) expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0)
    }
    expect(statuses).toEqual([...Array(LIMIT).fill(401), 429, 429])
  })

  it('a change to a clinic’s name and theme shows through every process within a second', async () => {
    const page = async (url: string) => (await fetch(`${url}/c/alpha/`)).text()
    const themeColor = (html: string) => /<meta name="theme-color" content="([^"]*)"/.exec(html)?.[1]
    // Every process has the clinic's page cached.
    const before = await Promise.all(cluster.processUrls.map(page))
    for (const html of before) expect(html).toContain('Clinic alpha')
    const admin = await as(world.alpha.admin.id, cluster.processUrls[0]!)
    const changedAt = Date.now()
    const changed = await admin.request('PATCH', `/api/tenants/${world.alpha.id}`, { name: 'Alpha Health Renamed', theme: 'northwind' })
    expect(changed.status).toBe(200)
    await Promise.all(
      cluster.processUrls.map((url) =>
        eventually(
          `${url} shows the change`,
          async () => {
            const html = await page(url)
            return html.includes('Alpha Health Renamed') && themeColor(html) !== themeColor(before[0]!)
          },
          1000 - (Date.now() - changedAt),
        ),
      ),
    )
  })

  it('a doctor taken off bookings through one process is refused through every process within a second', async () => {
    const [one] = cluster.processUrls as [string]
    const admin = await as(world.alpha.admin.id, one)
    const weeklyHours = ['0', '1', '2', '3', '4', '5', '6'].map((day) => ({ day, start: '00:00', end: '24:00' }))
    const doctor = `/api/doctors/${world.alpha.doctor}`
    const open = await admin.request('PATCH', doctor, { weeklyHours, minimumNoticeMinutes: 0, visitMinutes: 30, bufferAfterMinutes: 0 })
    expect(open.status).toBe(200)
    // One after the other: each adds a session to the same account.
    const patients: Client[] = []
    for (const url of cluster.processUrls) patients.push(await as(world.alpha.patient.id, url))
    const base = Math.ceil((Date.now() + 3 * 24 * 60 * MINUTE) / (60 * MINUTE)) * 60 * MINUTE
    let slot = 0
    const book = (patient: Client) =>
      patient.request(
        'POST',
        '/api/appointments/book',
        { doctor: world.alpha.doctor, start: new Date(base + slot++ * 30 * MINUTE).toISOString() },
        { 'Idempotency-Key': crypto.randomUUID() },
      )
    // Every process has read the doctor as taking bookings.
    for (const patient of patients) expect((await book(patient)).status).toBe(201)
    const changedAt = Date.now()
    expect((await admin.request('PATCH', doctor, { active: false })).status).toBe(200)
    await Promise.all(
      patients.map((patient, i) =>
        eventually(
          `process ${i + 1} refuses the booking`,
          async () => (await book(patient)).status === 422,
          1000 - (Date.now() - changedAt),
        ),
      ),
    )
  })

  it('a reload that lands on another process leaves no ghost', async () => {
    const [one, two, three] = cluster.processUrls as [string, string, string]
    const visit = (await visitAt(cluster.payload, world.beta, Date.now() + 3 * 60 * MINUTE, { visitType: 'chat' })).id
    const doctor = await live(world.beta.doctorUser.id, one)
    doctor.send({ type: 'subscribe', appointment: visit })
    await doctor.next((m) => m.type === 'subscribed')
    const first = await live(world.beta.patient.id, two)
    first.send({ type: 'subscribe', appointment: visit })
    await first.next((m) => m.type === 'subscribed')
    // The page reloads; its new socket lands on the third process before the old one is gone.
    const second = await live(world.beta.patient.id, three)
    second.send({ type: 'subscribe', appointment: visit })
    await second.next((m) => m.type === 'subscribed')
    expect(await first.closed).toBe(4001)
    await eventually('the doctor sees one patient', () => participants(doctor.received) === 'doctor,patient')
    await second.settled()
    expect(participants(doctor.received)).toBe('doctor,patient')
    // Never two of the patient, not even for a moment.
    expect(doctor.received.filter((m) => m.type === 'presence').every((m) => m.participants.length <= 2)).toBe(true)
    second.ws.close()
    await eventually('the patient left', () => participants(doctor.received) === 'doctor')
    doctor.ws.close()
    // A killed process's places expire with its heartbeat: live-rooms-shared.int.test.ts.
  })
})
