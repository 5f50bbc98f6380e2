import { describe, expect, it } from 'vitest'
import { NOTIFICATION_EVENTS, TEMPLATE_PARTS, renderNotification, SAMPLE_VALUES } from './index.ts'
import { northwind } from './testSupport.ts'

/** What a careless sender might pass along: none of it may reach a message. */
const clinical = {
  reason: 'Chest pain since Monday',
  diagnosis: 'Type 2 diabetes',
  medication: 'Metformin 500 mg',
  medicationName: 'Metformin 500 mg',
  recordTitle: 'HIV test result',
  title: 'HIV test result',
  notes: 'Patient reports anxiety',
}
const leaks = (text: string) => [/chest pain/i, /diabetes/i, /metformin/i, /HIV/, /anxiety/i].filter((pattern) => pattern.test(text))

describe('no clinical content', () => {
  for (const event of NOTIFICATION_EVENTS) {
    it(`${event}: extra values passed by the sender reach no part, not even through a clinic's template`, async () => {
      const reading = '{{reason}} {{diagnosis}} {{medication}} {{medicationName}} {{recordTitle}} {{notes}}'
      // (An announcement's `title` is the clinic's own: its sample value replaces the clinical one.)
      const values = { ...clinical, ...SAMPLE_VALUES[event] }
      const plain = await renderNotification(event, { clinic: northwind, values })
      const overridden = await renderNotification(event, {
        clinic: northwind,
        values,
        overrides: TEMPLATE_PARTS.map((part) => ({ event, part, source: `x ${reading} {{link}}` })),
      })
      for (const part of TEMPLATE_PARTS) {
        expect(leaks(plain[part]), `${part}`).toEqual([])
        expect(leaks(overridden[part]), `${part} (clinic template)`).toEqual([])
      }
    })
  }
})
