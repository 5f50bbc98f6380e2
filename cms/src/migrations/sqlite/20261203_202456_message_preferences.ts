import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`tenants_notifications_turned_off\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`tenants\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`tenants_notifications_turned_off_order_idx\` ON \`tenants_notifications_turned_off\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`tenants_notifications_turned_off_parent_idx\` ON \`tenants_notifications_turned_off\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`tenants_notifications_always_by_email\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`tenants\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`tenants_notifications_always_by_email_order_idx\` ON \`tenants_notifications_always_by_email\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`tenants_notifications_always_by_email_parent_idx\` ON \`tenants_notifications_always_by_email\` (\`parent_id\`);`)
  await db.run(sql`ALTER TABLE \`users\` ADD \`message_preferences\` text;`)
  await db.run(sql`ALTER TABLE \`users\` ADD \`time_zone\` text;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`tenants_notifications_turned_off\`;`)
  await db.run(sql`DROP TABLE \`tenants_notifications_always_by_email\`;`)
  await db.run(sql`ALTER TABLE \`users\` DROP COLUMN \`message_preferences\`;`)
  await db.run(sql`ALTER TABLE \`users\` DROP COLUMN \`time_zone\`;`)
}
