/**
 * Where to go after signing in: `next` only when it resolves to this very site
 * (`/\evil.example`, `/%09/evil.example` and `//evil.example` resolve elsewhere
 * and are refused), else `fallback`. Returns a path, never an absolute address.
 */
export function safeNext(next: string | null, origin: string, fallback: string): string {
  if (!next || !next.startsWith('/')) return fallback
  try {
    const target = new URL(next, origin)
    if (target.origin !== origin) return fallback
    return target.pathname + target.search + target.hash
  } catch {
    return fallback
  }
}
