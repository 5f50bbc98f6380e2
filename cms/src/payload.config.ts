import { env } from '@telemed/config'
import { multiTenantPlugin } from '@payloadcms/plugin-multi-tenant'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import path from 'node:path'
import sharp from 'sharp'
import { buildConfig, type Config } from 'payload'
import { roleOf } from './access/roles.ts'
import { lockPayloadInternals } from './access/payloadInternals.ts'
import { Appointments } from './collections/Appointments/index.ts'
import { AuditLog } from './collections/AuditLog/index.ts'
import { Doctors } from './collections/Doctors/index.ts'
import { Media } from './collections/Media/index.ts'
import { Notifications } from './collections/Notifications/index.ts'
import { Prescriptions } from './collections/Prescriptions/index.ts'
import { Records } from './collections/Records/index.ts'
import { Tenants } from './collections/Tenants/index.ts'
import { Users } from './collections/Users/index.ts'
import { clinicMemberships } from './collections/Users/clinicMemberships.ts'
import { databaseAdapter, enableAfterCommit, pushedAtConnect, queueSqliteWrites } from './database/index.ts'
import { flushAuditedReads } from './hooks/audit.ts'
import { refuseNullGroups } from './hooks/refuseNullGroups.ts'
import { repoRoot } from './paths.ts'
import { installBookingGuard } from './scheduling/bookingGuard.ts'
import { emailAdapter } from './email/emailAdapter.ts'
import { VisitMessages } from './collections/VisitMessages/index.ts'
import { VisitAttendance } from './collections/VisitAttendance/index.ts'
import { closeCallsWhenVisitsEnd } from './video/closeWhenVisitEnds.ts'
import { planVisitMessages } from './notifications/visitMessages.ts'
import { planAccountMessages } from './notifications/accountMessages.ts'
import { videoWebhook } from './video/webhook.ts'
import { Payments } from './collections/Payments/index.ts'
import { PaymentEvents } from './collections/PaymentEvents/index.ts'
import { applyEventTask } from './payments/applyEvent.ts'
import { refundCancelledTask } from './payments/visitHooks.ts'
import { guestJoin } from './video/guests/guestJoin.ts'
import { videoCapabilities } from './video/capabilities.ts'
import { VisitGuests } from './collections/VisitGuests/index.ts'
import { plugins as enabledPlugins } from '@telemed/config/plugins'
import { pluginHost } from './plugins/host.ts'
import { clinicSlots } from './scheduling/endpoints/clinicSlots.ts'
import { doctorFeed } from './calendar/doctorFeed.ts'
import { IdempotencyRecords } from './collections/IdempotencyRecords/index.ts'
import { uploadStorage } from './storage/index.ts'

const settings = env()
const clinicScoped = { useTenantAccess: false } as const

/**
 * Every collection flushes the audit entries for health data its reads populated
 * (except the audit log itself, whose writes are those entries).
 */
const withAuditFlush = (collections: NonNullable<Config['collections']>) =>
  collections.map((c) =>
    c.slug === AuditLog.slug ? c : { ...c, hooks: { ...c.hooks, afterOperation: [...(c.hooks?.afterOperation ?? []), flushAuditedReads] } },
  )

/** Every collection refuses a group of fields sent as null with a 400 (see hooks/refuseNullGroups.ts). */
const withNullGroupsRefused = (collections: NonNullable<Config['collections']>) =>
  collections.map((c) => ({ ...c, hooks: { ...c.hooks, beforeOperation: [refuseNullGroups, ...(c.hooks?.beforeOperation ?? [])] } }))

