import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { open, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { Payload } from 'payload'
import type { Keyring } from '../plugins/settings/secretBox.ts'
import { fileContext, FileKeyError, HEADER_BYTES, isSealed, rewrappedHeader, sealedKeyId, sealFile } from './fileCipher.ts'
import { UPLOAD_COLLECTIONS } from './index.ts'

export type FileRotationReport = {
  /** Files whose key was wrapped again under the current key (their content untouched). */
  rewrapped: number
  /** Files kept in clear before encryption was turned on, now encrypted. */
  encrypted: number
  /** Files no configured key reads: where, and why. */
  unreadable: { file: string; reason: string }[]
}

/** Replaces `file` by `data` in one step: written beside it, flushed, then renamed over it. */
async function replaceFile(file: string, data: Buffer): Promise<void> {
  const temp = `${file}.${randomBytes(4).toString('hex')}.tmp`
  try {
    await writeFile(temp, data, { flag: 'wx', mode: 0o600 })
    const handle = await open(temp, 'r')
    await handle.sync().finally(() => handle.close())
    await rename(temp, file)
  } finally {
    await rm(temp, { force: true })
  }
}

/**
 * `npm run secrets:rotate`, for uploads on the local disk: every file whose key
 * is wrapped by an old key gets it wrapped by DATA_ENCRYPTION_KEY (the header
 * changes, the encrypted content is copied as it is), and files stored before
 * encryption was on are encrypted. Files in S3 are the bucket's to encrypt.
 */
export async function rotateUploadedFiles(payload: Payload, keyring: Keyring): Promise<FileRotationReport> {
  const report: FileRotationReport = { rewrapped: 0, encrypted: 0, unreadable: [] }
  for (const slug of UPLOAD_COLLECTIONS) {
    const upload = payload.collections[slug]?.config.upload as { staticDir?: string; adapter?: string } | undefined
    if (!upload?.staticDir || upload.adapter !== 'local-encrypted' || !existsSync(upload.staticDir)) continue
    for (const entry of await readdir(upload.staticDir, { withFileTypes: true })) {
      if (!entry.isFile() || entry.name.endsWith('.tmp')) continue
      const file = path.join(upload.staticDir, entry.name)
      const context = fileContext(slug, entry.name)
      const data = await readFile(file)
      try {
        if (!isSealed(data)) {
          await replaceFile(file, sealFile(keyring, data, context))
          report.encrypted++
        } else if (sealedKeyId(data) !== keyring.current.id) {
          await replaceFile(file, Buffer.concat([rewrappedHeader(keyring, data, context), data.subarray(HEADER_BYTES)]))
          report.rewrapped++
        }
      } catch (error) {
        if (!(error instanceof FileKeyError)) throw error
        report.unreadable.push({ file: path.join(slug, entry.name), reason: error.message })
      }
    }
  }
  return report
}
