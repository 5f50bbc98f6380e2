import type { CollectionConfig } from 'payload'
import { auditLogAccess } from '../../access/auditLog.ts'
import { refuseDeletingEntries, refuseUpdatingEntries } from './hooks/appendOnly.ts'

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
    { name: 'action', type: 'select', required: true, options: ['read', 'create', 'update', 'delete'], index: true },
    { name: 'resource', label: 'Collection', type: 'text', required: true, index: true },
    { name: 'documentIds', type: 'text', hasMany: true, index: true },
    { name: 'tenant', label: 'Clinic', type: 'relationship', relationTo: 'tenants', index: true },
    { name: 'ip', label: 'IP address', type: 'text' },
    { name: 'userAgent', type: 'text' },
  ],
}
