import type { SiteBlock } from './types.ts'

/** What a step page's form post answered: the plugin's next block, and the values and errors to show again. */
export function stepFormResult(form: unknown): {
  block: SiteBlock | null
  values: Record<string, string>
  errors: Record<string, string>
  formError: string | undefined
} {
  const answer = (form && typeof form === 'object' ? form : {}) as Record<string, unknown>
  return {
    block: (answer.block as SiteBlock | undefined) ?? null,
    values: (answer.values as Record<string, string> | undefined) ?? {},
    errors: (answer.errors as Record<string, string> | undefined) ?? {},
    formError: answer.formError as string | undefined,
  }
}
