/** Each status of a visit as staff read it in the admin panel (the stored values stay short). */
export const STATUS_LABELS = {
  held: 'Held (booking in progress)',
  requested: 'Requested',
  confirmed: 'Confirmed',
  cancelled: 'Cancelled',
  completed: 'Completed',
  'no-show': 'No-show',
} as const

/** Badge colours by status: a text colour on a light tint, each pair above 4.5:1. */
export const STATUS_TONES: Record<keyof typeof STATUS_LABELS, { color: string; background: string }> = {
  held: { color: '#374151', background: '#f3f4f6' },
  requested: { color: '#92400e', background: '#fef3c7' },
  confirmed: { color: '#065f46', background: '#d1fae5' },
  cancelled: { color: '#991b1b', background: '#fee2e2' },
  completed: { color: '#1e40af', background: '#dbeafe' },
  'no-show': { color: '#6b21a8', background: '#f3e8ff' },
}
