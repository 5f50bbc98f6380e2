'use client'
import { Button, useAuth, useDocumentInfo } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import React, { useCallback, useEffect, useRef, useState } from 'react'
import { minorDigits } from '../../payments/money.ts'
import {
  INPUT_STYLE,
  PAYMENT_STATUS_LABELS,
  PAYMENT_STATUS_TONES,
  asMajorText,
  moneyOrNumber,
  parseMajor,
  providerWords,
  type PaymentStatusName,
} from './labels.ts'

type Payment = {
  id: number | string
  amount: number
  amountRefunded?: number | null
  currency: string
  provider: string
  status: PaymentStatusName
  disputed?: boolean | null
}
type Answer = { doc?: Payment; message?: string; errors?: { message: string }[] }
type Outcome = { ok: boolean; text: string }

const ADMIN_ROLES = ['clinic-admin', 'platform-admin']
/** One key per display of the refund form: a double-click, or a retry after no answer, refunds once. */
const freshKey = () => crypto.randomUUID()

async function call(path: string, init: RequestInit = {}): Promise<{ status: number; body: Answer }> {
  try {
    const res = await fetch(path, { credentials: 'include', ...init })
    return { status: res.status, body: (await res.json().catch(() => ({}))) as Answer }
  } catch {
    return { status: 0, body: { errors: [{ message: 'The server did not answer. Check the connection and try again.' }] } }
  }
}

/**
 * At the top of a payment's page, for the clinic's admins and platform admins:
 * the amount, what was refunded and the net, in the currency's own decimals;
 * "Mark paid" for an invoice due at the clinic; a refund form for a paid
 * payment (amount in the currency's main unit, what is left by default, a
 * reason); and a note when the patient's bank opened a dispute. Each action
 * answers with the server's message, then the page is read again.
 */
