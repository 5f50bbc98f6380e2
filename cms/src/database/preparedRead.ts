import { eq, sql } from '@payloadcms/db-sqlite/drizzle'
import { buildFindManyArgs } from '@payloadcms/drizzle/find/buildFindManyArgs'
import { transform } from '@payloadcms/drizzle/transform/read'
import type { DrizzleAdapter } from '@payloadcms/drizzle'
import type { CollectionSlug, Payload, PayloadRequest, SelectType } from 'payload'
import toSnakeCase from 'to-snake-case'

type Doc = Record<string, any> & { id: number | string }
type Prepared = { execute: (values: { id: number | string }) => Promise<Record<string, unknown> | undefined> }

const preparedBy = new WeakMap<Payload, Map<string, Prepared>>()

/**
 * `payload.db.findOne` by id with a fixed `select`, answering exactly as the
 * drizzle adapter does (its own arguments for the relational query, its own
 * transform of the row), but with the SQL built once per collection and select:
 * a drizzle prepared query with the id as its one parameter. Building that SQL
 * (a user's clinics and sessions, a doctor's hours, overrides and time off as
 * JSON subqueries) was most of the cost of the reads every request makes, some
 * 250 µs each against 40 µs prepared.
 *
 * Outside a transaction only (a prepared query runs on the adapter's own
 * connection, which cannot see a transaction's uncommitted writes); inside one,
 * on MongoDB, or with localization, it is Payload's findOne.
 */
export async function findByIdPrepared(
  payload: Payload,
  collection: CollectionSlug,
  id: number | string,
  select: SelectType | undefined,
  req?: Partial<PayloadRequest>,
): Promise<Doc | null> {
  const adapter = payload.db as unknown as DrizzleAdapter
  if (req?.transactionID || !adapter.drizzle || payload.config.localization) {
    return ((await payload.db.findOne({ collection, where: { id: { equals: id } }, select, req })) as Doc | null) ?? null
  }
  const config = payload.collections[collection]!.config
  const tableName = adapter.tableNameMap.get(toSnakeCase(config.slug))! // as the adapter's findOne names it
  let prepared = preparedBy.get(payload)
  if (!prepared) preparedBy.set(payload, (prepared = new Map()))
  const key = `${collection}:${JSON.stringify(select ?? null)}`
  let query = prepared.get(key)
  if (!query) {
    const args = buildFindManyArgs({ adapter, depth: 0, fields: config.flattenedFields, select, tableName })
    args.where = eq(adapter.tables[tableName]!.id, sql.placeholder('id'))
    // PostgreSQL names its prepared statements (one per collection and select); SQLite ignores the name.
    const name = `telemed_read_${prepared.size + 1}_${tableName}`.slice(0, 60)
    query = (adapter.drizzle.query as any)[tableName].findFirst(args).prepare(name) as Prepared
    prepared.set(key, query)
  }
  const idColumn = adapter.tables[tableName]!.id as { dataType?: string }
  if (idColumn.dataType === 'number' && typeof id === 'string') {
    if (!/^\d+$/.test(id)) return null // no such document, as findOne answers
    id = Number(id)
  }
  const row = await query.execute({ id })
  if (!row) return null
  return transform<Doc>({ adapter, config: payload.config, data: row, fields: config.flattenedFields, tableName })
}
