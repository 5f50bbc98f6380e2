/**
 * Regenerates the admin panel's import map (cms/src/app/(payload)/admin/importMap.js).
 * Same as `payload generate:importmap`, run from the repository root with our config.
 */
import { generateImportMap } from 'payload'
import config from '../src/payload.config.ts'

// Payload's own variable (not the platform's, see OTHER_VARIABLES in config/src/env.ts): where the components are.
process.env.ROOT_DIR ??= 'cms/src'
await generateImportMap(await config, { force: true, log: true })
process.exit(0)
