import type { Clinic } from '$lib/server/clinic'

declare global {
  namespace App {
    interface Locals {
      clinic: Clinic | null
    }
  }
}

export {}
