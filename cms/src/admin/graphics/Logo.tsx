import React from 'react'
import { Mark } from './Mark.tsx'

/** The platform's name and mark on the admin panel's sign-in page. */
export function Logo() {
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: '0.75rem' }}>
      <Mark size={48} />
      <span style={{ fontSize: '1.75rem', fontWeight: 700, letterSpacing: '-0.01em' }}>
        Telemed <span style={{ fontWeight: 400, opacity: 0.7 }}>admin</span>
      </span>
    </span>
  )
}
