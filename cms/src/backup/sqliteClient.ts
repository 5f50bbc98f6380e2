import { findSqliteKey, sqliteFileOf } from '../database/index.ts'
import { platformKeyring } from '../plugins/settings/keyring.ts'

export type SqliteClient = { url: string; file: string; encryptionKey?: string }

/**
 * How the platform opens the SQLite file of DATABASE_URL (a relative `file:` URL
 * is relative to TELEMED_ROOT, as for the adapter), or `file` instead, a copy of
 * it: the path, and the libsql `encryptionKey` that opens it when the database is
 * encrypted at rest. Backups open the database exactly as the platform does
 * here, so a copy stays encrypted under the same key.
 */
export async function platformSqliteClient(
  databaseUrl: string,
  file = sqliteFileOf(databaseUrl),
): Promise<SqliteClient> {
  const { encryptionKey } = await findSqliteKey(file, platformKeyring())
  return { url: `file:${file}`, file, encryptionKey }
}
