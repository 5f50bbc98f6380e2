import type { Field, Plugin } from 'payload'
import { assignableClinics } from './assignable.ts'

/**
 * The users' clinic memberships are the array the multi-tenant plugin adds
 * (`tenants`, rows of `tenant`), which it labels from its names: "Tenants",
 * "Add Tenant". Placed after that plugin, this says "Clinics" and offers a clinic
 * admin only the clinics they may assign. It fails start-up if the plugin ever
 * stops adding the field, rather than letting the old words come back unseen.
 */
export const clinicMemberships: Plugin = (config) => {
  let found = false
  const relabel = (field: Field): Field => {
    if (field.type !== 'array' || field.name !== 'tenants') return field
    found = true
    return {
      ...field,
      label: 'Clinics',
      labels: { singular: 'Clinic', plural: 'Clinics' },
      admin: { ...field.admin, description: 'The clinics this person belongs to.' },
      fields: field.fields.map((row) =>
        row.type === 'relationship' && row.name === 'tenant' ? { ...row, label: 'Clinic', filterOptions: assignableClinics } : row,
      ),
    }
  }
  const collections = config.collections?.map((c) => (c.slug === 'users' ? { ...c, fields: c.fields.map(relabel) } : c))
  if (!found) throw new Error('clinicMemberships: the users collection has no tenants array (place it after multiTenantPlugin).')
  return { ...config, collections }
}
