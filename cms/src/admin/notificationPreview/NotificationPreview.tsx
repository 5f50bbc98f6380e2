'use client'
import { Button, useDocumentInfo, useFormFields } from '@payloadcms/ui'
import { RenderedParts, type Rendered } from './RenderedParts.tsx'
import React, { useEffect, useMemo, useState } from 'react'
import { EVENT_LABELS, NOTIFICATION_EVENTS, type NotificationEvent } from '../../notifications/templates/events.ts'

const ROW = /^notifications\.templates\.(\d+)\.(event|part|source)$/

/**
 * Under the clinic's templates: any message as the clinic sends it now, with
 * sample values and the templates as typed (not yet saved), in each of its parts;
 * and "Send me a test", which emails it to the admin's own address.
 */
export function NotificationPreview() {
  const { id } = useDocumentInfo()
  const rows = useFormFields(([fields]) =>
    Object.entries(fields)
      .filter(([path]) => ROW.test(path))
      .map(([path, field]) => [path, field?.value] as const),
  )
  const templates = useMemo(() => {
    const byRow = new Map<string, Record<string, unknown>>()
    for (const [path, value] of rows) {
      const [, row, key] = ROW.exec(path)!
      byRow.set(row!, { ...byRow.get(row!), [key!]: value })
    }
    return [...byRow.values()]
  }, [JSON.stringify(rows)])
  const [event, setEvent] = useState<NotificationEvent>('appointment.reminder')
  const [shown, setShown] = useState<Rendered | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [sent, setSent] = useState<string | null>(null)

  const ask = (what: 'preview' | 'test') =>
    fetch(`/api/tenants/${id}/notification-${what}`, {
      method: 'POST',
      credentials: 'include',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ event, templates }),
    }).then(async (res) => ({ ok: res.ok, body: await res.json().catch(() => ({})) }))

  useEffect(() => {
    if (!id) return
    const timer = setTimeout(async () => {
      const { ok, body } = await ask('preview')
      setProblem(ok ? null : (body.errors?.[0]?.message ?? 'The preview could not be drawn.'))
      if (ok) setShown(body)
    }, 300)
    return () => clearTimeout(timer)
  }, [id, event, templates])

  if (!id) return <p className="field-description">Save the clinic first to preview its messages.</p>
  return (
    <section data-notification-preview style={{ margin: '1.5rem 0', display: 'grid', gap: '0.75rem' }}>
      <h3 style={{ margin: 0 }}>Preview</h3>
      <label style={{ display: 'grid', gap: '0.25rem', maxWidth: '24rem' }}>
        Message
        <select value={event} onChange={(e) => setEvent(e.target.value as NotificationEvent)}>
          {NOTIFICATION_EVENTS.map((e) => (
            <option key={e} value={e}>
              {EVENT_LABELS[e]}
            </option>
          ))}
        </select>
      </label>
      <p className="field-description" style={{ margin: 0 }}>
        Drawn with sample values and the templates above as they are now, before saving.
      </p>
      {problem && (
        <p role="alert" style={{ color: 'var(--theme-error-500)', margin: 0 }}>
          {problem}
        </p>
      )}
      {shown && <RenderedParts shown={shown} />}
      <div style={{ display: 'flex', gap: '0.75rem', alignItems: 'center' }}>
        <Button
          buttonStyle="secondary"
          size="small"
          margin={false}
          onClick={async () => {
            setSent(null)
            const { ok, body } = await ask('test')
            setSent(ok ? body.message : (body.errors?.[0]?.message ?? 'The test could not be sent.'))
          }}
        >
          Send me a test
        </Button>
        {sent && <span role="status">{sent}</span>}
      </div>
    </section>
  )
}
