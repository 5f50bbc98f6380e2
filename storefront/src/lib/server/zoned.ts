/** Wall-clock times in a named zone ↔ UTC instants, with the zone's own rules (Intl). */

const partsOf = (t: number, zone: string) => {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(t))
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value)
  return { y: get('year'), m: get('month'), d: get('day'), h: get('hour'), min: get('minute'), s: get('second') }
}

const offsetAt = (t: number, zone: string) => {
  const p = partsOf(t, zone)
  return Date.UTC(p.y, p.m - 1, p.d, p.h, p.min, p.s) - Math.floor(t / 1000) * 1000
}

/** `2026-12-24`, `09:30` in `Europe/London` → the UTC instant (ms). In a DST gap, the time just after it. */
export function instantOf(date: string, clock: string, zone: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const [h, min] = clock.split(':').map(Number) as [number, number]
  const wall = Date.UTC(y, m - 1, d, h, min)
  const first = wall - offsetAt(wall, zone)
  return wall - offsetAt(first, zone)
}

/** The instant as `2026-12-24 09:30` on the zone's clock. */
export function wallClockOf(t: number, zone: string): string {
  const p = partsOf(t, zone)
  const two = (n: number) => String(n).padStart(2, '0')
  return `${p.y}-${two(p.m)}-${two(p.d)} ${two(p.h)}:${two(p.min)}`
}
