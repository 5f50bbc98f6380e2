import { describe, expect, it } from 'vitest'
import { nextBookingPath } from './siteSteps.ts'
import type { SiteBlock, SiteStep } from '../steps/types.ts'

const locals = { basePath: '/c/northwind' } as App.Locals
const form: SiteBlock = { kind: 'form', heading: 'H', text: [], fields: [{ name: 'a', label: 'A', type: 'text' }], submitLabel: 'Go' }
const panel: SiteBlock = { kind: 'panel', heading: 'H', text: [] }
const step = (id: string, block: SiteBlock): SiteStep => ({ plugin: 'p', id, title: id, block })

describe('where booking goes after a step', () => {
  it('is the first step not done yet, then the confirmation', () => {
    const steps = [step('a', { kind: 'done' }), step('b', form), step('c', panel)]
    expect(nextBookingPath(locals, 7, steps)).toBe('/c/northwind/appointments/7/steps/p/b')
    expect(nextBookingPath(locals, 7, steps, 'p/b')).toBe('/c/northwind/appointments/7/steps/p/c')
    expect(nextBookingPath(locals, 7, steps, 'p/c')).toBe('/c/northwind/appointments/7?booked=1')
    expect(nextBookingPath(locals, 7, [])).toBe('/c/northwind/appointments/7?booked=1')
  })

  it('after a step that no longer applies, is a step still asking for something, never a panel already passed', () => {
    // The panel was shown before the step that has since gone: going back to it would go round in circles.
    expect(nextBookingPath(locals, 7, [step('a', panel)], 'p/gone')).toBe('/c/northwind/appointments/7?booked=1')
    expect(nextBookingPath(locals, 7, [step('a', panel), step('b', form)], 'p/gone')).toBe('/c/northwind/appointments/7/steps/p/b')
  })
})
