import React from 'react'
import { dateTimeIn, zoneLabel, zoneName } from './format.ts'

/** An instant as the clinic's staff read it: `Tue, 1 Dec 2026, 10:30 New York time`, the exact zone on hover. */
export function ClinicTime({ instant, zone }: { instant: string | number; zone: string }) {
  return (
    <time dateTime={new Date(instant).toISOString()} title={zoneLabel(zone, instant)} style={{ whiteSpace: 'nowrap' }}>
      {dateTimeIn(instant, zone)}{' '}
      <span data-zone-name style={{ color: 'var(--theme-elevation-650)', fontSize: '0.8125em' }}>
        {zoneName(zone)}
      </span>
    </time>
  )
}
