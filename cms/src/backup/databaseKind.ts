import { BackupError } from './backupError.ts'
import type { DatabaseKind } from './manifest.ts'

/** Which kind of database DATABASE_URL names; MongoDB has its own tools (mongodump, mongorestore). */
export function databaseKind(url: string): DatabaseKind {
  if (url.startsWith('file:')) return 'sqlite'
  if (url.startsWith('postgres')) return 'postgres'
  throw new BackupError('DATABASE_URL is a MongoDB database: back it up with mongodump and the upload folders with your file backup')
}
