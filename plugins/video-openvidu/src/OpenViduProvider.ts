import { OpenVidu, OpenViduRole } from 'openvidu-node-client'
import type { JoinGrant, ParticipantRole, VideoProvider, VideoSession } from '@telemed/plugin-sdk'

/** One OpenVidu session per appointment, named after it: creating it twice returns the same one. */
export const sessionIdOf = (appointmentId: string) => `appointment-${appointmentId}`

/**
 * Video visits on an OpenVidu 2 server (`openvidu-node-client`). The platform
 * decides who may join and when; this provider only talks to OpenVidu.
 */
export class OpenViduProvider implements VideoProvider {
  readonly name = 'openvidu'
  private readonly openvidu: OpenVidu

  constructor(url: string, secret: string) {
    this.openvidu = new OpenVidu(url, secret)
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
      data: JSON.stringify({ userId: participant.userId, displayName: participant.displayName }),
    })
    return { provider: this.name, token: connection.token, role: participant.role }
  }

  async closeSession(appointmentId: string): Promise<void> {
    const id = sessionIdOf(appointmentId)
    await this.openvidu.fetch()
    const session = this.openvidu.activeSessions.find((s) => s.sessionId === id)
    // Already gone (never started, or closed by OpenVidu after everyone left): nothing to do.
    if (session) await session.close()
  }
}
