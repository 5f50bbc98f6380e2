import type { FlattenedField, Payload } from 'payload'
import { validOperators } from 'payload/shared'
import { idProblem, resolve, valueProblem, type Leaf, type Rules } from './whereFields.ts'

/**
 * Checks the values of a REST `where` before Payload turns them into SQL.
 * Payload checks that each path exists and may be read, not that its value
 * fits the column: `where[start][greater_than]=abc`, an object where a value
 * belongs, or an id too large for PostgreSQL's integer reached the database and
 * came back as a 500. Here a value that cannot fit its field is a 400 naming the
 * parameter. Paths this cannot resolve are left to Payload, which refuses
 * unknown ones itself.
 */

export type { Rules } from './whereFields.ts'
export type Refusal = { message: string; path: string }

const OPERATORS = new Set<string>(validOperators)
const LIST_OPERATORS = new Set(['in', 'not_in', 'all'])
const TEXT_MATCH = new Set(['like', 'not_like', 'contains'])
const TEXT_FIELDS = new Set(['text', 'textarea', 'email', 'code'])
const GEO = new Set(['near', 'within', 'intersects'])
/** What the SQL adapters can ask of a path inside a JSON value. */
const JSON_OPERATORS = new Set(['equals', 'not_equals', 'in', 'not_in', 'like', 'not_like', 'contains', 'exists'])

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const hasMany = (field: FlattenedField | null) => Boolean(field && 'hasMany' in field && field.hasMany)

/** The first value in `where` that cannot fit its field, or null. */
export function checkWhere(payload: Payload, fields: FlattenedField[], rules: Rules, where: unknown, name = 'where'): Refusal | null {
  if (!isObject(where)) return { path: name, message: `${name} must be a set of conditions, such as ${name}[name][equals]=Ana.` }
  for (const [key, condition] of Object.entries(where)) {
    const at = `${name}[${key}]`
    if (key.toLowerCase() === 'and' || key.toLowerCase() === 'or') {
      if (!Array.isArray(condition)) return { path: at, message: `${at} must be a list of conditions: ${at}[0][field][equals]=…` }
      for (const [i, part] of condition.entries()) {
        const refusal = checkWhere(payload, fields, rules, part, `${at}[${i}]`)
        if (refusal) return refusal
      }
      continue
    }
    if (!isObject(condition)) return { path: at, message: `${at} needs an operator, such as ${at}[equals]=….` }
    for (const [operator, value] of Object.entries(condition)) {
      const refusal = checkCondition(payload, fields, rules, key, operator, value, at)
      if (refusal) return refusal
    }
  }
  return null
}

function checkCondition(
  payload: Payload,
  fields: FlattenedField[],
  rules: Rules,
  path: string,
  operator: string,
  value: unknown,
  name: string,
) {
  const at = `${name}[${operator}]`
  const refuse = (message: string): Refusal => ({ path: at, message: `${at}: ${message}` })
  if (!OPERATORS.has(operator)) return refuse(`"${operator}" is not an operator. Use one of ${validOperators.join(', ')}.`)
  if (rules.operators && !rules.operators.has(operator) && !GEO.has(operator)) {
    return refuse(`this database cannot compare with "${operator}". Use one of ${[...rules.operators].join(', ')}.`)
  }
  const leaf = resolve(payload, fields, path.replace(/__/g, '.').split('.'))
  if (!leaf) return null // unknown to this check: Payload refuses paths that do not exist
  if (leaf.kind === 'polymorphic') return checkPolymorphic(payload, leaf, rules, path, operator, value, refuse)
  if (leaf.kind === 'inside' && !JSON_OPERATORS.has(operator)) {
    return refuse(`a path inside ${leaf.field.name} is compared with ${[...JSON_OPERATORS].join(', ')}.`)
  }
  // Inside a JSON value, in and not_in take a list as such; a single value (or "a,b") became a broken JSON path query.
  if (leaf.kind === 'inside' && (operator === 'in' || operator === 'not_in') && !Array.isArray(value)) {
    return refuse(`give a list, such as ${at}[0]=a&${at}[1]=b.`)
  }
  if (leaf.kind === 'field' && (leaf.field.type === 'json' || leaf.field.type === 'richText') && operator !== 'exists') {
    return refuse(`${path} holds structured content: compare a path inside it (${path}.key), or ask whether it exists.`)
  }
  if (operator === 'exists') {
    return value === 'true' || value === 'false' || typeof value === 'boolean' ? null : refuse('must be true or false.')
  }
  const field = leaf.kind === 'field' ? leaf.field : null
  if (GEO.has(operator)) return field?.type === 'point' ? null : refuse(`${operator} compares map points, and ${path} is not one.`)
  const relation = field && (field.type === 'relationship' || field.type === 'upload' || field.type === 'join')
  // A nested query inside `contains` selects related documents of a has-many relationship or a join.
  if (operator === 'contains' && isObject(value)) {
    return field?.type === 'join' || (relation && hasMany(field)) ? null : refuse('give a single value, not a set of conditions.')
  }
  const matchesText = leaf.kind === 'inside' || (leaf.kind === 'field' && TEXT_FIELDS.has(leaf.field.type))
  if (TEXT_MATCH.has(operator) && !matchesText && !(operator === 'contains' && hasMany(field))) {
    return refuse(`${operator} matches text, and ${path} is not a text field. Use equals or in.`)
  }
  // not_like hands its value to the database as a pattern as it is (like and contains wrap it in %), and PostgreSQL
  // refuses a pattern that ends in a lone escape character.
  if (operator === 'not_like' && typeof value === 'string' && /(^|[^\\])(\\\\)*\\$/.test(value)) {
    return refuse('the pattern ends with a backslash, which escapes nothing. Double it (\\\\) or remove it.')
  }
  return checkValues(payload, leaf, rules, operator, valuesOf(operator, value, Boolean(relation)), refuse)
}

