import { describe, expect, it } from 'vitest'
import { fieldOfPath, fromForm, toFormValues } from './profileForm.ts'

const form = (values: Record<string, string>) => {
  const f = new FormData()
  for (const [k, v] of Object.entries(values)) f.append(k, v)
  return f
}

describe('the profile form', () => {
  it('reads one list entry per line, "name: detail", and gives back what it read', () => {
    const { body } = fromForm(
      form({ name: 'Maya', allergies: 'Peanuts: hives\n\n  Penicillin  ', medications: 'Metformin: 500 mg twice daily', country: 'gb' }),
    )
    expect(body.patientProfile.allergies).toEqual([
      { substance: 'Peanuts', reaction: 'hives' },
      { substance: 'Penicillin', reaction: '' },
    ])
    expect(body.patientProfile.medications).toEqual([{ name: 'Metformin', dose: '500 mg twice daily' }])
    expect(body.patientProfile.address.country).toBe('GB')
    // The form's body is what a person typed (the API validates it), e.g. any text for sex; the stored profile is typed.
    const again = toFormValues({ id: 1, name: 'Maya', email: 'm@x.test', patientProfile: body.patientProfile as never })
    expect(again.allergies).toBe('Peanuts: hives\nPenicillin')
  })

  it('sends API errors to the field they are about', () => {
    expect(fieldOfPath('patientProfile.address.country')).toBe('country')
    expect(fieldOfPath('patientProfile.emergencyContact.phone')).toBe('emergencyPhone')
    expect(fieldOfPath('patientProfile.allergies.0.substance')).toBe('allergies')
    expect(fieldOfPath('patientProfile.phone')).toBe('phone')
    expect(fieldOfPath('somethingElse')).toBe('form')
  })
})
