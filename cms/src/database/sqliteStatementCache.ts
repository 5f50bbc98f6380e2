import Database from 'libsql'

/** Statements kept per connection; Payload's queries are a few hundred distinct texts. */
const MAX_STATEMENTS = 2000

type Statement = { columns: () => unknown[]; raw: (on?: boolean) => Statement; readonly reader: boolean }
type Prepare = (this: object, sql: string) => Statement
const caches = new WeakMap<object, { schema: number; statements: Map<string, Statement> }>()

/** Bumped by every statement that changes the schema: then all kept statements are prepared anew. */
let schema = 0
const CHANGES_SCHEMA = /^\s*(alter|create|drop)\b/i

/** What the client gets from raw() on a statement that returns no rows (it only catches it). */
const NOT_A_READER = new TypeError('The statement does not return data.')

/**
 * The libsql client prepares every statement anew, each time it runs (SQLite
 * parses and plans the SQL again): on a booking that was a tenth of the
 * server's time. This keeps each connection's prepared statements by their SQL
 * text and reuses them. Safe because the client prepares, binds, runs and reads
 * a statement in one synchronous step, and SQLite re-prepares a statement by
 * itself when the schema changes.
 *
 * A kept statement also remembers what it tells about itself, which the client
 * asks on every run: its result columns (read twice per run, one object per
 * column) and whether it returns rows at all (asked by calling raw() and
 * catching the error, whose stack trace alone was costly). Both can only change
 * with the schema, and a schema change starts every connection afresh.
 */
export function cacheSqliteStatements(): void {
  const proto = Database.prototype as unknown as { prepare: Prepare; telemedStatementCache?: true }
  if (proto.telemedStatementCache) return
  const prepare = proto.prepare
  proto.prepare = function (this: object, sql: string) {
    if (CHANGES_SCHEMA.test(sql)) {
      schema++
      return prepare.call(this, sql)
    }
    let cache = caches.get(this)
    if (!cache || cache.schema !== schema) caches.set(this, (cache = { schema, statements: new Map() }))
    const kept = cache.statements.get(sql)
    if (kept) return kept
    const statement = rememberShape(prepare.call(this, sql))
    cache.statements.set(sql, statement)
    // Oldest first out: a rare statement does not stay for ever.
    if (cache.statements.size > MAX_STATEMENTS) cache.statements.delete(cache.statements.keys().next().value!)
    return statement
  }
  proto.telemedStatementCache = true
}

function rememberShape(statement: Statement): Statement {
  const columns = statement.columns.bind(statement)
  let known: unknown[] | undefined
  statement.columns = () => (known ??= columns())
  if (!statement.reader)
    statement.raw = () => {
      throw NOT_A_READER
    }
  return statement
}
