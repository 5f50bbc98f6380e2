import { APIError, type CollectionBeforeChangeHook, type CollectionBeforeDeleteHook } from 'payload'

const refusal = () => new APIError('Audit entries cannot be changed or deleted.', 403, null, true)

/**
 * These run even for trusted code that skips access control (Local API with
 * overrideAccess): an audit entry, once written, stays as it is.
 */
export const refuseUpdatingEntries: CollectionBeforeChangeHook = ({ operation, data }) => {
  if (operation !== 'create') throw refusal()
  return data
}

export const refuseDeletingEntries: CollectionBeforeDeleteHook = () => {
  throw refusal()
}
