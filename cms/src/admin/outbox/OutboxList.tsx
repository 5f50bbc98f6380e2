'use client'
import React, { useEffect, useState } from 'react'

type Outbox = { inUse: boolean; total: number; files: { name: string; at: string; kind: 'email' | 'sms'; to: string; subject: string }[] }

/**
 * Above the list of messages, for platform admins on a platform with no mail
 * server (no SMTP_URL): the emails and texts the embedded channels wrote to
 * DATA_DIR/outbox, newest first, each opened as written (an .eml opens in any
 * mail program). Nothing for anyone else.
 */
export function OutboxList() {
  const [outbox, setOutbox] = useState<Outbox | null>(null)
  useEffect(() => {
    fetch('/api/notifications/outbox', { credentials: 'include' })
      .then(async (res) => (res.ok ? setOutbox(await res.json()) : null))
      .catch(() => null)
  }, [])
  if (!outbox?.inUse || !outbox.files.length) return null
  return (
    <details
      data-outbox
      style={{ margin: '0 0 1.5rem', padding: '0.75rem 1rem', border: '1px solid var(--theme-elevation-150)', borderRadius: 4 }}
    >
      <summary style={{ cursor: 'pointer' }}>
        <strong>Outbox</strong>: {outbox.total} emails and texts written to the server’s outbox folder (no mail server is set up)
      </summary>
      <table style={{ width: '100%', marginTop: '0.75rem', borderCollapse: 'collapse' }}>
        <thead>
          <tr>
            <th style={{ textAlign: 'left' }}>Written</th>
            <th style={{ textAlign: 'left' }}>To</th>
            <th style={{ textAlign: 'left' }}>Subject</th>
          </tr>
        </thead>
        <tbody>
          {outbox.files.map((file) => (
            <tr key={file.name}>
              <td>{new Date(file.at).toLocaleString()}</td>
              <td>{file.to}</td>
              <td>
                <a href={`/api/notifications/outbox/${encodeURIComponent(file.name)}`}>
                  {file.kind === 'sms' ? 'Text message' : file.subject || '(no subject)'}
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  )
}
