import type { AddressInfo } from 'node:net'
import { pino } from 'pino'
import type { TestServer } from './testServer.ts'

export type LogLine = { level: number; msg?: string; [key: string]: unknown }
export const INFO = 30
export const ERROR = 50

/**
 * A second HTTP front for a test server's Payload, built by createApp as
 * main.ts builds it, whose request logs and Payload's own logs are kept in
 * memory (the test server's are silent). The raw text is kept too, to search
 * for what must never be written.
 */
export async function withCapturedLogs(server: TestServer) {
  const text: string[] = []
  const logger = pino({ level: 'info' }, { write: (line: string) => void text.push(line) })
  // Payload logs its errors through payload.logger (routeError → logError): the same memory.
  server.payload.logger = logger
  const [{ parseEnv }, { createApp }, { loadStorefront }] = await Promise.all([
    import('@telemed/config'),
    import('../../server/app.ts'),
    import('../../server/storefront.ts'),
  ])
  const app = createApp({ payload: server.payload, env: parseEnv(), logger, storefront: await loadStorefront() })
  const http = app.listen(0, '127.0.0.1')
  await new Promise((ok) => http.once('listening', ok))
  return {
    url: `http://127.0.0.1:${(http.address() as AddressInfo).port}`,
    text: () => text.join(''),
    lines: (): LogLine[] => text.map((line) => JSON.parse(line) as LogLine),
    clear: () => void text.splice(0),
    close: async () => {
      http.closeAllConnections()
      await new Promise((ok) => http.close(ok))
    },
  }
}
