/** Who is joining a visit; the doctor moderates, the patient (and the guests they invite) publish. */
export type ParticipantRole = 'moderator' | 'publisher'

export interface VideoSession {
  /** Provider-side id, derived from the appointment id so that creating it twice is harmless. */
  id: string
  appointmentId: string
}

/** What the browser needs to enter the call. */
export interface JoinGrant {
  provider: string
  /** A connection token (OpenVidu) or a room name (peer-to-peer). */
  token?: string
  room?: string
  role: ParticipantRole
  /** ISO instant after which the grant is no longer valid. */
  expiresAt: string
  /** STUN/TURN servers the browser uses for a peer-to-peer call (RTCIceServer shape). */
  iceServers?: { urls: string | string[]; username?: string; credential?: string }[]
}

/** Someone entered or left the provider's call, as the provider reports it (e.g. by webhook). */
export interface AttendanceEvent {
  type: 'joined' | 'left'
  appointmentId: string
  userId: string
  role: ParticipantRole
  /** Milliseconds since 1970. */
  at: number
}

export interface VideoProvider {
  readonly name: string
  /** Creates the visit's session, or returns the existing one. */
  ensureSession(appointmentId: string): Promise<VideoSession>
  /**
   * Issues a grant for one participant; the caller has already checked who may join
   * and when, and adds `expiresAt` (the end of the visit's join window).
   */
  join(
    session: VideoSession,
    participant: { userId: string; role: ParticipantRole; displayName: string },
  ): Promise<Omit<JoinGrant, 'expiresAt'>>
  /** Ends the call for everyone, when the visit is completed or cancelled. */
  closeSession(appointmentId: string): Promise<void>
  /**
   * Reads a webhook call of the provider (`POST /api/video/webhook`): the attendance
   * events in it, an empty list for events of no interest, or null when the call is
   * not authentic. Providers without webhooks leave it out.
   */
  readWebhook?(request: Request): Promise<AttendanceEvent[] | null>
  /**
   * True when more than two people can be in one call, so a patient may invite a
   * guest (a family member, an interpreter). The two-party default leaves it out.
   */
  readonly supportsGuests?: boolean
  /**
   * Starts recording the visit's call (the platform has checked the clinic allows
   * it and the patient consented) and returns the provider's recording id, or why
   * it cannot (nobody in the call yet, already recording) in words for the doctor.
   * Providers that cannot record leave both out.
   */
  startRecording?(appointmentId: string): Promise<{ id: string } | { refused: string }>
  /** Stops the visit's recording, if one is running; true when one was stopped. */
  stopRecording?(appointmentId: string): Promise<boolean>
}
