import type { CollectionBeforeChangeHook } from 'payload'
import { idOf } from '../../../access/roles.ts'
import { releaseExpiredHolds } from '../../../scheduling/holds.ts'

/** Before any visit takes time, expired holds of its doctor or patient make way (see scheduling/holds.ts). */
export const freeExpiredHolds: CollectionBeforeChangeHook = async ({ data, originalDoc, operation, req }) => {
  if (!data.blocking) return data
  const current = { ...(operation === 'update' ? originalDoc : {}), ...data }
  await releaseExpiredHolds(req, { doctor: idOf(current.doctor), patient: idOf(current.patient) })
  return data
}
