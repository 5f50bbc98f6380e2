/**
 * The browser talks to the clinic's OpenVidu server directly (openvidu-browser's
 * socket to the address in its token), so the site's Content-Security-Policy,
 * `default-src 'self'`, must also allow that server for connections.
 */
export function videoConnectSources(openViduUrl: string | undefined): string[] {
  if (!openViduUrl) return []
  const url = new URL(openViduUrl)
  const secure = url.protocol === 'https:'
  return [`${secure ? 'wss' : 'ws'}://${url.host}`, `${secure ? 'https' : 'http'}://${url.host}`]
}

/** Adds `connect-src 'self' <sources>` to a page's policy (pages without a policy are left alone). */
export function allowConnections(policy: string | null, sources: string[]): string | null {
  if (!policy || !sources.length || /(^|;)\s*connect-src\b/.test(policy)) return policy
  return `${policy.replace(/;?\s*$/, '')}; connect-src 'self' ${sources.join(' ')}`
}
