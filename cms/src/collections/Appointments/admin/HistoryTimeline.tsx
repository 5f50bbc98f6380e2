import type { PayloadRequest } from 'payload'
import React from 'react'
import { clinicZone } from '../../../admin/clinicTime/clinicZone.ts'
import { zoneLabel, zoneName } from '../../../admin/clinicTime/format.ts'
import { historyPeople } from './historyPeople.ts'
import { describeHistory, type HistoryEntry } from './historyText.ts'

type Props = {
  data?: { history?: HistoryEntry[] | null; tenant?: unknown; patient?: unknown; doctor?: unknown; cancellationReason?: string | null }
  req: PayloadRequest
}

/**
 * A visit's history on its edit page, read-only, as a timeline in words: when
 * (the clinic's time, named), who (name and role) and what ("moved the visit
 * from … to …"), instead of the stored rows of ids and ISO instants. Shown to
 * whoever may read the history field (Payload renders a field only then); the
 * people in it are read with the viewer's access (see historyPeople).
 */
export async function HistoryTimeline({ data, req }: Props) {
  const entries = data?.history ?? []
  const [zone, known] = await Promise.all([clinicZone(req.payload, data?.tenant), historyPeople(req, { history: entries, doctor: data?.doctor })])
  const lines = describeHistory(entries, { zone, ...known, patientId: data?.patient, cancellationReason: data?.cancellationReason })
  return (
    <div className="field-type visit-history" data-visit-history style={{ marginBottom: 'var(--spacing-field)' }}>
      <h3 id="visit-history-heading" style={{ fontSize: '1rem', margin: '0 0 0.25rem' }}>
        History
      </h3>
      <p style={{ margin: '0 0 0.75rem', color: 'var(--theme-elevation-650)' }}>
        Who changed the visit's time or status, and when. Times in{' '}
        <abbr title={zoneLabel(zone)} style={{ textDecoration: 'underline dotted' }}>
          {zoneName(zone)}
        </abbr>
        , the clinic's zone.
      </p>
      {lines.length === 0 ? (
        <p>No changes yet.</p>
      ) : (
        <ol aria-labelledby="visit-history-heading" style={{ listStyle: 'none', margin: 0, padding: 0, borderLeft: '2px solid var(--theme-elevation-150)' }}>
          {lines.map((line) => (
            <li key={line.key} data-history-line style={{ margin: '0 0 0.75rem', paddingLeft: '0.875rem', lineHeight: 1.45 }}>
              <time dateTime={line.at} style={{ display: 'block', fontSize: '0.8125rem', color: 'var(--theme-elevation-650)' }}>
                {line.when}
              </time>
              <span>{line.text}</span>
            </li>
          ))}
        </ol>
      )}
    </div>
  )
}
