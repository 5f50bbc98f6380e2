import type { S3ClientConfig } from '@aws-sdk/client-s3'
import { s3Storage } from '@payloadcms/storage-s3'
import type { Env } from '@telemed/config'
import type { Plugin } from 'payload'

type Extension = NonNullable<S3ClientConfig['extensions']>[number]
type Signer = {
  sign: (
    request: { method: string; query: Record<string, unknown>; headers: Record<string, string> },
    ...rest: unknown[]
  ) => Promise<unknown>
}

/**
 * Asks S3 to encrypt every object it stores (SSE-S3, `ServerSideEncryption:
 * AES256`): PutObject and the start of a multipart upload carry the header,
 * added before the request is signed (S3 refuses unsigned x-amz- headers).
 * Payload's S3 adapter has no option for it, and its client is its own: the
 * client's documented `extensions` are the way in.
 */
export const requestServerSideEncryption: Extension = {
  configure(config) {
    for (const scheme of config.httpAuthSchemes()) {
      const signer = scheme.signer as unknown as Signer
      const sign: Signer['sign'] = (request, ...rest) => {
        const query = request.query ?? {}
        const operation = query['x-id'] ?? (request.method === 'PUT' && !Object.keys(query).length ? 'PutObject' : undefined)
        const startsMultipart = request.method === 'POST' && 'uploads' in query
        if (operation === 'PutObject' || startsMultipart) request.headers['x-amz-server-side-encryption'] = 'AES256'
        return signer.sign(request, ...rest)
      }
      config.setHttpAuthScheme({ ...scheme, signer: Object.assign(Object.create(signer), { sign }) })
    }
  },
}

/** The S3 client settings of the platform's bucket (S3_* in config/src/env.ts). */
export function s3ClientConfig(env: Env): S3ClientConfig {
  return {
    endpoint: env.S3_ENDPOINT,
    region: env.S3_REGION,
    forcePathStyle: env.S3_FORCE_PATH_STYLE,
    credentials:
      env.S3_ACCESS_KEY_ID && env.S3_SECRET_ACCESS_KEY
        ? { accessKeyId: env.S3_ACCESS_KEY_ID, secretAccessKey: env.S3_SECRET_ACCESS_KEY }
        : undefined,
    extensions: [requestServerSideEncryption],
  }
}

/** Each collection's files under a folder of its own in the bucket: `<collection>/<filename>`. */
export const s3Key = (collection: string, filename: string) => `${collection}/${filename}`

/** Uploads in S3_BUCKET, private, served only through Payload's access-checked file route. */
export function s3UploadStorage(env: Env, collections: readonly string[]): Plugin {
  return s3Storage({
    bucket: env.S3_BUCKET!,
    acl: 'private',
    config: s3ClientConfig(env),
    collections: Object.fromEntries(collections.map((slug) => [slug, { prefix: slug }])),
  })
}

/** Writes one file to the bucket as the adapter does (a record's replacement file, written by the platform). */
export async function putS3File(env: Env, collection: string, filename: string, data: Buffer, mimeType: string): Promise<void> {
  const { S3 } = await import('@aws-sdk/client-s3')
  const client = new S3(s3ClientConfig(env))
  try {
    await client.putObject({ Bucket: env.S3_BUCKET!, Key: s3Key(collection, filename), Body: data, ContentType: mimeType, ACL: 'private' })
  } finally {
    client.destroy()
  }
}
