/**
 * Paying at the clinic, the embedded default: a visit with a fee gets an invoice
 * due when booked; the clinic's admin marks it paid and refunds it by hand, in
 * part, once per request and never beyond what was paid; a cancellation cancels
 * an invoice or refunds by the clinic's policy. Patients see their own payments,
 * doctors their visits', admins their clinic's; nobody writes them through the API.
 */
import type { Payload } from 'payload'
import { paymentProviderContract } from '@telemed/plugin-sdk/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DeskPayments } from '../src/payments/desk.ts'
import { sendDueNotifications } from '../src/notifications/send.ts'
import { emailTo } from './support/outbox.ts'
import { signIn, type Client } from './support/http.ts'
import { startWorld, type TestServer } from './support/testServer.ts'
import { openAllWeek, PASSWORD, type World } from './support/world.ts'

const HOUR = 3_600_000
let server: TestServer
let world: World
let payload: Payload
let patient: Client
let admin: Client
let slot = Math.ceil((Date.now() + 72 * HOUR) / HOUR) * HOUR

beforeAll(async () => {
  ;({ server, world } = await startWorld({ JOBS_IN_SERVER: 'false' }))
  payload = server.payload
  await openAllWeek(payload, world.alpha.doctor, { consultationFee: 45, chatFee: 30, visitMinutes: 30 })
  await openAllWeek(payload, world.alpha.otherDoctor, { visitMinutes: 30 })
  await payload.update({
    collection: 'tenants',
    id: world.alpha.id,
    data: { bookingPolicy: { maxUpcomingVisits: 100 } },
    overrideAccess: true,
  })
  patient = await signIn(server.url, world.alpha.patient.email, PASSWORD)
  admin = await signIn(server.url, world.alpha.admin.email, PASSWORD)
})
afterAll(() => server?.close())

/** The patient books the next free hour (a day or more ahead) of `doctor`, through the booking endpoint. */
async function book(doctor = world.alpha.doctor, visitType = 'video', hoursAhead?: number) {
  const start = hoursAhead ? Math.ceil((Date.now() + hoursAhead * HOUR) / HOUR) * HOUR : (slot += HOUR)
  const res = await patient.request(
    'POST',
    '/api/appointments/book',
    { doctor, start: new Date(start).toISOString(), visitType },
    { 'Idempotency-Key': crypto.randomUUID() },
  )
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  return res.body.doc.id as number
}

const paymentOf = async (visit: number) =>
  (await payload.find({ collection: 'payments', where: { appointment: { equals: visit } }, depth: 0, overrideAccess: true })).docs[0]
const refund = (who: Client, id: number, body: unknown, key = crypto.randomUUID()) =>
  who.request('POST', `/api/payments/${id}/refund`, body, { 'Idempotency-Key': key })
const messages = async (event: string) =>
  (
    await payload.find({
      collection: 'notifications',
      where: { and: [{ event: { equals: event } }, { recipient: { equals: world.alpha.patient.id } }, { channel: { equals: 'in-app' } }] },
      limit: 0,
      depth: 0,
      overrideAccess: true,
    })
  ).docs

