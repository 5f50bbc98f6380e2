/**
 * The access matrix: every role × collection × operation × target, through REST
 * as real clients call it. Each row below reads as the policy in plain letters:
 * `y` allowed, `-` denied, one letter per target in the order given.
 * Allowed means the effect happened; denied means a 4xx and nothing changed.
 */
import type { CollectionSlug, Payload } from 'payload'
import { leavingDefaults } from '../src/collections/leavingDefaults.ts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { client, signIn, type Client } from './support/http.ts'
import { startWorld, type TestServer } from './support/testServer.ts'
import {
  createAppointment,
  createDoctorProfile,
  createPrescription,
  createRecord,
  createUser,
  nextSlot,
  PASSWORD,
  type World,
} from './support/world.ts'

const ROLES = ['anonymous', 'patient', 'doctor', 'clinic-admin', 'platform-admin'] as const
type Role = (typeof ROLES)[number]
type Id = number
type Op = 'read' | 'update' | 'create' | 'delete'
type Expectation = { targets: string[]; roles: Record<Role, string> }
type Ctx = { payload: Payload; world: World; actor: Role; actorId: Id | null }

/** What each op does to a collection, given a target name. */
type CollectionSpec = {
  /** The collection, when the spec's name is not its slug (several specs of one collection, e.g. users' role). */
  collection?: CollectionSlug
  /** Read and delete through `?where[id][equals]=` (Payload's preferences answer `/:id` as a key of one's own). */
  byQuery?: true
  /** An existing document for read/update. */
  existing: (ctx: Ctx, target: string) => Promise<Id> | Id
  /** A fresh document for delete, so deleting never disturbs other cells. */
  disposable: (ctx: Ctx, target: string) => Promise<Id>
  /** A body for create (JSON or multipart). */
  createBody: (ctx: Ctx, target: string) => Promise<unknown> | unknown
  /** A harmless change for update, and how to see it stuck. */
  update: { body: (n: number) => Record<string, unknown>; stuck: (doc: any, n: number) => boolean | Promise<boolean> }
  /** Every collection has all four operations; a spec of one aspect (e.g. `users:role`) may list only update. */
  matrix: Partial<Record<Op, Expectation>> & Pick<Record<Op, Expectation>, 'update'>
}

const sys = { overrideAccess: true, depth: 0 } as const
const A = (ctx: Ctx) => ctx.world.alpha
const B = (ctx: Ctx) => ctx.world.beta
let unique = 0

const clinical = (ctx: Ctx, target: string) =>
  target === 'own'
    ? { tenant: A(ctx).id, patient: A(ctx).patient.id, doctor: A(ctx).doctor }
    : target === 'sameClinic'
      ? { tenant: A(ctx).id, patient: A(ctx).otherPatient.id, doctor: A(ctx).otherDoctor }
      : { tenant: B(ctx).id, patient: B(ctx).patient.id, doctor: B(ctx).doctor }

function recordForm(fields: Record<string, unknown>) {
  const form = new FormData()
  form.append('_payload', JSON.stringify({ title: 'Scan', kind: 'imaging', ...fields }))
  form.append('file', new Blob(['plain text result\n'], { type: 'text/plain' }), `upload-${++unique}.txt`)
  return form
}

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64')
const imageFor = async (ctx: Ctx, tenant: Id) =>
  (
    await ctx.payload.create({
      collection: 'media',
      data: { tenant, alt: 'Portrait' },
      file: { data: PNG, mimetype: 'image/png', name: `p-${++unique}.png`, size: PNG.length },
      ...sys,
    })
  ).id

const notificationFor = async (ctx: Ctx, recipient: Id, tenant: Id) =>
  (
    await ctx.payload.create({
      collection: 'notifications',
      data: leavingDefaults<'notifications', 'status'>({ tenant, recipient, channel: 'in-app', event: 'test', subject: 'Hello' }),
      ...sys,
    })
  ).id

/** Rows the platform writes through its own endpoints; here through the Local API, as those endpoints do. */
const visitChild = (collection: 'visit-messages' | 'visit-attendance' | 'visit-guests') => async (ctx: Ctx, target: string) => {
  const c = clinical(ctx, target)
  const appointment = target === 'own' ? A(ctx).appointment : target === 'sameClinic' ? A(ctx).otherAppointment : B(ctx).appointment
  const n = ++unique
  const data = {
    'visit-messages': { tenant: c.tenant, appointment, patient: c.patient, sender: c.patient, body: `Hello ${n}` },
    'visit-attendance': {
      tenant: c.tenant,
      appointment,
      patient: c.patient,
      user: c.patient,
      role: 'patient',
      source: 'room',
      joinedAt: new Date().toISOString(),
    },
    'visit-guests': { tenant: c.tenant, appointment, patient: c.patient, name: `Guest ${n}`, tokenHash: `hash-${n}-${Math.random()}` },
  }[collection]
  // One of three collections, each with its own data: the types cannot pair the collection with its data.
  return (await ctx.payload.create({ collection, data: data as never, ...sys })).id
}

