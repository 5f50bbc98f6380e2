import type { RequestHandler } from 'express'
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { env } from '@telemed/config'
import { themesDir } from '../src/paths.ts'
import { SITE_ADDRESS_HEADER, siteKey } from './visitor.ts'

/** What the clinic sites answer before `npm run build` has built them. */
export const siteNotBuilt: RequestHandler = (_req, res) =>
  void res.status(503).type('text').send('The clinic site is not built yet: run `npm run build`.')

/**
 * Loads the SvelteKit site (adapter-node build), or undefined when not built.
 * adapter-node assumes https unless told where to read the protocol; Express
 * passes on the protocol it trusts (see forwardProtocol), so form posts on a plain
 * http demo pass SvelteKit's same-origin check and https deployments stay https.
 * Likewise the visitor's address: the one Express resolved (see TRUST_PROXY),
 * never a header the visitor sent; the site hands it to the API (see visitor.ts).
 * The site imports no code of the core, so what it needs of the environment
 * (its themes folder, the key of visitor.ts) is handed to it in process.env;
 * config/src/env.ts lists these variables.
 */
export async function loadStorefront(): Promise<RequestHandler | undefined> {
  const build = resolve('storefront/build/handler.js')
  if (!existsSync(build)) return undefined
  process.env.PROTOCOL_HEADER = 'x-forwarded-proto'
  process.env.HOST_HEADER = 'host'
  process.env.ADDRESS_HEADER = SITE_ADDRESS_HEADER
  // The same themes the admin panel offers (THEMES_DIR, relative to TELEMED_ROOT).
  process.env.THEMES_DIR = themesDir
  siteKey()
  // Record uploads pass through the site's form action: allow the API's upload limit plus room for the form fields.
  process.env.BODY_SIZE_LIMIT = String(env().UPLOAD_MAX_BYTES + 1024 * 1024)
  const { handler } = (await import(pathToFileURL(build).href)) as { handler: RequestHandler }
  return (req, res, next) => {
    req.headers['x-forwarded-proto'] = req.protocol
    req.headers[SITE_ADDRESS_HEADER] = req.ip ?? req.socket.remoteAddress ?? ''
    handler(req, res, next)
  }
}
