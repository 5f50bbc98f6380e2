'use client'
import { useFormFields } from '@payloadcms/ui'
import React from 'react'
import { dateTimeIn, isInstant, zoneLabel, zoneName } from './format.ts'

/**
 * Under a date picker of a clinic's document: the chosen time in the clinic's
 * zone, as the value changes. Payload's picker works in the browser's zone, which
 * may not be the clinic's (an admin abroad, a clinic in another zone).
 */
export function ClinicTimeNote({ path, zone }: { path: string; zone: string }) {
  const value = useFormFields(([fields]) => fields[path]?.value)
  if (!isInstant(value)) return null
  return (
    // One child: Payload lays a description's children out as a column.
    <div className="field-description" data-clinic-time-note={path}>
      <span>
        In the clinic's time: <strong>{dateTimeIn(value, zone)}</strong>{' '}
        <abbr title={zoneLabel(zone, value)} style={{ textDecoration: 'underline dotted' }}>
          {zoneName(zone)}
        </abbr>
        . The picker shows this computer's time.
      </span>
    </div>
  )
}
