'use client'
import { useField } from '@payloadcms/ui'

/**
 * A colour picker beside a brand colour's text box: both edit the same value,
 * so an admin can pick a colour or paste the exact one from their brand guide.
 */
export const ColorPicker = () => {
  const { value, setValue, path } = useField<string>()
  const valid = typeof value === 'string' && /^#[0-9a-f]{6}$/i.test(value)
  return (
    <input
      type="color"
      aria-label={`Pick the colour (${path.split('.').pop()})`}
      value={valid ? value : '#ffffff'}
      onChange={(event) => setValue(event.target.value)}
      style={{ marginTop: 6, width: 56, height: 32, padding: 0, border: '1px solid var(--theme-elevation-250)', borderRadius: 4, cursor: 'pointer' }}
    />
  )
}
