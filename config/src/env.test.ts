import { randomBytes } from 'node:crypto'
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ENV_VARIABLES, EnvError, OTHER_VARIABLES, parseEnv } from './env.ts'

const tempDir = () => mkdtempSync(join(tmpdir(), 'telemed-env-'))

describe('parseEnv', () => {
  it('starts in development with no variables at all, generating and keeping a secret', () => {
    const dir = tempDir()
    const first = parseEnv({ DATA_DIR: dir })
    expect(first.DATABASE_URL).toBe('file:./data/telemed.db')
    expect(first.PORT).toBe(3000)
    expect(first.PUBLIC_URL).toBe('http://localhost:3000')
    expect(first.PAYLOAD_SECRET).toHaveLength(64)
    expect(readFileSync(join(dir, '.secret'), 'utf8')).toBe(first.PAYLOAD_SECRET)
    expect(parseEnv({ DATA_DIR: dir }).PAYLOAD_SECRET).toBe(first.PAYLOAD_SECRET)
  })

  it.each([
    [{ PORT: 'eighty' }, /^Invalid environment variable PORT:/],
    [{ DATABASE_URL: 'mysql://x' }, /^Invalid environment variable DATABASE_URL: must start with file:/],
    [{ PUBLIC_URL: 'not a url' }, /^Invalid environment variable PUBLIC_URL:/],
    [{ PAYLOAD_SECRET: 'short' }, /^Invalid environment variable PAYLOAD_SECRET: must be at least 32/],
    [{ APP_ENV: 'production', PUBLIC_URL: 'https://a.example' }, /^Missing environment variable PAYLOAD_SECRET/],
    [{ APP_ENV: 'production', PAYLOAD_SECRET: 'x'.repeat(40) }, /^Missing environment variable PUBLIC_URL/],
    [
      { APP_ENV: 'production', PAYLOAD_SECRET: 'x'.repeat(40), PUBLIC_URL: 'https://a.example' },
      /^Missing environment variable DATA_ENCRYPTION_KEY/,
    ],
    [{ DATA_ENCRYPTION_KEY: 'short' }, /^Invalid environment variable DATA_ENCRYPTION_KEY: must be 32 bytes/],
    [{ DATA_ENCRYPTION_KEY: 'ab'.repeat(31) }, /^Invalid environment variable DATA_ENCRYPTION_KEY/],
    [{ DATA_ENCRYPTION_OLD_KEYS: `${'ab'.repeat(32)},nope` }, /^Invalid environment variable DATA_ENCRYPTION_OLD_KEYS/],
    [{ JOBS_IN_SERVER: 'no' }, /^Invalid environment variable JOBS_IN_SERVER: must be true or false/],
  ])('rejects %o with one line naming the variable', (vars, message) => {
    const attempt = () => parseEnv({ DATA_DIR: tempDir(), ...vars })
    expect(attempt).toThrow(EnvError)
    expect(attempt).toThrow(message)
  })

  it('trusts proxies by hop count or address, never every hop', () => {
    const dir = tempDir()
    expect(parseEnv({ DATA_DIR: dir }).TRUST_PROXY).toBe(false)
    expect(parseEnv({ DATA_DIR: dir, TRUST_PROXY: '1' }).TRUST_PROXY).toBe(1)
    expect(parseEnv({ DATA_DIR: dir, TRUST_PROXY: '10.0.0.0/8, loopback, ::1' }).TRUST_PROXY).toEqual(['10.0.0.0/8', 'loopback', '::1'])
    expect(() => parseEnv({ DATA_DIR: dir, TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY: must be a hop count .*any client/)
    expect(() => parseEnv({ DATA_DIR: dir, TRUST_PROXY: '10.0.0.0/99' })).toThrow(/TRUST_PROXY/)
    expect(() => parseEnv({ DATA_DIR: dir, TRUST_PROXY: 'everyone' })).toThrow(/TRUST_PROXY/)
  })

  it('wants the OpenVidu secret together with its URL', () => {
    const dir = tempDir()
    expect(() => parseEnv({ DATA_DIR: dir, OPENVIDU_URL: 'https://video.clinic.example' })).toThrow(
      new EnvError('Missing environment variable OPENVIDU_SECRET: required with OPENVIDU_URL'),
    )
    expect(() => parseEnv({ DATA_DIR: dir, OPENVIDU_URL: 'video', OPENVIDU_SECRET: 's' })).toThrow(
      /Invalid environment variable OPENVIDU_URL/,
    )
    expect(parseEnv({ DATA_DIR: dir, OPENVIDU_URL: 'https://video.clinic.example', OPENVIDU_SECRET: 's' }).OPENVIDU_URL).toBe(
      'https://video.clinic.example',
    )
  })

  it('reads STUN and TURN servers as JSON, and names the variable when they are not', () => {
    const dir = tempDir()
    const turn = [{ urls: 'turns:turn.clinic.example:443?transport=tcp', username: 'u', credential: 'p' }]
    expect(parseEnv({ DATA_DIR: dir, ICE_SERVERS: JSON.stringify(turn) }).ICE_SERVERS).toEqual(turn)
    expect(parseEnv({ DATA_DIR: dir }).ICE_SERVERS).toEqual([])
    expect(() => parseEnv({ DATA_DIR: dir, ICE_SERVERS: 'stun:x' })).toThrow(
      /Invalid environment variable ICE_SERVERS: must be a JSON list/,
    )
  })

  it('reads the data encryption key as hex or base64, generates one outside production, and lists the old ones', () => {
    const dir = tempDir()
    const key = randomBytes(32)
    expect(parseEnv({ DATA_DIR: dir, DATA_ENCRYPTION_KEY: key.toString('hex') }).DATA_ENCRYPTION_KEY).toEqual(key)
    expect(parseEnv({ DATA_DIR: dir, DATA_ENCRYPTION_KEY: key.toString('base64') }).DATA_ENCRYPTION_KEY).toEqual(key)
    const generated = parseEnv({ DATA_DIR: dir }).DATA_ENCRYPTION_KEY
    expect(generated).toHaveLength(32)
    expect(Buffer.from(readFileSync(join(dir, '.data-encryption-key'), 'utf8'), 'base64')).toEqual(generated)
    expect(parseEnv({ DATA_DIR: dir }).DATA_ENCRYPTION_KEY).toEqual(generated)
    const old = [randomBytes(32), randomBytes(32)]
    expect(
      parseEnv({ DATA_DIR: dir, DATA_ENCRYPTION_OLD_KEYS: ` ${old[0]!.toString('hex')} , ${old[1]!.toString('base64')}` })
        .DATA_ENCRYPTION_OLD_KEYS,
    ).toEqual(old)
    expect(parseEnv({ DATA_DIR: dir }).DATA_ENCRYPTION_OLD_KEYS).toEqual([])
  })

  it('runs the jobs queue in the server unless told otherwise', () => {
    const dir = tempDir()
    expect(parseEnv({ DATA_DIR: dir })).toMatchObject({ JOBS_IN_SERVER: true, JOBS_POLL_SECONDS: 5 })
    expect(parseEnv({ DATA_DIR: dir, JOBS_IN_SERVER: 'false', JOBS_POLL_SECONDS: '30' })).toMatchObject({
      JOBS_IN_SERVER: false,
      JOBS_POLL_SECONDS: 30,
    })
  })

  it('accepts a complete production environment', () => {
    const env = parseEnv({
      APP_ENV: 'production',
      PAYLOAD_SECRET: 's'.repeat(40),
      DATA_ENCRYPTION_KEY: 'k'.repeat(43) + '=',
      PUBLIC_URL: 'https://care.example/',
      DATABASE_URL: 'postgres://u:p@db/telemed',
      PORT: '8080',
    })
    expect(env).toMatchObject({ PORT: 8080, PUBLIC_URL: 'https://care.example', DATABASE_URL: 'postgres://u:p@db/telemed' })
  })

  it('needs no repository, themes or API address, and checks them when given', () => {
    const dir = tempDir()
    const defaults = parseEnv({ DATA_DIR: dir })
    expect([defaults.TELEMED_ROOT, defaults.THEMES_DIR, defaults.INTERNAL_API_URL]).toEqual([undefined, undefined, undefined])
    expect(
      parseEnv({ DATA_DIR: dir, TELEMED_ROOT: '/srv/telemed', THEMES_DIR: '/srv/themes', INTERNAL_API_URL: 'http://127.0.0.1:4000' }),
    ).toMatchObject({ TELEMED_ROOT: '/srv/telemed', THEMES_DIR: '/srv/themes', INTERNAL_API_URL: 'http://127.0.0.1:4000' })
    expect(() => parseEnv({ DATA_DIR: dir, INTERNAL_API_URL: '127.0.0.1:4000' })).toThrow(/^Invalid environment variable INTERNAL_API_URL:/)
  })
})

const repoRoot = resolve(import.meta.dirname, '../..')
const SKIP = new Set(['node_modules', 'build', '.svelte-kit', '.next', 'test-results'])
const sourceFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (SKIP.has(name)) return []
    if (statSync(path).isDirectory()) return sourceFiles(path)
    return /\.(ts|tsx|js|mjs|svelte)$/.test(name) && !name.endsWith('.d.ts') ? [path] : []
  })

