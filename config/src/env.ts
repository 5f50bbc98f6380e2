import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { isIP } from 'node:net'
import { z } from 'zod'

/**
 * The platform's environment, parsed once at start-up.
 *
 * `APP_ENV` (not `NODE_ENV`) decides how strict we are: Next and React want
 * `NODE_ENV=production` for an optimised build even on a laptop demo, while the
 * platform only demands real secrets when `APP_ENV=production`.
 *
 * Every variable the platform reads is declared here, with what it does: the
 * schema below for the deployment's settings, OTHER_VARIABLES for the few read
 * elsewhere (set by the server for its clinic sites, or knobs of the tests and
 * benchmarks), each with why. config/src/env.test.ts checks that no code reads
 * a variable missing from both.
 */
const schema = z.object({
  /** How strict the platform is: `production` demands PAYLOAD_SECRET and PUBLIC_URL and refuses the demo seed. */
  APP_ENV: z.enum(['development', 'test', 'production']).default('development'),
  /**
   * Node's own: the scripts set `production` for an optimised Next and React build (even for a demo)
   * and `development` for `npm run dev` (the admin panel rebuilt on change). APP_ENV, not this, decides
   * how strict the platform is.
   */
  NODE_ENV: z.string().optional(),
  /**
   * The database: `file:./data/telemed.db` (embedded SQLite, the default; relative to TELEMED_ROOT),
   * `postgres://user:password@host/db` (production) or `mongodb://…`.
   */
  DATABASE_URL: z
    .string()
    .regex(/^(file:|postgres(ql)?:\/\/|mongodb(\+srv)?:\/\/)/, 'must start with file:, postgres:// or mongodb://')
    .default('file:./data/telemed.db'),
  /** Signs sessions and tokens; at least 32 characters. Outside production it is generated once into DATA_DIR/.secret. */
  PAYLOAD_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** The port the server listens on (admin panel, API, clinic sites and the live socket). */
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** The address people reach the server at, used in emails, calendar links and the admin panel; default http://localhost:PORT. */
  PUBLIC_URL: z.url({ message: 'must be an absolute URL such as https://clinic.example' }).optional(),
  /** Where uploads, the development secret and (without SMTP_URL) the email outbox are kept. */
  DATA_DIR: z.string().default('./data'),
  /** The largest upload accepted (records, images), in bytes; default 20 MiB. */
  UPLOAD_MAX_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(20 * 1024 * 1024),
  /** How much the server logs (pino's levels); `silent` for benchmarks. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Sign-in, registration and password-reset attempts allowed per visitor address and minute. */
  AUTH_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(10),
  /** smtp://user:password@host:587 (or smtps://). Without it, emails are written to DATA_DIR/outbox for development. */
  SMTP_URL: z.url({ message: 'must be a URL such as smtp://user:password@mail.example:587' }).optional(),
  /** The sender of the platform's emails. */
  EMAIL_FROM: z.string().default('Telemed <no-reply@telemed.localhost>'),
  /** An OpenVidu 2 server for video visits; without it, visits use the embedded peer-to-peer video. */
  OPENVIDU_URL: z.url({ message: 'must be a URL such as https://video.clinic.example' }).optional(),
  /** The OpenVidu server's secret; required with OPENVIDU_URL. */
  OPENVIDU_SECRET: z.string().min(1).optional(),
  /**
   * STUN/TURN servers for peer-to-peer video, as RTCIceServer JSON, e.g.
   * [{"urls":"stun:stun.example:3478"},{"urls":"turns:turn.example:443?transport=tcp","username":"u","credential":"p"}].
   * Without it, calls work on the same network only.
   */
  ICE_SERVERS: z
    .string()
    .default('[]')
    .transform((text, ctx) => {
      try {
        const servers = JSON.parse(text) as unknown
        if (Array.isArray(servers) && servers.every((s) => s && typeof s === 'object' && 'urls' in s))
          return servers as { urls: string | string[]; username?: string; credential?: string }[]
      } catch {
        /* reported below */
      }
      ctx.addIssue({ code: 'custom', message: 'must be a JSON list of {"urls": …} objects' })
      return z.NEVER
    }),
  /**
   * Which proxies in front of the server to believe about the client's address (X-Forwarded-For):
   * a hop count (1 behind one load balancer) or the proxies' addresses and ranges, comma-separated
   * (e.g. `10.0.0.0/8, loopback`). Never "true": that believes any client's own header.
   */
  TRUST_PROXY: z
    .string()
    .default('false')
    .transform((text, ctx): false | number | string[] => {
      const value = text.trim()
      if (value === 'false' || value === '0') return false
      if (/^\d{1,2}$/.test(value)) return Number(value)
      const proxies = value.split(',').map((p) => p.trim())
      if (value !== 'true' && proxies.every(isProxyAddress)) return proxies
      ctx.addIssue({
        code: 'custom',
        message:
          value === 'true'
            ? 'must be a hop count (1 behind one load balancer) or the proxies\' addresses: "true" would believe any client\'s X-Forwarded-For'
            : 'must be a hop count or a comma-separated list of proxy addresses, ranges (10.0.0.0/8, never /0) or loopback, linklocal, uniquelocal',
      })
      return z.NEVER
    }),
  /**
   * The repository's root, as cms/src/paths.ts finds it (from process.env: the clinic site bundles
   * that file): its themes, fonts and admin components, and what a relative `file:` database or upload folder is relative to. Default: the
   * current directory (every script runs from the root); set it when the admin panel's bundle runs
   * from elsewhere.
   */
  TELEMED_ROOT: z.string().min(1).optional(),
  /**
   * The clinic themes (a folder per theme with its theme.json and logo.svg, see themes/README.md),
   * relative to TELEMED_ROOT; default `themes`. The server hands it to its clinic sites.
   */
  THEMES_DIR: z.string().min(1).optional(),
  /**
   * Where the clinic sites reach the platform's API; default http://127.0.0.1:PORT (the same process,
   * over loopback). Read by the sites themselves (storefront/src/lib/server/clinic.ts); tests point it
   * at their server's random port.
   */
  INTERNAL_API_URL: z.url({ message: 'must be a URL such as http://127.0.0.1:3000' }).optional(),
})

