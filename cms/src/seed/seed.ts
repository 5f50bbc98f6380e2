import type { CollectionSlug, DataFromCollectionSlug, Payload, RequiredDataFromCollectionSlug, Where } from 'payload'
import { leavingDefaults } from '../collections/leavingDefaults.ts'
import type { Appointment, Doctor } from '../payload-types.ts'
import { portraitPng } from './portraits.ts'
import { addDays, localDateAt, weekdayOf, zonedToUtc } from '../scheduling/zonedTime.ts'
import { DEMO_CLINICS, DEMO_PASSWORD, PLATFORM_ADMIN } from './demoData.ts'
import { DEMO_HOME } from './demoHome.ts'
import { lexical } from './richText.ts'

/** Finds the document matching `where`, or creates it from `data`: what makes the seed idempotent. */
async function ensure<S extends CollectionSlug>(
  payload: Payload,
  collection: S,
  where: Where,
  data: RequiredDataFromCollectionSlug<S>,
  file?: { data: Buffer; mimetype: string; name: string; size: number },
): Promise<{ doc: DataFromCollectionSlug<S>; created: boolean }> {
  const found = await payload.find({ collection, where, limit: 1, depth: 0, overrideAccess: true })
  if (found.docs[0]) return { doc: found.docs[0], created: false }
  const doc = await payload.create({ collection, data, overrideAccess: true, depth: 0, file })
  return { doc, created: true }
}

/**
 * A demo visit's start: `hour`:00 on the doctor's own clock, `daysFromNow` days
 * away in their zone, moved off a weekend (away from today), so visits fall in
 * the doctors' working hours (weekdays 09:00–12:00, 13:00–17:00) as a buyer expects.
 */
const workingHour = (daysFromNow: number, hour: number, zone: string) => {
  const step = daysFromNow < 0 ? -1 : 1
  let date = addDays(localDateAt(Date.now(), zone), daysFromNow)
  while ([0, 6].includes(weekdayOf(date))) date = addDays(date, step)
  return new Date(zonedToUtc(date, hour * 60, zone)).toISOString()
}

/**
 * Loads the demo: a platform admin and two clinics, each with an admin, three
 * doctors, three patients, past and upcoming visits, a record and a prescription
 * per patient. Running it again changes nothing. Returns how many documents it created.
 */
