import type { Endpoint, PayloadRequest, Where } from 'payload'
import { and, gte, inArray, lt, or, sql, type SQL } from '@payloadcms/db-sqlite/drizzle'
import { adminsClinic, clinicsOf, isPlatformAdmin, roleOf, userOf } from '../../access/roles.ts'
import { drizzleTable, lookup } from '../../database/index.ts'
import { json, problem } from '../../http/endpoint.ts'
import { isTimeZone } from '../../collections/Tenants/validation.ts'
import { addDays, compareDates, isoDate, localDateAt, parseIsoDate, zonedToUtc, type LocalDate } from '../../scheduling/zonedTime.ts'

type Id = number | string
/** Payments that took money: refunded ones too (they were paid; their refunds are counted against them). */
export const TAKEN_STATUSES = ['paid', 'partially-refunded', 'refunded'] as const
/** The longest range asked at once: a year, leap day included. */
const MAX_DAYS = 366

export type CurrencyTotals = { currency: string; count: number; paid: number; refunded: number; net: number }
/** Clinics whose days start at the same instants: one zone, and the instants [start, end) of the dates asked. */
export type ClinicScope = { clinics: Id[]; start: string; end: string }

const DAY = 86_400_000
const daysBetween = (a: LocalDate, b: LocalDate) =>
  Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / DAY)

/**
 * `GET /api/payments/totals?from=YYYY-MM-DD&to=YYYY-MM-DD[&clinic=<id>]`: what
 * the clinics an admin sees (a clinic admin's own, all of them for a platform
 * admin; or the one `clinic` of theirs) took between two dates, both included,
 * each clinic's days in its own time zone (default: this month, in the clinics'
 * zone, or UTC's when they are in several), by when each payment was paid. Per currency, in minor units:
 * `{ from, to, totals: [{ currency, count, paid, refunded, net }] }`, where
 * `paid` sums the payments, `refunded` what was refunded of them (whenever it
 * was), and `net` is paid − refunded.
 */
export const paymentTotals: Endpoint = {
  path: '/totals',
  method: 'get',
  handler: async (req) => {
    if (!req.user) return problem(401, 'Sign in first.')
    if (roleOf(req) !== 'clinic-admin' && !isPlatformAdmin(req)) return problem(403, 'Payment totals are for the clinics’ admins.')
    const params = new URL(req.url!).searchParams
    const asked = params.get('clinic')
    if (asked && !adminsClinic(req, asked)) return problem(403, 'You do not administer that clinic.', 'clinic')
    const zones = await clinicZones(req, asked ? [asked] : isPlatformAdmin(req) ? null : clinicsOf(userOf(req)))
    // This month where the clinics are: in their zone when they share one, else in UTC.
    const today = localDateAt(Date.now(), zones.size === 1 ? [...zones.keys()][0]! : 'UTC')
    const read = (name: string, fallback: LocalDate) => {
      const raw = params.get(name)
      return raw === null || raw === '' ? fallback : parseIsoDate(raw)
    }
    const from = read('from', { ...today, day: 1 })
    const to = read('to', addDays({ year: today.month === 12 ? today.year + 1 : today.year, month: (today.month % 12) + 1, day: 1 }, -1))
    if (!from) return problem(400, 'from is a date such as 2026-12-01.', 'from')
    if (!to) return problem(400, 'to is a date such as 2026-12-31 (that day included).', 'to')
    if (compareDates(to, from) < 0) return problem(400, 'to is on or after from.', 'to')
    if (daysBetween(from, to) >= MAX_DAYS) return problem(400, `Ask for at most ${MAX_DAYS} days at a time.`, 'to')
    const scopes: ClinicScope[] = [...zones].map(([zone, clinics]) => ({
      clinics,
      start: new Date(zonedToUtc(from, 0, zone)).toISOString(),
      end: new Date(zonedToUtc(addDays(to, 1), 0, zone)).toISOString(),
    }))
    return json(200, { from: isoDate(from), to: isoDate(to), totals: await paymentTotalsOf(req, scopes) })
  },
}

/** The clinics `ids` (all clinics when null) by time zone. */
async function clinicZones(req: PayloadRequest, ids: Id[] | null): Promise<Map<string, Id[]>> {
  const clinics = await lookup.all(req, 'tenants', ids ? { id: { in: ids } } : {}, { timeZone: true })
  const byZone = new Map<string, Id[]>()
  for (const clinic of clinics) {
    const zone = isTimeZone(clinic.timeZone) ? clinic.timeZone : 'UTC'
    byZone.set(zone, [...(byZone.get(zone) ?? []), clinic.id])
  }
  return byZone
}

/**
 * Sums per currency of the payments that took money in `scopes`: in one
 * grouped SQL statement on SQLite and PostgreSQL, and from the few fields of
 * each payment on MongoDB (or when `inSql` is false).
 */
export async function paymentTotalsOf(req: PayloadRequest, scopes: ClinicScope[], inSql = true): Promise<CurrencyTotals[]> {
  if (scopes.length === 0) return []
  const drizzle = inSql ? await drizzleTable(req, 'payments') : undefined
  const rows: Omit<CurrencyTotals, 'net'>[] = []
  if (drizzle) {
    const { db, table: t } = drizzle
    const inScope = scopes.map((s) => and(inArray(t.tenant, s.clinics), gte(t.paidAt, s.start), lt(t.paidAt, s.end))!)
    // drizzle's select, with the GROUP BY the platform's narrower type (DrizzleSelect) leaves out.
    const grouped = db as unknown as {
      select(fields: Record<string, SQL | SQL.Aliased | unknown>): {
        from(table: unknown): { where(c: SQL | undefined): { groupBy(column: unknown): Promise<Record<string, unknown>[]> } }
      }
    }
    const found = await grouped
      .select({
        currency: t.currency,
        count: sql`count(*)`,
        paid: sql`coalesce(sum(${t.amount}), 0)`,
        refunded: sql`coalesce(sum(coalesce(${t.amountRefunded}, 0)), 0)`,
      })
      .from(t)
      .where(and(inArray(t.status, [...TAKEN_STATUSES]), or(...inScope)))
      .groupBy(t.currency)
    for (const row of found)
      rows.push({ currency: String(row.currency), count: Number(row.count), paid: Number(row.paid), refunded: Number(row.refunded) })
  } else {
    const where: Where = {
      and: [
        { status: { in: [...TAKEN_STATUSES] } },
        {
          or: scopes.map((s): Where => ({
            and: [{ tenant: { in: s.clinics } }, { paidAt: { greater_than_equal: s.start } }, { paidAt: { less_than: s.end } }],
          })),
        },
      ],
    }
    const { docs } = await req.payload.db.find<{ amount: number; amountRefunded?: number | null; currency: string }>({
      collection: 'payments',
      where,
      select: { amount: true, amountRefunded: true, currency: true, status: true },
      pagination: false,
      limit: 0,
      req,
    })
    const byCurrency = new Map<string, Omit<CurrencyTotals, 'net'>>()
    for (const doc of docs) {
      const sum = byCurrency.get(doc.currency) ?? { currency: doc.currency, count: 0, paid: 0, refunded: 0 }
      sum.count += 1
      sum.paid += doc.amount
      sum.refunded += doc.amountRefunded ?? 0
      byCurrency.set(doc.currency, sum)
    }
    rows.push(...byCurrency.values())
  }
  return rows.map((row) => ({ ...row, net: row.paid - row.refunded })).sort((a, b) => a.currency.localeCompare(b.currency))
}
