export type VisitStatus = 'held' | 'requested' | 'confirmed' | 'cancelled' | 'completed' | 'no-show'

/**
 * Statuses that still hold a time in the doctor's calendar (and can still be moved or
 * cancelled): the core's BLOCKING_STATUSES (cms/src/scheduling/occupancy.ts), repeated
 * here because the site imports no code of the core, only its types.
 */
export const ACTIVE: VisitStatus[] = ['held', 'requested', 'confirmed']

/** Each status as a patient reads it. */
export const STATUS_LABEL: Record<VisitStatus, string> = {
  held: 'Held for you',
  requested: 'Waiting for the clinic to confirm',
  confirmed: 'Confirmed',
  cancelled: 'Cancelled',
  completed: 'Completed',
  'no-show': 'Missed',
}

/** Each status as a short badge on the doctor's calendar, said to the doctor. */
export const STATUS_BADGE: Record<VisitStatus, string> = {
  held: 'Being booked',
  requested: 'To confirm',
  confirmed: 'Confirmed',
  cancelled: 'Cancelled',
  completed: 'Completed',
  'no-show': 'Missed',
}
