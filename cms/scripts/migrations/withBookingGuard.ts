/**
 * The double-booking guard (cms/src/scheduling/bookingGuard.ts) is SQL that
 * Payload's generator does not know: a SQLite trigger or a PostgreSQL exclusion
 * constraint on `appointments`. A generated migration that touches that table
 * (the first one creates it; SQLite rebuilds a table, dropping its triggers, to
 * change a column) gets the guard's statements appended to its `up`. They are
 * idempotent, so installing twice is harmless.
 */
export function withBookingGuard(migration: string, dialect: 'postgres' | 'sqlite'): string {
  if (!/[`"]appointments\\?[`"]/.test(migration)) return migration
  const run = dialect === 'sqlite' ? 'db.run' : 'db.execute'
  const install = [
    '',
    '  // The double-booking guard, which the schema generator does not know (cms/scripts/migrations/withBookingGuard.ts).',
    `  for (const statement of bookingGuardSql('${dialect}')) await ${run}(sql.raw(statement))`,
  ].join('\n')
  const upEnds = migration.indexOf('\n}\n\nexport async function down')
  if (upEnds < 0) throw new Error('The generated migration has an unexpected shape: add the booking guard to its `up` by hand.')
  const importLine = "import { bookingGuardSql } from '../../scheduling/bookingGuard.ts'\n"
  const firstLineEnds = migration.indexOf('\n') + 1
  return migration.slice(0, firstLineEnds) + importLine + migration.slice(firstLineEnds, upEnds) + install + migration.slice(upEnds)
}
