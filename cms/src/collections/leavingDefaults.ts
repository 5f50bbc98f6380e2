import type { CollectionSlug, RequiredDataFromCollectionSlug } from 'payload'

type NewDocument<S extends CollectionSlug> = RequiredDataFromCollectionSlug<S>

/** A new document's data without the `Defaulted` fields, which Payload fills in from their defaultValue. */
export type LeavingDefaults<S extends CollectionSlug, Defaulted extends keyof NewDocument<S>> = Omit<NewDocument<S>, Defaulted> &
  Partial<Pick<NewDocument<S>, Defaulted>>

/**
 * `data` for `payload.create` that leaves the named fields to their defaultValue,
 * e.g. `leavingDefaults<'doctors', 'bufferBeforeMinutes'>({ … })`. Payload's
 * generated types ask for every required field on create, also those it fills in
 * from a default (a clinic's video and booking settings, a doctor's buffers):
 * only the fields named may be left out, every other one is still checked.
 */
export const leavingDefaults = <S extends CollectionSlug, Defaulted extends keyof NewDocument<S>>(
  data: LeavingDefaults<S, Defaulted>,
): NewDocument<S> => data as NewDocument<S>
