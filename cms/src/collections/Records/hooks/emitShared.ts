import type { CollectionAfterChangeHook } from 'payload'
import { idOf } from '../../../access/roles.ts'
import { emitDomainEvent } from '../../../events/emit.ts'

/** `record.shared` when a record is added to a patient's file (the patient and their doctors now see it), after commit. */
export const emitShared: CollectionAfterChangeHook = async ({ doc, operation, req }) => {
  if (operation === 'create')
    await emitDomainEvent(req, 'record.shared', { record: doc.id, tenant: idOf(doc.tenant)!, patient: idOf(doc.patient)! })
  return doc
}
