import type { Plugin } from 'payload'
import { paymentsStripePlugin } from '@telemed/plugin-payments-stripe'
import { smsTwilioPlugin } from '@telemed/plugin-sms-twilio'
import { videoOpenViduPlugin } from '@telemed/plugin-video-openvidu'
import { env } from './env.ts'

const settings = env()

/**
 * The plugins that are on, in order, with their options: the one place that
 * decides (the platform's core never imports a plugin). `npm run plugin:new
 * <name>` adds its new plugin here; remove a line to turn a plugin off.
 * Options that differ per deployment come from the environment (see env.ts).
 */
export const plugins: Plugin[] = [
  // Video visits on OpenVidu when a server is configured; otherwise the embedded peer-to-peer default.
  ...(settings.OPENVIDU_URL ? [videoOpenViduPlugin({ url: settings.OPENVIDU_URL, secret: settings.OPENVIDU_SECRET! })] : []),
  // Text messages through Twilio when an account is configured; otherwise the embedded SMS outbox (DATA_DIR/outbox).
  ...(settings.TWILIO_ACCOUNT_SID
    ? [
        smsTwilioPlugin({
          accountSid: settings.TWILIO_ACCOUNT_SID,
          authToken: settings.TWILIO_AUTH_TOKEN!,
          from: settings.TWILIO_FROM!,
          apiUrl: settings.TWILIO_API_URL,
        }),
      ]
    : []),
  // Card payments through Stripe, for the clinics that choose it and enter their own keys (Clinics → Providers,
  // Clinics → Plugin settings); the others take payment at the clinic, the embedded default.
  paymentsStripePlugin({ apiUrl: settings.STRIPE_API_URL }),
  // plugin:new adds entries above this line
]
