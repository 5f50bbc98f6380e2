import type { Payload } from 'payload'
import { pluginsOf, type ProviderOffer, type ProviderSlot, type ProviderSlots, type TelemedPlugin } from '@telemed/plugin-sdk'
import { peerToPeerProvider } from '../video/provider.ts'
import { DeskPayments } from '../payments/desk.ts'
import { contextFor } from './context.ts'

type Offer<S extends ProviderSlot> = ProviderOffer<S> & { plugin: TelemedPlugin | null }

/** An embedded default: like a plugin's offer, made with the platform itself at hand. */
type EmbeddedOffer<S extends ProviderSlot> = Omit<ProviderOffer<S>, 'create'> & { create(payload: Payload): ProviderSlots[S] }

/** The embedded defaults, offered like a plugin's providers: a fresh install needs no outside service. */
const EMBEDDED: { [S in ProviderSlot]?: EmbeddedOffer<S> } = {
  video: { name: 'p2p', label: 'Built-in video (peer to peer)', create: () => peerToPeerProvider },
  payments: { name: 'desk', label: 'Pay at the clinic (invoice)', create: (payload) => new DeskPayments(payload) },
}

/**
 * The provider used where a clinic chose none: the last plugin's, else the
 * embedded one. Payments excepted: money goes to a clinic's own account, which
 * each clinic connects itself, so until it chooses it takes payment at the desk.
 */
export const defaultOffer = <O extends { plugin: unknown }>(slot: ProviderSlot, offers: O[]): O =>
  (slot === 'payments' ? offers.find((o) => !o.plugin) : undefined) ?? offers[offers.length - 1]!

/** Every provider offered for a slot: the embedded default first, then the plugins' in their order. */
export function offersFor<S extends ProviderSlot>(config: { custom?: Record<string, unknown> }, slot: S): Offer<S>[] {
  const embedded = EMBEDDED[slot] as unknown as ProviderOffer<S> | undefined
  const fromPlugins = pluginsOf(config).flatMap((plugin) => {
    const offer = plugin.providers?.[slot] as ProviderOffer<S> | undefined
    return offer ? [{ ...offer, plugin }] : []
  })
  return [...(embedded ? [{ ...embedded, plugin: null }] : []), ...fromPlugins]
}

/**
 * The provider a clinic uses for a slot: the one its admins chose (Clinics →
 * Providers), else the default (defaultOffer).
 * A choice whose plugin was turned off falls back the same way.
 */
export async function providerFor<S extends ProviderSlot>(
  payload: Payload,
  slot: S,
  clinicId: number | string | null | undefined,
): Promise<ProviderSlots[S]> {
  const offers = offersFor(payload.config, slot)
  if (!offers.length) throw new Error(`No ${slot} provider is offered: turn a ${slot} plugin on in config/src/plugins.ts.`)
  // One offer (the usual case): nothing to choose, nothing to read.
  const chosen = clinicId && offers.length > 1 ? await chosenName(payload, slot, clinicId) : null
  const offer = offers.find((o) => o.name === chosen) ?? defaultOffer(slot, offers)
  if (!offer.plugin) return (offer as unknown as EmbeddedOffer<S>).create(payload)
  const scope = clinicId ? await contextFor(payload, offer.plugin).clinic(clinicId) : { id: '', slug: '', settings: {} }
  return offer.create(scope)
}

async function chosenName(payload: Payload, slot: ProviderSlot, clinicId: number | string): Promise<string | null> {
  // Clinics → Providers exists only when plugins offer a choice (host.ts): the generated types, made without them, lack it.
  const clinic = await payload
    .findByID({ collection: 'tenants', id: clinicId, depth: 0, select: { providers: true } as never })
    .catch(() => null)
  const choice = (clinic as { providers?: Partial<Record<ProviderSlot, string | null>> } | null)?.providers?.[slot]
  return choice ?? null
}
