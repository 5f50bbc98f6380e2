/**
 * A plugin's site steps, in Chromium, on both demo clinics: a patient books a
 * time, is shown the plugin's form between the time and the confirmation (its
 * title in the booking steps), answers it and lands on the confirmation; the
 * visit's page shows the plugin's panel; the plugin's account page is reached
 * from the account menu (Profile). The plugin is data only: its parts come in
 * each clinic's brand, fit 390 and 1280 px and pass axe. Screenshots at both widths.
 */
import { chromium, type Browser, type Page } from 'playwright-core'
import { mkdirSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { definePlugin } from '@telemed/plugin-sdk'
import { seedDemo } from '../src/seed/seed.ts'
import { expectAccessible, sidewaysSpill, signInOn, windowIn } from './support/pageChecks.ts'
import { CHROMIUM_ARGS, screenshotBoth, SCREENSHOTS } from './support/seededProduct.ts'
import { startTestServer, type TestServer } from './support/testServer.ts'

/** What patients told the plugin, per visit: its form is done once answered. */
const notes = new Map<string, string>()

const extras = definePlugin({
  name: 'visit-extras',
  siteSteps: [
    {
      id: 'intake',
      slot: 'booking.afterTime',
      title: 'A few questions',
      render: async ({ appointment }) =>
        notes.has(appointment!.id)
          ? { kind: 'done' }
          : {
              kind: 'form',
              heading: 'Before your visit',
              text: ['Your doctor reads this before the visit. It takes a minute.'],
              fields: [
                { name: 'note', label: 'What would you like the doctor to know?', type: 'textarea', required: true },
                {
                  name: 'contact',
                  label: 'If we need to reach you',
                  type: 'select',
                  options: [
                    { label: 'By email', value: 'email' },
                    { label: 'By phone', value: 'phone' },
                  ],
                },
                { name: 'firstVisit', label: 'This is my first visit', type: 'checkbox' },
              ],
              submitLabel: 'Continue',
            },
      submit: async ({ appointment }, values) => {
        notes.set(appointment!.id, values.note!)
        return { kind: 'done' }
      },
    },
    {
      id: 'answers',
      slot: 'visit.panel',
      title: 'Your answers',
      render: async ({ appointment }) =>
        notes.has(appointment!.id)
          ? {
              kind: 'panel',
              heading: 'Your answers',
              text: [`You told the doctor: ${notes.get(appointment!.id)}`],
              actions: [{ label: 'All your answers', href: '/account/visit-extras/history' }],
            }
          : null,
    },
    {
      id: 'history',
      slot: 'account.page',
      title: 'Answers before visits',
      render: async () => ({
        kind: 'panel',
        heading: 'What you told your doctors',
        text: [`${notes.size} answer${notes.size === 1 ? '' : 's'} so far.`, 'Your doctor reads them before each visit.'],
      }),
    },
  ],
})

let server: TestServer
let browser: Browser
let port = ''
const site = (clinic: string) => `http://${clinic}.localhost:${port}`

beforeAll(async () => {
  server = await startTestServer({}, { plugins: [extras] })
  port = new URL(server.url).port
  await seedDemo(server.payload)
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS })
  mkdirSync(SCREENSHOTS, { recursive: true })
}, 240_000)
afterAll(async () => {
  await browser?.close()
  await server?.close()
})

/** The page fits both widths and axe finds nothing serious. */
async function checkPage(page: Page) {
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 844 })
    expect(await sidewaysSpill(page), `${page.url()} at ${width} px`).toEqual([])
  }
  await expectAccessible(page)
}

/** On a doctor's page: the first day with free times, and its first time. */
async function chooseTime(page: Page, base: string, doctor: string) {
  await page.goto(`${base}/doctors`)
  await page.getByRole('link', { name: doctor }).click()
  await page.getByRole('heading', { name: 'Book a visit' }).waitFor()
  await page.locator('input[name="start"]').first().check({ force: true })
}

const bookingSteps = (page: Page) => page.getByRole('navigation', { name: 'Booking steps' })
const stepLabels = (page: Page) => bookingSteps(page).locator('li .label').allTextContents()
const stepsDone = (page: Page) => bookingSteps(page).locator('li.done .label').allTextContents()

