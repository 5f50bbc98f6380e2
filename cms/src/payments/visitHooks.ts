import type { CollectionAfterChangeHook, TaskConfig } from 'payload'
import type { Appointment, Payment } from '../payload-types.ts'
import { idOf, roleOf } from '../access/roles.ts'
import { afterCommit, lookup } from '../database/index.ts'
import { jobRunnerOf } from '../plugins/jobs/runner.ts'
import { leavingDefaults } from '../collections/leavingDefaults.ts'
import { blocksTime } from '../scheduling/occupancy.ts'
import { priceOf } from './price.ts'
import { changePayment, readPayment, refundable } from './record.ts'
import { refundPayment } from './refunds.ts'

export const REFUND_CANCELLED_TASK = 'payments-refund-cancelled'
const BOOKED = ['requested', 'confirmed']

/**
 * What a visit's changes mean for its payment, in the visit's own transaction:
 * - booked without paying first (the clinic takes payment at the desk, or after
 *   the visit): an invoice is due, for visits that are not free;
 * - cancelled: an invoice due is cancelled; a paid visit is refunded by a job
 *   (an outside call never runs inside the booking's transaction): in full when
 *   the clinic or doctor cancels, by the clinic's policy when the patient does.
 */
export const paymentOnVisitChange: CollectionAfterChangeHook<Appointment> = async ({ doc, previousDoc, operation, req }) => {
  const booked = BOOKED.includes(doc.status) && (operation === 'create' || previousDoc?.status === 'held')
  const cancelled = doc.status === 'cancelled' && operation === 'update' && blocksTime(previousDoc?.status ?? '')
  if (!booked && !cancelled) return doc
  // A free visit has no payment: its booking reads nothing more.
  const price = booked ? await priceOf(req, idOf(doc.doctor), doc.visitType ?? 'video') : null
  if (booked && !price) return doc
  const [payment] = await lookup.all(req, 'payments', { appointment: { equals: doc.id } }, { status: true, amount: true })
  if (booked && price && !payment) {
    await req.payload.create({
      collection: 'payments',
      data: leavingDefaults<'payments', 'amountRefunded'>({
        tenant: idOf(doc.tenant)!,
        patient: idOf(doc.patient)!,
        appointment: doc.id,
        doctor: idOf(doc.doctor)!,
        visitStart: doc.start,
        visitEnd: doc.end,
        visitType: doc.visitType ?? 'video',
        ...price,
        provider: 'desk',
        status: 'due',
        history: [{ at: new Date().toISOString(), by: req.user?.id ?? null, change: 'Invoice due at the clinic' }],
      }),
      depth: 0,
      overrideAccess: true,
      req,
    })
  }
  if (cancelled && payment) {
    const full = await readPayment(req.payload, payment.id, req)
    if (full?.status === 'due') await changePayment(req, full, { status: 'cancelled' }, 'Invoice cancelled with the visit')
    else if (full && refundable(full) > 0)
      await req.payload.jobs.queue({
        task: REFUND_CANCELLED_TASK,
        input: { payment: full.id, byPatient: roleOf(req) === 'patient', cancelledAt: new Date().toISOString() },
        req,
      })
    // Run it once the cancellation is committed, not at the next poll.
    await afterCommit(req, async () => jobRunnerOf(req.payload)?.nudge())
  }
  return doc
}

/** What a cancelled visit's payment gets back, in minor units (the patient's own cancellation by the clinic's policy). */
export async function refundDue(
  req: Parameters<CollectionAfterChangeHook>[0]['req'],
  payment: Pick<Payment, 'tenant' | 'amount' | 'amountRefunded' | 'status' | 'visitStart'>,
  { byPatient, cancelledAt }: { byPatient: boolean; cancelledAt: string },
): Promise<number> {
  const left = refundable(payment)
  if (!byPatient) return left
  const clinic = await lookup.byId(req, 'tenants', idOf(payment.tenant), { paymentPolicy: true })
  const hours = clinic?.paymentPolicy?.fullRefundHours ?? 24
  const percent = clinic?.paymentPolicy?.lateRefundPercent ?? 0
  const early = Date.parse(payment.visitStart) - Date.parse(cancelledAt) >= hours * 3_600_000
  const due = early ? payment.amount : Math.floor((payment.amount * percent) / 100)
  return Math.max(0, Math.min(left, due - (payment.amountRefunded ?? 0)))
}

/** The refund of a cancelled visit's payment, retried with backoff until the provider answers. */
export const refundCancelledTask: TaskConfig<{
  input: { payment: number; byPatient: boolean; cancelledAt: string }
  output: Record<string, never>
}> = {
  slug: REFUND_CANCELLED_TASK,
  inputSchema: [
    { name: 'payment', type: 'number', required: true },
    { name: 'byPatient', type: 'checkbox', required: true },
    { name: 'cancelledAt', type: 'date', required: true },
  ],
  retries: { attempts: 6, backoff: { type: 'exponential', delay: 30_000 } },
  handler: async ({ input, req }) => {
    const payment = await readPayment(req.payload, input.payment, req)
    if (!payment) return { output: {} }
    const amount = await refundDue(req, payment, input)
    if (amount > 0)
      await refundPayment(req, payment.id, {
        amount,
        reason: input.byPatient ? 'You cancelled the visit.' : 'The clinic cancelled the visit.',
        key: `cancel-${idOf(payment.appointment) ?? payment.id}`,
      })
    return { output: {} }
  },
}
