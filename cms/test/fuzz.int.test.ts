/**
 * Hostile input answers 4xx, never 5xx. A seeded fuzzer sends well over a
 * thousand hostile requests, as every role (and as forged credentials), to every
 * collection of the Payload config and to every endpoint the config declares
 * (Payload's own and ours), read from the config so a new one is covered the day
 * it is added. Expected: nothing answers 500 or more, every refusal from the API
 * is `{ errors: [{ message }] }`, nothing is written (no collection changes size;
 * the audit log, which records every write, gains only entries for reads), and the
 * server keeps serving.
 *
 * The suite runs one fixed seed, so a run of CI never fails by chance on a case
 * nobody has seen; hunt for new ones with FUZZ_SEED=random (and FUZZ_REQUESTS for
 * more), and keep each case found in bad-input.int.test.ts. The seed is printed and
 * named in every failure; replay a run with
 * FUZZ_SEED=<seed> npx vitest run cms/test/fuzz.int.test.ts.
 */
import { request as httpRequest } from 'node:http'
import type { CollectionSlug } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { client, signIn, type Client } from './support/http.ts'
import {
  fillPath,
  forgedCredentials,
  HOSTILE_IDS,
  hostileBody,
  hostileQuery,
  pick,
  refusedWhere,
  seeded,
  type HostileRequest,
  type Rng,
  type Target,
} from './support/hostile.ts'
import { startWorld, type TestServer } from './support/testServer.ts'
import { PASSWORD, type World } from './support/world.ts'

const DEFAULT_SEED = 1670487886
// Knobs of this test, not of the platform: read from process.env (listed in config/src/env.ts, OTHER_VARIABLES).
const SEED =
  process.env.FUZZ_SEED === 'random'
    ? Math.floor(Math.random() * 2 ** 32)
    : process.env.FUZZ_SEED
      ? Number(process.env.FUZZ_SEED)
      : DEFAULT_SEED
/** FUZZ_REQUESTS=20000 for a longer hunt; the suite's run stays well under a minute. */
const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 1200)
const CONCURRENCY = 8
const ROLES = ['anonymous', 'patient', 'doctor', 'clinic-admin', 'platform-admin', 'forged'] as const
type Role = (typeof ROLES)[number]

let server: TestServer
let world: World
const tokens = {} as Record<Role, string | undefined>
let targets: Target[] = []
const validIds: Record<string, string[]> = {}

beforeAll(async () => {
  ;({ server, world } = await startWorld())
  const signedIn: [Role, string][] = [
    ['patient', world.alpha.patient.email],
    ['doctor', world.alpha.doctorUser.email],
    ['clinic-admin', world.alpha.admin.email],
    ['platform-admin', world.platformAdmin.email],
  ]
  for (const [role, email] of signedIn) tokens[role] = (await signIn(server.url, email, PASSWORD)).token
  tokens.forged = tokens.patient

  // Every collection and every endpoint, from the config itself.
  const config = server.payload.config
  for (const collection of config.collections) {
    const fields = collection.flattenedFields.filter((f) => 'name' in f).map((f) => f.name)
    const relations = collection.flattenedFields.flatMap((f) => (f.type === 'relationship' || f.type === 'upload' ? [f.name] : []))
    const endpoints = collection.endpoints || []
    // A collection without endpoints still has an address, which must answer too.
    for (const endpoint of endpoints.length ? endpoints : [{ method: 'get', path: '/' }]) {
      targets.push({ collection: collection.slug, endpoint: { method: endpoint.method, path: endpoint.path }, fields, relations })
    }
    const { docs } = await server.payload.find({ collection: collection.slug as CollectionSlug, limit: 3, depth: 0, overrideAccess: true })
    validIds[collection.slug] = docs.map((d) => String(d.id))
  }
  for (const endpoint of config.endpoints || [])
    targets.push({ endpoint: { method: endpoint.method, path: endpoint.path }, fields: [], relations: [] })
})
afterAll(() => server?.close())

