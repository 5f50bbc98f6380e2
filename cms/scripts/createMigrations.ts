/**
 * `npm run migrate:create <name>`: writes a migration for each SQL adapter
 * (cms/src/migrations/postgres and cms/src/migrations/sqlite) from the current
 * configuration, with Payload's own generator: the difference between the
 * last migration's schema snapshot and what the collections describe now.
 * Needs no database. With no schema change it writes empty migrations, for
 * raw SQL of your own. See docs/migrations.md.
 */
import '@telemed/config/check'
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { BasePayload, type SanitizedConfig } from 'payload'
import config from '../src/payload.config.ts'
import { databaseAdapter, migrationDirOf } from '../src/database/adapter.ts'
import { withBookingGuard } from './migrations/withBookingGuard.ts'

const name = process.argv[2]
if (!name || !/^[a-z][a-z0-9_]*$/.test(name)) {
  console.error('Usage: npm run migrate:create <name>, the name in lower case, digits and underscores (e.g. add_visit_notes)')
  process.exit(1)
}

// Never connected: the generator compares snapshots on disk with the configuration.
const unused = {
  postgres: 'postgres://unused@127.0.0.1/unused',
  sqlite: `file:${join(mkdtempSync(join(tmpdir(), 'migrate-create-')), 'unused.db')}`,
}
for (const dialect of ['postgres', 'sqlite'] as const) {
  const payload = await new BasePayload().init({
    config: { ...(await config), db: databaseAdapter(unused[dialect]) as SanitizedConfig['db'] },
    disableDBConnect: true,
    disableOnInit: true,
  })
  const dir = migrationDirOf(dialect)
  const before = new Set(readdirSync(dir))
  await payload.db.createMigration({ migrationName: name, payload, forceAcceptWarning: true })
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'index.ts' && !before.has(f))) {
    const path = join(dir, file)
    writeFileSync(path, withBookingGuard(readFileSync(path, 'utf8'), dialect))
    console.log(`Wrote ${path}`)
  }
}
process.exit(0)
