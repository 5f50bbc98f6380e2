import { randomBytes } from 'node:crypto'
import path from 'node:path'
import { storeFile } from '../../../storage/index.ts'
import {
  APIError,
  type CollectionBeforeChangeHook,
  type CollectionConfig,
  type CollectionBeforeOperationHook,
  type PayloadRequest,
} from 'payload'
import { idOf } from '../../../access/roles.ts'
import { describeAuditedWrite } from '../../../hooks/audit.ts'

type Upload = NonNullable<PayloadRequest['file']>
const REPLACEMENT = 'telemed.recordFileReplacement'

/** The stored name's extension follows the content (checked by checkRecordFileContent), never the sender's name. */
const EXTENSIONS: Record<string, string> = { 'application/pdf': 'pdf', 'image/png': 'png', 'image/jpeg': 'jpg', 'text/plain': 'txt' }

/**
 * A record file's stored name: the sender's name, tidied, with a random part, so
 * no two files share a name, current or kept (Payload's own check looks at
 * current files only, and a bucket overwrites silently).
 */
export function recordFileName(sent: string, mimeType: string): string {
  const stem =
    path
      .parse(sent)
      .name.replace(/[^\w.-]+/g, '-')
      .replace(/^[.-]+/, '')
      .slice(0, 80) || 'record'
  return `${stem}-${randomBytes(4).toString('hex')}.${EXTENSIONS[mimeType] ?? 'bin'}`
}

/**
 * Payload, on an update that brings a file, deletes the record's current file
 * before the update's own checks have run, and the old file is lost for good.
 * A record's file is evidence: who uploaded what stays provable. So a new file
 * is taken out of Payload's update here (which then changes fields only), and
 * stored by `keepPreviousFile` once access and ownership are checked.
 */
export const takeOverFileReplacement: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation !== 'update') return args
  // Image edits (crop, focal point) would rewrite the stored file in place: a record stays as uploaded.
  if (req.query && typeof req.query === 'object') delete (req.query as Record<string, unknown>).uploadEdits
  if (!req.file) return args
  // The bulk update (PATCH /api/records?where=…) has no id.
  if ((args as { id?: unknown }).id === undefined || (args as { id?: unknown }).id === null) {
    throw new APIError("Replace a record's file one record at a time: PATCH /api/records/<id> with the new file.", 400, null, true)
  }
  req.context[REPLACEMENT] = req.file
  req.file = undefined
  return args
}

/** Stores the file (encrypted on disk, or in the bucket) under a new name that no other file has. */
async function storeNewFile(collection: CollectionConfig, file: Upload): Promise<string> {
  for (;;) {
    const filename = recordFileName(file.name, file.mimetype)
    try {
      await storeFile(collection, { filename, data: file.data, mimeType: file.mimetype })
      return filename
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
    }
  }
}

/**
 * A record's history of files (`previousFiles`) is written only here, never taken
 * from a request. When the update brought a new file: the new file is stored
 * beside the old one, the old one is listed with who uploaded and who replaced it,
 * the replacer becomes the uploader, and the audit entry says a file was replaced.
 */
export const keepPreviousFile: CollectionBeforeChangeHook = async ({ collection, data, operation, originalDoc, req }) => {
  if (operation === 'create') return { ...data, previousFiles: [] }
  data.previousFiles = originalDoc?.previousFiles ?? []
  const file = req.context[REPLACEMENT] as Upload | undefined
  if (!file || !originalDoc) return data
  delete req.context[REPLACEMENT]
  const filename = await storeNewFile(collection, file)
  data.previousFiles = [
    ...data.previousFiles,
    {
      filename: originalDoc.filename,
      mimeType: originalDoc.mimeType,
      filesize: originalDoc.filesize,
      uploadedBy: idOf(originalDoc.uploadedBy),
      replacedAt: new Date().toISOString(),
      replacedBy: req.user?.id ?? null,
    },
  ]
  Object.assign(data, { filename, mimeType: file.mimetype, filesize: file.size, width: null, height: null })
  data.uploadedBy = req.user?.id ?? null
  describeAuditedWrite(req, collection.slug, originalDoc.id, {
    action: 'replace-file',
    note: `Replaced the file "${originalDoc.filename}" with "${filename}"; the previous file is kept.`,
  })
  return data
}
