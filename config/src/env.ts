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
  /**
   * Encrypts what must stay secret at rest (the SQLite database file, uploaded files on the local disk,
   * plugins' secrets in a clinic's settings): 32 random bytes as base64 or hex (`openssl rand -base64 32`).
   * Outside production one is generated into DATA_DIR/.data-encryption-key. To change it, put the old one
   * in DATA_ENCRYPTION_OLD_KEYS and run `npm run secrets:rotate` (docs/data-at-rest.md).
   */
  DATA_ENCRYPTION_KEY: z
    .string()
    .transform((text, ctx) => encryptionKey(text) ?? invalidKey(ctx))
    .optional(),
  /** Keys replaced by DATA_ENCRYPTION_KEY, comma-separated: still read, never written (`npm run secrets:rotate`). */
  DATA_ENCRYPTION_OLD_KEYS: z
    .string()
    .default('')
    .transform((text, ctx) => {
      const keys = text
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean)
        .map(encryptionKey)
      return keys.every((key): key is Buffer => key !== null) ? keys : invalidKey(ctx)
    }),
  /**
   * An S3 bucket (AWS, or any S3-compatible store) for uploaded files: records and images. Without it
   * they are kept in DATA_DIR/uploads, encrypted with DATA_ENCRYPTION_KEY. S3 is asked to encrypt each
   * object (SSE-S3); files are still served only by the platform, after its access checks.
   */
  S3_BUCKET: z.string().min(1).optional(),
  /** The S3 endpoint, for a store other than AWS (MinIO, Ceph, s3rver…), e.g. https://s3.example:9000; default AWS's. */
  S3_ENDPOINT: z.url({ message: 'must be a URL such as https://s3.eu-west-1.amazonaws.com' }).optional(),
  /** The bucket's region. */
  S3_REGION: z.string().min(1).default('us-east-1'),
  /** The S3 access key id; without it (and S3_SECRET_ACCESS_KEY) the AWS SDK's own credential chain is used (instance role…). */
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  /** The secret of S3_ACCESS_KEY_ID. */
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  /** true to address the bucket as ENDPOINT/BUCKET (most S3-compatible stores) rather than BUCKET.ENDPOINT. */
  S3_FORCE_PATH_STYLE: z
    .enum(['true', 'false'], { message: 'must be true or false' })
    .default('false')
    .transform((v) => v === 'true'),
  /** false when `npm run worker` runs the jobs queue: the server then only queues jobs. */
  JOBS_IN_SERVER: z
    .enum(['true', 'false'], { message: 'must be true or false' })
    .default('true')
    .transform((v) => v === 'true'),
  /** How often the jobs runner (in the server or `npm run worker`) looks for jobs that are due. */
  JOBS_POLL_SECONDS: z.coerce.number().int().min(1).max(3600).default(5),
  /** Sign-in, registration and password-reset attempts allowed per visitor address and minute. */
  AUTH_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(10),
  /**
   * The bearer token Prometheus sends to scrape `GET /metrics` (at least 32 characters, e.g.
   * `openssl rand -hex 32`). Without it there is no metrics endpoint (404). See docs/metrics.md.
   */
  METRICS_TOKEN: z.string().min(32, 'must be at least 32 characters (openssl rand -hex 32)').optional(),
  /**
   * Requests per visitor address and minute to the endpoints that run plugin or provider code or reach
   * other people at each call: site-step submissions, the video capabilities, running-late notices (each
   * counted on its own). Shared by every server process on PostgreSQL, like the sign-in limit.
   */
  API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(60),
  /** smtp://user:password@host:587 (or smtps://). Without it, emails are written to DATA_DIR/outbox for development. */
  SMTP_URL: z.url({ message: 'must be a URL such as smtp://user:password@mail.example:587' }).optional(),
  /** The sender of the platform's emails. */
  EMAIL_FROM: z.string().default('Telemed <no-reply@telemed.localhost>'),
  /** An OpenVidu 2 server for video visits; without it, visits use the embedded peer-to-peer video. */
  OPENVIDU_URL: z.url({ message: 'must be a URL such as https://video.clinic.example' }).optional(),
  /** The OpenVidu server's secret; required with OPENVIDU_URL. */
  OPENVIDU_SECRET: z.string().min(1).optional(),
  /** A Twilio account for text messages (`AC…`); without it, texts are written to DATA_DIR/outbox as .sms.txt files. */
  TWILIO_ACCOUNT_SID: z
    .string()
    .regex(/^AC\w{32}$/, 'must be an account SID such as AC followed by 32 characters')
    .optional(),
  /** Its auth token; required with TWILIO_ACCOUNT_SID. */
  TWILIO_AUTH_TOKEN: z.string().min(1).optional(),
  /** The texts' sender: a number in E.164 (+14155550100) or a Messaging Service SID (MG…); required with TWILIO_ACCOUNT_SID. */
  TWILIO_FROM: z
    .string()
    .regex(/^(\+[1-9]\d{1,14}|MG\w{32})$/, 'must be a number such as +14155550100 or a Messaging Service SID (MG…)')
    .optional(),
  /** Twilio's API address; set only to point at a test double. */
  TWILIO_API_URL: z.url().default('https://api.twilio.com'),
  /** Stripe's API address; set only to point at a test double (each clinic enters its own Stripe keys). */
  STRIPE_API_URL: z.url().optional(),
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

