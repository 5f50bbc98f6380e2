'use client'
import { useTenantSelection } from '@payloadcms/plugin-multi-tenant/client'
import { Gutter } from '@payloadcms/ui'
import React, { useEffect, useState } from 'react'
import { INPUT_STYLE, moneyOrNumber } from './labels.ts'

type Totals = { currency: string; count: number; paid: number; refunded: number; net: number }
type Answer = { from?: string; to?: string; totals?: Totals[]; errors?: { message: string }[] }

const cell = { textAlign: 'right', padding: '0.35rem 0 0.35rem 1.5rem', fontVariantNumeric: 'tabular-nums' } as const
const DATE_STYLE = { ...INPUT_STYLE, width: 'auto' } as const
const head = { ...cell, fontWeight: 600, borderBottom: '1px solid var(--theme-elevation-150)' } as const

/**
 * Above the list of payments, for the clinics' admins: what the clinic chosen in
 * the panel (or every clinic the admin sees) took between two dates, this month
 * unless changed: payments, paid, refunded and net, per currency. Nothing for
 * anyone else (the server answers 403).
 */
export function PaymentTotals() {
  const { selectedTenantID } = useTenantSelection()
  const [from, setFrom] = useState('')
  const [to, setTo] = useState('')
  const [answer, setAnswer] = useState<Answer | null>(null)
  const [hidden, setHidden] = useState(false)

  useEffect(() => {
    // The first time with no dates: the server picks this month in the clinic's own zone and says which.
    if ((from === '') !== (to === '')) return
    const query = new URLSearchParams()
    if (from && to) {
      query.set('from', from)
      query.set('to', to)
    }
    if (selectedTenantID !== undefined && selectedTenantID !== null && selectedTenantID !== '')
      query.set('clinic', String(selectedTenantID))
    const controller = new AbortController()
    const timer = setTimeout(() => {
      fetch(`/api/payments/totals?${query}`, { credentials: 'include', signal: controller.signal })
        .then(async (res) => {
          if (res.status === 401 || res.status === 403) return setHidden(true)
          const body = (await res.json().catch(() => ({}))) as Answer
          setAnswer(body)
          if (res.ok && !from && !to && body.from && body.to) (setFrom(body.from), setTo(body.to))
        })
        .catch(() => null)
    }, 250)
    return () => (clearTimeout(timer), controller.abort())
  }, [from, to, selectedTenantID])

  if (hidden) return null
  const problem = answer?.errors?.[0]?.message
  return (
    <Gutter>
      <section
        data-payment-totals
        aria-labelledby="payment-totals-title"
        style={{ margin: '1.5rem 0 1rem', padding: '0.75rem 1rem 1rem', border: '1px solid var(--theme-elevation-150)', borderRadius: 4 }}
      >
        <div style={{ display: 'flex', gap: '1rem', alignItems: 'end', flexWrap: 'wrap' }}>
          <h3 id="payment-totals-title" style={{ margin: '0 auto 0.25rem 0' }}>
            Totals
          </h3>
          <label style={{ display: 'grid', gap: '0.25rem' }}>
            From
            <input
              type="date"
              name="totals-from"
              style={DATE_STYLE}
              value={from}
              max={to || undefined}
              onChange={(e) => setFrom(e.target.value)}
            />
          </label>
          <label style={{ display: 'grid', gap: '0.25rem' }}>
            To (included)
            <input
              type="date"
              name="totals-to"
              style={DATE_STYLE}
              value={to}
              min={from || undefined}
              onChange={(e) => setTo(e.target.value)}
            />
          </label>
        </div>
        {problem && (
          <p role="alert" style={{ color: 'var(--theme-error-500)', margin: '0.75rem 0 0' }}>
            {problem}
          </p>
        )}
        {answer?.totals && answer.totals.length === 0 && (
          <p data-totals-empty style={{ margin: '0.75rem 0 0' }}>
            No payments between these dates.
          </p>
        )}
        {answer?.totals && answer.totals.length > 0 && (
          <table style={{ marginTop: '0.75rem', borderCollapse: 'collapse' }}>
            <thead>
              <tr>
                <th scope="col" style={{ ...head, textAlign: 'left', paddingLeft: 0 }}>
                  Currency
                </th>
                <th scope="col" style={head}>
                  Payments
                </th>
                <th scope="col" style={head}>
                  Paid
                </th>
                <th scope="col" style={head}>
                  Refunded
                </th>
                <th scope="col" style={head}>
                  Net
                </th>
              </tr>
            </thead>
            <tbody>
              {answer.totals.map((t) => (
                <tr key={t.currency} data-totals-currency={t.currency}>
                  <th scope="row" style={{ ...cell, textAlign: 'left', paddingLeft: 0, fontWeight: 400 }}>
                    {t.currency}
                  </th>
                  <td style={cell}>{t.count}</td>
                  <td style={cell}>{moneyOrNumber(t.paid, t.currency)}</td>
                  <td style={cell}>{moneyOrNumber(t.refunded, t.currency)}</td>
                  <td style={{ ...cell, fontWeight: 600 }}>{moneyOrNumber(t.net, t.currency)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <p className="field-description" style={{ margin: '0.75rem 0 0' }}>
          Payments by the day they were paid, in each clinic’s time; what was refunded of them counts against them, whenever it was.
        </p>
      </section>
    </Gutter>
  )
}