const isWrite = (t: Target) => t.endpoint.method !== 'get'
const hasId = (t: Target) => /\/:id\b/.test(t.endpoint.path)
const base = (t: Target) => (t.collection ? `/api/${t.collection}` : '/api')

function credentials(rng: Rng, role: Role): Record<string, string> {
  if (role === 'anonymous') return {}
  if (role === 'forged') return forgedCredentials(rng, tokens.forged!)
  return { Authorization: `JWT ${tokens[role]}` }
}

/** One hostile request; each kind is built so that it must change nothing. */
function generate(rng: Rng): HostileRequest {
  let role = pick(rng, ROLES)
  const r = rng()
  const headers: Record<string, string> = {}
  if (rng() < 0.1)
    Object.assign(
      headers,
      pick(rng, [
        { 'X-Request-Id': '../../etc' },
        { Accept: 'application/xml' },
        { 'Accept-Language': 'xx-!!' },
        { Origin: 'http://evil.example' },
      ]),
    )

  if (r < 0.3) {
    // An id no database holds, on any route that takes one, with any body: the id alone must stop it.
    const target = pick(rng, targets.filter(hasId))
    const body = isWrite(target) && rng() < 0.7 ? hostileOrObject(rng) : undefined
    const query = rng() < 0.3 ? `?${hostileQuery(rng, target)}` : ''
    return finish(
      rng,
      role,
      'bad id',
      target.endpoint.method,
      `${base(target)}${fillPath(rng, target.endpoint.path, pick(rng, HOSTILE_IDS))}${query}`,
      headers,
      body,
    )
  }
  if (r < 0.4) {
    // A well-formed id that does not exist: a 404 before anything happens.
    const target = pick(rng, targets.filter(hasId))
    const id = String(2_000_000_000 + Math.floor(rng() * 100_000_000))
    const body = isWrite(target) ? hostileOrObject(rng) : undefined
    return finish(
      rng,
      role,
      'missing id',
      target.endpoint.method,
      `${base(target)}${fillPath(rng, target.endpoint.path, id)}`,
      headers,
      body,
    )
  }
  if (r < 0.7) {
    // Reads, of real documents too, with query values of every shape; sometimes as the POST that stands for a GET.
    const target = pick(
      rng,
      targets.filter((t) => !isWrite(t)),
    )
    const ids = target.collection ? validIds[target.collection]! : []
    const id = ids.length && rng() < 0.7 ? pick(rng, ids) : pick(rng, HOSTILE_IDS)
    const path = `${base(target)}${fillPath(rng, target.endpoint.path, id)}`
    const query = hostileQuery(rng, target)
    if (rng() < 0.15) {
      headers['X-Payload-HTTP-Method-Override'] = 'GET'
      return finish(rng, role, 'override read', 'POST', path, headers, { body: query, type: 'application/x-www-form-urlencoded' })
    }
    return finish(rng, role, 'read', 'GET', `${path}?${query}`, headers)
  }
  // Writes without an id in the path: the body (or, for bulk writes, the where) must be refused.
  const target = pick(
    rng,
    targets.filter((t) => isWrite(t) && !hasId(t)),
  )
  // A signed-in user may store any preference under any key (the admin panel's settings): only anonymous there.
  if (/:key/.test(target.endpoint.path)) role = 'anonymous'
  const bulk = target.endpoint.path === '/' && target.endpoint.method !== 'post'
  const query = bulk ? hostileQuery(rng, target, refusedWhere(rng)) : rng() < 0.3 ? hostileQuery(rng, target) : ''
  const body = target.endpoint.method === 'delete' ? undefined : rng() < 0.02 ? oversized() : hostileBody(rng)
  const path = `${base(target)}${fillPath(rng, target.endpoint.path, pick(rng, HOSTILE_IDS))}`
  return finish(rng, role, bulk ? 'bulk write' : 'write', target.endpoint.method, `${path}${query ? `?${query}` : ''}`, headers, body)
}

