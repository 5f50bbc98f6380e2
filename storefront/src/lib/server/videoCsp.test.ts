import { describe, expect, it } from 'vitest'
import { allowConnections, videoConnectSources } from './videoCsp.ts'

describe('the page policy with an OpenVidu server', () => {
  it('allows its secure socket and address when OpenVidu is on https', () => {
    expect(videoConnectSources('https://video.clinic.example')).toEqual(['wss://video.clinic.example', 'https://video.clinic.example'])
    expect(videoConnectSources('http://127.0.0.1:4443/')).toEqual(['ws://127.0.0.1:4443', 'http://127.0.0.1:4443'])
    expect(videoConnectSources(undefined)).toEqual([])
  })

  it('adds connect-src next to the page’s own directives, once', () => {
    const policy = "default-src 'self'; script-src 'self' 'sha256-abc'"
    const sources = videoConnectSources('https://video.clinic.example')
    expect(allowConnections(policy, sources)).toBe(
      "default-src 'self'; script-src 'self' 'sha256-abc'; connect-src 'self' wss://video.clinic.example https://video.clinic.example",
    )
    expect(allowConnections(allowConnections(policy, sources), sources)).toBe(allowConnections(policy, sources))
    expect(allowConnections(policy, [])).toBe(policy)
    expect(allowConnections(null, sources)).toBeNull()
  })
})
