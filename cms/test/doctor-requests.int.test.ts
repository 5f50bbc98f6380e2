/**
 * A doctor's requested visits, in Chromium on the seeded product: listed first on
 * the doctor's day to confirm; confirmed from the visit's page; or cancelled there
 * with a reason that the patient then reads on their own visit page.
 */
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signIn, type Client } from './support/http.ts'
import { expectAccessible, sidewaysSpill } from './support/pageChecks.ts'
import { screenshotBoth, signedInPage, startSeededProduct, type SeededProduct } from './support/seededProduct.ts'

let product: SeededProduct
let admin: Client
let doctor: Page

beforeAll(async () => {
  product = await startSeededProduct()
  admin = await signIn(product.server.url, 'admin@northwind.demo.test', 'demo-password')
  doctor = await signedInPage(product, 'ben.chen@northwind.demo.test')
}, 240_000)
afterAll(async () => {
  await product?.stop()
})

/** A visit Alice asked for with Dr. Ben Chen, `days` ahead at a whole hour (past the demo visits, 2-4 days ahead); its id. */
async function requested(days: number, reason: string): Promise<string> {
  const find = async (path: string) => (await admin.request('GET', path)).body.docs[0]
  const alice = await find('/api/users?where[email][equals]=alice@demo.test')
  const ben = await find('/api/doctors?where[displayName][equals]=Dr.%20Ben%20Chen')
  const start = Math.ceil((Date.now() + days * 86_400_000) / 3_600_000) * 3_600_000
  const res = await admin.request('POST', '/api/appointments', {
    tenant: ben.tenant,
    patient: alice.id,
    doctor: ben.id,
    start: new Date(start).toISOString(),
    end: new Date(start + 30 * 60_000).toISOString(),
    status: 'requested',
    visitType: 'video',
    reason,
  })
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  return String(res.body.doc.id)
}

const statusOf = async (id: string) => (await admin.request('GET', `/api/appointments/${id}?depth=0`)).body

describe('requested visits', () => {
  it("are listed first on the doctor's day and confirmed from the visit's page", async () => {
    const id = await requested(9, 'Mole check')
    const site = product.site('northwind')
    await doctor.goto(`${site}/doctor`)
    const waiting = doctor.getByRole('region', { name: /^Waiting for you to confirm/ })
    expect(await waiting.textContent()).toContain('Mole check')
    await expectAccessible(doctor)
    await screenshotBoth(doctor, 'northwind-doctor-to-confirm')
    await waiting.getByRole('link', { name: /Alice Walker/ }).click()
    await doctor.getByRole('button', { name: 'Confirm this visit' }).click()
    await doctor.waitForURL(/saved=confirmed/)
    expect(await doctor.getByRole('status').textContent()).toContain('Visit confirmed')
    expect((await statusOf(id)).status).toBe('confirmed')
    await doctor.goto(`${site}/doctor`)
    expect(await doctor.getByRole('region', { name: /^Waiting for you to confirm/ }).count()).toBe(0)
  })

  it('are cancelled with a reason the patient reads, and never without one', async () => {
    const id = await requested(10, 'Follow-up on rash')
    const site = product.site('northwind')
    await doctor.goto(`${site}/doctor/visits/${id}`)
    await doctor.getByText('Cancel this visit').click()
    await doctor.getByRole('button', { name: 'Cancel the visit' }).click()
    await doctor.getByText('Tell the patient in a few words why the visit is cancelled.').waitFor()
    expect((await statusOf(id)).status).toBe('requested')
    await doctor.getByLabel('Reason, told to the patient').fill('I am away that day; please book with Dr. Ruiz.')
    await doctor.getByRole('button', { name: 'Cancel the visit' }).click()
    await doctor.waitForURL(/saved=cancelled/)
    for (const width of [390, 1280]) {
      await doctor.setViewportSize({ width, height: 844 })
      expect(await sidewaysSpill(doctor)).toEqual([])
    }
    const visit = await statusOf(id)
    expect([visit.status, visit.cancellationReason]).toEqual(['cancelled', 'I am away that day; please book with Dr. Ruiz.'])

    const alice = await signedInAlice()
    await alice.goto(`${site}/appointments/${id}`)
    expect(await alice.locator('main').textContent()).toContain('I am away that day; please book with Dr. Ruiz.')
    expect(await alice.locator('[data-status]').getAttribute('data-status')).toBe('cancelled')
  })
})

async function signedInAlice(): Promise<Page> {
  const context = await product.browser.newContext({ viewport: { width: 390, height: 844 } })
  const page = await context.newPage()
  await page.goto(`${product.site('northwind')}/signin`)
  await page.getByLabel('Email').fill('alice@demo.test')
  await page.getByLabel('Password').fill('demo-password')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.waitForURL((url) => !url.pathname.endsWith('/signin'))
  return page
}
