import { createClient } from '@libsql/client'
import { hkdfSync, randomBytes } from 'node:crypto'
import { closeSync, existsSync, openSync, readSync, rmSync, statSync, writeFileSync } from 'node:fs'
import type { Keyring } from '../plugins/settings/secretBox.ts'

/**
 * The SQLite file is encrypted page by page by libsql (SQLite3 Multiple Ciphers,
 * its AES-256 scheme), the write-ahead log too. Its key is derived from a
 * platform key (DATA_ENCRYPTION_KEY, or an old one until `npm run secrets:rotate`),
 * so the same 32 bytes never serve two ciphers.
 */
export const sqliteKeyOf = (key: Buffer): string =>
  Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), 'telemed sqlite database v1', 32)).toString('hex')

/** Why the database cannot be opened; one line that says what to do. */
export class DatabaseKeyError extends Error {
  override name = 'DatabaseKeyError'
}

const CLEAR_HEADER = Buffer.from('SQLite format 3\0', 'latin1')

/** True when the file is a SQLite database in clear (its header readable). */
export function isClearSqlite(file: string): boolean {
  if (!existsSync(file) || statSync(file).size < CLEAR_HEADER.length) return false
  const header = Buffer.alloc(CLEAR_HEADER.length)
  const fd = openSync(file, 'r')
  try {
    readSync(fd, header, 0, header.length, 0)
  } finally {
    closeSync(fd)
  }
  return header.equals(CLEAR_HEADER)
}

export type SqliteKey = { keyId: string; encryptionKey: string; current: boolean }

/**
 * True when `encryptionKey` decrypts the file's first pages. Tried on a copy of
 * them: libsql keeps a closed connection alive while its statements are not
 * collected, and such a connection to the database itself would stop the
 * server from switching it to WAL, and a re-key from leaving WAL.
 */
async function opens(file: string, encryptionKey: string): Promise<boolean> {
  const probe = `${file}.probe-${process.pid}-${randomBytes(4).toString('hex')}`
  const head = Buffer.alloc(Math.min(statSync(file).size, 64 * 1024))
  const fd = openSync(file, 'r')
  try {
    readSync(fd, head, 0, head.length, 0)
  } finally {
    closeSync(fd)
  }
  writeFileSync(probe, head, { mode: 0o600 })
  const client = createClient({ url: `file:${probe}`, encryptionKey })
  try {
    await client.execute('SELECT count(*) FROM sqlite_master')
    return true
  } catch (error) {
    // A wrong key reads as "not a database"; the right one may find the schema cut short by the copy.
    return !/SQLITE_NOTADB/.test((error as Error).message)
  } finally {
    client.close()
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(probe + suffix, { force: true })
  }
}

/**
 * The key that opens the database file: the current one for a new file, else
 * the first of the keyring's keys that reads it. A database in clear is refused
 * (never opened and written half in clear): `npm run secrets:rotate` encrypts it.
 */
export async function findSqliteKey(file: string, keyring: Keyring): Promise<SqliteKey> {
  const current = { keyId: keyring.current.id, encryptionKey: sqliteKeyOf(keyring.current.key), current: true }
  if (!existsSync(file) || statSync(file).size === 0) return current
  if (isClearSqlite(file)) {
    throw new DatabaseKeyError(
      `The SQLite database ${file} is not encrypted: stop the server and run \`npm run secrets:rotate\` once to encrypt it with DATA_ENCRYPTION_KEY.`,
    )
  }
  for (const [keyId, key] of keyring.byId) {
    const encryptionKey = sqliteKeyOf(key)
    if (await opens(file, encryptionKey)) return { keyId, encryptionKey, current: keyId === keyring.current.id }
  }
  throw new DatabaseKeyError(
    `The SQLite database ${file} does not open with DATA_ENCRYPTION_KEY nor any of DATA_ENCRYPTION_OLD_KEYS: put the key it was encrypted with back in DATA_ENCRYPTION_OLD_KEYS.`,
  )
}
