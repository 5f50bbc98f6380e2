import { mkdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { Payload } from 'payload'
import { pluginsOf, type NotificationChannel, type OutgoingMessage } from '@telemed/plugin-sdk'
import { env } from '@telemed/config'
import { repoRoot } from '../paths.ts'
import { contextFor } from '../plugins/context.ts'

type Kind = NotificationChannel['channel']

/**
 * The channel a clinic's messages of one kind go through: the last plugin's
 * offer for that kind (`channels` in its declaration, made with the clinic's
 * settings of that plugin), else the embedded one: `null` for email (the
 * platform's SMTP or outbox adapter), the SMS outbox for SMS.
 */
export async function channelFor(payload: Payload, kind: Kind, clinic: number | string): Promise<NotificationChannel | null> {
  const offers = pluginsOf(payload.config).flatMap((plugin) =>
    (plugin.channels ?? []).filter((offer) => offer.channel === kind).map((offer) => ({ offer, plugin })),
  )
  const chosen = offers[offers.length - 1]
  if (chosen) return chosen.offer.create(await contextFor(payload, chosen.plugin).clinic(clinic))
  return kind === 'sms' ? smsOutbox(payload) : null
}

/** Sends through a plugin's channel; throws with the channel's words when it refuses (the sender retries). */
export async function sendThrough(channel: NotificationChannel, message: OutgoingMessage): Promise<void> {
  const result = await channel.send(message)
  if (!result.ok) throw new Error(result.error ?? `the ${channel.channel} channel refused the message`)
}

let written = 0

/**
 * The embedded SMS channel, with no outside service: each text is written to
 * DATA_DIR/outbox as a `.sms.txt` file (beside the emails), so a demo or a
 * developer sees what would have been sent. A plugin's SMS channel replaces it.
 */
function smsOutbox(payload: Payload): NotificationChannel {
  const dir = resolve(repoRoot, env().DATA_DIR, 'outbox')
  return {
    channel: 'sms',
    async send(message) {
      mkdirSync(dir, { recursive: true, mode: 0o700 })
      const file = join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${++written}.sms.txt`)
      writeFileSync(file, `To: ${message.to}\n\n${message.text}\n`, { mode: 0o600 })
      // The file, not the number or the text: logs carry no personal data.
      payload.logger.info({ msg: `Text message written to ${file} (no SMS channel set up)` })
      return { ok: true }
    },
  }
}
