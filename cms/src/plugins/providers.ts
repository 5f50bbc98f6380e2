import type { Payload } from 'payload'
import { pluginsOf, type ProviderOffer, type ProviderSlot, type ProviderSlots, type TelemedPlugin } from '@telemed/plugin-sdk'
import { peerToPeerProvider } from '../video/provider.ts'
import { contextFor } from './context.ts'

type Offer<S extends ProviderSlot> = ProviderOffer<S> & { plugin: TelemedPlugin | null }

/** The embedded defaults, offered like a plugin's providers: a fresh install needs no outside service. */
const EMBEDDED: { [S in ProviderSlot]?: ProviderOffer<S> } = {
  video: { name: 'p2p', label: 'Built-in video (peer to peer)', create: () => peerToPeerProvider },
}

/** Every provider offered for a slot: the embedded default first, then the plugins' in their order. */
export function offersFor<S extends ProviderSlot>(config: { custom?: Record<string, unknown> }, slot: S): Offer<S>[] {
  const embedded = EMBEDDED[slot] as ProviderOffer<S> | undefined
  const fromPlugins = pluginsOf(config).flatMap((plugin) => {
    const offer = plugin.providers?.[slot] as ProviderOffer<S> | undefined
    return offer ? [{ ...offer, plugin }] : []
  })
  return [...(embedded ? [{ ...embedded, plugin: null }] : []), ...fromPlugins]
}

/**
 * The provider a clinic uses for a slot: the one its admins chose (Clinics →
 * Providers), else the last plugin's that offers one, else the embedded default.
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
  const offer = offers.find((o) => o.name === chosen) ?? offers[offers.length - 1]!
  if (!offer.plugin) return offer.create({ id: String(clinicId ?? ''), slug: '', settings: {} })
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
