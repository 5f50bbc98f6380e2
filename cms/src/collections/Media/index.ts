import type { CollectionConfig } from 'payload'
import { env } from '@telemed/config'
import { mediaAccess } from '../../access/media.ts'
import { audited } from '../../hooks/audit.ts'
import { writerBelongsToClinic } from '../../hooks/writerBelongsToClinic.ts'
import { dataDir } from '../../paths.ts'

/** Public images of a clinic, such as doctor portraits. Writes are audited, reads (public) are not. */
export const Media: CollectionConfig = audited(
  {
    slug: 'media',
    labels: { singular: 'Image', plural: 'Images' },
    access: mediaAccess,
    upload: {
      staticDir: dataDir(`${env().DATA_DIR}/uploads/media`),
      mimeTypes: ['image/png', 'image/jpeg', 'image/webp'],
    },
    admin: { useAsTitle: 'alt', defaultColumns: ['alt', 'filename', 'createdAt'], group: 'Clinic' },
    hooks: { beforeChange: [writerBelongsToClinic] },
    fields: [{ name: 'alt', label: 'Description (for screen readers)', type: 'text', required: true, maxLength: 200 }],
  },
  { reads: false },
)
