import type { CollectionAfterChangeHook } from 'payload'
import { idOf } from '../../../access/roles.ts'
import { afterCommit } from '../../../database/index.ts'
import { closeVisit } from '../../../live/hub.ts'

/**
 * A clinic admin may give a visit another patient or doctor: whoever was in its
 * live room or waiting room then must stop hearing its chat and news. Their
 * connections are closed once the change is committed; on reconnecting, only the
 * visit's current patient and doctor are let back in.
 */
export const closeRoomOnNewParticipants: CollectionAfterChangeHook = async ({ doc, previousDoc, operation, req }) => {
  if (operation !== 'update' || !previousDoc) return doc
  const changed =
    String(idOf(doc.patient)) !== String(idOf(previousDoc.patient)) || String(idOf(doc.doctor)) !== String(idOf(previousDoc.doctor))
  if (changed) await afterCommit(req, async () => closeVisit(String(doc.id), 'The people of this visit changed.'))
  return doc
}
