/**
 * A short-lived cache for public data only (a clinic's settings, its doctor
 * directory): never anything read with a person's token. Entries are dropped
 * after `ttlMs`, or at once when the platform in this process reports a change
 * (see cms/src/hooks/publicDataChanged.ts). Concurrent misses share one load.
 */
const VERSION = Symbol.for('telemed.publicDataVersion')
const version = () => (globalThis as unknown as Record<symbol, number | undefined>)[VERSION] ?? 0

type Entry = { value: Promise<unknown>; until: number; version: number }
const entries = new Map<string, Entry>()

export function cachedPublic<T>(key: string, ttlMs: number, load: () => Promise<T>): Promise<T> {
  const now = Date.now()
  const hit = entries.get(key)
  if (hit && hit.until > now && hit.version === version()) return hit.value as Promise<T>
  const value = load()
  entries.set(key, { value, until: now + ttlMs, version: version() })
  // A failed load is not cached.
  value.catch(() => entries.get(key)?.value === value && entries.delete(key))
  if (entries.size > 1000) entries.delete(entries.keys().next().value!)
  return value
}
