import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { createKeyring, keyIdOf } from '../plugins/settings/secretBox.ts'
import { FileKeyError, HEADER_BYTES, isSealed, openFile, rewrappedHeader, sealedKeyId, sealFile } from './fileCipher.ts'

const oldKey = randomBytes(32)
const newKey = randomBytes(32)
const content = Buffer.from('Creatinine 1.9 mg/dL\n')

describe('a sealed file', () => {
  it('opens to its content at its own place only, and shows none of it', () => {
    const sealed = sealFile(createKeyring(oldKey), content, 'records/labs-1a2b.txt')
    expect(isSealed(sealed)).toBe(true)
    expect(sealed.includes(Buffer.from('Creatinine'))).toBe(false)
    expect(sealedKeyId(sealed)).toBe(keyIdOf(oldKey))
    expect(openFile(createKeyring(oldKey), sealed, 'records/labs-1a2b.txt')).toEqual(content)
    expect(() => openFile(createKeyring(oldKey), sealed, 'records/other-9f8e.txt')).toThrow(FileKeyError)
  })

  it('refuses altered content, and names the key it needs when that key is not configured', () => {
    const sealed = sealFile(createKeyring(oldKey), content, 'records/a.txt')
    const altered = Buffer.from(sealed)
    altered[altered.length - 1]! ^= 1
    expect(() => openFile(createKeyring(oldKey), altered, 'records/a.txt')).toThrow(/altered/)
    expect(() => openFile(createKeyring(newKey), sealed, 'records/a.txt')).toThrow(new RegExp(`key ${keyIdOf(oldKey)}`))
  })

  it('is moved to a new key by re-wrapping its key: the encrypted content stays byte for byte', () => {
    const sealed = sealFile(createKeyring(oldKey), content, 'media/logo.png')
    const keyring = createKeyring(newKey, [oldKey])
    const moved = Buffer.concat([rewrappedHeader(keyring, sealed, 'media/logo.png'), sealed.subarray(HEADER_BYTES)])
    expect(sealedKeyId(moved)).toBe(keyIdOf(newKey))
    expect(moved.subarray(HEADER_BYTES - 28)).toEqual(sealed.subarray(HEADER_BYTES - 28))
    expect(openFile(createKeyring(newKey), moved, 'media/logo.png')).toEqual(content)
  })
})
