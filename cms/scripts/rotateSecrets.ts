/**
 * `npm run secrets:rotate`: after DATA_ENCRYPTION_KEY changed (the old key moved
 * to DATA_ENCRYPTION_OLD_KEYS), brings everything encrypted at rest under the
 * new key: the SQLite database file (re-encrypted by copy; a database in clear
 * is encrypted), the keys of uploaded files on the local disk (files in clear
 * are encrypted), and every stored plugin secret. Stop the server and workers
 * first. Prints counts and what no configured key reads; never a value. Exits 1
 * when something stays unreadable, so the old keys are kept for it.
 */
import '@telemed/config/check'
import { env } from '@telemed/config'
import { sqliteFileOf } from '../src/database/index.ts'
import { DatabaseKeyError } from '../src/database/sqliteEncryption.ts'
import { rekeySqlite } from '../src/database/sqliteRekey.ts'
import { platformKeyring } from '../src/plugins/settings/keyring.ts'

const settings = env()
const keyring = platformKeyring()
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

if (settings.DATABASE_URL.startsWith('file:')) {
  const file = sqliteFileOf(settings.DATABASE_URL)
  try {
    console.log(`Database ${file}: ${await rekeySqlite(file, keyring)}.`)
  } catch (error) {
    if (!(error instanceof DatabaseKeyError)) throw error
    console.error(error.message)
    process.exit(1)
  }
}

// Payload's configuration is loaded only now: it tunes libsql's connections (kept statements keep a closed
// connection alive), and re-keying needs the file to itself.
const [{ startPayload }, { reencryptSecrets }, { rotateUploadedFiles }] = await Promise.all([
  import('../server/startPayload.ts'),
  import('../src/plugins/settings/rotate.ts'),
  import('../src/storage/rotateFiles.ts'),
])
const payload = await startPayload(settings)
const files = await rotateUploadedFiles(payload, keyring)
console.log(
  `Uploaded files: ${plural(files.rewrapped, 'key')} wrapped again, ${plural(files.encrypted, 'file')} in clear encrypted, under the current DATA_ENCRYPTION_KEY.`,
)
for (const { file, reason } of files.unreadable) console.error(`${file}: ${reason}`)

const { reencrypted, unreadable } = await reencryptSecrets(payload)
console.log(`Re-encrypted ${plural(reencrypted, 'secret')} under the current DATA_ENCRYPTION_KEY.`)
for (const { clinic, setting, keyId } of unreadable) {
  console.error(
    `Clinic ${clinic}, ${setting}: needs key ${keyId ?? '(not a stored secret)'}; add it to DATA_ENCRYPTION_OLD_KEYS or set the secret again.`,
  )
}
await payload.destroy()
process.exit(unreadable.length || files.unreadable.length ? 1 : 0)
