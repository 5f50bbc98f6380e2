import type { PlatformContext } from './context.ts'

/**
 * Where a plugin can add to a clinic's site:
 * - `booking.afterTime`: a step between choosing a time and "You're booked" (pay, answer an intake form);
 * - `visit.panel`: a panel on the visit's page (payment status, a survey after the visit);
 * - `account.page`: a page under the patient's account, listed in its menu.
 */
export type SiteSlot = 'booking.afterTime' | 'visit.panel' | 'account.page'

/** The person, clinic and (for booking and visit slots) visit a step is shown for; access already checked. */
export type SiteStepInput = {
  clinic: { id: string; slug: string }
  user: { id: string; email: string; roles: string[] }
  appointment?: { id: string; doctor: string; start: string; end: string; status: string }
  /**
   * The absolute address of the clinic's page that shows this step (the booking
   * step's page, the visit's page, the account page): the return link to give
   * an outside page a `redirect` sends the patient to.
   */
  pageUrl: string
}

export type SiteAction = { label: string; href: string }
export type SiteFormField =
  | { name: string; label: string; type: 'text' | 'textarea'; required?: boolean }
  | { name: string; label: string; type: 'checkbox' }
  | { name: string; label: string; type: 'select'; options: { label: string; value: string }[]; required?: boolean }

/**
 * What the site shows, as data: the site renders these few shapes in the clinic's
 * brand, so a plugin adds to it without a rebuild and without running its code in
 * the browser.
 * - `panel`: a heading, paragraphs of plain text and links;
 * - `form`: fields the patient fills in, posted back to the step's `submit`;
 * - `redirect`: send the browser to an https address (a payment page) that brings it back;
 * - `done`: the step is complete (booking continues to its confirmation).
 *
 * The platform checks every block before the site sees it (docs/site-steps.md):
 * text is plain text (shown as typed, never as HTML), links and redirects go to
 * https addresses, the clinic's own site or a path of it, and sizes are bounded.
 * A block that breaks a rule is logged and the step treated as failed.
 */
export type SiteBlock =
  | { kind: 'panel'; heading: string; text: string[]; actions?: SiteAction[] }
  | { kind: 'form'; heading: string; text: string[]; fields: SiteFormField[]; submitLabel: string; error?: string }
  | { kind: 'redirect'; url: string }
  | { kind: 'done' }

export type SiteStep = {
  /** Unique within the plugin: `pay`. */
  id: string
  slot: SiteSlot
  /** Shown in the booking steps and the account menu: "Pay for the visit". */
  title: string
  /** What to show now, or null when the step does not apply (nothing to pay). */
  render(input: SiteStepInput, ctx: PlatformContext): Promise<SiteBlock | null>
  /** Receives a `form`'s values (strings; checkboxes "on" or absent) and says what to show next. */
  submit?(input: SiteStepInput, values: Record<string, string>, ctx: PlatformContext): Promise<SiteBlock>
}
