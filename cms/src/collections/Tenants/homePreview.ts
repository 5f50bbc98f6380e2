import type { LivePreviewConfig } from 'payload'

/**
 * Clinics → (a clinic) → Live Preview: the clinic's home page beside the form,
 * at a phone's and a desktop's width, showing the unsaved home page words as the
 * admin types (the site's side is storefront/src/lib/home/livePreview.ts).
 *
 * The page is the clinic under `/c/<slug>/` on the platform's own address, the
 * admin panel's origin: the only origin allowed to frame the site (helmet's
 * `X-Frame-Options: SAMEORIGIN`) and the only one the site takes messages from.
 */
export const homePreview: LivePreviewConfig = {
  url: ({ data, req }) =>
    typeof data?.slug === 'string' && /^[a-z0-9-]+$/.test(data.slug)
      ? `${req.payload.config.serverURL}/c/${data.slug}/?preview=home`
      : null,
  breakpoints: [
    { name: 'phone', label: 'Phone', width: 390, height: 844 },
    { name: 'desktop', label: 'Desktop', width: 1280, height: 800 },
  ],
}
