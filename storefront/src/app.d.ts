import type { Clinic } from '$lib/server/clinic'
import type { SessionUser } from '$lib/server/session'

declare global {
  namespace App {
    interface Locals {
      clinic: Clinic | null
      /** `/c/<slug>` when the clinic came from the path, else empty: prefix for links. */
      basePath: string
      /** Payload's JWT from the httpOnly cookie, forwarded on every API call made for this person. */
      token: string | undefined
      user: SessionUser | null
      /** The zone times are shown in: the visitor's browser zone once known, else the clinic's. */
      timeZone: string
      /** The visitor's address (as the server resolved it, see TRUST_PROXY) and browser, passed on to the API. */
      visitor?: { address: string; userAgent: string }
    }
  }
}

export {}
