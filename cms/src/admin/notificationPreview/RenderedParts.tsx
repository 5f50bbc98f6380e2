import React from 'react'

export type Rendered = { subject: string; html: string; sms: string; inApp: string }

/** A message's parts as the admin panel shows them: the subject, the email as sent (sandboxed), the text and the inbox line. */
export function RenderedParts({ shown }: { shown: Rendered }) {
  return (
    <>
      <p style={{ margin: 0 }}>
        <strong>Subject:</strong> {shown.subject}
      </p>
      <iframe
        title="The email as sent"
        sandbox=""
        srcDoc={shown.html}
        style={{ width: '100%', maxWidth: '40rem', height: '28rem', border: '1px solid var(--theme-elevation-150)', background: '#fff' }}
      />
      <p style={{ margin: 0 }}>
        <strong>Text message:</strong> {shown.sms}
      </p>
      <p style={{ margin: 0 }}>
        <strong>Inbox:</strong> {shown.inApp}
      </p>
    </>
  )
}
