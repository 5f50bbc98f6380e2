import { spawn } from 'node:child_process'
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readAllDocuments, type AllDocuments } from './support/allDocuments.ts'
import { freshDatabaseUrl } from './support/database.ts'
import { freePort, runScript, startServeProcess } from './support/processes.ts'
import type { TestServer } from './support/testServer.ts'
import { startWorld } from './support/testServer.ts'
import { createRecord, PASSWORD, type World } from './support/world.ts'

const KEY = 'dGVzdC1rZXktdGVzdC1rZXktdGVzdC1rZXktMDEyMzQ='
const OTHER_KEY = 'b3RoZXIta2V5LW90aGVyLWtleS1vdGhlci1rZXktMDE='
const postgres = (process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? '').startsWith('postgres')

let server: TestServer
let world: World
let dataDir: string
let before: AllDocuments
/** Records written one after another while the backup ran, in order. */
const writtenDuringBackup: (number | string)[] = []
let backupDir: string
let restored: { dataDir: string; databaseUrl: string }

/** Reads the database of `databaseUrl` in a process of its own (this one's Payload serves the original). */
function readRestoredDocuments(env: Record<string, string>): Promise<AllDocuments> {
  const out = join(mkdtempSync(join(tmpdir(), 'telemed-dump-')), 'documents.json')
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--conditions=production', '--import', 'tsx', 'cms/test/support/dumpDocuments.ts', out], {
      env: { ...process.env, NODE_ENV: 'production', ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    })
    let stderr = ''
    child.stderr.on('data', (d) => (stderr += d))
    child.on('exit', (code) =>
      code === 0 ? resolve(JSON.parse(readFileSync(out, 'utf8')) as AllDocuments) : reject(new Error(`dump failed (${code}): ${stderr}`)),
    )
  })
}

const byId = (docs: Record<string, unknown>[]) => new Map(docs.map((doc) => [String(doc.id), doc]))
const uploadedFiles = (dir: string, collection: string) =>
  readdirSync(join(dir, 'uploads', collection)).map((name) => ({ name, bytes: readFileSync(join(dir, 'uploads', collection, name)) }))

beforeAll(async () => {
  ;({ server, world } = await startWorld({ DATA_ENCRYPTION_KEY: KEY, JOBS_IN_SERVER: 'false' }))
  dataDir = process.env.DATA_DIR!
  const png = await sharp({ create: { width: 8, height: 8, channels: 4, background: '#3366cc' } })
    .png()
    .toBuffer()
  await server.payload.create({
    collection: 'media',
    data: { alt: 'Clinic logo', tenant: world.alpha.id } as never,
    file: { data: png, mimetype: 'image/png', name: 'logo.png', size: png.length },
    overrideAccess: true,
  })
  before = await readAllDocuments(server.payload)
})

beforeAll(async () => {
  // Records keep being written, one after another, for as long as the backup runs.
  let backingUp = true
  const writer = (async () => {
    for (let i = 0; backingUp; i++)
      writtenDuringBackup.push(await createRecord(server.payload, world.alpha.id, world.alpha.patient.id, `During backup ${i}`))
  })()
  while (writtenDuringBackup.length === 0) await new Promise((r) => setImmediate(r))
  const backupRoot = mkdtempSync(join(tmpdir(), 'telemed-backups-'))
  const backup = await runScript('backup', { DATA_ENCRYPTION_KEY: KEY }, [backupRoot])
  backingUp = false
  await writer
  expect(backup.stderr).toBe('')
  expect(backup.code).toBe(0)
  backupDir = join(backupRoot, readdirSync(backupRoot)[0]!)
  expect(backup.stdout).toContain(`Backup written: ${backupDir}`)
})

beforeAll(async () => {
  const restoredDir = mkdtempSync(join(tmpdir(), 'telemed-restored-'))
  restored = {
    dataDir: restoredDir,
    databaseUrl: postgres ? await freshDatabaseUrl(restoredDir) : `file:${join(restoredDir, 'telemed.db')}`,
  }
  const restore = await runScript('restore', { DATA_ENCRYPTION_KEY: KEY, DATA_DIR: restored.dataDir, DATABASE_URL: restored.databaseUrl }, [
    backupDir,
  ])
  expect(restore.stderr).toBe('')
  expect(restore.code).toBe(0)
})

afterAll(async () => {
  await server?.close()
})

