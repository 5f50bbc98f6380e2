import { ValidationError, type CollectionBeforeChangeHook } from 'payload'
import { clinicsOf, idOf, sameId } from '../../../access/roles.ts'
import { lookup } from '../../../database/index.ts'

/** A doctor profile must point at a doctor's account that belongs to the same clinic. */
export const linkedUserIsDoctorOfClinic: CollectionBeforeChangeHook = async ({ data, originalDoc, req, collection }) => {
  const userId = idOf(data.user ?? originalDoc?.user)
  const tenantId = idOf(data.tenant ?? originalDoc?.tenant)
  const fail = (path: string, message: string) => new ValidationError({ collection: collection.slug, req, errors: [{ path, message }] })
  if (!tenantId) throw fail('tenant', 'Choose the clinic this doctor practises at.')
  const user = await lookup.byId(req, 'users', userId)
  if (!user || user.role !== 'doctor') throw fail('user', 'Link an account whose role is Doctor.')
  if (!clinicsOf(user).some((c) => sameId(c, tenantId))) throw fail('user', 'This account is not a member of the clinic.')
  return data
}
