/**
 * The platform's own tables for what its server processes share on PostgreSQL
 * (live rooms' presence, oversized bus messages, rate-limit counters) live in a
 * schema of their own: Payload's schema push and the migrations manage `public`
 * and never see (nor drop) them.
 */
export const CLUSTER_SCHEMA = 'telemed_cluster'

type Query = (text: string) => Promise<unknown>

/** Unique violation in the catalogue, and duplicate schema, table or type. */
const DUPLICATE = new Set(['23505', '42P06', '42P07', '42710'])

/**
 * Runs `CREATE … IF NOT EXISTS` statements. Several processes starting at once
 * may race on the same name; PostgreSQL then answers "duplicate" to the loser,
 * which only means another process made it first.
 */
export async function createIfMissing(query: Query, statements: string[]): Promise<void> {
  for (const statement of [`CREATE SCHEMA IF NOT EXISTS ${CLUSTER_SCHEMA}`, ...statements]) {
    try {
      await query(statement)
    } catch (error) {
      if (!DUPLICATE.has((error as { code?: string }).code ?? '')) throw error
    }
  }
}
