import { describe, expect, it } from 'vitest'
import { renderNotification, SAMPLE_VALUES } from './index.ts'
import { northwind } from './testSupport.ts'
import type { ClinicLook } from './types.ts'

const render = (clinic: Partial<ClinicLook>, values: Record<string, unknown> = {}) =>
  renderNotification('appointment.reminder', {
    clinic: { ...northwind, ...clinic },
    values: { ...SAMPLE_VALUES['appointment.reminder'], ...values },
  })

describe('the email layout', () => {
  it("shows the clinic's logo, colour and name, with inline styles only, in a 600px table", async () => {
    const { html } = await render({})
    expect(html).toMatch(/^<!DOCTYPE html>/)
    expect(html).toContain('<img src="https://northwind.example/logo.png" alt="Northwind Health"')
    expect(html).toContain('background-color:#0f766e')
    expect(html).toContain('max-width:600px')
    expect(html).toContain('role="presentation"')
    expect(html).toContain('<strong>Northwind Health</strong>')
    expect(html).not.toMatch(/<style|<script|<link/i)
  })

  it('shows the name instead of a logo when there is none', async () => {
    const { html } = await render({ logoUrl: null })
    expect(html).not.toContain('<img')
    expect(html).toMatch(/<span[^>]*>Northwind Health<\/span>/)
  })

  it('puts the in-app line in the preheader and the subject in the title', async () => {
    const message = await render({})
    expect(message.html).toContain(`mso-hide:all;font-size:1px;line-height:1px;color:#f1f5f9;">${message.inApp}&#8199;`)
    expect(message.html).toContain(`<title>${message.subject}</title>`)
  })

  it('has a button for the link, in the clinic colour, with readable text on a light colour', async () => {
    const dark = await render({})
    expect(dark.html).toMatch(/bgcolor="#0f766e"[^>]*><a href="https:\/\/northwind\.example\/account\/appointments\/42"[^>]*color:#ffffff/)
    const light = await render({ color: '#FDE68A' })
    expect(light.html).toMatch(/bgcolor="#fde68a"[^>]*><a href="[^"]+"[^>]*color:#0f172a/)
  })

  it('shows the unsubscribe link only when given', async () => {
    const withLink = await render({})
    expect(withLink.html).toContain('href="https://northwind.example/account/notifications/unsubscribe?token&#x3D;sample"')
    expect(withLink.text).toContain(
      'Unsubscribe from these emails: https://northwind.example/account/notifications/unsubscribe?token=sample',
    )
    const without = await render({}, { unsubscribeLink: undefined })
    expect(without.html).not.toMatch(/unsubscribe/i)
    expect(without.text).not.toMatch(/unsubscribe/i)
  })

  it('lets only a #rrggbb colour reach the style attribute', async () => {
    for (const color of ['red', '#fff', 'red;background:url(https://evil.example/x)', '#0f766e" onmouseover="x', '']) {
      const { html } = await render({ color })
      expect(html).toContain('background-color:#2563eb')
      expect(html).not.toContain('evil.example')
      expect(html).not.toContain('onmouseover')
    }
  })

  it('lets only http(s) addresses reach href and src', async () => {
    const { html, text } = await render(
      { logoUrl: 'javascript:alert(1)', siteUrl: 'data:text/html,<b>x</b>' },
      { link: 'javascript:alert(1)', unsubscribeLink: 'vbscript:x' },
    )
    expect(html).not.toMatch(/javascript:|vbscript:|data:text/i)
    expect(text).not.toMatch(/javascript:|vbscript:|data:text/i)
    expect(html).not.toContain('<img')
    const hrefs = [...html.matchAll(/(?:href|src)="([^"]*)"/g)].map((match) => match[1])
    for (const href of hrefs) expect(href).toMatch(/^https?:\/\//)
  })

  it('ends the text email with the clinic and its site', async () => {
    const { text } = await render({ siteUrl: 'https://northwind.example/' })
    expect(text).toMatch(/\n--\nNorthwind Health\nhttps:\/\/northwind\.example\/\n/)
  })
})