describe.each([
  { clinic: 'northwind', doctor: 'Dr. Ben Chen' },
  { clinic: 'sunrise', doctor: 'Dr. Kenji Sato' },
])('a patient of $clinic booking with a plugin’s step', ({ clinic, doctor }) => {
  let page: Page
  let visit = ''
  afterAll(() => page?.context().close())

  it('is shown the plugin’s form after the time, with its title among the booking steps', async () => {
    const context = await windowIn(browser, [site(clinic)])
    // Carol Diaz is a patient of both demo clinics.
    await signInOn(context, site(clinic), 'carol@demo.test')
    page = await context.newPage()
    await page.setViewportSize({ width: 1280, height: 844 })
    await chooseTime(page, site(clinic), doctor)
    await page.getByLabel(/Reason for the visit/).fill('Recurring headaches')
    await page.getByRole('button', { name: 'Book this time' }).click()
    await page.waitForURL(/\/appointments\/\d+\/steps\/visit-extras\/intake$/)
    visit = new URL(page.url()).pathname.split('/')[2]!

    await page.getByRole('heading', { level: 1, name: 'A few questions' }).waitFor()
    expect(await stepLabels(page)).toEqual(['Choose a doctor', 'Pick a time', 'A few questions', 'Booked'])
    expect(await stepsDone(page)).toEqual(['Choose a doctor', 'Pick a time'])
    expect(await bookingSteps(page).locator('[aria-current="step"] .label').textContent()).toBe('A few questions')
    await page.getByRole('heading', { level: 2, name: 'Before your visit' }).waitFor()
    await checkPage(page)
    await screenshotBoth(page, `site-steps-${clinic}-booking-step`)
  })

  it('answers it and lands on the confirmation, the plugin’s step done', async () => {
    await page.getByLabel('What would you like the doctor to know?').fill('Headaches most mornings for two weeks.')
    await page.getByLabel('If we need to reach you').selectOption('phone')
    await page.getByLabel('This is my first visit').check()
    await page.getByRole('button', { name: 'Continue' }).click()
    await page.waitForURL((url) => url.pathname.endsWith(`/appointments/${visit}`) && url.searchParams.has('booked'))
    expect(notes.get(visit)).toBe('Headaches most mornings for two weeks.')
    expect(await page.getByRole('status').first().textContent()).toMatch(/Your visit is (booked|requested)/)
    expect(await stepLabels(page)).toEqual(['Choose a doctor', 'Pick a time', 'A few questions', 'Booked'])
    expect(await stepsDone(page)).toEqual(['Choose a doctor', 'Pick a time', 'A few questions', 'Booked'])
  })

  it('shows the plugin’s panel on the visit’s page, as a card in the clinic’s brand', async () => {
    const panel = page.locator('[data-step="visit-extras/answers"]')
    await panel.getByRole('heading', { level: 2, name: 'Your answers' }).waitFor()
    expect(await panel.textContent()).toContain('You told the doctor: Headaches most mornings for two weeks.')
    const primary = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--color-primary').trim())
    expect(await panel.getByRole('link', { name: 'All your answers' }).evaluate((a) => getComputedStyle(a).backgroundColor)).toBe(
      await page.evaluate((c) => {
        const probe = document.createElement('span')
        probe.style.color = c
        document.body.append(probe)
        const rgb = getComputedStyle(probe).color
        probe.remove()
        return rgb
      }, primary),
    )
    await checkPage(page)
    await screenshotBoth(page, `site-steps-${clinic}-visit-panel`)
    // Booking again does not ask again: the step is done, so the page goes straight on.
    await page.goto(`${site(clinic)}/appointments/${visit}/steps/visit-extras/intake`)
    await page.waitForURL((url) => url.searchParams.has('booked'))
  })

  it('reaches the plugin’s account page from the account menu', async () => {
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Profile' }).click()
    await page.getByRole('heading', { name: 'More in your account' }).waitFor()
    await screenshotBoth(page, `site-steps-${clinic}-profile`)
    await page.getByRole('link', { name: 'Answers before visits' }).click()
    await page.waitForURL((url) => url.pathname === '/account/visit-extras/history')
    await page.getByRole('heading', { level: 1, name: 'Answers before visits' }).waitFor()
    expect(await page.locator('[data-step="visit-extras/history"]').textContent()).toMatch(/\d+ answers? so far\./)
    // The account menu marks Profile as the section this page belongs to.
    expect(await page.locator('nav[aria-label="Sections"] a[aria-current="page"]').textContent()).toBe('Profile')
    await checkPage(page)
    await screenshotBoth(page, `site-steps-${clinic}-account-page`)
  })
})

describe('a step page of a visit that is not the patient’s', () => {
  it('is the site’s 404, without a word of the plugin', async () => {
    const context = await windowIn(browser, [site('northwind')])
    await signInOn(context, site('northwind'), 'bob@demo.test')
    const page = await context.newPage()
    const [visit] = [...notes.keys()]
    const response = await page.goto(`${site('northwind')}/appointments/${visit}/steps/visit-extras/intake`)
    expect(response?.status()).toBe(404)
    expect(await page.textContent('body')).not.toContain('A few questions')
    const account = await page.goto(`${site('northwind')}/account/visit-extras/nothing-here`)
    expect(account?.status()).toBe(404)
    await context.close()
  })
})
