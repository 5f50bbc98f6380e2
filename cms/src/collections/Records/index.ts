import type { CollectionConfig } from 'payload'
import { env } from '@telemed/config'
import { recordsAccess } from '../../access/records.ts'
import { audited } from '../../hooks/audit.ts'
import { enforceClinicalOwnership } from '../../hooks/ownership.ts'
import { dataDir } from '../../paths.ts'
import { ALLOWED_RECORD_TYPES, checkRecordFileContent } from './hooks/checkRecordFileContent.ts'
import { stampUploader } from './hooks/stampUploader.ts'
import { emitShared } from './hooks/emitShared.ts'
import { auditDownload } from './hooks/auditDownload.ts'
import { keepPreviousFile, takeOverFileReplacement } from './hooks/replaceFile.ts'
import { createdAtInClinicTime } from '../../admin/clinicTime/fields.ts'

/**
 * A patient's medical record: a file plus what it is. Files live outside any
 * public folder and are served only by Payload's file route, which applies the
 * read policy of the record; every download is audited. A replaced file stays on
 * disk, listed in `previousFiles`.
 */
export const Records: CollectionConfig = audited({
  slug: 'records',
  labels: { singular: 'Medical record', plural: 'Medical records' },
  access: recordsAccess,
  upload: {
    staticDir: dataDir(`${env().DATA_DIR}/uploads/records`),
    mimeTypes: [...ALLOWED_RECORD_TYPES],
    disableLocalStorage: false,
    // Documents, not pictures to edit: no crop or focal point, which would rewrite the stored file.
    crop: false,
    focalPoint: false,
    handlers: [auditDownload],
  },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'kind', 'patient', 'createdAt'],
    listSearchableFields: ['title'],
    group: 'Clinic',
  },
  hooks: {
    beforeOperation: [checkRecordFileContent, takeOverFileReplacement],
    beforeChange: [enforceClinicalOwnership({ doctorNeedsExistingPatient: true }), stampUploader, keepPreviousFile],
    afterChange: [emitShared],
  },
  fields: [
    { name: 'title', type: 'text', required: true, maxLength: 200 },
    {
      name: 'kind',
      type: 'select',
      required: true,
      defaultValue: 'other',
      options: [
        { label: 'Lab result', value: 'lab-result' },
        { label: 'Imaging', value: 'imaging' },
        { label: 'Visit note', value: 'visit-note' },
        { label: 'Referral', value: 'referral' },
        { label: 'Other', value: 'other' },
      ],
    },
    { name: 'patient', type: 'relationship', relationTo: 'users', required: true, index: true },
    { name: 'appointment', type: 'relationship', relationTo: 'appointments' },
    // Who uploaded the current file; whoever replaces the file becomes it.
    { name: 'uploadedBy', type: 'relationship', relationTo: 'users', admin: { readOnly: true } },
    {
      name: 'previousFiles',
      type: 'array',
      admin: { readOnly: true, description: 'Files this record had before, kept on disk. Written by the platform only.' },
      fields: [
        { name: 'filename', type: 'text', required: true },
        { name: 'mimeType', type: 'text' },
        { name: 'filesize', type: 'number' },
        { name: 'uploadedBy', type: 'relationship', relationTo: 'users' },
        { name: 'replacedAt', type: 'date', required: true },
        { name: 'replacedBy', type: 'relationship', relationTo: 'users' },
      ],
    },
    createdAtInClinicTime('Added'),
  ],
})
