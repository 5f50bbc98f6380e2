import { env } from '@telemed/config'
import { createKeyring, type Keyring } from './secretBox.ts'

let cached: Keyring | undefined

/** The platform's keys: DATA_ENCRYPTION_KEY to write and read, DATA_ENCRYPTION_OLD_KEYS to read. */
export function platformKeyring(): Keyring {
  const { DATA_ENCRYPTION_KEY, DATA_ENCRYPTION_OLD_KEYS } = env()
  cached ??= createKeyring(DATA_ENCRYPTION_KEY, DATA_ENCRYPTION_OLD_KEYS)
  return cached
}
