import type { Payload } from 'payload'
import { sameId } from '../access/roles.ts'
import { availabilityOf } from './availabilityOf.ts'
import type { Availability, Busy } from './computeSlots.ts'
import { isExpiredHold } from './holds.ts'
import { blockingVisits } from './appointmentQueries.ts'
import { addDays, localDateAt, zonedToUtc } from './zonedTime.ts'

type Calendar = {
  availability: Availability
  /** The doctor's visits (live holds included) around [from, to). */
  busy: Busy[]
  /** With `patient`: one of the patient's visits overlaps theirs. */
  patientBusy: boolean
  /** An expired hold, of the doctor or the patient, was among what was read: a write must release it first. */
  expiredHold: boolean
}

/**
 * A doctor's availability and the visits that block their time in [from, to)
 * (the whole days around it when the doctor has a daily maximum, so the
 * maximum counts every visit of the day), and with `patient` whether the
 * patient has a visit of their own at that time: only times leave this
 * function, never who the visits are with.
 */
export async function loadCalendar(
  payload: Payload,
  doctor: Parameters<typeof availabilityOf>[0] & { id: number | string },
  from: number,
  to: number,
  patient?: { id: number | string; start: number; end: number },
): Promise<Calendar> {
  const availability = availabilityOf(doctor)
  const margin = (availability.bufferBeforeMinutes + availability.bufferAfterMinutes) * 60_000
  let [readFrom, readTo] = [from - margin, to + margin]
  if (availability.dailyMaximum !== null) {
    readFrom = Math.min(readFrom, zonedToUtc(localDateAt(from, availability.timeZone), 0, availability.timeZone))
    readTo = Math.max(readTo, zonedToUtc(addDays(localDateAt(to, availability.timeZone), 1), 0, availability.timeZone))
  }
  const iso = (instant: number) => new Date(instant).toISOString()
  const visits = await blockingVisits(payload, {
    doctor: doctor.id,
    from: iso(readFrom),
    to: iso(readTo),
    ...(patient ? { patient: { id: patient.id, start: iso(patient.start), end: iso(patient.end) } } : {}),
  })
  const now = Date.now()
  const calendar: Calendar = { availability, busy: [], patientBusy: false, expiredHold: false }
  for (const visit of visits) {
    if (isExpiredHold(visit, now)) {
      calendar.expiredHold = true
      continue
    }
    const [start, end] = [Date.parse(visit.start), Date.parse(visit.end)]
    if (sameId(visit.doctor, doctor.id) && start < readTo && end > readFrom) calendar.busy.push({ start, end })
    if (patient && sameId(visit.patient, patient.id) && start < patient.end && end > patient.start) calendar.patientBusy = true
  }
  return calendar
}