const hostileOrObject = (rng: Rng) =>
  rng() < 0.5
    ? hostileBody(rng)
    : {
        body: JSON.stringify({ name: 'Fuzz', title: 'x', status: 'confirmed', start: '2030-01-01T00:00:00Z', reason: 'x' }),
        type: 'application/json',
      }
const oversized = () => ({ body: JSON.stringify({ name: 'x'.repeat(1_200_000) }), type: 'application/json' })

function finish(
  rng: Rng,
  role: Role,
  kind: string,
  method: string,
  url: string,
  headers: Record<string, string>,
  body?: { body: string; type: string },
): HostileRequest {
  return {
    kind: `${kind} as ${role}`,
    method: method.toUpperCase(),
    url,
    headers: { ...headers, ...credentials(rng, role), ...(body ? { 'Content-Type': body.type } : {}) },
    body: body?.body,
  }
}

type Outcome = { request: HostileRequest; status: number; text: string }

async function send(request: HostileRequest): Promise<Outcome> {
  try {
    const res = await fetch(`${server.url}${request.url}`, { method: request.method, headers: request.headers, body: request.body })
    return { request, status: res.status, text: await res.text() }
  } catch (error) {
    // fetch itself refuses a few shapes (a forbidden header value): not the server's doing.
    if (error instanceof TypeError && !String(error.cause ?? '').includes('ECONN')) return { request, status: -1, text: String(error) }
    return { request, status: 0, text: `${String(error)} ${String((error as Error).cause ?? '')}` }
  }
}

/** Requests fetch cannot make: a broken Host header, an absolute URL, unusual methods, odd paths. */
function sendRaw(method: string, path: string, headers: Record<string, string>, body?: string): Promise<Outcome> {
  const { hostname, port } = new URL(server.url)
  const request: HostileRequest = { kind: 'raw', method, url: path, headers, body }
  return new Promise((done) => {
    const req = httpRequest({ hostname, port, method, path, headers, setHost: !('Host' in headers) }, (res) => {
      let text = ''
      res.on('data', (chunk) => (text += chunk))
      res.on('end', () => done({ request, status: res.statusCode ?? 0, text }))
    })
    req.on('error', (error) => done({ request, status: 0, text: String(error) }))
    req.end(body)
  })
}

const json = { 'Content-Type': 'application/json' }
/** Dot segments are sent raw: fetch, like a browser, resolves them before sending. */
const RAW: [string, string, Record<string, string>, string?][] = [
  ['POST', '/api/users/x/%2e%2e/login', json, '{"email":"a@b.c","password":"x"}'],
  ['POST', '/api/tenants/1/..', json, '{"name":"x"}'],
  ['POST', '/api/payload-preferences/versions/%2E%2e', json, '{"value":1}'],
  ['DELETE', '/api/tenants/./1', {}],
  ['PATCH', '/api/tenants\\1', json, '{}'],
  ['GET', '/api/tenants', { Host: '[::1' }],
  ['GET', '/api/tenants', { Host: 'a b' }],
  ['GET', '/api/tenants', { Host: '' }],
  ['GET', '/api/tenants', { Host: 'evil.example:99999' }],
  ['GET', 'http://evil.example/api/tenants', {}],
  ['PUT', '/api/tenants/1', {}],
  ['PROPFIND', '/api/tenants', {}],
  ['TRACE', '/api/users/me', {}],
  ['OPTIONS', '/api/tenants', {}],
  ['HEAD', '/api/tenants/1', {}],
  ['GET', '/api//tenants', {}],
  ['GET', '/api/tenants/../users', {}],
  ['GET', '/api/tenants/%2e%2e/users', {}],
  ['GET', '/api/%00', {}],
  ['GET', '/api/tenants/1/', {}],
  ['DELETE', '/api/tenants?', {}],
  ['GET', `/api/tenants?${'where[or][0][name][equals]=x&'.repeat(300)}`, {}],
  ['GET', `/api/tenants?where${'[a]'.repeat(50)}=1`, {}],
]

