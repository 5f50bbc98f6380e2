import type { FlattenedField, Payload } from 'payload'
import { validOperators } from 'payload/shared'

/**
 * Checks the values of a REST `where` before Payload turns them into SQL.
 * Payload checks that each path exists and may be read, not that its value
 * fits the column: `where[start][greater_than]=abc`, an object where a value
 * belongs, or an id too large for PostgreSQL's integer reached the database and
 * came back as a 500. Here a value that cannot fit its field is a 400 naming the
 * parameter. Paths this cannot resolve are left to Payload, which refuses
 * unknown ones itself.
 */

export type IdRule = { numeric: boolean; max: number }
export type Refusal = { message: string; path: string }
type Leaf = { kind: 'id' } | { kind: 'field'; field: FlattenedField }

const OPERATORS = new Set<string>(validOperators)
const LIST_OPERATORS = new Set(['in', 'not_in', 'all'])
const TEXT_MATCH = new Set(['like', 'not_like', 'contains'])
const GEO = new Set(['near', 'within', 'intersects'])
const INTEGER = /^-?\d{1,16}$/

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const isScalar = (v: unknown) => v === null || ['string', 'number', 'boolean'].includes(typeof v)

/** Walks a dotted path through groups, arrays and single-collection relationships. */
function resolve(payload: Payload, fields: FlattenedField[], segments: string[], topLevel: boolean): Leaf | null {
  const [name, ...rest] = segments
  if (topLevel && name === 'id' && rest.length === 0) return { kind: 'id' }
  const field = fields.find((f) => 'name' in f && f.name === name)
  if (!field) return null
  if (rest.length === 0) return { kind: 'field', field }
  if (field.type === 'group' || field.type === 'tab' || field.type === 'array') return resolve(payload, field.flattenedFields, rest, false)
  if ((field.type === 'relationship' || field.type === 'upload') && typeof field.relationTo === 'string') {
    if (rest.length === 1 && rest[0] === 'id') return { kind: 'field', field }
    const related = payload.collections[field.relationTo]?.config.flattenedFields
    return related ? resolve(payload, related, rest, true) : null
  }
  return null
}

/** Why `value` cannot be compared with the field, or null when it can. */
function valueProblem(leaf: Leaf, payload: Payload, ids: IdRule, operator: string, value: unknown): string | null {
  const idProblem = (rule: IdRule) => {
    if (!rule.numeric) return typeof value === 'string' || typeof value === 'number' ? null : 'an id'
    if (value === 'null' || value === null) return null
    const n = typeof value === 'number' ? value : typeof value === 'string' && INTEGER.test(value) ? Number(value) : NaN
    return Number.isSafeInteger(n) && Math.abs(n) <= rule.max ? null : 'an id (ids are whole numbers)'
  }
  if (leaf.kind === 'id') {
    // `id equals abc` matches nothing, and Payload queries it so (clinic sites look documents up by the id in
    // their address this way). A number that is not a possible id, though, reaches the database and fails there.
    const lenient = (operator === 'equals' || operator === 'not_equals') && typeof value === 'string' && Number.isNaN(Number(value))
    return lenient ? null : idProblem(ids)
  }
  const { field } = leaf
  switch (field.type) {
    case 'relationship':
    case 'upload': {
      if (typeof field.relationTo !== 'string') return isScalar(value) ? null : 'an id'
      const target = payload.collections[field.relationTo]
      return idProblem({ ...ids, numeric: ids.numeric && target?.customIDType !== 'text' })
    }
    case 'number': {
      const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN
      return Number.isFinite(n) || value === 'null' || value === null ? null : 'a number'
    }
    case 'date': {
      if (value === 'null' || value === '' || value === null) return null
      const time = typeof value === 'string' || typeof value === 'number' ? new Date(value).getTime() : NaN
      const year = new Date(time).getUTCFullYear()
      return Number.isFinite(time) && year >= 1 && year <= 9999 ? null : 'a date, such as 2026-12-01T09:00:00Z'
    }
    case 'checkbox':
      return value === true || value === false || value === 'true' || value === 'false' ? null : 'true or false'
    case 'select':
    case 'radio': {
      const options = field.options.map((o) => (typeof o === 'string' ? o : o.value))
      return options.includes(value as string) || value === 'null' || value === null ? null : `one of ${options.join(', ')}`
    }
    default:
      return isScalar(value) ? null : 'a single value'
  }
}

