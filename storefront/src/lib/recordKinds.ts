/** The kinds of medical record, as the CMS's records collection defines them. */
export const RECORD_KINDS = [
  { value: 'lab-result', label: 'Lab result' },
  { value: 'imaging', label: 'Imaging' },
  { value: 'visit-note', label: 'Visit note' },
  { value: 'referral', label: 'Referral' },
  { value: 'other', label: 'Other' },
] as const

export const kindLabel = (value: string) => RECORD_KINDS.find((k) => k.value === value)?.label ?? value

/** `1536` → `1.5 KB` */
export const sizeLabel = (bytes: number | null | undefined) =>
  !bytes ? '' : bytes < 1024 ? `${bytes} B` : bytes < 1024 ** 2 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 ** 2).toFixed(1)} MB`
