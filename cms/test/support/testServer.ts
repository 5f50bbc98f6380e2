import type { AddressInfo } from 'node:net'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { getPayload, type Payload, type Plugin } from 'payload'
import { pino } from 'pino'
import { freshDatabaseUrl } from './database.ts'
import { createWorld, type World } from './world.ts'
import type { JobRunner } from '../../src/plugins/jobs/runner.ts'

export type TestServer = {
  url: string
  payload: Payload
  /** The server's jobs runner (plugins' jobs, notifications), unless JOBS_IN_SERVER is false. */
  jobs?: JobRunner
  close: () => Promise<void>
}

export type TestServerOptions = {
  /**
   * Plugins of the test's own (`definePlugin`), added to the list of
   * config/src/plugins.ts before the configuration is built, as a line there would.
   */
  plugins?: Plugin[]
  /**
   * Give the database its schema with the committed migrations, as a deployment
   * does, instead of the development push: production processes started on it
   * later refuse a pushed schema (docs/migrations.md).
   */
  migrate?: boolean
}

/**
 * Boots the platform as `npm start` does, but on a fresh database (a temporary
 * SQLite file, or a new PostgreSQL database when DATABASE_URL is a postgres URL)
 * and a random port, with the storefront build when present. `plugins` are
 * turned on after those of config/src/plugins.ts (each test file has its own
 * modules, so they stay in that file).
 */
export async function startTestServer(vars: Record<string, string> = {}, options: TestServerOptions = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'telemed-test-'))
  Object.assign(process.env, {
    APP_ENV: 'test',
    DATA_DIR: dataDir,
    DATABASE_URL: await freshDatabaseUrl(dataDir),
    PAYLOAD_SECRET: 'test-secret-test-secret-test-secret-0123',
    AUTH_RATE_LIMIT_PER_MINUTE: '100000',
    API_RATE_LIMIT_PER_MINUTE: '100000',
    LOG_LEVEL: 'silent',
    ...(options.migrate ? { PAYLOAD_MIGRATING: 'true' } : {}),
    ...vars,
  })
  if (options.plugins?.length) (await import('@telemed/config/plugins')).plugins.push(...options.plugins)
  const [{ parseEnv }, { createApp }, { default: config }, { startJobRunner }] = await Promise.all([
    import('@telemed/config'),
    import('../../server/app.ts'),
    import('../../src/payload.config.ts'),
    import('../../src/plugins/jobs/runner.ts'),
  ])
  const payload = await getPayload({ config })
  if (options.migrate) {
    delete process.env.PAYLOAD_MIGRATING
    const { migrationsOf } = await import('../../src/database/migrations.ts')
    await payload.db.migrate({ migrations: migrationsOf(payload) })
  }
  const env = parseEnv()
  const jobs = env.JOBS_IN_SERVER ? startJobRunner(payload, { pollSeconds: env.JOBS_POLL_SECONDS }) : undefined
  const { loadStorefront } = await import('../../server/storefront.ts')
  const { liveSocket } = await import('../../src/live/liveSocket.ts')
  const storefront = await loadStorefront()
  const app = createApp({ payload, env, logger: pino({ level: 'silent' }), storefront })
  const server = app.listen(0, '127.0.0.1')
  const live = liveSocket(payload)
  server.on('upgrade', (req, socket, head) => live(req, socket, head) || socket.destroy())
  await new Promise((ok) => server.once('listening', ok))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  process.env.INTERNAL_API_URL = url
  return {
    url,
    payload,
    jobs,
    close: async () => {
      server.closeAllConnections()
      await new Promise((ok) => server.close(ok))
      await jobs?.stop()
      await live.close()
      await payload.db.destroy?.()
    },
  }
}

/** A test server with the two-clinic world of support/world.ts in its database. */
export async function startWorld(
  vars: Record<string, string> = {},
  options: TestServerOptions = {},
): Promise<{ server: TestServer; world: World }> {
  const server = await startTestServer(vars, options)
  return { server, world: await createWorld(server.payload) }
}
