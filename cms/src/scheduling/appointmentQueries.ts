import type { Payload, PayloadRequest, Where } from 'payload'
import type { Appointment } from '../payload-types.ts'
import { and, eq, gt, inArray, lt, ne, or, sql, type SQL } from '@payloadcms/db-sqlite/drizzle'
import { drizzleTable, lookup } from '../database/index.ts'

/**
 * The appointment queries every booking makes, written straight in drizzle on
 * SQLite and PostgreSQL (Payload's `find` and `count` build their SQL anew on
 * each call, which cost more than running it), and through Payload on MongoDB.
 */

/**
 * The counts every booking makes, each set as one SQL statement on the drizzle
 * databases (conditional counts over the rows either condition matches, found
 * through the appointments' (doctor, blockedEnd) and (patient, end) indexes):
 * through Payload's `count`, each count was a statement of its own with its own
 * query building, a third of what a booking cost beyond a plain create. On
 * MongoDB, Payload's counts with the same conditions.
 */
async function countEach<Name extends string>(
  req: PayloadRequest,
  conditions: Record<Name, { sql: (t: Record<string, any>) => SQL; where: Where }>,
): Promise<Record<Name, number>> {
  const names = Object.keys(conditions) as Name[]
  const drizzle = await drizzleTable(req, 'appointments')
  if (!drizzle) {
    const counts = await Promise.all(names.map((name) => lookup.count(req, 'appointments', conditions[name].where)))
    return Object.fromEntries(names.map((name, i) => [name, counts[i]])) as Record<Name, number>
  }
  const { db, table } = drizzle
  const matching = names.map((name) => conditions[name].sql(table))
  const fields = Object.fromEntries(
    names.map((name, i) => [name, sql`count(case when ${matching[i]} then 1 end)`.mapWith(Number)]),
  ) as Record<Name, SQL>
  const [row] = await db
    .select(fields)
    .from(table)
    .where(or(...matching))
  return Object.fromEntries(names.map((name) => [name, Number(row?.[name] ?? 0)])) as Record<Name, number>
}

type Visit = { doctor: unknown; patient: unknown; start: string; end: string; blockedStart: string; blockedEnd: string }

/**
 * Visits that block the time of `visit`'s doctor (around its buffers) and of its
 * patient, leaving out the visit itself (`notId`) when it is being changed.
 */
export function overlapCounts(req: PayloadRequest, visit: Visit, notId?: number | string) {
  const others = (t: Record<string, any>) => (notId === undefined ? [] : [ne(t.id, notId)])
  const notThis: Where[] = notId === undefined ? [] : [{ id: { not_equals: notId } }]
  return countEach(req, {
    doctor: {
      sql: (t) =>
        and(
          ...others(t),
          eq(t.blocking, true),
          eq(t.doctor, visit.doctor),
          lt(t.blockedStart, visit.blockedEnd),
          gt(t.blockedEnd, visit.blockedStart),
        )!,
      where: {
        and: [
          ...notThis,
          { blocking: { equals: true } },
          { doctor: { equals: visit.doctor } },
          { blockedStart: { less_than: visit.blockedEnd } },
          { blockedEnd: { greater_than: visit.blockedStart } },
        ],
      },
    },
    patient: {
      sql: (t) => and(...others(t), eq(t.blocking, true), eq(t.patient, visit.patient), lt(t.start, visit.end), gt(t.end, visit.start))!,
      where: {
        and: [
          ...notThis,
          { blocking: { equals: true } },
          { patient: { equals: visit.patient } },
          { start: { less_than: visit.end } },
          { end: { greater_than: visit.start } },
        ],
      },
    },
  })
}

/** A patient's live holds and upcoming visits (requested or confirmed, not yet over) at a clinic, as of `now`. */
export function patientVisitCounts(req: PayloadRequest, patient: number | string, clinic: number | string, now: string) {
  const mine: Where[] = [{ patient: { equals: patient } }, { tenant: { equals: clinic } }]
  const upcoming = ['requested', 'confirmed']
  return countEach(req, {
    holds: {
      sql: (t) => and(eq(t.patient, patient), eq(t.tenant, clinic), eq(t.status, 'held'), gt(t.holdExpiresAt, now))!,
      where: { and: [...mine, { status: { equals: 'held' } }, { holdExpiresAt: { greater_than: now } }] },
    },
    upcoming: {
      sql: (t) => and(eq(t.patient, patient), eq(t.tenant, clinic), inArray(t.status, upcoming), gt(t.end, now))!,
      where: { and: [...mine, { status: { in: upcoming } }, { end: { greater_than: now } }] },
    },
  })
}

type Times = Pick<Appointment, 'start' | 'end' | 'status' | 'holdExpiresAt'>
export type Blocking = Times & { doctor: number | string; patient: number | string }

/**
 * The blocking visits of a doctor that start before `to` and end after `from`,
 * and, with `patient`, those of the patient that overlap [start, end): one
 * statement for both calendars a booking looks at.
 */
export async function blockingVisits(
  payload: Payload,
  around: { doctor: number | string; from: string; to: string; patient?: { id: number | string; start: string; end: string } },
): Promise<Blocking[]> {
  const { doctor, from, to, patient } = around
  const drizzle = await drizzleTable({ payload }, 'appointments')
  if (!drizzle) {
    const doctors: Where = { and: [{ doctor: { equals: doctor } }, { start: { less_than: to } }, { end: { greater_than: from } }] }
    const patients: Where[] = patient
      ? [{ and: [{ patient: { equals: patient.id } }, { start: { less_than: patient.end } }, { end: { greater_than: patient.start } }] }]
      : []
    const select = { doctor: true, patient: true, start: true, end: true, status: true, holdExpiresAt: true } as const
    const where: Where = { and: [{ blocking: { equals: true } }, { or: [doctors, ...patients] }] }
    return (await payload.db.find<Blocking>({ collection: 'appointments', where, select, limit: 0, pagination: false })).docs
  }
  const { db, table: t } = drizzle
  const fields = {
    id: t.id,
    doctor: t.doctor,
    patient: t.patient,
    start: t.start,
    end: t.end,
    status: t.status,
    holdExpiresAt: t.holdExpiresAt,
  }
  const doctors = db
    .select(fields)
    .from(t)
    .where(and(eq(t.blocking, true), eq(t.doctor, doctor), lt(t.start, to), gt(t.end, from)))
  // A union, not an OR: each half finds its rows through its own index (an OR made SQLite scan the table).
  const rows = patient
    ? await doctors.union(
        db
          .select(fields)
          .from(t)
          .where(and(eq(t.blocking, true), eq(t.patient, patient.id), lt(t.start, patient.end), gt(t.end, patient.start))),
      )
    : await doctors
  return rows as Blocking[]
}
