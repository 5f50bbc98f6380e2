import { env } from '@telemed/config'
import type { JoinGrant, ParticipantRole, VideoProvider, VideoSession } from '@telemed/plugin-sdk'

/**
 * The embedded default: two-party peer-to-peer video with the platform itself as
 * the meeting point, so a fresh install has video visits with no outside
 * service. A grant names the visit's room; the browser client (storefront)
 * connects both sides through the platform's signalling.
 */
export const peerToPeerProvider: VideoProvider = {
  name: 'p2p',
  async ensureSession(appointmentId: string): Promise<VideoSession> {
    return { id: `appointment-${appointmentId}`, appointmentId }
  },
  async join(session: VideoSession, participant: { role: ParticipantRole }): Promise<Omit<JoinGrant, 'expiresAt'>> {
    // STUN/TURN from ICE_SERVERS; TURN over TLS on 443 gets through the strictest firewalls.
    return { provider: 'p2p', room: session.id, role: participant.role, iceServers: env().ICE_SERVERS }
  },
  async closeSession(): Promise<void> {
    // Nothing is kept between calls: a closed visit simply gets no more grants.
  },
}