/** A relationship to several collections: compared as a whole ({ relationTo, value }), by .value (an id), or by .relationTo. */
function checkPolymorphic(
  payload: Payload,
  leaf: Extract<Leaf, { kind: 'polymorphic' }>,
  rules: Rules,
  path: string,
  operator: string,
  value: unknown,
  refuse: (message: string) => Refusal,
) {
  const base = path.replace(/\.(value|relationTo)$/, '')
  const how = `${base} points to documents of several collections: compare ${base}.value (the id) or ${base}.relationTo (the collection).`
  if (leaf.part === 'relationTo') return null // Payload decides who may query it
  if (leaf.part === 'other') return refuse(how)
  if (operator === 'exists') {
    return leaf.part === 'value' && (value === 'true' || value === 'false' || typeof value === 'boolean') ? null : refuse(how)
  }
  if (leaf.part === 'whole') {
    const targets = leaf.field.type === 'relationship' || leaf.field.type === 'upload' ? [leaf.field.relationTo].flat() : []
    const whole =
      operator === 'equals' &&
      isObject(value) &&
      targets.includes(value.relationTo as never) &&
      !idProblem(value.value, rules.numericIds, rules)
    return whole ? null : refuse(how)
  }
  if (TEXT_MATCH.has(operator) || GEO.has(operator)) return refuse(`${operator} does not compare ids. Use equals or in.`)
  return checkValues(payload, leaf, rules, operator, valuesOf(operator, value, true), refuse)
}

/**
 * The single values a condition compares: a list for in, not_in and all (or equals on a relationship, which the
 * database then asks as in), else the one value; and whether they are a list.
 */
function valuesOf(operator: string, value: unknown, relation: boolean): { values: unknown[]; listed: boolean } {
  if (LIST_OPERATORS.has(operator))
    return { values: typeof value === 'string' ? value.split(',') : Array.isArray(value) ? value : [value], listed: true }
  if (Array.isArray(value) && relation && (operator === 'equals' || operator === 'not_equals')) return { values: value, listed: true }
  return { values: [value], listed: false }
}

function checkValues(
  payload: Payload,
  leaf: Leaf,
  rules: Rules,
  operator: string,
  { values, listed }: { values: unknown[]; listed: boolean },
  refuse: (message: string) => Refusal,
) {
  for (const v of values) {
    if (Array.isArray(v) || isObject(v)) {
      return refuse(listed ? 'give a list of single values.' : 'give a single value, not a list or a set of conditions.')
    }
    const expected = valueProblem(payload, leaf, rules, listed ? 'in' : operator, v)
    if (expected) return refuse(`${JSON.stringify(v)?.slice(0, 60)} is not ${expected}.`)
  }
  return null
}
