import WebSocket from 'ws'

/** A live connection (WebSocket /live) that keeps what it receives and waits for a message matching `match`. */
export async function connectLive(serverUrl: string, token: string) {
  const ws = new WebSocket(`${serverUrl.replace('http', 'ws')}/live`, { headers: { Authorization: `JWT ${token}` } })
  const received: any[] = []
  const waiters: { match: (m: any) => boolean; resolve: (m: any) => void }[] = []
  ws.on('message', (raw) => {
    const message = JSON.parse(String(raw))
    received.push(message)
    for (const w of waiters.filter((w) => w.match(message))) {
      waiters.splice(waiters.indexOf(w), 1)
      w.resolve(message)
    }
  })
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject))
  const next = (match: (m: any) => boolean, ms = 5000) =>
    new Promise<any>((resolve, reject) => {
      const seen = received.find(match)
      if (seen) return resolve(seen)
      waiters.push({ match, resolve })
      setTimeout(() => reject(new Error(`no matching message in ${ms} ms; got ${JSON.stringify(received)}`)), ms)
    })
  const send = (message: unknown) => ws.send(JSON.stringify(message))
  /**
   * Everything the server sent this socket before now has arrived: an unknown message
   * type is answered in order, after whatever the server had queued for us.
   */
  let rounds = 0
  const settled = async () => {
    const marker = `settle-${++rounds}`
    send({ type: marker })
    await next((m) => m.type === 'error' && String(m.reason).includes(marker))
  }
  const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)))
  return { ws, received, next, send, settled, closed }
}
