import { createClient, type Client } from '@libsql/client'
import { createHash } from 'node:crypto'
import type { SchemaState } from './manifest.ts'

type SqliteClient = { url: string; encryptionKey?: string }

/**
 * A consistent copy of the live SQLite database into `target` (a new file),
 * taken while the server goes on writing: SQLite answers it from one read
 * transaction, which in WAL mode neither waits for nor blocks writers.
 *
 * Unencrypted, it is `VACUUM INTO`. Encrypted (libsql's `encryptionKey`),
 * `VACUUM INTO` would write the copy in clear, so the copy is an attached
 * database under the same key, filled table by table inside one transaction.
 */
export async function snapshotSqlite(source: SqliteClient, target: string): Promise<void> {
  const client = createClient({ url: source.url, encryptionKey: source.encryptionKey })
  try {
    await client.execute('PRAGMA busy_timeout = 5000')
    if (!source.encryptionKey) await client.execute({ sql: 'VACUUM INTO ?', args: [target] })
    else await copyIntoEncrypted(client, target, source.encryptionKey)
  } finally {
    client.close()
  }
}

async function copyIntoEncrypted(client: Client, target: string, key: string): Promise<void> {
  // One connection throughout (no client.transaction(), which hands the connection away):
  // ATTACH, then a deferred transaction that reads `main` in one snapshot and writes only the copy.
  // ATTACH's own KEY clause is ignored by libsql (the copy would be in clear); the key pragma on the
  // attached file is what encrypts it as libsql's encryptionKey does. As hex, the key needs no quoting.
  await client.execute({ sql: 'ATTACH DATABASE ? AS snapshot', args: [target] })
  await client.execute(`PRAGMA snapshot.hexkey = '${Buffer.from(key, 'utf8').toString('hex')}'`)
  const quoted = (name: unknown) => `"${String(name).replaceAll('"', '""')}"`
  let later: string[] = []
  // Rows are copied table by table, a child's before its parent's: the copy checks no foreign key
  // while it is made (they hold in the source, read in one snapshot). Only outside a transaction.
  const foreignKeys = Number((await client.execute('PRAGMA foreign_keys')).rows[0]?.[0] ?? 0)
  await client.execute('PRAGMA foreign_keys = OFF')
  try {
    await client.execute('BEGIN')
    try {
      const { rows } = await client.execute(
        "SELECT type, name, sql FROM main.sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'",
      )
      const ordered = [...rows.filter((row) => row.type === 'table'), ...rows.filter((row) => row.type === 'index')]
      for (const { type, name, sql } of ordered) {
        // The statement as SQLite keeps it, made in the copy instead of main.
        await client.execute(String(sql).replace(/^(CREATE\s+(?:UNIQUE\s+)?(?:TABLE|INDEX)\s+(?:IF\s+NOT\s+EXISTS\s+)?)/i, '$1snapshot.'))
        if (type === 'table') await client.execute(`INSERT INTO snapshot.${quoted(name)} SELECT * FROM main.${quoted(name)}`)
      }
      if (await hasSequence(client)) {
        // The inserts above counted only the rows copied; the next ids must not be a deleted row's.
        await client.execute('DELETE FROM snapshot.sqlite_sequence')
        await client.execute('INSERT INTO snapshot.sqlite_sequence SELECT * FROM main.sqlite_sequence')
      }
      const userVersion = (await client.execute('PRAGMA main.user_version')).rows[0]?.[0] ?? 0
      await client.execute(`PRAGMA snapshot.user_version = ${Number(userVersion)}`)
      await client.execute('COMMIT')
      // Triggers and views name their tables without a schema: made afterwards in the copy's own terms.
      later = rows.filter((row) => row.type === 'trigger' || row.type === 'view').map((row) => String(row.sql))
    } catch (error) {
      await client.execute('ROLLBACK').catch(() => undefined)
      throw error
    }
  } finally {
    await client.execute('DETACH DATABASE snapshot')
    await client.execute(`PRAGMA foreign_keys = ${foreignKeys ? 'ON' : 'OFF'}`)
  }
  if (later.length) await withTarget(target, key, async (copy) => void (await copy.batch(later, 'write')))
}

async function hasSequence(client: Client): Promise<boolean> {
  return (await client.execute("SELECT 1 FROM main.sqlite_master WHERE name = 'sqlite_sequence'")).rows.length > 0
}

async function withTarget(file: string, key: string, work: (client: Client) => Promise<void>): Promise<void> {
  const copy = createClient({ url: `file:${file}`, encryptionKey: key })
  try {
    await work(copy)
  } finally {
    copy.close()
  }
}

/**
 * The schema a SQLite file holds: Payload's migrations run, and a SHA-256 over its
 * tables, indexes, triggers and views as SQLite keeps them.
 */
export async function sqliteSchemaState(client: SqliteClient): Promise<SchemaState> {
  const db = createClient({ url: client.url, encryptionKey: client.encryptionKey })
  try {
    const { rows } = await db.execute("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name")
    const hash = createHash('sha256')
    for (const row of rows) hash.update(`${row.type}\t${row.name}\t${row.sql ?? ''}\n`)
    const hasMigrations = rows.some((row) => row.type === 'table' && row.name === 'payload_migrations')
    const migrations = hasMigrations
      ? (await db.execute('SELECT name FROM payload_migrations ORDER BY id')).rows.map((r) => String(r.name))
      : []
    return { migrations, sha256: hash.digest('hex') }
  } finally {
    db.close()
  }
}

/** SQLite's own check of a file about to be put in place (pages, indexes), with the platform's key. */
export async function checkSqliteFile(client: SqliteClient): Promise<boolean> {
  const db = createClient({ url: client.url, encryptionKey: client.encryptionKey })
  try {
    const { rows } = await db.execute('PRAGMA quick_check')
    return rows.length === 1 && rows[0]![0] === 'ok'
  } catch {
    return false
  } finally {
    db.close()
  }
}
