import { describe, expect, it } from 'vitest'
import { isDocumentId } from './documentId.ts'

describe('isDocumentId', () => {
  it('takes the ids the databases store', () => {
    for (const id of ['1', '42', '2147483647', '65f0c1a2b3c4d5e6f7a8b9c0']) expect(isDocumentId(id)).toBe(true)
  })
  it('refuses the rest, out of range included', () => {
    for (const id of ['', 'abc', '-1', '1.5', '2147483648', '99999999999999999999', '1 OR 1=1', '../x'])
      expect(isDocumentId(id)).toBe(false)
  })
})
