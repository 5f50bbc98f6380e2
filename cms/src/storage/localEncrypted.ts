import type { Adapter } from '@payloadcms/plugin-cloud-storage/types'
import { fileTypeFromBuffer } from 'file-type'
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { CollectionConfig, PayloadRequest } from 'payload'
import { getRangeRequestInfo, isXmlMimeType, UPLOAD_CONTENT_SECURITY_POLICY } from 'payload/internal'
import type { Keyring } from '../plugins/settings/secretBox.ts'
import { fileContext, isSealed, openFile, sealFile } from './fileCipher.ts'

/** Types file-type cannot tell from the bytes, by extension. */
const BY_EXTENSION: Record<string, string> = { '.txt': 'text/plain' }

/** 404 in Payload's words: a document's file gone from the disk, or a name no document has. */
const missing = (owned: boolean, filename: string) =>
  Response.json(
    {
      errors: [
        {
          message: owned
            ? 'This file is missing from storage. Ask for it to be uploaded again.'
            : `There is no file named "${filename.slice(0, 100)}".`,
        },
      ],
    },
    { status: 404 },
  )

/** The file's place in the collection's folder; a name that would leave the folder is refused. */
function pathIn(collection: CollectionConfig, filename: string): string {
  const dir = path.resolve((collection.upload as { staticDir: string }).staticDir)
  const file = path.resolve(dir, filename)
  if (!file.startsWith(dir + path.sep)) throw new Error('Invalid filename.')
  return file
}

/** Writes a file, encrypted, under a name nothing has yet (never overwrites: a record's file is evidence). */
export async function writeSealed(keyring: Keyring, collection: CollectionConfig, filename: string, plain: Buffer): Promise<void> {
  const file = pathIn(collection, filename)
  await mkdir(path.dirname(file), { recursive: true })
  await writeFile(file, sealFile(keyring, plain, fileContext(collection.slug, filename)), { flag: 'wx', mode: 0o600 })
}

/** The content of a stored file; a file stored before encryption was turned on is read as it is. */
export async function readStored(keyring: Keyring, collection: CollectionConfig, filename: string): Promise<Buffer> {
  const data = await readFile(pathIn(collection, filename))
  return isSealed(data) ? openFile(keyring, data, fileContext(collection.slug, filename)) : data
}

/**
 * Uploads on the local disk (each collection's `staticDir` under DATA_DIR),
 * encrypted (fileCipher.ts), served decrypted by Payload's file route after its
 * access check: the same shape as the S3 adapter. `keyring` is read at each use
 * so the adapter can be built before the environment is.
 */
export const localEncryptedAdapter =
  (keyring: () => Keyring): Adapter =>
  ({ collection }) => ({
    name: 'local-encrypted',
    handleUpload: async ({ file }) => {
      const plain = file.buffer?.length || !file.tempFilePath ? file.buffer : await readFile(file.tempFilePath)
      await writeSealed(keyring(), collection, file.filename, plain)
    },
    handleDelete: async ({ filename }) => {
      await rm(pathIn(collection, filename), { force: true })
    },
    staticHandler: async (req: PayloadRequest, { doc, headers: incoming, params: { filename } }) => {
      let plain: Buffer
      try {
        plain = await readStored(keyring(), collection, filename)
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code
        if (!['ENOENT', 'ENOTDIR', 'ENAMETOOLONG', 'EISDIR'].includes(code ?? '')) throw error
        if (doc) req.payload.logger.error({ collection: collection.slug, filename }, 'a stored file is missing from the disk')
        return missing(Boolean(doc), filename)
      }
      const own = doc && (doc as { filename?: string }).filename === filename ? (doc as { mimeType?: string }).mimeType : undefined
      const type =
        (await fileTypeFromBuffer(plain))?.mime ?? own ?? BY_EXTENSION[path.extname(filename).toLowerCase()] ?? 'application/octet-stream'
      const range = getRangeRequestInfo({ fileSize: plain.length, rangeHeader: req.headers.get('range') })
      if (range.type === 'invalid') return new Response(null, { headers: new Headers(range.headers), status: range.status })
      let headers = new Headers(incoming)
      for (const [name, value] of Object.entries(range.headers)) headers.set(name, value)
      headers.set('Content-Type', type)
      headers.set('Accept-Ranges', 'bytes')
      if (isXmlMimeType(type)) headers.set('Content-Security-Policy', UPLOAD_CONTENT_SECURITY_POLICY)
      const upload = collection.upload as { modifyResponseHeaders?: (a: { headers: Headers }) => Headers | void }
      headers = upload.modifyResponseHeaders?.({ headers }) || headers
      const body = range.type === 'partial' ? plain.subarray(range.rangeStart, range.rangeEnd + 1) : plain
      headers.set('Content-Length', String(body.length))
      return new Response(new Uint8Array(body), { headers, status: range.status })
    },
  })
