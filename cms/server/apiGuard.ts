import { match } from 'path-to-regexp'
import type { Endpoint, Payload } from 'payload'
import * as qs from 'qs-esm'
import { checkWhere, type Rules } from './whereCheck.ts'

export type Refusal = { status: number; message: string; path?: string }

/** PostgreSQL's `serial` ids are 32-bit; SQLite's are 64-bit, of which JavaScript holds 53 exactly. */
const maxIdOf = (payload: Payload) => (payload.db.name === 'postgres' ? 2_147_483_647 : Number.MAX_SAFE_INTEGER)
const INTEGER = /^-?\d{1,16}$/
/** Far beyond any page a client needs, and small enough that offset = page × limit stays exact. */
const MAX_LIMIT = 100_000
const MAX_PAGE = 2_147_483_647

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/**
 * Checks what Payload takes on trust from a REST request, before it reaches
 * Payload: the id in the path, and the query's where, sort, select, populate,
 * depth, limit and page. Payload passed such values on to the database, and
 * `/api/tenants/abc`, an id beyond PostgreSQL's integer, or
 * `where[start][greater_than]=abc` came back as 500s. A refusal is a 4xx with a
 * sentence naming the parameter; everything else goes on to Payload untouched.
 * Request bodies are Payload's to read (see patches/payload+*.patch).
 */
export function apiGuard(payload: Payload) {
  const apiRoute = payload.config.routes.api
  const adapterOperators = (payload.db as { operators?: Record<string, unknown> }).operators
  const ids: Rules = {
    numericIds: payload.db.defaultIDType === 'number',
    maxId: maxIdOf(payload),
    operators: adapterOperators
      ? new Set(Object.keys(adapterOperators).filter((o) => o !== 'and' && o !== 'or' && o !== 'isNull'))
      : undefined,
  }
  const matchers = new WeakMap<Endpoint, ReturnType<typeof match>>()
  const matcher = (endpoint: Endpoint) => {
    let m = matchers.get(endpoint)
    // The matcher Payload's handleEndpoints uses, so both agree on which endpoint a path reaches.
    if (!m) matchers.set(endpoint, (m = match(endpoint.path, { decode: decodeURIComponent })))
    return m
  }

  return (method: string, url: URL, bodyParams?: Record<string, unknown>): Refusal | null => {
    if (!url.pathname.startsWith(apiRoute)) return null
    // No column holds a NUL character (PostgreSQL refuses it outright): not in an id, a key or a query value.
    if (/%00/i.test(url.pathname + url.search)) {
      return { status: 400, message: 'The address contains a NUL character (%00), which nothing here can hold. Remove it.' }
    }
    const rest = url.pathname.slice(apiRoute.length)
    // Globals (none yet) are Payload's to route.
    if (rest.startsWith('/globals/') && payload.config.globals.length > 0) return null
    const slug = rest.split('/')[1] ?? ''
    const collection = Object.hasOwn(payload.collections, slug) ? payload.collections[slug] : undefined
    const endpoints = (collection ? collection.config.endpoints : payload.config.endpoints) || []
    const path = (collection ? rest.slice(slug.length + 1) : rest) || '/'
    let endpoint: Endpoint | undefined
    let params: Record<string, unknown> = {}
    try {
      for (const e of endpoints) {
        if (e.method !== method.toLowerCase()) continue
        const found = matcher(e)(path)
        if (found) {
          endpoint = e
          params = found.params as Record<string, unknown>
          break
        }
      }
    } catch {
      return { status: 400, message: 'The address has a malformed %-escape. Check the link and try again.' }
    }

    // Payload answers an unknown route itself, but in another shape ({ message }), and with 501 for a collection
    // without endpoints. OPTIONS stays Payload's: it answers CORS preflights for every path.
    if (!endpoint && method !== 'OPTIONS') {
      return { status: 404, message: `There is no ${method} ${url.pathname.slice(0, 100)} in this API. Check the address and the method.` }
    }
    if (collection && endpoint) {
      const refused = checkRoute(collection, endpoint, params, ids)
      if (refused) return refused
    }
    const query = {
      ...qs.parse(url.search, { allowEmptyArrays: true, arrayLimit: 1000, depth: 10, ignoreQueryPrefix: true }),
      ...bodyParams,
    }
    return checkParams(payload, collection?.config.flattenedFields, ids, query)
  }
}