describe('the declared environment', () => {
  it('declares every variable the code reads, in the schema or with why it is read elsewhere', () => {
    const declared = new Set([...ENV_VARIABLES, ...Object.keys(OTHER_VARIABLES)])
    const undeclared: string[] = []
    for (const folder of ['cms', 'storefront', 'config', 'plugins', 'bench']) {
      for (const file of sourceFiles(join(repoRoot, folder))) {
        const text = readFileSync(file, 'utf8')
        for (const [, dotted, bracketed] of text.matchAll(/process\.env(?:\.([A-Za-z_]\w*)|\[['"](\w+)['"]\])/g)) {
          const name = dotted ?? bracketed!
          if (!declared.has(name)) undeclared.push(`${relative(repoRoot, file)} reads ${name}`)
        }
      }
    }
    expect(undeclared, 'declare these in config/src/env.ts (the schema, or OTHER_VARIABLES with why)').toEqual([])
  })

  it('keeps the deployment settings and the other variables apart', () => {
    expect(ENV_VARIABLES).toEqual(expect.arrayContaining(['TELEMED_ROOT', 'THEMES_DIR', 'INTERNAL_API_URL', 'NODE_ENV']))
    expect(Object.keys(OTHER_VARIABLES).filter((name) => ENV_VARIABLES.includes(name))).toEqual([])
  })
})
