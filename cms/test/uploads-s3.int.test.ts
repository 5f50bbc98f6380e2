/**
 * Uploads in S3 (S3_BUCKET): a record goes to the bucket, asked to be encrypted
 * by S3 on every write (the header signed, as S3 demands), is downloaded
 * through the platform's access-checked file route, and leaves the bucket when
 * the record is deleted. Against s3rver, an S3 server started by this file; the
 * platform's configuration is per process, so this is a file of its own.
 */
import type { IncomingMessage, Server } from 'node:http'
import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signIn, type Client } from './support/http.ts'
import { startWorld, type TestServer } from './support/testServer.ts'
import { PASSWORD, type World } from './support/world.ts'

type S3rverServer = { run: () => Promise<{ port: number }>; close: () => Promise<void>; httpServer: Server }
const BUCKET = 'telemed-records-test'

let s3: S3rverServer
let server: TestServer
let world: World
let patient: Client
let platformAdmin: Client
/** What s3rver was asked: method, object key, and the encryption header as sent and as signed. */
const seen: { method: string; key: string; sse?: string; signed: boolean }[] = []

beforeAll(async () => {
  // @ts-expect-error s3rver ships no types; the little used here is typed by S3rverServer.
  const { default: S3rver } = (await import('s3rver')) as unknown as { default: new (options: object) => S3rverServer }
  s3 = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory: mkdtempSync(join(tmpdir(), 's3rver-')),
    configureBuckets: [{ name: BUCKET }],
  })
  const { port } = await s3.run()
  s3.httpServer.on('request', (req: IncomingMessage) => {
    const url = new URL(req.url ?? '/', 'http://s3')
    seen.push({
      method: req.method ?? '',
      key: decodeURIComponent(url.pathname.replace(`/${BUCKET}/`, '')),
      sse: req.headers['x-amz-server-side-encryption'] as string | undefined,
      signed: /SignedHeaders=[^,]*x-amz-server-side-encryption/.test(String(req.headers.authorization ?? '')),
    })
  })
  ;({ server, world } = await startWorld({
    S3_BUCKET: BUCKET,
    S3_ENDPOINT: `http://127.0.0.1:${port}`,
    S3_FORCE_PATH_STYLE: 'true',
    S3_REGION: 'us-east-1',
    S3_ACCESS_KEY_ID: 'S3RVER',
    S3_SECRET_ACCESS_KEY: 'S3RVER',
  }))
  patient = await signIn(server.url, world.alpha.patient.email, PASSWORD)
  platformAdmin = await signIn(server.url, world.platformAdmin.email, PASSWORD)
})
afterAll(async () => {
  await server?.close()
  await s3?.close()
})

describe('a record in S3', () => {
  it('is stored encrypted by S3, served through the platform, and deleted with the record', async () => {
    const content = 'HbA1c 6.1 %, drawn at the clinic\n'
    const body = new FormData()
    body.append('_payload', JSON.stringify({ tenant: world.alpha.id, patient: world.alpha.patient.id, title: 'HbA1c', kind: 'lab-result' }))
    body.append('file', new Blob([content], { type: 'text/plain' }), 'hba1c.txt')
    const created = await patient.request('POST', '/api/records', body)
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    const { id, filename, url } = created.body.doc as { id: number; filename: string; url: string }
    const key = `records/${filename}`

    // Written to the bucket, with server-side encryption asked for and signed; nothing on the local disk.
    expect(seen.filter((r) => r.method === 'PUT' && r.key === key)).toEqual([{ method: 'PUT', key, sse: 'AES256', signed: true }])
    expect(existsSync(join(server.payload.collections.records!.config.upload.staticDir!, filename))).toBe(false)

    // Served by the platform after its access check; never a bucket address.
    const path = new URL(url, server.url).pathname
    expect(path).toBe(`/api/records/file/${filename}`)
    const download = await patient.request('GET', path)
    expect([download.status, download.body]).toEqual([200, content])
    const stranger = await signIn(server.url, world.alpha.otherPatient.email, PASSWORD)
    expect((await stranger.request('GET', path)).status).toBe(403)

    const deleted = await platformAdmin.request('DELETE', `/api/records/${id}`)
    expect(deleted.status, JSON.stringify(deleted.body)).toBe(200)
    expect(seen.some((r) => r.method === 'DELETE' && r.key === key)).toBe(true)
    expect((await platformAdmin.request('GET', path)).status).toBe(404)
  })
})