/** Chat, attendance and guests: read like the visit's other clinical data, written only by the platform. */
const visitChildSpec = (
  collection: 'visit-messages' | 'visit-attendance' | 'visit-guests',
  update: CollectionSpec['update'],
): CollectionSpec => ({
  existing: visitChild(collection),
  disposable: visitChild(collection),
  createBody: (ctx, t) => {
    const c = clinical(ctx, t)
    return {
      tenant: c.tenant,
      appointment: A(ctx).appointment,
      patient: c.patient,
      sender: c.patient,
      user: c.patient,
      body: 'Forged',
      name: 'Forged',
      role: 'patient',
      source: 'room',
      joinedAt: new Date().toISOString(),
    }
  },
  update,
  matrix: {
    read: {
      targets: ['own', 'sameClinic', 'otherClinic'],
      roles: { anonymous: '---', patient: 'y--', doctor: 'y--', 'clinic-admin': 'yy-', 'platform-admin': 'yyy' },
    },
    update: {
      targets: ['own', 'sameClinic', 'otherClinic'],
      roles: { anonymous: '---', patient: '---', doctor: '---', 'clinic-admin': '---', 'platform-admin': '---' },
    },
    create: {
      targets: ['own', 'otherClinic'],
      roles: { anonymous: '--', patient: '--', doctor: '--', 'clinic-admin': '--', 'platform-admin': '--' },
    },
    delete: {
      targets: ['own', 'sameClinic', 'otherClinic'],
      roles: { anonymous: '---', patient: '---', doctor: '---', 'clinic-admin': '---', 'platform-admin': 'yyy' },
    },
  },
})

/** A payment of a visit, as the platform's payment endpoints write it. */
const paymentFor = async (ctx: Ctx, target: string) => {
  const c = clinical(ctx, target)
  const appointment = target === 'own' ? A(ctx).appointment : target === 'sameClinic' ? A(ctx).otherAppointment : B(ctx).appointment
  const { start, end } = nextSlot()
  const data = leavingDefaults<'payments', 'amountRefunded'>({
    ...c,
    appointment,
    visitStart: start,
    visitEnd: end,
    visitType: 'video',
    amount: 4500,
    currency: 'USD',
    provider: 'desk',
    status: 'due',
  })
  return (await ctx.payload.create({ collection: 'payments', data, ...sys })).id
}

/** A provider event as the payments webhook stores it. */
const paymentEventFor = async (ctx: Ctx, target: string) => {
  const n = ++unique
  const tenant = target === 'own' ? A(ctx).id : B(ctx).id
  const event = { id: `evt_${n}`, type: 'checkout.paid', created: 1 }
  const data = { key: `stripe:evt_${n}`, provider: 'stripe', tenant, type: 'checkout.paid', event }
  return (await ctx.payload.create({ collection: 'payment-events', data, ...sys })).id
}

/** A job waiting far in the future, so no runner takes it during the test. */
const jobFor = async (ctx: Ctx) =>
  (
    await ctx.payload.jobs.queue({
      task: 'payments-apply-event',
      input: { event: ++unique },
      waitUntil: new Date(Date.now() + 365 * 24 * 3_600_000),
    })
  ).id as Id

const lockOf = async (ctx: Ctx, target: string) => {
  const holder =
    target === 'ownLock' ? (ctx.actorId ?? A(ctx).admin.id) : A(ctx).admin.id === ctx.actorId ? A(ctx).doctorUser.id : A(ctx).admin.id
  const doc = await ctx.payload.create({
    collection: 'payload-locked-documents',
    data: { document: { relationTo: 'records', value: A(ctx).record }, user: { relationTo: 'users', value: holder } },
    ...sys,
  })
  return doc.id
}

/** Payload sets a preference's owner to its writer: straight through the adapter to make someone else's. */
const preferenceOf = async (ctx: Ctx, target: string) => {
  const owner = target === 'own' ? (ctx.actorId ?? A(ctx).patient.id) : B(ctx).admin.id
  const data = { key: `columns-${++unique}`, user: { relationTo: 'users', value: owner }, value: { n: unique } }
  // The adapter needs no request outside a transaction; its type asks for a whole one.
  return (await ctx.payload.db.create({ collection: 'payload-preferences', data, req: {} as never })).id as Id
}

const sharedAccount = async (ctx: Ctx) => (await createUser(ctx.payload, `shared-${++unique}@x.test`, 'patient', [A(ctx).id, B(ctx).id])).id
const alphaOnlyAccount = async (ctx: Ctx) => (await createUser(ctx.payload, `alpha-${++unique}@x.test`, 'patient', [A(ctx).id])).id
/** Accounts of one clinic, and accounts Clinic alpha shares with Clinic beta: only update is at stake. */
const accountAspect = (update: CollectionSpec['update'], roles: Expectation['roles']): CollectionSpec => ({
  collection: 'users',
  existing: (ctx, t) => (t === 'twoClinics' ? sharedAccount(ctx) : alphaOnlyAccount(ctx)),
  disposable: alphaOnlyAccount,
  createBody: () => ({}),
  update,
  matrix: { update: { targets: ['oneClinic', 'twoClinics'], roles } },
})

