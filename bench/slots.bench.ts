/** Slot computation speed: one doctor over 30 days, and 500 doctors over 7 days. */
import { computeSlots, type Availability, type Busy } from '../cms/src/scheduling/computeSlots.ts'

const DAY = 86_400_000
const ZONES = ['America/New_York', 'Europe/London', 'Asia/Kolkata', 'Australia/Lord_Howe', 'Pacific/Chatham']

function doctor(i: number): { availability: Availability; busy: Busy[] } {
  const availability: Availability = {
    timeZone: ZONES[i % ZONES.length]!,
    visitMinutes: 20 + (i % 3) * 10,
    bufferBeforeMinutes: i % 2 ? 5 : 0,
    bufferAfterMinutes: 5,
    minimumNoticeMinutes: 60,
    bookingHorizonDays: 90,
    dailyMaximum: i % 4 === 0 ? 12 : null,
    weekly: [1, 2, 3, 4, 5].flatMap((day) => [
      { day, start: '08:30', end: '12:00' },
      { day, start: '13:00', end: '17:30' },
    ]),
    overrides: [{ date: '2026-12-24', dayOff: true }],
    timeOff: [{ start: Date.parse('2026-12-28T00:00:00Z'), end: Date.parse('2027-01-02T00:00:00Z') }],
  }
  // About a third of the calendar already booked.
  const busy: Busy[] = []
  for (let t = Date.parse('2026-12-01T14:00:00Z'); t < Date.parse('2027-01-15T00:00:00Z'); t += 3 * 3_600_000 + (i % 7) * 600_000)
    busy.push({ start: t, end: t + 30 * 60_000 })
  return { availability, busy }
}

function median(run: () => void, times: number): number {
  const samples: number[] = []
  for (let i = 0; i < times; i++) {
    const t0 = performance.now()
    run()
    samples.push(performance.now() - t0)
  }
  samples.sort((a, b) => a - b)
  return samples[Math.floor(samples.length / 2)]!
}

export function benchSlots() {
  const now = Date.parse('2026-12-01T00:00:00Z')
  const one = doctor(0)
  let count = 0
  const single = median(() => (count = computeSlots({ ...one, from: now, to: now + 30 * DAY, now }).length), 200)
  console.log(`slots: 1 doctor x 30 days: median ${single.toFixed(3)} ms (${count} slots; target < 2 ms)`)
  const many = Array.from({ length: 500 }, (_, i) => doctor(i))
  let total = 0
  const all = median(() => {
    total = 0
    for (const d of many) total += computeSlots({ ...d, from: now, to: now + 7 * DAY, now }).length
  }, 15)
  console.log(`slots: 500 doctors x 7 days: median ${all.toFixed(1)} ms (${total} slots; target < 150 ms)`)
}
