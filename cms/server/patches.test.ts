/**
 * Every patch in patches/ is in effect in node_modules. The patches fix bugs and
 * costs in dependencies (see each patch); one that silently stopped applying (a
 * dependency updated, a file moved) would bring the bug back with every test of
 * the fix still reading like a pass somewhere else. Generic over the folder: a
 * new patch is covered the day it is added.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = resolve(import.meta.dirname, '../..')
const patchDir = join(root, 'patches')
const patches = readdirSync(patchDir).filter((name) => name.endsWith('.patch'))

type FilePatch = { path: string; created: boolean; deleted: boolean; hunks: string[] }

/** The text each hunk leaves behind (its context and added lines), per patched file. */
function parsePatch(text: string): FilePatch[] {
  const files: FilePatch[] = []
  let file: FilePatch | undefined
  let hunk: string[] | undefined
  const endHunk = () => {
    if (file && hunk) file.hunks.push(hunk.join('\n'))
    hunk = undefined
  }
  for (const line of text.split('\n')) {
    if (line.startsWith('diff --git ')) {
      endHunk()
      file = { path: line.split(' b/')[1]!, created: false, deleted: false, hunks: [] }
      files.push(file)
    } else if (line.startsWith('--- ') && !hunk) {
      if (line === '--- /dev/null' && file) file.created = true
    } else if (line.startsWith('+++ ') && !hunk) {
      if (line === '+++ /dev/null' && file) file.deleted = true
    } else if (line.startsWith('@@')) {
      endHunk()
      hunk = []
    } else if (hunk && (line.startsWith(' ') || line.startsWith('+'))) {
      hunk.push(line.slice(1))
    }
  }
  endHunk()
  return files
}

/** `@scope+name+1.2.3.patch` (patch-package's naming) → the package's folder and version. */
function packageOf(patchName: string) {
  const match = /^(.+?)\+(\d+\.\d+\.\d+[^+]*)(\+\d+\+.+)?\.patch$/.exec(patchName)
  if (!match) throw new Error(`${patchName} is not named as patch-package names patches (name+version.patch)`)
  return { dir: join(root, 'node_modules', match[1]!.replace(/\+\+/g, '/node_modules/').replace(/\+/g, '/')), version: match[2]! }
}

describe('dependency patches', () => {
  it('are applied on every install, and a patch that no longer applies stops the install', () => {
    expect(patches.length).toBeGreaterThan(0)
    const { scripts } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
    expect(scripts.postinstall).toMatch(/patch-package\b.*--error-on-fail/)
  })

  for (const name of patches) {
    it(`${name} is in effect in node_modules`, () => {
      const pkg = packageOf(name)
      const installed = JSON.parse(readFileSync(join(pkg.dir, 'package.json'), 'utf8')) as { version: string }
      // A patch written for another version may apply and still be wrong: it names the version it was made for.
      expect(installed.version, `${name} was made for another version`).toBe(pkg.version)
      const files = parsePatch(readFileSync(join(patchDir, name), 'utf8'))
      expect(files.length).toBeGreaterThan(0)
      for (const file of files) {
        const target = join(root, file.path)
        if (file.deleted) {
          expect(existsSync(target), `${file.path} should be deleted`).toBe(false)
          continue
        }
        const content = readFileSync(target, 'utf8')
        for (const hunk of file.hunks) expect(content, `${file.path} lacks a hunk of ${name}`).toContain(hunk)
      }
    })
  }
})
