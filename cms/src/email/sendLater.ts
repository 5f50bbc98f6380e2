import type { Payload, SendEmailOptions } from 'payload'

/**
 * Sends an email after the answer has gone out. An answer must not take longer
 * because an email was sent (that would tell a stranger which addresses have
 * accounts), nor wait for a mail server. A failure is logged without the
 * recipient or the content.
 */
export function sendLater(payload: Payload, message: SendEmailOptions): void {
  setImmediate(() => {
    Promise.resolve()
      .then(() => payload.sendEmail(message))
      .catch((err: unknown) => payload.logger.error({ err: err instanceof Error ? err.message : String(err) }, 'could not send an email'))
  })
}
