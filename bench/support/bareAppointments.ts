import type { CollectionConfig, Field, Plugin } from 'payload'
import { Appointments } from '../../cms/src/collections/Appointments/index.ts'

/** The slug of the booking benchmark's baseline collection. */
export const BARE_APPOINTMENTS = 'bench-bare-appointments'

/** The same fields, without their hooks, validation, field access or admin components. */
function bareFields(fields: Field[]): Field[] {
  return fields.map((field) => {
    const { hooks: _hooks, validate: _validate, access: _access, admin: _admin, ...rest } = field as Field & Record<string, unknown>
    return ('fields' in rest ? { ...rest, fields: bareFields(rest.fields as Field[]) } : rest) as Field
  })
}

/**
 * The booking benchmark's baseline, registered only by the benchmark's own server
 * (bench/support/worldServer.ts), never by the product: a collection with the
 * appointments' fields, indexes and clinic, and no hooks, checks, audit or
 * database guard, which any signed-in account may create in over REST. The
 * booking endpoint's ratio to a plain Payload create of the same document, on
 * the same database in the same run, is what the platform's checks cost.
 */
export const bareAppointments: Plugin = (config) => {
  const collection: CollectionConfig = {
    slug: BARE_APPOINTMENTS,
    access: { create: ({ req }) => Boolean(req.user), read: () => false, update: () => false, delete: () => false },
    admin: { hidden: true },
    indexes: Appointments.indexes,
    fields: [{ name: 'tenant', type: 'relationship', relationTo: 'tenants', index: true }, ...bareFields(Appointments.fields)],
  }
  return { ...config, collections: [...(config.collections ?? []), collection] }
}
