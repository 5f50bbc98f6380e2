import type { Payload, PayloadRequest, Where } from 'payload'

type Row = Record<string, unknown> & { id: number | string }
type UpdateJobsArgs = {
  id?: number | string
  data: Record<string, unknown>
  limit?: number
  req?: Partial<PayloadRequest>
  returning?: boolean
  sort?: unknown
  where?: Where
}
type Query = {
  update(table: unknown): { set(values: object): { where(condition: unknown): { returning(fields: object): Promise<Row[]> } } }
}
type DrizzleAdapter = {
  name: string
  drizzle: Query
  sessions: Record<string, { db: Query } | undefined>
  tables: Record<string, Record<string, unknown>>
  tableNameMap: Map<string, string>
  operators: {
    and(...conditions: unknown[]): unknown
    or(...conditions: unknown[]): unknown
    equals(column: unknown, value: unknown): unknown
    isNull(column: unknown): unknown
  }
  find(args: object): Promise<{ docs: Row[] }>
  updateJobs(args: UpdateJobsArgs): Promise<Row[] | null>
  telemedAtomicClaim?: true
}

/** Payload's claim of due jobs: set `processing: true` on those matching a where, nothing else. */
const isClaim = (args: UpdateJobsArgs) =>
  args.id === undefined &&
  args.where !== undefined &&
  args.data.processing === true &&
  Object.keys(args.data).every((k) => k === 'processing' || k === 'updatedAt')

/**
 * Makes Payload's claim of a job atomic between runners. Payload takes due jobs by
 * reading those not processing, then writing `processing: true` on each: two
 * runners (servers with JOBS_IN_SERVER, `npm run worker`) that read at the same
 * moment both took the same job and ran it twice, and a runner could even take a
 * job another had finished meanwhile. Here the claim is one conditional write in
 * the claim's transaction: `UPDATE … SET processing = true WHERE` each job read is
 * still as it was read (same `updatedAt`, which every change of a job moves), not
 * processing, not completed and not failed. The database lets one runner win
 * each row (PostgreSQL re-checks the condition on a row another transaction just
 * changed; SQLite has one writer at a time), and a runner gets only the jobs its
 * own write changed. Payload then reads those back as before.
 */
export function claimJobsAtomically(payload: Payload): void {
  const db = payload.db as unknown as DrizzleAdapter
  if (!['sqlite', 'postgres'].includes(db.name) || db.telemedAtomicClaim) return
  db.telemedAtomicClaim = true
  const updateJobs = db.updateJobs
  db.updateJobs = async function (this: DrizzleAdapter, args: UpdateJobsArgs) {
    if (!isClaim(args)) return updateJobs.call(this, args)
    const { docs } = await this.find({
      collection: 'payload-jobs',
      where: args.where,
      limit: args.limit,
      sort: args.sort,
      pagination: false,
      req: args.req,
    })
    if (!docs.length) return []
    const table = this.tables[this.tableNameMap.get('payload_jobs')!]!
    const transaction = args.req?.transactionID ? this.sessions[String(await args.req.transactionID)]?.db : undefined
    const { and, equals, isNull, or } = this.operators
    const unchanged = or(...docs.map((doc) => and(equals(table.id, doc.id), equals(table.updatedAt, doc.updatedAt))))
    const taken = await (transaction ?? this.drizzle)
      .update(table)
      .set({ processing: true })
      .where(
        and(
          unchanged,
          equals(table.processing, false),
          isNull(table.completedAt),
          or(isNull(table.hasError), equals(table.hasError, false)),
        ),
      )
      .returning({ id: table.id })
    if (!taken.length) return []
    return updateJobs.call(this, { ...args, where: { id: { in: taken.map((row) => row.id) } } })
  }
}
