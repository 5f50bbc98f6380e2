import type { DatabaseAdapterObj } from 'payload'
import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { postgresAdapter } from '@payloadcms/db-postgres'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import { mkdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { repoRoot } from '../paths.ts'
import { cacheSqliteStatements } from './sqliteStatementCache.ts'

/**
 * Picks the database adapter from the URL's scheme: `file:` is the embedded
 * SQLite default (transactions on), `postgres://` and `mongodb://` are the
 * production options.
 */
export function databaseAdapter(url: string): DatabaseAdapterObj {
  if (url.startsWith('postgres')) return postgresAdapter({ pool: { connectionString: url }, idType: 'serial' })
  if (url.startsWith('mongodb')) return mongooseAdapter({ url })
  const file = resolve(repoRoot, url.replace(/^file:/, ''))
  mkdirSync(dirname(file), { recursive: true })
  cacheSqliteStatements()
  // WAL lets reads go on while one transaction writes; writes are queued (see sqliteWriteQueue.ts).
  // autoIncrement: ids are never reused after a delete, so audit entries keep pointing at what was read.
  return sqliteAdapter({ client: { url: `file:${file}` }, transactionOptions: {}, wal: true, busyTimeout: 5000, autoIncrement: true })
}