export function PaymentActions() {
  const { id } = useDocumentInfo()
  const { user } = useAuth<{ role?: string | null }>()
  const router = useRouter()
  const isAdmin = ADMIN_ROLES.includes(user?.role ?? '')
  const [payment, setPayment] = useState<Payment | null>(null)
  const [loadProblem, setLoadProblem] = useState<string | null>(null)
  const [amountText, setAmountText] = useState('')
  const [reason, setReason] = useState('')
  const [key, setKey] = useState(freshKey)
  const [busy, setBusy] = useState(false)
  const inFlight = useRef(false)
  const [outcome, setOutcome] = useState<Outcome | null>(null)
  const [inputProblem, setInputProblem] = useState<string | null>(null)

  /** Shows `doc`, with the refund form set for what is left. */
  const show = useCallback((doc: Payment) => {
    setPayment(doc)
    setAmountText(asMajorText(Math.max(0, doc.amount - (doc.amountRefunded ?? 0)), doc.currency))
  }, [])

  useEffect(() => {
    if (!id || !isAdmin) return
    void call(`/api/payments/${id}?depth=0`).then(({ status, body }) => {
      if (status === 200) show(body as unknown as Payment)
      else setLoadProblem(body.errors?.[0]?.message ?? 'The payment could not be read.')
    })
  }, [id, isAdmin, show])

  /** Runs one action at a time (a second click while the first is on its way does nothing), then shows its answer. */
  const act = async (path: string, init: RequestInit): Promise<number> => {
    if (inFlight.current) return -1
    inFlight.current = true
    setBusy(true)
    setOutcome(null)
    try {
      const { status, body } = await call(`/api/payments/${id}/${path}`, {
        method: 'POST',
        ...init,
        headers: { 'Content-Type': 'application/json', ...init.headers },
      })
      if (status === 200 && body.doc) {
        show(body.doc)
        setOutcome({ ok: true, text: body.message ?? 'Done.' })
        // The fields below (status, refunds, history) as saved now.
        router.refresh()
      } else setOutcome({ ok: false, text: body.errors?.[0]?.message ?? 'That did not work. Try again in a moment.' })
      return status
    } finally {
      inFlight.current = false
      setBusy(false)
    }
  }

  if (!id || !isAdmin) return null
  if (!payment)
    return loadProblem ? (
      <p role="alert" style={{ color: 'var(--theme-error-500)' }}>
        {loadProblem}
      </p>
    ) : null

  const { currency, status } = payment
  const refunded = payment.amountRefunded ?? 0
  const left = payment.amount - refunded
  const canMarkPaid = payment.provider === 'desk' && status === 'due'
  const canRefund = (status === 'paid' || status === 'partially-refunded') && left > 0
  const typed = parseMajor(amountText, currency)

  const refund = async () => {
    setOutcome(null)
    if ('problem' in typed) return setInputProblem(typed.problem)
    if (typed.minor > left) return setInputProblem(`At most ${moneyOrNumber(left, currency)} is left to refund.`)
    if (!reason.trim()) return setInputProblem('Say why in a few words: the patient’s receipt and the history keep it.')
    setInputProblem(null)
    const status = await act('refund', {
      headers: { 'Idempotency-Key': key },
      body: JSON.stringify({ amount: typed.minor, reason: reason.trim() }),
    })
    // Refunded, or refused (nothing was refunded): the next refund is a new one. With no answer (0) or a
    // failure at the payment service (5xx), the same key again: a retry never refunds twice.
    if (status === 200 || (status >= 400 && status < 500)) setKey(freshKey())
    if (status === 200) setReason('')
  }
  const onEnter = (e: React.KeyboardEvent) => {
    // Enter in a field of the refund, not a submit of the payment's own form around it.
    if (e.key !== 'Enter') return
    e.preventDefault()
    if (!busy) void refund()
  }

  const label = PAYMENT_STATUS_LABELS[status] ?? status
  return (
    <section
      data-payment-actions
      aria-labelledby="payment-actions-title"
      style={{
        margin: '0 0 2rem',
        padding: '1rem 1.25rem',
        border: '1px solid var(--theme-elevation-150)',
        borderRadius: 4,
        display: 'grid',
        gap: '1rem',
        maxWidth: '44rem',
      }}
    >
      <div style={{ display: 'flex', gap: '0.75rem', alignItems: 'center', flexWrap: 'wrap' }}>
        <h3 id="payment-actions-title" style={{ margin: 0 }}>
          Payment
        </h3>
        <span
          data-payment-status={status}
          style={{
            ...PAYMENT_STATUS_TONES[status],
            padding: '0.1rem 0.6rem',
            borderRadius: '999px',
            fontWeight: 600,
            fontSize: '0.8125rem',
            whiteSpace: 'nowrap',
          }}
        >
          {label}
        </span>
        <span className="field-description">{providerWords(payment.provider)}</span>
      </div>
      <dl style={{ display: 'flex', gap: '2.5rem', margin: 0, flexWrap: 'wrap' }}>
        {(
          [
            ['amount', 'Amount', payment.amount],
            ['refunded', 'Refunded', refunded],
            ['net', 'Net', payment.amount - refunded],
          ] as const
        ).map(([name, title, minor]) => (
          <div key={name}>
            <dt className="field-description" style={{ margin: 0 }}>
              {title}
            </dt>
            <dd data-money={name} style={{ margin: 0, fontSize: '1.25rem', fontWeight: 600, fontVariantNumeric: 'tabular-nums' }}>
              {moneyOrNumber(minor, currency)}
            </dd>
          </div>
        ))}
      </dl>
      {payment.disputed && (
        <p
          data-disputed
          role="note"
          style={{ margin: 0, padding: '0.5rem 0.75rem', borderRadius: 4, color: '#92400e', background: '#fef3c7' }}
        >
          <strong>Disputed:</strong> answer it in {payment.provider === 'stripe' ? 'Stripe’s' : 'the payment provider’s'} dashboard.
        </p>
      )}
      {canMarkPaid && (
        <div style={{ display: 'flex', gap: '0.75rem', alignItems: 'center', flexWrap: 'wrap' }}>
          <Button size="small" margin={false} disabled={busy} onClick={() => void act('mark-paid', { body: '{}' })}>
            Mark paid
          </Button>
          <span className="field-description">
            Once the patient has paid {moneyOrNumber(payment.amount, currency)} at the clinic. They get a receipt.
          </span>
        </div>
      )}
      {canRefund && (
        <fieldset
          data-refund
          style={{ margin: 0, padding: '0.75rem 1rem 1rem', border: '1px solid var(--theme-elevation-150)', borderRadius: 4 }}
        >
          <legend style={{ padding: '0 0.25rem', fontWeight: 600 }}>Refund</legend>
          <div style={{ display: 'flex', gap: '0.75rem', flexWrap: 'wrap', alignItems: 'start' }}>
            <label style={{ display: 'grid', gap: '0.25rem', flex: '0 1 11rem' }}>
              Amount ({currency})
              <input
                name="refund-amount"
                inputMode={minorDigits(currency) === 0 ? 'numeric' : 'decimal'}
                autoComplete="off"
                style={INPUT_STYLE}
                value={amountText}
                onKeyDown={onEnter}
                onChange={(e) => (setAmountText(e.target.value), setInputProblem(null))}
              />
              <span className="field-description">At most {moneyOrNumber(left, currency)}.</span>
            </label>
            <label style={{ display: 'grid', gap: '0.25rem', flex: '1 1 16rem' }}>
              Reason
              <input
                name="refund-reason"
                required
                maxLength={500}
                autoComplete="off"
                style={INPUT_STYLE}
                value={reason}
                onKeyDown={onEnter}
                onChange={(e) => (setReason(e.target.value), setInputProblem(null))}
              />
              <span className="field-description">On the patient’s receipt and in the history.</span>
            </label>
          </div>
          <div style={{ display: 'flex', gap: '0.75rem', alignItems: 'center', marginTop: '0.75rem', flexWrap: 'wrap' }}>
            <Button size="small" buttonStyle="secondary" margin={false} disabled={busy} onClick={() => void refund()}>
              {'minor' in typed && typed.minor <= left ? `Refund ${moneyOrNumber(typed.minor, currency)}` : 'Refund'}
            </Button>
            {inputProblem && (
              <span role="alert" style={{ color: 'var(--theme-error-500)' }}>
                {inputProblem}
              </span>
            )}
          </div>
        </fieldset>
      )}
      {outcome && (
        <p
          data-payment-outcome={outcome.ok ? 'done' : 'refused'}
          role={outcome.ok ? 'status' : 'alert'}
          style={{ margin: 0, color: outcome.ok ? undefined : 'var(--theme-error-500)' }}
        >
          {outcome.text}
        </p>
      )}
    </section>
  )
}
