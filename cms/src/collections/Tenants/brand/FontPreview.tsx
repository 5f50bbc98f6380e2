'use client'
import { useField } from '@payloadcms/ui'
import { useEffect, useState } from 'react'

export type PreviewFonts = Record<string, { family: string; stack: string; src: string }>

/**
 * A line in the chosen font under a brand font's select, as the clinic's site
 * will draw it: the file comes from the platform's own /fonts/, as on the site.
 */
export const FontPreview = ({ fonts }: { fonts: PreviewFonts }) => {
  const { value } = useField<string>()
  const font = typeof value === 'string' ? fonts[value] : undefined
  const [ready, setReady] = useState<string | null>(null)
  useEffect(() => {
    if (!font) return
    const face = new FontFace(font.family, `url(${font.src}) format('woff2')`, { weight: '400 700', display: 'swap' })
    let current = true
    face
      .load()
      .then(() => {
        document.fonts.add(face)
        if (current) setReady(font.family)
      })
      .catch(() => undefined)
    return () => {
      current = false
    }
  }, [font])
  if (!font) return null
  return (
    <p
      data-font-preview={ready === font.family ? 'loaded' : 'loading'}
      style={{ fontFamily: font.stack, fontSize: 18, lineHeight: 1.4, margin: '8px 0 0', color: 'var(--theme-elevation-800)' }}
    >
      Book a video visit with <strong>Dr. Ana Ruiz</strong> — next free: Mon 09:30
    </p>
  )
}
