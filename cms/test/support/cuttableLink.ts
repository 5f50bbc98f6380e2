import { createServer, connect, type Socket } from 'node:net'
import type { AddressInfo } from 'node:net'

/**
 * A TCP link to the server that a test can cut, as a patient's Wi-Fi or mobile
 * network drops: while cut, open connections are broken and new ones refused.
 * Its port can be known before the server's: start it with none and point it with `to`.
 */
export async function startCuttableLink(targetPort = 0) {
  const open = new Set<Socket>()
  let cut = false
  const server = createServer((client) => {
    if (cut) return client.destroy()
    const upstream = connect(targetPort, '127.0.0.1')
    for (const socket of [client, upstream]) {
      open.add(socket)
      socket.on('close', () => open.delete(socket))
      socket.on('error', () => undefined)
    }
    client.pipe(upstream).pipe(client)
  })
  server.listen(0, '127.0.0.1')
  await new Promise((ok) => server.once('listening', ok))
  return {
    port: (server.address() as AddressInfo).port,
    to: (port: number) => void (targetPort = port),
    cut() {
      cut = true
      for (const socket of open) socket.destroy()
    },
    restore() {
      cut = false
    },
    close: () => {
      for (const socket of open) socket.destroy()
      return new Promise<void>((ok) => server.close(() => ok()))
    },
  }
}