const SPECS: Record<string, CollectionSpec> = {
  tenants: {
    existing: (ctx, t) => (t === 'own' ? A(ctx).id : B(ctx).id),
    disposable: async (ctx) =>
      (
        await ctx.payload.create({
          collection: 'tenants',
          data: leavingDefaults<'tenants', 'timeZone' | 'locale' | 'currency' | 'video' | 'bookingPolicy' | 'paymentPolicy'>({
            name: 'Empty',
            slug: `empty-${++unique}`,
            theme: 'default',
          }),
          ...sys,
        })
      ).id,
    createBody: () => ({ name: 'New clinic', slug: `new-${++unique}`, theme: 'default', timeZone: 'Europe/Paris', currency: 'EUR' }),
    update: { body: (n) => ({ contact: { phone: `+1 555 ${1000 + n}` } }), stuck: (d, n) => d.contact?.phone === `+1 555 ${1000 + n}` },
    matrix: {
      read: {
        targets: ['own', 'otherClinic'],
        roles: { anonymous: 'yy', patient: 'yy', doctor: 'yy', 'clinic-admin': 'yy', 'platform-admin': 'yy' },
      },
      update: {
        targets: ['own', 'otherClinic'],
        roles: { anonymous: '--', patient: '--', doctor: '--', 'clinic-admin': 'y-', 'platform-admin': 'yy' },
      },
      create: { targets: ['new'], roles: { anonymous: '-', patient: '-', doctor: '-', 'clinic-admin': '-', 'platform-admin': 'y' } },
      delete: {
        targets: ['emptyClinic'],
        roles: { anonymous: '-', patient: '-', doctor: '-', 'clinic-admin': '-', 'platform-admin': 'y' },
      },
    },
  },
  users: {
    existing: (ctx, t) =>
      t === 'self'
        ? (ctx.actorId ?? A(ctx).patient.id)
        : t === 'myPatient'
          ? A(ctx).patient.id
          : t === 'sameClinic'
            ? A(ctx).otherPatient.id
            : B(ctx).patient.id,
    disposable: async (ctx, t) =>
      (await createUser(ctx.payload, `gone-${++unique}@x.test`, 'patient', [t === 'sameClinic' ? A(ctx).id : B(ctx).id])).id,
    createBody: (ctx, t) => {
      const tenant = t === 'ownClinic' ? A(ctx).id : B(ctx).id
      return { name: 'New Patient', email: `new-${++unique}@x.test`, password: PASSWORD, tenants: [{ tenant }], consents: [{ tenant }] }
    },
    update: { body: (n) => ({ name: `Renamed ${n}` }), stuck: (d, n) => d.name === `Renamed ${n}` },
    matrix: {
      read: {
        targets: ['self', 'myPatient', 'sameClinic', 'otherClinic'],
        roles: { anonymous: '----', patient: 'yy--', doctor: 'yy--', 'clinic-admin': 'yyy-', 'platform-admin': 'yyyy' },
      },
      update: {
        targets: ['self', 'myPatient', 'sameClinic', 'otherClinic'],
        roles: { anonymous: '----', patient: 'yy--', doctor: 'y---', 'clinic-admin': 'yyy-', 'platform-admin': 'yyyy' },
      },
      create: {
        targets: ['ownClinic', 'otherClinic'],
        // Patients register through POST /api/users/register (cms/test/security-accounts.int.test.ts).
        roles: { anonymous: '--', patient: '--', doctor: '--', 'clinic-admin': 'y-', 'platform-admin': 'yy' },
      },
      delete: {
        targets: ['sameClinic', 'otherClinic'],
        roles: { anonymous: '--', patient: '--', doctor: '--', 'clinic-admin': '--', 'platform-admin': 'yy' },
      },
    },
  },
  doctors: {
    existing: async (ctx, t) => {
      if (t === 'own') return A(ctx).doctor
      if (t === 'sameClinic') return A(ctx).otherDoctor
      if (t === 'otherClinic') return B(ctx).doctor
      const clinic = t === 'inactiveSameClinic' ? A(ctx) : B(ctx)
      const user = await createUser(ctx.payload, `inactive-${++unique}@x.test`, 'doctor', [clinic.id])
      const id = await createDoctorProfile(ctx.payload, user.id, clinic.id, 'Dr. Retired')
      await ctx.payload.update({ collection: 'doctors', id, data: { active: false }, ...sys })
      return id
    },
    disposable: async (ctx, t) => {
      const clinic = t === 'sameClinic' ? A(ctx) : B(ctx)
      const user = await createUser(ctx.payload, `leaving-${++unique}@x.test`, 'doctor', [clinic.id])
      return createDoctorProfile(ctx.payload, user.id, clinic.id, 'Dr. Leaving')
    },
    createBody: async (ctx, t) => {
      const clinic = t === 'ownClinic' ? A(ctx) : B(ctx)
      const user = await createUser(ctx.payload, `joining-${++unique}@x.test`, 'doctor', [clinic.id])
      return { user: user.id, tenant: clinic.id, displayName: 'Dr. New', timeZone: 'UTC', visitMinutes: 20 }
    },
    update: { body: (n) => ({ title: `Title ${n}` }), stuck: (d, n) => d.title === `Title ${n}` },
    matrix: {
      read: {
        targets: ['own', 'sameClinic', 'otherClinic', 'inactiveSameClinic', 'inactiveOtherClinic'],
        roles: { anonymous: 'yyy--', patient: 'yyy--', doctor: 'yyyy-', 'clinic-admin': 'yyyy-', 'platform-admin': 'yyyyy' },
      },
      update: {
        targets: ['own', 'sameClinic', 'otherClinic'],
        roles: { anonymous: '---', patient: '---', doctor: 'y--', 'clinic-admin': 'yy-', 'platform-admin': 'yyy' },
      },
      create: {
        targets: ['ownClinic', 'otherClinic'],
        roles: { anonymous: '--', patient: '--', doctor: '--', 'clinic-admin': 'y-', 'platform-admin': 'yy' },
      },
      delete: {
        targets: ['sameClinic', 'otherClinic'],
        roles: { anonymous: '--', patient: '--', doctor: '--', 'clinic-admin': 'y-', 'platform-admin': 'yy' },
      },
    },
  },
  media: {
    existing: (ctx, t) => imageFor(ctx, t === 'own' ? A(ctx).id : B(ctx).id),
    disposable: (ctx, t) => imageFor(ctx, t === 'own' ? A(ctx).id : B(ctx).id),
    createBody: (ctx, t) => {
      const form = new FormData()
      form.append('_payload', JSON.stringify({ alt: 'Dr. portrait', tenant: t === 'ownClinic' ? A(ctx).id : B(ctx).id }))
      form.append('file', new Blob([new Uint8Array(PNG)], { type: 'image/png' }), `portrait-${++unique}.png`)
      return form
    },
    update: { body: (n) => ({ alt: `Alt ${n}` }), stuck: (d, n) => d.alt === `Alt ${n}` },
    matrix: {
      read: {
        targets: ['own', 'otherClinic'],
        roles: { anonymous: 'yy', patient: 'yy', doctor: 'yy', 'clinic-admin': 'yy', 'platform-admin': 'yy' },
      },
      update: {
        targets: ['own', 'otherClinic'],
        roles: { anonymous: '--', patient: '--', doctor: '--', 'clinic-admin': 'y-', 'platform-admin': 'yy' },
      },
      create: {
        targets: ['ownClinic', 'otherClinic'],
        roles: { anonymous: '--', patient: '--', doctor: 'y-', 'clinic-admin': 'y-', 'platform-admin': 'yy' },
      },
      delete: {
        targets: ['own', 'otherClinic'],
        roles: { anonymous: '--', patient: '--', doctor: '--', 'clinic-admin': 'y-', 'platform-admin': 'yy' },
      },
    },
  },
  appointments: {
    existing: (ctx, t) => (t === 'own' ? A(ctx).appointment : t === 'sameClinic' ? A(ctx).otherAppointment : B(ctx).appointment),
    disposable: (ctx, t) => {
      const c = clinical(ctx, t)
      return createAppointment(ctx.payload, c.tenant, c.patient, c.doctor)
    },
    createBody: async (ctx, t) => {
      const c = clinical(ctx, t)
      if (t === 'sameClinic') {
        // A patient of the clinic whom the doctor has not seen: only the clinic's admins may book them (a doctor
        // writing the visit would make them "their" patient, see RELATING_STATUSES).
        const newcomer = await createUser(ctx.payload, `newcomer-${++unique}@x.test`, 'patient', [A(ctx).id])
        return {
          ...c,
          patient: newcomer.id,
          doctor: A(ctx).doctor,
          ...nextSlot(),
          status: 'requested',
          visitType: 'video',
          reason: 'New visit',
        }
      }
      return { ...c, ...nextSlot(), status: 'requested', visitType: 'video', reason: 'New visit' }
    },
    update: { body: (n) => ({ reason: `Reason ${n}` }), stuck: (d, n) => d.reason === `Reason ${n}` },
    matrix: {
      read: {
        targets: ['own', 'sameClinic', 'otherClinic'],
        roles: { anonymous: '---', patient: 'y--', doctor: 'y--', 'clinic-admin': 'yy-', 'platform-admin': 'yyy' },
      },
      update: {
        targets: ['own', 'sameClinic', 'otherClinic'],
        roles: { anonymous: '---', patient: '---', doctor: 'y--', 'clinic-admin': 'yy-', 'platform-admin': 'yyy' },
      },
      create: {
        targets: ['own', 'sameClinic', 'otherClinic'],
        roles: { anonymous: '---', patient: '---', doctor: 'y--', 'clinic-admin': 'yy-', 'platform-admin': 'yyy' },
      },
      delete: {
        targets: ['own', 'sameClinic', 'otherClinic'],
        roles: { anonymous: '---', patient: '---', doctor: '---', 'clinic-admin': '---', 'platform-admin': 'yyy' },
      },
    },
  },
  records: {
    existing: async (ctx, t) => {
      if (t !== 'ownUpload') return t === 'own' ? A(ctx).record : t === 'sameClinic' ? A(ctx).otherRecord : B(ctx).record
      // The patient's record that the patient uploaded (the world's records were written by trusted code: no uploader).
      const id = await createRecord(ctx.payload, A(ctx).id, A(ctx).patient.id)
      await ctx.payload.db.updateOne({ collection: 'records', id, data: { uploadedBy: A(ctx).patient.id } })
      return id
    },
    disposable: (ctx, t) => {
      const c = clinical(ctx, t)
      return createRecord(ctx.payload, c.tenant, c.patient)
    },
    createBody: (ctx, t) => {
      const { tenant, patient } = clinical(ctx, t)
      return recordForm({ tenant, patient })
    },
    update: { body: (n) => ({ title: `Title ${n}` }), stuck: (d, n) => d.title === `Title ${n}` },
    matrix: {
      read: {
        targets: ['own', 'sameClinic', 'otherClinic'],
        roles: { anonymous: '---', patient: 'y--', doctor: 'y--', 'clinic-admin': 'yy-', 'platform-admin': 'yyy' },
      },
      update: {
        // A patient edits only what they uploaded: 'own' is their record written by the clinic's side.
        targets: ['own', 'ownUpload', 'sameClinic', 'otherClinic'],
        roles: { anonymous: '----', patient: '-y--', doctor: 'yy--', 'clinic-admin': 'yyy-', 'platform-admin': 'yyyy' },
      },
      create: {
        targets: ['own', 'sameClinic', 'otherClinic'],
        roles: { anonymous: '---', patient: 'y--', doctor: 'y--', 'clinic-admin': 'yy-', 'platform-admin': 'yyy' },
      },
      delete: {
        targets: ['own', 'sameClinic', 'otherClinic'],
        roles: { anonymous: '---', patient: '---', doctor: '---', 'clinic-admin': '---', 'platform-admin': 'yyy' },
      },
    },
  },
  prescriptions: {
    existing: (ctx, t) => (t === 'own' ? A(ctx).prescription : t === 'sameClinic' ? A(ctx).otherPrescription : B(ctx).prescription),
    disposable: (ctx, t) => {
      const c = clinical(ctx, t)
      return createPrescription(ctx.payload, c.tenant, c.patient, c.doctor)
    },
    createBody: (ctx, t) => ({
      ...clinical(ctx, t),
      medication: { name: 'Cetirizine', strength: '10 mg' },
      directions: 'Once daily',
      quantity: 30,
      refills: 1,
    }),
    update: { body: (n) => ({ pharmacy: `Pharmacy ${n}` }), stuck: (d, n) => d.pharmacy === `Pharmacy ${n}` },
    matrix: {
      read: {
        targets: ['own', 'sameClinic', 'otherClinic'],
        roles: { anonymous: '---', patient: 'y--', doctor: 'y--', 'clinic-admin': 'yy-', 'platform-admin': 'yyy' },
      },
      update: {
        targets: ['own', 'sameClinic', 'otherClinic'],
        roles: { anonymous: '---', patient: '---', doctor: 'y--', 'clinic-admin': '---', 'platform-admin': 'yyy' },
      },
      create: {
        targets: ['own', 'sameClinic', 'otherClinic'],
        roles: { anonymous: '---', patient: '---', doctor: 'y--', 'clinic-admin': '---', 'platform-admin': 'yyy' },
      },
      delete: {
        targets: ['own', 'sameClinic', 'otherClinic'],
        roles: { anonymous: '---', patient: '---', doctor: '---', 'clinic-admin': '---', 'platform-admin': 'yyy' },
      },
    },
  },
  notifications: {
    existing: (ctx, t) =>
      t === 'own'
        ? notificationFor(ctx, ctx.actorId ?? A(ctx).patient.id, A(ctx).id)
        : t === 'sameClinic'
          ? notificationFor(ctx, A(ctx).otherPatient.id, A(ctx).id)
          : notificationFor(ctx, B(ctx).patient.id, B(ctx).id),
    disposable: (ctx, t) =>
      t === 'own'
        ? notificationFor(ctx, A(ctx).patient.id, A(ctx).id)
        : t === 'sameClinic'
          ? notificationFor(ctx, A(ctx).otherPatient.id, A(ctx).id)
          : notificationFor(ctx, B(ctx).patient.id, B(ctx).id),
    createBody: (ctx, t) => {
      const clinic = t === 'ownClinic' ? A(ctx) : B(ctx)
      return { tenant: clinic.id, recipient: clinic.patient.id, channel: 'email', event: 'reminder', subject: 'Your visit is tomorrow' }
    },
    update: { body: (n) => ({ subject: `Subject ${n}` }), stuck: (d, n) => d.subject === `Subject ${n}` },
    matrix: {
      read: {
        targets: ['own', 'sameClinic', 'otherClinic'],
        roles: { anonymous: '---', patient: 'y--', doctor: 'y--', 'clinic-admin': 'yy-', 'platform-admin': 'yyy' },
      },
      update: {
        targets: ['own', 'sameClinic', 'otherClinic'],
        roles: { anonymous: '---', patient: '---', doctor: '---', 'clinic-admin': 'yy-', 'platform-admin': 'yyy' },
      },
      create: {
        targets: ['ownClinic', 'otherClinic'],
        roles: { anonymous: '--', patient: '--', doctor: '--', 'clinic-admin': 'y-', 'platform-admin': 'yy' },
      },
      delete: {
        targets: ['own', 'sameClinic', 'otherClinic'],
        roles: { anonymous: '---', patient: '---', doctor: '---', 'clinic-admin': '---', 'platform-admin': 'yyy' },
      },
    },
  },
  'audit-log': {
    existing: async (ctx, t) => {
      const tenant = t === 'own' ? A(ctx).id : B(ctx).id
      const found = await ctx.payload.find({ collection: 'audit-log', where: { tenant: { equals: tenant } }, limit: 1, ...sys })
      return found.docs[0]!.id
    },
    disposable: async (ctx, t) => {
      const tenant = t === 'own' ? A(ctx).id : B(ctx).id
      return (
        await ctx.payload.create({
          collection: 'audit-log',
          data: { role: 'system', action: 'read', resource: 'records', tenant },
          ...sys,
        })
      ).id
    },
    createBody: (ctx) => ({ role: 'doctor', action: 'read', resource: 'records', tenant: A(ctx).id }),
    update: { body: () => ({ role: 'forged' }), stuck: (d) => d.role === 'forged' },
    matrix: {
      read: {
        targets: ['own', 'otherClinic'],
        roles: { anonymous: '--', patient: '--', doctor: '--', 'clinic-admin': 'y-', 'platform-admin': 'yy' },
      },
      update: {
        targets: ['own', 'otherClinic'],
        roles: { anonymous: '--', patient: '--', doctor: '--', 'clinic-admin': '--', 'platform-admin': '--' },
      },
      create: { targets: ['new'], roles: { anonymous: '-', patient: '-', doctor: '-', 'clinic-admin': '-', 'platform-admin': '-' } },
      delete: {
        targets: ['own', 'otherClinic'],
        roles: { anonymous: '--', patient: '--', doctor: '--', 'clinic-admin': '--', 'platform-admin': '--' },
      },
    },
  },
  'visit-messages': visitChildSpec('visit-messages', { body: (n) => ({ body: `Edited ${n}` }), stuck: (d, n) => d.body === `Edited ${n}` }),
  'visit-attendance': visitChildSpec('visit-attendance', { body: () => ({ seconds: 999_999 }), stuck: (d) => d.seconds === 999_999 }),
  'visit-guests': visitChildSpec('visit-guests', { body: (n) => ({ name: `Renamed ${n}` }), stuck: (d, n) => d.name === `Renamed ${n}` }),
  payments: {
    existing: paymentFor,
    disposable: paymentFor,
    createBody: (ctx, t) => ({ ...clinical(ctx, t === 'ownClinic' ? 'own' : 'otherClinic'), amount: 1, currency: 'USD', status: 'paid' }),
    update: { body: (n) => ({ status: 'paid', amount: n }), stuck: (d, n) => d.amount === n },
    matrix: {
      read: {
        targets: ['own', 'sameClinic', 'otherClinic'],
        roles: { anonymous: '---', patient: 'y--', doctor: 'y--', 'clinic-admin': 'yy-', 'platform-admin': 'yyy' },
      },
      update: {
        targets: ['own', 'sameClinic', 'otherClinic'],
        roles: { anonymous: '---', patient: '---', doctor: '---', 'clinic-admin': '---', 'platform-admin': '---' },
      },
      create: {
        targets: ['ownClinic', 'otherClinic'],
        roles: { anonymous: '--', patient: '--', doctor: '--', 'clinic-admin': '--', 'platform-admin': '--' },
      },
      delete: {
        targets: ['own', 'sameClinic', 'otherClinic'],
        roles: { anonymous: '---', patient: '---', doctor: '---', 'clinic-admin': '---', 'platform-admin': '---' },
      },
    },
  },
  'payment-events': {
    existing: paymentEventFor,
    disposable: paymentEventFor,
    createBody: (ctx) => ({ key: `forged-${++unique}`, provider: 'stripe', tenant: A(ctx).id, type: 'checkout.paid', event: {} }),
    update: { body: () => ({ outcome: 'forged' }), stuck: (d) => d.outcome === 'forged' },
    matrix: {
      read: {
        targets: ['own', 'otherClinic'],
        roles: { anonymous: '--', patient: '--', doctor: '--', 'clinic-admin': '--', 'platform-admin': 'yy' },
      },
      update: {
        targets: ['own', 'otherClinic'],
        roles: { anonymous: '--', patient: '--', doctor: '--', 'clinic-admin': '--', 'platform-admin': '--' },
      },
      create: { targets: ['new'], roles: { anonymous: '-', patient: '-', doctor: '-', 'clinic-admin': '-', 'platform-admin': '-' } },
      delete: {
        targets: ['own', 'otherClinic'],
        roles: { anonymous: '--', patient: '--', doctor: '--', 'clinic-admin': '--', 'platform-admin': '--' },
      },
    },
  },
  // The jobs queue (refunds of cancelled visits, payment events, plugins' jobs): written by the platform's code only.
  'payload-jobs': {
    existing: jobFor,
    disposable: jobFor,
    createBody: () => ({ taskSlug: 'payments-apply-event', input: { event: 1 } }),
    update: { body: () => ({ hasError: true }), stuck: (d) => d.hasError === true },
    matrix: {
      read: { targets: ['any'], roles: { anonymous: '-', patient: '-', doctor: '-', 'clinic-admin': '-', 'platform-admin': 'y' } },
      update: { targets: ['any'], roles: { anonymous: '-', patient: '-', doctor: '-', 'clinic-admin': '-', 'platform-admin': '-' } },
      create: { targets: ['any'], roles: { anonymous: '-', patient: '-', doctor: '-', 'clinic-admin': '-', 'platform-admin': '-' } },
      delete: { targets: ['any'], roles: { anonymous: '-', patient: '-', doctor: '-', 'clinic-admin': '-', 'platform-admin': '-' } },
    },
  },
  'idempotency-records': {
    existing: async (ctx) =>
      (
        await ctx.payload.create({
          collection: 'idempotency-records',
          data: { key: `k-${++unique}`, status: 201, body: {} },
          ...sys,
        })
      ).id,
    disposable: async (ctx) =>
      (
        await ctx.payload.create({
          collection: 'idempotency-records',
          data: { key: `k-${++unique}`, status: 201, body: {} },
          ...sys,
        })
      ).id,
    createBody: () => ({ key: `forged-${++unique}`, status: 201, body: { doc: { id: 1 } } }),
    update: { body: () => ({ status: 500 }), stuck: (d) => d.status === 500 },
    matrix: {
      read: { targets: ['any'], roles: { anonymous: '-', patient: '-', doctor: '-', 'clinic-admin': '-', 'platform-admin': '-' } },
      update: { targets: ['any'], roles: { anonymous: '-', patient: '-', doctor: '-', 'clinic-admin': '-', 'platform-admin': '-' } },
      create: { targets: ['any'], roles: { anonymous: '-', patient: '-', doctor: '-', 'clinic-admin': '-', 'platform-admin': '-' } },
      delete: { targets: ['any'], roles: { anonymous: '-', patient: '-', doctor: '-', 'clinic-admin': '-', 'platform-admin': '-' } },
    },
  },
  'payload-locked-documents': {
    existing: lockOf,
    disposable: lockOf,
    createBody: (ctx) => ({
      document: { relationTo: 'records', value: A(ctx).record },
      user: { relationTo: 'users', value: ctx.actorId ?? A(ctx).admin.id },
    }),
    update: { body: (n) => ({ globalSlug: `g-${n}` }), stuck: (d, n) => d.globalSlug === `g-${n}` },
    matrix: {
      read: {
        targets: ['ownLock', 'othersLock'],
        roles: { anonymous: '--', patient: '--', doctor: 'yy', 'clinic-admin': 'yy', 'platform-admin': 'yy' },
      },
      update: {
        targets: ['ownLock', 'othersLock'],
        roles: { anonymous: '--', patient: '--', doctor: 'y-', 'clinic-admin': 'y-', 'platform-admin': 'yy' },
      },
      create: { targets: ['ownLock'], roles: { anonymous: '-', patient: '-', doctor: 'y', 'clinic-admin': 'y', 'platform-admin': 'y' } },
      delete: {
        targets: ['ownLock', 'othersLock'],
        roles: { anonymous: '--', patient: '--', doctor: 'y-', 'clinic-admin': 'y-', 'platform-admin': 'yy' },
      },
    },
  },
  'payload-preferences': {
    existing: preferenceOf,
    disposable: preferenceOf,
    // Naming someone else as the owner changes nothing: Payload makes the writer the owner.
    createBody: (ctx) => ({ key: `mine-${++unique}`, user: { relationTo: 'users', value: B(ctx).admin.id }, value: { n: 1 } }),
    update: { body: (n) => ({ value: { n: -n } }), stuck: (d, n) => d.value?.n === -n },
    byQuery: true,
    matrix: {
      read: {
        targets: ['own', 'someoneElse'],
        roles: { anonymous: '--', patient: 'y-', doctor: 'y-', 'clinic-admin': 'y-', 'platform-admin': 'y-' },
      },
      update: {
        targets: ['own', 'someoneElse'],
        roles: { anonymous: '--', patient: 'y-', doctor: 'y-', 'clinic-admin': 'y-', 'platform-admin': 'y-' },
      },
      create: {
        targets: ['own'],
        roles: { anonymous: '-', patient: 'y', doctor: 'y', 'clinic-admin': 'y', 'platform-admin': 'y' },
      },
      delete: {
        targets: ['own', 'someoneElse'],
        roles: { anonymous: '--', patient: 'y-', doctor: 'y-', 'clinic-admin': 'y-', 'platform-admin': 'y-' },
      },
    },
  },
  'payload-kv': {
    existing: async (ctx) =>
      (await ctx.payload.create({ collection: 'payload-kv', data: { key: `kv-${++unique}`, data: { n: 1 } }, ...sys })).id,
    disposable: async (ctx) =>
      (await ctx.payload.create({ collection: 'payload-kv', data: { key: `kv-${++unique}`, data: { n: 1 } }, ...sys })).id,
    createBody: () => ({ key: `forged-${++unique}`, data: { forged: true } }),
    update: { body: (n) => ({ data: { n: -n } }), stuck: (d, n) => d.data?.n === -n },
    matrix: {
      read: { targets: ['any'], roles: { anonymous: '-', patient: '-', doctor: '-', 'clinic-admin': '-', 'platform-admin': '-' } },
      update: { targets: ['any'], roles: { anonymous: '-', patient: '-', doctor: '-', 'clinic-admin': '-', 'platform-admin': '-' } },
      create: { targets: ['any'], roles: { anonymous: '-', patient: '-', doctor: '-', 'clinic-admin': '-', 'platform-admin': '-' } },
      delete: { targets: ['any'], roles: { anonymous: '-', patient: '-', doctor: '-', 'clinic-admin': '-', 'platform-admin': '-' } },
    },
  },
  'payload-migrations': {
    existing: async (ctx) =>
      (await ctx.payload.create({ collection: 'payload-migrations', data: { name: `m-${++unique}`, batch: 1 }, ...sys })).id,
    disposable: async (ctx) =>
      (await ctx.payload.create({ collection: 'payload-migrations', data: { name: `m-${++unique}`, batch: 1 }, ...sys })).id,
    createBody: () => ({ name: `forged-${++unique}`, batch: 99 }),
    update: { body: () => ({ batch: 99 }), stuck: (d) => d.batch === 99 },
    matrix: {
      read: { targets: ['any'], roles: { anonymous: '-', patient: '-', doctor: '-', 'clinic-admin': '-', 'platform-admin': '-' } },
      update: { targets: ['any'], roles: { anonymous: '-', patient: '-', doctor: '-', 'clinic-admin': '-', 'platform-admin': '-' } },
      create: { targets: ['any'], roles: { anonymous: '-', patient: '-', doctor: '-', 'clinic-admin': '-', 'platform-admin': '-' } },
      delete: { targets: ['any'], roles: { anonymous: '-', patient: '-', doctor: '-', 'clinic-admin': '-', 'platform-admin': '-' } },
    },
  },
  // Accounts that belong to two clinics: the admin of one may rename them, nothing that opens the other clinic.
  'users:name': accountAspect(
    { body: (n) => ({ name: `Renamed ${n}` }), stuck: (d, n) => d.name === `Renamed ${n}` },
    { anonymous: '--', patient: '--', doctor: '--', 'clinic-admin': 'yy', 'platform-admin': 'yy' },
  ),
  'users:role': accountAspect(
    { body: () => ({ role: 'clinic-admin' }), stuck: (d) => d.role === 'clinic-admin' },
    { anonymous: '--', patient: '--', doctor: '--', 'clinic-admin': 'y-', 'platform-admin': 'yy' },
  ),
  'users:memberships': accountAspect(
    { body: () => ({ tenants: [] }), stuck: (d) => d.tenants?.length === 0 },
    { anonymous: '--', patient: '--', doctor: '--', 'clinic-admin': 'y-', 'platform-admin': 'yy' },
  ),
  'users:password': accountAspect(
    { body: (n) => ({ password: `a-new-password-${n}` }), stuck: async (d, n) => signsIn(d.email, `a-new-password-${n}`) },
    { anonymous: '--', patient: '--', doctor: '--', 'clinic-admin': '--', 'platform-admin': 'yy' },
  ),
  'users:email': accountAspect(
    { body: (n) => ({ email: `moved-${n}@x.test` }), stuck: (d, n) => d.email === `moved-${n}@x.test` },
    { anonymous: '--', patient: '--', doctor: '--', 'clinic-admin': '--', 'platform-admin': 'yy' },
  ),
}

