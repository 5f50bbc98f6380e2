import { match } from 'path-to-regexp'
import type { CollectionSlug, Endpoint, Payload } from 'payload'
import * as qs from 'qs-esm'
import { checkParams } from './apiParams.ts'
import type { Rules } from './whereCheck.ts'

export type Refusal = { status: number; message: string; path?: string }

/** PostgreSQL's `serial` ids are 32-bit; SQLite's are 64-bit, of which JavaScript holds 53 exactly. */
const maxIdOf = (payload: Payload) => (payload.db.name === 'postgres' ? 2_147_483_647 : Number.MAX_SAFE_INTEGER)
const INTEGER = /^-?\d{1,16}$/

/**
 * Checks what Payload takes on trust from a REST request, before it reaches
 * Payload: the route and the id in the path here; the query's where, sort,
 * select, populate, depth, limit and page in apiParams.ts. Payload passed such
 * values on to the database, and `/api/tenants/abc`, an id beyond PostgreSQL's
 * integer, or `where[start][greater_than]=abc` came back as 500s. A refusal is
 * a 4xx with a sentence naming the parameter; everything else goes on to
 * Payload untouched. Request bodies are Payload's to read (see
 * patches/payload+*.patch).
 */
export function apiGuard(payload: Payload) {
  const apiRoute = payload.config.routes.api
  const adapterOperators = (payload.db as { operators?: Record<string, unknown> }).operators
  const rules: Rules = {
    numericIds: payload.db.defaultIDType === 'number',
    maxId: maxIdOf(payload),
    operators: adapterOperators
      ? new Set(Object.keys(adapterOperators).filter((o) => o !== 'and' && o !== 'or' && o !== 'isNull'))
      : undefined,
  }
  const isCollectionSlug = (slug: string): slug is CollectionSlug => Object.hasOwn(payload.collections, slug)
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
    const collection = isCollectionSlug(slug) ? payload.collections[slug] : undefined
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
      const refused = checkRoute(collection, endpoint, params, rules)
      if (refused) return refused
    }
    const query = {
      ...qs.parse(url.search, { allowEmptyArrays: true, arrayLimit: 1000, depth: 10, ignoreQueryPrefix: true }),
      ...bodyParams,
    }
    return checkParams(payload, collection?.config.flattenedFields, rules, query)
  }
}

export type Collection = Payload['collections'][CollectionSlug]

function checkRoute(collection: Collection, endpoint: Endpoint, params: Record<string, unknown>, rules: Rules) {
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
  const numeric = collection.customIDType ? collection.customIDType === 'number' : rules.numericIds
  const isDocumentId = /^\/(:id|versions\/:id|access\/:id)/.test(endpoint.path)
  if (isDocumentId && typeof id === 'string' && numeric) {
    const n = INTEGER.test(id) ? Number(id) : NaN
    if (!(Number.isSafeInteger(n) && n > 0 && n <= rules.maxId)) {
      return { status: 404, message: `There is no ${label} with the id "${id.slice(0, 40)}". Ids are whole numbers.` }
    }
  }
  return null
}

const labelOf = (label: unknown, slug: string) => (typeof label === 'string' ? label.toLowerCase() : slug.replace(/-/g, ' '))
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)
