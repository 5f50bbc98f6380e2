import type { User } from '$documents'

/**
 * The patient profile as a plain HTML form: lists (conditions, allergies,
 * medications) are one entry per line, "name: detail" where there is a detail.
 */
export type ProfileDoc = Pick<User, 'id' | 'name' | 'email' | 'patientProfile'>

const lines = (text: string) =>
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
const split = (line: string) => {
  const at = line.indexOf(':')
  return at < 0 ? [line, ''] : [line.slice(0, at).trim(), line.slice(at + 1).trim()]
}
const joined = (main: string, detail?: string | null) => (detail ? `${main}: ${detail}` : main)

/** The stored profile as form values (all strings). */
export function toFormValues(user: ProfileDoc): Record<string, string> {
  const p = user.patientProfile ?? {}
  return {
    name: user.name,
    dateOfBirth: p.dateOfBirth?.slice(0, 10) ?? '',
    sex: p.sex ?? '',
    phone: p.phone ?? '',
    line1: p.address?.line1 ?? '',
    line2: p.address?.line2 ?? '',
    city: p.address?.city ?? '',
    postalCode: p.address?.postalCode ?? '',
    country: p.address?.country ?? '',
    conditions: (p.conditions ?? []).map((c) => c.name).join('\n'),
    allergies: (p.allergies ?? []).map((a) => joined(a.substance, a.reaction)).join('\n'),
    medications: (p.medications ?? []).map((m) => joined(m.name, m.dose)).join('\n'),
    emergencyName: p.emergencyContact?.name ?? '',
    emergencyRelationship: p.emergencyContact?.relationship ?? '',
    emergencyPhone: p.emergencyContact?.phone ?? '',
    preferredPharmacy: p.preferredPharmacy ?? '',
  }
}

const FIELDS = Object.keys(toFormValues({ id: 0, name: '', email: '' }))

/** The posted form as values, and as the body of a PATCH to the users API. */
export function fromForm(form: FormData) {
  const v = Object.fromEntries(FIELDS.map((k) => [k, String(form.get(k) ?? '').trim()]))
  const orNull = (s: string) => s || null
  const body = {
    name: v.name,
    patientProfile: {
      dateOfBirth: v.dateOfBirth ? `${v.dateOfBirth}T12:00:00.000Z` : null,
      sex: orNull(v.sex),
      phone: orNull(v.phone),
      address: { line1: v.line1, line2: v.line2, city: v.city, postalCode: v.postalCode, country: v.country.toUpperCase() },
      conditions: lines(v.conditions).map((name) => ({ name })),
      allergies: lines(v.allergies)
        .map((l) => split(l))
        .map(([substance, reaction]) => ({ substance, reaction })),
      medications: lines(v.medications)
        .map((l) => split(l))
        .map(([name, dose]) => ({ name, dose })),
      emergencyContact: { name: v.emergencyName, relationship: v.emergencyRelationship, phone: v.emergencyPhone },
      preferredPharmacy: v.preferredPharmacy,
    },
  }
  return { values: v, body }
}

/** An API error path (`patientProfile.address.country`, `patientProfile.allergies.0.substance`) → the form field it belongs to. */
export function fieldOfPath(path: string | undefined): string {
  if (!path) return 'form'
  const parts = path.replace(/^patientProfile\./, '').split('.')
  if (parts[0] === 'address') return parts[1] ?? 'line1'
  if (parts[0] === 'emergencyContact') return `emergency${(parts[1] ?? 'name').replace(/^./, (c) => c.toUpperCase())}`
  return FIELDS.includes(parts[0]!) ? parts[0]! : 'form'
}