describe('a backup', () => {
  it('is one dated folder: the database, the upload folders, and a manifest of every file with its size and SHA-256', () => {
    expect(backupDir).toMatch(/telemed-backup-\d{8}T\d{6}Z$/)
    const manifest = JSON.parse(readFileSync(join(backupDir, 'manifest.json'), 'utf8'))
    expect(manifest).toMatchObject({
      format: 'telemed-backup/1',
      database: { kind: postgres ? 'postgres' : 'sqlite', file: postgres ? 'database.pgdump' : 'database.sqlite' },
      uploads: [
        { collection: 'media', folder: 'uploads/media' },
        { collection: 'records', folder: 'uploads/records' },
      ],
    })
    expect(manifest.database.schema.sha256).toMatch(/^[0-9a-f]{64}$/)
    const paths = manifest.files.map((f: { path: string }) => f.path)
    expect(paths).toContain(manifest.database.file)
    for (const { filename } of before.records!) expect(paths).toContain(`uploads/records/${filename}`)
    expect(paths.some((p: string) => p.startsWith('uploads/media/logo'))).toBe(true)
  })
})

describe('restoring a backup', () => {
  let after: AllDocuments
  let fromRestored: AllDocuments
  beforeAll(async () => {
    fromRestored = await readRestoredDocuments({ DATA_ENCRYPTION_KEY: KEY, DATA_DIR: restored.dataDir, DATABASE_URL: restored.databaseUrl })
    after = await readAllDocuments(server.payload)
  })

  it('brings back every document that was there before the backup, as it was', () => {
    for (const [collection, docs] of Object.entries(before)) {
      const restoredDocs = byId(fromRestored[collection]!)
      for (const doc of docs) expect(restoredDocs.get(String(doc.id)), `${collection} ${doc.id}`).toEqual(doc)
    }
    expect(fromRestored.records!.length).toBeGreaterThan(before.records!.length)
  })

  it('is one consistent moment of the database, though writes went on: each restored document as written, records written in order up to a point, each with its audit entry', () => {
    for (const [collection, docs] of Object.entries(fromRestored)) {
      const current = byId(after[collection]!)
      for (const doc of docs) expect(doc, `${collection} ${doc.id}`).toEqual(current.get(String(doc.id)))
    }
    const restoredRecords = new Set(fromRestored.records!.map((doc) => String(doc.id)))
    const kept = writtenDuringBackup.filter((id) => restoredRecords.has(String(id)))
    expect(kept).toEqual(writtenDuringBackup.slice(0, kept.length))
    expect(kept.length).toBeGreaterThan(0)
    const created = fromRestored['audit-log']!.filter((entry) => entry.resource === 'records' && entry.action === 'create')
    const createdIds = new Set(created.flatMap((entry) => entry.documentIds as string[]))
    for (const id of kept) expect(createdIds.has(String(id))).toBe(true)
  })

  it('brings back every uploaded file byte for byte', () => {
    for (const collection of ['records', 'media']) {
      const original = new Map(uploadedFiles(dataDir, collection).map(({ name, bytes }) => [name, bytes]))
      const files = uploadedFiles(restored.dataDir, collection)
      for (const { name, bytes } of files) expect(bytes.equals(original.get(name)!), name).toBe(true)
      for (const doc of fromRestored[collection]!) expect(files.map((f) => f.name)).toContain(doc.filename)
    }
  })
})

