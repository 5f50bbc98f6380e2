/**
 * Hostile requests for the fuzz test (fuzz.int.test.ts): ids of every shape,
 * bodies of every JSON type and none, wrong content types, broken forms, and
 * query values that do not fit. Every request is built so that it must change
 * nothing: a write names an id that cannot exist, or carries a body or a query
 * that must be refused before anything happens. Reads may name real documents.
 */
import * as qs from 'qs-esm'

export type Rng = () => number

/** mulberry32: a small seeded generator, so a failing run replays with its seed. */
export function seeded(seed: number): Rng {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!
const chance = (rng: Rng, p: number) => rng() < p

export type Endpoint = { method: string; path: string }
export type Target = { collection?: string; endpoint: Endpoint; fields: string[]; relations: string[] }
export type HostileRequest = {
  kind: string
  method: string
  /** Path and query, already encoded as sent. */
  url: string
  headers: Record<string, string>
  body?: string
}

/** Ids no database holds: other types, other ranges, encodings, injections. */
export const HOSTILE_IDS = [
  'abc',
  '-1',
  '0',
  '1.5',
  '1e3',
  '0x10',
  '99999999999999999999',
  '2147483648',
  '9007199254740993',
  '%201',
  '1%20',
  '%00',
  'null',
  'undefined',
  'NaN',
  'Infinity',
  '%5Bobject%20Object%5D',
  '%F0%9F%92%A9',
  '%EF%BC%91%EF%BC%92',
  "1'%20OR%20'1'='1",
  '1;DROP%20TABLE%20users',
  '%3Cscript%3E',
  'a'.repeat(3000),
  '1%2F2',
  '__proto__',
  'constructor',
  '%24where',
  '%7B%7D',
  '%5B%5D',
  'true',
  '%E0%A4%A',
]

/** Values for where, depth, sort and the endpoints' own parameters. */
const HOSTILE_VALUES = [
  'abc',
  '',
  '-1',
  '0',
  '1.5',
  '1e309',
  '-1e309',
  '99999999999999999999',
  '2147483648',
  'null',
  'true',
  'false',
  '%',
  '_',
  "'",
  '\\',
  '"',
  'NaN',
  '2026-13-45',
  '0000-01-01',
  '-271821-04-20T00:00:00Z',
  '275760-09-13T00:00:00Z',
  '9999-12-31T23:59:59Z',
  '2026-01-01',
  '\u0000',
  '\ud800',
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
  'x'.repeat(2000),
  '1,2,abc',
  ',,,',
  '$ne',
  '[object Object]',
  'true,false',
]

const OPERATORS = [
  'equals',
  'not_equals',
  'in',
  'not_in',
  'all',
  'exists',
  'greater_than',
  'greater_than_equal',
  'less_than',
  'less_than_equal',
  'like',
  'not_like',
  'contains',
  'near',
  'within',
  'intersects',
]
const JUNK_OPERATORS = ['$ne', 'regex', '__proto__', 'EQUALS', '', 'eq', 'constructor', 'toString']

/** A where value of any shape: a scalar, a list, an object, nested deeper than anything expects. */
function whereValue(rng: Rng): unknown {
  const r = rng()
  if (r < 0.6) return pick(rng, HOSTILE_VALUES)
  if (r < 0.75) return [pick(rng, HOSTILE_VALUES), pick(rng, HOSTILE_VALUES)]
  if (r < 0.9) return { [pick(rng, ['foo', 'equals', 'and', '0', 'id'])]: pick(rng, HOSTILE_VALUES) }
  return { a: { b: { c: { d: [pick(rng, HOSTILE_VALUES)] } } } }
}

function wherePath(rng: Rng, target: Target): string {
  const r = rng()
  if (r < 0.5 && target.fields.length) return pick(rng, target.fields)
  if (r < 0.65) return 'id'
  if (r < 0.75 && target.relations.length)
    return `${pick(rng, target.relations)}.${pick(rng, ['id', 'name', 'email', 'slug', 'user', 'tenant', 'start', 'nope'])}`
  // Inside a field: a group's, an array's, a JSON value's, a relationship to several collections.
  if (r < 0.85 && target.fields.length)
    return `${pick(rng, target.fields)}.${pick(rng, ['a', '0', 'a.b', 'root', 'value', 'relationTo', 'x y'])}`
  return pick(rng, ['nope', 'hash', 'salt', 'a.b.c', '__proto__', 'tenant__name', 'or', 'AND', 'id.id', ''])
}

/** A where that may be well formed or not: for reads, where any answer but a 5xx is fine. */
function anyWhere(rng: Rng, target: Target): unknown {
  const r = rng()
  if (r < 0.1)
    return pick(rng, ['abc', '{"id":{"equals":', '5', '[]', 'null', '{"and":1}', `${'{"and":['.repeat(200)}{}${']}'.repeat(200)}`])
  if (r < 0.25)
    return {
      [pick(rng, ['or', 'and'])]: chance(rng, 0.5)
        ? pick(rng, HOSTILE_VALUES)
        : [{ [wherePath(rng, target)]: { [pick(rng, OPERATORS)]: whereValue(rng) } }],
    }
  if (r < 0.35) return { [wherePath(rng, target)]: pick(rng, HOSTILE_VALUES) }
  const operator = chance(rng, 0.85) ? pick(rng, OPERATORS) : pick(rng, JUNK_OPERATORS)
  return { [wherePath(rng, target)]: { [operator]: whereValue(rng) } }
}

/** A where that fails the type of its field, so a bulk update or delete carrying it must be refused. */
export function refusedWhere(rng: Rng): Record<string, unknown> {
  return pick(rng, [
    { createdAt: { greater_than: pick(rng, ['abc', '2026-13-45', 'x'.repeat(50)]) } },
    { id: { in: pick(rng, ['x', '1,abc', '99999999999999999999']) } },
    { id: { equals: { foo: '1' } } },
    { updatedAt: { like: '2026' } },
    { and: pick(rng, ['1', 'abc']) },
    { createdAt: { [pick(rng, JUNK_OPERATORS.filter(Boolean))]: '1' } },
    { id: 'x' },
  ])
}

/** Query parameters of every kind Payload and the endpoints read, with values that do not fit. */
export function hostileQuery(rng: Rng, target: Target, where: unknown = anyWhere(rng, target)): string {
  const params: Record<string, unknown> = {}
  if (where !== undefined) params.where = where
  const extras = 1 + Math.floor(rng() * 3)
  for (let i = 0; i < extras; i++) {
    const name = pick(rng, [
      'depth',
      'limit',
      'page',
      'sort',
      'select',
      'populate',
      'joins',
      'draft',
      'locale',
      'fallback-locale',
      'trash',
      'pagination',
      'data',
      'from',
      'to',
      'clinic',
      'specialty',
      'first',
      '__proto__',
    ])
    params[name] = pick(rng, [
      () => pick(rng, HOSTILE_VALUES),
      () => [pick(rng, HOSTILE_VALUES), pick(rng, HOSTILE_VALUES)],
      () => ({ [pick(rng, [...target.fields, 'x', 'tenants', '__proto__'])]: pick(rng, [...HOSTILE_VALUES, { a: 'true' }]) }),
      () => pick(rng, ['-createdAt', '--x', 'a,,b', '-', 'tenant.name', 'doctor.user.email', '100000', '0']),
    ])()
  }
  const query = qs.stringify(params, { encode: true })
  // Where the query's own syntax is broken: stray brackets, bare keys, a malformed escape.
  if (chance(rng, 0.08)) return `${query}&${pick(rng, ['where[', 'where]]=1', 'where[a][b', '=x', '&&', 'where%5B%E0%A4%A%5D=1', 'limit'])}`
  return query
}

const BOUNDARY = 'fuzzboundary'
const part = (name: string, value: string, filename?: string) =>
  `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"${filename ? `; filename="${filename}"` : ''}\r\n\r\n${value}\r\n`

/** A body no endpoint may act on: not a JSON object, not JSON, not in a type the API reads, or cut off. */
export function hostileBody(rng: Rng): { body: string; type: string } {
  const r = rng()
  if (r < 0.35) {
    const body = pick(rng, [
      '"x"',
      '[]',
      '[1,2]',
      'null',
      '0',
      '-1.5e308',
      'true',
      '""',
      `"${'a'.repeat(1000)}"`,
      '[{"a":1}]',
      '[[[[[[]]]]]]',
      '1e400',
    ])
    return { body, type: pick(rng, ['application/json', 'application/json; charset=utf-8', 'APPLICATION/JSON']) }
  }
  if (r < 0.42) {
    // An object, but with a NUL character, which no column holds: refused before anything is stored or looked up.
    const nul = 'a\u0000b'
    const body = JSON.stringify(
      pick(rng, [
        { name: nul },
        { email: nul, password: nul },
        { token: nul },
        { clinic: nul, slug: nul },
        { reason: nul, body: nul, key: nul },
      ]),
    )
    return { body, type: 'application/json' }
  }
  if (r < 0.55) {
    const body = pick(rng, [
      '{',
      '{"a":',
      "{'a':1}",
      '{"a":1,}',
      'NaN',
      '\u0000',
      '\uFEFF{',
      '{"a":"\\x"}',
      `${'['.repeat(20000)}${']'.repeat(20000)}`,
      `[${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}]`,
    ])
    return { body, type: 'application/json' }
  }
  if (r < 0.75) {
    const body = pick(rng, [
      '{"name":"x","__proto__":{"role":"platform-admin"}}',
      '{"constructor":{"prototype":{"x":1}}}',
      'name=x&role=platform-admin',
      '<doc><name>x</name></doc>',
      'just text',
      '\u0000\u0001\u0002',
    ])
    const type = pick(rng, [
      'text/plain',
      'application/x-www-form-urlencoded',
      'application/xml',
      'application/octet-stream',
      'application/vnd.api+json',
      'text/json',
      'image/png',
    ])
    return { body, type }
  }
  const body = pick(rng, [
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="_payload"\r\n\r\n{"title":"x"`,
    'garbage that is not a form',
    `${part('_payload', '"x"')}${part('file', 'hello', 'a.txt')}--${BOUNDARY}--\r\n`,
    `${part('_payload', '[1]')}--${BOUNDARY}--\r\n`,
    `${part('_payload', '{bad json')}--${BOUNDARY}--\r\n`,
    `${part('_payload', 'null')}${part('file', '\u0000\u0001', '../../etc/passwd')}--${BOUNDARY}--\r\n`,
    `--other\r\nContent-Disposition: form-data; name="_payload"\r\n\r\n{}\r\n--other--\r\n`,
    `--${BOUNDARY}\r\nContent-Disposition: form-data\r\n\r\nno name and no end`,
  ])
  return {
    body,
    type: pick(rng, [`multipart/form-data; boundary=${BOUNDARY}`, 'multipart/form-data', `multipart/form-data; boundary="${BOUNDARY}"`]),
  }
}

/** Credentials that are not: garbage, a tampered token, the wrong scheme, a forged cookie. */
export function forgedCredentials(rng: Rng, realToken: string): Record<string, string> {
  return pick<Record<string, string>>(rng, [
    { Authorization: 'JWT garbage' },
    { Authorization: `JWT ${realToken}x` },
    { Authorization: `JWT ${realToken.split('.').slice(0, 2).join('.')}.` },
    { Authorization: `Bearer ${realToken}` },
    { Authorization: 'users API-Key 00000000-0000-0000-0000-000000000000' },
    { Authorization: 'JWT eyJhbGciOiJub25lIn0.eyJpZCI6MSwiY29sbGVjdGlvbiI6InVzZXJzIn0.' },
    { Cookie: 'payload-token=garbage' },
    { Cookie: `payload-token=${'a'.repeat(4000)}` },
  ])
}

/** Fills the path's parameters: `:id` with `id`, any other with a value no route expects. */
export function fillPath(rng: Rng, path: string, id: string): string {
  return path
    .replace(/\/:id\??/g, `/${id}`)
    .replace(
      /\/:\w+\??/g,
      () => `/${pick(rng, ['x', HOSTILE_IDS[Math.floor(rng() * HOSTILE_IDS.length)]!, 'made-up.ics', '..%2F..%2Fetc%2Fpasswd'])}`,
    )
}
