import type { CollectionConfig, PayloadRequest, TypeWithID } from 'payload'
import { idOf } from '../../../access/roles.ts'
import { writeAuditEntry } from '../../../hooks/audit.ts'
import { lookup } from '../../../database/index.ts'

type FileHandler = NonNullable<Extract<CollectionConfig['upload'], object>['handlers']>[number]

const notFound = (message: string) => Response.json({ errors: [{ message }] }, { status: 404 })

/**
 * Runs for `GET /api/records/file/<name>` after Payload's access check, before it
 * streams the file (Payload serves files from disk without any collection hook, so
 * downloads were not audited). Writes the audit entry of the download, or answers
 * 404 for a file that no record has. Returns nothing otherwise: the upload storage
 * (src/storage/) then serves the file, ranges included, or answers 404 for a file
 * gone from storage.
 */
async function auditAndCheck(req: PayloadRequest, { doc, params }: { doc?: TypeWithID; params: { filename: string } }) {
  const { filename } = params
  // A platform admin's access needs no query, so Payload hands over no record: find it by its file, or a kept previous file.
  const record =
    (doc as (TypeWithID & { tenant?: unknown }) | undefined) ??
    (
      await lookup.all(
        req,
        'records',
        { or: [{ filename: { equals: filename } }, { 'previousFiles.filename': { equals: filename } }] },
        { tenant: true, filename: true },
      )
    )[0]
  if (!record) return notFound(`There is no record file named "${filename}". Open the record again to get the link to its file.`)

  const current = (record as { filename?: string }).filename === filename
  await writeAuditEntry(req, {
    action: 'download',
    collection: 'records',
    documentIds: [String(record.id)],
    tenant: idOf(record.tenant),
    note: current ? undefined : `A previous file of the record: "${filename}".`,
  })
}

// Payload's type says a handler returns a Response or nothing, not "maybe": at run time it takes either.
export const auditDownload = auditAndCheck as FileHandler
