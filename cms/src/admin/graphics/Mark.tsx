import React from 'react'

/** The platform's mark: a speech bubble holding a medical cross (a visit by video or chat). */
export function Mark({ size }: { size: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 48 48" role="img" aria-label="Telemed" style={{ flex: 'none' }}>
      <path d="M8 4h32a4 4 0 0 1 4 4v24a4 4 0 0 1-4 4H20l-9 8v-8H8a4 4 0 0 1-4-4V8a4 4 0 0 1 4-4z" fill="#0f766e" />
      <path d="M21 10h6v7h7v6h-7v7h-6v-7h-7v-6h7z" fill="#ffffff" />
    </svg>
  )
}
