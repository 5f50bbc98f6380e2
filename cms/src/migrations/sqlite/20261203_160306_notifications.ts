import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`tenants_notifications_templates\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`event\` text NOT NULL,
  	\`part\` text NOT NULL,
  	\`source\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`tenants\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`tenants_notifications_templates_order_idx\` ON \`tenants_notifications_templates\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`tenants_notifications_templates_parent_id_idx\` ON \`tenants_notifications_templates\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`tenants_numbers\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`number\` numeric,
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`tenants\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`tenants_numbers_order_parent_idx\` ON \`tenants_numbers\` (\`order\`,\`parent_id\`);`)
  // Edited by hand: the generator leaves out the ON DELETE of a reference added to an existing table (the drift test caught it).
  await db.run(sql`ALTER TABLE \`notifications\` ADD \`appointment_id\` integer REFERENCES appointments(id) ON DELETE set null;`)
  await db.run(sql`ALTER TABLE \`notifications\` ADD \`kind\` text;`)
  await db.run(sql`ALTER TABLE \`notifications\` ADD \`dedupe_key\` text;`)
  await db.run(sql`ALTER TABLE \`notifications\` ADD \`details\` text;`)
  await db.run(sql`ALTER TABLE \`notifications\` ADD \`attempts\` numeric DEFAULT 0;`)
  await db.run(sql`ALTER TABLE \`notifications\` ADD \`decision\` text;`)
  await db.run(sql`ALTER TABLE \`notifications\` ADD \`read_at\` text;`)
  await db.run(sql`CREATE INDEX \`notifications_appointment_idx\` ON \`notifications\` (\`appointment_id\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`notifications_dedupe_key_idx\` ON \`notifications\` (\`dedupe_key\`);`)
  await db.run(sql`CREATE INDEX \`notifications_read_at_idx\` ON \`notifications\` (\`read_at\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`tenants_notifications_templates\`;`)
  await db.run(sql`DROP TABLE \`tenants_numbers\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_notifications\` (
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
  await db.run(sql`INSERT INTO \`__new_notifications\`("id", "tenant_id", "recipient_id", "channel", "event", "subject", "body", "status", "scheduled_for", "sent_at", "error", "updated_at", "created_at") SELECT "id", "tenant_id", "recipient_id", "channel", "event", "subject", "body", "status", "scheduled_for", "sent_at", "error", "updated_at", "created_at" FROM \`notifications\`;`)
  await db.run(sql`DROP TABLE \`notifications\`;`)
  await db.run(sql`ALTER TABLE \`__new_notifications\` RENAME TO \`notifications\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`notifications_tenant_idx\` ON \`notifications\` (\`tenant_id\`);`)
  await db.run(sql`CREATE INDEX \`notifications_recipient_idx\` ON \`notifications\` (\`recipient_id\`);`)
  await db.run(sql`CREATE INDEX \`notifications_status_idx\` ON \`notifications\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`notifications_scheduled_for_idx\` ON \`notifications\` (\`scheduled_for\`);`)
  await db.run(sql`CREATE INDEX \`notifications_updated_at_idx\` ON \`notifications\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`notifications_created_at_idx\` ON \`notifications\` (\`created_at\`);`)
}
