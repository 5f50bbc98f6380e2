import type { AddressInfo } from 'node:net'
import { SMTPServer } from 'smtp-server'

/** A received message: its envelope, headers and body (quoted-printable undone). */
export type Received = { to: string[]; header: (name: string) => string; body: string }

const parse = (raw: string, to: string[]): Received => ({
  to,
  header: (name) => new RegExp(`^${name}: (.*)$`, 'mi').exec(raw)?.[1]?.trim() ?? '',
  body: raw.replace(/=\r?\n/g, '').replace(/=3D/g, '='),
})

/**
 * A real SMTP server (the `smtp-server` package) on a local port, keeping what
 * it receives: the platform sends to it with `SMTP_URL` set to `url`.
 * `refuseNext(n)` answers the next n messages 451 (mailbox busy, try later).
 */
export async function startMailbox() {
  const received: Received[] = []
  let refusals = 0
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      if (refusals > 0) {
        refusals--
        stream.resume()
        return stream.on('end', () => callback(Object.assign(new Error('Mailbox busy, try later'), { responseCode: 451 })))
      }
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => {
        received.push(
          parse(
            Buffer.concat(chunks).toString('utf8'),
            session.envelope.rcptTo.map((r) => r.address),
          ),
        )
        callback()
      })
    },
  })
  await new Promise<void>((ok) => smtp.listen(0, '127.0.0.1', ok))
  return {
    url: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`,
    received,
    refuseNext: (count: number) => void (refusals = count),
    close: () => new Promise<void>((ok) => smtp.close(() => ok())),
  }
}
