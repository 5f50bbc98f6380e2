/** How patients reach a clinic, as set in the admin panel; null when not given. */
export type ClinicContact = { phone: string | null; email: string | null; address: string | null }

/** `+1 (555) 010-0100` → `tel:+15550100100`: what phones dial, whatever way the clinic wrote it. */
export function telHref(phone: string): string {
  const digits = phone.replace(/[^\d+]/g, '')
  return `tel:${digits.startsWith('+') ? `+${digits.slice(1).replace(/\+/g, '')}` : digits.replace(/\+/g, '')}`
}

/** The address as the clinic wrote it, one line per line, blank lines dropped. */
export const addressLines = (address: string | null): string[] =>
  (address ?? '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
