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
 */
const schema = z.object({
  APP_ENV: z.enum(['development', 'test', 'production']).default('development'),
  DATABASE_URL: z
    .string()
    .regex(/^(file:|postgres(ql)?:\/\/|mongodb(\+srv)?:\/\/)/, 'must start with file:, postgres:// or mongodb://')
    .default('file:./data/telemed.db'),
  PAYLOAD_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  PUBLIC_URL: z.url({ message: 'must be an absolute URL such as https://clinic.example' }).optional(),
  DATA_DIR: z.string().default('./data'),
  UPLOAD_MAX_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(20 * 1024 * 1024),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  AUTH_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(10),
  /** smtp://user:password@host:587 (or smtps://). Without it, emails are written to DATA_DIR/outbox for development. */
  SMTP_URL: z.url({ message: 'must be a URL such as smtp://user:password@mail.example:587' }).optional(),
  EMAIL_FROM: z.string().default('Telemed <no-reply@telemed.localhost>'),
  /** An OpenVidu 2 server for video visits; without it, visits use the embedded peer-to-peer video. */
  OPENVIDU_URL: z.url({ message: 'must be a URL such as https://video.clinic.example' }).optional(),
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
})

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
