import { DEFAULT_LOCALE, timeLabel } from '../format.ts'

/** The delays a doctor can announce from their pages (the API takes these and 0, which clears it). */
export const RUNNING_LATE_CHOICES = [5, 10, 15, 20, 30] as const

export type RunningLate = { minutes: number; setAt: string | null }

/** What the waiting patient reads: "Dr. Ana Ruiz is running about 10 minutes late (said at 14:05)." */
export function runningLateText(doctor: string, late: RunningLate, zone: string, locale = DEFAULT_LOCALE): string {
  const said = late.setAt ? ` (said at ${timeLabel(late.setAt, zone, locale)})` : ''
  return `${doctor} is running about ${late.minutes} minutes late${said}.`
}
