import { cp, mkdir, readdir } from 'node:fs/promises'
import type { SanitizedConfig } from 'payload'

export type UploadFolder = { collection: string; dir: string }

/**
 * The folders where the upload collections keep their files on disk (their
 * `staticDir`, under DATA_DIR), read from the configuration itself so a new
 * upload collection is backed up without a change here. Every upload collection
 * counts, also one whose files a storage adapter writes (`disableLocalStorage`,
 * e.g. encrypted on disk): when the files live in object storage instead, the
 * folder is empty or missing and backs up as an empty folder.
 */
export function uploadFolders(config: SanitizedConfig): UploadFolder[] {
  return config.collections
    .filter((collection) => collection.upload && collection.upload.staticDir)
    .map((collection) => ({ collection: collection.slug, dir: collection.upload.staticDir! }))
}

/** Copies a folder's files as they are (bytes and times); a folder not made yet copies as an empty one. */
export async function copyFolder(from: string, to: string): Promise<void> {
  await mkdir(to, { recursive: true })
  const present = await readdir(from).catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? null : Promise.reject(error)))
  if (present) await cp(from, to, { recursive: true, preserveTimestamps: true, errorOnExist: true, force: false })
}

/** True when the folder does not exist or holds nothing. */
export async function isEmptyFolder(dir: string): Promise<boolean> {
  const entries = await readdir(dir).catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? [] : Promise.reject(error)))
  return entries.length === 0
}
