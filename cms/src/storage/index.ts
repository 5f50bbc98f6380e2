import { cloudStoragePlugin } from '@payloadcms/plugin-cloud-storage'
import { env } from '@telemed/config'
import type { CollectionConfig, Config, Field, Plugin } from 'payload'
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
  const local = cloudStoragePlugin({
    collections: Object.fromEntries(UPLOAD_COLLECTIONS.map((slug) => [slug, { adapter }])),
  })
  return async (config) => withPrefixColumn(await local(config))
}

/**
 * S3 keeps each collection's files under a prefix, stored with each document
 * (s3.ts). The local disk has no use for it, but keeps the column, empty, so
 * the schema (and the migrations) are the same with either storage.
 */
function withPrefixColumn(config: Config): Config {
  const prefix: Field = { name: 'prefix', type: 'text', admin: { hidden: true, readOnly: true } }
  const collections = config.collections?.map((collection) =>
    (UPLOAD_COLLECTIONS as readonly string[]).includes(collection.slug) && !collection.fields.some((f) => 'name' in f && f.name === 'prefix')
      ? { ...collection, fields: [...collection.fields, prefix] }
      : collection,
  )
  return { ...config, collections }
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
