import type { Payload } from 'payload'
import React from 'react'
import { ClinicTimeNote } from './ClinicTimeNote.tsx'
import { clinicZone } from './clinicZone.ts'

/** The description of a date field of a clinic's document: its time in the clinic's zone (see ClinicTimeNote). */
export async function ClinicTimeDescription({ data, payload, path }: { data?: { tenant?: unknown }; payload: Payload; path: string }) {
  // A new document has no clinic until one is chosen: no zone to speak of yet.
  if (!data?.tenant) return null
  return <ClinicTimeNote path={path} zone={await clinicZone(payload, data.tenant)} />
}
