import { mkdir, rename, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { BackupError } from './backupError.ts'
import { databaseKind } from './databaseKind.ts'
import { writeManifest, type Manifest } from './manifest.ts'
import { dumpPostgres, postgresSchemaState } from './postgresDump.ts'
import { platformSqliteClient } from './sqliteClient.ts'
import { snapshotSqlite, sqliteSchemaState } from './sqliteSnapshot.ts'
import { copyFolder, type UploadFolder } from './uploadFolders.ts'

export type BackupSource = {
  databaseUrl: string
  /** keyIdOf(DATA_ENCRYPTION_KEY): recorded so a restore can tell whether it has the key. */
  encryptionKeyId: string
  uploads: UploadFolder[]
}

/** `telemed-backup-20261203T091500Z`: sorts by time, and says what it is. */
export const backupName = (at: Date) =>
  `telemed-backup-${at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')}`

/**
 * Writes one backup folder under `into`: the database first (one consistent
 * snapshot), then the upload folders as they are, then the manifest. Record
 * files are only ever added (a replaced one is kept), so every record file the
 * snapshot names is already on disk when the folders are copied; a file added
 * meanwhile is copied too, harmlessly. Only a clinic image deleted in between
 * can be missing.
 *
 * The folder is built under a hidden `.partial` name and renamed when complete:
 * a backup that stopped half-way is never taken for a backup.
 */
export async function makeBackup(source: BackupSource, into: string, now = new Date()): Promise<{ dir: string; manifest: Manifest }> {
  const kind = databaseKind(source.databaseUrl)
  const sqlite = kind === 'sqlite' ? await platformSqliteClient(source.databaseUrl) : undefined
  // Opening a missing SQLite file would create an empty database, and back that up.
  if (sqlite && !(await stat(sqlite.file).catch(() => null))) throw new BackupError(`There is no database at DATABASE_URL (${sqlite.file})`)
  const name = backupName(now)
  const partial = join(into, `.${name}.partial`)
  await mkdir(partial, { recursive: true, mode: 0o700 })
  try {
    const file = kind === 'sqlite' ? 'database.sqlite' : 'database.pgdump'
    if (sqlite) await snapshotSqlite(sqlite, join(partial, file))
    else await dumpPostgres(source.databaseUrl, join(partial, file))
    const schema = sqlite
      ? await sqliteSchemaState({ url: `file:${join(partial, file)}`, encryptionKey: sqlite.encryptionKey })
      : await postgresSchemaState(source.databaseUrl)
    const uploads = []
    for (const { collection, dir } of source.uploads) {
      const folder = `uploads/${collection}`
      await copyFolder(dir, join(partial, folder))
      uploads.push({ collection, folder })
    }
    const manifest = await writeManifest(partial, {
      createdAt: now.toISOString(),
      database: { kind, file, encrypted: Boolean(sqlite?.encryptionKey), schema },
      encryptionKeyId: source.encryptionKeyId,
      uploads,
    })
    const dir = join(into, name)
    await rename(partial, dir)
    return { dir, manifest }
  } catch (error) {
    await rm(partial, { recursive: true, force: true })
    throw error
  }
}
