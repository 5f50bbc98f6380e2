import { randomBytes } from 'node:crypto'
import { copyFile, mkdir, rename, rm, rmdir, stat } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { BackupError } from './backupError.ts'
import { databaseKind } from './databaseKind.ts'
import { readVerifiedManifest, type Manifest } from './manifest.ts'
import { dumpPostgres, postgresTableCount, restorePostgres } from './postgresDump.ts'
import { platformSqliteClient } from './sqliteClient.ts'
import { checkSqliteFile } from './sqliteSnapshot.ts'
import { copyFolder, isEmptyFolder, type UploadFolder } from './uploadFolders.ts'

export type RestoreTarget = {
  databaseUrl: string
  dataDir: string
  /** keyIdOf of DATA_ENCRYPTION_KEY and of each of DATA_ENCRYPTION_OLD_KEYS. */
  encryptionKeyIds: string[]
  /** The upload collections' folders; asked for once the backup is checked (reading the configuration takes a while). */
  uploads: () => Promise<UploadFolder[]>
  /** Replace a target that holds data; what was there is first moved (or dumped) to `before-restore-…` in DATA_DIR. */
  force: boolean
}

const exists = (path: string) =>
  stat(path).then(
    (s) => s.size > 0 || s.isDirectory(),
    () => false,
  )
const SQLITE_SIDE_FILES = ['', '-wal', '-shm', '-journal']

/**
 * Restores a backup into DATA_DIR and DATABASE_URL. In order: every file of the
 * backup is checked against its SHA-256; the target must be empty (or `force`);
 * everything is written beside its place (`*.restoring-…`) and checked; only then
 * moved into place. A failure before the move leaves the target as it was.
 * On PostgreSQL the move is pg_restore's single transaction.
 */
export async function restoreBackup(backupDir: string, target: RestoreTarget, now = new Date()): Promise<Manifest> {
  const manifest = await readVerifiedManifest(backupDir)
  const kind = databaseKind(target.databaseUrl)
  if (manifest.database.kind !== kind) {
    throw new BackupError(
      `This backup holds a ${manifest.database.kind} database but DATABASE_URL is ${kind}: restore it into a ${manifest.database.kind} database`,
    )
  }
  if (!target.encryptionKeyIds.includes(manifest.encryptionKeyId)) {
    throw new BackupError(
      `This backup was made under DATA_ENCRYPTION_KEY ${manifest.encryptionKeyId}, which is neither DATA_ENCRYPTION_KEY nor one of DATA_ENCRYPTION_OLD_KEYS: set that key to restore it`,
    )
  }
  const uploads = await target.uploads()
  const folders = manifest.uploads.map(({ collection, folder }) => {
    const dir = uploads.find((upload) => upload.collection === collection)?.dir
    if (!dir) throw new BackupError(`This backup has files of the upload collection "${collection}", which this platform does not have`)
    return { from: join(backupDir, folder), to: dir }
  })

  const sqlite = kind === 'sqlite' ? await platformSqliteClient(target.databaseUrl) : undefined
  const occupied = [
    ...(sqlite ? await Promise.all(SQLITE_SIDE_FILES.map(async (s) => ((await exists(sqlite.file + s)) ? sqlite.file + s : null))) : []),
    ...(!sqlite && (await postgresTableCount(target.databaseUrl)) > 0 ? ['the database of DATABASE_URL'] : []),
    ...(await Promise.all(folders.map(async ({ to }) => ((await isEmptyFolder(to)) ? null : to)))),
  ].filter((what): what is string => what !== null)
  if (occupied.length && !target.force) {
    throw new BackupError(
      `Refusing to restore over data already there (${occupied.join(', ')}): restore into an empty DATA_DIR and database, or pass --force to replace it`,
    )
  }

  const tag = `restoring-${randomBytes(4).toString('hex')}`
  const staged: string[] = []
  try {
    const stagedDb = sqlite ? `${sqlite.file}.${tag}` : null
    if (sqlite && stagedDb) {
      await mkdir(join(sqlite.file, '..'), { recursive: true })
      staged.push(stagedDb)
      await copyFile(join(backupDir, manifest.database.file), stagedDb)
      if (!(await checkSqliteFile(await platformSqliteClient(target.databaseUrl, stagedDb)))) {
        throw new BackupError(
          "The backup's database does not open as a sound SQLite database with this platform's settings (is DATA_ENCRYPTION_KEY the one it was made under?)",
        )
      }
    }
    for (const folder of folders) {
      staged.push(`${folder.to}.${tag}`)
      await copyFolder(folder.from, `${folder.to}.${tag}`)
    }
    // From here on the target changes. What a forced restore replaces is kept (never lose data).
    const stamp = now
      .toISOString()
      .replace(/[-:]/g, '')
      .replace(/\.\d+Z$/, 'Z')
    const aside = join(target.dataDir, `before-restore-${stamp}`)
    if (occupied.length) await mkdir(aside, { recursive: true, mode: 0o700 })
    if (sqlite && stagedDb) {
      for (const suffix of occupied.length ? SQLITE_SIDE_FILES : []) {
        if (await exists(sqlite.file + suffix)) await rename(sqlite.file + suffix, `${sqlite.file}${suffix}.before-restore-${stamp}`)
      }
      await rename(stagedDb, sqlite.file)
    } else {
      if (occupied.length) await dumpPostgres(target.databaseUrl, join(aside, 'database.pgdump'))
      await restorePostgres(target.databaseUrl, join(backupDir, manifest.database.file), { replace: target.force })
    }
    for (const folder of folders) {
      if (!(await isEmptyFolder(folder.to))) await rename(folder.to, join(aside, `uploads-${basename(folder.to)}`))
      await rmdir(folder.to).catch(() => undefined) // an empty folder left in place
      await rename(`${folder.to}.${tag}`, folder.to)
    }
    return manifest
  } catch (error) {
    for (const path of staged) await rm(path, { recursive: true, force: true })
    throw error
  }
}
