import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_tenants_notifications_turned_off" AS ENUM('account.created', 'appointment.booked', 'appointment.confirmed', 'appointment.reminder', 'appointment.starting', 'chat.message', 'record.shared', 'prescription.signed', 'prescription.sent', 'payment.receipt', 'payment.refund');
  CREATE TYPE "public"."enum_tenants_notifications_always_by_email" AS ENUM('appointment.reminder', 'appointment.starting', 'chat.message', 'record.shared', 'prescription.signed', 'prescription.sent', 'payment.receipt', 'payment.refund', 'announcement');
  CREATE TABLE "tenants_notifications_turned_off" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_tenants_notifications_turned_off",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "tenants_notifications_always_by_email" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_tenants_notifications_always_by_email",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  ALTER TABLE "users" ADD COLUMN "message_preferences" jsonb;
  ALTER TABLE "users" ADD COLUMN "time_zone" varchar;
  ALTER TABLE "tenants_notifications_turned_off" ADD CONSTRAINT "tenants_notifications_turned_off_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "tenants_notifications_always_by_email" ADD CONSTRAINT "tenants_notifications_always_by_email_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "tenants_notifications_turned_off_order_idx" ON "tenants_notifications_turned_off" USING btree ("order");
  CREATE INDEX "tenants_notifications_turned_off_parent_idx" ON "tenants_notifications_turned_off" USING btree ("parent_id");
  CREATE INDEX "tenants_notifications_always_by_email_order_idx" ON "tenants_notifications_always_by_email" USING btree ("order");
  CREATE INDEX "tenants_notifications_always_by_email_parent_idx" ON "tenants_notifications_always_by_email" USING btree ("parent_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP TABLE "tenants_notifications_turned_off" CASCADE;
  DROP TABLE "tenants_notifications_always_by_email" CASCADE;
  ALTER TABLE "users" DROP COLUMN "message_preferences";
  ALTER TABLE "users" DROP COLUMN "time_zone";
  DROP TYPE "public"."enum_tenants_notifications_turned_off";
  DROP TYPE "public"."enum_tenants_notifications_always_by_email";`)
}
