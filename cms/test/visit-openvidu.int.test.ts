/**
 * A video visit on OpenVidu in Chromium (fake camera and microphone), against
 * the OpenVidu double's REST API and browser socket: the visit page enters the
 * call with openvidu-browser and offers its camera and microphone; the patient
 * invites a guest whose one-time link works on one device only (also after a
 * reload); the doctor records only with the patient's consent, everyone sees
 * that the call is recorded, and withdrawing consent stops it.
 * (The double has no media server, so no media flows: the peer-to-peer test
 * in visit-call.int.test.ts covers media.)
 */
import AxeBuilder from '@axe-core/playwright'
import { get as httpGet } from 'node:http'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startOpenViduDouble } from '@telemed/plugin-video-openvidu/testing'
import { bookDemoVisit, screenshotBoth, signedInPage, startSeededProduct, type SeededProduct } from './support/seededProduct.ts'

const SECRET = 'openvidu-browser-test'
let double: Awaited<ReturnType<typeof startOpenViduDouble>>
let product: SeededProduct
let visitPath = ''
let patient: Page

/** What a chat app's link preview gets: a plain GET of the link from a server (`*.localhost` is this machine). */
function linkPreview(link: string): Promise<{ status: number; text: string }> {
  const url = new URL(link)
  return new Promise((resolve, reject) => {
    const req = httpGet(
      { host: '127.0.0.1', port: url.port, path: url.pathname + url.search, headers: { host: url.host, accept: 'text/html' } },
      (res) => {
        let text = ''
        res.setEncoding('utf8').on('data', (chunk) => (text += chunk))
        res.on('end', () => resolve({ status: res.statusCode!, text }))
      },
    )
    req.on('error', reject)
  })
}
let guestLink = ''

