import type { ClinicLook } from './types.ts'

/** A clinic on the default theme, as tests use it. */
export const northwind: ClinicLook = {
  name: 'Northwind Health',
  color: '#0f766e',
  logoUrl: 'https://northwind.example/logo.png',
  siteUrl: 'https://northwind.example',
  theme: 'default',
}

/** The names a template reads as values (not helper names), from its Handlebars syntax tree. */
export function valueNamesIn(program: unknown): Set<string> {
  const names = new Set<string>()
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return
    if (Array.isArray(node)) return node.forEach(visit)
    const n = node as Record<string, unknown> & { type?: string }
    if (n.type === 'PathExpression') {
      const parts = n.parts as string[]
      if (!n.data && parts[0]) names.add(parts[0])
      return
    }
    if (n.type === 'MustacheStatement' || n.type === 'BlockStatement' || n.type === 'SubExpression') {
      const params = n.params as unknown[]
      // With arguments, the path names a helper; the arguments are what it reads.
      if (params.length > 0 || n.hash) {
        params.forEach(visit)
        visit(n.hash)
        visit(n.program)
        visit(n.inverse)
        return
      }
    }
    for (const [key, child] of Object.entries(n)) if (key !== 'loc') visit(child)
  }
  visit(program)
  return names
}
