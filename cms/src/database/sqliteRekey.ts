import { createClient } from '@libsql/client'
import { closeSync, copyFileSync, existsSync, fsyncSync, openSync, renameSync, rmSync } from 'node:fs'
import { dirname } from 'node:path'
import type { Keyring } from '../plugins/settings/secretBox.ts'
import { DatabaseKeyError, findSqliteKey, isClearSqlite, sqliteKeyOf } from './sqliteEncryption.ts'

export type RekeyOutcome = 'no database' | 'already under the current key' | 'encrypted' | 're-encrypted'

const fsync = (path: string) => {
  const fd = openSync(path, 'r')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

/** One statement on its own connection. */
async function run(file: string, encryptionKey: string | undefined, sql: string) {
  const client = createClient({ url: `file:${file}`, encryptionKey })
  try {
    return (await client.execute(sql)).rows
  } finally {
    client.close()
  }
}

/**
 * Brings the SQLite file under the current DATA_ENCRYPTION_KEY: encrypts a
 * database in clear, re-encrypts one under an old key. Never in place: the
 * write-ahead log is first folded into the file (which needs the file to
 * itself, so a running server or worker makes this refuse), a copy is
 * re-keyed and checked, and only then renamed over the original, in one step.
 * Until that step the original is untouched; after it, only the new file is
 * left. Stop the server and workers before running it.
 */
export async function rekeySqlite(file: string, keyring: Keyring): Promise<RekeyOutcome> {
  if (!existsSync(file)) return 'no database'
  const clear = isClearSqlite(file)
  const from = clear ? undefined : await leaveWalMode(file, keyring)
  if (clear) await leaveWalMode(file, null)
  if (from === keyring.current.id) return 'already under the current key'
  const fromKey = from ? sqliteKeyOf(keyring.byId.get(from)!) : undefined

  const to = sqliteKeyOf(keyring.current.key)
  const copy = `${file}.rekey-${process.pid}`
  try {
    copyFileSync(file, copy)
    // Re-keying rewrites every page (SQLite3 Multiple Ciphers refuses it in WAL mode; the copy is in rollback mode).
    await run(copy, fromKey, `PRAGMA rekey = '${to}'`)
    const [check] = await run(copy, to, 'PRAGMA quick_check')
    if (check?.quick_check !== 'ok')
      throw new DatabaseKeyError(`The re-encrypted copy of ${file} failed its check; the original is unchanged.`)
    fsync(copy)
    renameSync(copy, file)
    fsync(dirname(file))
  } finally {
    rmSync(copy, { force: true })
    rmSync(`${copy}-journal`, { force: true })
  }
  return clear ? 'encrypted' : 're-encrypted'
}

/**
 * Folds the write-ahead log into the file and leaves WAL mode, with the key that
 * opens it (`null`: a file in clear); returns that key's id. Leaving WAL mode
 * needs the only connection to the file: a server or worker still running makes
 * this refuse.
 */
async function leaveWalMode(file: string, keyring: Keyring | null): Promise<string | undefined> {
  const key = keyring ? await findSqliteKey(file, keyring) : undefined
  let mode: unknown
  try {
    mode = (await run(file, key?.encryptionKey, 'PRAGMA journal_mode = DELETE'))[0]?.journal_mode
  } catch (error) {
    if (!/SQLITE_BUSY|locked/i.test((error as Error).message)) throw error
  }
  if (mode !== 'delete')
    throw new DatabaseKeyError(`The SQLite database ${file} is in use: stop the server and workers, then run this again.`)
  return key?.keyId
}
