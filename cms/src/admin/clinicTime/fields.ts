import type { DateField } from 'payload'

/** A date column in the clinic's zone, named (see ClinicTimeCell); for collections whose rows have a `tenant`. */
export const CLINIC_TIME_CELL = '/admin/clinicTime/ClinicTimeCell#ClinicTimeCell'

/** Under a date picker: the chosen time in the clinic's zone (see ClinicTimeNote). */
export const CLINIC_TIME_DESCRIPTION = '/admin/clinicTime/ClinicTimeDescription#ClinicTimeDescription'

/**
 * Payload's own `createdAt` (same column and index, hidden on the form), declared
 * here only so that its list column shows the clinic's time instead of the browser's.
 */
export const createdAtInClinicTime = (label: string): DateField => ({
  name: 'createdAt',
  type: 'date',
  index: true,
  label,
  admin: { disableBulkEdit: true, hidden: true, components: { Cell: CLINIC_TIME_CELL } },
})
