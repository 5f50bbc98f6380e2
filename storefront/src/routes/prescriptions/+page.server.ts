import { api, query } from '$lib/server/api.ts'
import type { PageServerLoad } from './$types'
import type { Doctor, Prescription } from '$documents'
import { requireSignIn } from '$lib/server/session.ts'

/** A prescription at depth 1: its doctor a document. */
type PrescriptionDoc = Pick<Prescription, 'id' | 'summary' | 'directions' | 'quantity' | 'refills' | 'status' | 'signedAt' | 'pharmacy'> & {
  doctor: Pick<Doctor, 'displayName'> | number
}

/** The patient's prescriptions once their doctor has signed them (drafts stay with the doctor). */
export const load: PageServerLoad = async ({ locals, url }) => {
  requireSignIn(locals, url)
  const q = query({
    where: {
      and: [{ patient: { equals: locals.user.id } }, { tenant: { equals: locals.clinic!.id } }, { status: { not_equals: 'draft' } }],
    },
    sort: '-signedAt',
    limit: 100,
    depth: 1,
  })
  const { docs } = await api<{ docs: PrescriptionDoc[] }>(locals, `/api/prescriptions?${q}`)
  return {
    prescriptions: docs.map((p) => ({
      id: p.id,
      summary: p.summary ?? '',
      directions: p.directions,
      quantity: p.quantity,
      refills: p.refills,
      status: p.status,
      signedAt: p.signedAt ?? null,
      pharmacy: p.pharmacy ?? null,
      doctor: typeof p.doctor === 'object' ? p.doctor.displayName : '',
    })),
  }
}
