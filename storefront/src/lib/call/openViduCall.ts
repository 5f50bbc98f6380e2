import type { Publisher, Session, Subscriber } from 'openvidu-browser'

/** Another participant's tile; `cameraOff` when they turned their camera off (their avatar shows instead). */
export type Remote = { id: string; name: string; stream: MediaStream; cameraOff?: boolean }
export type OpenViduState = 'connecting' | 'connected' | 'reconnecting' | 'ended'

/** What the platform put in a connection's data: `{ displayName, role, userId }` (see plugins/video-openvidu). */
function nameOf(data: string): string {
  // OpenVidu joins client data and server data with "%/%"; ours is the server part.
  const serverPart = data.split('%/%').at(-1) ?? ''
  try {
    return String(JSON.parse(serverPart).displayName || 'Participant')
  } catch {
    return 'Participant'
  }
}

/**
 * A video visit on the clinic's OpenVidu server (`openvidu-browser`), for the
 * patient, the doctor and invited guests alike: any number of people, each seen
 * in their own tile. OpenVidu reconnects by itself after a network drop and
 * tells everyone when the call is recorded. Loaded only when the clinic uses
 * OpenVidu, so the peer-to-peer default ships none of it.
 */
export class OpenViduCall {
  private session: Session | null = null
  private publisher: Publisher | null = null
  private subscribers = new Map<string, { subscriber: Subscriber; name: string }>()
  private people = new Map<string, string>()

  constructor(
    private readonly token: string,
    private local: MediaStream,
    private readonly on: {
      remotes: (remotes: Remote[]) => void
      /** The names of the others in the call, cameras on or off. */
      people: (names: string[]) => void
      state: (state: OpenViduState, reason?: string) => void
      recording: (recording: boolean) => void
      /** In the call, but our camera and microphone did not reach it. */
      notSent: (message: string) => void
    },
  ) {}

  /** Enters the call (rejects when the video service cannot be reached), then sends our camera and microphone. */
  async start(): Promise<void> {
    const { OpenVidu } = await import('openvidu-browser')
    const openvidu = new OpenVidu()
    openvidu.enableProdMode()
    const session = openvidu.initSession()
    this.session = session
    this.on.state('connecting')
    type StreamEvent = { stream: Parameters<Session['subscribe']>[0] & { streamId: string; connection: { data: string } } }
    // Without a video element of its own, a subscriber's media is ready once subscribing completes,
    // and replaced by a new MediaStream after each reconnection: the tiles are rebuilt from the subscribers.
    session.on('streamCreated', (event) => {
      const { stream } = event as unknown as StreamEvent
      const subscriber = session.subscribe(stream, undefined, (error) => {
        if (error) return
        this.subscribers.set(stream.streamId, { subscriber, name: nameOf(stream.connection.data) })
        this.showRemotes()
      })
    })
    session.on('streamDestroyed', (event) => {
      this.subscribers.delete((event as unknown as StreamEvent).stream.streamId)
      this.showRemotes()
    })
    type ConnectionEvent = { connection: { connectionId: string; data: string } }
    session.on('connectionCreated', (event) => {
      const { connection } = event as unknown as ConnectionEvent
      if (connection.connectionId === session.connection?.connectionId) return
      this.people.set(connection.connectionId, nameOf(connection.data))
      this.on.people([...this.people.values()])
    })
    session.on('connectionDestroyed', (event) => {
      this.people.delete((event as unknown as ConnectionEvent).connection.connectionId)
      this.on.people([...this.people.values()])
    })
    // A participant turned their camera off or on (Publisher.publishVideo): their tile shows their initials or video.
    session.on('streamPropertyChanged', (event) => {
      if ((event as unknown as { changedProperty: string }).changedProperty === 'videoActive') this.showRemotes()
    })
    session.on('recordingStarted', () => this.on.recording(true))
    session.on('recordingStopped', () => this.on.recording(false))
    session.on('reconnecting', () => this.on.state('reconnecting'))
    session.on('reconnected', () => {
      this.showRemotes()
      this.on.state('connected')
    })
    session.on('sessionDisconnected', (event) => {
      this.subscribers.clear()
      this.showRemotes()
      this.people.clear()
      this.on.people([])
      this.on.recording(false)
      this.on.state('ended', (event as unknown as { reason: string }).reason)
    })
    await session.connect(this.token)
    this.on.state('connected')
    const [audio] = this.local.getAudioTracks()
    const [video] = this.local.getVideoTracks()
    const publisher = await openvidu.initPublisherAsync(undefined, {
      audioSource: audio ?? false,
      videoSource: video ?? false,
      publishAudio: Boolean(audio),
      publishVideo: Boolean(video),
      mirror: false,
    })
    this.publisher = publisher
    // Already in the call, hearing and seeing the others: a failed publish is told, not fatal.
    await session.publish(publisher).catch(() => {
      this.on.notSent('Your camera and microphone did not reach the call, so the others cannot see or hear you. Leave and join again.')
    })
  }

  /** Another camera or microphone (or audio only): the others receive the new tracks. */
  async useStream(stream: MediaStream): Promise<void> {
    this.local = stream
    if (!this.publisher) return
    for (const track of stream.getTracks()) await this.publisher.replaceTrack(track)
    if (!stream.getVideoTracks().length) await this.publisher.publishVideo(false)
  }

  /** Camera off or on for everyone: OpenVidu tells the others, whose pages show our initials instead. */
  setCamera(on: boolean): void {
    // A video service that does not answer must not break the button: the local track is already off.
    void this.publisher?.publishVideo(on).catch(() => undefined)
  }

  hangUp(): void {
    this.session?.disconnect()
    this.session = null
    this.publisher = null
    this.subscribers.clear()
    this.showRemotes()
    this.people.clear()
  }

  private showRemotes() {
    const remotes: Remote[] = []
    for (const [id, { subscriber, name }] of this.subscribers) {
      const stream = subscriber.stream.getMediaStream()
      if (stream) remotes.push({ id, name, stream, cameraOff: !subscriber.stream.videoActive })
    }
    this.on.remotes(remotes)
  }
}
