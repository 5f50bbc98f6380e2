/**
 * Several server processes behind nginx with the reference configuration of
 * docs/deploy/nginx.conf: every process answers through the proxy (round robin,
 * no stickiness), a session made on one process is good on the others, and the
 * live socket is upgraded to a WebSocket through the proxy.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startCluster, type Cluster } from './support/cluster.ts'
import { signIn } from './support/http.ts'
import { connectLive } from './support/liveClient.ts'
import { createWorld, PASSWORD, type World } from './support/world.ts'

const postgres = (process.env.DATABASE_URL ?? '').startsWith('postgres')

describe.skipIf(!postgres)('three processes behind nginx (PostgreSQL only: SQLite is one process on one machine)', () => {
  let cluster: Cluster
  let world: World
  beforeAll(async () => {
    cluster = await startCluster({ processes: 3, seed: async (payload) => (world = await createWorld(payload)) })
  })
  afterAll(() => cluster?.close())

  it('every process answers through the proxy, round robin', async () => {
    const answeredBy = new Set<string>()
    for (let i = 0; i < 9; i++) {
      const res = await fetch(`${cluster.proxyUrl}/healthz`)
      expect(res.status).toBe(200)
      answeredBy.add(res.headers.get('x-cluster-process')!)
    }
    expect([...answeredBy].sort()).toEqual(cluster.processUrls.map((u) => u.replace('http://', '')).sort())
  })

  it('a session made through one process is good on every process', async () => {
    const patient = await signIn(cluster.proxyUrl, world.alpha.patient.email, PASSWORD)
    for (const url of [cluster.proxyUrl, ...cluster.processUrls]) {
      const res = await fetch(`${url}/api/users/me`, { headers: { Authorization: `JWT ${patient.token}` } })
      expect(res.status).toBe(200)
      expect((await res.json()).user.id).toBe(world.alpha.patient.id)
    }
  })

  it('the live socket opens through the proxy', async () => {
    const patient = await signIn(cluster.proxyUrl, world.alpha.patient.email, PASSWORD)
    const live = await connectLive(cluster.proxyUrl, patient.token!)
    await live.settled()
    live.ws.close()
    expect(await live.closed).toBeGreaterThan(0)
  })
})
