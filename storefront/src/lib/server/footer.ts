import type { Clinic } from './clinic.ts'
import { hoursRows, zoneCity, type HoursRow } from '../contact/openingHours.ts'
import { richTextHtml } from './richText.ts'

/** What every page's footer shows besides the contact details: opening hours and which legal pages exist. */
export type FooterExtras = { hours: HoursRow[]; hoursZone: string; privacy: boolean; terms: boolean }

/** Made once per clinic read (clinics are cached for seconds, see clinic.ts): every page carries it. */
const made = new WeakMap<Clinic, FooterExtras>()
export function footerOf(clinic: Clinic): FooterExtras {
  let extras = made.get(clinic)
  if (!extras) {
    extras = {
      hours: hoursRows(clinic.home.openingHours),
      hoursZone: zoneCity(clinic.timeZone),
      privacy: richTextHtml(clinic.legal.privacy) !== '',
      terms: richTextHtml(clinic.legal.terms) !== '',
    }
    made.set(clinic, extras)
  }
  return extras
}
