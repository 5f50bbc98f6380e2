import { ValidationError, type CollectionBeforeOperationHook, type Field } from 'payload'

type Problem = { path: string; message: string }

/** The named groups among fields, looking through rows, collapsibles and tabs (which hold no data of their own). */
function nullGroups(fields: Field[], data: Record<string, unknown>, prefix = ''): Problem[] {
  return fields.flatMap((field): Problem[] => {
    if (field.type === 'tabs')
      return field.tabs.flatMap((tab) =>
        'name' in tab && tab.name
          ? nullGroups(tab.fields, (data[tab.name] as Record<string, unknown>) ?? {}, `${prefix}${tab.name}.`)
          : nullGroups(tab.fields, data, prefix),
      )
    if ((field.type === 'row' || field.type === 'collapsible' || (field.type === 'group' && !('name' in field))) && 'fields' in field)
      return nullGroups(field.fields, data, prefix)
    if (field.type !== 'group' || !('name' in field) || !field.name) return []
    const value = data[field.name]
    const path = `${prefix}${field.name}`
    if (value === null) return [{ path, message: `${path} is a group of fields: send an object of its fields, or leave it out.` }]
    return value && typeof value === 'object' ? nullGroups(field.fields, value as Record<string, unknown>, `${path}.`) : []
  })
}

/**
 * A group sent as null (`{"contact": null}`) reached Payload's validation, which
 * reads the group's fields from it and failed with a 500. Refused with a 400
 * naming the group, before anything is changed.
 */
export const refuseNullGroups: CollectionBeforeOperationHook = ({ args, operation, collection, req }) => {
  if (operation !== 'create' && operation !== 'update') return args
  const data = (args as { data?: unknown }).data
  if (!data || typeof data !== 'object' || Array.isArray(data)) return args
  const errors = nullGroups(collection.fields, data as Record<string, unknown>)
  if (errors.length) throw new ValidationError({ collection: collection.slug, errors, req })
  return args
}
