/**
 * `dumpDocuments.ts <file>`: writes every document of every collection of the
 * database of DATABASE_URL to `file` as JSON ({ slug: docs sorted by id }), read
 * with Payload's local API (overrideAccess, hidden fields, depth 0). Run as its
 * own process (with NODE_ENV=production: no schema push), so a test can read a
 * second database (a restored one) beside the one its in-process server uses.
 *
 * The audit log is read first: later reads of health data add entries to it.
 */
import { writeFileSync } from 'node:fs'
import { getPayload } from 'payload'
import config from '../../src/payload.config.ts'
import { readAllDocuments } from './allDocuments.ts'

const payload = await getPayload({ config })
writeFileSync(process.argv[2]!, JSON.stringify(await readAllDocuments(payload)))
await payload.destroy()
process.exit(0)
