/**
 * Hears, over the platform's live channel (WebSocket `/live`), that a message
 * reached the signed-in person's inbox, and calls `onMessage('message')`: the
 * page then asks its server for what is new (the socket carries no content).
 * Each time the socket opens, `onMessage('connected')`: a message that arrived
 * between the page's load and the connection (or while it was down) was heard
 * by no one. Reconnects by itself after a network drop; the answer stops it.
 */
export function listenToInbox(onMessage: (why: 'message' | 'connected') => void): () => void {
  let ws: WebSocket | null = null
  let stopped = false
  let retry = 0
  const connect = () => {
    const socket = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/live`)
    ws = socket
    socket.onopen = () => {
      retry = 0
      onMessage('connected')
    }
    socket.onmessage = (event) => {
      if ((JSON.parse(String(event.data)) as { type?: string }).type === 'inbox') onMessage('message')
    }
    socket.onclose = () => {
      if (!stopped && ws === socket) setTimeout(connect, Math.min(30_000, 1_000 * 2 ** retry++))
    }
  }
  connect()
  return () => {
    stopped = true
    ws?.close()
  }
}
