import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto'

/**
 * Encryption of secrets at rest (a plugin's API key in a clinic's settings):
 * AES-256-GCM, a fresh 12-byte nonce per value, and the place the value belongs
 * to (`context`, the plugin and setting) bound in as additional data, so a
 * value copied into another setting does not decrypt there. (Not the clinic:
 * a platform admin may set a secret in the request that creates the clinic,
 * before it has an id. Moving a value between clinics takes write access to
 * the database itself.)
 *
 * A stored value reads `v1:<key id>:<nonce>:<tag>:<ciphertext>` (base64url
 * parts). The key id is the first 8 hex digits of the key's SHA-256: it names
 * the key without revealing it, so after DATA_ENCRYPTION_KEY changes the old
 * values are still read with the old key (DATA_ENCRYPTION_OLD_KEYS) until they
 * are written again under the new one.
 */

export type Keyring = {
  /** The key new values are encrypted with (DATA_ENCRYPTION_KEY). */
  readonly current: { id: string; key: Buffer }
  /** Every key values may be read with, by id: the current one and the old ones. */
  readonly byId: ReadonlyMap<string, Buffer>
}

const VERSION = 'v1'
const NONCE_BYTES = 12

/** The first 8 hex digits of the key's SHA-256. */
export const keyIdOf = (key: Buffer) => createHash('sha256').update(key).digest('hex').slice(0, 8)

export function createKeyring(current: Buffer, old: readonly Buffer[] = []): Keyring {
  for (const key of [current, ...old]) if (key.length !== 32) throw new Error('An AES-256 key is 32 bytes.')
  const byId = new Map<string, Buffer>()
  for (const key of [current, ...old]) byId.set(keyIdOf(key), key)
  return { current: { id: keyIdOf(current), key: current }, byId }
}

/** Why a stored value cannot be read; its message names what to do, never the value. */
export class SecretError extends Error {
  override name = 'SecretError'
}

export function encryptSecret(keyring: Keyring, plaintext: string, context: string): string {
  const nonce = randomBytes(NONCE_BYTES)
  const cipher = createCipheriv('aes-256-gcm', keyring.current.key, nonce)
  cipher.setAAD(Buffer.from(context, 'utf8'))
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()])
  const parts = [nonce, cipher.getAuthTag(), ciphertext].map((b) => b.toString('base64url'))
  return [VERSION, keyring.current.id, ...parts].join(':')
}

/** The key id a stored value was encrypted with, or null when the text is not a stored secret. */
export function storedKeyId(stored: string): string | null {
  const parts = stored.split(':')
  return parts.length === 5 && parts[0] === VERSION && /^[0-9a-f]{8}$/.test(parts[1]!) ? parts[1]! : null
}

/** True when a stored value was encrypted with another key than the current one. */
export const needsReencryption = (keyring: Keyring, stored: string) => storedKeyId(stored) !== keyring.current.id

export function decryptSecret(keyring: Keyring, stored: string, context: string): string {
  const keyId = storedKeyId(stored)
  if (!keyId) throw new SecretError(`The stored secret of ${context} is not in the ${VERSION} format: set it again.`)
  const key = keyring.byId.get(keyId)
  if (!key) {
    throw new SecretError(
      `The secret of ${context} was encrypted with key ${keyId}, which is neither DATA_ENCRYPTION_KEY nor one of DATA_ENCRYPTION_OLD_KEYS: ` +
        'put that key back in DATA_ENCRYPTION_OLD_KEYS, or set the secret again.',
    )
  }
  const [nonce, tag, ciphertext] = stored
    .split(':')
    .slice(2)
    .map((part) => Buffer.from(part, 'base64url'))
  // A full 12-byte nonce and 16-byte tag only: GCM would accept a tag cut short, and a short tag is forgeable.
  if (nonce?.length !== 12 || tag?.length !== 16 || !ciphertext)
    throw new SecretError(`The stored secret of ${context} is damaged: set it again.`)
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, nonce, { authTagLength: 16 })
    decipher.setAAD(Buffer.from(context, 'utf8'))
    decipher.setAuthTag(tag)
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8')
  } catch {
    throw new SecretError(`The stored secret of ${context} does not decrypt: it was altered or belongs to another setting. Set it again.`)
  }
}
