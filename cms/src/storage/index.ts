import { cloudStoragePlugin } from '@payloadcms/plugin-cloud-storage'
import { env } from '@telemed/config'
import type { CollectionConfig, Plugin } from 'payload'
import { platformKeyring } from '../plugins/settings/keyring.ts'
import { localEncryptedAdapter, writeSealed } from './localEncrypted.ts'
import { putS3File, s3UploadStorage } from './s3.ts'

/** Every upload collection: records (health data) and media (clinic images). Their files go through the storage below. */
export const UPLOAD_COLLECTIONS = ['records', 'media'] as const

/**
 * Where uploaded files are kept: in S3_BUCKET when it is set (S3 encrypts them,
 * asked on every write), else on the local disk, encrypted by the platform
 * (localEncrypted.ts). Either way Payload serves them only through its file
 * route, after the collection's access check, and image sizes go the same way.
 */
export function uploadStorage(): Plugin {
  const settings = env()
  if (settings.S3_BUCKET) return s3UploadStorage(settings, UPLOAD_COLLECTIONS)
  const adapter = localEncryptedAdapter(platformKeyring)
  return cloudStoragePlugin({
    // The same prefix as in S3 (s3.ts), which the local disk does not use: the columns are then the
    // same with either storage, and one set of migrations serves both.
    collections: Object.fromEntries(UPLOAD_COLLECTIONS.map((slug) => [slug, { adapter, prefix: slug }])),
  })
}

/**
 * Stores a file the platform writes itself, outside Payload's upload flow (a
 * record's replacement file, see Records/hooks/replaceFile.ts), where the
 * collection's other files are.
 */
export async function storeFile(collection: CollectionConfig, file: { filename: string; data: Buffer; mimeType: string }): Promise<void> {
  const settings = env()
  if (settings.S3_BUCKET) return putS3File(settings, collection.slug, file.filename, file.data, file.mimeType)
  return writeSealed(platformKeyring(), collection, file.filename, file.data)
}