let server: TestServer
let world: World
const clients = {} as Record<Role, Client>
const actorIds = {} as Record<Role, Id | null>

beforeAll(async () => {
  ;({ server, world } = await startWorld())
  const accounts: Record<Exclude<Role, 'anonymous'>, { id: Id; email: string }> = {
    patient: world.alpha.patient,
    doctor: world.alpha.doctorUser,
    'clinic-admin': world.alpha.admin,
    'platform-admin': world.platformAdmin,
  }
  clients.anonymous = client(server.url)
  actorIds.anonymous = null
  for (const [role, account] of Object.entries(accounts) as [Exclude<Role, 'anonymous'>, { id: Id; email: string }][]) {
    clients[role] = await signIn(server.url, account.email, PASSWORD)
    actorIds[role] = account.id
  }
}, 120_000)

afterAll(() => server?.close())

const count = (collection: CollectionSlug) => server.payload.count({ collection, overrideAccess: true }).then((r) => r.totalDocs)
const exists = (collection: CollectionSlug, id: Id) =>
  server.payload.findByID({ collection, id, disableErrors: true, ...sys }).then(Boolean)
const isDenied = (status: number) => status >= 400 && status < 500
const signsIn = async (email: string, password: string) =>
  (await client(server.url).request('POST', '/api/users/login', { email, password })).status === 200

