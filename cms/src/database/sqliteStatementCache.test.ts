import Database from 'libsql'
import { createClient } from '@libsql/client'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cacheSqliteStatements } from './sqliteStatementCache.ts'

cacheSqliteStatements()

describe('prepared statements kept per SQLite connection', () => {
  it('prepares a statement once and reuses it', () => {
    const db = new Database(':memory:')
    const sql = 'select 1 as one'
    expect(db.prepare(sql)).toBe(db.prepare(sql))
    expect(new Database(':memory:').prepare(sql)).not.toBe(db.prepare(sql))
  })

  it('gives the right rows through the client: new values, transactions, a changed schema', async () => {
    const client = createClient({ url: `file:${join(mkdtempSync(join(tmpdir(), 'statements-')), 'test.db')}` })
    await client.execute('create table visits (id integer primary key, doctor integer, start text)')
    for (let i = 0; i < 5; i++)
      await client.execute({ sql: 'insert into visits (doctor, start) values (?, ?)', args: [i % 2, `2026-12-0${i + 1}`] })
    const byDoctor = (doctor: number) => client.execute({ sql: 'select start from visits where doctor = ? order by start', args: [doctor] })
    expect((await byDoctor(0)).rows.map((r) => r.start)).toEqual(['2026-12-01', '2026-12-03', '2026-12-05'])
    expect((await byDoctor(1)).rows.map((r) => r.start)).toEqual(['2026-12-02', '2026-12-04'])

    const tx = await client.transaction('write')
    await tx.execute({ sql: 'insert into visits (doctor, start) values (?, ?)', args: [1, '2026-12-09'] })
    await tx.rollback()
    expect((await byDoctor(1)).rows).toHaveLength(2)

    const everything = () => client.execute('select * from visits order by id desc limit 1')
    expect((await everything()).columns).toEqual(['id', 'doctor', 'start'])
    await client.execute('alter table visits add column reason text')
    await client.execute({ sql: 'insert into visits (doctor, start, reason) values (?, ?, ?)', args: [1, '2026-12-10', 'rash'] })
    expect((await byDoctor(1)).rows.map((r) => r.start)).toEqual(['2026-12-02', '2026-12-04', '2026-12-10'])
    // A kept statement's columns follow the new schema: every value under its own name.
    const latest = await everything()
    expect(latest.columns).toEqual(['id', 'doctor', 'start', 'reason'])
    expect([latest.rows[0]!.start, latest.rows[0]!.reason]).toEqual(['2026-12-10', 'rash'])
  })

  it('tells the client which statements return rows, as libsql does', async () => {
    const db = new Database(':memory:')
    db.exec('create table notes (id integer primary key, text text)')
    const insert = 'insert into notes (text) values (?)'
    expect(() => db.prepare(insert).raw(true)).toThrow()
    expect(db.prepare(insert).run(['hello']).changes).toBe(1)
    expect(db.prepare('insert into notes (text) values (?) returning id').raw(true).all(['again'])).toEqual([[2]])
    expect(db.prepare('select text from notes order by id').raw(true).all()).toEqual([['hello'], ['again']])
  })

  it('keeps a bounded number of statements', () => {
    const db = new Database(':memory:')
    const first = db.prepare('select 0')
    for (let i = 1; i <= 2000; i++) db.prepare(`select ${i}`)
    expect(db.prepare('select 0')).not.toBe(first)
    expect(db.prepare('select 2000')).toBe(db.prepare('select 2000'))
  })
})
