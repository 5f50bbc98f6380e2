import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { EnvError, parseEnv } from './env.ts'

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

  it('accepts a complete production environment', () => {
    const env = parseEnv({
      APP_ENV: 'production',
      PAYLOAD_SECRET: 's'.repeat(40),
      PUBLIC_URL: 'https://care.example/',
      DATABASE_URL: 'postgres://u:p@db/telemed',
      PORT: '8080',
    })
    expect(env).toMatchObject({ PORT: 8080, PUBLIC_URL: 'https://care.example', DATABASE_URL: 'postgres://u:p@db/telemed' })
  })
})
