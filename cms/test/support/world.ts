import type { Payload } from 'payload'
import { leavingDefaults } from '../../src/collections/leavingDefaults.ts'
import type { Appointment, Doctor, Prescription, User } from '../../src/payload-types.ts'

export const PASSWORD = 'test-password'
type Id = number
const HOUR = 60 * 60 * 1000
let clock = Date.now() + 48 * HOUR
/** Distinct future half-hours, so visits created by tests never collide. */
export const nextSlot = () => {
  clock += HOUR
  const start = new Date(clock)
  return { start: start.toISOString(), end: new Date(clock + 30 * 60 * 1000).toISOString() }
}

const sys = { overrideAccess: true, depth: 0 } as const

export type ClinicWorld = {
  id: Id
  admin: { id: Id; email: string }
  doctorUser: { id: Id; email: string }
  doctor: Id
  otherDoctorUser: { id: Id; email: string }
  otherDoctor: Id
  patient: { id: Id; email: string }
  otherPatient: { id: Id; email: string }
  appointment: Id
  otherAppointment: Id
  record: Id
  otherRecord: Id
  prescription: Id
  otherPrescription: Id
}

export type World = { platformAdmin: { id: Id; email: string }; alpha: ClinicWorld; beta: ClinicWorld }

export async function createUser(payload: Payload, email: string, role: User['role'], tenants: Id[]) {
  const doc = await payload.create({
    collection: 'users',
    data: { email, password: PASSWORD, name: email.split('@')[0]!, role, tenants: tenants.map((tenant) => ({ tenant })) },
    ...sys,
  })
  return { id: doc.id, email }
}

export async function createDoctorProfile(payload: Payload, userId: Id, tenant: Id, name: string) {
  const doc = await payload.create({
    collection: 'doctors',
    data: leavingDefaults<'doctors', 'bufferBeforeMinutes' | 'bufferAfterMinutes' | 'minimumNoticeMinutes' | 'bookingHorizonDays'>({
      user: userId,
      tenant,
      displayName: name,
      timeZone: 'UTC',
      visitMinutes: 30,
      active: true,
    }),
    ...sys,
  })
  return doc.id
}

export async function createAppointment(
  payload: Payload,
  tenant: Id,
  patient: Id,
  doctor: Id,
  status: Appointment['status'] = 'confirmed',
) {
  const doc = await payload.create({
    collection: 'appointments',
    data: { tenant, patient, doctor, ...nextSlot(), status, visitType: 'video', reason: 'Check-up' },
    ...sys,
  })
  return doc.id
}

export async function createRecord(payload: Payload, tenant: Id, patient: Id, title = 'Lab result') {
  const data = Buffer.from(`${title}: all values within range\n`)
  const doc = await payload.create({
    collection: 'records',
    data: { tenant, patient, title, kind: 'lab-result' },
    file: { data, mimetype: 'text/plain', name: `record-${Math.random().toString(36).slice(2)}.txt`, size: data.length },
    ...sys,
  })
  return doc.id
}

export async function createPrescription(payload: Payload, tenant: Id, patient: Id, doctor: Id, status: Prescription['status'] = 'signed') {
  const doc = await payload.create({
    collection: 'prescriptions',
    data: {
      tenant,
      patient,
      doctor,
      medication: { name: 'Ibuprofen', strength: '200 mg' },
      directions: 'One tablet as needed',
      quantity: 20,
      refills: 0,
      status,
    },
    ...sys,
  })
  return doc.id
}

async function createClinic(payload: Payload, slug: string): Promise<ClinicWorld> {
  const tenant = await payload.create({
    collection: 'tenants',
    data: leavingDefaults<'tenants', 'locale' | 'video' | 'bookingPolicy' | 'paymentPolicy'>({
      name: `Clinic ${slug}`,
      slug,
      theme: 'default',
      timeZone: 'UTC',
      currency: 'USD',
      domains: [{ domain: `${slug}.localhost` }],
    }),
    ...sys,
  })
  const id = tenant.id
  const admin = await createUser(payload, `admin@${slug}.test`, 'clinic-admin', [id])
  const doctorUser = await createUser(payload, `doctor@${slug}.test`, 'doctor', [id])
  const otherDoctorUser = await createUser(payload, `doctor2@${slug}.test`, 'doctor', [id])
  const doctor = await createDoctorProfile(payload, doctorUser.id, id, `Dr. One ${slug}`)
  const otherDoctor = await createDoctorProfile(payload, otherDoctorUser.id, id, `Dr. Two ${slug}`)
  const patient = await createUser(payload, `patient@${slug}.test`, 'patient', [id])
  const otherPatient = await createUser(payload, `patient2@${slug}.test`, 'patient', [id])
  return {
    id,
    admin,
    doctorUser,
    doctor,
    otherDoctorUser,
    otherDoctor,
    patient,
    otherPatient,
    appointment: await createAppointment(payload, id, patient.id, doctor),
    otherAppointment: await createAppointment(payload, id, otherPatient.id, otherDoctor),
    record: await createRecord(payload, id, patient.id),
    otherRecord: await createRecord(payload, id, otherPatient.id),
    prescription: await createPrescription(payload, id, patient.id, doctor),
    otherPrescription: await createPrescription(payload, id, otherPatient.id, otherDoctor),
  }
}

/**
 * Two clinics, each with an admin, two doctors and two patients: the first
 * patient sees the first doctor, the second patient sees the second doctor.
 * Enough to tell "own", "same clinic" and "other clinic" apart for every role.
 */
export async function createWorld(payload: Payload): Promise<World> {
  const platformAdmin = await createUser(payload, 'root@platform.test', 'platform-admin', [])
  return { platformAdmin, alpha: await createClinic(payload, 'alpha'), beta: await createClinic(payload, 'beta') }
}

/** Opens a doctor's calendar around the clock, every day, with no notice needed: any future grid time is bookable. */
export async function openAllWeek(payload: Payload, doctor: Id, extra: Partial<Doctor> = {}) {
  const weeklyHours = (['0', '1', '2', '3', '4', '5', '6'] as const).map((day) => ({ day, start: '00:00', end: '24:00' }))
  await payload.update({
    collection: 'doctors',
    id: doctor,
    data: { weeklyHours, minimumNoticeMinutes: 0, ...extra },
    overrideAccess: true,
  })
}

/**
 * A 30-minute visit of the clinic's first patient with its first doctor, at any
 * time (also in the past, which booking refuses): for tests of what happens around
 * a visit's time. Returns its id and instants.
 */
export async function visitAt(
  payload: Payload,
  clinic: ClinicWorld,
  start: number,
  extra: Partial<Pick<Appointment, 'status' | 'visitType'>> = {},
) {
  const end = start + 30 * 60_000
  const doc = await payload.create({
    collection: 'appointments',
    data: {
      tenant: clinic.id,
      patient: clinic.patient.id,
      doctor: clinic.doctor,
      start: new Date(start).toISOString(),
      end: new Date(end).toISOString(),
      status: extra.status ?? 'confirmed',
      visitType: extra.visitType ?? 'video',
    },
    ...sys,
  })
  return { id: doc.id, start, end }
}
