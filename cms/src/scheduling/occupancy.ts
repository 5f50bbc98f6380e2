/**
 * When a visit occupies its time, and what people are told when the time they
 * asked for is taken. The one place for both: the Appointments collection's
 * hooks (computeBlockedTime, refuseOverlap, overlapAsConflict) and the booking
 * and visit endpoints (book, reschedule, cancel) import them from here, so the
 * admin panel, the API and the clinic sites say the same thing.
 */

/** Statuses in which a visit holds its doctor's (and its patient's) time; the others free it. */
export const BLOCKING_STATUSES: readonly string[] = ['held', 'requested', 'confirmed']

/** True when a visit in `status` holds its time (and can still be moved or cancelled). */
export const blocksTime = (status: string): boolean => BLOCKING_STATUSES.includes(status)

/** The doctor already has a visit (with its buffers) at that time. */
export const OVERLAP_MESSAGE = 'This time overlaps another visit of the doctor. Choose another time.'
/** The patient already has a visit of their own at that time. */
export const PATIENT_OVERLAP_MESSAGE = 'You already have a visit at this time. Choose another time.'

/** The sentence for a time taken by the doctor's or the patient's other visit. */
export const timeTakenMessage = (whose: 'doctor' | 'patient'): string => (whose === 'doctor' ? OVERLAP_MESSAGE : PATIENT_OVERLAP_MESSAGE)
