/**
 * `npm run secrets:rotate`: after DATA_ENCRYPTION_KEY changed (the old key moved
 * to DATA_ENCRYPTION_OLD_KEYS), writes every stored secret again under the new
 * key. Prints counts and which settings no configured key reads; never a value.
 * Exits 1 when some secret stays unreadable, so the old keys are kept for it.
 */
import '@telemed/config/check'
import { env } from '@telemed/config'
import { startPayload } from '../server/startPayload.ts'
import { reencryptSecrets } from '../src/plugins/settings/rotate.ts'

const payload = await startPayload(env())
const { reencrypted, unreadable } = await reencryptSecrets(payload)
console.log(`Re-encrypted ${reencrypted} secret${reencrypted === 1 ? '' : 's'} under the current DATA_ENCRYPTION_KEY.`)
for (const { clinic, setting, keyId } of unreadable) {
  console.error(
    `Clinic ${clinic}, ${setting}: needs key ${keyId ?? '(not a stored secret)'}; add it to DATA_ENCRYPTION_OLD_KEYS or set the secret again.`,
  )
}
await payload.destroy()
process.exit(unreadable.length ? 1 : 0)
