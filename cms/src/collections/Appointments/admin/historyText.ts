import { dateTimeIn, isInstant, whenIn, zoneName } from '../../../admin/clinicTime/format.ts'
import { STATUS_LABELS } from './statusLabels.ts'

/** One stored entry of a visit's history (see hooks/recordChanges.ts); `by` is a user id, or the user when populated. */
export type HistoryEntry = { id?: string | null; at: string; by?: unknown; change: string }

/** Someone the viewer may read, as the history names them. */
export type Person = { name: string; role?: string | null }

export type HistoryContext = {
  /** The clinic's zone: every time of the history is shown in it. */
  zone: string
  /** The accounts the viewer may read, by id. */
  people: Map<string, Person>
  /** The visit's patient and its doctor's account: named by their part when the viewer may not read them. */
  patientId?: unknown
  doctorUserId?: unknown
  /** The doctor as patients see them ("Dr. Ana Ruiz"), for changes the doctor made. */
  doctorName?: string | null
  /** The visit's reason for its (last) cancellation. */
  cancellationReason?: string | null
}

/** One line of the timeline: when (in the clinic's zone, named) and what, in words. */
export type HistoryLine = { key: string; at: string; when: string; text: string }

const ROLE_WORDS: Record<string, string> = {
  'platform-admin': 'platform admin',
  'clinic-admin': 'clinic admin',
  doctor: 'doctor',
  patient: 'patient',
}

const idText = (value: unknown): string | null => {
  const id = value && typeof value === 'object' && 'id' in value ? (value as { id: unknown }).id : value
  return id === null || id === undefined || id === '' ? null : String(id)
}

const statusWords = (status: string) => (STATUS_LABELS as Record<string, string>)[status] ?? status

/** "Ana Ruiz (doctor)"; the visit's own patient or doctor by their part when the viewer may not read the account. */
function who(by: unknown, ctx: HistoryContext): string {
  const id = idText(by)
  if (id === null) return 'The platform'
  const isDoctor = id === idText(ctx.doctorUserId)
  if (isDoctor && ctx.doctorName) return `${ctx.doctorName} (doctor)`
  const person = ctx.people.get(id)
  if (person) return person.role && ROLE_WORDS[person.role] ? `${person.name} (${ROLE_WORDS[person.role]})` : person.name
  if (id === idText(ctx.patientId)) return 'The patient'
  if (isDoctor) return 'The doctor'
  return 'A staff member'
}

type Parsed =
  | { kind: 'created'; status: string }
  | { kind: 'status'; from: string; to: string }
  | { kind: 'time'; field: 'start' | 'end'; from: string; to: string }
  | { kind: 'other'; text: string }

/** The stored change, as written by recordChanges: "created as requested", "status a → b", "start <iso> → <iso>". */
function parse(change: string): Parsed {
  const created = /^created as (\S+)$/.exec(change)
  if (created?.[1]) return { kind: 'created', status: created[1] }
  const status = /^status (\S+) → (\S+)$/.exec(change)
  if (status?.[1] && status[2]) return { kind: 'status', from: status[1], to: status[2] }
  const time = /^(start|end) (.+) → (.+)$/.exec(change)
  if (time?.[2] && time[3] && isInstant(time[3])) return { kind: 'time', field: time[1] as 'start' | 'end', from: time[2], to: time[3] }
  return { kind: 'other', text: change }
}

/** What one write did, in words after its author's name ("moved the visit from … to …"). */
function phrases(changes: Parsed[], ctx: HistoryContext, reason: string | null): string[] {
  const out: string[] = []
  const start = changes.find((c) => c.kind === 'time' && c.field === 'start') as Extract<Parsed, { kind: 'time' }> | undefined
  const end = changes.find((c) => c.kind === 'time' && c.field === 'end') as Extract<Parsed, { kind: 'time' }> | undefined
  const at = (value: string, endValue?: string) =>
    isInstant(value) ? whenIn(value, ctx.zone, endValue && isInstant(endValue) ? endValue : undefined) : 'an unknown time'
  for (const change of changes) {
    if (change.kind === 'created')
      out.push(change.status === 'held' ? 'held the time while booking' : `booked the visit (${statusWords(change.status)})`)
    else if (change.kind === 'status') {
      if (change.to === 'cancelled') out.push(reason ? `cancelled the visit. Reason: “${reason}”` : 'cancelled the visit')
      else out.push(`changed the status: ${statusWords(change.from)} → ${statusWords(change.to)}`)
    } else if (change === start) out.push(`moved the visit from ${at(start.from, end?.from)} to ${at(start.to, end?.to)}`)
    else if (change === end && !start) out.push(`changed the end from ${at(end.from)} to ${at(end.to)}`)
    else if (change.kind === 'other') out.push(`changed: ${change.text}`)
  }
  return out
}

/**
 * A visit's history as a timeline people read: one line per change made at once
 * by one person (a move changes the start and the end together), oldest first,
 * times in the clinic's zone with the zone named, people by name and role.
 */
export function describeHistory(entries: readonly HistoryEntry[] | null | undefined, ctx: HistoryContext): HistoryLine[] {
  const groups: { at: string; by: unknown; changes: Parsed[]; key: string }[] = []
  for (const [index, entry] of (entries ?? []).entries()) {
    const last = groups[groups.length - 1]
    if (last && last.at === entry.at && idText(last.by) === idText(entry.by)) last.changes.push(parse(entry.change))
    else groups.push({ at: entry.at, by: entry.by, changes: [parse(entry.change)], key: entry.id ?? String(index) })
  }
  // The stored reason belongs to the last cancellation (a visit brought back and cancelled again has the newer one).
  const lastCancel = groups.findLastIndex((g) => g.changes.some((c) => c.kind === 'status' && c.to === 'cancelled'))
  const reason = ctx.cancellationReason?.trim() || null
  return groups.map((group, index) => ({
    key: group.key,
    at: group.at,
    when: isInstant(group.at) ? `${dateTimeIn(group.at, ctx.zone)} (${zoneName(ctx.zone)})` : '',
    text: `${who(group.by, ctx)} ${phrases(group.changes, ctx, index === lastCancel ? reason : null).join(', and ')}`,
  }))
}
