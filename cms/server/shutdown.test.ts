import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { pino } from 'pino'
import { describe, expect, it, vi } from 'vitest'
import { stopGracefully } from './shutdown.ts'

describe('stopGracefully', () => {
  it('lets an in-flight request finish, refuses new connections, then closes the database', async () => {
    const server = createServer((_req, res) => setTimeout(() => res.end('finished'), 300))
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok))
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`
    const destroy = vi.fn(async () => {})
    const exit = vi.spyOn(process, 'exit').mockImplementation((() => undefined) as never)

    const inFlight = fetch(url).then((r) => r.text())
    await new Promise((ok) => setTimeout(ok, 50))
    const stopping = stopGracefully({ server, payload: { db: { destroy } } as never, logger: pino({ level: 'silent' }), signal: 'SIGTERM' })

    await expect(fetch(url)).rejects.toThrow()
    expect(await inFlight).toBe('finished')
    await stopping
    expect(destroy).toHaveBeenCalledOnce()
    expect(exit).toHaveBeenCalledWith(0)
    exit.mockRestore()
  })
})