/** 32 bytes written as hex (64 digits) or base64 (44 characters), or null when the text is neither. */
export function encryptionKey(text: string): Buffer | null {
  const value = text.trim()
  if (/^[0-9a-fA-F]{64}$/.test(value)) return Buffer.from(value, 'hex')
  if (!/^[A-Za-z0-9+/]{43}=?$/.test(value)) return null
  const bytes = Buffer.from(value, 'base64')
  return bytes.length === 32 ? bytes : null
}

function invalidKey(ctx: z.RefinementCtx): never {
  ctx.addIssue({ code: 'custom', message: 'must be 32 bytes in base64 or hex, e.g. the output of `openssl rand -base64 32`' })
  return z.NEVER
}

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
  PAYLOAD_MIGRATING: "Payload's, set by cms/scripts/migrate.ts (as Payload's own migrate does): no development schema push while migrating",
  PAYLOAD_TS_OUTPUT_PATH: "Payload's, set by cms/scripts/generateTypes.ts: where Payload writes the generated document types",
  TZ: 'the process time zone: the platform never depends on it; the slot tests run under several',
  TEST_DATABASE_URL: 'tests: the database server the test files make their fresh databases on (cms/test/support/database.ts)',
  FUZZ_SEED: "tests: the fuzz test's seed (a number, or `random`)",
  FUZZ_REQUESTS: 'tests: how many requests the fuzz test sends',
  REAL_HASHING: 'tests: 1 to hash passwords with all their rounds in the write-burst test',
  PATIENTS: 'benchmarks: how many patients the benchmark world has',
  REMINDERS: 'benchmarks: how many visits have a reminder due in the same minute in the reminders benchmark (10,000 by default)',
  WORLD_MIGRATED:
    'benchmarks: 1 gives the benchmark world its schema with the committed migrations rather than the development push, for production processes to serve it (the processes benchmark)',
  BENCH_PAGES:
    "benchmarks: 1 makes the clinic sites serve /bench/doctors, the doctor list rendered from memory (the storefront benchmark's baseline); without it that page is a 404",
  BENCH_DATABASE_URL:
    'benchmarks: the PostgreSQL server the processes benchmark makes its database on, when DATABASE_URL is not a postgres URL',
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

export type Env = Omit<z.infer<typeof schema>, 'PAYLOAD_SECRET' | 'PUBLIC_URL' | 'DATA_ENCRYPTION_KEY'> & {
  PAYLOAD_SECRET: string
  PUBLIC_URL: string
  DATA_ENCRYPTION_KEY: Buffer
}

/** Thrown with one line that names the offending variable. */
export class EnvError extends Error {}

/**
 * Validates `source` (default `process.env`). Outside production, a missing
 * `PAYLOAD_SECRET` is generated once and kept in `DATA_DIR/.secret` (git-ignored),
 * and a missing `DATA_ENCRYPTION_KEY` in `DATA_DIR/.data-encryption-key`, so
 * `npm start` needs no `.env`; in production every secret must be given.
 *
 * DATA_ENCRYPTION_KEY is required in production even when no plugin declares a
 * secret yet: turning such a plugin on later must not stop a deployment from
 * starting, and a key generated next to the database would protect nothing.
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
  if (!env.S3_ACCESS_KEY_ID !== !env.S3_SECRET_ACCESS_KEY) {
    const missing = env.S3_ACCESS_KEY_ID ? 'S3_SECRET_ACCESS_KEY' : 'S3_ACCESS_KEY_ID'
    throw new EnvError(`Missing environment variable ${missing}: S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together`)
  }
  if (env.TWILIO_ACCOUNT_SID && (!env.TWILIO_AUTH_TOKEN || !env.TWILIO_FROM)) {
    throw new EnvError(
      `Missing environment variable ${env.TWILIO_AUTH_TOKEN ? 'TWILIO_FROM' : 'TWILIO_AUTH_TOKEN'}: required with TWILIO_ACCOUNT_SID`,
    )
  }
  if (env.OPENVIDU_URL && !env.OPENVIDU_SECRET) {
    throw new EnvError('Missing environment variable OPENVIDU_SECRET: required with OPENVIDU_URL')
  }
  if (production && !env.PUBLIC_URL) {
    throw new EnvError('Missing environment variable PUBLIC_URL: required when APP_ENV=production')
  }
  if (production && !env.DATA_ENCRYPTION_KEY) {
    throw new EnvError(
      'Missing environment variable DATA_ENCRYPTION_KEY: required when APP_ENV=production, it encrypts the database, uploads and secrets (openssl rand -base64 32)',
    )
  }
  return {
    ...env,
    PAYLOAD_SECRET: env.PAYLOAD_SECRET ?? developmentSecret(env.DATA_DIR),
    DATA_ENCRYPTION_KEY: env.DATA_ENCRYPTION_KEY ?? encryptionKey(developmentSecret(env.DATA_DIR, '.data-encryption-key', 'base64'))!,
    PUBLIC_URL: (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, ''),
  }
}

/** 32 random bytes kept in a file of DATA_DIR (created on first use, readable by its owner only). */
function developmentSecret(dataDir: string, name = '.secret', encoding: 'hex' | 'base64' = 'hex'): string {
  const file = resolve(dataDir, name)
  if (existsSync(file)) return readFileSync(file, 'utf8').trim()
  mkdirSync(dirname(file), { recursive: true })
  const secret = randomBytes(32).toString(encoding)
  writeFileSync(file, secret, { mode: 0o600 })
  return secret
}

let cached: Env | undefined
/** The process-wide environment; parsed on first use. */
export function env(): Env {
  cached ??= parseEnv()
  return cached
}
