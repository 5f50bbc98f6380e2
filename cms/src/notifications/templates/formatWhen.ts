const formatters = new Map<string, Intl.DateTimeFormat>()

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone)
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone,
      timeZoneName: 'long',
    })
    formatters.set(timeZone, formatter)
  }
  return formatter
}

/**
 * A visit time in the recipient's time zone, with the zone named:
 * "Thursday, 3 December 2026, 15:30 (Central European Standard Time)" (British
 * English, 24-hour clock). Throws a RangeError for an unreadable time or an
 * unknown zone: a message must not go out with a wrong time.
 */
export function formatWhen(iso: string, timeZone: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) throw new RangeError(`formatWhen: not a time: ${JSON.stringify(iso)}`)
  const part = Object.fromEntries(
    formatterFor(timeZone)
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  )
  return `${part.weekday}, ${part.day} ${part.month} ${part.year}, ${part.hour}:${part.minute} (${part.timeZoneName})`
}
