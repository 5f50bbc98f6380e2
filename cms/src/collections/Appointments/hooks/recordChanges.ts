import type { CollectionBeforeChangeHook } from 'payload'

/**
 * Appends "who changed what" for the fields that matter to a visit's story.
 * The history is rebuilt from the stored one on every write, so a client cannot
 * rewrite it by sending its own.
 */
export const recordChanges: CollectionBeforeChangeHook = ({ data, originalDoc: stored, req, operation }) => {
  const originalDoc = operation === 'update' ? stored : undefined
  const changes: string[] = []
  if (operation === 'create') changes.push(`created as ${data.status ?? 'requested'}`)
  else {
    if (data.status && data.status !== originalDoc?.status) changes.push(`status ${originalDoc?.status} → ${data.status}`)
    for (const field of ['start', 'end'] as const) {
      if (data[field] && Date.parse(data[field]) !== Date.parse(originalDoc?.[field]))
        changes.push(`${field} ${originalDoc?.[field]} → ${new Date(data[field]).toISOString()}`)
    }
  }
  const at = new Date().toISOString()
  const by = req.user?.id ?? null
  data.history = [...(originalDoc?.history ?? []), ...changes.map((change) => ({ at, by, change }))]
  return data
}
