import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, PayloadRequest } from 'payload'
import { clusterBus } from '../cluster/index.ts'
import { afterCommit } from '../database/index.ts'

/**
 * The clinic sites cache public data (a clinic's settings, its doctor directory)
 * for a few seconds. A change made here bumps a process-wide counter, which the
 * site (same process, separate bundle) reads before trusting its cache, so an
 * admin's change shows on the next page load. The change is published on the
 * cluster bus, so every server process bumps its own counter within moments.
 * The symbol is the whole contract between the platform and its sites.
 */
export const PUBLIC_DATA_VERSION = Symbol.for('telemed.publicDataVersion')
const CHANNEL = 'public-data'
const FOLLOWING = Symbol.for('telemed.publicDataFollowed')

function bump() {
  const store = globalThis as unknown as Record<symbol, number>
  store[PUBLIC_DATA_VERSION] = (store[PUBLIC_DATA_VERSION] ?? 0) + 1
}

/**
 * Makes this process's sites hear every process's changes: called by the
 * server at start (once per process, whichever bundle asks). A lost connection
 * to the other processes bumps too, as a change may have gone unheard meanwhile.
 */
export function followPublicDataChanges(): void {
  const store = globalThis as unknown as Record<symbol, boolean>
  if (store[FOLLOWING]) return
  store[FOLLOWING] = true
  clusterBus().subscribe(CHANNEL, bump)
  clusterBus().onResume(bump)
}

const announce = () => {
  followPublicDataChanges()
  return clusterBus().publish(CHANNEL, {})
}

/**
 * Bumped at once, and again once the change has committed: a page that reloads
 * the data in between (on PostgreSQL it still reads the old row) would otherwise
 * keep the old value under the new version.
 */
function changed(req: PayloadRequest) {
  void announce()
  void afterCommit(req, announce)
}

export const publicDataChanged: CollectionAfterChangeHook = ({ doc, req }) => {
  changed(req)
  return doc
}
export const publicDataDeleted: CollectionAfterDeleteHook = ({ doc, req }) => {
  changed(req)
  return doc
}

const publicDataVersion = () => (globalThis as unknown as Record<symbol, number | undefined>)[PUBLIC_DATA_VERSION] ?? 0

/**
 * A process-wide cache of public data the platform reads for its own checks (a
 * clinic's booking rules and time zone, a doctor's hours), per Payload (a test
 * process may run several, on different databases). An entry holds until the
 * public data changes (in this process at once; in the others when the change
 * reaches them over the cluster bus, within a second) and at most `lifetimeMs`,
 * in case a change went unheard. An answer still on its way is shared; a failed
 * one is forgotten. At most `maxEntries` per Payload, oldest out first.
 */
export function publicDataCache<T>(lifetimeMs: number, maxEntries = 10_000) {
  const perPayload = new WeakMap<object, Map<string, { value: Promise<T>; version: number; until: number }>>()
  return (payload: object, key: string, load: () => Promise<T>): Promise<T> => {
    let entries = perPayload.get(payload)
    if (!entries) perPayload.set(payload, (entries = new Map()))
    const version = publicDataVersion()
    const kept = entries.get(key)
    if (kept && kept.version === version && kept.until > Date.now()) return kept.value
    const entry = { value: load(), version, until: Date.now() + lifetimeMs }
    entries.delete(key)
    entries.set(key, entry)
    if (entries.size > maxEntries) entries.delete(entries.keys().next().value!)
    entry.value.catch(() => entries.get(key) === entry && entries.delete(key))
    return entry.value
  }
}
