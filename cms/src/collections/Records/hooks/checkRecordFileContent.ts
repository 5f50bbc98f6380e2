import { fileTypeFromBuffer } from 'file-type'
import { APIError, type CollectionBeforeOperationHook } from 'payload'
import { recordFileName } from './replaceFile.ts'

/** Names a browser would render as a page or a system would run. */
const RUNNABLE_NAME = /\.(html?|shtml|xht(ml)?|svgz?|m?js|cjs|php\d?|phtml|exe|bat|cmd|sh|ps1|jar|msi|dll|com|scr|vbs|hta)$/i

export const ALLOWED_RECORD_TYPES = ['application/pdf', 'image/png', 'image/jpeg', 'text/plain'] as const

/** Plain text is recognised by what it lacks: valid UTF-8, no NUL bytes. */
function isPlainText(data: Buffer): boolean {
  if (data.includes(0)) return false
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(data)
    return true
  } catch {
    return false
  }
}

/**
 * The file's type is read from its bytes, never from its name or the browser's
 * claim, and the stored MIME type is the detected one. Anything else is refused
 * before it reaches the disk. The stored name gets a random part (recordFileName).
 */
export const checkRecordFileContent: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (operation !== 'create' && operation !== 'update') return args
  const file = req.file
  if (!file) return args
  const detected = (await fileTypeFromBuffer(file.data))?.mime ?? (isPlainText(file.data) ? 'text/plain' : undefined)
  if (!detected || !(ALLOWED_RECORD_TYPES as readonly string[]).includes(detected)) {
    throw new APIError(
      `This file's content is ${detected ?? 'not a recognised type'}. Upload a PDF, PNG, JPEG or plain-text file.`,
      415,
      null,
      true,
    )
  }
  file.mimetype = detected
  // The stored name takes the detected type's extension, which would hide a web page or a program
  // behind `.txt` from Payload's own check of restricted names: refused here, as Payload would.
  if (RUNNABLE_NAME.test(file.name)) {
    throw new APIError('A record cannot be a web page or a program. Upload a PDF, PNG, JPEG or plain-text file.', 400, undefined, true)
  }
  if (operation === 'create') file.name = recordFileName(file.name, detected)
  return args
}