async function countAll() {
  const counts: Record<string, number> = {}
  for (const { slug } of server.payload.config.collections) {
    counts[slug] = (await server.payload.count({ collection: slug as CollectionSlug, overrideAccess: true })).totalDocs
  }
  return counts
}

const describeOutcome = (o: Outcome) =>
  `${o.status} ${o.request.method} ${o.request.url.slice(0, 200)} [${o.request.kind}; ${o.request.headers['Content-Type'] ?? 'no body'}: ${(o.request.body ?? '').slice(0, 80)}] → ${o.text.slice(0, 200)}`

describe('fuzz', () => {
  it('answers every hostile request with a 4xx, changes nothing, and keeps serving', async () => {
    console.info(`fuzz seed ${SEED}: replay with FUZZ_SEED=${SEED} npx vitest run cms/test/fuzz.int.test.ts`)
    const rng = seeded(SEED)
    const requests = Array.from({ length: REQUESTS }, () => generate(rng))
    const countsBefore = await countAll()
    const lastAudit =
      (await server.payload.find({ collection: 'audit-log', sort: '-id', limit: 1, depth: 0, overrideAccess: true })).docs[0]?.id ?? 0
    const started = Date.now()

    const outcomes: Outcome[] = []
    let next = 0
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < requests.length) outcomes.push(await send(requests[next++]!))
      }),
    )
    for (const [method, path, headers, body] of RAW) outcomes.push(await sendRaw(method, path, headers, body))
    console.info(`fuzz: ${outcomes.length} requests in ${Date.now() - started} ms`)

    const sent = outcomes.filter((o) => o.status !== -1)
    expect(sent.length).toBeGreaterThanOrEqual(1000)
    const failed = sent.filter((o) => o.status >= 500 || o.status === 0)
    expect(failed.map(describeOutcome), `seed ${SEED}`).toEqual([])
    // What the API refuses, it refuses in its one shape, with a sentence (Node's own 4xx for a broken request line aside).
    const unexplained = sent.filter((o) => o.request.kind !== 'raw' && o.status >= 400 && !hasMessage(o.text))
    expect(unexplained.map(describeOutcome), `seed ${SEED}`).toEqual([])
    const succeeded = sent.filter((o) => o.status < 400 && !isRead(o.request))
    expect(succeeded.map(describeOutcome), `seed ${SEED}: a hostile write was accepted`).toEqual([])

    // Nothing was written: no collection changed size, and the audit log (which records every write) only gained reads.
    const countsAfter = await countAll()
    const { ['audit-log']: auditBefore, ...restBefore } = countsBefore
    const { ['audit-log']: auditAfter, ...restAfter } = countsAfter
    expect(restAfter, `seed ${SEED}`).toEqual(restBefore)
    expect(auditAfter).toBeGreaterThanOrEqual(auditBefore!)
    const entries = await server.payload.find({
      collection: 'audit-log',
      where: { id: { greater_than: lastAudit } },
      pagination: false,
      depth: 0,
      overrideAccess: true,
    })
    const writes = entries.docs.filter((e) => e.action !== 'read' && e.action !== 'download')
    expect(
      writes.map((e) => `${e.action} ${e.resource} ${e.documentIds}`),
      `seed ${SEED}`,
    ).toEqual([])

    // Still serving.
    const patient = client(server.url, tokens.patient)
    expect((await patient.request('GET', '/api/appointments?depth=0')).status).toBe(200)
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200)
  })
})

/** Requests that only read: GET and its kin, the POST that stands for a GET, and Payload's access checks (a POST). */
const isRead = (r: HostileRequest) =>
  ['GET', 'HEAD', 'OPTIONS'].includes(r.method) || r.kind.startsWith('override read') || /^\/api(\/[\w-]+)?\/access(\/|\?|$)/.test(r.url)

function hasMessage(text: string): boolean {
  try {
    const body = JSON.parse(text) as { errors?: { message?: unknown }[] }
    return typeof body.errors?.[0]?.message === 'string' && body.errors[0].message.length > 0
  } catch {
    return false
  }
}
