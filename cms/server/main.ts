import '@telemed/config/check'
import { env as loadEnv } from '@telemed/config'
import { resolve } from 'node:path'
import { pino } from 'pino'
import type { RequestHandler } from 'express'
import { createApp } from './app.ts'
import { startPayload } from './startPayload.ts'
import { stopGracefully } from './shutdown.ts'
import { loadStorefront, siteNotBuilt } from './storefront.ts'
import { loadLater } from './loadLater.ts'
import { liveSocket } from '../src/live/liveSocket.ts'
import { startJobRunner } from '../src/plugins/jobs/runner.ts'
import { startClusterBus } from '../src/cluster/index.ts'
import { followPublicDataChanges } from '../src/hooks/publicDataChanged.ts'

const env = loadEnv()
const logger = pino({ level: env.LOG_LEVEL, redact: ['req.headers.authorization', 'req.headers.cookie'] })
const dev = env.NODE_ENV === 'development'

const payload = await startPayload(env)
// What the server processes share (PostgreSQL LISTEN/NOTIFY): live rooms, public-data changes. See docs/cluster.md.
const bus = await startClusterBus(env.DATABASE_URL, logger)
followPublicDataChanges()
// Plugins' jobs and the platform's notifications run here unless `npm run worker` runs them (JOBS_IN_SERVER=false).
const jobs = env.JOBS_IN_SERVER ? startJobRunner(payload, { pollSeconds: env.JOBS_POLL_SECONDS }) : undefined

const stop = (error: unknown) => {
  logger.fatal({ err: error }, 'the admin panel or the clinic sites could not be loaded; stopping')
  process.exit(1)
}
// The server listens as soon as Payload is up: /healthz and the API answer while the admin panel (Next)
// and the clinics' sites (SvelteKit) load, and their first requests wait for them (see loadLater.ts).
let nextApp: Awaited<ReturnType<typeof startAdminPanel>> | undefined
const admin = loadLater(async () => (nextApp = await startAdminPanel()).handler, { missing: siteNotBuilt, failed: stop })
const storefront = loadLater(
  async () => {
    const site = await loadStorefront()
    if (!site) logger.warn('storefront/build is missing: run `npm run build` to serve the clinic sites')
    return site
  },
  { missing: siteNotBuilt, failed: stop },
)

const app = createApp({ payload, env, logger, admin: admin.handler, storefront: storefront.handler })
const server = app.listen(env.PORT, () => {
  logger.info({ url: env.PUBLIC_URL, port: env.PORT }, 'telemed is serving')
  // One after the other: each takes the one thread for a while, and requests are served in between.
  void storefront
    .start()
    .then(admin.start)
    .then(
      () => logger.info('the clinic sites and the admin panel are loaded'),
      () => undefined,
    )
})
const live = liveSocket(payload)
server.on('upgrade', (req, socket, head) => {
  if (live(req, socket, head)) return
  if (dev && nextApp && req.url?.startsWith('/_next')) return void nextApp.upgrade(req, socket, head)
  socket.destroy()
})

/** The admin panel: Next.js serving Payload's admin app from cms/, loaded after the server listens. */
async function startAdminPanel() {
  const { default: next } = await import('next')
  const nextApp = next({ dev, dir: resolve('cms'), hostname: 'localhost', port: env.PORT })
  await nextApp.prepare()
  const nextHandler = nextApp.getRequestHandler()
  const handler: RequestHandler = (req, res) => nextHandler(req, res)
  return { handler, upgrade: nextApp.getUpgradeHandler() }
}
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => void stopGracefully({ server, payload, logger, signal, jobs, cluster: [live.close, () => bus.close()] }))
}
