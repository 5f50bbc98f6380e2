/**
 * Health data at rest: what an operator relies on when a disk, a copy of
 * DATA_DIR or a stray backup leaves the building. The patient's name, email and
 * record file are found nowhere in clear under DATA_DIR (the SQLite file, its
 * write-ahead log, the uploads), while the platform still serves them to the
 * patient. After DATA_ENCRYPTION_KEY changes, the old database and files still
 * open, and `npm run secrets:rotate` moves them to the new key. Production on
 * SQLite refuses to start without a key, and a database in clear is refused with
 * the command that encrypts it, never opened half in clear.
 */
import { createClient } from '@libsql/client'
import { randomBytes } from 'node:crypto'
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signIn } from './support/http.ts'
import { freePort, runScript, startServeProcess } from './support/processes.ts'
import { startWorld, type TestServer } from './support/testServer.ts'
import { PASSWORD, type World } from './support/world.ts'
import { findSqliteKey, isClearSqlite } from '../src/database/sqliteEncryption.ts'
import { createKeyring, keyIdOf } from '../src/plugins/settings/secretBox.ts'
import { isSealed, sealedKeyId } from '../src/storage/fileCipher.ts'
import { readStored } from '../src/storage/localEncrypted.ts'

const onSqlite = !(process.env.DATABASE_URL ?? '').startsWith('postgres')
const keyA = randomBytes(32)
const keyB = randomBytes(32)

const patient = { name: 'Zebulon Quartzfield', email: `zebulon.quartzfield.${randomBytes(3).toString('hex')}@example.test` }
const recordContent = 'Potassium 9.87 mmol/L, flagged for Zebulon Quartzfield (XQ-77-CONFIDENTIAL)\n'
const needles = [patient.name, patient.email, 'XQ-77-CONFIDENTIAL', 'Potassium 9.87']

let server: TestServer | undefined
let world: World
let dataDir: string
let databaseUrl: string
let recordFile: string
let recordPath: string
let patientId: number | string

/** Every file under `dir`, recursively. */
const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]))

/** The needles found in clear in any file under DATA_DIR (UTF-8, as SQLite and the uploads would hold them). */
const clearTextIn = (dir: string) =>
  filesUnder(dir).flatMap((file) => {
    const bytes = readFileSync(file)
    return needles.filter((n) => bytes.includes(Buffer.from(n, 'utf8'))).map((n) => `${file}: ${n}`)
  })

/** The environment of a process on this test's data, with the keys given (and no other). */
const processEnv = (keys: { key?: Buffer; old?: Buffer[] }) => ({
  APP_ENV: 'test',
  DATA_DIR: dataDir,
  DATABASE_URL: databaseUrl,
  PAYLOAD_SECRET: 'test-secret-test-secret-test-secret-0123',
  LOG_LEVEL: 'silent',
  DATA_ENCRYPTION_KEY: keys.key?.toString('base64') ?? '',
  DATA_ENCRYPTION_OLD_KEYS: (keys.old ?? []).map((k) => k.toString('base64')).join(','),
})

beforeAll(async () => {
  ;({ server, world } = await startWorld({ DATA_ENCRYPTION_KEY: keyA.toString('base64'), DATA_ENCRYPTION_OLD_KEYS: '' }))
  dataDir = process.env.DATA_DIR!
  databaseUrl = process.env.DATABASE_URL!
  ;({ id: patientId } = await server.payload.create({
    collection: 'users',
    data: { ...patient, password: PASSWORD, role: 'patient', tenants: [{ tenant: world.alpha.id }] },
    overrideAccess: true,
  }))
})
afterAll(async () => {
  await server?.close()
})

describe('a patient’s data on disk', () => {
  it('is served to the patient, and found nowhere in clear under DATA_DIR', async () => {
    const as = await signIn(server!.url, patient.email, PASSWORD)
    const body = new FormData()
    body.append('_payload', JSON.stringify({ tenant: world.alpha.id, patient: patientId, title: 'Potassium', kind: 'lab-result' }))
    body.append('file', new Blob([recordContent], { type: 'text/plain' }), 'zebulon-quartzfield-labs.txt')
    const created = await as.request('POST', '/api/records', body)
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    recordFile = created.body.doc.filename
    recordPath = new URL(created.body.doc.url, server!.url).pathname

    const download = await as.request('GET', recordPath)
    expect([download.status, download.body]).toEqual([200, recordContent])

    const stored = join(server!.payload.collections.records!.config.upload.staticDir!, recordFile)
    expect(isSealed(readFileSync(stored))).toBe(true)
    expect(sealedKeyId(readFileSync(stored))).toBe(keyIdOf(keyA))
    if (onSqlite) {
      const db = databaseUrl.replace(/^file:/, '')
      expect(statSync(db).size).toBeGreaterThan(0)
      expect(isClearSqlite(db)).toBe(false)
    }
    // The SQLite file, its write-ahead log and the uploads (on PostgreSQL, the uploads): none holds the patient in clear.
    expect(clearTextIn(dataDir)).toEqual([])
  })
})