/** The matrix rows, also checked for shape: one letter per target, every role listed. */
const cells = Object.entries(SPECS).flatMap(([collection, spec]) =>
  (Object.entries(spec.matrix) as [Op, Expectation][]).flatMap(([op, { targets, roles }]) =>
    ROLES.flatMap((role) => {
      expect(roles[role], `${collection}.${op}.${role}`).toHaveLength(targets.length)
      return targets.map((target, i) => ({ collection, op, role, target, allowed: roles[role][i] === 'y' }))
    }),
  ),
)

describe('access matrix', () => {
  it('covers every collection of the Payload configuration, every role and operation', () => {
    const configured = server.payload.config.collections.map((c) => c.slug).sort()
    const covered = new Set(Object.entries(SPECS).map(([name, spec]) => spec.collection ?? name))
    expect([...covered].sort()).toEqual(configured)
    for (const [name, spec] of Object.entries(SPECS)) {
      if (spec.collection) continue
      for (const op of ['read', 'update', 'create', 'delete'] as const) {
        for (const role of ROLES)
          expect(
            cells.some((c) => c.collection === name && c.op === op && c.role === role),
            `${name} ${op} ${role}`,
          ).toBe(true)
      }
    }
  })

  it.each(cells)('$collection $op by $role on $target → allowed: $allowed', async ({ collection, op, role, target, allowed }) => {
    const spec = SPECS[collection]!
    // A spec is named after its collection, unless it names the collection itself.
    const slug = spec.collection ?? (collection as CollectionSlug)
    const ctx: Ctx = { payload: server.payload, world, actor: role, actorId: actorIds[role] }
    const http = clients[role]
    const path = `/api/${slug}`
    if (op === 'read') {
      const id = await spec.existing(ctx, target)
      const res = await http.request('GET', spec.byQuery ? `${path}?where[id][equals]=${id}&depth=0` : `${path}/${id}?depth=0`)
      const found = spec.byQuery ? res.body?.docs?.[0] : res.body
      if (allowed) expect([res.status, String(found?.id)]).toEqual([200, String(id)])
      else if (spec.byQuery) expect(isDenied(res.status) || res.body?.docs?.length === 0, `status ${res.status}`).toBe(true)
      else expect(isDenied(res.status), `status ${res.status}`).toBe(true)
    }
    if (op === 'update') {
      const id = await spec.existing(ctx, target)
      const n = ++unique
      const res = await http.request('PATCH', `${path}/${id}`, spec.update.body(n))
      const after = await server.payload.findByID({ collection: slug, id, ...sys })
      if (allowed) expect([res.status, await spec.update.stuck(after, n)], JSON.stringify(res.body)).toEqual([200, true])
      else expect([isDenied(res.status), await spec.update.stuck(after, n)], `status ${res.status}`).toEqual([true, false])
    }
    if (op === 'create') {
      const body = await spec.createBody(ctx, target)
      const before = await count(slug)
      const res = await http.request('POST', path, body)
      if (allowed) expect([res.status, await count(slug)], JSON.stringify(res.body)).toEqual([201, before + 1])
      else expect([isDenied(res.status), await count(slug)], `status ${res.status}`).toEqual([true, before])
    }
    if (op === 'delete') {
      const id = await spec.disposable(ctx, target)
      const res = await http.request('DELETE', spec.byQuery ? `${path}?where[id][equals]=${id}` : `${path}/${id}`)
      if (allowed) expect([res.status, await exists(slug, id)], JSON.stringify(res.body)).toEqual([200, false])
      // A delete by query that finds nothing the caller may delete answers 200 with no documents.
      else
        expect([spec.byQuery ? res.status < 500 : isDenied(res.status), await exists(slug, id)], `status ${res.status}`).toEqual([
          true,
          true,
        ])
    }
  })
})
