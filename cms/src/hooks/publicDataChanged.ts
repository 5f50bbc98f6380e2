import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, PayloadRequest } from 'payload'
import { afterCommit } from '../database/index.ts'

/**
 * The clinic sites cache public data (a clinic's settings, its doctor directory)
 * for a few seconds. A change made here bumps this process-wide counter, which
 * the site (same process, separate bundle) reads before trusting its cache, so
 * an admin's change shows on the next page load. Other processes fall back to
 * the cache's short lifetime. The symbol is the whole contract between the two.
 */
export const PUBLIC_DATA_VERSION = Symbol.for('telemed.publicDataVersion')

function bump() {
  const store = globalThis as unknown as Record<symbol, number>
  store[PUBLIC_DATA_VERSION] = (store[PUBLIC_DATA_VERSION] ?? 0) + 1
}

/**
 * Bumped at once, and again once the change has committed: a page that reloads
 * the data in between (on PostgreSQL it still reads the old row) would otherwise
 * keep the old value under the new version.
 */
function changed(req: PayloadRequest) {
  bump()
  void afterCommit(req, async () => bump())
}

export const publicDataChanged: CollectionAfterChangeHook = ({ doc, req }) => {
  changed(req)
  return doc
}
export const publicDataDeleted: CollectionAfterDeleteHook = ({ doc, req }) => {
  changed(req)
  return doc
}
