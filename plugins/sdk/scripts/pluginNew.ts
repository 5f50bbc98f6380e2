/**
 * `npm run plugin:new <name>`: scaffolds plugins/<name>/ and turns it on in
 * config/, then links the new workspace package (npm install).
 */
import { execFileSync } from 'node:child_process'
import { resolve } from 'node:path'
import { scaffoldPlugin } from './scaffoldPlugin.ts'

const name = process.argv[2]
if (!name) {
  console.error('Usage: npm run plugin:new <name>   (e.g. npm run plugin:new visit-survey)')
  process.exit(1)
}
const root = resolve(import.meta.dirname, '../../..')
try {
  const written = scaffoldPlugin(root, name)
  console.log(`Wrote\n  ${written.join('\n  ')}`)
} catch (error) {
  console.error((error as Error).message)
  process.exit(1)
}
execFileSync('npm', ['install', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' })
console.log(`\nplugins/${name} is on. Next: npm test (its test runs with the others), then edit plugins/${name}/src/index.ts.`)
