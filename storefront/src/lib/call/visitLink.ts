/**
 * The browser's end of the visit's live channel (WebSocket `/live`, see
 * plugins/README.md): subscribes to the visit, reconnects by itself after a
 * network drop, and hands each message to the page.
 */
export type LiveMessage = { type: string; [key: string]: any }

export class VisitLink {
  private ws: WebSocket | null = null
  private stopped = false
  private retry = 0

  constructor(
    private readonly appointment: string,
    private readonly onMessage: (message: LiveMessage) => void,
    private readonly onConnection: (state: 'open' | 'reconnecting' | 'replaced') => void,
    /** `watch`: the waiting room before joining hears the visit's news without entering the room. */
    private readonly mode: 'subscribe' | 'watch' = 'subscribe',
  ) {}

  connect() {
    const ws = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/live`)
    this.ws = ws
    ws.onopen = () => {
      this.retry = 0
      ws.send(JSON.stringify({ type: this.mode, appointment: this.appointment }))
    }
    ws.onmessage = (event) => {
      const message = JSON.parse(String(event.data)) as LiveMessage
      if (message.type === 'subscribed' || message.type === 'watching') this.onConnection('open')
      this.onMessage(message)
    }
    ws.onclose = (event) => {
      if (this.stopped || this.ws !== ws) return
      // 4001: this person opened the visit elsewhere (another tab); that one takes over.
      if (event.code === 4001) return this.onConnection('replaced')
      this.onConnection('reconnecting')
      setTimeout(() => this.connect(), Math.min(10_000, 500 * 2 ** this.retry++))
    }
  }

  signal(data: unknown) {
    if (this.ws?.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify({ type: 'signal', appointment: this.appointment, data }))
  }

  close() {
    this.stopped = true
    this.ws?.close()
  }
}
