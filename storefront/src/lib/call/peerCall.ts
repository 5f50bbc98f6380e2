import type { VisitLink } from './visitLink.ts'

export type CallState = 'waiting' | 'connecting' | 'connected' | 'reconnecting'

/**
 * A two-party WebRTC call over the visit's live channel. The doctor makes the
 * offers, the patient answers (so both never offer at once); a patient who
 * (re)joins says hello and the doctor starts afresh, so a reloaded page or a
 * dropped network recovers without a stale connection lingering.
 */
export class PeerCall {
  pc: RTCPeerConnection | null = null
  /** Which negotiation the current connection belongs to: answers and candidates of older ones are ignored. */
  private current = 0
  private pending: { id: number; candidate: RTCIceCandidateInit }[] = []

  constructor(
    private readonly link: VisitLink,
    private readonly offerer: boolean,
    private local: MediaStream,
    private readonly iceServers: RTCIceServer[],
    private readonly onRemote: (stream: MediaStream | null) => void,
    private readonly onState: (state: CallState) => void,
  ) {}

  /** The other participant is here (presence, or their hello): the offerer (re)starts the call. */
  otherArrived() {
    if (this.offerer) void this.offer()
  }

  /** The other participant left: drop the connection and wait. */
  otherLeft() {
    this.pending = []
    this.reset()
    this.onState('waiting')
  }

  /** Our own (re)connection to the room: a patient says hello so the doctor starts afresh. */
  joined() {
    if (!this.offerer) this.link.signal({ hello: true })
  }

  async handle(data: { hello?: boolean; id?: number; description?: RTCSessionDescriptionInit; candidate?: RTCIceCandidateInit }) {
    if (data.hello) return this.otherArrived()
    const id = Number(data.id)
    if (data.description?.type === 'offer' && !this.offerer) {
      // Each offer starts afresh (the doctor re-offers after a reload or a network change).
      this.current = id
      const pc = this.fresh()
      await pc.setRemoteDescription(data.description)
      await this.flush(pc)
      if (this.pc !== pc) return
      await pc.setLocalDescription(await pc.createAnswer())
      this.link.signal({ id, description: pc.localDescription })
    } else if (data.description?.type === 'answer' && this.offerer) {
      // An answer to an offer we have since replaced is ignored: only the latest negotiation counts.
      if (id !== this.current || !this.pc || this.pc.signalingState !== 'have-local-offer') return
      await this.pc.setRemoteDescription(data.description)
      await this.flush(this.pc)
    } else if (data.candidate) {
      if (this.pc?.remoteDescription && id === this.current) await this.pc.addIceCandidate(data.candidate).catch(() => undefined)
      else if (id >= this.current) this.pending.push({ id, candidate: data.candidate })
    }
  }

  /** Another camera or microphone, or none (audio only): replaces what the other side receives. */
  async useStream(stream: MediaStream) {
    this.local = stream
    for (const sender of this.pc?.getSenders() ?? []) {
      const kind = sender.track?.kind
      const track = kind ? (stream.getTracks().find((t) => t.kind === kind) ?? null) : null
      if (kind) await sender.replaceTrack(track)
    }
  }

  hangUp() {
    this.pending = []
    this.reset()
  }

  private async offer() {
    const id = ++this.current
    const pc = this.fresh()
    await pc.setLocalDescription(await pc.createOffer())
    if (this.pc === pc) this.link.signal({ id, description: pc.localDescription })
  }

  private fresh(): RTCPeerConnection {
    this.reset()
    this.onState('connecting')
    const pc = new RTCPeerConnection({ iceServers: this.iceServers })
    this.pc = pc
    for (const track of this.local.getTracks()) pc.addTrack(track, this.local)
    const id = this.current
    pc.onicecandidate = (event) => event.candidate && this.link.signal({ id, candidate: event.candidate.toJSON() })
    pc.ontrack = (event) => this.onRemote(event.streams[0] ?? new MediaStream([event.track]))
    pc.onconnectionstatechange = () => {
      if (this.pc !== pc) return
      if (pc.connectionState === 'connected') this.onState('connected')
      if (pc.connectionState === 'disconnected') this.onState('reconnecting')
      // A network change broke the path: the offerer negotiates a new one.
      if (pc.connectionState === 'failed' && this.offerer) void this.offer()
    }
    return pc
  }

  private async flush(pc: RTCPeerConnection) {
    const ready = this.pending.filter((p) => p.id === this.current)
    this.pending = this.pending.filter((p) => p.id > this.current)
    for (const { candidate } of ready) await pc.addIceCandidate(candidate).catch(() => undefined)
  }

  private reset() {
    if (this.pc) {
      this.pc.onconnectionstatechange = null
      this.pc.close()
    }
    this.pc = null
    this.onRemote(null)
  }
}
