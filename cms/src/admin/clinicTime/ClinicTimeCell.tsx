import { RenderDefaultCell } from '@payloadcms/ui'
import type { DefaultServerCellComponentProps } from 'payload'
import React from 'react'
import { ClinicTime } from './ClinicTime.tsx'
import { clinicZone } from './clinicZone.ts'
import { isInstant } from './format.ts'

/**
 * A date column of a clinic's list (a visit's start, a record's upload) in the
 * clinic's zone, named, whatever the browser's or server's zone. Rendered on the
 * server, where the row's clinic is known; the zone is looked up once per clinic
 * (see clinicZone). The time goes through Payload's own cell, so the first column
 * still links to the document (or picks it, in a "choose" drawer).
 */
export async function ClinicTimeCell(props: DefaultServerCellComponentProps) {
  const { cellData, rowData, payload, field, collectionSlug, columnIndex, link, linkURL, viewType } = props
  const content = isInstant(cellData) ? <ClinicTime instant={cellData} zone={await clinicZone(payload, rowData?.tenant)} /> : ''
  // A plain, serialisable field for the client cell: it shows `cellData` as given (the server field holds functions).
  const name = 'name' in field ? field.name : 'date'
  return (
    <RenderDefaultCell
      clientProps={{ cellData: content, collectionSlug, field: { name, type: 'text' } as never, link, linkURL, rowData, viewType }}
      columnIndex={columnIndex ?? 0}
      isLinkedColumn={link === true}
    />
  )
}
