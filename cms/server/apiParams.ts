import type { FlattenedField, Payload } from 'payload'
import { checkWhere, type Rules } from './whereCheck.ts'

/**
 * The query parameters Payload reads (where, sort, select, populate, data,
 * depth, limit, page), checked for shape and range before Payload uses them:
 * `limit=99999999999999999999` reached SQLite as a number it cannot bind,
 * `where=abc` failed in JSON.parse, a where value of the wrong type failed in
 * the database. Each refusal names the parameter.
 */

type Refusal = { status: number; message: string; path?: string }

const INTEGER = /^-?\d{1,16}$/
/** Far beyond any page a client needs, and small enough that offset = page × limit stays exact. */
const MAX_LIMIT = 100_000
const MAX_PAGE = 2_147_483_647
/** Deeper than any real query; the checks below walk the query recursively. */
const MAX_NESTING = 32

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

export function checkParams(
  payload: Payload,
  fields: FlattenedField[] | undefined,
  rules: Rules,
  query: Record<string, unknown>,
): Refusal | null {
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
  if (nestsDeeperThan(query, MAX_NESTING)) {
    return { status: 400, message: `The query nests more than ${MAX_NESTING} levels deep. Send a flatter where.` }
  }
  if (query.select !== undefined && !isSelection(query.select)) {
    return { status: 400, path: 'select', message: 'select must name fields with true or false, such as select[name]=true.' }
  }
  if (query.populate !== undefined && !(isObject(query.populate) && Object.values(query.populate).every(isSelection))) {
    const message = 'populate must name a collection and its fields, such as populate[doctors][displayName]=true.'
    return { status: 400, path: 'populate', message }
  }
  // findByID takes `data` as the document to show instead of the stored one (Payload's live preview): an object or nothing.
  if (query.data !== undefined && query.data !== '' && !isObject(query.data)) {
    return { status: 400, path: 'data', message: 'data must be a JSON object, or left out.' }
  }
  if (query.where !== undefined && query.where !== '' && fields) {
    const refused = checkWhere(payload, fields, rules, query.where)
    if (refused) return { status: 400, ...refused }
  }
  return null
}

/** `select`'s shape: field names mapped to true/false, or to the same shape for a group's fields. */
const isSelection = (value: unknown): boolean =>
  isObject(value) && Object.values(value).every((v) => v === 'true' || v === 'false' || v === true || v === false || isSelection(v))

/** Whether objects and lists nest deeper than `max`, found without recursion. */
function nestsDeeperThan(root: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[root, 0]]
  while (stack.length) {
    const [value, depth] = stack.pop()!
    if (typeof value !== 'object' || value === null) continue
    if (depth > max) return true
    for (const child of Object.values(value)) stack.push([child, depth + 1])
  }
  return false
}
