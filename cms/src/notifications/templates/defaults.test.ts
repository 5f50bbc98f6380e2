import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { handlebars } from './handlebars.ts'
import { NOTIFICATION_EVENTS, TEMPLATE_PARTS, valuesOf, renderNotification, SAMPLE_VALUES, checkTemplate } from './index.ts'
import { themesDir } from './templateFiles.ts'
import { northwind, valueNamesIn } from './testSupport.ts'

const LAYOUT_VALUES = ['subject', 'preheader', 'body', 'clinicName', 'color', 'textColor', 'logoUrl', 'siteUrl', 'unsubscribeLink']

describe('every default template', () => {
  for (const theme of ['default', 'sunrise', 'northwind']) {
    for (const event of NOTIFICATION_EVENTS) {
      it(`renders ${event} with its sample values (theme ${theme})`, async () => {
        const values = SAMPLE_VALUES[event]
        const message = await renderNotification(event, { clinic: { ...northwind, theme }, values })
        for (const part of TEMPLATE_PARTS) {
          expect(message[part].trim(), part).not.toBe('')
          expect(message[part], part).not.toContain('undefined')
          expect(message[part], part).not.toContain('[object')
          expect(message[part], part).not.toMatch(/\{\{|\}\}/)
        }
        const link = values.link as string
        expect(message.html).toContain(`href="${handlebars.escapeExpression(link)}"`)
        expect(message.text).toContain(link)
        expect(message.subject.length).toBeLessThan(120)
        expect(message.sms.length).toBeLessThan(320)
        expect(message.subject).not.toContain('\n')
        expect(message.inApp).not.toContain('\n')
      })
    }
  }

  it('exists for every event and part in the default theme, and nothing else is there', () => {
    const dir = join(themesDir(), 'default', 'notifications')
    const expected = [
      ...NOTIFICATION_EVENTS.flatMap((event) => TEMPLATE_PARTS.map((part) => `${event}/${part}.hbs`)),
      'layout.html.hbs',
      'layout.text.hbs',
    ]
    const found = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.hbs'))
    expect(found.sort()).toEqual(expected.sort())
  })

  it('in every theme passes checkTemplate and reads only the values its event is given (no clinical content can slip in)', () => {
    for (const theme of readdirSync(themesDir())) {
      const dir = join(themesDir(), theme, 'notifications')
      let files: string[] = []
      try {
        files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.hbs'))
      } catch {
        continue
      }
      for (const file of files) {
        const source = readFileSync(join(dir, file), 'utf8')
        expect(checkTemplate(source), `${theme}/${file}`).toEqual({ ok: true })
        const event = file.split(/[\\/]/)[0] as (typeof NOTIFICATION_EVENTS)[number]
        const allowed = file.startsWith('layout.') ? LAYOUT_VALUES : valuesOf(event)
        for (const name of valueNamesIn(handlebars.parse(source))) expect(allowed, `${theme}/${file} reads ${name}`).toContain(name)
      }
    }
  })
})