describe('an invoice due at the clinic', () => {
  it('is written when a visit with a fee is booked, in minor units of the clinic’s currency, by the visit’s kind', async () => {
    const video = await paymentOf(await book())
    expect(video).toMatchObject({ amount: 4500, currency: 'USD', provider: 'desk', status: 'due', amountRefunded: 0, visitType: 'video' })
    expect(video!.patient).toBe(world.alpha.patient.id)
    const chat = await paymentOf(await book(world.alpha.doctor, 'chat'))
    expect(chat).toMatchObject({ amount: 3000, status: 'due' })
  })

  it('is not written for a free visit', async () => {
    expect(await paymentOf(await book(world.alpha.otherDoctor))).toBeUndefined()
  })

  it('is seen by its patient, the visit’s doctor and the clinic’s admins, and no one else', async () => {
    const visit = await book()
    const { id } = (await paymentOf(visit))!
    const seen = async (email: string) => (await (await signIn(server.url, email, PASSWORD)).request('GET', `/api/payments/${id}`)).status
    expect(await seen(world.alpha.patient.email)).toBe(200)
    expect(await seen(world.alpha.doctorUser.email)).toBe(200)
    expect(await seen(world.alpha.admin.email)).toBe(200)
    expect(await seen(world.alpha.otherPatient.email)).toBe(404)
    expect(await seen(world.alpha.otherDoctorUser.email)).toBe(404)
    expect(await seen(world.beta.admin.email)).toBe(404)
    const list = await patient.request('GET', '/api/payments?limit=100&depth=0')
    expect(list.body.docs.length).toBeGreaterThan(0)
    expect(list.body.docs.every((p: { patient: number }) => p.patient === world.alpha.patient.id)).toBe(true)
    // Whether the visit is paid, not what was refunded and why.
    await admin.request('POST', `/api/payments/${id}/mark-paid`, {})
    await refund(admin, id, { amount: 500, reason: 'Late start' })
    const asDoctor = await (await signIn(server.url, world.alpha.doctorUser.email, PASSWORD)).request('GET', `/api/payments/${id}`)
    expect(asDoctor.body.status).toBe('partially-refunded')
    expect(asDoctor.body.refunds ?? []).toEqual([])
    expect(asDoctor.body.history ?? []).toEqual([])
    expect(asDoctor.body).not.toHaveProperty('checkoutUrl')
    expect((await patient.request('GET', `/api/payments/${id}`)).body.refunds).toMatchObject([{ amount: 500, reason: 'Late start' }])
  })

  it('is never written through the API, even by an admin: only the payment endpoints change it', async () => {
    const { id } = (await paymentOf(await book()))!
    expect((await admin.request('PATCH', `/api/payments/${id}`, { status: 'paid', amount: 1 })).status).toBe(403)
    expect((await admin.request('DELETE', `/api/payments/${id}`)).status).toBe(403)
    const root = await signIn(server.url, world.platformAdmin.email, PASSWORD)
    expect((await root.request('POST', '/api/payments', { amount: 1 })).status).toBe(403)
    expect(await paymentOf((await payload.findByID({ collection: 'payments', id, depth: 0 })).appointment as number)).toMatchObject({
      status: 'due',
      amount: 4500,
    })
  })
})

describe('marking paid and refunding by hand', () => {
  it('is the clinic admins’ (not the patient’s, not another clinic’s), and sends a receipt', async () => {
    const { id } = (await paymentOf(await book()))!
    expect((await patient.request('POST', `/api/payments/${id}/mark-paid`, {})).status).toBe(403)
    const otherAdmin = await signIn(server.url, world.beta.admin.email, PASSWORD)
    expect((await otherAdmin.request('POST', `/api/payments/${id}/mark-paid`, {})).status).toBe(404)
    const before = (await messages('payment.receipt')).length
    const paid = await admin.request('POST', `/api/payments/${id}/mark-paid`, {})
    expect(paid.status).toBe(200)
    expect(paid.body.doc).toMatchObject({ status: 'paid', paidAt: expect.any(String) })
    expect((await messages('payment.receipt')).length).toBe(before + 1)
    // By email too: the clinic, the amount and a link to the receipt, nothing of the visit.
    await sendDueNotifications(payload)
    const email = await emailTo(world.alpha.patient.email, /receipt/i)
    expect(email.body).toContain('$45.00')
    expect(email.body).toMatch(/\/payments\/\d+/)
    expect(email.body).not.toMatch(/video visit|reason/i)
  })

  it('refunds in part once per key, never more than was paid, and says how much is left', async () => {
    const { id } = (await paymentOf(await book()))!
    expect((await refund(admin, id, { amount: 100, reason: 'Not paid yet' })).status).toBe(409)
    await admin.request('POST', `/api/payments/${id}/mark-paid`, {})
    expect((await refund(patient, id, { amount: 100, reason: 'Mine' })).status).toBe(403)
    expect((await refund(admin, id, { amount: 22.5, reason: 'Half' })).status).toBe(400)
    expect((await refund(admin, id, { amount: 2250 })).status).toBe(400)
    const key = crypto.randomUUID()
    const first = await refund(admin, id, { amount: 2250, reason: 'Half, as agreed' }, key)
    expect(first.status).toBe(200)
    expect(first.body.doc).toMatchObject({ status: 'partially-refunded', amountRefunded: 2250 })
    const again = await refund(admin, id, { amount: 2250, reason: 'Half, as agreed' }, key)
    expect(again.body.doc).toMatchObject({ amountRefunded: 2250 })
    expect(again.body.doc.refunds).toHaveLength(1)
    const tooMuch = await refund(admin, id, { amount: 2251, reason: 'Too much' })
    expect(tooMuch.status).toBe(422)
    expect(tooMuch.body.errors[0].message).toContain('$22.50')
    const rest = await refund(admin, id, { amount: 2250, reason: 'The rest' })
    expect(rest.body.doc).toMatchObject({ status: 'refunded', amountRefunded: 4500 })
    expect((await refund(admin, id, { amount: 1, reason: 'More' })).status).toBe(409)
    expect((await messages('payment.refund')).filter((m) => (m.details as { payment?: number }).payment === id)).toHaveLength(2)
  })
})

