/**
 * Production databases get their schema from the committed migrations, applied
 * by `npm run migrate` as a deploy step: the same schema the development push
 * gives, the double-booking guard included; a production server refuses to
 * start without them and, once they ran, serves the seeded demo. Runs on the
 * database the suite runs on (SQLite, or PostgreSQL with DATABASE_URL).
 */
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdirSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createClient } from '@libsql/client'
import express from 'express'
import { once } from 'node:events'
import type { AddressInfo } from 'node:net'
import { getPayload, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { migrations as postgresMigrations } from '../src/migrations/postgres/index.ts'
import { migrations as sqliteMigrations } from '../src/migrations/sqlite/index.ts'
import { readyz } from '../server/health.ts'
import { freshDatabaseUrl } from './support/database.ts'
import { freePort, runScript } from './support/processes.ts'
import { sqliteKeyOf } from '../src/database/index.ts'
import { schemaDifference, schemaOf } from './support/schemaOf.ts'

const dir = mkdtempSync(join(tmpdir(), 'telemed-migrations-'))
let migratedUrl: string
let pushedUrl: string
let env: Record<string, string>
let server: ReturnType<typeof spawnServer> | undefined
/** The key both SQLite files are encrypted with, as the platform derives it from DATA_ENCRYPTION_KEY. */
const sqliteKey = () => sqliteKeyOf(Buffer.from(env.DATA_ENCRYPTION_KEY!, 'base64'))
const migrationNames = () => (migratedUrl.startsWith('postgres') ? postgresMigrations : sqliteMigrations).map((m) => m.name)

beforeAll(async () => {
  mkdirSync(join(dir, 'migrated'))
  migratedUrl = await freshDatabaseUrl(join(dir, 'migrated'))
  const port = await freePort()
  env = {
    APP_ENV: 'production',
    DATA_DIR: dir,
    DATABASE_URL: migratedUrl,
    PAYLOAD_SECRET: randomBytes(24).toString('hex'),
    DATA_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    PORT: String(port),
    LOG_LEVEL: 'warn',
  }
})

afterAll(() => {
  server?.child.kill('SIGKILL')
})

/** `cms/server/main.ts` as `npm run serve` starts it (same flags, no npm or tsx in between), with its output and exit. */
function spawnServer(vars: Record<string, string>) {
  const child = spawn(process.execPath, ['--conditions=production', '--import', 'tsx', 'cms/server/main.ts'], {
    env: { ...process.env, NODE_ENV: 'production', ...vars },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout.on('data', (d) => (output += d))
  child.stderr.on('data', (d) => (output += d))
  const exited = new Promise<{ code: number | null; lines: string[] }>((resolve) =>
    child.on('exit', (code) => resolve({ code, lines: output.split('\n').filter(Boolean) })),
  )
  return { child, exited, output: () => output }
}

/**
 * Waits until the server answers /healthz, however long a busy machine takes (the
 * hook's timeout bounds it); fails as soon as the server exits instead.
 */
async function untilHealthy(server: ReturnType<typeof spawnServer>, url: string): Promise<void> {
  let exited = false
  void server.exited.then(() => (exited = true))
  for (;;) {
    if (exited) throw new Error(`the server exited:\n${server.output()}`)
    const ok = await fetch(`${url}/healthz`).then(
      (r) => r.ok,
      () => false,
    )
    if (ok) return
    await new Promise((r) => setTimeout(r, 250))
  }
}

// Each step is a real process (seconds each on a busy machine): it runs in its block's beforeAll, its checks in the block's tests.
describe('a production server on an empty database', () => {
  let refused: { code: number | null; lines: string[] }
  beforeAll(async () => {
    refused = await spawnServer(env).exited
  })

  it('refuses to start, in one line naming the pending migrations and the command to run', () => {
    expect(refused.code).not.toBe(0)
    const refusals = refused.lines.filter((line) => line.includes('migrat'))
    expect(refusals, refused.lines.join('\n')).toHaveLength(1)
    expect(refusals[0]).toMatch(/^Refusing to start: .*Run `npm run migrate`/)
    for (const name of migrationNames()) expect(refusals[0]).toContain(name)
  })
})

describe('`npm run migrate` on that database', () => {
  let migrate: Awaited<ReturnType<typeof runScript>>
  let second: Awaited<ReturnType<typeof runScript>> | undefined
  let pushed: Payload
  beforeAll(async () => {
    // On PostgreSQL two deploy jobs may run it at once: they take turns.
    if (!migratedUrl.startsWith('postgres')) migrate = await runScript('migrate', env)
    else [migrate, second] = await Promise.all([runScript('migrate', env), runScript('migrate', env)])
    if (second?.stdout.includes('Applied')) [migrate, second] = [second, migrate]
  })
  beforeAll(async () => {
    // The development push, as every test and `npm run dev` get it: Payload's push, then the guard (onInit).
    mkdirSync(join(dir, 'pushed'))
    pushedUrl = await freshDatabaseUrl(join(dir, 'pushed'))
    Object.assign(process.env, {
      APP_ENV: 'test',
      DATA_DIR: dir,
      DATABASE_URL: pushedUrl,
      PAYLOAD_SECRET: env.PAYLOAD_SECRET,
      DATA_ENCRYPTION_KEY: env.DATA_ENCRYPTION_KEY,
      LOG_LEVEL: 'silent',
    })
    const { default: config } = await import('../src/payload.config.ts')
    pushed = await getPayload({ config })
  })
  afterAll(() => pushed?.db.destroy?.())

  it('applies every migration, once when two runs start together (PostgreSQL)', () => {
    expect(migrate.code, migrate.stderr).toBe(0)
    expect(migrate.stdout).toContain(`Applied ${migrationNames().length} migration(s)`)
    if (second) {
      expect(second.code, second.stderr).toBe(0)
      expect(second.stdout).toContain('No pending migrations')
    }
  })

  it('gives the schema the development push gives, the booking guard included', async () => {
    const migrated = await schemaOf(migratedUrl, sqliteKey())
    expect(
      schemaDifference(await schemaOf(pushedUrl, sqliteKey()), migrated, ['the push', 'the migrations']),
      'The committed migrations no longer give the schema the collections describe: run `npm run migrate:create <name>` and commit what it writes',
    ).toEqual([])
    expect(
      migrated.filter((line) => /^(constraint|trigger) .*(appointment_(doctor|patient)_overlap|appointments_no_overlap)/.test(line)),
    ).toHaveLength(2)
  })

  it('/readyz answers "push" outside production, and 503 naming the pending migrations in production', async () => {
    const ask = async (APP_ENV: 'test' | 'production') => {
      const app = express().get('/readyz', readyz(pushed, { APP_ENV }))
      const listening = app.listen(0, '127.0.0.1')
      await once(listening, 'listening')
      try {
        const res = await fetch(`http://127.0.0.1:${(listening.address() as AddressInfo).port}/readyz`)
        return [res.status, await res.json()]
      } finally {
        listening.close()
      }
    }
    expect(await ask('test')).toEqual([200, { status: 'ready', database: 'up', migrations: 'push' }])
    expect(await ask('production')).toEqual([
      503,
      { status: 'unavailable', database: 'up', migrations: 'pending', pending: migrationNames(), fix: 'npm run migrate' },
    ])
  })
})

describe('`npm run migrate` on a database the development push made', () => {
  let refused: Awaited<ReturnType<typeof runScript>>
  beforeAll(async () => {
    refused = await runScript('migrate', { ...env, DATABASE_URL: pushedUrl })
  })

  it('refuses in one line, without asking anything, and changes nothing', async () => {
    expect(refused.code).toBe(1)
    expect(refused.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^DATABASE_URL holds a schema made by the development push/)])
    expect(await schemaOf(pushedUrl, sqliteKey())).toEqual(await schemaOf(migratedUrl, sqliteKey()))
  })
})

describe('the demo seed (APP_ENV=development) on the migrated database', () => {
  let seed: Awaited<ReturnType<typeof runScript>>
  let again: Awaited<ReturnType<typeof runScript>>
  beforeAll(async () => {
    seed = await runScript('seed', { ...env, APP_ENV: 'development' })
  })
  beforeAll(async () => {
    again = await runScript('migrate', env)
  })

  it('loads, and `npm run migrate` then has nothing to do and asks nothing', () => {
    expect(seed.code, seed.stderr).toBe(0)
    // The seed's development push marked the database (batch -1), which Payload's migrate would ask about on a terminal.
    expect([again.code, again.stdout.trim().split('\n').at(-1)], again.stderr).toEqual([
      0,
      'No pending migrations: the database is up to date.',
    ])
  })

  it('cannot double book: the database itself refuses a second visit in a booked time', async () => {
    await expect(insertCopyOfABlockingAppointment(migratedUrl)).rejects.toThrow(/appointment_(doctor|patient)_overlap/)
  })
})

describe('the production server on the migrated and seeded database', () => {
  beforeAll(async () => {
    server = spawnServer(env)
    await untilHealthy(server, env.PUBLIC_URL!)
  })

  it('says it is ready, and serves the demo clinics', async () => {
    const ready = await fetch(`${env.PUBLIC_URL}/readyz`)
    expect([ready.status, await ready.json()]).toEqual([200, { status: 'ready', database: 'up', migrations: 'applied' }])
    const tenants = (await (await fetch(`${env.PUBLIC_URL}/api/tenants?depth=0&limit=10`)).json()) as { docs: { slug: string }[] }
    expect(tenants.docs.map((t) => t.slug).sort()).toEqual(['northwind', 'sunrise'])
    const doctors = (await (await fetch(`${env.PUBLIC_URL}/api/doctors?depth=0&limit=50`)).json()) as { totalDocs: number }
    expect(doctors.totalDocs).toBeGreaterThan(0)
  })
})

/** Inserts, with the database's own SQL, a copy of a visit that holds its doctor's time: the guard must refuse it. */
async function insertCopyOfABlockingAppointment(url: string): Promise<unknown> {
  if (url.startsWith('postgres')) {
    const { default: pg } = await import('pg')
    const client = new pg.Client({ connectionString: url })
    await client.connect()
    try {
      const { rows } = await client.query(
        `SELECT string_agg(quote_ident(column_name), ', ') AS columns FROM information_schema.columns
         WHERE table_schema = 'public' AND table_name = 'appointments' AND column_name <> 'id'`,
      )
      return await client.query(
        `INSERT INTO appointments (${rows[0].columns}) SELECT ${rows[0].columns} FROM appointments WHERE blocking LIMIT 1`,
      )
    } finally {
      await client.end()
    }
  }
  const client = createClient({ url, encryptionKey: sqliteKey() })
  try {
    const columns = (await client.execute(`SELECT name FROM pragma_table_info('appointments') WHERE name <> 'id'`)).rows
      .map((r) => `"${String(r.name)}"`)
      .join(', ')
    expect((await client.execute('SELECT count(*) AS n FROM appointments WHERE blocking = 1')).rows[0]!.n).not.toBe(0)
    return await client.execute(`INSERT INTO appointments (${columns}) SELECT ${columns} FROM appointments WHERE blocking = 1 LIMIT 1`)
  } finally {
    client.close()
  }
}
