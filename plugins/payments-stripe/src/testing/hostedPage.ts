import type Stripe from 'stripe'
import { formatMoney } from './objects.ts'

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

const page = (title: string, body: string) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)}</title>
<style>
  body { font-family: system-ui, sans-serif; max-width: 28rem; margin: 3rem auto; padding: 0 1rem; color: #1a1f36; }
  .amount { font-size: 2rem; font-weight: 600; margin: 0.5rem 0 1.5rem; }
  .notice { color: #c0123c; }
  .test { background: #ffde92; display: inline-block; padding: 0 0.4rem; border-radius: 4px; font-size: 0.8rem; }
  button { display: block; width: 100%; margin: 0.5rem 0; padding: 0.75rem; font-size: 1rem; border-radius: 6px; border: 1px solid #ccc; background: #fff; cursor: pointer; }
  button[value="pay"] { background: #635bff; color: #fff; border: none; }
</style>
</head>
<body>
<p><span class="test">TEST MODE</span> Stripe double</p>
${body}
</body>
</html>`

/**
 * The double's stand-in for Stripe's hosted checkout page: what the patient
 * pays, for what, and three choices (a test card that pays, one that is
 * declined, and the way back to the clinic). No card number is asked: the
 * real page takes the card, never the platform.
 */
export function checkoutPage(session: Stripe.Checkout.Session, description: string, notice: string | null = null): string {
  const amount = formatMoney(session.amount_total ?? 0, session.currency ?? 'usd')
  if (session.status === 'expired')
    return page('Expired', `<h1>This Checkout Session has expired</h1><p>Go back to the clinic's site to start again.</p>`)
  if (session.status === 'complete')
    return page('Paid', `<h1>Payment complete</h1><p class="amount">${escape(amount)}</p><p>${escape(description)}</p>`)
  return page(
    `Pay ${amount}`,
    `<h1>${escape(description)}</h1>
<p class="amount" data-testid="amount">${escape(amount)}</p>
${notice ? `<p class="notice" role="alert">${escape(notice)}</p>` : ''}
<form method="post">
  <button name="action" value="pay">Pay (test card 4242 4242 4242 4242)</button>
  <button name="action" value="decline">Card declined (test card 4000 0000 0000 0002)</button>
  <button name="action" value="abandon">Back to the clinic</button>
</form>`,
  )
}

export const notFoundPage = () => page('Not found', '<h1>Something went wrong</h1><p>The page you were looking for could not be found.</p>')
