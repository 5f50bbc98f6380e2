import { JWTAuthentication, type AuthStrategy, type CollectionSlug, type Payload, type PayloadRequest } from 'payload'
import { findByIdPrepared } from '../../../database/index.ts'

/**
 * What every request needs of the signed-in user: who they are, their role and
 * clinics (access rules), and their sessions (a signed-out token stops working).
 * Their health profile is read by the pages and endpoints that show it.
 */
export const SIGNED_IN_USER_FIELDS = { name: true, email: true, role: true, tenants: true, sessions: true } as const

const views = new WeakMap<Payload, Payload>()

/** The Payload instance as the token check sees it: the same in all but reading only those fields. */
function readingSignedInFields(payload: Payload): Payload {
  let view = views.get(payload)
  if (!view) {
    // Straight from the adapter, as a prepared query: the account's own fields, no hooks to run
    // (a sign-in check is not a read of health data).
    const findByID = async ({ collection, id, req }: { collection: CollectionSlug; id: number | string; req?: PayloadRequest }) =>
      findByIdPrepared(payload, collection, id, SIGNED_IN_USER_FIELDS, req)
    view = Object.create(payload, { findByID: { value: findByID } }) as Payload
    views.set(payload, view)
  }
  return view
}

/**
 * Payload's own JWT check, unchanged (token from the Authorization header or the
 * cookie with its CSRF origin check, signature, session), except that it reads
 * the user's SIGNED_IN_USER_FIELDS instead of the whole account: a patient's
 * account holds their health profile in several tables, and reading it all on
 * every request was an eighth of a booking's time. Runs before Payload's own
 * strategy, under the same name, so sign-out and token refresh treat its users
 * as Payload's.
 */
export const signedInUser: AuthStrategy = {
  name: 'local-jwt',
  authenticate: (args) => JWTAuthentication({ ...args, payload: readingSignedInFields(args.payload) }),
}
