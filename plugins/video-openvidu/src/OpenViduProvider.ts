import { OpenVidu, OpenViduRole } from 'openvidu-node-client'
import type { AttendanceEvent, JoinGrant, ParticipantRole, VideoProvider, VideoSession } from '@telemed/plugin-sdk'

/** One OpenVidu session per appointment, named after it: creating it twice returns the same one. */
export const sessionIdOf = (appointmentId: string) => `appointment-${appointmentId}`

/**
 * Video visits on an OpenVidu 2 server (`openvidu-node-client`). The platform
 * decides who may join and when; this provider only talks to OpenVidu.
 */
export class OpenViduProvider implements VideoProvider {
  readonly name = 'openvidu'
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

  async closeSession(appointmentId: string): Promise<void> {
    const id = sessionIdOf(appointmentId)
    await this.openvidu.fetch()
    const session = this.openvidu.activeSessions.find((s) => s.sessionId === id)
    // Already gone (never started, or closed by OpenVidu after everyone left): nothing to do.
    if (session) await session.close()
  }
}
