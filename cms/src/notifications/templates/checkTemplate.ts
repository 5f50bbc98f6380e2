import { HELPERS, handlebars } from './handlebars.ts'

/** The outcome of checkTemplate: fine, or the first problem with its line (1-based). */
export type TemplateCheck = { ok: true } | { ok: false; line: number; message: string }

type Node = { type?: string; loc?: { start: { line: number } }; [key: string]: unknown }
type PathNode = Node & { original?: string; parts?: string[]; data?: boolean }
type CallNode = Node & { path: PathNode; params: Node[]; hash?: Node; escaped?: boolean }

/** Built-in blocks that take exactly one value. */
const ONE_VALUE = new Set(['if', 'unless'])
/** Blocks inside blocks, at most: a template is a message, not a program. */
const MAX_DEPTH = 4

/**
 * Compiles a template source; on failure says on which line and why, in words
 * for a clinic admin. Besides syntax errors it refuses what could hurt once the
 * template runs: `{{{value}}}` and `{{& value}}` (values are always escaped in
 * HTML), partials and decorators (none exist), helpers other than `if`,
 * `unless` and `button`, `{{#each}}` and `{{#with}}` (values are plain text:
 * nothing to loop over, and nested loops over the values made a template that
 * ran for ever), `@root`, `this` and `../` paths, and blocks nested more than
 * MAX_DEPTH deep.
 */
export function checkTemplate(source: string): TemplateCheck {
  let program: Node
  try {
    program = handlebars.parse(source) as unknown as Node
  } catch (error) {
    return parseProblem(error)
  }
  const problem = findProblem(program, 0)
  return problem ?? { ok: true }
}

function parseProblem(error: unknown): TemplateCheck & { ok: false } {
  const text = error instanceof Error ? error.message : String(error)
  const onLine = /Parse error on line (\d+)/.exec(text)
  const numbered = (error as { lineNumber?: unknown } | null)?.lineNumber
  const line = onLine ? Number(onLine[1]) : typeof numbered === 'number' ? numbered : 1
  return { ok: false, line, message: explainParseError(text) }
}

/** Handlebars' parser messages name grammar tokens; say what is wrong instead. */
function explainParseError(text: string): string {
  const got = /got '([A-Z_]+)'/.exec(text)?.[1]
  if (got === 'EOF') return 'the template ends inside a block or tag: is a {{/if}} (or {{/each}}, …) or a closing }} missing?'
  if (got === 'INVALID') return 'a tag is not closed properly: check its braces, {{name}}'
  if (got) return `unexpected ${got.toLowerCase().replace(/_/g, ' ')} in a tag: check its braces and spelling`
  const mismatch = /^(\S+) doesn't match (\S+)/.exec(text)
  if (mismatch) return `{{/${mismatch[2]}}} closes a block opened as {{#${mismatch[1]}}}`
  return text.split('\n')[0] ?? 'the template cannot be read'
}

function findProblem(node: unknown, depth: number): (TemplateCheck & { ok: false }) | null {
  if (!node || typeof node !== 'object') return null
  if (Array.isArray(node)) {
    for (const child of node) {
      const problem = findProblem(child, depth)
      if (problem) return problem
    }
    return null
  }
  const current = node as Node
  const line = current.loc?.start.line ?? 1
  const refuse = (message: string) => ({ ok: false as const, line, message })
  switch (current.type) {
    case 'PartialStatement':
    case 'PartialBlockStatement':
      return refuse('partials ({{> name}}) are not available in notification templates')
    case 'Decorator':
    case 'DecoratorBlock':
      return refuse('decorators ({{* name}}) are not available in notification templates')
    case 'PathExpression': {
      const path = current as PathNode
      if (path.data || path.original === 'this' || (path.original ?? '').startsWith('../') || (path.original ?? '').startsWith('this'))
        return refuse(`write a value by its name, such as {{doctorName}}, not {{${path.original}}}`)
      break
    }
    case 'MustacheStatement':
    case 'BlockStatement':
    case 'SubExpression': {
      const call = current as CallNode
      if (call.escaped === false)
        return refuse(`write {{${call.path.original ?? 'name'}}}, not {{{${call.path.original ?? 'name'}}}}: values are always escaped`)
      const problem = checkCall(call)
      if (problem) return refuse(problem)
      break
    }
  }
  const inside = current.type === 'BlockStatement' ? depth + 1 : depth
  if (inside > MAX_DEPTH) return refuse(`blocks are nested more than ${MAX_DEPTH} deep: write the message more simply`)
  for (const [key, child] of Object.entries(current)) {
    if (key !== 'loc' && child && typeof child === 'object') {
      const problem = findProblem(child, inside)
      if (problem) return problem
    }
  }
  return null
}

/** A tag with arguments calls a helper: it must be one of ours, used as it expects. */
function checkCall(call: CallNode): string | null {
  const name = call.path.original ?? ''
  const hasArguments = call.params.length > 0 || Boolean(call.hash)
  const isHelper = (HELPERS as readonly string[]).includes(name)
  if (name === 'each' || name === 'with')
    return `{{#${name}}} is not available in notification templates: values are plain text, write them by name`
  if (hasArguments && !isHelper) return `there is no helper called "${name}" (available: ${HELPERS.join(', ')})`
  if (ONE_VALUE.has(name) && call.params.length !== 1) return `{{#${name}}} takes exactly one value, e.g. {{#${name} doctorName}}`
  if (name === 'button' && (call.type !== 'MustacheStatement' || call.params.length < 1 || call.params.length > 2))
    return 'write a button as {{button link "Label"}}'
  return null
}
