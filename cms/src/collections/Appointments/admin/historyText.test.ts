import { describe, expect, it } from 'vitest'
import { describeHistory, type HistoryContext } from './historyText.ts'

/** Northwind's zone; the instants are UTC, as stored. 15:30Z on 1 Dec 2026 is 10:30 in New York (EST, UTC-5). */
const base: HistoryContext = {
  zone: 'America/New_York',
  people: new Map([
    ['7', { name: 'Alice Walker', role: 'patient' }],
    ['3', { name: 'Nora Admin', role: 'clinic-admin' }],
    ['5', { name: 'Ana Ruiz', role: 'doctor' }],
  ]),
  patientId: 7,
  doctorUserId: 5,
  doctorName: 'Dr. Ana Ruiz',
}

const texts = (lines: { when: string; text: string }[]) => lines.map((l) => `${l.when} — ${l.text}`)

describe("a visit's history in words", () => {
  it('names who booked, moved (start and end in one line) and cancelled, with the reason, in the clinic zone', () => {
    const lines = describeHistory(
      [
        { at: '2026-11-20T14:00:00.000Z', by: 7, change: 'created as requested' },
        { at: '2026-11-21T13:05:00.000Z', by: 3, change: 'status requested → confirmed' },
        { at: '2026-11-22T19:05:00.000Z', by: { id: 5, name: 'ignored' }, change: 'start 2026-12-01T15:30:00.000Z → 2026-12-02T16:00:00.000Z' },
        { at: '2026-11-22T19:05:00.000Z', by: { id: 5 }, change: 'end 2026-12-01T16:00:00.000Z → 2026-12-02T16:30:00.000Z' },
        { at: '2026-11-23T02:30:00.000Z', by: 7, change: 'status confirmed → cancelled' },
      ],
      { ...base, cancellationReason: ' Feeling better ' },
    )
    expect(texts(lines)).toEqual([
      'Fri, 20 Nov 2026, 09:00 (New York time) — Alice Walker (patient) booked the visit (Requested)',
      'Sat, 21 Nov 2026, 08:05 (New York time) — Nora Admin (clinic admin) changed the status: Requested → Confirmed',
      'Sun, 22 Nov 2026, 14:05 (New York time) — Dr. Ana Ruiz (doctor) moved the visit from Tue 1 Dec, 10:30–11:00 to Wed 2 Dec, 11:00–11:30',
      // 02:30 UTC on the 23rd is still the 22nd in New York.
      'Sun, 22 Nov 2026, 21:30 (New York time) — Alice Walker (patient) cancelled the visit. Reason: “Feeling better”',
    ])
  })

  it('shows the same instants in another clinic zone (Kolkata, UTC+5:30)', () => {
    const lines = describeHistory(
      [
        { at: '2026-11-22T19:05:00.000Z', by: 5, change: 'start 2026-12-01T15:30:00.000Z → 2026-12-02T16:00:00.000Z' },
        { at: '2026-11-22T19:05:00.000Z', by: 5, change: 'end 2026-12-01T16:00:00.000Z → 2026-12-02T16:30:00.000Z' },
      ],
      { ...base, zone: 'Asia/Kolkata' },
    )
    expect(texts(lines)).toEqual([
      'Mon, 23 Nov 2026, 00:35 (Kolkata time) — Dr. Ana Ruiz (doctor) moved the visit from Tue 1 Dec, 21:00–21:30 to Wed 2 Dec, 21:30–22:00',
    ])
  })

  it('names the patient and doctor by their part when the viewer may not read their accounts, and anyone else as staff', () => {
    const ctx: HistoryContext = { zone: 'UTC', people: new Map(), patientId: 7, doctorUserId: 5 }
    const lines = describeHistory(
      [
        { at: '2026-11-20T14:00:00.000Z', by: 7, change: 'created as requested' },
        { at: '2026-11-20T15:00:00.000Z', by: 5, change: 'status requested → confirmed' },
        { at: '2026-11-20T16:00:00.000Z', by: 99, change: 'end 2026-12-01T16:00:00.000Z → 2026-12-01T16:15:00.000Z' },
        { at: '2026-11-20T17:00:00.000Z', by: null, change: 'status confirmed → no-show' },
      ],
      ctx,
    )
    expect(lines.map((l) => l.text)).toEqual([
      'The patient booked the visit (Requested)',
      'The doctor changed the status: Requested → Confirmed',
      'A staff member changed the end from Tue 1 Dec, 16:00 to Tue 1 Dec, 16:15',
      'The platform changed the status: Confirmed → No-show',
    ])
    expect(lines[0]?.when).toBe('Fri, 20 Nov 2026, 14:00 (UTC)')
  })

  it('gives the reason to the last cancellation only, and keeps a change it does not know in its own words', () => {
    const lines = describeHistory(
      [
        { at: '2026-11-20T14:00:00.000Z', by: 3, change: 'status confirmed → cancelled' },
        { at: '2026-11-20T15:00:00.000Z', by: 3, change: 'status cancelled → confirmed' },
        { at: '2026-11-20T16:00:00.000Z', by: 3, change: 'status confirmed → cancelled' },
        { at: '2026-11-20T17:00:00.000Z', by: 3, change: 'visit type video → chat' },
      ],
      { ...base, cancellationReason: 'Doctor unwell' },
    )
    expect(lines.map((l) => l.text)).toEqual([
      'Nora Admin (clinic admin) cancelled the visit',
      'Nora Admin (clinic admin) changed the status: Cancelled → Confirmed',
      'Nora Admin (clinic admin) cancelled the visit. Reason: “Doctor unwell”',
      'Nora Admin (clinic admin) changed: visit type video → chat',
    ])
  })

  it('has nothing to say about a visit without history', () => {
    expect(describeHistory(undefined, base)).toEqual([])
    expect(describeHistory([], base)).toEqual([])
  })
})
