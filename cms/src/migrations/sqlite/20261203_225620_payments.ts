import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'
// Edited after generation: the generator adds the locked-documents columns without the ON DELETE cascade the push gives them.
import { bookingGuardSql } from '../../scheduling/bookingGuard.ts'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`payments_refunds\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`refund_id\` text NOT NULL,
  	\`key\` text NOT NULL,
  	\`amount\` numeric NOT NULL,
  	\`reason\` text NOT NULL,
  	\`status\` text NOT NULL,
  	\`at\` text NOT NULL,
  	\`by_id\` integer,
  	FOREIGN KEY (\`by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`payments\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`payments_refunds_order_idx\` ON \`payments_refunds\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`payments_refunds_parent_id_idx\` ON \`payments_refunds\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payments_refunds_by_idx\` ON \`payments_refunds\` (\`by_id\`);`)
  await db.run(sql`CREATE TABLE \`payments_history\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`at\` text NOT NULL,
  	\`by_id\` integer,
  	\`change\` text NOT NULL,
  	FOREIGN KEY (\`by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`payments\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`payments_history_order_idx\` ON \`payments_history\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`payments_history_parent_id_idx\` ON \`payments_history\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payments_history_by_idx\` ON \`payments_history\` (\`by_id\`);`)
  await db.run(sql`CREATE TABLE \`payments\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`tenant_id\` integer,
  	\`patient_id\` integer NOT NULL,
  	\`appointment_id\` integer,
  	\`doctor_id\` integer NOT NULL,
  	\`visit_start\` text NOT NULL,
  	\`visit_end\` text NOT NULL,
  	\`visit_type\` text NOT NULL,
  	\`amount\` numeric NOT NULL,
  	\`currency\` text NOT NULL,
  	\`provider\` text NOT NULL,
  	\`status\` text NOT NULL,
  	\`amount_refunded\` numeric DEFAULT 0 NOT NULL,
  	\`checkout_id\` text,
  	\`checkout_url\` text,
  	\`checkout_expires_at\` text,
  	\`payment_ref\` text,
  	\`paid_at\` text,
  	\`disputed\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`tenant_id\`) REFERENCES \`tenants\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`patient_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`appointment_id\`) REFERENCES \`appointments\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`doctor_id\`) REFERENCES \`doctors\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`payments_tenant_idx\` ON \`payments\` (\`tenant_id\`);`)
  await db.run(sql`CREATE INDEX \`payments_patient_idx\` ON \`payments\` (\`patient_id\`);`)
  await db.run(sql`CREATE INDEX \`payments_appointment_idx\` ON \`payments\` (\`appointment_id\`);`)
  await db.run(sql`CREATE INDEX \`payments_doctor_idx\` ON \`payments\` (\`doctor_id\`);`)
  await db.run(sql`CREATE INDEX \`payments_status_idx\` ON \`payments\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`payments_payment_ref_idx\` ON \`payments\` (\`payment_ref\`);`)
  await db.run(sql`CREATE INDEX \`payments_updated_at_idx\` ON \`payments\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payments_created_at_idx\` ON \`payments\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`provider_checkoutId_idx\` ON \`payments\` (\`provider\`,\`checkout_id\`);`)
  await db.run(sql`CREATE INDEX \`status_checkoutExpiresAt_idx\` ON \`payments\` (\`status\`,\`checkout_expires_at\`);`)
  await db.run(sql`CREATE TABLE \`payment_events\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`key\` text NOT NULL,
  	\`provider\` text NOT NULL,
  	\`tenant_id\` integer NOT NULL,
  	\`type\` text NOT NULL,
  	\`event\` text NOT NULL,
  	\`processed_at\` text,
  	\`outcome\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`tenant_id\`) REFERENCES \`tenants\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`payment_events_key_idx\` ON \`payment_events\` (\`key\`);`)
  await db.run(sql`CREATE INDEX \`payment_events_tenant_idx\` ON \`payment_events\` (\`tenant_id\`);`)
  await db.run(sql`CREATE INDEX \`payment_events_updated_at_idx\` ON \`payment_events\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payment_events_created_at_idx\` ON \`payment_events\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`payload_jobs_log\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`executed_at\` text NOT NULL,
  	\`completed_at\` text NOT NULL,
  	\`task_slug\` text NOT NULL,
  	\`task_i_d\` text NOT NULL,
  	\`input\` text,
  	\`output\` text,
  	\`state\` text NOT NULL,
  	\`error\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`payload_jobs\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_jobs_log_order_idx\` ON \`payload_jobs_log\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_log_parent_id_idx\` ON \`payload_jobs_log\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`payload_jobs\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`input\` text,
  	\`completed_at\` text,
  	\`total_tried\` numeric DEFAULT 0,
  	\`has_error\` integer DEFAULT false,
  	\`error\` text,
  	\`task_slug\` text,
  	\`queue\` text DEFAULT 'default',
  	\`wait_until\` text,
  	\`processing\` integer DEFAULT false,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_jobs_completed_at_idx\` ON \`payload_jobs\` (\`completed_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_total_tried_idx\` ON \`payload_jobs\` (\`total_tried\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_has_error_idx\` ON \`payload_jobs\` (\`has_error\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_task_slug_idx\` ON \`payload_jobs\` (\`task_slug\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_queue_idx\` ON \`payload_jobs\` (\`queue\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_wait_until_idx\` ON \`payload_jobs\` (\`wait_until\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_processing_idx\` ON \`payload_jobs\` (\`processing\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_updated_at_idx\` ON \`payload_jobs\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_created_at_idx\` ON \`payload_jobs\` (\`created_at\`);`)
  await db.run(sql`ALTER TABLE \`tenants\` ADD \`payment_policy_pay_when_booking\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`tenants\` ADD \`payment_policy_default_fee\` numeric;`)
  await db.run(sql`ALTER TABLE \`tenants\` ADD \`payment_policy_full_refund_hours\` numeric DEFAULT 24 NOT NULL;`)
  await db.run(sql`ALTER TABLE \`tenants\` ADD \`payment_policy_late_refund_percent\` numeric DEFAULT 0 NOT NULL;`)
  await db.run(sql`ALTER TABLE \`tenants\` ADD \`providers_payments\` text;`)
  await db.run(sql`ALTER TABLE \`tenants\` ADD \`plugin_settings_payments_stripe_secret_key\` text;`)
  await db.run(sql`ALTER TABLE \`tenants\` ADD \`plugin_settings_payments_stripe_webhook_secret\` text;`)
  await db.run(sql`ALTER TABLE \`doctors\` ADD \`chat_fee\` numeric;`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`payments_id\` integer REFERENCES payments(id) ON DELETE cascade;`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`payment_events_id\` integer REFERENCES payment_events(id) ON DELETE cascade;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_payments_id_idx\` ON \`payload_locked_documents_rels\` (\`payments_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_payment_events_id_idx\` ON \`payload_locked_documents_rels\` (\`payment_events_id\`);`)
  // The double-booking guard, which the schema generator does not know (cms/scripts/migrations/withBookingGuard.ts).
  for (const statement of bookingGuardSql('sqlite')) await db.run(sql.raw(statement))
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`payments_refunds\`;`)
  await db.run(sql`DROP TABLE \`payments_history\`;`)
  await db.run(sql`DROP TABLE \`payments\`;`)
  await db.run(sql`DROP TABLE \`payment_events\`;`)
  await db.run(sql`DROP TABLE \`payload_jobs_log\`;`)
  await db.run(sql`DROP TABLE \`payload_jobs\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_payload_locked_documents_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`tenants_id\` integer,
  	\`users_id\` integer,
  	\`doctors_id\` integer,
  	\`media_id\` integer,
  	\`appointments_id\` integer,
  	\`records_id\` integer,
  	\`prescriptions_id\` integer,
  	\`notifications_id\` integer,
  	\`visit_messages_id\` integer,
  	\`visit_attendance_id\` integer,
  	\`visit_guests_id\` integer,
  	\`audit_log_id\` integer,
  	\`idempotency_records_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`tenants_id\`) REFERENCES \`tenants\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`doctors_id\`) REFERENCES \`doctors\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`appointments_id\`) REFERENCES \`appointments\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`records_id\`) REFERENCES \`records\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`prescriptions_id\`) REFERENCES \`prescriptions\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`notifications_id\`) REFERENCES \`notifications\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`visit_messages_id\`) REFERENCES \`visit_messages\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`visit_attendance_id\`) REFERENCES \`visit_attendance\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`visit_guests_id\`) REFERENCES \`visit_guests\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`audit_log_id\`) REFERENCES \`audit_log\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`idempotency_records_id\`) REFERENCES \`idempotency_records\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "tenants_id", "users_id", "doctors_id", "media_id", "appointments_id", "records_id", "prescriptions_id", "notifications_id", "visit_messages_id", "visit_attendance_id", "visit_guests_id", "audit_log_id", "idempotency_records_id") SELECT "id", "order", "parent_id", "path", "tenants_id", "users_id", "doctors_id", "media_id", "appointments_id", "records_id", "prescriptions_id", "notifications_id", "visit_messages_id", "visit_attendance_id", "visit_guests_id", "audit_log_id", "idempotency_records_id" FROM \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_order_idx\` ON \`payload_locked_documents_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_parent_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_path_idx\` ON \`payload_locked_documents_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_tenants_id_idx\` ON \`payload_locked_documents_rels\` (\`tenants_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_doctors_id_idx\` ON \`payload_locked_documents_rels\` (\`doctors_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_media_id_idx\` ON \`payload_locked_documents_rels\` (\`media_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_appointments_id_idx\` ON \`payload_locked_documents_rels\` (\`appointments_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_records_id_idx\` ON \`payload_locked_documents_rels\` (\`records_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_prescriptions_id_idx\` ON \`payload_locked_documents_rels\` (\`prescriptions_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_notifications_id_idx\` ON \`payload_locked_documents_rels\` (\`notifications_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_visit_messages_id_idx\` ON \`payload_locked_documents_rels\` (\`visit_messages_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_visit_attendance_id_idx\` ON \`payload_locked_documents_rels\` (\`visit_attendance_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_visit_guests_id_idx\` ON \`payload_locked_documents_rels\` (\`visit_guests_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_audit_log_id_idx\` ON \`payload_locked_documents_rels\` (\`audit_log_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_idempotency_records_id_idx\` ON \`payload_locked_documents_rels\` (\`idempotency_records_id\`);`)
  await db.run(sql`ALTER TABLE \`tenants\` DROP COLUMN \`payment_policy_pay_when_booking\`;`)
  await db.run(sql`ALTER TABLE \`tenants\` DROP COLUMN \`payment_policy_default_fee\`;`)
  await db.run(sql`ALTER TABLE \`tenants\` DROP COLUMN \`payment_policy_full_refund_hours\`;`)
  await db.run(sql`ALTER TABLE \`tenants\` DROP COLUMN \`payment_policy_late_refund_percent\`;`)
  await db.run(sql`ALTER TABLE \`tenants\` DROP COLUMN \`providers_payments\`;`)
  await db.run(sql`ALTER TABLE \`tenants\` DROP COLUMN \`plugin_settings_payments_stripe_secret_key\`;`)
  await db.run(sql`ALTER TABLE \`tenants\` DROP COLUMN \`plugin_settings_payments_stripe_webhook_secret\`;`)
  await db.run(sql`ALTER TABLE \`doctors\` DROP COLUMN \`chat_fee\`;`)
}
