'use client'
import { useDocumentInfo } from '@payloadcms/ui'
import { RenderedParts, type Rendered } from './RenderedParts.tsx'
import React, { useEffect, useState } from 'react'

/** On a message's page in the admin panel: the message drawn as the platform sends it, with what it holds now. */
export function RenderedMessage() {
  const { id } = useDocumentInfo()
  const [shown, setShown] = useState<Rendered | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  useEffect(() => {
    if (!id) return
    fetch(`/api/notifications/${id}/rendered`, { credentials: 'include' })
      .then(async (res) => {
        const body = await res.json().catch(() => ({}))
        if (res.ok) setShown(body)
        else setProblem(body.errors?.[0]?.message ?? 'The message could not be drawn.')
      })
      .catch(() => setProblem('The message could not be drawn.'))
  }, [id])
  if (!id) return null
  return (
    <section data-rendered-message style={{ margin: '1.5rem 0', display: 'grid', gap: '0.5rem', maxWidth: '40rem' }}>
      <h3 style={{ margin: 0 }}>The message</h3>
      <p className="field-description" style={{ margin: 0 }}>
        As the platform draws it with what it holds now (names and times may have changed since it was sent).
      </p>
      {problem && <p role="alert">{problem}</p>}
      {shown && <RenderedParts shown={shown} />}
    </section>
  )
}
