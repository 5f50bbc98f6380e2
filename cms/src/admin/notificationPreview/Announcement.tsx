'use client'
import { Button, useDocumentInfo } from '@payloadcms/ui'
import React, { useState } from 'react'

type Answer = { recipients?: number; preview?: { subject: string; html: string }; message?: string; errors?: { message: string }[] }

/**
 * News to all the clinic's patients (Clinics → Notifications): written here,
 * previewed as the email patients get with the number it reaches, then sent now
 * or at a chosen time, by the channels each patient chose.
 */
export function Announcement() {
  const { id } = useDocumentInfo()
  const [title, setTitle] = useState('')
  const [message, setMessage] = useState('')
  const [at, setAt] = useState('')
  const [answer, setAnswer] = useState<Answer | null>(null)
  const [sent, setSent] = useState<string | null>(null)

  const ask = async (send: boolean) => {
    const res = await fetch(`/api/tenants/${id}/announcement`, {
      method: 'POST',
      credentials: 'include',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ title, message, at: at ? new Date(at).toISOString() : undefined, send }),
    })
    return (await res.json().catch(() => ({}))) as Answer
  }

  if (!id) return null
  const problem = answer?.errors?.[0]?.message
  return (
    <section data-announcement style={{ margin: '1.5rem 0', display: 'grid', gap: '0.75rem', maxWidth: '40rem' }}>
      <h3 style={{ margin: 0 }}>Announcement to all patients</h3>
      <p className="field-description" style={{ margin: 0 }}>
        News such as new opening hours or a closure: no medical content. Each patient gets it in their inbox, and by email or text as they
        chose.
      </p>
      <label style={{ display: 'grid', gap: '0.25rem' }}>
        Title
        <input value={title} maxLength={120} onChange={(e) => (setTitle(e.target.value), setAnswer(null), setSent(null))} />
      </label>
      <label style={{ display: 'grid', gap: '0.25rem' }}>
        Message
        <textarea
          rows={5}
          value={message}
          maxLength={2000}
          onChange={(e) => (setMessage(e.target.value), setAnswer(null), setSent(null))}
        />
      </label>
      <label style={{ display: 'grid', gap: '0.25rem', maxWidth: '16rem' }}>
        Send at (empty: now; this computer's time)
        <input type="datetime-local" value={at} onChange={(e) => (setAt(e.target.value), setAnswer(null), setSent(null))} />
      </label>
      <div style={{ display: 'flex', gap: '0.75rem', alignItems: 'center' }}>
        <Button buttonStyle="secondary" size="small" margin={false} onClick={async () => setAnswer(await ask(false))}>
          Preview
        </Button>
        {answer?.preview && !sent && (
          <Button
            size="small"
            margin={false}
            onClick={async () => {
              const done = await ask(true)
              setSent(done.message ?? done.errors?.[0]?.message ?? 'It could not be sent.')
            }}
          >
            {`Send to ${answer.recipients} patient${answer.recipients === 1 ? '' : 's'}`}
          </Button>
        )}
        {sent && <span role="status">{sent}</span>}
      </div>
      {problem && (
        <p role="alert" style={{ color: 'var(--theme-error-500)', margin: 0 }}>
          {problem}
        </p>
      )}
      {answer?.preview && (
        <iframe
          title="The announcement as patients get it by email"
          sandbox=""
          srcDoc={answer.preview.html}
          style={{ width: '100%', height: '24rem', border: '1px solid var(--theme-elevation-150)', background: '#fff' }}
        />
      )}
    </section>
  )
}
