import type { FlattenedField, Payload } from 'payload'

/** What the database can compare: its ids, and the operators its adapter implements (SQL has no `all`). */
export type Rules = { numericIds: boolean; maxId: number; operators?: ReadonlySet<string> }

/** What a where path names: the document's id, a field, or one side of a relationship to several collections. */
export type Leaf =
  | { kind: 'id' }
  | { kind: 'field'; field: FlattenedField }
  | { kind: 'polymorphic'; field: FlattenedField; part: 'whole' | 'value' | 'relationTo' | 'other' }
  | { kind: 'inside'; field: FlattenedField }

const INTEGER = /^-?\d{1,16}$/
const JSON_SAFE = /^[\w @.\-:]*$/
const isRelation = (f: FlattenedField) => f.type === 'relationship' || f.type === 'upload'
const isScalar = (v: unknown) => v === null || ['string', 'number', 'boolean'].includes(typeof v)

/** Walks a dotted path through groups, arrays and relationships, as Payload does; null where it cannot follow. */
export function resolve(payload: Payload, fields: FlattenedField[], segments: string[], topLevel = true): Leaf | null {
  const [name, ...rest] = segments
  if (topLevel && name === 'id' && rest.length === 0) return { kind: 'id' }
  const field = fields.find((f) => 'name' in f && f.name === name)
  if (!field) return null
  if (isRelation(field) && Array.isArray(field.relationTo)) {
    const part =
      rest.length === 0 ? 'whole' : rest.join('.') === 'value' ? 'value' : rest.join('.') === 'relationTo' ? 'relationTo' : 'other'
    return { kind: 'polymorphic', field, part }
  }
  if (rest.length === 0) return { kind: 'field', field }
  if (field.type === 'group' || field.type === 'tab' || field.type === 'array') return resolve(payload, field.flattenedFields, rest, false)
  // A path inside a JSON or rich-text value, which the database searches with its JSON functions.
  if (field.type === 'json' || field.type === 'richText') return { kind: 'inside', field }
  if (isRelation(field) && typeof field.relationTo === 'string') {
    if (rest.length === 1 && rest[0] === 'id') return { kind: 'field', field }
    const related = payload.collections[field.relationTo]?.config.flattenedFields
    return related ? resolve(payload, related, rest) : null
  }
  return null
}

/** Why `value` cannot be an id of a collection, or null when it can. */
export function idProblem(value: unknown, numeric: boolean, rules: Rules, nullText = true): string | null {
  if (!numeric) return typeof value === 'string' || typeof value === 'number' ? null : 'an id'
  // "null" means no relation, where Payload turns it into NULL (see nullText).
  if ((nullText && value === 'null') || value === null) return null
  const n = typeof value === 'number' ? value : typeof value === 'string' && INTEGER.test(value) ? Number(value) : NaN
  return Number.isSafeInteger(n) && Math.abs(n) <= rules.maxId ? null : 'an id (ids are whole numbers)'
}

/** Why a single `value` cannot be compared with what the path names, or null when it can. */
export function valueProblem(payload: Payload, leaf: Leaf, rules: Rules, operator: string, value: unknown): string | null {
  if (typeof value === 'string' && value.includes('\u0000')) return 'text without a NUL character'
  if (leaf.kind === 'id') {
    // `id equals abc` matches nothing, and Payload queries it so (clinic sites look documents up by the id in
    // their address this way). A number that is not a possible id, though, reaches the database and fails there.
    const lenient = (operator === 'equals' || operator === 'not_equals') && typeof value === 'string' && Number.isNaN(Number(value))
    return lenient ? null : idProblem(value, rules.numericIds, rules, false)
  }
  // "null" (no relation) is understood by equals and not_equals; in a list it reached the database as text.
  const single = operator === 'equals' || operator === 'not_equals'
  if (leaf.kind === 'polymorphic') return idProblem(value, rules.numericIds, rules, single)
  if (leaf.kind === 'inside') {
    // Payload writes these values into a JSON path query (a regular expression for like on PostgreSQL): plain words only.
    return typeof value === 'number' || typeof value === 'boolean' || (typeof value === 'string' && JSON_SAFE.test(value))
      ? null
      : 'a plain value (letters, digits, spaces and @ . - _ :)'
  }
  const { field } = leaf
  switch (field.type) {
    case 'relationship':
    case 'upload': {
      const target = typeof field.relationTo === 'string' ? payload.collections[field.relationTo] : undefined
      return idProblem(value, rules.numericIds && target?.customIDType !== 'text', rules, single)
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
      // PostgreSQL keeps these as enums, which refuse any other value.
      const options = field.options.map((o) => (typeof o === 'string' ? o : o.value))
      return options.includes(value as string) || value === null ? null : `one of ${options.join(', ')}`
    }
    default:
      return isScalar(value) ? null : 'a single value'
  }
}
