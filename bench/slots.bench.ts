/**
 * Slot computation speed: one doctor over 30 days, and 500 and 5,000 doctors (a
 * clinic group) over 7 days. Baseline: bare enumeration of the same weekly hours
 * in UTC (support/bareSlots.ts), timed alike in the same run.
 */
import { computeSlots, type Availability, type Busy } from '../cms/src/scheduling/computeSlots.ts'
import { bareSlots } from './support/bareSlots.ts'
import { ratio } from './support/machine.ts'

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

function timed(run: () => void): number {
  const t0 = performance.now()
  run()
  return performance.now() - t0
}

/** Median milliseconds of computeSlots and of the bare baseline over `doctors` doctors and `days` days. */
function measure(doctors: number, days: number, times: number) {
  const now = Date.parse('2026-12-01T00:00:00Z')
  const many = Array.from({ length: doctors }, (_, i) => doctor(i))
  let slots = 0
  let bare = 0
  // Alternating, so a pause of the machine weighs on both alike.
  const samples = { real: [] as number[], bare: [] as number[] }
  for (let i = 0; i < times; i++) {
    samples.real.push(
      timed(() => {
        slots = 0
        for (const d of many) slots += computeSlots({ ...d, from: now, to: now + days * DAY, now }).length
      }),
    )
    samples.bare.push(
      timed(() => {
        bare = 0
        for (const d of many) bare += bareSlots(d.availability, d.busy, now, now + days * DAY)
      }),
    )
  }
  const mid = (list: number[]) => list.sort((a, b) => a - b)[Math.floor(list.length / 2)]!
  return { ms: mid(samples.real), bareMs: mid(samples.bare), slots, bare }
}

export function benchSlots() {
  const now = Date.parse('2026-12-01T00:00:00Z')
  const one = doctor(0)
  let count = 0
  const single = median(() => (count = computeSlots({ ...one, from: now, to: now + 30 * DAY, now }).length), 200)
  const singleBare = median(() => bareSlots(one.availability, one.busy, now, now + 30 * DAY), 200)
  console.log(
    `slots: 1 doctor x 30 days: median ${single.toFixed(3)} ms (${count} slots; target < 2 ms); baseline ${singleBare.toFixed(3)} ms; ratio ${ratio(single, singleBare)}`,
  )
  const group = measure(500, 7, 15)
  console.log(
    `slots: 500 doctors x 7 days: median ${group.ms.toFixed(1)} ms (${group.slots} slots; target < 150 ms); baseline ${group.bareMs.toFixed(1)} ms; ratio ${ratio(group.ms, group.bareMs)}`,
  )
  const big = measure(5000, 7, 7)
  console.log(
    `slots: 5,000 doctors x 7 days: median ${big.ms.toFixed(1)} ms (${big.slots} slots; target < 500 ms); baseline ${big.bareMs.toFixed(1)} ms; ratio ${ratio(big.ms, big.bareMs)}`,
  )
  // 1.00x: each doctor costs the same in a group of 5,000 as in one of 500 (no cost grows with the group).
  console.log(
    `slots: per doctor ${((1000 * group.ms) / 500).toFixed(1)} µs at 500 and ${((1000 * big.ms) / 5000).toFixed(1)} µs at 5,000: growth ${ratio(big.ms / 5000, group.ms / 500)} (baseline ${ratio(big.bareMs / 5000, group.bareMs / 500)})`,
  )
}
