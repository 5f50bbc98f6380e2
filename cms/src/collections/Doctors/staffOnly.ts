import type { Field } from 'payload'
import { doctorStaffOnly } from '../../access/doctors.ts'

/**
 * The same fields, each one read by the doctor's own staff only (see
 * doctorStaffOnly); rows and collapsibles are gone through, since only named
 * fields carry access rules.
 */
export function staffOnly(fields: Field[]): Field[] {
  return fields.map((field): Field => {
    if ('name' in field && field.name) {
      const access = 'access' in field ? field.access : undefined
      return { ...field, access: { ...access, read: doctorStaffOnly } } as Field
    }
    if (field.type === 'row' || field.type === 'collapsible') return { ...field, fields: staffOnly(field.fields) }
    return field
  })
}
