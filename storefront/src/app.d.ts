import type { Clinic } from '$lib/server/clinic'

declare global {
  namespace App {
    interface Locals {
      clinic: Clinic | null
      /** `/c/<slug>` when the clinic came from the path, else empty: prefix for links. */
      basePath: string
    }
  }
}

export {}
