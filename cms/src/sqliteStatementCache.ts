import Database from 'libsql'

/** Statements kept per connection; Payload's queries are a few hundred distinct texts. */
const MAX_STATEMENTS = 2000

type Prepare = (this: object, sql: string) => unknown
const caches = new WeakMap<object, Map<string, unknown>>()

/**
 * The libsql client prepares every statement anew, each time it runs (SQLite
 * parses and plans the SQL again): on a booking that was a tenth of the
 * server's time. This keeps each connection's prepared statements by their SQL
 * text and reuses them. Safe because the client prepares, binds, runs and reads
 * a statement in one synchronous step, and SQLite re-prepares a statement by
 * itself when the schema changes.
 */
export function cacheSqliteStatements(): void {
  const proto = Database.prototype as unknown as { prepare: Prepare; telemedStatementCache?: true }
  if (proto.telemedStatementCache) return
  const prepare = proto.prepare
  proto.prepare = function (this: object, sql: string) {
    let cache = caches.get(this)
    if (!cache) caches.set(this, (cache = new Map()))
    const kept = cache.get(sql)
    if (kept) return kept
    const statement = prepare.call(this, sql)
    cache.set(sql, statement)
    // Oldest first out: a rare statement does not stay for ever.
    if (cache.size > MAX_STATEMENTS) cache.delete(cache.keys().next().value!)
    return statement
  }
  proto.telemedStatementCache = true
}