type Collection = Payload['collections'][string]

function checkRoute(collection: Collection, endpoint: Endpoint, params: Record<string, unknown>, ids: Rules) {
  const label = labelOf(collection.config.labels?.singular, collection.config.slug)
  // Collections without versions still get Payload's /versions endpoints, which then failed with a 500.
  if (endpoint.path.startsWith('/versions') && !collection.config.versions) {
    return { status: 404, message: `${capitalise(labelOf(collection.config.labels?.plural, collection.config.slug))} keep no versions.` }
  }
  // Payload's /verify/:token exists on every auth collection, and failed with a 500 where email verification is off.
  if (endpoint.path === '/verify/:id' && !collection.config.auth?.verify) {
    return { status: 404, message: 'This link verifies nothing: accounts here are not confirmed through /verify links.' }
  }
  const id = params.id
  const numeric = collection.customIDType ? collection.customIDType === 'number' : ids.numericIds
  const isDocumentId = /^\/(:id|versions\/:id|access\/:id)/.test(endpoint.path)
  if (isDocumentId && typeof id === 'string' && numeric) {
    const n = INTEGER.test(id) ? Number(id) : NaN
    if (!(Number.isSafeInteger(n) && n > 0 && n <= ids.maxId)) {
      return { status: 404, message: `There is no ${label} with the id "${id.slice(0, 40)}". Ids are whole numbers.` }
    }
  }
  return null
}

function checkParams(
  payload: Payload,
  fields: Collection['config']['flattenedFields'] | undefined,
  ids: Rules,
  query: Record<string, unknown>,
) {
  for (const [name, min, max] of [
    ['depth', 0, 100],
    ['limit', 0, MAX_LIMIT],
    ['page', 0, MAX_PAGE],
  ] as const) {
    const value = query[name]
    if (value === undefined || value === '') continue
    const n = typeof value === 'number' ? value : typeof value === 'string' && INTEGER.test(value) ? Number(value) : NaN
    if (!(Number.isSafeInteger(n) && n >= min && n <= max)) {
      return { status: 400, path: name, message: `${name} must be a whole number from ${min} to ${max}.` }
    }
  }
  const sort = query.sort
  if (sort !== undefined && typeof sort !== 'string' && !(Array.isArray(sort) && sort.every((s) => typeof s === 'string'))) {
    return { status: 400, path: 'sort', message: 'sort must name fields, such as sort=-createdAt or sort=name,start.' }
  }
  if (query.select !== undefined && !isSelection(query.select)) {
    return { status: 400, path: 'select', message: 'select must name fields with true or false, such as select[name]=true.' }
  }
  if (query.populate !== undefined && !(isObject(query.populate) && Object.values(query.populate).every(isSelection))) {
    return {
      status: 400,
      path: 'populate',
      message: 'populate must name a collection and its fields, such as populate[doctors][displayName]=true.',
    }
  }
  for (const name of ['where', 'data'] as const) {
    // Payload reads these as JSON when they come as one string.
    if (typeof query[name] === 'string' && query[name] !== '') {
      try {
        query[name] = JSON.parse(query[name] as string)
      } catch {
        return { status: 400, path: name, message: `${name} is not valid JSON. Send it as JSON or as ${name}[field][operator]=value.` }
      }
    }
  }
  if (query.where !== undefined && query.where !== '' && fields) {
    const refused = checkWhere(payload, fields, ids, query.where)
    if (refused) return { status: 400, ...refused }
  }
  return null
}

/** `select`'s shape: field names mapped to true/false, or to the same shape for a group's fields. */
const isSelection = (value: unknown): boolean =>
  isObject(value) && Object.values(value).every((v) => v === 'true' || v === 'false' || v === true || v === false || isSelection(v))

const labelOf = (label: unknown, slug: string) => (typeof label === 'string' ? label.toLowerCase() : slug.replace(/-/g, ' '))
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)
