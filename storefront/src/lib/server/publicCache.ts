/**
 * A short-lived cache for public data only (a clinic's settings, its doctor
 * directory): never anything read with a person's token. After `ttlMs` an entry
 * is refreshed in the background while the old value is still served once
 * more (no visitor waits for the refresh); when the platform reports a change
 * (in this process, or in another server process of the deployment: see
 * cms/src/hooks/publicDataChanged.ts) it is reloaded at once. Concurrent misses share one load; a failed load is not kept.
 */
const VERSION = Symbol.for('telemed.publicDataVersion')
const version = () => (globalThis as unknown as Record<symbol, number | undefined>)[VERSION] ?? 0

type Entry = { value: Promise<unknown>; until: number; version: number; refreshing?: boolean }
const entries = new Map<string, Entry>()

function store<T>(key: string, ttlMs: number, load: () => Promise<T>): Promise<T> {
  const value = load()
  entries.set(key, { value, until: Date.now() + ttlMs, version: version() })
  value.catch(() => entries.get(key)?.value === value && entries.delete(key))
  if (entries.size > 1000) entries.delete(entries.keys().next().value!)
  return value
}

export function cachedPublic<T>(key: string, ttlMs: number, load: () => Promise<T>): Promise<T> {
  const hit = entries.get(key)
  if (!hit || hit.version !== version()) return store(key, ttlMs, load)
  if (hit.until <= Date.now() && !hit.refreshing) {
    hit.refreshing = true
    // Swap in the fresh value only once it has loaded; keep serving the old one meanwhile.
    load().then(
      (fresh) =>
        entries.get(key) === hit && entries.set(key, { value: Promise.resolve(fresh), until: Date.now() + ttlMs, version: hit.version }),
      () => (hit.refreshing = false),
    )
  }
  return hit.value as Promise<T>
}