export default buildConfig({
  // Resizes uploaded images (Media: originals capped, square icons for the clinic's logo and favicon).
  sharp,
  secret: settings.PAYLOAD_SECRET,
  serverURL: settings.PUBLIC_URL,
  csrf: [settings.PUBLIC_URL],
  db: databaseAdapter(settings.DATABASE_URL),
  email: emailAdapter(settings),
  logger: { options: { level: settings.LOG_LEVEL } },
  // A client's mistake is not a server error: keep the error log for what needs a person.
  loggingLevels: {
    Forbidden: 'info',
    NotFound: 'info',
    ValidationError: 'info',
    AuthenticationError: 'info',
    LockedAuth: 'info',
    UnverifiedEmail: 'info',
  },
  maxDepth: 4,
  onInit: async (payload) => {
    queueSqliteWrites(payload)
    enableAfterCommit(payload)
    // After a schema push only: on a migrated database the migrations installed it (docs/migrations.md).
    if (pushedAtConnect(payload)) await installBookingGuard(payload)
    closeCallsWhenVisitsEnd(payload)
    planVisitMessages(payload)
    planAccountMessages(payload)
  },
  endpoints: [clinicSlots, doctorFeed, videoWebhook, videoCapabilities, guestJoin],
  editor: lexicalEditor(),
  // GraphQL is off: one API surface (REST) to secure and test. Turn it on only with the same access tests.
  graphQL: { disable: true },
  upload: { limits: { fileSize: settings.UPLOAD_MAX_BYTES } },
  admin: {
    user: Users.slug,
    meta: { titleSuffix: ' · Telemed admin' },
    // The platform's name and mark on the sign-in page and in the navigation (not Payload's).
    components: { graphics: { Logo: '/admin/graphics/Logo#Logo', Icon: '/admin/graphics/Icon#Icon' } },
    // Payload's gravatar asks gravatar.com for every admin's picture (a third party; broken offline); its default
    // silhouette says nothing of who is signed in. A doctor's own portrait, or the account's initials.
    avatar: { Component: '/admin/avatar/AccountAvatar#AccountAvatar' },
    importMap: { baseDir: path.resolve(repoRoot, 'cms/src') },
  },
  i18n: {
    translations: {
      en: {
        error: {
          unauthorizedAdmin: 'This account cannot use the admin panel.',
          notAllowedToAccessPage: "The admin panel is for clinic staff. Patients sign in on their clinic's website.",
        },
      } as never,
    },
  },
  collections: withNullGroupsRefused(
    withAuditFlush([
      Tenants,
      Users,
      Doctors,
      Media,
      Appointments,
      Records,
      Prescriptions,
      Notifications,
      VisitMessages,
      VisitAttendance,
      VisitGuests,
      Payments,
      PaymentEvents,
      AuditLog,
      IdempotencyRecords,
    ]),
  ),
  jobs: {
    access: {
      queue: ({ req }) => roleOf(req) === 'platform-admin',
      run: ({ req }) => roleOf(req) === 'platform-admin',
      cancel: ({ req }) => roleOf(req) === 'platform-admin',
    },
    // The platform's own jobs (plugins add theirs: plugins/jobs): applying payment events, refunds of cancelled visits.
    tasks: [applyEventTask, refundCancelledTask],
  },
  plugins: [
    // Uploaded files: encrypted on the local disk, or in S3_BUCKET (src/storage/).
    uploadStorage(),
    multiTenantPlugin({
      tenantsSlug: 'tenants',
      // Deleting a clinic must not delete patients' data; Tenants refuses deletion while data exists.
      cleanupAfterTenantDelete: false,
      userHasAccessToAllTenants: (user) => (user as { role?: string }).role === 'platform-admin',
      useTenantsCollectionAccess: false,
      tenantField: { label: 'Clinic' } as never,
      // The plugin's own words (clinic selector, assign dialog); the users' memberships are relabelled by clinicMemberships.
      i18n: {
        translations: {
          en: {
            'nav-tenantSelector-label': 'Clinic',
            'assign-tenant-button-label': 'Move to another clinic',
            'assign-tenant-modal-title': 'Move "{{title}}" to another clinic',
            'field-assignedTenant-label': 'Clinic',
          },
        },
      },
      tenantsArrayField: {
        includeDefaultField: true,
        arrayFieldAccess: {
          // Admins change memberships (registration and joining a clinic are endpoints with their own checks).
          create: ({ req }) => ['platform-admin', 'clinic-admin'].includes(roleOf(req) ?? ''),
          update: ({ req }) => ['platform-admin', 'clinic-admin'].includes(roleOf(req) ?? ''),
        },
      },
      collections: {
        doctors: clinicScoped,
        media: clinicScoped,
        appointments: clinicScoped,
        records: clinicScoped,
        prescriptions: clinicScoped,
        notifications: clinicScoped,
        'visit-messages': clinicScoped,
        'visit-attendance': clinicScoped,
        'visit-guests': clinicScoped,
        payments: clinicScoped,
      },
    }),
    clinicMemberships,
    // Extensions: see plugins/README.md. Listed (and configured) in config/src/plugins.ts.
    ...enabledPlugins,
    // Wires in what the plugins declared (providers, settings, jobs, site steps, events): always last.
    pluginHost,
  ],
  typescript: { outputFile: path.resolve(repoRoot, 'cms/src/payload-types.ts') },
}).then(lockPayloadInternals)
