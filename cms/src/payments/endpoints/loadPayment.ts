import type { PayloadRequest } from 'payload'
import type { Payment } from '../../payload-types.ts'
import { problem } from '../../http/endpoint.ts'

/**
 * The payment named in the URL, read with the caller's own access rules: nobody
 * learns that someone else's payment exists (404 either way).
 */
export async function loadPayment(req: PayloadRequest): Promise<Payment | Response> {
  if (!req.user) return problem(401, 'Sign in first.')
  const payment = await req.payload
    .findByID({ collection: 'payments', id: String(req.routeParams?.id), depth: 0, overrideAccess: false, req, disableErrors: true })
    .catch(() => null)
  return payment ?? problem(404, 'There is no such payment.')
}

/** The payment as the caller may read it, after a change made by the platform. */
export const readAs = (req: PayloadRequest, id: number | string) =>
  req.payload.findByID({ collection: 'payments', id, depth: 0, overrideAccess: false, req })
