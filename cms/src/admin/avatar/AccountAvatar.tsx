import type { Payload, PayloadRequest } from 'payload'
import React from 'react'
import { initialsOf } from './initials.ts'

type Props = { payload: Payload; req?: PayloadRequest; user?: { id: number | string; name?: unknown; email?: unknown; role?: unknown } | null }

/** The square 64 px copy of a doctor's portrait (public, as on the clinic's site), or nothing. */
async function doctorPhoto(payload: Payload, req: PayloadRequest | undefined, userId: number | string): Promise<string | null> {
  const { docs } = await payload.find({
    collection: 'doctors',
    where: { user: { equals: userId } },
    select: { photo: true },
    depth: 1,
    limit: 1,
    pagination: false,
    overrideAccess: false,
    user: req?.user,
    req,
  })
  const photo = docs[0]?.photo as { url?: string | null; sizes?: { icon64?: { url?: string | null } } } | number | null | undefined
  if (!photo || typeof photo !== 'object') return null
  return photo.sizes?.icon64?.url ?? photo.url ?? null
}

const circle: React.CSSProperties = { width: 25, height: 25, borderRadius: '50%', display: 'block', flex: 'none' }

/**
 * The signed-in account in the panel's header: a doctor's own portrait when their
 * profile has one, else their initials on the panel's colours. Payload's gravatar
 * would ask a third party for every admin's picture; its default is a silhouette
 * that says nothing about who is signed in. The link around it is labelled "Account".
 */
export async function AccountAvatar({ payload, req, user }: Props) {
  if (!user) return null
  const photo = user.role === 'doctor' ? await doctorPhoto(payload, req, user.id).catch(() => null) : null
  if (photo) return <img src={photo} alt="" width={25} height={25} data-account-avatar="photo" style={{ ...circle, objectFit: 'cover' }} />
  return (
    <span
      aria-hidden="true"
      data-account-avatar="initials"
      style={{
        ...circle,
        lineHeight: '25px',
        textAlign: 'center',
        fontSize: 11,
        fontWeight: 700,
        letterSpacing: '0.02em',
        color: 'var(--theme-bg)',
        background: 'var(--theme-elevation-800)',
      }}
    >
      {initialsOf(user.name, user.email)}
    </span>
  )
}
