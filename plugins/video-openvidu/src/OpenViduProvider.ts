import { OpenVidu, OpenViduRole, Recording } from 'openvidu-node-client'
import type { AttendanceEvent, JoinGrant, ParticipantRole, VideoProvider, VideoSession } from '@telemed/plugin-sdk'

/** One OpenVidu session per appointment, named after it: creating it twice returns the same one. */
export const sessionIdOf = (appointmentId: string) => `appointment-${appointmentId}`

/**
 * Video visits on an OpenVidu 2 server (`openvidu-node-client`). The platform
 * decides who may join and when; this provider only talks to OpenVidu.
 */
export class OpenViduProvider implements VideoProvider {
  readonly name = 'openvidu'
  /** OpenVidu sessions take any number of people: patients may invite guests. */
  readonly supportsGuests = true
  private readonly openvidu: OpenVidu
  private readonly webhookAuthorization: string

  constructor(url: string, secret: string) {
    this.openvidu = new OpenVidu(url, secret)
    // OpenVidu sends the headers listed in OPENVIDU_WEBHOOK_HEADERS; we expect this one.
    this.webhookAuthorization = `Basic ${Buffer.from(`OPENVIDUAPP:${secret}`).toString('base64')}`
  }

  async ensureSession(appointmentId: string): Promise<VideoSession> {
    // OpenVidu answers 409 for an existing customSessionId; the client then fetches and returns that session.
    const session = await this.openvidu.createSession({ customSessionId: sessionIdOf(appointmentId) })
    return { id: session.sessionId, appointmentId }
  }

  async join(
    session: VideoSession,
    participant: { userId: string; role: ParticipantRole; displayName: string },
  ): Promise<Omit<JoinGrant, 'expiresAt'>> {
    // Asked of OpenVidu each time (409 → the existing session): any server process can hand out tokens.
    const live = await this.openvidu.createSession({ customSessionId: session.id })
    const connection = await live.createConnection({
      role: participant.role === 'moderator' ? OpenViduRole.MODERATOR : OpenViduRole.PUBLISHER,
      // Seen by the other participants: a display name and the platform's user id, nothing clinical.
      data: JSON.stringify({ userId: participant.userId, displayName: participant.displayName, role: participant.role }),
    })
    return { provider: this.name, token: connection.token, role: participant.role }
  }

  /** OpenVidu's participantJoined / participantLeft webhooks, for sessions of appointments. */
  async readWebhook(request: Request): Promise<AttendanceEvent[] | null> {
    if (request.headers.get('authorization') !== this.webhookAuthorization) return null
    const event = (await request.json().catch(() => null)) as {
      event?: string
      sessionId?: string
      timestamp?: number
      serverData?: string
    } | null
    const type = event?.event === 'participantJoined' ? 'joined' : event?.event === 'participantLeft' ? 'left' : null
    const appointmentId = /^appointment-(.+)$/.exec(event?.sessionId ?? '')?.[1]
    if (!type || !appointmentId) return []
    let data: { userId?: string; role?: ParticipantRole } = {}
    try {
      data = JSON.parse(event!.serverData ?? '{}')
    } catch {
      return []
    }
    if (!data.userId || !data.role) return []
    return [{ type, appointmentId, userId: data.userId, role: data.role, at: event!.timestamp ?? Date.now() }]
  }

  /** Records the whole call as one video (COMPOSED), kept on the OpenVidu server. */
  async startRecording(appointmentId: string): Promise<{ id: string } | { refused: string }> {
    try {
      const recording = await this.openvidu.startRecording(sessionIdOf(appointmentId), {
        name: sessionIdOf(appointmentId),
        outputMode: Recording.OutputMode.COMPOSED,
      })
      return { id: recording.id }
    } catch (error) {
      // The client rejects with the HTTP status: 404 no session, 406 nobody connected, 409 already recording.
      const status = (error as Error).message
      if (status === '404' || status === '406') return { refused: 'Join the call first: there is nothing to record yet.' }
      if (status === '409') return { refused: 'This visit is already being recorded.' }
      throw error
    }
  }

  async stopRecording(appointmentId: string): Promise<boolean> {
    const running = (await this.openvidu.listRecordings()).filter(
      (r) =>
        r.sessionId === sessionIdOf(appointmentId) && (r.status === Recording.Status.started || r.status === Recording.Status.starting),
    )
    for (const recording of running) await this.stopWhenStarted(recording.id)
    return running.length > 0
  }

  /** A recording still starting cannot be stopped (406): wait for it, a few seconds at most. */
  private async stopWhenStarted(id: string, attempts = 10): Promise<void> {
    try {
      await this.openvidu.stopRecording(id)
    } catch (error) {
      if ((error as Error).message !== '406' || attempts <= 1) throw error
      await new Promise((resolve) => setTimeout(resolve, 500))
      await this.stopWhenStarted(id, attempts - 1)
    }
  }

  async closeSession(appointmentId: string): Promise<void> {
    const id = sessionIdOf(appointmentId)
    await this.openvidu.fetch()
    const session = this.openvidu.activeSessions.find((s) => s.sessionId === id)
    // Already gone (never started, or closed by OpenVidu after everyone left): nothing to do.
    if (session) await session.close()
  }
}
