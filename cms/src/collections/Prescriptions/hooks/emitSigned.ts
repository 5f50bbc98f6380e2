import type { CollectionAfterChangeHook } from 'payload'
import { idOf } from '../../../access/roles.ts'
import { emitDomainEvent } from '../../../events/emit.ts'

/** `prescription.signed` once a prescription becomes signed (it can then go to a pharmacy), after commit. */
export const emitSigned: CollectionAfterChangeHook = async ({ doc, previousDoc, req }) => {
  if (doc.status === 'signed' && previousDoc?.status !== 'signed') {
    await emitDomainEvent(req, 'prescription.signed', {
      prescription: doc.id,
      tenant: idOf(doc.tenant)!,
      patient: idOf(doc.patient)!,
      doctor: idOf(doc.doctor)!,
      appointment: idOf(doc.appointment),
    })
  }
  return doc
}
