import type { RequestHandler } from 'express'
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { env } from '@telemed/config'

/**
 * Loads the SvelteKit site (adapter-node build), or undefined when not built.
 * adapter-node assumes https unless told where to read the protocol; Express
 * passes on the protocol it trusts (see forwardProtocol), so form posts on a plain
 * http demo pass SvelteKit's same-origin check and https deployments stay https.
 */
export async function loadStorefront(): Promise<RequestHandler | undefined> {
  const build = resolve('storefront/build/handler.js')
  if (!existsSync(build)) return undefined
  process.env.PROTOCOL_HEADER = 'x-forwarded-proto'
  process.env.HOST_HEADER = 'host'
  // Record uploads pass through the site's form action: allow the API's upload limit plus room for the form fields.
  process.env.BODY_SIZE_LIMIT = String(env().UPLOAD_MAX_BYTES + 1024 * 1024)
  const { handler } = (await import(pathToFileURL(build).href)) as { handler: RequestHandler }
  return (req, res, next) => {
    req.headers['x-forwarded-proto'] = req.protocol
    handler(req, res, next)
  }
}
