import type { CollectionConfig } from 'payload'
import { appointmentsAccess, visitNotesAccess } from '../../access/appointments.ts'
import { audited } from '../../hooks/audit.ts'
import { bookAppointment, holdSlot } from '../../scheduling/endpoints/book.ts'
import { appointmentIcs } from '../../calendar/appointmentIcs.ts'
import { cancelVisit } from '../../scheduling/endpoints/visit/cancel.ts'
import { rescheduleVisit } from '../../scheduling/endpoints/visit/reschedule.ts'
import { completeVisit, confirmVisit, markNoShow } from '../../scheduling/endpoints/visit/statusChanges.ts'
import { doctorCheckedByOwnership, enforceClinicalOwnership } from '../../hooks/ownership.ts'
import { computeBlockedTime } from './hooks/computeBlockedTime.ts'
import { emitEvents } from './hooks/emitEvents.ts'
import { paymentOnVisitChange } from '../../payments/visitHooks.ts'
import { overlapAsConflict } from './hooks/overlapAsConflict.ts'
import { recordChanges } from './hooks/recordChanges.ts'
import { clearRunningLate } from './hooks/clearRunningLate.ts'
import { closeRoomOnNewParticipants } from './hooks/closeRoomOnNewParticipants.ts'
import { joinVisit } from '../../video/joinVisit.ts'
import { inviteGuest, withdrawGuest } from '../../video/guests/inviteGuest.ts'
import { recordingConsent, recordVisit } from '../../video/recording.ts'
import { runningLate } from '../../video/runningLate.ts'
import { listMessages, sendMessage } from '../../live/messagesEndpoints.ts'
import { refuseOverlap } from './hooks/refuseOverlap.ts'
import { validateTimes } from './hooks/validateTimes.ts'
import { STATUS_LABELS } from './admin/statusLabels.ts'
import { CLINIC_TIME_CELL, CLINIC_TIME_DESCRIPTION } from '../../admin/clinicTime/fields.ts'

/** `held`: a slot kept for a patient who is still booking (see scheduling/holds.ts). */
export const APPOINTMENT_STATUSES = ['held', 'requested', 'confirmed', 'cancelled', 'completed', 'no-show'] as const

/** A visit between one patient and one doctor of a clinic. Times are UTC instants. */
export const Appointments: CollectionConfig = audited({
  slug: 'appointments',
  access: appointmentsAccess,
  admin: {
    useAsTitle: 'start',
    defaultColumns: ['start', 'patient', 'doctor', 'status', 'visitType'],
    group: 'Clinic',
  },
  endpoints: [
    bookAppointment,
    holdSlot,
    cancelVisit,
    rescheduleVisit,
    confirmVisit,
    completeVisit,
    markNoShow,
    appointmentIcs,
    joinVisit,
    listMessages,
    sendMessage,
    inviteGuest,
    withdrawGuest,
    recordingConsent,
    recordVisit,
    runningLate,
  ],
  hooks: {
    beforeChange: [enforceClinicalOwnership({ doctorNeedsExistingPatient: true }), validateTimes, computeBlockedTime, refuseOverlap, recordChanges, clearRunningLate],
    afterChange: [emitEvents, closeRoomOnNewParticipants, paymentOnVisitChange],
    afterError: [overlapAsConflict],
  },
  // The overlap checks (database guard, refuseOverlap, busy times for slots) look for a person's visits that end
  // after a time: with these, they read a doctor's or patient's coming visits, not every visit they ever had.
  indexes: [{ fields: ['doctor', 'blockedEnd'] }, { fields: ['doctor', 'end'] }, { fields: ['patient', 'end'] }],
  fields: [
    { name: 'patient', type: 'relationship', relationTo: 'users', required: true, index: true },
    { name: 'doctor', type: 'relationship', relationTo: 'doctors', required: true, index: true, validate: doctorCheckedByOwnership },
    // The form's pickers work in the browser's zone (Payload's): the clinic's time is said under each, and in the list.
    {
      name: 'start',
      type: 'date',
      required: true,
      index: true,
      admin: { date: { pickerAppearance: 'dayAndTime' }, components: { Cell: CLINIC_TIME_CELL, Description: CLINIC_TIME_DESCRIPTION } },
    },
    {
      name: 'end',
      type: 'date',
      required: true,
      admin: { date: { pickerAppearance: 'dayAndTime' }, components: { Cell: CLINIC_TIME_CELL, Description: CLINIC_TIME_DESCRIPTION } },
    },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'requested',
      index: true,
      options: APPOINTMENT_STATUSES.map((value) => ({ value, label: STATUS_LABELS[value] })),
      admin: { components: { Cell: '/collections/Appointments/admin/StatusCell#StatusCell' } },
    },
    { name: 'visitType', type: 'select', required: true, defaultValue: 'video', options: [
        { value: 'video', label: 'Video' },
        { value: 'chat', label: 'Chat' },
      ],
    },
    { name: 'reason', type: 'textarea', maxLength: 2000 },
    { name: 'visitNotes', type: 'richText', access: visitNotesAccess, admin: { description: 'Seen by doctors only.' } },
    { name: 'cancellationReason', type: 'textarea', maxLength: 1000 },
    {
      name: 'recordingConsent',
      type: 'date',
      // Only the patient gives or withdraws it (POST /api/appointments/:id/recording-consent).
      access: { create: () => false, update: () => false },
      admin: {
        readOnly: true,
        description: 'When the patient agreed to this visit being recorded; empty if they did not.',
        components: { Cell: CLINIC_TIME_CELL },
      },
    },
    {
      name: 'runningLateMinutes',
      type: 'number',
      // Only the visit's doctor and the clinic's staff set it (POST /api/appointments/:id/running-late).
      access: { create: () => false, update: () => false },
      admin: { readOnly: true, description: 'How late the doctor said this visit starts, in minutes; the patient sees it while waiting.' },
    },
    { name: 'runningLateSetAt', type: 'date', access: { create: () => false, update: () => false }, admin: { readOnly: true } },
    // Set by computeBlockedTime; what the database's no-overlap guard compares.
    { name: 'blocking', type: 'checkbox', index: true, admin: { hidden: true } },
    { name: 'blockedStart', type: 'date', index: true, admin: { hidden: true } },
    { name: 'blockedEnd', type: 'date', admin: { hidden: true } },
    { name: 'holdExpiresAt', type: 'date', index: true, admin: { readOnly: true, condition: (data) => data?.status === 'held' } },
    {
      name: 'history',
      type: 'array',
      // Shown as a timeline in words (who, when in the clinic's time, what), not as rows of ids and instants.
      admin: {
        readOnly: true,
        description: 'Who changed the status or time, and when.',
        components: { Field: '/collections/Appointments/admin/HistoryTimeline#HistoryTimeline' },
      },
      fields: [
        { name: 'at', type: 'date', required: true },
        { name: 'by', type: 'relationship', relationTo: 'users' },
        { name: 'change', type: 'text', required: true },
      ],
    },
  ],
})
