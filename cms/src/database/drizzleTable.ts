import type { CollectionSlug, PayloadRequest } from 'payload'
import type { SQL } from '@payloadcms/db-sqlite/drizzle'
import toSnakeCase from 'to-snake-case'

/** The part of a drizzle database (or transaction) the platform's own counts use. */
type Rows<Fields> = { [K in keyof Fields]: unknown }[]
/** A select's rows, which can also be united with another select of the same fields. */
type Selected<Fields> = Promise<Rows<Fields>> & { union(other: Selected<Fields>): Promise<Rows<Fields>> }
export type DrizzleSelect = {
  select<Fields extends Record<string, SQL.Aliased | SQL>>(
    fields: Fields,
  ): { from(table: unknown): { where(condition: SQL | undefined): Selected<Fields> } }
}

type DrizzleAdapter = {
  drizzle?: DrizzleSelect
  sessions?: Record<string, { db: DrizzleSelect } | undefined>
  tables: Record<string, Record<string, any>>
  tableNameMap: Map<string, string>
}

/**
 * A collection's drizzle table (columns under their field names) and the
 * database to query it on: the request's transaction when it has one, so the
 * query sees the transaction's own writes. For the few hot queries of a
 * booking written straight in drizzle, where Payload's `count` and `find` would
 * build their SQL anew each time or run several statements (scheduling/
 * appointmentQueries.ts); undefined on MongoDB, which keeps Payload's path.
 */
export async function drizzleTable(
  req: Pick<PayloadRequest, 'payload'> & Partial<Pick<PayloadRequest, 'transactionID'>>,
  collection: CollectionSlug,
): Promise<{ db: DrizzleSelect; table: Record<string, any> } | undefined> {
  const adapter = req.payload.db as unknown as DrizzleAdapter
  if (!adapter.drizzle) return undefined
  const table = adapter.tables[adapter.tableNameMap.get(toSnakeCase(collection))!]!
  const transaction = req.transactionID ? adapter.sessions?.[String(await req.transactionID)]?.db : undefined
  return { db: transaction ?? adapter.drizzle, table }
}
