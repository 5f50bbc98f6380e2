import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { randomBytes } from 'node:crypto'

type Connection = Record<string, unknown> & { id: string; connectionId: string; role: string; token: string }
type Session = Record<string, unknown> & { id: string; connections: Connection[] }

/**
 * A test double of the OpenVidu 2.32 server's REST API (`/openvidu/api`): the
 * paths, Basic auth `OPENVIDUAPP:<secret>`, status codes and JSON shapes the real
 * server sends, for the calls the platform makes (create, fetch, connect,
 * close). Keeps every request for assertions.
 */
export async function startOpenViduDouble(secret: string) {
  const sessions = new Map<string, Session>()
  const requests: { method: string; path: string; body: unknown }[] = []
  const expected = `Basic ${Buffer.from(`OPENVIDUAPP:${secret}`).toString('base64')}`

  const sessionJson = (s: Session) => ({
    ...s,
    connections: { numberOfElements: s.connections.length, content: s.connections },
  })

  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    let raw = ''
    for await (const chunk of req) raw += chunk
    const body = raw && req.headers['content-type']?.includes('json') ? JSON.parse(raw) : null
    const url = new URL(req.url!, 'http://double')
    requests.push({ method: req.method!, path: url.pathname, body })
    const send = (status: number, json?: unknown) => {
      res.writeHead(status, json === undefined ? {} : { 'content-type': 'application/json' })
      res.end(json === undefined ? undefined : JSON.stringify(json))
    }
    if (req.headers.authorization !== expected) return send(401)
    const parts = url.pathname
      .replace(/^\/openvidu\/api\/?/, '')
      .split('/')
      .filter(Boolean)

    if (parts[0] !== 'sessions') return send(404)
    if (parts.length === 1 && req.method === 'GET') {
      return send(200, { numberOfElements: sessions.size, content: [...sessions.values()].map(sessionJson) })
    }
    if (parts.length === 1 && req.method === 'POST') {
      const id = (body?.customSessionId as string | undefined) || `ses_${randomBytes(5).toString('hex')}`
      if (!/^[a-zA-Z0-9_-]+$/.test(id)) return send(400)
      if (sessions.has(id)) return send(409)
      const session: Session = {
        id,
        object: 'session',
        sessionId: id,
        createdAt: Date.now(),
        mediaMode: 'ROUTED',
        recordingMode: 'MANUAL',
        defaultRecordingProperties: {
          name: '',
          hasAudio: true,
          hasVideo: true,
          outputMode: 'COMPOSED',
          recordingLayout: 'BEST_FIT',
          resolution: '1280x720',
          frameRate: 25,
          shmSize: 536870912,
        },
        customSessionId: body?.customSessionId ?? '',
        connections: [],
        recording: false,
        broadcasting: false,
        forcedVideoCodec: 'MEDIA_SERVER_PREFERRED',
        allowTranscoding: false,
      }
      sessions.set(id, session)
      return send(200, sessionJson(session))
    }
    const session = sessions.get(parts[1] ?? '')
    if (!session) return send(404)
    if (parts.length === 2 && req.method === 'GET') return send(200, sessionJson(session))
    if (parts.length === 2 && req.method === 'DELETE') {
      sessions.delete(session.id)
      return send(204)
    }
    if (parts.length === 3 && parts[2] === 'connection' && req.method === 'POST') {
      const role = body?.role ?? 'PUBLISHER'
      if (!['SUBSCRIBER', 'PUBLISHER', 'MODERATOR'].includes(role)) return send(400)
      const connectionId = `con_${randomBytes(5).toString('hex')}`
      const connection: Connection = {
        id: connectionId,
        object: 'connection',
        type: 'WEBRTC',
        status: 'pending',
        sessionId: session.id,
        createdAt: Date.now(),
        activeAt: null,
        location: null,
        ip: null,
        platform: null,
        token: `wss://openvidu.double?sessionId=${session.id}&token=tok_${randomBytes(8).toString('hex')}`,
        serverData: body?.data ?? '',
        record: true,
        role,
        kurentoOptions: null,
        rtspUri: null,
        adaptativeBitrate: null,
        onlyPlayWithSubscribers: null,
        networkCache: null,
        clientData: null,
        publishers: null,
        subscribers: null,
        customIceServers: [],
        connectionId,
      }
      session.connections.push(connection)
      return send(200, connection)
    }
    return send(405)
  })
  server.listen(0, '127.0.0.1')
  await new Promise((ok) => server.once('listening', ok))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    sessions,
    requests,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  }
}
