import { describe, expect, it, vi } from 'vitest'
import { renderNotification, SAMPLE_VALUES } from './index.ts'
import { northwind } from './testSupport.ts'

const booked = (values: Record<string, unknown>, overrides = [] as Parameters<typeof renderNotification>[1]['overrides']) =>
  renderNotification('appointment.booked', { clinic: northwind, values: { ...SAMPLE_VALUES['appointment.booked'], ...values }, overrides })

describe('values in a message', () => {
  it('are escaped in the html, so a name cannot add markup', async () => {
    const message = await booked({ recipientName: '<script>alert(1)</script>', doctorName: '<img src=x onerror=alert(1)>' })
    expect(message.html).not.toContain('<script')
    expect(message.html).not.toContain('<img src=x')
    expect(message.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
  })

  it('stay as written in the plain-text parts', async () => {
    const message = await booked({ recipientName: "O'Brien & Sons", doctorName: 'Dr. <Ana> Ruiz' })
    expect(message.text).toContain("Hello O'Brien & Sons,")
    expect(message.sms).toContain('Dr. <Ana> Ruiz')
    expect(message.inApp).toContain('Dr. <Ana> Ruiz')
    expect(message.subject).toContain('Dr. <Ana> Ruiz')
    expect(message.html).toContain('O&#x27;Brien &amp; Sons')
  })

  it('cannot break the subject onto a second line', async () => {
    const message = await booked({ doctorName: 'Dr. Ana\r\nBcc: everyone@example.org' })
    expect(message.subject).toBe('Your visit with Dr. Ana Bcc: everyone@example.org is booked')
  })

  it("are escaped in a clinic's own html too", async () => {
    const message = await booked({ recipientName: '<b>x</b>' }, [
      { event: 'appointment.booked', part: 'html', source: '<p>Dear {{recipientName}}</p>' },
    ])
    expect(message.html).toContain('<p>Dear &lt;b&gt;x&lt;/b&gt;</p>')
  })

  it("are never unescaped by a clinic's triple-stash: that template is refused and the theme's used", async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    const message = await booked({ recipientName: '<b>x</b>' }, [
      { event: 'appointment.booked', part: 'html', source: '<p>{{{recipientName}}}</p>' },
    ])
    expect(message.html).not.toContain('<b>x</b>')
    expect(message.html).toContain('Hello &lt;b&gt;x&lt;/b&gt;,')
    expect(error).toHaveBeenCalled()
    error.mockRestore()
  })

  it('an announcement keeps the line breaks of its message, escaped', async () => {
    const message = await renderNotification('announcement', {
      clinic: northwind,
      values: { ...SAMPLE_VALUES.announcement, message: 'Line one <b>\nLine two' },
    })
    expect(message.html).toContain('white-space:pre-line;">Line one &lt;b&gt;\nLine two</p>')
    expect(message.text).toContain('Line one <b>\nLine two')
  })
})