describe('the platform on a restored backup', () => {
  let restoredServer: Awaited<ReturnType<typeof startServeProcess>>
  beforeAll(async () => {
    const port = await freePort()
    // The backed-up database had its schema from the development push (as every test's), so the
    // restored one starts outside production: the push then finds nothing to change.
    restoredServer = await startServeProcess({
      APP_ENV: 'test',
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      PORT: String(port),
      INTERNAL_API_URL: `http://127.0.0.1:${port}`,
      DATA_ENCRYPTION_KEY: KEY,
      DATA_DIR: restored.dataDir,
      DATABASE_URL: restored.databaseUrl,
    })
  })
  afterAll(async () => {
    if (!restoredServer) return
    const exited = new Promise((resolve) => restoredServer.child.once('exit', resolve))
    restoredServer.child.kill('SIGTERM')
    await exited
  })

  it("serves a record's file to its patient, and not another patient's", async () => {
    const signIn = await fetch(`${restoredServer.url}/api/users/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: world.alpha.patient.email, password: PASSWORD }),
    })
    expect(signIn.status).toBe(200)
    const { token } = (await signIn.json()) as { token: string }
    const [own, other] = [world.alpha.record, world.alpha.otherRecord].map((id) => before.records!.find((doc) => doc.id === id)!)
    const download = (filename: unknown) =>
      fetch(`${restoredServer.url}/api/records/file/${filename}`, { headers: { authorization: `JWT ${token}` } })
    const file = await download(own!.filename)
    expect(file.status).toBe(200)
    // What createRecord uploaded (files on disk may be stored encrypted; the platform serves them as uploaded).
    expect(await file.text()).toBe('Lab result: all values within range\n')
    expect((await download(other!.filename)).status).toBe(403)
  })
})

describe('restore refuses, with one line and nothing changed', () => {
  type Run = Awaited<ReturnType<typeof runScript>>
  let overData: Run, damaged: Run, wrongKey: Run
  let damagedFile: string
  const emptyTargets = [mkdtempSync(join(tmpdir(), 'telemed-target-')), mkdtempSync(join(tmpdir(), 'telemed-target-'))]
  const targetDatabases: string[] = []
  const into = (i: number, key = KEY) => ({ DATA_ENCRYPTION_KEY: key, DATA_DIR: emptyTargets[i]!, DATABASE_URL: targetDatabases[i]! })

  beforeAll(async () => {
    const damagedBackup = mkdtempSync(join(tmpdir(), 'telemed-damaged-'))
    cpSync(backupDir, damagedBackup, { recursive: true })
    damagedFile = readdirSync(join(damagedBackup, 'uploads/records'))[0]!
    writeFileSync(join(damagedBackup, 'uploads/records', damagedFile), 'altered')
    for (const dir of emptyTargets) targetDatabases.push(postgres ? await freshDatabaseUrl(dir) : `file:${join(dir, 'telemed.db')}`)
    ;[overData, damaged, wrongKey] = await Promise.all([
      runScript('restore', { DATA_ENCRYPTION_KEY: KEY, DATA_DIR: restored.dataDir, DATABASE_URL: restored.databaseUrl }, [backupDir]),
      runScript('restore', into(0), [damagedBackup]),
      runScript('restore', into(1, OTHER_KEY), [backupDir]),
    ])
  })

  it('to write over a database and uploads already there (unless --force)', () => {
    expect(overData.code).toBe(1)
    expect(overData.stderr.trim()).toMatch(
      /^Refusing to restore over data already there \(.*\): restore into an empty DATA_DIR and database, or pass --force to replace it$/,
    )
  })

  it('a damaged backup, before touching the target', () => {
    expect([damaged.code, damaged.stderr.trim()]).toEqual([1, `Backup damaged: uploads/records/${damagedFile} does not match its checksum`])
    expect(readdirSync(emptyTargets[0]!).filter((name) => !name.startsWith('.'))).toEqual([])
  })

  it('under a DATA_ENCRYPTION_KEY other than the one the backup was made under', () => {
    expect(wrongKey.code).toBe(1)
    expect(wrongKey.stderr.trim()).toMatch(
      /^This backup was made under DATA_ENCRYPTION_KEY [0-9a-f]{8}, which is neither DATA_ENCRYPTION_KEY nor one of DATA_ENCRYPTION_OLD_KEYS: set that key to restore it$/,
    )
    expect(readdirSync(emptyTargets[1]!).filter((name) => !name.startsWith('.'))).toEqual([])
  })
})

describe('restore --force', () => {
  let forced: Awaited<ReturnType<typeof runScript>>
  beforeAll(async () => {
    forced = await runScript('restore', { DATA_ENCRYPTION_KEY: KEY, DATA_DIR: restored.dataDir, DATABASE_URL: restored.databaseUrl }, [
      backupDir,
      '--force',
    ])
  })

  it('replaces a platform that has data, and keeps what was there in DATA_DIR/before-restore-<time>', () => {
    expect([forced.code, forced.stderr]).toEqual([0, ''])
    const aside = readdirSync(restored.dataDir).find((name) => /^before-restore-\d{8}T\d{6}Z$/.test(name))!
    expect(aside).toBeDefined()
    const kept = readdirSync(join(restored.dataDir, aside))
    expect(kept).toEqual(expect.arrayContaining(['uploads-media', 'uploads-records', ...(postgres ? ['database.pgdump'] : [])]))
    if (!postgres) expect(readdirSync(restored.dataDir).some((name) => /^telemed\.db\.before-restore-/.test(name))).toBe(true)
    const keptRecords = readdirSync(join(restored.dataDir, aside, 'uploads-records')).sort()
    expect(
      uploadedFiles(restored.dataDir, 'records')
        .map((f) => f.name)
        .sort(),
    ).toEqual(keptRecords)
  })
})
