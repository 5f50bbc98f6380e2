import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { renderNotification, SAMPLE_VALUES } from './index.ts'
import { themesDir } from './templateFiles.ts'
import { northwind } from './testSupport.ts'

const values = SAMPLE_VALUES['appointment.booked']
const subjectOn = async (theme: string, overrides: Parameters<typeof renderNotification>[1]['overrides'] = []) =>
  (await renderNotification('appointment.booked', { clinic: { ...northwind, theme }, values, overrides })).subject

const DEFAULT_SUBJECT = 'Your visit with Dr. Ana Ruiz is booked'
const SUNRISE_SUBJECT = 'All set, Maya Patel: your visit with Dr. Ana Ruiz is booked'

describe('which template a clinic gets', () => {
  const themesBefore = process.env.THEMES_DIR
  afterEach(() => {
    if (themesBefore === undefined) delete process.env.THEMES_DIR
    else process.env.THEMES_DIR = themesBefore
  })

  it("is the theme's file where the theme has one, else the default's", async () => {
    expect(await subjectOn('default')).toBe(DEFAULT_SUBJECT)
    expect(await subjectOn('sunrise')).toBe(SUNRISE_SUBJECT)
    const sunriseBody = await renderNotification('appointment.booked', { clinic: { ...northwind, theme: 'sunrise' }, values })
    expect(sunriseBody.text).toContain('Your visit with Dr. Ana Ruiz at Northwind Health is booked for:')
  })

  it("is the clinic's own, over the theme's, for that event and part only", async () => {
    const overrides = [
      { event: 'appointment.booked' as const, part: 'subject' as const, source: 'See you soon, {{recipientName}}' },
      { event: 'appointment.cancelled' as const, part: 'subject' as const, source: 'Not this one' },
    ]
    const message = await renderNotification('appointment.booked', { clinic: { ...northwind, theme: 'sunrise' }, values, overrides })
    expect(message.subject).toBe('See you soon, Maya Patel')
    expect(message.sms).toContain('visit with Dr. Ana Ruiz booked')
  })

  it('is the default theme for an unknown theme or a slug that tries to leave the themes folder', async () => {
    expect(await subjectOn('no-such-theme')).toBe(DEFAULT_SUBJECT)
    expect(await subjectOn('../sunrise')).toBe(DEFAULT_SUBJECT)
    expect(await subjectOn('Sunrise')).toBe(DEFAULT_SUBJECT)
    expect(await subjectOn('sunrise/../../etc')).toBe(DEFAULT_SUBJECT)
  })

  it("is the theme's if a clinic's template does not compile (saved before the check existed)", async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    expect(await subjectOn('sunrise', [{ event: 'appointment.booked', part: 'subject', source: 'Hi {{#if x}}' }])).toBe(SUNRISE_SUBJECT)
    expect(error).toHaveBeenCalled()
    error.mockRestore()
  })

  it('comes from THEMES_DIR, where a theme may also replace the layout (and a broken theme file falls back to the default)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'themes-'))
    symlinkSync(join(themesDir(), 'default'), join(dir, 'default'))
    mkdirSync(join(dir, 'plain', 'notifications', 'appointment.booked'), { recursive: true })
    writeFileSync(join(dir, 'plain', 'notifications', 'layout.html.hbs'), '<html><body>{{clinicName}}: {{body}}</body></html>')
    writeFileSync(join(dir, 'plain', 'notifications', 'appointment.booked', 'subject.hbs'), 'Booked {{#if}}')
    process.env.THEMES_DIR = dir
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    const message = await renderNotification('appointment.booked', { clinic: { ...northwind, theme: 'plain' }, values })
    error.mockRestore()
    expect(message.html).toMatch(/^<html><body>Northwind Health: <h1/)
    expect(message.subject).toBe(DEFAULT_SUBJECT)
  })
})
