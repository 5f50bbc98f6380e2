/**
 * Reminders due in the same minute: REMINDERS visits, each with its reminder
 * planned for the same minute by email and in the inbox, sent through the
 * outbox channel (.eml files) by the platform's sender, as the jobs runner runs
 * it. Prints the time until all are sent and checks each went exactly once.
 * Baseline, in the same run: the outbox channel alone writing the same number
 * of emails (the same rendered message), so the ratio is what planning-free
 * sending costs beyond the channel itself: the claims, the visit read again,
 * rendering, the status writes.
 */
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { sendEmailNow } from '../cms/src/email/emailAdapter.ts'
import { planMessages, type PlannedMessage } from '../cms/src/notifications/plan.ts'
import { sendDueNotifications } from '../cms/src/notifications/send.ts'
import { startWorld } from '../cms/test/support/testServer.ts'
import { ratio } from './support/machine.ts'

const REMINDERS = Number(process.env.REMINDERS ?? 10_000)
const HOUR = 3_600_000

export async function benchReminders(): Promise<boolean> {
  const { server, world } = await startWorld({ JOBS_IN_SERVER: 'false' })
  const { payload } = server
  try {
    const outboxDir = join(process.env.DATA_DIR!, 'outbox')
    const emailsWritten = () => readdirSync(outboxDir, { withFileTypes: true }).filter((f) => f.name.endsWith('.eml')).length
    // The world's own messages go first, out of the measure.
    while ((await sendDueNotifications(payload)) > 0);
    const before = emailsWritten()

    // REMINDERS visits of one patient with one doctor, half an hour each, from two months ahead: written straight
    // to the database in one statement (the booking path is the booking benchmark's).
    // Past the test world's own visits (its next days), which the database would refuse to overlap.
    const first = Math.ceil((Date.now() + 60 * 24 * HOUR) / HOUR) * HOUR
    const visits = Array.from({ length: REMINDERS }, (_, i) => {
      const start = new Date(first + i * 30 * 60_000).toISOString()
      const end = new Date(first + (i + 1) * 30 * 60_000).toISOString()
      const now = new Date().toISOString()
      return {
        tenant: world.alpha.id,
        patient: world.alpha.patient.id,
        doctor: world.alpha.doctor,
        start,
        end,
        blockedStart: start,
        blockedEnd: end,
        blocking: true,
        status: 'confirmed',
        visitType: 'video',
        updatedAt: now,
        createdAt: now,
      }
    })
    const adapter = payload.db as unknown as { drizzle: any; tables: Record<string, any> }
    const ids: number[] = []
    for (let i = 0; i < visits.length; i += 500) {
      const rows = await adapter.drizzle
        .insert(adapter.tables.appointments)
        .values(visits.slice(i, i + 500))
        .returning({ id: adapter.tables.appointments.id })
      ids.push(...rows.map((r: { id: number }) => r.id))
    }
    const due = new Date()
    const planned: PlannedMessage[] = ids.map((id, i) => ({
      tenant: world.alpha.id,
      recipient: world.alpha.patient.id,
      event: 'appointment.reminder',
      kind: 'reminder-24h',
      appointment: id,
      scheduledFor: due,
      key: `${id}:reminder-24h:${visits[i]!.start}`,
      details: { start: visits[i]!.start, hours: 24 },
    }))
    for (let i = 0; i < planned.length; i += 500) await planMessages(payload, planned.slice(i, i + 500))

    const started = performance.now()
    while ((await sendDueNotifications(payload)) > 0);
    const seconds = (performance.now() - started) / 1000

    const sentEmails = emailsWritten() - before
    // The benchmark's reminders: those of its visits (the world's own are planned for their days).
    const mine = new Set(ids)
    const { docs: rows } = await payload.find({
      collection: 'notifications',
      where: { kind: { equals: 'reminder-24h' } },
      select: { status: true, appointment: true },
      limit: 0,
      pagination: false,
      depth: 0,
    })
    const benchRows = rows.filter((r) => mine.has(Number(r.appointment)))
    const sent = benchRows.filter((r) => r.status === 'sent').length
    const other = benchRows.length - sent

    // Baseline: the outbox channel alone, the same number of emails, the same message.
    const sample = readdirSync(outboxDir).find((f) => f.endsWith('.eml'))!
    const message = { to: world.alpha.patient.email, subject: 'Reminder: your visit tomorrow', text: sample, html: `<p>${sample}</p>` }
    const baselineStarted = performance.now()
    for (let i = 0; i < REMINDERS; i++) await sendEmailNow(payload, message)
    const baselineSeconds = (performance.now() - baselineStarted) / 1000

    const once = sentEmails === REMINDERS && sent === 2 * REMINDERS && other === 0
    console.log(
      `reminders: ${REMINDERS} reminders due in the same minute (email and inbox: ${2 * REMINDERS} messages) sent in ${seconds.toFixed(1)} s = ${Math.round((2 * REMINDERS) / seconds)} messages/s; emails written ${sentEmails}, messages sent ${sent}, not sent ${other}: ${once ? 'each exactly once' : 'NOT EXACTLY ONCE'}`,
    )
    console.log(
      `reminders: baseline, the outbox channel alone writing ${REMINDERS} emails: ${baselineSeconds.toFixed(1)} s; ratio ${ratio(seconds, baselineSeconds)}`,
    )
    return once
  } finally {
    await server.close()
  }
}
