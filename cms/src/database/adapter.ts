import type { Config } from '@libsql/client'
import type { BaseDatabaseAdapter, DatabaseAdapterObj, Payload } from 'payload'
import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { postgresAdapter } from '@payloadcms/db-postgres'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import { mkdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { repoRoot } from '../paths.ts'
import { platformKeyring } from '../plugins/settings/keyring.ts'
import { findSqliteKey } from './sqliteEncryption.ts'
import { cacheSqliteStatements } from './sqliteStatementCache.ts'

/**
 * Where each SQL adapter's migrations live: Payload's migrations are SQL written
 * for one adapter, so PostgreSQL and SQLite each have their own (docs/migrations.md).
 */
export const migrationDirOf = (dialect: 'postgres' | 'sqlite') => resolve(repoRoot, 'cms/src/migrations', dialect)

/**
 * Whether Payload pushed the schema from the collections when it connected:
 * its own rule (NODE_ENV not production, not migrating, push not turned off),
 * i.e. tests and `npm run dev`. SQL added by hand after a push (the booking
 * guard) is installed only then; migrations carry it otherwise.
 */
export function pushedAtConnect(payload: Payload): boolean {
  const db = payload.db as { name: string; push?: boolean }
  return (
    ['sqlite', 'postgres'].includes(db.name) &&
    process.env.NODE_ENV !== 'production' &&
    process.env.PAYLOAD_MIGRATING !== 'true' &&
    db.push !== false
  )
}

/** The SQLite file of a `file:` DATABASE_URL, as an absolute path (a relative one is relative to TELEMED_ROOT). */
export const sqliteFileOf = (url: string): string => resolve(repoRoot, url.replace(/^file:/, ''))

/**
 * Picks the database adapter from the URL's scheme: `file:` is the embedded
 * SQLite default (transactions on), `postgres://` and `mongodb://` are the
 * production options.
 */
export function databaseAdapter(url: string): DatabaseAdapterObj {
  if (url.startsWith('postgres')) {
    return postgresAdapter({ pool: { connectionString: url }, idType: 'serial', migrationDir: migrationDirOf('postgres') })
  }
  if (url.startsWith('mongodb')) return mongooseAdapter({ url })
  const file = sqliteFileOf(url)
  mkdirSync(dirname(file), { recursive: true })
  cacheSqliteStatements()
  // WAL lets reads go on while one transaction writes; writes are queued (see sqliteWriteQueue.ts).
  // autoIncrement: ids are never reused after a delete, so audit entries keep pointing at what was read.
  const adapter = sqliteAdapter({
    client: { url: `file:${file}` },
    transactionOptions: {},
    wal: true,
    busyTimeout: 5000,
    autoIncrement: true,
    migrationDir: migrationDirOf('sqlite'),
  })
  return encryptedWithPlatformKey(adapter, file)
}

type SqliteDb = BaseDatabaseAdapter & { clientConfig: Config }

/**
 * The SQLite file is always encrypted (see sqliteEncryption.ts and docs/data-at-rest.md):
 * before connecting, the key that opens it is found among DATA_ENCRYPTION_KEY and
 * DATA_ENCRYPTION_OLD_KEYS, and every connection (the reader, the writer, each
 * transaction's) is opened with it.
 */
function encryptedWithPlatformKey(adapter: DatabaseAdapterObj, file: string): DatabaseAdapterObj {
  return {
    ...adapter,
    init: (args) => {
      const db = adapter.init(args) as SqliteDb
      const connect = db.connect!
      db.connect = async (options) => {
        const key = await findSqliteKey(file, platformKeyring())
        if (!key.current)
          db.payload.logger.warn(
            `The database is encrypted with the old key ${key.keyId}: run \`npm run secrets:rotate\` to move it to DATA_ENCRYPTION_KEY.`,
          )
        db.clientConfig = { ...db.clientConfig, encryptionKey: key.encryptionKey }
        return connect.call(db, options)
      }
      return db
    },
  }
}
