import type { Payload } from 'payload'
import { onAppointmentEvent } from '../events/appointmentEvents.ts'
import { videoProviderOf } from './provider.ts'

/** When a visit is completed, cancelled or marked no-show, its call ends for everyone. */
export function closeCallsWhenVisitsEnd(payload: Payload): void {
  const close = async ({ appointment }: { appointment: number | string }) => {
    await videoProviderOf(payload).closeSession(String(appointment))
  }
  onAppointmentEvent('appointment.completed', close)
  onAppointmentEvent('appointment.cancelled', close)
  onAppointmentEvent('appointment.no-show', close)
}
