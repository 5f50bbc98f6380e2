/** "Ana Ruiz" → "AR", "admin@northwind.demo.test" → "A": at most two letters, for an account without a photo. */
export function initialsOf(name: unknown, email?: unknown): string {
  const words = (typeof name === 'string' ? name : '').replace(/^(dr|mr|mrs|ms|prof)\.?\s+/i, '').trim().split(/\s+/).filter(Boolean)
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : words.length === 1 ? [words[0]] : []
  const fromName = letters.map((w) => [...(w ?? '')][0] ?? '').join('')
  if (fromName) return fromName.toUpperCase()
  return ([...(typeof email === 'string' ? email : '')][0] ?? '?').toUpperCase()
}
