import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { readdir, readFile, stat, writeFile } from 'node:fs/promises'
import { join, relative, sep } from 'node:path'
import { BackupError } from './backupError.ts'

export const MANIFEST = 'manifest.json'
export const FORMAT = 'telemed-backup/1'

export type DatabaseKind = 'sqlite' | 'postgres'

/** What a backup holds, written last: a folder without it is not a backup. */
export type Manifest = {
  format: typeof FORMAT
  /** When the database's snapshot was taken (UTC). */
  createdAt: string
  database: {
    kind: DatabaseKind
    /** The file in the backup: a SQLite database, or a `pg_dump -Fc` archive. */
    file: string
    /** SQLite only: the file is encrypted (libsql) under the platform's DATA_ENCRYPTION_KEY. */
    encrypted: boolean
    /** Migrations run (Payload's payload_migrations) and a SHA-256 of the tables and columns. */
    schema: SchemaState
  }
  /** keyIdOf(DATA_ENCRYPTION_KEY) when the backup was made: the key a restore needs for what is encrypted inside. */
  encryptionKeyId: string
  /** The upload collections, each in its folder of the backup. */
  uploads: { collection: string; folder: string }[]
  /** Every file of the backup but the manifest, with its size and SHA-256. */
  files: { path: string; bytes: number; sha256: string }[]
}

export type SchemaState = { migrations: string[]; sha256: string }

export function sha256File(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256')
    createReadStream(file)
      .on('data', (chunk) => hash.update(chunk))
      .on('end', () => resolve(hash.digest('hex')))
      .on('error', reject)
  })
}

/** Every regular file under `dir`, as paths relative to it with `/` separators, sorted. */
export async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort()
}

/** Lists, sizes and hashes the backup's files, then writes the manifest. */
export async function writeManifest(dir: string, manifest: Omit<Manifest, 'files' | 'format'>): Promise<Manifest> {
  const files = []
  for (const path of await filesUnder(dir)) {
    const file = join(dir, path)
    files.push({ path, bytes: (await stat(file)).size, sha256: await sha256File(file) })
  }
  const full: Manifest = { format: FORMAT, ...manifest, files }
  await writeFile(join(dir, MANIFEST), JSON.stringify(full, null, 2) + '\n', { flag: 'wx' })
  return full
}

/**
 * Reads a backup's manifest and checks every file it lists (size, then SHA-256)
 * before anything is restored: a damaged or incomplete backup is refused whole.
 */
export async function readVerifiedManifest(dir: string): Promise<Manifest> {
  let manifest: Manifest
  try {
    manifest = JSON.parse(await readFile(join(dir, MANIFEST), 'utf8')) as Manifest
  } catch {
    throw new BackupError(`${dir} is not a backup: it has no readable ${MANIFEST}`)
  }
  if (manifest.format !== FORMAT) throw new BackupError(`${dir}: unknown backup format ${JSON.stringify(manifest.format)}`)
  for (const { path, bytes, sha256 } of manifest.files) {
    if (path.split('/').includes('..')) throw new BackupError(`${dir}: the manifest names a file outside the backup`)
    const file = join(dir, path)
    const size = await stat(file).then(
      (s) => s.size,
      () => null,
    )
    if (size === null) throw new BackupError(`Backup damaged: ${path} is missing`)
    if (size !== bytes || (await sha256File(file)) !== sha256) throw new BackupError(`Backup damaged: ${path} does not match its checksum`)
  }
  return manifest
}
