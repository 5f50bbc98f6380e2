import type { ArrayField, Field, SelectField, TextareaField } from 'payload'
import { describe, expect, it } from 'vitest'
import { clinicTemplatesField } from './clinicTemplatesField.ts'
import { NOTIFICATION_EVENTS, TEMPLATE_PARTS } from './index.ts'

const field = clinicTemplatesField as ArrayField
const subfields = (fields: Field[]): Field[] => fields.flatMap((f) => (f.type === 'row' ? subfields(f.fields) : [f]))
const named = <T extends Field>(name: string) => subfields(field.fields).find((f) => 'name' in f && f.name === name) as T
// Payload passes options as the second argument; these validators read none of them.
const noOptions = {} as never

describe("a clinic's templates field", () => {
  it('is an array named templates of event, part and source', () => {
    expect(field).toMatchObject({ name: 'templates', type: 'array' })
    expect(named<SelectField>('event').options).toEqual([...NOTIFICATION_EVENTS])
    expect(named<SelectField>('part').options).toEqual([...TEMPLATE_PARTS])
    expect(named<TextareaField>('source')).toMatchObject({ type: 'textarea', maxLength: 20000, required: true })
  })

  it('refuses a broken source with its line', async () => {
    const validate = named<TextareaField>('source').validate!
    expect(await validate('Hello {{recipientName}}', noOptions)).toBe(true)
    expect(await validate('Hello {{#if x}}\n{{name}', noOptions)).toMatch(/^Line 2: /)
    expect(await validate('{{{recipientName}}}', noOptions)).toMatch(/^Line 1: /)
    expect(await validate('   ', noOptions)).toEqual(expect.any(String))
  })

  it('refuses two rows for the same event and part', async () => {
    const validate = field.validate!
    const row = { event: 'appointment.booked', part: 'subject', source: 'x' }
    expect(await validate([row, { ...row, part: 'sms' }] as never, noOptions)).toBe(true)
    expect(await validate([row, row] as never, noOptions)).toMatch(/two rows for appointment\.booked subject/)
    expect(await validate(undefined as never, noOptions)).toBe(true)
  })

  it('tells admins which values they can use', () => {
    const description = String(field.admin?.description)
    for (const name of [
      'recipientName',
      'clinicName',
      'link',
      'unsubscribeLink',
      'doctorName',
      'when',
      'previousWhen',
      'cancelledBy',
      'leadTime',
    ])
      expect(description).toContain(name)
    for (const name of ['expiresIn', 'newEmail', 'senderName', 'amount', 'title', 'message']) expect(description).toContain(name)
  })
})
