import AxeBuilder from '@axe-core/playwright'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { expect } from 'vitest'

/** No serious or critical accessibility violation on the page as it is now. */
export async function expectAccessible(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze()
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
}

/**
 * What makes the page wider than the window, as it is now: the page's own width
 * when it scrolls sideways, and the first elements that reach past either edge.
 * Inside a box that scrolls or clips sideways (the strip of days), reaching past
 * is by design; an element moved off-screen on purpose (the skip link) is not a spill.
 */
export async function sidewaysSpill(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = window.innerWidth
    const problems: string[] = []
    const pageWidth = document.documentElement.scrollWidth
    if (pageWidth > width) problems.push(`the page is ${pageWidth}px wide`)
    const name = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${[...el.classList].map((c) => `.${c}`).join('')}`
    for (const el of document.body.querySelectorAll('*')) {
      const box = el.getBoundingClientRect()
      if (box.width === 0 || box.height === 0 || box.right <= 0) continue
      if (box.left >= -0.5 && box.right <= width + 0.5) continue
      let clipped = false
      for (let up = el.parentElement; up && up !== document.body && !clipped; up = up.parentElement)
        clipped = getComputedStyle(up).overflowX !== 'visible'
      if (!clipped) problems.push(`${name(el)} spans ${Math.round(box.left)}–${Math.round(box.right)}px`)
      if (problems.length > 6) break
    }
    return problems
  })
}

/** A browser window of its own (own cookies), its times shown in `timeZone` from the first page on. */
export async function windowIn(browser: Browser, sites: string[], timeZone = 'Europe/London'): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, timezoneId: timeZone })
  // The site learns the browser's zone from a cookie its first page sets, then renders again; set it up
  // front, so no page re-renders under a check.
  await context.addCookies(sites.map((url) => ({ name: 'telemed-tz', value: encodeURIComponent(timeZone), url })))
  context.setDefaultTimeout(10_000)
  return context
}

/** Signs in on `site` with the sign-in form, in `context`'s cookies. */
export async function signInOn(context: BrowserContext, site: string, email: string, password = 'demo-password') {
  const page = await context.newPage()
  await page.goto(`${site}/signin`)
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.waitForURL((url) => !url.pathname.endsWith('/signin'))
  await page.close()
}
