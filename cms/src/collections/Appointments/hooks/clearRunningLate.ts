import type { CollectionBeforeChangeHook } from 'payload'

const WAITING = ['requested', 'confirmed']

/**
 * A doctor's "running 10 minutes late" is about the visit's time as it was: a
 * visit moved to another time, or no longer waited for (cancelled, completed,
 * missed), drops it, so the new time's waiting room does not repeat a stale notice.
 */
export const clearRunningLate: CollectionBeforeChangeHook = ({ data, originalDoc, operation }) => {
  if (operation !== 'update' || !originalDoc?.runningLateMinutes) return data
  const moved = data.start !== undefined && Date.parse(data.start) !== Date.parse(originalDoc.start)
  const ended = data.status !== undefined && !WAITING.includes(data.status)
  if (moved || ended) {
    data.runningLateMinutes = null
    data.runningLateSetAt = null
  }
  return data
}