describe('changing DATA_ENCRYPTION_KEY', () => {
  const storedRecord = () => join(dataDir, 'uploads', 'records', recordFile)

  it('still opens the old database and files with the old key kept in DATA_ENCRYPTION_OLD_KEYS', async () => {
    await server!.close()
    server = undefined
    const keyring = createKeyring(keyB, [keyA])
    if (onSqlite) {
      const found = await findSqliteKey(databaseUrl.replace(/^file:/, ''), keyring)
      expect(found).toMatchObject({ keyId: keyIdOf(keyA), current: false })
    }
    const records = { slug: 'records', upload: { staticDir: join(dataDir, 'uploads', 'records') } } as never
    expect((await readStored(keyring, records, recordFile)).toString()).toBe(recordContent)

    // Carried on with a copy of DATA_DIR, as a restored backup would be: the SQLite connections this test
    // process opened linger until collected (libsql keeps them while prepared statements live), and
    // re-keying needs the file to itself.
    const copy = mkdtempSync(join(tmpdir(), 'telemed-copy-'))
    cpSync(dataDir, copy, { recursive: true })
    if (onSqlite) databaseUrl = `file:${join(copy, basename(databaseUrl))}`
    dataDir = copy
  })

  // The command and the server run as processes of their own: each started once, in a suite's setup.
  describe('then `npm run secrets:rotate`', () => {
    let rotation: Awaited<ReturnType<typeof runScript>>
    beforeAll(async () => {
      rotation = await runScript('secrets:rotate', processEnv({ key: keyB, old: [keyA] }))
    })

    it('moves the database and the files to the new key', async () => {
      expect(rotation.code, rotation.stdout + rotation.stderr).toBe(0)
      expect(rotation.stdout).toMatch(/Uploaded files: [1-9]\d* keys? wrapped again, 0 files in clear encrypted/)
      if (onSqlite) {
        expect(rotation.stdout).toMatch(/Database .*: re-encrypted\./)
        const found = await findSqliteKey(databaseUrl.replace(/^file:/, ''), createKeyring(keyB))
        expect(found).toMatchObject({ keyId: keyIdOf(keyB), current: true })
      }
      expect(sealedKeyId(readFileSync(storedRecord()))).toBe(keyIdOf(keyB))
      // Every upload (the world's records and images too), under the new key.
      expect(new Set(filesUnder(join(dataDir, 'uploads')).map((file) => sealedKeyId(readFileSync(file))))).toEqual(new Set([keyIdOf(keyB)]))
      expect(clearTextIn(dataDir)).toEqual([])
    })

    describe('and the platform on the new key alone', () => {
      let serve: Awaited<ReturnType<typeof startServeProcess>> | undefined
      beforeAll(async () => {
        const port = await freePort()
        serve = await startServeProcess({ ...processEnv({ key: keyB }), PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}` })
      })
      afterAll(async () => {
        if (!serve || serve.child.exitCode !== null) return
        const exited = new Promise((done) => serve!.child.once('exit', done))
        serve.child.kill('SIGTERM')
        await exited
      })

      it('serves the patient: sign-in (the database) and the record (the file)', async () => {
        const as = await signIn(serve!.url, patient.email, PASSWORD)
        const download = await as.request('GET', recordPath)
        expect([download.status, download.body]).toEqual([200, recordContent])
      })
    })
  })
})

describe.skipIf(!onSqlite)('the SQLite file (SQLite only: PostgreSQL keeps no database under DATA_DIR)', () => {
  describe('in production', () => {
    let refused: Awaited<ReturnType<typeof runScript>>
    beforeAll(async () => {
      const port = await freePort()
      refused = await runScript('serve', {
        ...processEnv({}),
        APP_ENV: 'production',
        PORT: String(port),
        PUBLIC_URL: `http://127.0.0.1:${port}`,
      })
    })

    it('needs a key: without DATA_ENCRYPTION_KEY the server refuses to start, with one line', () => {
      expect(refused.code).toBe(1)
      expect(refused.stderr.trim().split('\n')).toEqual([
        expect.stringMatching(/^Missing environment variable DATA_ENCRYPTION_KEY: required when APP_ENV=production/),
      ])
    })
  })

  it('in clear is refused with the command that encrypts it', async () => {
    // The platform's database as it was before encryption: the one above, decrypted, in a folder of its own.
    const clearDir = mkdtempSync(join(tmpdir(), 'telemed-clear-'))
    cpSync(databaseUrl.replace(/^file:/, ''), join(clearDir, 'old.db'))
    const { encryptionKey } = await findSqliteKey(databaseUrl.replace(/^file:/, ''), createKeyring(keyB))
    dataDir = clearDir
    databaseUrl = `file:${join(clearDir, 'old.db')}`
    const decrypting = createClient({ url: databaseUrl, encryptionKey })
    await decrypting.execute('PRAGMA journal_mode = DELETE')
    await decrypting.execute("PRAGMA rekey = ''")
    decrypting.close()
    expect(clearTextIn(dataDir)).toContain(`${join(clearDir, 'old.db')}: ${patient.email}`)

    // What the server and every script answer (startPayload prints it as one line and exits 1).
    await expect(findSqliteKey(join(clearDir, 'old.db'), createKeyring(keyA))).rejects.toThrow(
      /^The SQLite database .*old\.db is not encrypted: stop the server and run `npm run secrets:rotate` once/,
    )
  })

  describe('then `npm run secrets:rotate`', () => {
    let rotation: Awaited<ReturnType<typeof runScript>>
    beforeAll(async () => {
      rotation = await runScript('secrets:rotate', processEnv({ key: keyA }))
    })

    it('encrypts it, every row kept', async () => {
      expect(rotation.code, rotation.stdout + rotation.stderr).toBe(0)
      expect(rotation.stdout).toMatch(/Database .*old\.db: encrypted\./)
      expect(clearTextIn(dataDir)).toEqual([])
      const { encryptionKey } = await findSqliteKey(databaseUrl.replace(/^file:/, ''), createKeyring(keyA))
      const reopened = createClient({ url: databaseUrl, encryptionKey })
      const rows = await reopened.execute({ sql: 'SELECT name FROM users WHERE email = ?', args: [patient.email] })
      expect(rows.rows.map((r) => r.name)).toEqual([patient.name])
      reopened.close()
    })
  })
})
