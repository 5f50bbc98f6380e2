/**
 * The admin panel's live preview of a clinic's home page. Clinics → (a clinic) →
 * Live Preview shows the site's home page in a frame and posts the form's
 * unsaved values to it on every keystroke (Payload's live-preview messages), so
 * an admin sees their words on the page before saving them for visitors.
 *
 * Only messages from the page's own origin are read: the preview address is the
 * clinic under `/c/<slug>/` on the platform's address, the admin panel's origin.
 * What arrives is shown in this browser only and goes through `homeOf`, as the
 * saved version does; nothing is stored.
 */
const MESSAGE_TYPE = 'payload-live-preview'

/** Tells the admin panel the page listens, then calls `onDraft` with each version of the clinic's form. */
export function listenForDraft(onDraft: (clinic: Record<string, unknown>) => void): () => void {
  const receive = (event: MessageEvent) => {
    if (event.origin !== window.location.origin || event.source !== window.parent) return
    const message = event.data as { type?: unknown; data?: unknown } | null
    if (message?.type !== MESSAGE_TYPE || !message.data || typeof message.data !== 'object') return
    onDraft(message.data as Record<string, unknown>)
  }
  window.addEventListener('message', receive)
  if (window.parent !== window) window.parent.postMessage({ type: MESSAGE_TYPE, ready: true }, window.location.origin)
  return () => window.removeEventListener('message', receive)
}
