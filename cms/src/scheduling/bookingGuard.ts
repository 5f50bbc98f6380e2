import type { Payload } from 'payload'
import { sql } from '@payloadcms/db-sqlite'

/** The database's refusal, recognisable in any adapter's error message. */
export const DOCTOR_OVERLAP = 'appointment_doctor_overlap'
export const PATIENT_OVERLAP = 'appointment_patient_overlap'

const sqliteTriggers = (event: 'INSERT' | 'UPDATE') => {
  // Payload's SQLite adapter updates with INSERT ... ON CONFLICT DO UPDATE, so the
  // INSERT trigger sees updates too: never compare a row with itself (IS NOT copes with a NULL new id).
  const notSelf = 'AND a.id IS NOT NEW.id'
  return `
CREATE TRIGGER IF NOT EXISTS appointments_no_overlap_${event.toLowerCase()}
BEFORE ${event} ON appointments
WHEN NEW.blocking = 1
BEGIN
  SELECT RAISE(ABORT, '${DOCTOR_OVERLAP}') WHERE EXISTS (
    SELECT 1 FROM appointments a WHERE a.blocking = 1 ${notSelf}
      AND a.doctor_id = NEW.doctor_id AND a.blocked_start < NEW.blocked_end AND a.blocked_end > NEW.blocked_start);
  SELECT RAISE(ABORT, '${PATIENT_OVERLAP}') WHERE EXISTS (
    SELECT 1 FROM appointments a WHERE a.blocking = 1 ${notSelf}
      AND a.patient_id = NEW.patient_id AND a."start" < NEW."end" AND a."end" > NEW."start");
END;`
}

const postgresConstraints = [
  'CREATE EXTENSION IF NOT EXISTS btree_gist',
  `DO $$ BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = '${DOCTOR_OVERLAP}') THEN
      ALTER TABLE appointments ADD CONSTRAINT ${DOCTOR_OVERLAP}
        EXCLUDE USING gist (doctor_id WITH =, tstzrange(blocked_start, blocked_end) WITH &&) WHERE (blocking);
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = '${PATIENT_OVERLAP}') THEN
      ALTER TABLE appointments ADD CONSTRAINT ${PATIENT_OVERLAP}
        EXCLUDE USING gist (patient_id WITH =, tstzrange("start", "end") WITH &&) WHERE (blocking);
    END IF;
  END $$`,
]

/**
 * The statements that install the guard (idempotent): the one source for both
 * the development push (installBookingGuard) and the migrations that install it.
 */
export function bookingGuardSql(dialect: 'sqlite' | 'postgres'): string[] {
  return dialect === 'sqlite' ? [sqliteTriggers('INSERT'), sqliteTriggers('UPDATE')] : postgresConstraints
}

/** The statements that remove the guard (a migration's `down`). */
export function dropBookingGuardSql(dialect: 'sqlite' | 'postgres'): string[] {
  return dialect === 'sqlite'
    ? ['DROP TRIGGER IF EXISTS appointments_no_overlap_insert', 'DROP TRIGGER IF EXISTS appointments_no_overlap_update']
    : [
        `ALTER TABLE appointments DROP CONSTRAINT IF EXISTS ${DOCTOR_OVERLAP}`,
        `ALTER TABLE appointments DROP CONSTRAINT IF EXISTS ${PATIENT_OVERLAP}`,
      ]
}

/**
 * Makes double booking impossible in the database itself, whatever path writes
 * (booking endpoint, admin panel, import, a second server process): on
 * PostgreSQL two exclusion constraints, on SQLite two triggers (SQLite runs one
 * writer at a time, so the trigger's check and the write are atomic).
 * Idempotent; run after every schema push, since SQLite rebuilds tables on change.
 * With migrations (production), the migrations install it (docs/migrations.md).
 */
export async function installBookingGuard(payload: Payload): Promise<void> {
  const db = payload.db as unknown as {
    name: string
    drizzle?: { run?: (q: unknown) => Promise<unknown>; execute?: (q: unknown) => Promise<unknown> }
  }
  if (db.name === 'sqlite') {
    for (const statement of bookingGuardSql('sqlite')) await db.drizzle!.run!(sql.raw(statement))
  } else if (db.name === 'postgres') {
    for (const statement of bookingGuardSql('postgres')) await db.drizzle!.execute!(sql.raw(statement))
  } else {
    payload.logger.warn(`No database-level double-booking guard for the ${db.name} adapter yet: only the application check applies.`)
  }
}

/** True when `error` is the database refusing an overlapping visit. */
export function overlapKind(error: unknown): 'doctor' | 'patient' | null {
  const text =
    String((error as { message?: string })?.message ?? '') + String((error as { cause?: { message?: string } })?.cause?.message ?? '')
  if (text.includes(DOCTOR_OVERLAP)) return 'doctor'
  if (text.includes(PATIENT_OVERLAP)) return 'patient'
  return null
}
