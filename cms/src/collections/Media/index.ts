import type { CollectionConfig } from 'payload'
import { env } from '@telemed/config'
import { mediaAccess } from '../../access/media.ts'
import { audited } from '../../hooks/audit.ts'
import { writerBelongsToClinic } from '../../hooks/writerBelongsToClinic.ts'
import { dataDir } from '../../paths.ts'
import { refuseSvg } from './refuseSvg.ts'
import { createdAtInClinicTime } from '../../admin/clinicTime/fields.ts'

/** A square PNG of the whole image (letterboxed on transparent), so a wide logo is never cropped. */
const iconSize = (px: number) => ({
  name: `icon${px}`,
  width: px,
  height: px,
  fit: 'contain' as const,
  background: { r: 0, g: 0, b: 0, alpha: 0 },
  withoutEnlargement: false,
  formatOptions: { format: 'png' as const },
})

/** Public images of a clinic, such as doctor portraits. Writes are audited, reads (public) are not. */
export const Media: CollectionConfig = audited(
  {
    slug: 'media',
    labels: { singular: 'Image', plural: 'Images' },
    access: mediaAccess,
    upload: {
      staticDir: dataDir(`${env().DATA_DIR}/uploads/media`),
      mimeTypes: ['image/png', 'image/jpeg', 'image/webp'],
      // Originals are capped (a phone photo of 12 MP is not needed on a clinic site); metadata such as GPS is dropped.
      resizeOptions: { width: 2048, height: 2048, fit: 'inside', withoutEnlargement: true },
      // Square icons for a clinic's logo or favicon: the browser tab, the site header and a phone's home screen.
      // A logo 96 px high keeps its shape in the site's header (40 px, sharp on high-density screens).
      imageSizes: [iconSize(64), iconSize(192), iconSize(512), { name: 'header', height: 96, withoutEnlargement: true }],
    },
    admin: { useAsTitle: 'alt', defaultColumns: ['alt', 'filename', 'createdAt'], group: 'Clinic' },
    hooks: { beforeOperation: [refuseSvg], beforeChange: [writerBelongsToClinic] },
    fields: [
      { name: 'alt', label: 'Description (for screen readers)', type: 'text', required: true, maxLength: 200 },
      createdAtInClinicTime('Uploaded'),
    ],
  },
  { reads: false },
)
