import { randomUUID } from 'node:crypto'

/** A small JSON message: ids and short facts, never a clinical body (see docs/cluster.md). */
export type BusMessage = Record<string, unknown>
type Handler = (message: BusMessage) => void | Promise<void>

/** How a bus reaches the other server processes (PostgreSQL LISTEN/NOTIFY, see postgresTransport.ts). */
export interface BusTransport {
  /** Sends to every other process; resolves once sent (or once it is known it could not be). */
  send(channel: string, message: BusMessage): Promise<void>
  close(): Promise<void>
}

/** What a transport hands back to its bus. */
export type TransportReceiver = {
  /** Which process this is: a transport skips what this process sent itself. */
  processId: string
  /** A message from another process. */
  receive(channel: string, message: BusMessage): void
  /** Heard again after a lost connection: whatever was sent meanwhile is lost, so subscribers catch up. */
  resumed(): void
}

/**
 * Publish/subscribe between the server processes of one deployment. Subscribers
 * of this process hear a message at once (their work starts before `publish`
 * returns); with a transport, every other process hears it too. Without one
 * (SQLite, MongoDB: one process), the bus stays in this process.
 */
export class Bus {
  /** This process, as the other processes and the live rooms' presence know it. */
  readonly processId = randomUUID()
  private readonly handlers = new Map<string, Set<Handler>>()
  private readonly resumeHandlers = new Set<() => void>()
  private transport: BusTransport | null = null
  /** Where a subscriber's failure goes (the server sets its logger): one failing subscriber never stops the others. */
  onError: (error: unknown, channel: string) => void = () => undefined

  /** Hears `channel` (from this process and, with a transport, every other); the answer stops it. */
  subscribe(channel: string, handler: Handler): () => void {
    const set = this.handlers.get(channel) ?? new Set()
    this.handlers.set(channel, set)
    set.add(handler)
    return () => void set.delete(handler)
  }

  /** Runs after a lost connection to the other processes is back (messages sent meanwhile were lost). */
  onResume(handler: () => void): () => void {
    this.resumeHandlers.add(handler)
    return () => void this.resumeHandlers.delete(handler)
  }

  /** Resolves once this process's subscribers have handled it and the other processes have been sent it. */
  async publish(channel: string, message: BusMessage): Promise<void> {
    const local = this.deliver(channel, message)
    await Promise.all([local, this.transport?.send(channel, message)])
  }

  /** Connects this bus to the other processes; `open` receives what the transport calls back. */
  async connect(open: (receiver: TransportReceiver) => Promise<BusTransport>): Promise<void> {
    this.transport = await open({
      processId: this.processId,
      receive: (channel, message) => void this.deliver(channel, message),
      resumed: () => {
        for (const handler of this.resumeHandlers) handler()
      },
    })
  }

  /** Disconnects from the other processes; local subscribers keep hearing this process. */
  async close(): Promise<void> {
    const transport = this.transport
    this.transport = null
    await transport?.close()
  }

  private async deliver(channel: string, message: BusMessage): Promise<void> {
    const runs = [...(this.handlers.get(channel) ?? [])].map(async (handler) => handler(message))
    for (const run of await Promise.allSettled(runs)) if (run.status === 'rejected') this.onError(run.reason, channel)
  }
}

const GLOBAL = Symbol.for('telemed.clusterBus')

/**
 * The process's bus. One per process even when a module is bundled twice (the
 * admin panel's Next bundle and the server), hence the global symbol.
 */
export function clusterBus(): Bus {
  const store = globalThis as unknown as Record<symbol, Bus | undefined>
  return (store[GLOBAL] ??= new Bus())
}