function checkCondition(
  payload: Payload,
  fields: FlattenedField[],
  ids: IdRule,
  path: string,
  operator: string,
  value: unknown,
  name: string,
): Refusal | null {
  const at = `${name}[${operator}]`
  if (!OPERATORS.has(operator)) {
    return { path: at, message: `${at}: "${operator}" is not an operator. Use one of ${validOperators.join(', ')}.` }
  }
  const leaf = resolve(payload, fields, path.replace(/__/g, '.').split('.'), true)
  if (!leaf) return null // unknown to this check: Payload refuses paths that do not exist
  const field = leaf.kind === 'field' ? leaf.field : null
  const relation = field && (field.type === 'relationship' || field.type === 'upload' || field.type === 'join')
  if (operator === 'exists') {
    return value === 'true' || value === 'false' || typeof value === 'boolean'
      ? null
      : { path: at, message: `${at} must be true or false.` }
  }
  if (GEO.has(operator)) {
    return field?.type === 'point' ? null : { path: at, message: `${at}: ${operator} compares map points, and ${path} is not one.` }
  }
  // A nested query inside `contains` selects related documents of a has-many relationship.
  if (operator === 'contains' && isObject(value)) {
    return field && (field.type === 'join' || (relation && 'hasMany' in field && field.hasMany))
      ? null
      : { path: at, message: `${at} takes a single value, not a set of conditions.` }
  }
  if (
    TEXT_MATCH.has(operator) &&
    (leaf.kind === 'id' || (field && !['text', 'textarea', 'email', 'code', 'json', 'richText'].includes(field.type)))
  ) {
    const hasManyContains = operator === 'contains' && field && 'hasMany' in field && field.hasMany
    if (!hasManyContains)
      return { path: at, message: `${at}: ${operator} matches text, and ${path} is not a text field. Use equals or in.` }
  }
  let values: unknown[]
  if (LIST_OPERATORS.has(operator)) {
    values = typeof value === 'string' ? value.split(',') : Array.isArray(value) ? value : [value]
  } else if (Array.isArray(value) && relation && (operator === 'equals' || operator === 'not_equals')) {
    values = value
  } else {
    values = [value]
  }
  for (const v of values) {
    if (Array.isArray(v) || isObject(v))
      return { path: at, message: `${at} takes ${LIST_OPERATORS.has(operator) ? 'a list of values' : 'a single value'}.` }
    const expected = valueProblem(leaf, payload, ids, operator, v)
    if (expected) return { path: at, message: `${at}: ${JSON.stringify(v)?.slice(0, 60)} is not ${expected}.` }
  }
  return null
}

/** The first value in `where` that cannot fit its field, or null. */
export function checkWhere(payload: Payload, fields: FlattenedField[], ids: IdRule, where: unknown, name = 'where'): Refusal | null {
  if (!isObject(where)) return { path: name, message: `${name} must be a set of conditions, such as ${name}[name][equals]=Ana.` }
  for (const [key, condition] of Object.entries(where)) {
    const at = `${name}[${key}]`
    if (key.toLowerCase() === 'and' || key.toLowerCase() === 'or') {
      if (!Array.isArray(condition)) return { path: at, message: `${at} must be a list of conditions: ${at}[0][field][equals]=…` }
      for (const [i, part] of condition.entries()) {
        const refusal = checkWhere(payload, fields, ids, part, `${at}[${i}]`)
        if (refusal) return refusal
      }
      continue
    }
    if (!isObject(condition)) return { path: at, message: `${at} needs an operator, such as ${at}[equals]=….` }
    for (const [operator, value] of Object.entries(condition)) {
      const refusal = checkCondition(payload, fields, ids, key, operator, value, at)
      if (refusal) return refusal
    }
  }
  return null
}