beforeAll(async () => {
  double = await startOpenViduDouble(SECRET)
  product = await startSeededProduct(['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'], {
    OPENVIDU_URL: double.url,
    OPENVIDU_SECRET: SECRET,
  })
  visitPath = await bookDemoVisit(product, 5)
  // Northwind lets its doctors record visits whose patient agreed.
  const admin = await (
    await fetch(`${product.server.url}/api/users/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'admin@northwind.demo.test', password: 'demo-password' }),
    })
  ).json()
  const northwind = (await (await fetch(`${product.server.url}/api/tenants?where[slug][equals]=northwind`)).json()).docs[0]
  const allowed = await fetch(`${product.server.url}/api/tenants/${northwind.id}`, {
    method: 'PATCH',
    headers: { 'Content-Type': 'application/json', Authorization: `JWT ${admin.token}` },
    body: JSON.stringify({ video: { recordingAllowed: true } }),
  })
  if (allowed.status !== 200) throw new Error(await allowed.text())
}, 240_000)
afterAll(async () => {
  await product?.stop()
  await double?.close()
})

/** The browser socket requests of one participant (by their display name in the token's connection). */
const joinRoomsOf = (displayName: string) =>
  double.rpcRequests.filter((r) => {
    if (r.method !== 'joinRoom') return false
    const connection = [...double.sessions.values()].flatMap((s) => s.connections).find((c) => c.token === r.params.token)
    return connection && JSON.parse(String(connection.serverData)).displayName === displayName
  })
async function expectNoSeriousAxeViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze()
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([])
}
const waitFor = async (check: () => boolean, what: string) => {
  for (let i = 0; i < 150 && !check(); i++) await new Promise((r) => setTimeout(r, 100))
  if (!check()) throw new Error(`timed out waiting for ${what}`)
}

describe('a video visit on OpenVidu', () => {
  it('the patient consents to recording, invites a guest and enters the call with openvidu-browser', async () => {
    patient = await signedInPage(product, 'alice@demo.test')
    await patient.goto(`${product.site('northwind')}${visitPath}`)
    await patient.getByRole('button', { name: 'Allow recording' }).click()
    await patient.getByText('You agreed to this visit being recorded.').waitFor()

    await patient.getByLabel(/Invite someone to join the call/).fill('Sam Walker')
    await patient.getByRole('button', { name: 'Create an invitation link' }).click()
    guestLink = await patient.getByLabel(/Send this link to Sam Walker/).inputValue()
    // On Northwind's own domain, with the platform's scheme and port.
    expect(guestLink).toMatch(/^http:\/\/northwind\.localhost:\d+\/visit-invite\/[\w-]+$/)
    await screenshotBoth(patient, 'visit-openvidu-before-northwind')
    await expectNoSeriousAxeViolations(patient)

    await patient.getByRole('button', { name: 'Join the visit' }).click()
    await waitFor(() => joinRoomsOf('Alice Walker').length === 1, "the patient's joinRoom")
    // The page offers its camera and microphone to OpenVidu's media server.
    await waitFor(() => double.rpcRequests.some((r) => r.method === 'publishVideo'), 'publishVideo')
    const publish = double.rpcRequests.find((r) => r.method === 'publishVideo')!
    expect(publish.params).toMatchObject({ hasAudio: true, hasVideo: true, sdpOffer: expect.stringContaining('m=video') })
    await patient.getByText('Waiting for Dr. Ben Chen to join').waitFor()
  }, 90_000)

  it('the guest joins with the link, on one device only, and comes back after a reload', async () => {
    const context = await product.browser.newContext({ permissions: ['camera', 'microphone'] })
    const guest = await context.newPage()
    // Opening the link changes nothing and tells nothing (chat apps fetch links for previews); the guest opens it.
    const preview = await linkPreview(guestLink)
    expect(preview.status).toBe(200)
    expect(preview.text).not.toContain('Ben Chen')
    // Not on another clinic's site, even in the guest's own browser, and trying there does not use the link up.
    const elsewhere = await context.newPage()
    await elsewhere.goto(guestLink.replace('northwind.localhost', 'sunrise.localhost'))
    await elsewhere.getByRole('button', { name: 'Open the invitation' }).click()
    await elsewhere.getByRole('alert').getByText('This invitation link is not valid').waitFor()
    await elsewhere.close()
    await guest.goto(guestLink)
    await screenshotBoth(guest, 'visit-invite-northwind')
    await expectNoSeriousAxeViolations(guest)
    await guest.getByRole('button', { name: 'Open the invitation' }).click()
    await guest.getByRole('heading', { name: 'Video visit with Dr. Ben Chen' }).waitFor()
    await guest.getByText('You were invited as Sam Walker').waitFor()
    await guest.getByRole('button', { name: 'Join the visit' }).click()
    await guest.getByText('You are with Alice Walker.').waitFor()
    await patient.getByText('You are with Sam Walker.').waitFor()
    await screenshotBoth(guest, 'visit-openvidu-guest-northwind')
    await expectNoSeriousAxeViolations(guest)
    // The guest has the same controls over the video as the patient: camera off, End call in red; no chat.
    const controls = guest.getByRole('group', { name: 'Call controls' })
    await controls.getByRole('button', { name: 'Stop video' }).click()
    expect(await controls.getByRole('button', { name: 'Stop video' }).getAttribute('aria-pressed')).toBe('true')
    const cameraSending = () =>
      guest.evaluate(() => (document.querySelector<HTMLVideoElement>('video.self')!.srcObject as MediaStream).getVideoTracks().some((t) => t.enabled))
    expect(await cameraSending()).toBe(false)
    expect((await controls.getByRole('button').allInnerTexts()).map((t) => t.trim())).toEqual(['Mute', 'Stop video', 'End call'])

    // Another device with the same link is refused; the guest's own browser gets back in.
    const other = await (await product.browser.newContext()).newPage()
    await other.goto(guestLink)
    await other.getByRole('button', { name: 'Open the invitation' }).click()
    await other
      .getByRole('alert')
      .getByText(/already opened on another device/)
      .waitFor()
    await guest.reload()
    await guest.getByRole('button', { name: 'Join the visit' }).click()
    await waitFor(() => joinRoomsOf('Sam Walker').length === 2, "the guest's second joinRoom")
    await patient.getByText('You are with Sam Walker.').waitFor()
    await other.context().close()
  }, 90_000)

  it('the doctor records with the patient’s consent; everyone is told; withdrawing stops it', async () => {
    const doctor = await signedInPage(product, 'ben.chen@northwind.demo.test')
    await doctor.goto(`${product.site('northwind')}${visitPath}`)
    await doctor.getByRole('button', { name: 'Join the visit' }).click()
    await doctor.getByText(/You are with (Alice Walker and Sam Walker|Sam Walker and Alice Walker)\./).waitFor()
    await doctor.getByRole('button', { name: 'Record this visit' }).click()
    for (const page of [doctor, patient]) await page.getByText('● This visit is being recorded').waitFor()
    expect([...double.recordings.values()].map((r) => r.status)).toEqual(['started'])

    await patient.getByRole('button', { name: 'Withdraw my consent' }).click()
    await waitFor(() => [...double.recordings.values()].every((r) => r.status === 'stopped'), 'the recording to stop')
    for (const page of [doctor, patient]) await page.getByText('● This visit is being recorded').waitFor({ state: 'detached' })
    await doctor.reload()
    await doctor.getByRole('button', { name: 'Join the visit' }).click()
    await doctor.getByText('The patient has not agreed to this visit being recorded.').waitFor()
    await doctor.context().close()
  }, 90_000)
})
