import { definePlugin, type TelemedPlugin } from '@telemed/plugin-sdk'
import { TwilioSms, type TwilioAccount } from './TwilioSms.ts'

export { TwilioSms, e164, MAX_TEXT, type TwilioAccount } from './TwilioSms.ts'

/** The plugin's declaration: an SMS channel through the platform's Twilio account, for every clinic. */
export function twilioPlugin(account: TwilioAccount): TelemedPlugin {
  const channel = new TwilioSms(account)
  return {
    name: 'sms-twilio',
    channels: [{ name: 'twilio', label: 'Text messages (Twilio)', channel: 'sms', create: () => channel }],
  }
}

/**
 * Text messages through Twilio in place of the embedded SMS outbox: patients who
 * asked for texts (and gave a phone number) get them. Texts carry the clinic's
 * name and a link, never clinical content. Turned on in config/src/plugins.ts
 * when TWILIO_ACCOUNT_SID is set.
 */
export const smsTwilioPlugin = (account: TwilioAccount) => definePlugin(twilioPlugin(account))
