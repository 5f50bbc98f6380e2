import React from 'react'
import { STATUS_LABELS, STATUS_TONES } from './statusLabels.ts'

/** A visit's status in the admin's list: a labelled, coloured badge instead of the stored value. */
export function StatusCell({ cellData }: { cellData?: unknown }) {
  const status = typeof cellData === 'string' && cellData in STATUS_LABELS ? (cellData as keyof typeof STATUS_LABELS) : null
  if (!status) return <span>{String(cellData ?? '')}</span>
  const tone = STATUS_TONES[status]
  return (
    <span
      data-status={status}
      style={{ ...tone, display: 'inline-block', padding: '0.1rem 0.6rem', borderRadius: '999px', fontWeight: 600, fontSize: '0.8125rem', whiteSpace: 'nowrap' }}
    >
      {STATUS_LABELS[status]}
    </span>
  )
}
