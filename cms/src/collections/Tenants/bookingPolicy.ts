import type { Field } from 'payload'
import { BOOKING_LIMITS } from '../../scheduling/bookingLimits.ts'

/** A clinic's booking rules, under `bookingPolicy`. */
export const bookingPolicyFields: Field[] = [
  { name: 'cancellationCutoffHours', type: 'number', min: 0, max: 720, defaultValue: 24, required: true },
  { name: 'approvalRequired', type: 'checkbox', defaultValue: false },
  {
    name: 'maxActiveHolds',
    label: 'Times a patient may hold at once',
    type: 'number',
    min: 1,
    max: 10,
    defaultValue: BOOKING_LIMITS.holds,
    admin: { description: 'A hold keeps a time for 10 minutes while the patient finishes booking.' },
  },
  {
    name: 'maxUpcomingVisits',
    label: 'Upcoming visits a patient may have at once',
    type: 'number',
    min: 1,
    max: 100,
    defaultValue: BOOKING_LIMITS.upcoming,
    admin: { description: 'Stops one person from taking every free time. Staff may still book beyond it.' },
  },
]
