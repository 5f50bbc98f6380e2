import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { createKeyring, decryptSecret, encryptSecret, keyIdOf, needsReencryption, SecretError, storedKeyId } from './secretBox.ts'

const CONTEXT = 'payments-stripe.apiKey'
const plaintext = 'sk_live_51HfZx-ünïcode-🔑'

describe('secretBox', () => {
  it('decrypts what it encrypted, and never stores the plaintext or the same text twice', () => {
    const keyring = createKeyring(randomBytes(32))
    const stored = encryptSecret(keyring, plaintext, CONTEXT)
    expect(stored).not.toContain('sk_live')
    expect(stored).toMatch(/^v1:[0-9a-f]{8}:[\w-]+:[\w-]+:[\w-]+$/)
    expect(encryptSecret(keyring, plaintext, CONTEXT)).not.toBe(stored)
    expect(decryptSecret(keyring, stored, CONTEXT)).toBe(plaintext)
    expect(decryptSecret(keyring, encryptSecret(keyring, '', CONTEXT), CONTEXT)).toBe('')
  })

  it('refuses a changed ciphertext, nonce or tag, and a value moved to another setting', () => {
    const keyring = createKeyring(randomBytes(32))
    const stored = encryptSecret(keyring, plaintext, CONTEXT)
    const parts = stored.split(':')
    for (const index of [2, 3, 4]) {
      const bytes = Buffer.from(parts[index]!, 'base64url')
      bytes[0]! ^= 1
      const tampered = parts.map((p, i) => (i === index ? bytes.toString('base64url') : p)).join(':')
      expect(() => decryptSecret(keyring, tampered, CONTEXT)).toThrow(SecretError)
      expect(() => decryptSecret(keyring, tampered, CONTEXT)).toThrow(/does not decrypt: it was altered/)
    }
    expect(() => decryptSecret(keyring, stored, 'payments-stripe.webhookSecret')).toThrow(/does not decrypt/)
    expect(() => decryptSecret(keyring, 'sk_live_plain', CONTEXT)).toThrow(/not in the v1 format/)
    // A tag cut to 4 bytes would be 2^32 guesses from a forgery: refused whatever it is.
    const shortTag = parts.map((p, i) => (i === 3 ? Buffer.from(p, 'base64url').subarray(0, 4).toString('base64url') : p)).join(':')
    expect(() => decryptSecret(keyring, shortTag, CONTEXT)).toThrow(/damaged/)
  })

  it('still reads values of an old key after the key changed, and says which ones to write again', () => {
    const oldKey = randomBytes(32)
    const before = createKeyring(oldKey)
    const stored = encryptSecret(before, plaintext, CONTEXT)
    const after = createKeyring(randomBytes(32), [oldKey])
    expect(storedKeyId(stored)).toBe(keyIdOf(oldKey))
    expect(decryptSecret(after, stored, CONTEXT)).toBe(plaintext)
    expect(needsReencryption(after, stored)).toBe(true)
    const rewritten = encryptSecret(after, decryptSecret(after, stored, CONTEXT), CONTEXT)
    expect(needsReencryption(after, rewritten)).toBe(false)
    expect(storedKeyId(rewritten)).toBe(after.current.id)
  })

  it('names the missing key when a value was encrypted with a key it does not have', () => {
    const lost = randomBytes(32)
    const stored = encryptSecret(createKeyring(lost), plaintext, CONTEXT)
    const keyring = createKeyring(randomBytes(32))
    const attempt = () => decryptSecret(keyring, stored, CONTEXT)
    expect(attempt).toThrow(SecretError)
    expect(attempt).toThrow(`encrypted with key ${keyIdOf(lost)}, which is neither DATA_ENCRYPTION_KEY nor one of DATA_ENCRYPTION_OLD_KEYS`)
  })

  it('takes only 32-byte keys', () => {
    expect(() => createKeyring(randomBytes(16))).toThrow(/32 bytes/)
  })
})
