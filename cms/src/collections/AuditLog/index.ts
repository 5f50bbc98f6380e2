import type { CollectionConfig } from 'payload'
import { auditLogAccess } from '../../access/auditLog.ts'
import { refuseDeletingEntries, refuseUpdatingEntries } from './hooks/appendOnly.ts'
import { createdAtInClinicTime } from '../../admin/clinicTime/fields.ts'

export const AUDIT_ACTIONS = ['read', 'create', 'update', 'delete', 'download', 'replace-file'] as const
export type AuditAction = (typeof AUDIT_ACTIONS)[number]

/** Who touched which health data, when and from where. Append-only. */
export const AuditLog: CollectionConfig = {
  slug: 'audit-log',
  labels: { singular: 'Audit entry', plural: 'Audit log' },
  access: auditLogAccess,
  admin: {
    defaultColumns: ['createdAt', 'actor', 'role', 'action', 'resource', 'documentIds'],
    listSearchableFields: ['resource', 'action'],
    group: 'Platform',
  },
  hooks: {
    beforeChange: [refuseUpdatingEntries],
    beforeDelete: [refuseDeletingEntries],
  },
  fields: [
    { name: 'actor', type: 'relationship', relationTo: 'users', index: true },
    { name: 'role', type: 'text', required: true },
    // 'download': a record's file was served; 'replace-file': a record got a new file (the old one is kept).
    { name: 'action', type: 'select', required: true, options: [...AUDIT_ACTIONS], index: true },
    { name: 'resource', label: 'Collection', type: 'text', required: true, index: true },
    { name: 'documentIds', type: 'text', hasMany: true, index: true },
    { name: 'tenant', label: 'Clinic', type: 'relationship', relationTo: 'tenants', index: true },
    { name: 'ip', label: 'IP address', type: 'text' },
    { name: 'userAgent', type: 'text' },
    { name: 'note', type: 'text', admin: { description: 'What else the entry needs to be understood, e.g. which file was replaced.' } },
    // In the entry's clinic's zone (UTC for platform-wide entries).
    createdAtInClinicTime('When'),
  ],
}