/**
 * Variables read outside this file, and why they are not in the schema: the
 * server sets them for the clinic sites it runs in its own process (the sites
 * import no code of the core, so they read process.env), Payload's own, or
 * knobs of the tests and benchmarks. Nobody sets these for a deployment.
 */
export const OTHER_VARIABLES: Record<string, string> = {
  TELEMED_SITE_KEY:
    'made by the server at start (cms/server/visitor.ts) for its clinic sites to vouch for their visitors; never written anywhere',
  PROTOCOL_HEADER: "set by the server for the sites' adapter-node (cms/server/storefront.ts): where the request's protocol is",
  HOST_HEADER: "set by the server for the sites' adapter-node: where the request's host is",
  ADDRESS_HEADER: "set by the server for the sites' adapter-node: where the visitor's address (as Express resolved it) is",
  BODY_SIZE_LIMIT: "set by the server for the sites' adapter-node: UPLOAD_MAX_BYTES plus room for the form fields",
  ROOT_DIR: "Payload's, set by cms/scripts/generateImportMap.ts: where the admin panel's components are",
  TZ: 'the process time zone: the platform never depends on it; the slot tests run under several',
  TEST_DATABASE_URL: 'tests: the database server the test files make their fresh databases on (cms/test/support/database.ts)',
  FUZZ_SEED: "tests: the fuzz test's seed (a number, or `random`)",
  FUZZ_REQUESTS: 'tests: how many requests the fuzz test sends',
  REAL_HASHING: 'tests: 1 to hash passwords with all their rounds in the write-burst test',
  PATIENTS: 'benchmarks: how many patients the benchmark world has',
}

/** The variables of the schema, the deployment's settings. */
export const ENV_VARIABLES: readonly string[] = Object.keys(schema.shape)

/**
 * An address or range as Express's `trust proxy` reads it. Not a range of
 * every address (`0.0.0.0/0`, `::/0`): that believes any client's own header,
 * as "true" would.
 */
function isProxyAddress(entry: string): boolean {
  if (['loopback', 'linklocal', 'uniquelocal'].includes(entry)) return true
  const [address, prefix, ...rest] = entry.split('/')
  if (rest.length || !address || !isIP(address)) return false
  return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) >= 1 && Number(prefix) <= (isIP(address) === 4 ? 32 : 128))
}

export type Env = Omit<z.infer<typeof schema>, 'PAYLOAD_SECRET' | 'PUBLIC_URL'> & {
  PAYLOAD_SECRET: string
  PUBLIC_URL: string
}

/** Thrown with one line that names the offending variable. */
export class EnvError extends Error {}

/**
 * Validates `source` (default `process.env`). Outside production, a missing
 * `PAYLOAD_SECRET` is generated once and kept in `DATA_DIR/.secret` (git-ignored),
 * so `npm start` needs no `.env`; in production every secret must be given.
 */
export function parseEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const present = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''))
  const result = schema.safeParse(present)
  if (!result.success) {
    const issue = result.error.issues[0]!
    const name = String(issue.path[0] ?? 'environment')
    throw new EnvError(`Invalid environment variable ${name}: ${issue.message}`)
  }
  const env = result.data
  const production = env.APP_ENV === 'production'
  if (production && !env.PAYLOAD_SECRET) {
    throw new EnvError('Missing environment variable PAYLOAD_SECRET: required when APP_ENV=production')
  }
  if (env.OPENVIDU_URL && !env.OPENVIDU_SECRET) {
    throw new EnvError('Missing environment variable OPENVIDU_SECRET: required with OPENVIDU_URL')
  }
  if (production && !env.PUBLIC_URL) {
    throw new EnvError('Missing environment variable PUBLIC_URL: required when APP_ENV=production')
  }
  return {
    ...env,
    PAYLOAD_SECRET: env.PAYLOAD_SECRET ?? developmentSecret(env.DATA_DIR),
    PUBLIC_URL: (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, ''),
  }
}

function developmentSecret(dataDir: string): string {
  const file = resolve(dataDir, '.secret')
  if (existsSync(file)) return readFileSync(file, 'utf8').trim()
  mkdirSync(dirname(file), { recursive: true })
  const secret = randomBytes(32).toString('hex')
  writeFileSync(file, secret, { mode: 0o600 })
  return secret
}

let cached: Env | undefined
/** The process-wide environment; parsed on first use. */
export function env(): Env {
  cached ??= parseEnv()
  return cached
}
