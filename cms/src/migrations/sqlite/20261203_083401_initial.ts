import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'
import { bookingGuardSql } from '../../scheduling/bookingGuard.ts'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`tenants_domains\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`domain\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`tenants\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`tenants_domains_order_idx\` ON \`tenants_domains\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`tenants_domains_parent_id_idx\` ON \`tenants_domains\` (\`_parent_id\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`tenants_domains_domain_idx\` ON \`tenants_domains\` (\`domain\`);`)
  await db.run(sql`CREATE TABLE \`tenants_home_services\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`price\` numeric NOT NULL,
  	\`minutes\` numeric,
  	\`description\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`tenants\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`tenants_home_services_order_idx\` ON \`tenants_home_services\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`tenants_home_services_parent_id_idx\` ON \`tenants_home_services\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`tenants_home_faq\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`question\` text NOT NULL,
  	\`answer\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`tenants\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`tenants_home_faq_order_idx\` ON \`tenants_home_faq\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`tenants_home_faq_parent_id_idx\` ON \`tenants_home_faq\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`tenants_home_opening_hours\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`day\` text NOT NULL,
  	\`opens\` text NOT NULL,
  	\`closes\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`tenants\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`tenants_home_opening_hours_order_idx\` ON \`tenants_home_opening_hours\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`tenants_home_opening_hours_parent_id_idx\` ON \`tenants_home_opening_hours\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`tenants\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`name\` text NOT NULL,
  	\`slug\` text NOT NULL,
  	\`theme\` text DEFAULT 'default' NOT NULL,
  	\`brand_logo_id\` integer,
  	\`brand_favicon_id\` integer,
  	\`brand_primary_color\` text,
  	\`brand_button_text_color\` text,
  	\`brand_background_color\` text,
  	\`brand_text_color\` text,
  	\`brand_tagline\` text,
  	\`brand_body_font\` text,
  	\`brand_heading_font\` text,
  	\`time_zone\` text DEFAULT 'UTC' NOT NULL,
  	\`locale\` text DEFAULT 'en-GB' NOT NULL,
  	\`currency\` text DEFAULT 'USD' NOT NULL,
  	\`contact_email\` text,
  	\`contact_phone\` text,
  	\`contact_address\` text,
  	\`terms\` text,
  	\`home_hero_heading\` text,
  	\`home_hero_text\` text,
  	\`home_hero_image_id\` integer,
  	\`home_privacy\` text,
  	\`video_join_minutes_before\` numeric DEFAULT 15 NOT NULL,
  	\`video_join_minutes_after\` numeric DEFAULT 60 NOT NULL,
  	\`video_recording_allowed\` integer DEFAULT false,
  	\`booking_policy_cancellation_cutoff_hours\` numeric DEFAULT 24 NOT NULL,
  	\`booking_policy_approval_required\` integer DEFAULT false,
  	\`booking_policy_max_active_holds\` numeric DEFAULT 1,
  	\`booking_policy_max_upcoming_visits\` numeric DEFAULT 5,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`brand_logo_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`brand_favicon_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`home_hero_image_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`tenants_slug_idx\` ON \`tenants\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`tenants_brand_brand_logo_idx\` ON \`tenants\` (\`brand_logo_id\`);`)
  await db.run(sql`CREATE INDEX \`tenants_brand_brand_favicon_idx\` ON \`tenants\` (\`brand_favicon_id\`);`)
  await db.run(sql`CREATE INDEX \`tenants_home_home_hero_image_idx\` ON \`tenants\` (\`home_hero_image_id\`);`)
  await db.run(sql`CREATE INDEX \`tenants_updated_at_idx\` ON \`tenants\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`tenants_created_at_idx\` ON \`tenants\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`users_consents\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`tenant_id\` integer,
  	\`accepted_at\` text,
  	FOREIGN KEY (\`tenant_id\`) REFERENCES \`tenants\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`users_consents_order_idx\` ON \`users_consents\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`users_consents_parent_id_idx\` ON \`users_consents\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`users_consents_tenant_idx\` ON \`users_consents\` (\`tenant_id\`);`)
  await db.run(sql`CREATE TABLE \`users_patient_profile_conditions\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`name\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`users_patient_profile_conditions_order_idx\` ON \`users_patient_profile_conditions\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`users_patient_profile_conditions_parent_id_idx\` ON \`users_patient_profile_conditions\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`users_patient_profile_allergies\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`substance\` text,
  	\`reaction\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`users_patient_profile_allergies_order_idx\` ON \`users_patient_profile_allergies\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`users_patient_profile_allergies_parent_id_idx\` ON \`users_patient_profile_allergies\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`users_patient_profile_medications\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`name\` text,
  	\`dose\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`users_patient_profile_medications_order_idx\` ON \`users_patient_profile_medications\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`users_patient_profile_medications_parent_id_idx\` ON \`users_patient_profile_medications\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`users_tenants\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`tenant_id\` integer NOT NULL,
  	FOREIGN KEY (\`tenant_id\`) REFERENCES \`tenants\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`users_tenants_order_idx\` ON \`users_tenants\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`users_tenants_parent_id_idx\` ON \`users_tenants\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`users_tenants_tenant_idx\` ON \`users_tenants\` (\`tenant_id\`);`)
  await db.run(sql`CREATE TABLE \`users_sessions\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`created_at\` text,
  	\`expires_at\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`users_sessions_order_idx\` ON \`users_sessions\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`users_sessions_parent_id_idx\` ON \`users_sessions\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`users\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`name\` text NOT NULL,
  	\`role\` text DEFAULT 'patient' NOT NULL,
  	\`email_confirmation_token_hash\` text,
  	\`email_confirmation_expires_at\` text,
  	\`patient_profile_date_of_birth\` text,
  	\`patient_profile_sex\` text,
  	\`patient_profile_phone\` text,
  	\`patient_profile_address_line1\` text,
  	\`patient_profile_address_line2\` text,
  	\`patient_profile_address_city\` text,
  	\`patient_profile_address_postal_code\` text,
  	\`patient_profile_address_country\` text,
  	\`patient_profile_emergency_contact_name\` text,
  	\`patient_profile_emergency_contact_relationship\` text,
  	\`patient_profile_emergency_contact_phone\` text,
  	\`patient_profile_preferred_pharmacy\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`email\` text NOT NULL,
  	\`reset_password_token\` text,
  	\`reset_password_expiration\` text,
  	\`salt\` text,
  	\`hash\` text,
  	\`reset_password_requested_at\` text,
  	\`login_attempts\` numeric DEFAULT 0,
  	\`lock_until\` text
  );
  `)
  await db.run(sql`CREATE INDEX \`users_role_idx\` ON \`users\` (\`role\`);`)
  await db.run(sql`CREATE INDEX \`users_email_confirmation_email_confirmation_token_hash_idx\` ON \`users\` (\`email_confirmation_token_hash\`);`)
  await db.run(sql`CREATE INDEX \`users_updated_at_idx\` ON \`users\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`users_created_at_idx\` ON \`users\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`users_email_idx\` ON \`users\` (\`email\`);`)
  await db.run(sql`CREATE TABLE \`doctors_education\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`entry\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`doctors\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`doctors_education_order_idx\` ON \`doctors_education\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`doctors_education_parent_id_idx\` ON \`doctors_education\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`doctors_weekly_hours\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`day\` text NOT NULL,
  	\`start\` text NOT NULL,
  	\`end\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`doctors\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`doctors_weekly_hours_order_idx\` ON \`doctors_weekly_hours\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`doctors_weekly_hours_parent_id_idx\` ON \`doctors_weekly_hours\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`doctors_date_overrides_ranges\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`start\` text NOT NULL,
  	\`end\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`doctors_date_overrides\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`doctors_date_overrides_ranges_order_idx\` ON \`doctors_date_overrides_ranges\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`doctors_date_overrides_ranges_parent_id_idx\` ON \`doctors_date_overrides_ranges\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`doctors_date_overrides\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`date\` text NOT NULL,
  	\`day_off\` integer DEFAULT false,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`doctors\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`doctors_date_overrides_order_idx\` ON \`doctors_date_overrides\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`doctors_date_overrides_parent_id_idx\` ON \`doctors_date_overrides\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`doctors_time_off\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`from\` text NOT NULL,
  	\`to\` text NOT NULL,
  	\`note\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`doctors\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`doctors_time_off_order_idx\` ON \`doctors_time_off\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`doctors_time_off_parent_id_idx\` ON \`doctors_time_off\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`doctors\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`tenant_id\` integer,
  	\`user_id\` integer NOT NULL,
  	\`display_name\` text NOT NULL,
  	\`title\` text,
  	\`bio\` text,
  	\`photo_id\` integer,
  	\`licence_number\` text,
  	\`consultation_fee\` numeric,
  	\`visit_minutes\` numeric DEFAULT 30 NOT NULL,
  	\`time_zone\` text DEFAULT 'UTC' NOT NULL,
  	\`active\` integer DEFAULT true,
  	\`buffer_before_minutes\` numeric DEFAULT 0 NOT NULL,
  	\`buffer_after_minutes\` numeric DEFAULT 0 NOT NULL,
  	\`minimum_notice_minutes\` numeric DEFAULT 120 NOT NULL,
  	\`booking_horizon_days\` numeric DEFAULT 60 NOT NULL,
  	\`daily_maximum\` numeric,
  	\`calendar_feed_hash\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`tenant_id\`) REFERENCES \`tenants\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`user_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`photo_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`doctors_tenant_idx\` ON \`doctors\` (\`tenant_id\`);`)
  await db.run(sql`CREATE INDEX \`doctors_user_idx\` ON \`doctors\` (\`user_id\`);`)
  await db.run(sql`CREATE INDEX \`doctors_photo_idx\` ON \`doctors\` (\`photo_id\`);`)
  await db.run(sql`CREATE INDEX \`doctors_active_idx\` ON \`doctors\` (\`active\`);`)
  await db.run(sql`CREATE INDEX \`doctors_calendar_feed_hash_idx\` ON \`doctors\` (\`calendar_feed_hash\`);`)
  await db.run(sql`CREATE INDEX \`doctors_updated_at_idx\` ON \`doctors\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`doctors_created_at_idx\` ON \`doctors\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`doctors_texts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`text\` text,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`doctors\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`doctors_texts_order_parent\` ON \`doctors_texts\` (\`order\`,\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`media\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`tenant_id\` integer,
  	\`alt\` text NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`url\` text,
  	\`thumbnail_u_r_l\` text,
  	\`filename\` text,
  	\`mime_type\` text,
  	\`filesize\` numeric,
  	\`width\` numeric,
  	\`height\` numeric,
  	\`focal_x\` numeric,
  	\`focal_y\` numeric,
  	\`sizes_icon64_url\` text,
  	\`sizes_icon64_width\` numeric,
  	\`sizes_icon64_height\` numeric,
  	\`sizes_icon64_mime_type\` text,
  	\`sizes_icon64_filesize\` numeric,
  	\`sizes_icon64_filename\` text,
  	\`sizes_icon192_url\` text,
  	\`sizes_icon192_width\` numeric,
  	\`sizes_icon192_height\` numeric,
  	\`sizes_icon192_mime_type\` text,
  	\`sizes_icon192_filesize\` numeric,
  	\`sizes_icon192_filename\` text,
  	\`sizes_icon512_url\` text,
  	\`sizes_icon512_width\` numeric,
  	\`sizes_icon512_height\` numeric,
  	\`sizes_icon512_mime_type\` text,
  	\`sizes_icon512_filesize\` numeric,
  	\`sizes_icon512_filename\` text,
  	\`sizes_header_url\` text,
  	\`sizes_header_width\` numeric,
  	\`sizes_header_height\` numeric,
  	\`sizes_header_mime_type\` text,
  	\`sizes_header_filesize\` numeric,
  	\`sizes_header_filename\` text,
  	FOREIGN KEY (\`tenant_id\`) REFERENCES \`tenants\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`media_tenant_idx\` ON \`media\` (\`tenant_id\`);`)
  await db.run(sql`CREATE INDEX \`media_created_at_idx\` ON \`media\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`media_updated_at_idx\` ON \`media\` (\`updated_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`media_filename_idx\` ON \`media\` (\`filename\`);`)
  await db.run(sql`CREATE INDEX \`media_sizes_icon64_sizes_icon64_filename_idx\` ON \`media\` (\`sizes_icon64_filename\`);`)
  await db.run(sql`CREATE INDEX \`media_sizes_icon192_sizes_icon192_filename_idx\` ON \`media\` (\`sizes_icon192_filename\`);`)
  await db.run(sql`CREATE INDEX \`media_sizes_icon512_sizes_icon512_filename_idx\` ON \`media\` (\`sizes_icon512_filename\`);`)
  await db.run(sql`CREATE INDEX \`media_sizes_header_sizes_header_filename_idx\` ON \`media\` (\`sizes_header_filename\`);`)
  await db.run(sql`CREATE TABLE \`appointments_history\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`at\` text NOT NULL,
  	\`by_id\` integer,
  	\`change\` text NOT NULL,
  	FOREIGN KEY (\`by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`appointments\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`appointments_history_order_idx\` ON \`appointments_history\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`appointments_history_parent_id_idx\` ON \`appointments_history\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`appointments_history_by_idx\` ON \`appointments_history\` (\`by_id\`);`)
  await db.run(sql`CREATE TABLE \`appointments\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`tenant_id\` integer,
  	\`patient_id\` integer NOT NULL,
  	\`doctor_id\` integer NOT NULL,
  	\`start\` text NOT NULL,
  	\`end\` text NOT NULL,
  	\`status\` text DEFAULT 'requested' NOT NULL,
  	\`visit_type\` text DEFAULT 'video' NOT NULL,
  	\`reason\` text,
  	\`visit_notes\` text,
  	\`cancellation_reason\` text,
  	\`recording_consent\` text,
  	\`running_late_minutes\` numeric,
  	\`running_late_set_at\` text,
  	\`blocking\` integer,
  	\`blocked_start\` text,
  	\`blocked_end\` text,
  	\`hold_expires_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`tenant_id\`) REFERENCES \`tenants\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`patient_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`doctor_id\`) REFERENCES \`doctors\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`appointments_tenant_idx\` ON \`appointments\` (\`tenant_id\`);`)
  await db.run(sql`CREATE INDEX \`appointments_patient_idx\` ON \`appointments\` (\`patient_id\`);`)
  await db.run(sql`CREATE INDEX \`appointments_doctor_idx\` ON \`appointments\` (\`doctor_id\`);`)
  await db.run(sql`CREATE INDEX \`appointments_start_idx\` ON \`appointments\` (\`start\`);`)
  await db.run(sql`CREATE INDEX \`appointments_status_idx\` ON \`appointments\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`appointments_blocking_idx\` ON \`appointments\` (\`blocking\`);`)
  await db.run(sql`CREATE INDEX \`appointments_blocked_start_idx\` ON \`appointments\` (\`blocked_start\`);`)
  await db.run(sql`CREATE INDEX \`appointments_hold_expires_at_idx\` ON \`appointments\` (\`hold_expires_at\`);`)
  await db.run(sql`CREATE INDEX \`appointments_updated_at_idx\` ON \`appointments\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`appointments_created_at_idx\` ON \`appointments\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`doctor_blockedEnd_idx\` ON \`appointments\` (\`doctor_id\`,\`blocked_end\`);`)
  await db.run(sql`CREATE INDEX \`doctor_end_idx\` ON \`appointments\` (\`doctor_id\`,\`end\`);`)
  await db.run(sql`CREATE INDEX \`patient_end_idx\` ON \`appointments\` (\`patient_id\`,\`end\`);`)
  await db.run(sql`CREATE TABLE \`records_previous_files\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`filename\` text NOT NULL,
  	\`mime_type\` text,
  	\`filesize\` numeric,
  	\`uploaded_by_id\` integer,
  	\`replaced_at\` text NOT NULL,
  	\`replaced_by_id\` integer,
  	FOREIGN KEY (\`uploaded_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`replaced_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`records\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`records_previous_files_order_idx\` ON \`records_previous_files\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`records_previous_files_parent_id_idx\` ON \`records_previous_files\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`records_previous_files_uploaded_by_idx\` ON \`records_previous_files\` (\`uploaded_by_id\`);`)
  await db.run(sql`CREATE INDEX \`records_previous_files_replaced_by_idx\` ON \`records_previous_files\` (\`replaced_by_id\`);`)
  await db.run(sql`CREATE TABLE \`records\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`tenant_id\` integer,
  	\`title\` text NOT NULL,
  	\`kind\` text DEFAULT 'other' NOT NULL,
  	\`patient_id\` integer NOT NULL,
  	\`appointment_id\` integer,
  	\`uploaded_by_id\` integer,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`url\` text,
  	\`thumbnail_u_r_l\` text,
  	\`filename\` text,
  	\`mime_type\` text,
  	\`filesize\` numeric,
  	\`width\` numeric,
  	\`height\` numeric,
  	FOREIGN KEY (\`tenant_id\`) REFERENCES \`tenants\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`patient_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`appointment_id\`) REFERENCES \`appointments\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`uploaded_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`records_tenant_idx\` ON \`records\` (\`tenant_id\`);`)
  await db.run(sql`CREATE INDEX \`records_patient_idx\` ON \`records\` (\`patient_id\`);`)
  await db.run(sql`CREATE INDEX \`records_appointment_idx\` ON \`records\` (\`appointment_id\`);`)
  await db.run(sql`CREATE INDEX \`records_uploaded_by_idx\` ON \`records\` (\`uploaded_by_id\`);`)
  await db.run(sql`CREATE INDEX \`records_created_at_idx\` ON \`records\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`records_updated_at_idx\` ON \`records\` (\`updated_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`records_filename_idx\` ON \`records\` (\`filename\`);`)
  await db.run(sql`CREATE TABLE \`prescriptions\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`tenant_id\` integer,
  	\`patient_id\` integer NOT NULL,
  	\`doctor_id\` integer NOT NULL,
  	\`appointment_id\` integer,
  	\`medication_name\` text NOT NULL,
  	\`medication_code\` text,
  	\`medication_strength\` text,
  	\`medication_form\` text,
  	\`summary\` text,
  	\`directions\` text NOT NULL,
  	\`quantity\` numeric NOT NULL,
  	\`refills\` numeric DEFAULT 0 NOT NULL,
  	\`pharmacy\` text,
  	\`status\` text DEFAULT 'draft' NOT NULL,
  	\`signed_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`tenant_id\`) REFERENCES \`tenants\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`patient_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`doctor_id\`) REFERENCES \`doctors\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`appointment_id\`) REFERENCES \`appointments\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`prescriptions_tenant_idx\` ON \`prescriptions\` (\`tenant_id\`);`)
  await db.run(sql`CREATE INDEX \`prescriptions_patient_idx\` ON \`prescriptions\` (\`patient_id\`);`)
  await db.run(sql`CREATE INDEX \`prescriptions_doctor_idx\` ON \`prescriptions\` (\`doctor_id\`);`)
  await db.run(sql`CREATE INDEX \`prescriptions_appointment_idx\` ON \`prescriptions\` (\`appointment_id\`);`)
  await db.run(sql`CREATE INDEX \`prescriptions_status_idx\` ON \`prescriptions\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`prescriptions_updated_at_idx\` ON \`prescriptions\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`prescriptions_created_at_idx\` ON \`prescriptions\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`notifications\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`tenant_id\` integer,
  	\`recipient_id\` integer NOT NULL,
  	\`channel\` text DEFAULT 'email' NOT NULL,
  	\`event\` text NOT NULL,
  	\`subject\` text NOT NULL,
  	\`body\` text,
  	\`status\` text DEFAULT 'scheduled' NOT NULL,
  	\`scheduled_for\` text,
  	\`sent_at\` text,
  	\`error\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`tenant_id\`) REFERENCES \`tenants\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`recipient_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`notifications_tenant_idx\` ON \`notifications\` (\`tenant_id\`);`)
  await db.run(sql`CREATE INDEX \`notifications_recipient_idx\` ON \`notifications\` (\`recipient_id\`);`)
  await db.run(sql`CREATE INDEX \`notifications_status_idx\` ON \`notifications\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`notifications_scheduled_for_idx\` ON \`notifications\` (\`scheduled_for\`);`)
  await db.run(sql`CREATE INDEX \`notifications_updated_at_idx\` ON \`notifications\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`notifications_created_at_idx\` ON \`notifications\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`visit_messages\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`tenant_id\` integer,
  	\`appointment_id\` integer NOT NULL,
  	\`patient_id\` integer NOT NULL,
  	\`sender_id\` integer NOT NULL,
  	\`body\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`tenant_id\`) REFERENCES \`tenants\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`appointment_id\`) REFERENCES \`appointments\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`patient_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`sender_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`visit_messages_tenant_idx\` ON \`visit_messages\` (\`tenant_id\`);`)
  await db.run(sql`CREATE INDEX \`visit_messages_appointment_idx\` ON \`visit_messages\` (\`appointment_id\`);`)
  await db.run(sql`CREATE INDEX \`visit_messages_patient_idx\` ON \`visit_messages\` (\`patient_id\`);`)
  await db.run(sql`CREATE INDEX \`visit_messages_sender_idx\` ON \`visit_messages\` (\`sender_id\`);`)
  await db.run(sql`CREATE INDEX \`visit_messages_updated_at_idx\` ON \`visit_messages\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`visit_messages_created_at_idx\` ON \`visit_messages\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`visit_attendance\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`tenant_id\` integer,
  	\`appointment_id\` integer NOT NULL,
  	\`patient_id\` integer NOT NULL,
  	\`user_id\` integer,
  	\`guest_id\` integer,
  	\`role\` text NOT NULL,
  	\`source\` text NOT NULL,
  	\`joined_at\` text NOT NULL,
  	\`left_at\` text,
  	\`seconds\` numeric,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`tenant_id\`) REFERENCES \`tenants\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`appointment_id\`) REFERENCES \`appointments\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`patient_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`user_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`guest_id\`) REFERENCES \`visit_guests\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`visit_attendance_tenant_idx\` ON \`visit_attendance\` (\`tenant_id\`);`)
  await db.run(sql`CREATE INDEX \`visit_attendance_appointment_idx\` ON \`visit_attendance\` (\`appointment_id\`);`)
  await db.run(sql`CREATE INDEX \`visit_attendance_patient_idx\` ON \`visit_attendance\` (\`patient_id\`);`)
  await db.run(sql`CREATE INDEX \`visit_attendance_user_idx\` ON \`visit_attendance\` (\`user_id\`);`)
  await db.run(sql`CREATE INDEX \`visit_attendance_guest_idx\` ON \`visit_attendance\` (\`guest_id\`);`)
  await db.run(sql`CREATE INDEX \`visit_attendance_updated_at_idx\` ON \`visit_attendance\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`visit_attendance_created_at_idx\` ON \`visit_attendance\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`visit_guests\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`tenant_id\` integer,
  	\`appointment_id\` integer NOT NULL,
  	\`patient_id\` integer NOT NULL,
  	\`name\` text NOT NULL,
  	\`token_hash\` text NOT NULL,
  	\`key_hash\` text,
  	\`redeemed_at\` text,
  	\`revoked_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`tenant_id\`) REFERENCES \`tenants\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`appointment_id\`) REFERENCES \`appointments\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`patient_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`visit_guests_tenant_idx\` ON \`visit_guests\` (\`tenant_id\`);`)
  await db.run(sql`CREATE INDEX \`visit_guests_appointment_idx\` ON \`visit_guests\` (\`appointment_id\`);`)
  await db.run(sql`CREATE INDEX \`visit_guests_patient_idx\` ON \`visit_guests\` (\`patient_id\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`visit_guests_token_hash_idx\` ON \`visit_guests\` (\`token_hash\`);`)
  await db.run(sql`CREATE INDEX \`visit_guests_updated_at_idx\` ON \`visit_guests\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`visit_guests_created_at_idx\` ON \`visit_guests\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`audit_log\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`actor_id\` integer,
  	\`role\` text NOT NULL,
  	\`action\` text NOT NULL,
  	\`resource\` text NOT NULL,
  	\`tenant_id\` integer,
  	\`ip\` text,
  	\`user_agent\` text,
  	\`note\` text,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`actor_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`tenant_id\`) REFERENCES \`tenants\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`audit_log_actor_idx\` ON \`audit_log\` (\`actor_id\`);`)
  await db.run(sql`CREATE INDEX \`audit_log_action_idx\` ON \`audit_log\` (\`action\`);`)
  await db.run(sql`CREATE INDEX \`audit_log_resource_idx\` ON \`audit_log\` (\`resource\`);`)
  await db.run(sql`CREATE INDEX \`audit_log_tenant_idx\` ON \`audit_log\` (\`tenant_id\`);`)
  await db.run(sql`CREATE INDEX \`audit_log_created_at_idx\` ON \`audit_log\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`audit_log_updated_at_idx\` ON \`audit_log\` (\`updated_at\`);`)
  await db.run(sql`CREATE TABLE \`audit_log_texts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`text\` text,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`audit_log\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`audit_log_texts_order_parent\` ON \`audit_log_texts\` (\`order\`,\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`audit_log_texts_text_idx\` ON \`audit_log_texts\` (\`text\`);`)
  await db.run(sql`CREATE TABLE \`idempotency_records\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`key\` text NOT NULL,
  	\`status\` numeric,
  	\`body\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`idempotency_records_key_idx\` ON \`idempotency_records\` (\`key\`);`)
  await db.run(sql`CREATE INDEX \`idempotency_records_updated_at_idx\` ON \`idempotency_records\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`idempotency_records_created_at_idx\` ON \`idempotency_records\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`payload_kv\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`key\` text NOT NULL,
  	\`data\` text NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`payload_kv_key_idx\` ON \`payload_kv\` (\`key\`);`)
  await db.run(sql`CREATE TABLE \`payload_locked_documents\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`global_slug\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_global_slug_idx\` ON \`payload_locked_documents\` (\`global_slug\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_updated_at_idx\` ON \`payload_locked_documents\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_created_at_idx\` ON \`payload_locked_documents\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`payload_locked_documents_rels\` (
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
  await db.run(sql`CREATE TABLE \`payload_preferences\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`key\` text,
  	\`value\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_preferences_key_idx\` ON \`payload_preferences\` (\`key\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_updated_at_idx\` ON \`payload_preferences\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_created_at_idx\` ON \`payload_preferences\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`payload_preferences_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`users_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_preferences\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_order_idx\` ON \`payload_preferences_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_parent_idx\` ON \`payload_preferences_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_path_idx\` ON \`payload_preferences_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_users_id_idx\` ON \`payload_preferences_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE TABLE \`payload_migrations\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`name\` text,
  	\`batch\` numeric,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_migrations_updated_at_idx\` ON \`payload_migrations\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_migrations_created_at_idx\` ON \`payload_migrations\` (\`created_at\`);`)
  // The double-booking guard, which the schema generator does not know (cms/scripts/migrations/withBookingGuard.ts).
  for (const statement of bookingGuardSql('sqlite')) await db.run(sql.raw(statement))
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`tenants_domains\`;`)
  await db.run(sql`DROP TABLE \`tenants_home_services\`;`)
  await db.run(sql`DROP TABLE \`tenants_home_faq\`;`)
  await db.run(sql`DROP TABLE \`tenants_home_opening_hours\`;`)
  await db.run(sql`DROP TABLE \`tenants\`;`)
  await db.run(sql`DROP TABLE \`users_consents\`;`)
  await db.run(sql`DROP TABLE \`users_patient_profile_conditions\`;`)
  await db.run(sql`DROP TABLE \`users_patient_profile_allergies\`;`)
  await db.run(sql`DROP TABLE \`users_patient_profile_medications\`;`)
  await db.run(sql`DROP TABLE \`users_tenants\`;`)
  await db.run(sql`DROP TABLE \`users_sessions\`;`)
  await db.run(sql`DROP TABLE \`users\`;`)
  await db.run(sql`DROP TABLE \`doctors_education\`;`)
  await db.run(sql`DROP TABLE \`doctors_weekly_hours\`;`)
  await db.run(sql`DROP TABLE \`doctors_date_overrides_ranges\`;`)
  await db.run(sql`DROP TABLE \`doctors_date_overrides\`;`)
  await db.run(sql`DROP TABLE \`doctors_time_off\`;`)
  await db.run(sql`DROP TABLE \`doctors\`;`)
  await db.run(sql`DROP TABLE \`doctors_texts\`;`)
  await db.run(sql`DROP TABLE \`media\`;`)
  await db.run(sql`DROP TABLE \`appointments_history\`;`)
  await db.run(sql`DROP TABLE \`appointments\`;`)
  await db.run(sql`DROP TABLE \`records_previous_files\`;`)
  await db.run(sql`DROP TABLE \`records\`;`)
  await db.run(sql`DROP TABLE \`prescriptions\`;`)
  await db.run(sql`DROP TABLE \`notifications\`;`)
  await db.run(sql`DROP TABLE \`visit_messages\`;`)
  await db.run(sql`DROP TABLE \`visit_attendance\`;`)
  await db.run(sql`DROP TABLE \`visit_guests\`;`)
  await db.run(sql`DROP TABLE \`audit_log\`;`)
  await db.run(sql`DROP TABLE \`audit_log_texts\`;`)
  await db.run(sql`DROP TABLE \`idempotency_records\`;`)
  await db.run(sql`DROP TABLE \`payload_kv\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_preferences\`;`)
  await db.run(sql`DROP TABLE \`payload_preferences_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_migrations\`;`)
}
