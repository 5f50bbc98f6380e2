import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { randomBytes } from 'node:crypto'
import { WebSocketServer, type WebSocket } from 'ws'

type Connection = Record<string, unknown> & { id: string; connectionId: string; role: string; token: string }
type Session = Record<string, unknown> & { id: string; connections: Connection[] }
type Recording = Record<string, unknown> & { id: string; sessionId: string; status: string }

/**
 * A test double of the OpenVidu 2.32 server: its REST API (`/openvidu/api`: the
 * paths, Basic auth `OPENVIDUAPP:<secret>`, status codes and JSON shapes the real
 * server sends, for the calls the platform makes: sessions, connections,
 * recordings) and the JSON-RPC WebSocket (`/openvidu`) that openvidu-browser
 * connects with a token (joinRoom, ping, leaveRoom, and the participant and
 * recording notifications). It has no media server: a publishVideo offer is
 * recorded, not answered. Keeps every request for assertions.
 */
export async function startOpenViduDouble(secret: string) {
  const sessions = new Map<string, Session>()
  const recordings = new Map<string, Recording>()
  const requests: { method: string; path: string; body: unknown }[] = []
  const rpcRequests: { method: string; params: Record<string, any>; connectionId?: string }[] = []
  const sockets = new Map<string, WebSocket>()
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

    if (parts[0] === 'recordings') return recordingsApi(parts, req.method!, body, send)
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
      for (const c of session.connections) sockets.get(c.connectionId)?.close(1000)
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
        // The real server answers its public wss:// address; the double's plain ws:// one.
        token: `ws://${req.headers.host}?sessionId=${session.id}&token=tok_${randomBytes(8).toString('hex')}`,
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

  function recordingsApi(parts: string[], method: string, body: any, send: (status: number, json?: unknown) => void) {
    if (parts.length === 1 && method === 'GET') return send(200, { count: recordings.size, items: [...recordings.values()] })
    if (parts[1] === 'start' && method === 'POST') {
      const session = sessions.get(body?.session ?? '')
      if (!session) return send(404)
      if (!session.connections.some((c) => c.status === 'active')) return send(406)
      if (session.recording) return send(409)
      const sameSession = [...recordings.values()].filter((r) => r.sessionId === session.id).length
      const recording: Recording = {
        id: sameSession ? `${session.id}~${sameSession}` : session.id,
        object: 'recording',
        name: body?.name || session.id,
        outputMode: body?.outputMode ?? 'COMPOSED',
        hasAudio: body?.hasAudio ?? true,
        hasVideo: body?.hasVideo ?? true,
        recordingLayout: 'BEST_FIT',
        resolution: '1280x720',
        frameRate: 25,
        sessionId: session.id,
        createdAt: Date.now(),
        size: 0,
        duration: 0,
        url: null,
        status: 'started',
      }
      recordings.set(recording.id, recording)
      session.recording = true
      notify(session, 'recordingStarted', { id: recording.id, name: recording.name, reason: 'recordingStartedByServer' })
      return send(200, recording)
    }
    if (parts[1] === 'stop' && parts[2] && method === 'POST') {
      const recording = recordings.get(parts[2])
      if (!recording) return send(404)
      if (recording.status === 'starting') return send(406)
      recording.status = 'stopped'
      const session = sessions.get(recording.sessionId)
      if (session) {
        session.recording = false
        notify(session, 'recordingStopped', { id: recording.id, name: recording.name, reason: 'recordingStoppedByServer' })
      }
      return send(200, recording)
    }
    return send(405)
  }

  /** JSON-RPC 2.0 notifications to the browsers connected to a session. */
  function notify(session: Session, method: string, params: unknown, except?: string) {
    for (const c of session.connections) {
      if (c.status === 'active' && c.connectionId !== except)
        sockets.get(c.connectionId)?.send(JSON.stringify({ jsonrpc: '2.0', method, params }))
    }
  }

  // The browsers' side: openvidu-browser opens `<token host>/openvidu?sessionId=…` and speaks JSON-RPC.
  const rpc = new WebSocketServer({ server, path: '/openvidu' })
  rpc.on('connection', (ws) => {
    let me: { session: Session; connection: Connection } | null = null
    const reply = (id: number, result: unknown) => ws.send(JSON.stringify({ jsonrpc: '2.0', id, result }))
    const fail = (id: number, code: number, message: string) => ws.send(JSON.stringify({ jsonrpc: '2.0', id, error: { code, message } }))
    const leave = (reason: string) => {
      if (!me) return
      me.connection.status = 'pending'
      sockets.delete(me.connection.connectionId)
      notify(me.session, 'participantLeft', { connectionId: me.connection.connectionId, reason })
      me = null
    }
    ws.on('message', (raw) => {
      const message = JSON.parse(String(raw)) as { id: number; method: string; params?: Record<string, any> }
      rpcRequests.push({ method: message.method, params: message.params ?? {}, connectionId: me?.connection.connectionId })
      if (message.method === 'ping') return reply(message.id, { value: 'pong' })
      if (message.method === 'joinRoom') {
        const token = String(message.params?.token ?? '')
        const session = sessions.get(message.params?.session ?? '')
        const connection = session?.connections.find((c) => c.token === token)
        // OpenVidu's error for a token it does not know (ProtocolElements: TOKEN_CANNOT_BE_CREATED_ERROR_CODE etc.).
        if (!session || !connection) return fail(message.id, 401, `Token ${token} is not valid`)
        if (connection.status === 'active') return fail(message.id, 409, `Token ${token} is already in use`)
        connection.status = 'active'
        connection.activeAt = Date.now()
        connection.clientData = message.params?.metadata ?? ''
        me = { session, connection }
        sockets.set(connection.connectionId, ws)
        const metadata = (c: Connection) => `${c.clientData ?? ''}%/%${c.serverData ?? ''}`
        const others = session.connections.filter((c) => c.status === 'active' && c !== connection)
        notify(
          session,
          'participantJoined',
          { id: connection.connectionId, createdAt: connection.activeAt, metadata: metadata(connection) },
          connection.connectionId,
        )
        return reply(message.id, {
          id: connection.connectionId,
          createdAt: connection.activeAt,
          metadata: metadata(connection),
          // Participants who publish nothing come without a `streams` key, as the real server sends them.
          value: others.map((c) => ({ id: c.connectionId, createdAt: c.activeAt, metadata: metadata(c) })),
          session: session.id,
          sessionId: session.id,
          role: connection.role,
          coturnIp: '127.0.0.1',
          coturnPort: 3478,
          turnUsername: 'double',
          turnCredential: 'double',
          version: '2.32.1',
          mediaServer: 'kurento',
          videoSimulcast: false,
          life: 0,
          customIceServers: [],
          ...(session.recording ? { recordingId: session.id, recordingName: session.id } : {}),
        })
      }
      if (message.method === 'leaveRoom') {
        const sessionId = me?.session.id
        leave('disconnect')
        return reply(message.id, { sessionId })
      }
      // The server takes candidates without a word; publishVideo needs a media server: kept, not answered.
      if (message.method === 'onIceCandidate') return reply(message.id, {})
    })
    ws.on('close', () => leave('networkDisconnect'))
  })

  server.listen(0, '127.0.0.1')
  await new Promise((ok) => server.once('listening', ok))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    sessions,
    recordings,
    requests,
    rpcRequests,
    close: () => {
      for (const ws of sockets.values()) ws.terminate()
      rpc.close()
      return new Promise<void>((ok) => server.close(() => ok()))
    },
  }
}
