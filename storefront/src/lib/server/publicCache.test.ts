import { describe, expect, it, vi } from 'vitest'
import { cachedPublic } from './publicCache.ts'

const bump = () => {
  const store = globalThis as unknown as Record<symbol, number>
  const key = Symbol.for('telemed.publicDataVersion')
  store[key] = (store[key] ?? 0) + 1
}

describe('the public data cache', () => {
  it('shares one load, serves the old value while refreshing after the lifetime, and reloads at once after a change', async () => {
    vi.useFakeTimers()
    let n = 0
    const load = vi.fn(async () => ++n)
    const read = () => cachedPublic('k', 1000, load)
    expect(await Promise.all([read(), read()])).toEqual([1, 1])
    expect(load).toHaveBeenCalledTimes(1)
    vi.advanceTimersByTime(1500)
    expect(await read()).toBe(1) // stale, refresh started
    await Promise.resolve()
    expect(await read()).toBe(2)
    bump() // a clinic was saved in the CMS
    expect(await read()).toBe(3)
    expect(load).toHaveBeenCalledTimes(3)
    vi.useRealTimers()
  })

  it('does not keep a failed load', async () => {
    let fail = true
    const load = async () => {
      if (fail) throw new Error('API down')
      return 'ok'
    }
    await expect(cachedPublic('f', 1000, load)).rejects.toThrow('API down')
    fail = false
    expect(await cachedPublic('f', 1000, load)).toBe('ok')
  })
})
