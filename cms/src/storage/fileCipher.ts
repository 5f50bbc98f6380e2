import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import type { Keyring } from '../plugins/settings/secretBox.ts'

/**
 * An uploaded file at rest: AES-256-GCM under a random key of its own (the data
 * key), and that key wrapped (AES-256-GCM too) by a platform key, named by its
 * key id. Changing DATA_ENCRYPTION_KEY re-wraps the data key in the header, and
 * never re-encrypts the file's content. Both the wrapped key and the content are
 * bound to where the file belongs (`context`: its collection and name), so a
 * file copied under another name does not decrypt there.
 *
 * Layout: MAGIC (8) | key id (8, hex text) | wrap nonce (12) | wrap tag (16) |
 * wrapped data key (32) | nonce (12) | tag (16) | ciphertext.
 */
const MAGIC = Buffer.from('tmfile1\n', 'latin1')
const KEY_ID = 8
const NONCE = 12
const TAG = 16
const DATA_KEY = 32
export const HEADER_BYTES = MAGIC.length + KEY_ID + NONCE + TAG + DATA_KEY + NONCE + TAG

/** Why a stored file cannot be read; names what to do, never the content. */
export class FileKeyError extends Error {
  override name = 'FileKeyError'
}

export const isSealed = (data: Buffer) => data.length >= HEADER_BYTES && data.subarray(0, MAGIC.length).equals(MAGIC)

/** The id of the platform key that wraps the file's data key. */
export const sealedKeyId = (data: Buffer) => data.subarray(MAGIC.length, MAGIC.length + KEY_ID).toString('latin1')

function gcm(key: Buffer, plain: Buffer, aad: Buffer) {
  const nonce = randomBytes(NONCE)
  const cipher = createCipheriv('aes-256-gcm', key, nonce).setAAD(aad)
  const ciphertext = Buffer.concat([cipher.update(plain), cipher.final()])
  return { nonce, tag: cipher.getAuthTag(), ciphertext }
}

function ungcm(key: Buffer, nonce: Buffer, tag: Buffer, ciphertext: Buffer, aad: Buffer): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG }).setAAD(aad)
  decipher.setAuthTag(tag)
  return Buffer.concat([decipher.update(ciphertext), decipher.final()])
}

function wrapHeader(keyring: Keyring, dataKey: Buffer, context: Buffer): Buffer {
  const wrapped = gcm(keyring.current.key, dataKey, context)
  return Buffer.concat([MAGIC, Buffer.from(keyring.current.id, 'latin1'), wrapped.nonce, wrapped.tag, wrapped.ciphertext])
}

function unwrapDataKey(keyring: Keyring, data: Buffer, context: Buffer): Buffer {
  const keyId = sealedKeyId(data)
  const key = keyring.byId.get(keyId)
  if (!key)
    throw new FileKeyError(
      `A stored file is encrypted with key ${keyId}, which is neither DATA_ENCRYPTION_KEY nor one of DATA_ENCRYPTION_OLD_KEYS: put that key back in DATA_ENCRYPTION_OLD_KEYS.`,
    )
  let at = MAGIC.length + KEY_ID
  const take = (n: number) => data.subarray(at, (at += n))
  try {
    return ungcm(key, take(NONCE), take(TAG), take(DATA_KEY), context)
  } catch {
    throw new FileKeyError('A stored file does not decrypt: it was altered, or moved from where it was stored.')
  }
}

/** The file's content, encrypted for storage at `context`. */
export function sealFile(keyring: Keyring, plain: Buffer, context: string): Buffer {
  const aad = Buffer.from(context, 'utf8')
  const dataKey = randomBytes(DATA_KEY)
  const body = gcm(dataKey, plain, aad)
  return Buffer.concat([wrapHeader(keyring, dataKey, aad), body.nonce, body.tag, body.ciphertext])
}

/** The content of a file sealed at `context`; throws FileKeyError when no configured key or another place. */
export function openFile(keyring: Keyring, data: Buffer, context: string): Buffer {
  const aad = Buffer.from(context, 'utf8')
  const dataKey = unwrapDataKey(keyring, data, aad)
  let at = HEADER_BYTES - NONCE - TAG
  const take = (n: number) => data.subarray(at, (at += n))
  try {
    return ungcm(dataKey, take(NONCE), take(TAG), data.subarray(HEADER_BYTES), aad)
  } catch {
    throw new FileKeyError('A stored file does not decrypt: it was altered, or moved from where it was stored.')
  }
}

/** The header of a sealed file with its data key wrapped again by the current key; the content is left as it is. */
export function rewrappedHeader(keyring: Keyring, data: Buffer, context: string): Buffer {
  const aad = Buffer.from(context, 'utf8')
  const wrapped = wrapHeader(keyring, unwrapDataKey(keyring, data, aad), aad)
  return Buffer.concat([wrapped, data.subarray(wrapped.length, HEADER_BYTES)])
}

/** Where a file belongs, bound into its encryption: the collection and the file's name. */
export const fileContext = (collection: string, filename: string) => `${collection}/${filename}`
