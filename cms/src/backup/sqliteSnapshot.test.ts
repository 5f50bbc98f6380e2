import { createClient } from '@libsql/client'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { snapshotSqlite, sqliteSchemaState } from './sqliteSnapshot.ts'

const KEY = 'a-test-key-of-the-platforms-sqlite-0123456789'

/**
 * A small database with what the platform's has: autoincrement ids, an index, a trigger, a view, a
 * user_version, and a table made before the one its foreign key names (as Payload's are).
 */
async function makeDatabase(file: string, encryptionKey?: string) {
  const db = createClient({ url: `file:${file}`, encryptionKey })
  await db.execute('PRAGMA journal_mode = WAL')
  await db.batch([
    'PRAGMA foreign_keys = ON',
    'CREATE TABLE note_tags (note_id INTEGER NOT NULL REFERENCES notes (id) ON DELETE CASCADE, tag TEXT)',
    'CREATE TABLE notes (id INTEGER PRIMARY KEY AUTOINCREMENT, body TEXT NOT NULL)',
    'CREATE UNIQUE INDEX notes_body ON notes (body)',
    'CREATE TABLE counts (n INTEGER)',
    'INSERT INTO counts VALUES (0)',
    'CREATE TRIGGER notes_counted AFTER INSERT ON notes BEGIN UPDATE counts SET n = n + 1; END',
    'CREATE VIEW long_notes AS SELECT id FROM notes WHERE length(body) > 10',
    "INSERT INTO notes (body) VALUES ('Patient note: confidential'), ('short'), ('removed later')",
    "DELETE FROM notes WHERE body = 'removed later'",
    "INSERT INTO note_tags VALUES (1, 'follow-up')",
    'PRAGMA user_version = 7',
  ])
  return db
}

describe('snapshotSqlite', () => {
  it.each([
    ['an unencrypted database (VACUUM INTO)', undefined],
    ['an encrypted database, the copy encrypted under the same key', KEY],
  ])('copies %s whole: rows, ids, schema, triggers', async (_, encryptionKey) => {
    const dir = mkdtempSync(join(tmpdir(), 'telemed-snapshot-'))
    const source = await makeDatabase(join(dir, 'live.db'), encryptionKey)
    const target = join(dir, 'copy.db')
    await snapshotSqlite({ url: `file:${join(dir, 'live.db')}`, encryptionKey }, target)

    const bytes = readFileSync(target)
    expect(bytes.includes('Patient note')).toBe(!encryptionKey)
    const copy = createClient({ url: `file:${target}`, encryptionKey })
    expect((await copy.execute('SELECT id, body FROM notes ORDER BY id')).rows.map((r) => [r.id, r.body])).toEqual([
      [1, 'Patient note: confidential'],
      [2, 'short'],
    ])
    // The next id is not a deleted one's, the trigger still counts, the view and user_version are there.
    await copy.execute("INSERT INTO notes (body) VALUES ('after restore')")
    expect((await copy.execute("SELECT id FROM notes WHERE body = 'after restore'")).rows[0]!.id).toBe(4)
    expect((await copy.execute('SELECT n FROM counts')).rows[0]!.n).toBe(4)
    expect((await copy.execute('SELECT count(*) AS n FROM long_notes')).rows[0]!.n).toBe(2)
    expect((await copy.execute('PRAGMA user_version')).rows[0]![0]).toBe(7)
    expect((await copy.execute('SELECT note_id, tag FROM note_tags')).rows.map((r) => [r.note_id, r.tag])).toEqual([[1, 'follow-up']])
    copy.close()
    source.close()
  })

  it('reports the same schema for the copy as for the original', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'telemed-snapshot-'))
    const source = await makeDatabase(join(dir, 'live.db'), KEY)
    await snapshotSqlite({ url: `file:${join(dir, 'live.db')}`, encryptionKey: KEY }, join(dir, 'copy.db'))
    const original = await sqliteSchemaState({ url: `file:${join(dir, 'live.db')}`, encryptionKey: KEY })
    expect(await sqliteSchemaState({ url: `file:${join(dir, 'copy.db')}`, encryptionKey: KEY })).toEqual(original)
    source.close()
  })
})
