/**
 * The document types the core, the plugins and the clinic sites are checked
 * against (cms/src/payload-types.ts) are generated from the Payload config: a
 * field added, renamed or made required without `npm run types` would leave
 * them describing documents that no longer exist. Generated here afresh, in a
 * temporary file, and compared with the committed one, under whatever
 * environment this suite runs with (SQLite or PostgreSQL, OpenVidu or not).
 */
import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'

const root = resolve(import.meta.dirname, '../..')
const committed = join(root, 'cms/src/payload-types.ts')

describe('generated document types', () => {
  it('match the Payload config (else run `npm run types` and commit cms/src/payload-types.ts)', async () => {
    const fresh = join(mkdtempSync(join(tmpdir(), 'telemed-types-')), 'payload-types.ts')
    await promisify(execFile)(join(root, 'node_modules/.bin/tsx'), ['cms/scripts/generateTypes.ts', fresh], {
      cwd: root,
      env: { ...process.env, NODE_OPTIONS: '--conditions=production' },
    })
    expect(readFileSync(committed, 'utf8'), 'cms/src/payload-types.ts is stale: run `npm run types` and commit it').toBe(
      readFileSync(fresh, 'utf8'),
    )
  })
})
