import { ValidationError, type CollectionBeforeChangeHook } from 'payload'

const NEXT: Record<string, string[]> = {
  draft: ['draft', 'signed', 'cancelled'],
  signed: ['signed', 'sent', 'cancelled'],
  sent: ['sent', 'filled', 'cancelled'],
  filled: ['filled'],
  cancelled: ['cancelled'],
}

/**
 * A prescription moves forward only (draft → signed → sent → filled, or
 * cancelled), the signing time is set by the server, and once signed its
 * medication and directions are frozen: a change means a new prescription.
 */
export const signing: CollectionBeforeChangeHook = ({ data, originalDoc, req, collection }) => {
  const from = originalDoc?.status ?? 'draft'
  const to = data.status ?? from
  const fail = (path: string, message: string) => new ValidationError({ collection: collection.slug, req, errors: [{ path, message }] })
  if (!NEXT[from]?.includes(to)) throw fail('status', `A ${from} prescription cannot become ${to}.`)
  if (from !== 'draft' && originalDoc) {
    for (const field of ['medication', 'directions', 'quantity', 'refills', 'patient', 'doctor'] as const) {
      if (field in data && JSON.stringify(data[field]) !== JSON.stringify(originalDoc[field])) {
        throw fail(field, 'A signed prescription cannot be edited. Cancel it and write a new one.')
      }
    }
  }
  data.signedAt = to === 'signed' && from === 'draft' ? new Date().toISOString() : (originalDoc?.signedAt ?? null)
  return data
}
