/**
 * `npm run backup [folder]`: a consistent backup of the database and the upload
 * folders into a new dated folder under `folder` (default ./backups), with a
 * manifest of every file's size and SHA-256. Safe while the server runs.
 * Prints where it went and how much; never a file name or any content.
 */
import '@telemed/config/check'
import { env } from '@telemed/config'
import { resolve } from 'node:path'
import config from '../src/payload.config.ts'
import { BackupError } from '../src/backup/backupError.ts'
import { makeBackup } from '../src/backup/makeBackup.ts'
import { uploadFolders } from '../src/backup/uploadFolders.ts'
import { keyIdOf } from '../src/plugins/settings/secretBox.ts'

process.umask(0o077) // a backup holds health data: readable by its owner only
const [into = 'backups', ...extra] = process.argv.slice(2)
if (extra.length || into.startsWith('-')) {
  console.error('Usage: npm run backup [folder]   (the folder the dated backup goes into; default ./backups)')
  process.exit(1)
}
try {
  const { DATABASE_URL, DATA_ENCRYPTION_KEY } = env()
  const source = { databaseUrl: DATABASE_URL, encryptionKeyId: keyIdOf(DATA_ENCRYPTION_KEY), uploads: uploadFolders(await config) }
  const { dir, manifest } = await makeBackup(source, resolve(into))
  const uploads = manifest.files.filter((file) => file.path.startsWith('uploads/'))
  const bytes = manifest.files.reduce((sum, file) => sum + file.bytes, 0)
  console.log(`Backup written: ${dir} (${manifest.database.kind} database, ${uploads.length} uploaded files, ${bytes} bytes)`)
  process.exit(0)
} catch (error) {
  console.error(error instanceof BackupError ? error.message : `Backup failed: ${String((error as Error).message).split('\n')[0]}`)
  process.exit(1)
}
