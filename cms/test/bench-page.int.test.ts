/** The storefront benchmark's baseline page exists only for a server started with BENCH_PAGES=1. */
import { request } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startWorld, type TestServer } from './support/testServer.ts'
import type { World } from './support/world.ts'

let server: TestServer
let world: World

beforeAll(async () => {
  delete process.env.BENCH_PAGES
  ;({ server, world } = await startWorld())
})
afterAll(async () => {
  delete process.env.BENCH_PAGES
  await server?.close()
})

function page(host: string, path: string): Promise<{ status: number; html: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${server.url}${path}`, { headers: { host, accept: 'text/html' } }, (res) => {
      let html = ''
      res.setEncoding('utf8').on('data', (chunk) => (html += chunk))
      res.on('end', () => resolve({ status: res.statusCode!, html }))
    })
    req.on('error', reject).end()
  })
}

describe('/bench/doctors, the doctor list from memory', () => {
  it('is a 404 on a deployment, like any page that does not exist', async () => {
    const res = await page('alpha.localhost', '/bench/doctors')
    expect(res.status).toBe(404)
    expect(res.html).not.toContain('Dr. One alpha')
    // The page's data as the site's own navigation asks for it: SvelteKit's error node, no doctor.
    const data = await page('alpha.localhost', '/bench/doctors/__data.json')
    expect(data.html).toContain('"status":404')
    expect(data.html).not.toContain('Dr. One alpha')
  })

  it("with BENCH_PAGES=1, shows the clinic's own public doctor list and nothing of another clinic", async () => {
    process.env.BENCH_PAGES = '1'
    const alpha = await page('alpha.localhost', '/bench/doctors')
    expect(alpha.status).toBe(200)
    expect(alpha.html).toContain('Dr. One alpha')
    expect(alpha.html).not.toContain('Dr. One beta')
    const beta = await page('beta.localhost', '/bench/doctors')
    expect(beta.html).toContain('Dr. One beta')
    expect(beta.html).not.toContain('Dr. One alpha')
    expect(world.alpha.id).not.toBe(world.beta.id)
  })
})
