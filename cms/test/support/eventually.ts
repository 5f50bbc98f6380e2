/**
 * Waits until `check` answers something truthy, asking again every few
 * milliseconds; fails with `what` after `deadlineMs`. For conditions that come
 * true on their own (a message across processes), never a fixed sleep.
 */
export async function eventually<T>(what: string, check: () => T | Promise<T>, deadlineMs = 10_000): Promise<NonNullable<Awaited<T>>> {
  const until = Date.now() + deadlineMs
  for (;;) {
    const value = await check()
    if (value) return value as NonNullable<Awaited<T>>
    if (Date.now() > until) throw new Error(`${what}: not within ${deadlineMs} ms`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}
