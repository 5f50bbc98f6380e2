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
  const client = sqliteClientConfig(url)
  mkdirSync(dirname(client.file), { recursive: true })
  cacheSqliteStatements()
  // WAL lets reads go on while one transaction writes; writes are queued (see sqliteWriteQueue.ts).
  // autoIncrement: ids are never reused after a delete, so audit entries keep pointing at what was read.
  return sqliteAdapter({ client: { url: client.url, encryptionKey: client.encryptionKey }, transactionOptions: {}, wal: true, busyTimeout: 5000, autoIncrement: true })
}

/**
 * How the platform opens its SQLite file with libsql: the one place that says so, for
 * the adapter and for anything else that must open the same file the same way (backups).
 * `file` is the absolute path (a relative `file:` URL is relative to TELEMED_ROOT).
 */
export function sqliteClientConfig(url: string): { url: string; file: string; encryptionKey?: string } {
  const file = resolve(repoRoot, url.replace(/^file:/, ''))
  return { url: `file:${file}`, file }
}
