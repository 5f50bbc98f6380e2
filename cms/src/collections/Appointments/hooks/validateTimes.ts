import { ValidationError, type CollectionBeforeChangeHook } from 'payload'

/** End after start, and no visit longer than a working day: typos in the admin panel show up here. */
export const validateTimes: CollectionBeforeChangeHook = ({ data, originalDoc, req, collection }) => {
  const start = Date.parse(data.start ?? originalDoc?.start)
  const end = Date.parse(data.end ?? originalDoc?.end)
  const fail = (path: string, message: string) => new ValidationError({ collection: collection.slug, req, errors: [{ path, message }] })
  if (Number.isNaN(start)) throw fail('start', 'Enter the start as a date and time, e.g. 2026-12-01T09:00:00Z.')
  if (Number.isNaN(end)) throw fail('end', 'Enter the end as a date and time, e.g. 2026-12-01T09:30:00Z.')
  if (end <= start) throw fail('end', 'The visit must end after it starts.')
  if (end - start > 12 * 60 * 60 * 1000) throw fail('end', 'A visit cannot last longer than 12 hours.')
  return data
}
