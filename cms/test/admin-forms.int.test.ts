/**
 * The admin panel's clinic and account forms, driven in Chromium on the seeded
 * product (real server process, built admin panel), as an admin fills them in:
 * - a clinic's theme is picked from the theme folders that exist; a save the
 *   server refuses shows the error next to its field and keeps what was typed;
 * - a clinic admin's account form offers only the roles and clinics they may
 *   give, and says "Clinics", never "Tenants"; a patient made with it is theirs.
 * Needs `npm run build` first (the test script's pretest does it).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { Page, Request } from 'playwright-core'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { STATUS_LABELS } from '../src/collections/Appointments/admin/statusLabels.ts'
import { BRAND_FONTS } from '../src/collections/Tenants/brand/fonts.ts'
import { PLATFORM_ADMIN } from '../src/seed/demoData.ts'
import { screenshotBoth, startSeededProduct, type SeededProduct } from './support/seededProduct.ts'

let product: SeededProduct
/**
 * How long a step waits for the page to show what it should (a round trip to
 * the server and a render), well inside the test's own 30 s: expect.poll's own
 * default, 1 s, is shorter than one form-state round trip on a busy machine.
 */
const WAIT = { timeout: 10_000 }
let api: (path: string) => Promise<any>

beforeAll(async () => {
  product = await startSeededProduct()
  // What is stored, read as the platform admin through REST (not through the pages under test).
  const login = await fetch(`${product.server.url}/api/users/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: PLATFORM_ADMIN.email, password: 'demo-password' }),
  })
  const { token } = (await login.json()) as { token: string }
  api = async (path) => {
    const res = await fetch(`${product.server.url}${path}`, { headers: { Authorization: `JWT ${token}` } })
    expect(res.status, path).toBe(200)
    return res.json()
  }
}, 240_000)

afterAll(() => product?.stop())

const clinicBySlug = async (slug: string) => (await api(`/api/tenants?where[slug][equals]=${slug}&depth=0`)).docs[0]
const clinicNames = async () => ((await api('/api/tenants?limit=100&depth=0')).docs as { name: string }[]).map((c) => c.name).sort()

/** The themes in themes/, as the select names them: each folder with a theme.json, by that file's `name`. */
function themeFolderNames(): string[] {
  const dir = resolve(import.meta.dirname, '../../themes')
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, 'theme.json')))
    .map((entry) => (JSON.parse(readFileSync(join(dir, entry.name, 'theme.json'), 'utf8')) as { name?: string }).name ?? entry.name)
    .sort()
}

/**
 * A new browser window signed in to the admin panel through the API (Payload sets
 * its cookie there), then on `path`. The login form is not filled in: Next
 * refreshes the login page once after it loads, and a form filled during that
 * refresh was lost, now and then (see product.int.test.ts).
 */
async function adminPage(email: string, path: string): Promise<Page> {
  const page = await product.browser.newPage({ viewport: { width: 1280, height: 800 } })
  page.setDefaultTimeout(WAIT.timeout)
  // The first visit to a view of the panel loads its code on the server.
  page.setDefaultNavigationTimeout(20_000)
  const login = await page.request.post(`${product.env.PUBLIC_URL}/api/users/login`, { data: { email, password: 'demo-password' } })
  expect(login.status(), await login.text()).toBe(200)
  await page.goto(`${product.env.PUBLIC_URL}${path}`, { waitUntil: 'networkidle' })
  return page
}

/** The field whose input (or select) has id `field-<path>`, path segments joined by `__`. */
const field = (page: Page, path: string) => page.locator(`#field-${path}`)
/** The error Payload shows next to a text field: inside the field's wrapper, beside its input. */
const errorNextTo = (page: Page, path: string) => field(page, path).locator('xpath=..').locator('.field-error')
/** What a select (or relationship) field shows as chosen. */
const chosen = (page: Page, path: string) => field(page, path).locator('.rs__single-value')

/**
 * The options a select offers, once they are what `expected` says (a relationship
 * loads its options after the menu opens, filtered by the server): opens the
 * menu, waits for that list, closes it. Fails with the options it saw.
 */
async function expectOptions(page: Page, path: string, expected: string[]) {
  await field(page, path).locator('.rs__control').click()
  const options = field(page, path).locator('.rs__option')
  await expect.poll(async () => (await options.allInnerTexts()).sort(), WAIT).toEqual([...expected].sort())
  await page.keyboard.press('Escape')
  await expect.poll(() => options.count(), WAIT).toBe(0)
}

async function choose(page: Page, path: string, label: string) {
  await field(page, path).locator('.rs__control').click()
  await field(page, path)
    .locator('.rs__option', { hasText: new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) })
    .click()
  await expect.poll(() => chosen(page, path).innerText(), WAIT).toBe(label)
}

/** Adds a row to an array field (Payload completes the row from the server's answer) and waits for its input. */
async function addRow(page: Page, button: string, rowField: string) {
  await change(page, () => page.getByRole('button', { name: button, exact: true }).click())
  await field(page, rowField).waitFor()
}

const isFormState = (request: Request) => {
  if (request.method() !== 'POST' || !request.headers()['next-action']) return false
  try {
    return (JSON.parse(request.postData() ?? '') as { name?: string }[])[0]?.name === 'form-state'
  } catch {
    return false
  }
}

/**
 * Makes one change to the form and waits for the server's answer to it. Payload
 * sends the form's state after each change (debounced, one request at a time)
 * and merges the answer. A change made while an answer is on its way is never
 * sent (the answer's merge takes it in), and an answer asked for before Save that
 * lands after the save was refused wipes the errors the save put next to their
 * fields (it was asked without validation): a race in Payload 3.90 with quick
 * hands on a slow server (upstream: payloadcms/payload#17455). One change at a
 * time, each answered, as a person who pauses works, leaves nothing on its way
 * when Save is clicked, so the test is about what the form shows.
 */
async function change(page: Page, action: () => Promise<unknown>) {
  const answered = nextFormStateAnswer(page)
  await action()
  await answered
}

/** The end of the next form-state request: finished, or cut off by the page once it has read the answer (Next does). */
function nextFormStateAnswer(page: Page): Promise<void> {
  return new Promise((resolve, reject) => {
    let asked: Request | undefined
    const onRequest = (request: Request) => {
      if (!asked && isFormState(request)) asked = request
    }
    const stop = () => page.off('request', onRequest).off('requestfinished', onEnd).off('requestfailed', onEnd)
    const onEnd = (request: Request) => {
      if (request !== asked) return
      stop()
      clearTimeout(timer)
      resolve()
    }
    const timer = setTimeout(() => {
      stop()
      reject(new Error(`The form sent no change to the server, or had no answer, within ${WAIT.timeout} ms`))
    }, WAIT.timeout)
    page.on('request', onRequest).on('requestfinished', onEnd).on('requestfailed', onEnd)
  })
}

const save = (page: Page) => page.getByRole('button', { name: 'Save', exact: true }).click()

/**
 * What the page says: its title, its text, its labels, titles and placeholders,
 * and its navigation (all of it, open or not), the latter apart.
 */
const wordsOnPage = (page: Page) =>
  page.evaluate(() => ({
    page: [
      document.title,
      document.body.innerText,
      ...[...document.querySelectorAll('[aria-label], [title], [placeholder]')].flatMap((el) =>
        ['aria-label', 'title', 'placeholder'].map((name) => el.getAttribute(name) ?? ''),
      ),
    ].join('\n'),
    nav: document.querySelector('aside.nav')?.textContent ?? '',
  }))

describe('a new clinic form', () => {
  let page: Page
  afterAll(() => page?.close())
  const typed: Record<string, string> = {
    name: 'Lakeside Care',
    slug: 'lakeside',
    // Sunrise's own domain.
    domains__0__domain: 'sunrise.localhost',
    brand__tagline: 'Care by the lake',
    timeZone: 'Europe/London',
    currency: 'GBP',
    contact__phone: '+44 20 7946 0000',
  }

  it('offers the themes in themes/, "Default" first chosen', async () => {
    page = await adminPage(PLATFORM_ADMIN.email, '/admin/collections/tenants/create')
    await expect.poll(() => chosen(page, 'theme').innerText(), WAIT).toBe('Default')
    await expectOptions(page, 'theme', themeFolderNames())
  })

  it('says next to the domain that another clinic has it, keeps every value typed, and stores nothing', async () => {
    const before = await clinicNames()
    await addRow(page, 'Add Domain', 'domains__0__domain')
    for (const [path, value] of Object.entries(typed)) await change(page, () => field(page, path).fill(value))
    await change(page, () => choose(page, 'theme', 'Sunrise'))
    await save(page)

    await errorNextTo(page, 'domains__0__domain').waitFor()
    expect(await errorNextTo(page, 'domains__0__domain').innerText()).toBe('sunrise.localhost already opens the site of Sunrise Clinic.')
    // The only field in error, still on the new clinic's form, every value as typed.
    expect(await page.locator('.field-error').count()).toBe(1)
    expect(new URL(page.url()).pathname).toBe('/admin/collections/tenants/create')
    for (const [path, value] of Object.entries(typed)) expect([path, await field(page, path).inputValue()]).toEqual([path, value])
    expect(await chosen(page, 'theme').innerText()).toBe('Sunrise')
    await screenshotBoth(page, 'admin-clinic-domain-taken')
    expect(await clinicNames()).toEqual(before)
    expect(await clinicBySlug('lakeside')).toBeUndefined()
  })

  it('saves all that was kept once the domain is corrected', async () => {
    // The form checks the corrected domain (as it does every change once saved) and takes the error away.
    await change(page, () => field(page, 'domains__0__domain').fill('lakeside.localhost'))
    expect(await errorNextTo(page, 'domains__0__domain').count()).toBe(0)
    await save(page)
    await page.waitForURL((url) => /^\/admin\/collections\/tenants\/\d+$/.test(url.pathname))
    expect(await clinicBySlug('lakeside')).toMatchObject({
      name: 'Lakeside Care',
      theme: 'sunrise',
      domains: [{ domain: 'lakeside.localhost' }],
      brand: { tagline: 'Care by the lake' },
      timeZone: 'Europe/London',
      currency: 'GBP',
      contact: { phone: '+44 20 7946 0000' },
    })
  })
})

describe("an existing clinic's form", () => {
  let page: Page
  afterAll(() => page?.close())
  let stored: any

  it('shows its theme chosen among the themes in themes/', async () => {
    stored = await clinicBySlug('northwind')
    page = await adminPage(PLATFORM_ADMIN.email, `/admin/collections/tenants/${stored.id}`)
    await expect.poll(() => chosen(page, 'theme').innerText(), WAIT).toBe('Northwind')
    await expectOptions(page, 'theme', themeFolderNames())
  })

  it('shows a malformed domain next to it, keeps the edits, and changes nothing stored', async () => {
    const newRow = `domains__${stored.domains.length}__domain`
    await addRow(page, 'Add Domain', newRow)
    const typed: Record<string, string> = {
      name: 'Northwind Health Group',
      [newRow]: 'Care.Northwind:8080',
      brand__tagline: 'Care, close to home',
      timeZone: 'America/Chicago',
    }
    for (const [path, value] of Object.entries(typed)) await change(page, () => field(page, path).fill(value))
    await change(page, () => choose(page, 'theme', 'Default'))
    await save(page)

    await errorNextTo(page, newRow).waitFor()
    expect(await errorNextTo(page, newRow).innerText()).toBe(
      'Enter a host name in lower case without scheme or port, e.g. care.example.com.',
    )
    expect(await page.locator('.field-error').count()).toBe(1)
    for (const [path, value] of Object.entries(typed)) expect([path, await field(page, path).inputValue()]).toEqual([path, value])
    expect(await chosen(page, 'theme').innerText()).toBe('Default')
    await screenshotBoth(page, 'admin-clinic-domain-malformed')
    expect(await clinicBySlug('northwind')).toEqual(stored)
  })
})

describe("an account's form", () => {
  const ALL_ROLES = ['Platform admin', 'Clinic admin', 'Doctor', 'Patient']

  /** No "tenant" anywhere a person reads on the page (nor in the navigation); the memberships are "Clinics". */
  async function expectClinicsNotTenants(page: Page) {
    const words = await wordsOnPage(page)
    const tenant = /.{0,40}tenant.{0,40}/gi
    expect([words.page.match(tenant) ?? [], words.nav.match(tenant) ?? []]).toEqual([[], []])
    // The memberships' heading on the form, and the clinics' link in the navigation.
    expect([words.page, words.nav]).toEqual([expect.stringContaining('Clinics'), expect.stringContaining('Clinics')])
  }

  for (const slug of ['northwind', 'sunrise']) {
    const admin = `admin@${slug}.demo.test`

    it(`offers ${admin}, for a new account, the roles they may give and their own clinic only, in words of clinics`, async () => {
      const clinic = await clinicBySlug(slug)
      const page = await adminPage(admin, '/admin/collections/users/create')
      await expect.poll(() => chosen(page, 'role').innerText(), WAIT).toBe('Patient')
      await expectOptions(page, 'role', ALL_ROLES.slice(1))
      await addRow(page, 'Add Clinic', 'tenants__0__tenant')
      await expectOptions(page, 'tenants__0__tenant', [clinic.name])
      await expectClinicsNotTenants(page)
      await screenshotBoth(page, `admin-new-user-${slug}`)
      await page.close()
    })

    it(`offers ${admin} the same on an account of their clinic`, async () => {
      const clinic = await clinicBySlug(slug)
      const patients = (await api(`/api/users?where[role][equals]=patient&where[tenants.tenant][equals]=${clinic.id}&sort=name&depth=0`))
        .docs
      // One of this clinic's only (an account two clinics share shows the other clinic's membership too).
      const patient = patients.find((p: { tenants: unknown[] }) => p.tenants.length === 1)
      const page = await adminPage(admin, `/admin/collections/users/${patient.id}`)
      await expect.poll(() => field(page, 'name').inputValue(), WAIT).toBe(patient.name)
      await expectOptions(page, 'role', ALL_ROLES.slice(1))
      await expectOptions(page, 'tenants__0__tenant', [clinic.name])
      await expectClinicsNotTenants(page)
      await page.close()
    })
  }

  it('offers the platform admin every role and every clinic', async () => {
    const page = await adminPage(PLATFORM_ADMIN.email, '/admin/collections/users/create')
    await expectOptions(page, 'role', ALL_ROLES)
    await addRow(page, 'Add Clinic', 'tenants__0__tenant')
    await expectOptions(page, 'tenants__0__tenant', await clinicNames())
    await expectClinicsNotTenants(page)
    await page.close()
  })

  it('lets a clinic admin create a patient of their clinic', async () => {
    const page = await adminPage('admin@northwind.demo.test', '/admin/collections/users/create')
    await addRow(page, 'Add Clinic', 'tenants__0__tenant')
    const typed = {
      email: 'new.patient@example.test',
      password: 'a-long-new-password',
      'confirm-password': 'a-long-new-password',
      name: 'Nina Newcomer',
    }
    for (const [path, value] of Object.entries(typed)) await change(page, () => field(page, path).fill(value))
    await expect.poll(() => chosen(page, 'role').innerText(), WAIT).toBe('Patient')
    await change(page, () => choose(page, 'tenants__0__tenant', 'Northwind Health'))
    await save(page)
    await page.waitForURL((url) => /^\/admin\/collections\/users\/\d+$/.test(url.pathname))
    await expect.poll(() => field(page, 'name').inputValue(), WAIT).toBe('Nina Newcomer')

    const [created] = (await api('/api/users?where[email][equals]=new.patient@example.test&depth=0')).docs
    expect(created).toMatchObject({ name: 'Nina Newcomer', role: 'patient', tenants: [{ tenant: (await clinicBySlug('northwind')).id }] })
    await page.close()
  })
})

describe("a clinic's brand colours", () => {
  /** The clinic's site at /c/<slug>/ (the same site as its domain), as the next visitor gets it. */
  const site = async (slug: string) => (await fetch(`${product.server.url}/c/${slug}/doctors`)).text()

  it('refuses a main colour that leaves button text unreadable, under its field, keeping what was typed', async () => {
    // Sunrise, by its own admin (Northwind's form was opened by the platform admin above: Payload locks it a while).
    const sunrise = await clinicBySlug('sunrise')
    const page = await adminPage('admin@sunrise.demo.test', `/admin/collections/tenants/${sunrise.id}`)
    await change(page, () => field(page, 'brand__primaryColor').fill('#facc15'))
    await change(page, () => field(page, 'brand__tagline').fill('Bright care'))
    await save(page)
    await errorNextTo(page, 'brand__primaryColor').waitFor()
    expect(await errorNextTo(page, 'brand__primaryColor').innerText()).toContain(
      'Button text on the main colour (#ffffff on #facc15) has a contrast of 1.5:1; it needs at least 4.5:1',
    )
    expect(await page.locator('.field-error').count()).toBe(1)
    expect([await field(page, 'brand__primaryColor').inputValue(), await field(page, 'brand__tagline').inputValue()]).toEqual([
      '#facc15',
      'Bright care',
    ])
    await screenshotBoth(page, 'admin-brand-colour-refused')
    // Nothing stored, and the site as it was.
    expect((await clinicBySlug('sunrise')).brand?.primaryColor ?? null).toBeNull()
    expect(await site('sunrise')).toContain('--color-primary:#c2410c')

    // A colour from the picker goes into the same field; readable, it is saved and the site shows it on its next load.
    await change(page, () => page.getByLabel('Pick the colour (primaryColor)').fill('#6d28d9'))
    expect(await field(page, 'brand__primaryColor').inputValue()).toBe('#6d28d9')
    await save(page)
    await expect.poll(async () => (await clinicBySlug('sunrise')).brand?.primaryColor, WAIT).toBe('#6d28d9')
    const css = await site('sunrise')
    expect([css.includes('--color-primary:#6d28d9'), css.includes('Bright care')]).toEqual([true, true])
    await page.close()
  })
})

describe("a clinic's brand fonts", () => {
  it("offers the platform's fonts by name, and the site shows the two picked on its next load", async () => {
    const sunrise = await clinicBySlug('sunrise')
    const page = await adminPage('admin@sunrise.demo.test', `/admin/collections/tenants/${sunrise.id}`)
    await expectOptions(
      page,
      'brand__bodyFont',
      BRAND_FONTS.map((font) => font.label),
    )
    await change(page, () => choose(page, 'brand__bodyFont', 'Atkinson Hyperlegible Next (sans-serif, made for low vision)'))
    await change(page, () => choose(page, 'brand__headingFont', 'Lora (serif)'))
    // Each choice is previewed under its select, in its font, from the platform's own /fonts/.
    const previews = page.locator('[data-font-preview="loaded"]')
    await expect.poll(() => previews.count(), WAIT).toBe(2)
    expect(await previews.evaluateAll((lines) => lines.map((line) => getComputedStyle(line).fontFamily.split(',')[0]))).toEqual([
      '"Atkinson Hyperlegible Next Variable"',
      '"Lora Variable"',
    ])
    await screenshotBoth(page, 'admin-brand-fonts')
    await save(page)
    await expect.poll(async () => (await clinicBySlug('sunrise')).brand?.bodyFont, WAIT).toBe('atkinson-hyperlegible-next')
    expect((await clinicBySlug('sunrise')).brand.headingFont).toBe('lora')
    const css = await (await fetch(`${product.server.url}/c/sunrise/doctors`)).text()
    expect(css).toContain("--font-body:'Atkinson Hyperlegible Next Variable', system-ui")
    expect(css).toContain("--font-heading:'Lora Variable', Georgia")
    await page.close()
  })
})

describe("a clinic's logo", () => {
  it('is uploaded in the Brand section and shows in the site header on its next load', async () => {
    // Sunrise, by its own admin, as above (Payload keeps a form another admin opened locked for a while).
    const sunrise = await clinicBySlug('sunrise')
    const page = await adminPage('admin@sunrise.demo.test', `/admin/collections/tenants/${sunrise.id}`)
    const logoField = page.locator('.field-type.upload').filter({ has: page.getByText('Logo', { exact: true }) })
    await logoField.getByRole('button', { name: 'Create New' }).click()
    const drawer = page.locator('.drawer--is-open')
    const png = await sharp({ create: { width: 600, height: 600, channels: 4, background: '#c2410c' } })
      .png()
      .toBuffer()
    await drawer.locator('input[type=file]').setInputFiles({ name: 'sunrise-mark.png', mimeType: 'image/png', buffer: png })
    await drawer.locator('#field-alt').fill('Sunrise Clinic logo')
    await drawer.getByRole('button', { name: 'Save', exact: true }).click()
    // The new image is chosen in the field; saving the clinic makes it the logo.
    await logoField.getByText('sunrise-mark.png').waitFor()
    await screenshotBoth(page, 'admin-brand-logo')
    await save(page)
    await expect.poll(async () => (await clinicBySlug('sunrise')).brand?.logo ?? null, WAIT).not.toBeNull()
    const html = await (await fetch(`${product.server.url}/c/sunrise/`)).text()
    expect(html).toMatch(/<img src="\/api\/media\/file\/sunrise-mark-\d+x96\.png"/)
    await page.close()
  })
})

describe("a clinic's home page", () => {
  it('is previewed beside the form as the admin types, and visitors see it only once saved', async () => {
    // Sunrise, by its own admin, as above (Payload keeps a form another admin opened locked for a while).
    const sunrise = await clinicBySlug('sunrise')
    const saved = sunrise.home.heroHeading as string
    const page = await adminPage('admin@sunrise.demo.test', `/admin/collections/tenants/${sunrise.id}`)
    await page.getByRole('button', { name: 'Live Preview', exact: true }).click()
    const preview = page.frameLocator('#live-preview-iframe')
    await expect.poll(() => preview.getByRole('heading', { level: 1 }).textContent(), WAIT).toBe(saved)
    expect(await page.locator('#live-preview-iframe').getAttribute('src')).toBe(`${product.env.PUBLIC_URL}/c/sunrise/?preview=home`)

    // Opened from the keyboard: with the preview beside it, the form's sticky bar covers the section's title.
    await page.locator('.collapsible__toggle-wrap').filter({ hasText: 'Home page' }).locator('button.collapsible__toggle').press('Enter')
    const heading = 'Same-day video visits for the whole family'
    await field(page, 'home__heroHeading').fill(heading)
    // The frame shows the words typed, before any save; visitors still read the saved ones.
    await expect.poll(() => preview.getByRole('heading', { level: 1 }).textContent(), WAIT).toBe(heading)
    await preview.getByRole('status').filter({ hasText: 'unsaved changes' }).waitFor()
    const publicPage = async () => (await fetch(`${product.server.url}/c/sunrise/`)).text()
    expect(await publicPage()).toContain(`>${saved}</h1>`)
    await screenshotBoth(page, 'admin-home-live-preview')

    await save(page)
    await expect.poll(async () => (await clinicBySlug('sunrise')).home.heroHeading, WAIT).toBe(heading)
    await expect.poll(publicPage, WAIT).toContain(`>${heading}</h1>`)
    await page.close()
  })
})

describe("the panel's look", () => {
  it("shows the platform's name and mark on the sign-in page", async () => {
    const page = await product.browser.newPage({ viewport: { width: 1280, height: 800 } })
    await page.goto(`${product.env.PUBLIC_URL}/admin/login`, { waitUntil: 'networkidle' })
    await page.getByRole('img', { name: 'Telemed' }).first().waitFor()
    expect(await page.locator('main, .template-minimal').first().innerText()).toContain('Telemed admin')
    await screenshotBoth(page, 'admin-sign-in')
    await page.close()
  })

  it("lists visits with their status in words, as badges, and the platform's mark in the navigation", async () => {
    const page = await adminPage('admin@northwind.demo.test', '/admin/collections/appointments')
    const badges = page.locator('td [data-status]')
    await badges.first().waitFor()
    const shown = await badges.evaluateAll((cells) => cells.map((cell) => [cell.getAttribute('data-status'), cell.textContent]))
    expect(shown.length).toBeGreaterThan(0)
    for (const [status, text] of shown) expect(text).toBe(STATUS_LABELS[status as keyof typeof STATUS_LABELS])
    expect(await page.getByRole('img', { name: 'Telemed' }).count()).toBeGreaterThan(0)
    await screenshotBoth(page, 'admin-visits-list')
    await page.close()
  })
})

describe("a clinic's messages", () => {
  it('previews a message as typed, with the email drawn in the clinic’s look, and offers a test and an announcement', async () => {
    const sunrise = await clinicBySlug('sunrise')
    const page = await adminPage('admin@sunrise.demo.test', `/admin/collections/tenants/${sunrise.id}`)
    const preview = page.locator('[data-notification-preview]')
    // The panel draws the fields below the fold as they scroll into view: scroll down until the preview is drawn.
    await expect
      .poll(async () => {
        await page.mouse.wheel(0, 1500)
        return preview.count()
      }, WAIT)
      .toBeGreaterThan(0)
    await preview.scrollIntoViewIfNeeded()
    await preview.getByText(/^Subject:/).waitFor()
    await preview.getByLabel('Message').selectOption('appointment.booked')
    // Sunrise's theme words the booked subject its own way.
    await expect.poll(async () => (await preview.locator('p', { hasText: 'Subject:' }).textContent()) ?? '', WAIT).toMatch(/All set/)
    const email = page.frameLocator('iframe[title="The email as sent"]')
    await email.getByText('Sunrise Clinic').first().waitFor()
    expect(await preview.getByRole('button', { name: 'Send me a test' }).count()).toBe(1)
    expect(await page.locator('[data-announcement]').getByRole('button', { name: 'Preview' }).count()).toBe(1)
    await preview.screenshot({ path: 'test-results/screenshots/admin-notification-preview-1280.png' })
    await page.close()
  })

  it('shows a platform admin the outbox above the list of messages', async () => {
    const page = await adminPage(PLATFORM_ADMIN.email, '/admin/collections/notifications')
    const outbox = page.locator('[data-outbox]')
    await outbox.waitFor()
    await outbox.locator('summary').click()
    expect(await outbox.locator('tbody tr').count()).toBeGreaterThan(0)
    await screenshotBoth(page, 'admin-outbox')
    await page.close()
  })
})
