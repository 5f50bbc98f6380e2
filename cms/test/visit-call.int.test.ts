/**
 * A video visit end to end in Chromium (fake camera and microphone): the doctor
 * and the patient join the same visit over the embedded peer-to-peer provider and
 * each receives the other's media, they chat, the patient reloads and the call
 * recovers without a duplicate participant, and a third person is refused.
 */
import AxeBuilder from '@axe-core/playwright'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startCuttableLink } from './support/cuttableLink.ts'
import { bookDemoVisit, screenshotBoth, signedInPage, startSeededProduct, type SeededProduct } from './support/seededProduct.ts'

let product: SeededProduct
let visitPath = ''
let link: Awaited<ReturnType<typeof startCuttableLink>> | undefined

beforeAll(async () => {
  product = await startSeededProduct(['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'])
  // Alice with Dr. Ben Chen, starting in five minutes (inside the join window).
  visitPath = await bookDemoVisit(product, 5)
}, 240_000)
afterAll(async () => {
  await product?.stop()
  await link?.close()
})

async function participant(email: string): Promise<Page> {
  const page = await signedInPage(product, email)
  await page.goto(`${product.site('northwind')}${visitPath}`)
  await page.getByRole('button', { name: 'Join the visit' }).click()
  return page
}

/** Bytes of media received so far on the page's call. */
const inboundBytes = (page: Page) =>
  page.evaluate(async () => {
    const pc = (window as unknown as { telemedCall?: { pc: RTCPeerConnection | null } }).telemedCall?.pc
    if (!pc) return 0
    let bytes = 0
    ;(await pc.getStats()).forEach((report) => {
      if (report.type === 'inbound-rtp') bytes += report.bytesReceived ?? 0
    })
    return bytes
  })

async function expectMediaFlowing(page: Page) {
  await page.locator('[data-call-state="connected"]').waitFor()
  const before = await inboundBytes(page)
  await page.waitForTimeout(1500)
  const after = await inboundBytes(page)
  expect(after).toBeGreaterThan(before)
  expect(after).toBeGreaterThan(0)
}

describe('a video visit over the embedded peer-to-peer provider', () => {
  let patient: Page
  let doctor: Page

  it('connects the patient and the doctor, each receiving the other’s media', async () => {
    patient = await participant('alice@demo.test')
    await patient.getByText('Waiting for Dr. Ben Chen to join').waitFor()
    doctor = await participant('ben.chen@northwind.demo.test')
    await Promise.all([expectMediaFlowing(patient), expectMediaFlowing(doctor)])
    const { violations } = await new AxeBuilder({ page: patient }).analyze()
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([])
    await screenshotBoth(patient, 'northwind-video-visit')
  }, 60_000)

  it('delivers chat messages both ways while in the call', async () => {
    await patient.getByLabel('Message to Dr. Ben Chen').fill('Can you see the rash on my arm?')
    await patient.getByRole('button', { name: 'Send' }).click()
    await doctor.locator('.messages').getByText('Can you see the rash on my arm?').waitFor()
    await doctor.getByLabel('Message to Alice Walker').fill('Yes, hold it closer to the camera.')
    await doctor.getByRole('button', { name: 'Send' }).click()
    await patient.locator('.messages').getByText('Yes, hold it closer to the camera.').waitFor()
  }, 30_000)

  it('switches the microphone during the call, and the doctor keeps receiving', async () => {
    const picker = patient.getByLabel('Microphone')
    const options = await picker.locator('option').evaluateAll((list) => list.map((o) => (o as HTMLOptionElement).value))
    expect(options.length).toBeGreaterThan(1)
    const other = options.find((value) => value !== options[0] && value !== 'default') ?? options[1]!
    await picker.selectOption(other)
    // The track the call sends is the newly chosen device's.
    await patient.waitForFunction((id) => {
      const pc = (window as unknown as { telemedCall?: { pc: RTCPeerConnection | null } }).telemedCall?.pc
      const track = pc?.getSenders().find((s) => s.track?.kind === 'audio')?.track
      return track?.getSettings().deviceId === id
    }, other)
    await expectMediaFlowing(doctor)
  }, 30_000)

  it('recovers after the patient reloads, with no duplicate participant', async () => {
    await patient.reload()
    await patient.getByRole('button', { name: 'Join the visit' }).click()
    await Promise.all([expectMediaFlowing(patient), expectMediaFlowing(doctor)])
    expect(await doctor.locator('[data-participants]').getAttribute('data-participants')).toBe('2')
  }, 60_000)

  it('recovers by itself after the patient’s network drops for a few seconds, with no ghost participant', async () => {
    // The patient reaches the site through a link the test can cut (their Wi-Fi).
    link = await startCuttableLink(Number(new URL(product.server.url).port))
    await patient.goto(`http://northwind.localhost:${link.port}${visitPath}`)
    await patient.getByRole('button', { name: 'Join the visit' }).click()
    await Promise.all([expectMediaFlowing(patient), expectMediaFlowing(doctor)])

    link.cut()
    await patient.locator('[data-call-state="reconnecting"]').waitFor()
    // The platform lets go of the dropped connection: the doctor sees the patient gone, not a ghost.
    await doctor.locator('[data-participants="1"]').waitFor()
    await patient.waitForTimeout(3000)
    link.restore()

    await Promise.all([expectMediaFlowing(patient), expectMediaFlowing(doctor)])
    expect(await doctor.locator('[data-participants]').getAttribute('data-participants')).toBe('2')
    expect(await patient.locator('[data-participants]').getAttribute('data-participants')).toBe('2')
  }, 60_000)

  it('explains a blocked camera and microphone before the call', async () => {
    // A browser that answers "block" to the permission prompt (no fake-UI flag, no permission granted).
    const { chromium } = await import('playwright-core')
    const strict = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--use-fake-device-for-media-stream'],
    })
    try {
      const page = await (await strict.newContext()).newPage()
      const site = product.site('northwind')
      await page.goto(`${site}/signin`)
      await page.getByLabel('Email').fill('alice@demo.test')
      await page.getByLabel('Password').fill('demo-password')
      await page.getByRole('button', { name: 'Sign in' }).click()
      await page.waitForURL((url) => !url.pathname.endsWith('/signin'))
      await page.goto(`${site}${visitPath}`)
      await page.getByRole('button', { name: 'Check camera and microphone' }).click()
      await page
        .getByRole('alert')
        .getByText(/blocked the camera and microphone/)
        .waitFor()
    } finally {
      await strict.close()
    }
  })

  it('tells both sides at once when the doctor cancels, and ends the call', async () => {
    const login = await fetch(`${product.server.url}/api/users/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'ben.chen@northwind.demo.test', password: 'demo-password' }),
    })
    const { token } = (await login.json()) as { token: string }
    const cancelled = await fetch(`${product.server.url}/api/appointments${visitPath.replace('/visits', '')}/cancel`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `JWT ${token}` },
      body: JSON.stringify({ reason: 'Doctor called away' }),
    })
    expect(cancelled.status).toBe(200)
    await patient.getByText('This visit was cancelled.').waitFor()
    expect(await patient.locator('[data-call-state]').getAttribute('data-call-state')).toBe('not-joined')
  })

  it('refuses a third person', async () => {
    const carol = await signedInPage(product, 'carol@demo.test')
    const response = await carol.goto(`${product.site('northwind')}${visitPath}`)
    expect(response!.status()).toBe(404)
    await carol.context().close()
  })
})