export async function seedDemo(payload: Payload): Promise<number> {
  let created = 0
  const count = <T extends { created: boolean }>(r: T) => ((created += r.created ? 1 : 0), r)
  const account = async (email: string, data: Omit<RequiredDataFromCollectionSlug<'users'>, 'email'>) =>
    count(await ensure(payload, 'users', { email: { equals: email } }, { email, password: DEMO_PASSWORD, ...data })).doc

  await account(PLATFORM_ADMIN.email, { name: PLATFORM_ADMIN.name, role: 'platform-admin' })

  const clinicIds = new Map<string, number>()
  for (const clinic of DEMO_CLINICS) {
    const { terms, ...home } = DEMO_HOME[clinic.slug as keyof typeof DEMO_HOME].home
    const tenant = count(
      await ensure(
        payload,
        'tenants',
        { slug: { equals: clinic.slug } },
        leavingDefaults<'tenants', 'video' | 'paymentPolicy'>({
          name: clinic.name,
          slug: clinic.slug,
          theme: clinic.theme,
          domains: clinic.domains.map((domain) => ({ domain })),
          timeZone: clinic.timeZone,
          locale: clinic.locale,
          currency: clinic.currency,
          contact: clinic.contact,
          bookingPolicy: { cancellationCutoffHours: 24, approvalRequired: false },
          home,
          terms,
        }),
      ),
    ).doc
    // A clinic seeded before clinics had home pages gets the demo's; one its admin wrote keeps theirs.
    if (!(tenant.home as { heroHeading?: string } | undefined)?.heroHeading)
      await payload.update({ collection: 'tenants', id: tenant.id, data: { home, terms }, overrideAccess: true, depth: 0 })
    clinicIds.set(clinic.slug, tenant.id)
  }

  for (const [clinicIndex, clinic] of DEMO_CLINICS.entries()) {
    const tenant = clinicIds.get(clinic.slug)!
    const memberOf = (emailsClinics: string[]) => emailsClinics.map((slug) => ({ tenant: clinicIds.get(slug)! }))
    const clinicsOfPatient = (email: string) => DEMO_CLINICS.filter((c) => c.patients.some((p) => p.email === email)).map((c) => c.slug)

    await account(clinic.admin.email, { name: clinic.admin.name, role: 'clinic-admin', tenants: memberOf([clinic.slug]) })

    const doctors: Doctor[] = []
    for (const d of clinic.doctors) {
      const user = await account(d.email, { name: d.name, role: 'doctor', tenants: memberOf([clinic.slug]) })
      const png = await portraitPng(d.look)
      const filename = `portrait-${d.email.split('@')[0]!.replace(/\W/g, '-')}.png`
      const photo = count(
        await ensure(payload, 'media', { filename: { equals: filename } }, { tenant, alt: `Drawn portrait of ${d.name}` }, {
          data: png,
          mimetype: 'image/png',
          name: filename,
          size: png.length,
        }),
      ).doc
      doctors.push(
        count(
          await ensure(
            payload,
            'doctors',
            { user: { equals: user.id } },
            leavingDefaults<'doctors', 'bufferBeforeMinutes'>({
              user: user.id,
              tenant,
              displayName: d.name,
              photo: photo.id,
              title: d.title,
              specialties: d.specialties,
              languages: d.languages,
              timeZone: d.timeZone,
              consultationFee: d.fee,
              visitMinutes: 30,
              licenceNumber: `LIC-${String(user.id).padStart(6, '0')}`,
              education: d.education.map((entry) => ({ entry })),
              bio: lexical([d.bio]),
              active: true,
              // Weekdays 09:00–12:00 and 13:00–17:00 in the doctor's own zone.
              weeklyHours: (['1', '2', '3', '4', '5'] as const).flatMap((day) => [
                { day, start: '09:00', end: '12:00' },
                { day, start: '13:00', end: '17:00' },
              ]),
              bufferAfterMinutes: 5,
              minimumNoticeMinutes: 60,
              bookingHorizonDays: 60,
            }),
          ),
        ).doc,
      )
    }

    for (const [index, p] of clinic.patients.entries()) {
      const patient = await account(p.email, {
        name: p.name,
        role: 'patient',
        tenants: memberOf(clinicsOfPatient(p.email)),
        patientProfile: {
          dateOfBirth: p.dateOfBirth,
          sex: p.sex,
          allergies: (p.allergies ?? []).map((substance) => ({ substance })),
          conditions: (p.conditions ?? []).map((name) => ({ name })),
        },
      })
      const doctor = doctors[index % doctors.length]!
      const visits = [
        // In the doctor's working hours, on their clock. Carol, a patient of both clinics, sees a London
        // doctor at Northwind and a Sydney one at Sunrise: her visits are hours apart in real time.
        { start: workingHour(-7 + index, 10 + clinicIndex, doctor.timeZone), status: 'completed' as const, reason: 'Follow-up on recent symptoms' },
        { start: workingHour(2 + index, 14 + clinicIndex, doctor.timeZone), status: 'confirmed' as const, reason: 'Review of test results' },
      ]
      let pastVisit: Appointment | undefined
      for (const v of visits) {
        const visit = count(
          await ensure(
            payload,
            'appointments',
            { and: [{ patient: { equals: patient.id } }, { doctor: { equals: doctor.id } }, { reason: { equals: v.reason } }] },
            {
              tenant,
              patient: patient.id,
              doctor: doctor.id,
              start: v.start,
              end: new Date(Date.parse(v.start) + 30 * 60 * 1000).toISOString(),
              status: v.status,
              visitType: 'video',
              reason: v.reason,
            },
          ),
        ).doc
        if (v.status === 'completed') pastVisit = visit
      }
      const text = Buffer.from(`Lab report for ${p.name}\nHaemoglobin: 13.8 g/dL (normal)\n`)
      count(
        await ensure(
          payload,
          'records',
          { and: [{ patient: { equals: patient.id } }, { tenant: { equals: tenant } }] },
          { tenant, patient: patient.id, title: 'Blood test results', kind: 'lab-result', appointment: pastVisit?.id },
          { data: text, mimetype: 'text/plain', name: `lab-${clinic.slug}-${index + 1}.txt`, size: text.length },
        ),
      )
      count(
        await ensure(
          payload,
          'prescriptions',
          { and: [{ patient: { equals: patient.id } }, { tenant: { equals: tenant } }] },
          {
            tenant,
            patient: patient.id,
            doctor: doctor.id,
            appointment: pastVisit?.id,
            medication: { name: 'Amoxicillin', code: '723', strength: '500 mg', form: 'capsule' },
            directions: 'One capsule three times a day for 7 days.',
            quantity: 21,
            refills: 0,
            pharmacy: 'Main Street Pharmacy',
            status: 'signed',
          },
        ),
      )
    }
  }
  return created
}
