/**
 * `npm run restore <backup> [--force]`: puts a backup made by `npm run backup`
 * into DATA_DIR and DATABASE_URL, which must be empty unless --force (then what
 * was there is kept aside in DATA_DIR/before-restore-<time>). Checks every file
 * of the backup first. Stop the server before restoring over a live platform.
 */
import '@telemed/config/check'
import { env } from '@telemed/config'
import { resolve } from 'node:path'
import { BackupError } from '../src/backup/backupError.ts'
import { restoreBackup } from '../src/backup/restoreBackup.ts'
import { uploadFolders } from '../src/backup/uploadFolders.ts'
import { keyIdOf } from '../src/plugins/settings/secretBox.ts'

process.umask(0o077)
const args = process.argv.slice(2)
const force = args.includes('--force')
const [backup, ...extra] = args.filter((arg) => arg !== '--force')
if (!backup || extra.length || backup.startsWith('-')) {
  console.error('Usage: npm run restore <backup folder> [--force]')
  process.exit(1)
}
try {
  const { DATABASE_URL, DATA_DIR, DATA_ENCRYPTION_KEY, DATA_ENCRYPTION_OLD_KEYS } = env()
  const manifest = await restoreBackup(resolve(backup), {
    databaseUrl: DATABASE_URL,
    dataDir: resolve(DATA_DIR),
    encryptionKeyIds: [DATA_ENCRYPTION_KEY, ...DATA_ENCRYPTION_OLD_KEYS].map(keyIdOf),
    uploads: async () => uploadFolders(await (await import('../src/payload.config.ts')).default),
    force,
  })
  const uploads = manifest.files.filter((file) => file.path.startsWith('uploads/')).length
  console.log(
    `Restored the backup of ${manifest.createdAt}: ${manifest.database.kind} database and ${uploads} uploaded files, checksums verified.`,
  )
  process.exit(0)
} catch (error) {
  console.error(error instanceof BackupError ? error.message : `Restore failed: ${String((error as Error).message).split('\n')[0]}`)
  process.exit(1)
}
