import type { Reroute } from '@sveltejs/kit'

/** `/c/<clinic>/...` renders the same pages as a clinic's own domain (see hooks.server.ts). */
export const reroute: Reroute = ({ url }) => {
  const match = /^\/c\/[a-z0-9-]+(\/.*)?$/.exec(url.pathname)
  return match ? (match[1] ?? '/') : undefined
}
