/**
 * The reads every request makes (the signed-in user, a doctor's hours, a clinic's
 * policy) run as prepared queries: they must answer exactly as Payload's findOne.
 */
import { createLocalReq, initTransaction, killTransaction } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { findByIdPrepared } from '../src/database/index.ts'
import { SIGNED_IN_USER_FIELDS } from '../src/collections/Users/auth/signedInUser.ts'
import { BOOKING_FIELDS } from '../src/scheduling/availabilityOf.ts'
import { startWorld, type TestServer } from './support/testServer.ts'
import type { World } from './support/world.ts'

let server: TestServer
let world: World

beforeAll(async () => {
  ;({ server, world } = await startWorld())
  const payload = server.payload
  await payload.update({
    collection: 'doctors',
    id: world.alpha.doctor,
    overrideAccess: true,
    data: {
      timeZone: 'Asia/Kolkata',
      weeklyHours: [
        { day: '1', start: '09:00', end: '12:30' },
        { day: '1', start: '14:00', end: '18:00' },
        { day: '3', start: '08:00', end: '11:00' },
      ],
      dateOverrides: [
        { date: '2026-12-24', dayOff: true },
        {
          date: '2026-12-28',
          ranges: [
            { start: '10:00', end: '11:00' },
            { start: '15:00', end: '16:30' },
          ],
        },
      ],
      timeOff: [{ from: '2027-01-04T00:00:00.000Z', to: '2027-01-09T00:00:00.000Z', note: 'Conference' }],
      dailyMaximum: 6,
    },
  })
  await payload.update({
    collection: 'users',
    id: world.alpha.patient.id,
    overrideAccess: true,
    data: {
      tenants: [{ tenant: world.alpha.id }, { tenant: world.beta.id }],
      patientProfile: { conditions: [{ name: 'Asthma' }] },
    },
  })
  await payload.login({ collection: 'users', data: { email: world.alpha.patient.email, password: 'test-password' } })
})
afterAll(() => server?.close())

const findOne = (collection: 'users' | 'doctors' | 'tenants', id: number | string, select?: Record<string, true>) =>
  server.payload.db.findOne({ collection, where: { id: { equals: id } }, select })

describe('reads by id with their SQL prepared once', () => {
  it('answer as Payload does: a doctor with hours, overrides and time off; a user with clinics and sessions', async () => {
    const payload = server.payload
    const doctor = await findByIdPrepared(payload, 'doctors', world.alpha.doctor, BOOKING_FIELDS)
    expect(doctor).toEqual(await findOne('doctors', world.alpha.doctor, BOOKING_FIELDS))
    expect(doctor!.weeklyHours).toHaveLength(3)
    expect(doctor!.dateOverrides[1].ranges).toEqual([
      expect.objectContaining({ start: '10:00', end: '11:00' }),
      expect.objectContaining({ start: '15:00', end: '16:30' }),
    ])
    expect(doctor!.timeOff[0].from).toBe('2027-01-04T00:00:00.000Z')

    const user = await findByIdPrepared(payload, 'users', world.alpha.patient.id, SIGNED_IN_USER_FIELDS)
    expect(user).toEqual(await findOne('users', world.alpha.patient.id, SIGNED_IN_USER_FIELDS))
    expect(user!.tenants.map((t: { tenant: unknown }) => t.tenant)).toEqual([world.alpha.id, world.beta.id])
    expect(user!.sessions.length).toBeGreaterThan(0)
    expect(Object.keys(user!)).toEqual(Object.keys((await findOne('users', world.alpha.patient.id, SIGNED_IN_USER_FIELDS))!))
    expect(user!.hash).toBeUndefined() // the password hash is never read for a token check

    // Every field when nothing is selected; the same query asked again answers the same.
    for (let i = 0; i < 2; i++) {
      expect(await findByIdPrepared(payload, 'doctors', world.alpha.doctor, undefined)).toEqual(
        await findOne('doctors', world.alpha.doctor),
      )
      expect(await findByIdPrepared(payload, 'tenants', world.beta.id, { bookingPolicy: true })).toEqual(
        await findOne('tenants', world.beta.id, { bookingPolicy: true }),
      )
    }
  })

  it('finds nothing for an unknown or malformed id, and takes an id given as text', async () => {
    const payload = server.payload
    expect(await findByIdPrepared(payload, 'doctors', 999_999, BOOKING_FIELDS)).toBeNull()
    expect(await findByIdPrepared(payload, 'doctors', 'not-an-id', BOOKING_FIELDS)).toBeNull()
    expect(await findByIdPrepared(payload, 'doctors', String(world.alpha.doctor), BOOKING_FIELDS)).toEqual(
      await findOne('doctors', world.alpha.doctor, BOOKING_FIELDS),
    )
  })

  it("inside a transaction, sees the transaction's own writes", async () => {
    const payload = server.payload
    const req = await createLocalReq({}, payload)
    await initTransaction(req)
    try {
      await payload.update({ collection: 'doctors', id: world.beta.doctor, data: { visitMinutes: 45 }, overrideAccess: true, req })
      const inside = await findByIdPrepared(payload, 'doctors', world.beta.doctor, BOOKING_FIELDS, req)
      expect(inside!.visitMinutes).toBe(45)
    } finally {
      await killTransaction(req)
    }
    expect((await findByIdPrepared(payload, 'doctors', world.beta.doctor, BOOKING_FIELDS))!.visitMinutes).toBe(30)
  })
})
