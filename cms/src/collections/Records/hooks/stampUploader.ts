import type { CollectionBeforeChangeHook } from 'payload'

/** Who uploaded a record is recorded by the server, not taken from the request. */
export const stampUploader: CollectionBeforeChangeHook = ({ data, operation, originalDoc, req }) => {
  data.uploadedBy = operation === 'create' ? (req.user?.id ?? null) : (originalDoc?.uploadedBy ?? null)
  return data
}
