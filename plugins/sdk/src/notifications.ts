/**
 * One way of reaching a person (email, SMS, ...). Messages carry links into the
 * platform, never clinical content: an inbox or a phone screen is not a safe place.
 */
export interface OutgoingMessage {
  to: string
  subject: string
  text: string
  html?: string
}

export interface DeliveryResult {
  ok: boolean
  providerId?: string
  error?: string
}

export interface NotificationChannel {
  readonly channel: 'email' | 'sms' | 'in-app'
  send(message: OutgoingMessage): Promise<DeliveryResult>
}
