import { DEFAULT_LOCALE, dayLabel, dayOf, timeLabel } from './format.ts'

export type SlotChoice = { start: string; time: string; doctorTime: string | null }
export type SlotDay = { day: string; label: string; slots: SlotChoice[] }

/**
 * Groups free slots (UTC instants) into the viewer's calendar days, with each
 * time in the viewer's zone and, when the doctor's zone differs, in the doctor's.
 */
export function slotDays(slots: { start: string }[], viewerZone: string, doctorZone: string, locale = DEFAULT_LOCALE): SlotDay[] {
  const days: SlotDay[] = []
  for (const s of slots) {
    const day = dayOf(s.start, viewerZone)
    let entry = days.at(-1)
    if (!entry || entry.day !== day) days.push((entry = { day, label: dayLabel(s.start, viewerZone, locale), slots: [] }))
    const doctorTime = timeLabel(s.start, doctorZone, locale)
    const time = timeLabel(s.start, viewerZone, locale)
    entry.slots.push({ start: s.start, time, doctorTime: doctorZone !== viewerZone ? doctorTime : null })
  }
  return days
}
