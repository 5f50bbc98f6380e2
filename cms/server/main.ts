import '@telemed/config/check'
import { env as loadEnv } from '@telemed/config'
import { resolve } from 'node:path'
import { pino } from 'pino'
import type { RequestHandler } from 'express'
import next from 'next'
import { createApp } from './app.ts'
import { startPayload } from './startPayload.ts'
import { stopGracefully } from './shutdown.ts'
import { loadStorefront } from './storefront.ts'
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
// Plugins' jobs run here unless `npm run worker` runs them (JOBS_IN_SERVER=false).
const jobs = env.JOBS_IN_SERVER && payload.config.jobs.enabled ? startJobRunner(payload, { pollSeconds: env.JOBS_POLL_SECONDS }) : undefined

// The admin panel: Next.js serving Payload's admin app from cms/.
const nextApp = next({ dev, dir: resolve('cms'), hostname: 'localhost', port: env.PORT })
await nextApp.prepare()
const nextHandler = nextApp.getRequestHandler()
const admin: RequestHandler = (req, res) => nextHandler(req, res)

// The clinics' sites: SvelteKit's adapter-node build.
const storefront = await loadStorefront()
if (!storefront) logger.warn('storefront/build is missing: run `npm run build` to serve the clinic sites')

const app = createApp({ payload, env, logger, admin, storefront })
const server = app.listen(env.PORT, () => logger.info({ url: env.PUBLIC_URL, port: env.PORT }, 'telemed is serving'))
const live = liveSocket(payload)
server.on('upgrade', (req, socket, head) => {
  if (live(req, socket, head)) return
  if (dev && req.url?.startsWith('/_next')) return void nextApp.getUpgradeHandler()(req, socket, head)
  socket.destroy()
})
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => void stopGracefully({ server, payload, logger, signal, jobs, cluster: [live.close, () => bus.close()] }))
}