describe('a cancelled visit', () => {
  const cancel = (who: Client, visit: number) => who.request('POST', `/api/appointments/${visit}/cancel`, { reason: 'Plans changed' })

  it('cancels its invoice when nothing was paid', async () => {
    const visit = await book()
    expect((await cancel(patient, visit)).status).toBe(200)
    expect(await paymentOf(visit)).toMatchObject({ status: 'cancelled', amountRefunded: 0 })
  })

  it('is refunded in full when the patient cancels before the clinic’s cutoff, by a job', async () => {
    const visit = await book()
    const { id } = (await paymentOf(visit))!
    await admin.request('POST', `/api/payments/${id}/mark-paid`, {})
    expect((await cancel(patient, visit)).status).toBe(200)
    await payload.jobs.run({ allQueues: true })
    expect(await paymentOf(visit)).toMatchObject({ status: 'refunded', amountRefunded: 4500 })
  })

  it('is refunded by the clinic’s percentage when the patient cancels late, and in full when the clinic cancels', async () => {
    await payload.update({
      collection: 'tenants',
      id: world.alpha.id,
      data: { paymentPolicy: { fullRefundHours: 48, lateRefundPercent: 50 }, bookingPolicy: { cancellationCutoffHours: 2 } },
      overrideAccess: true,
    })
    const late = await book(world.alpha.doctor, 'video', 30)
    const early = await book(world.alpha.doctor, 'video', 31)
    for (const visit of [late, early]) await admin.request('POST', `/api/payments/${(await paymentOf(visit))!.id}/mark-paid`, {})
    expect((await cancel(patient, late)).status).toBe(200)
    expect((await cancel(admin, early)).status).toBe(200)
    await payload.jobs.run({ allQueues: true })
    expect(await paymentOf(late)).toMatchObject({ status: 'partially-refunded', amountRefunded: 2250 })
    expect(await paymentOf(early)).toMatchObject({ status: 'refunded', amountRefunded: 4500 })
  })
})

describe('the desk provider', () => {
  paymentProviderContract(
    'Pay at the clinic',
    () => new DeskPayments(payload),
    async (_, checkoutId) => {
      await payload.update({ collection: 'payments', id: checkoutId.replace('desk_', ''), data: { status: 'paid' }, overrideAccess: true })
    },
    async (amount, currency) => {
      const visit = await payload.create({
        collection: 'appointments',
        data: {
          tenant: world.alpha.id,
          patient: world.alpha.patient.id,
          doctor: world.alpha.otherDoctor,
          ...nextHour(),
          status: 'confirmed',
          visitType: 'video',
        },
        overrideAccess: true,
        depth: 0,
      })
      const payment = await payload.create({
        collection: 'payments',
        data: {
          tenant: world.alpha.id,
          patient: world.alpha.patient.id,
          doctor: world.alpha.otherDoctor,
          appointment: visit.id,
          visitStart: visit.start,
          visitEnd: visit.end,
          visitType: 'video',
          amount,
          currency: currency.toUpperCase(),
          provider: 'desk',
          status: 'due',
          amountRefunded: 0,
        },
        overrideAccess: true,
        depth: 0,
      })
      return String(payment.id)
    },
  )
})

function nextHour() {
  slot += HOUR
  return { start: new Date(slot).toISOString(), end: new Date(slot + 30 * 60_000).toISOString() }
}
