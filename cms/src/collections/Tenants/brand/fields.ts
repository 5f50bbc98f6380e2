import type { Field, SelectFieldSingleValidation, TextFieldSingleValidation } from 'payload'
import { clinicImageField } from './images.ts'
import { isHexColor } from './contrast.ts'
import { fontUrl } from './fontFiles.ts'
import type { PreviewFonts } from './FontPreview.tsx'
import { BRAND_FONTS, fontProblem, fontStack } from './fonts.ts'
import { brandPalette, contrastProblems, themePalette, type BrandColorField, type BrandColors } from './palette.ts'

/**
 * A colour of the brand kit: `#rrggbb`, picked with a colour picker next to the
 * text box, and refused when it makes some text on the site hard to read (the
 * message, under the field to change, says which text and by how much).
 */
const colorField = (name: BrandColorField, label: string, description: string): Field => ({
  name,
  label,
  type: 'text',
  admin: { description, components: { afterInput: ['/collections/Tenants/brand/ColorPicker#ColorPicker'] } },
  validate: ((value, { data, siblingData }) => {
    if (value === null || value === undefined || value === '') return true
    if (!isHexColor(value)) return 'Enter a colour as # and six hexadecimal digits, e.g. #0f766e, or pick one.'
    return contrastProblems(themePalette((data as { theme?: unknown }).theme), siblingData as BrandColors)[name] ?? true
  }) as TextFieldSingleValidation,
})

/** A font of the platform's list (./fonts.ts), served by the platform itself; empty keeps the theme's. Previewed under the select. */
const fontField = (name: 'bodyFont' | 'headingFont', label: string, description: string): Field => ({
  name,
  label,
  type: 'select',
  options: BRAND_FONTS.map(({ value, label }) => ({ value, label })),
  admin: {
    description,
    isClearable: true,
    placeholder: 'Theme default',
    components: { afterInput: [{ path: '/collections/Tenants/brand/FontPreview#FontPreview', clientProps: { fonts: previewFonts() } }] },
  },
  validate: ((value) => fontProblem(value) ?? true) as SelectFieldSingleValidation,
})

const previewFonts = (): PreviewFonts =>
  Object.fromEntries(
    BRAND_FONTS.flatMap((font) => {
      const src = fontUrl(font, 'latin')
      return src ? [[font.value, { family: font.family, stack: fontStack(font), src }]] : []
    }),
  )

/** The clinic's brand kit: its logo and tab icon, its colours and fonts over its theme's, and its tagline. Shown on the site's next page load. */
export const brandField: Field = {
  name: 'brand',
  label: 'Brand',
  type: 'group',
  admin: { description: "Overrides of the theme for this clinic; shown on the site's next page load. Leave a colour empty to keep the theme's." },
  fields: [
    clinicImageField('logo', 'Logo', "In the site's header, and the site's icon on a phone's home screen. PNG, JPEG or WebP, at least 512 × 512 pixels; a square mark works best. Empty: the theme's logo."),
    clinicImageField('favicon', 'Browser tab icon', 'A simpler square mark for the browser tab, if the logo is too detailed at 32 pixels. Empty: the logo.'),
    colorField('primaryColor', 'Main colour', 'Buttons, links and the header line. The page background takes a light tint of it unless set below.'),
    colorField('buttonTextColor', 'Button text colour', 'Text on buttons in the main colour.'),
    colorField('backgroundColor', 'Page background colour', ''),
    colorField('textColor', 'Text colour', ''),
    { name: 'tagline', type: 'text', maxLength: 140 },
    fontField('bodyFont', 'Body font', 'Text, buttons and forms. Empty: the theme’s.'),
    fontField('headingFont', 'Heading font', 'Page titles and headings. Empty: the theme’s.'),
    {
      // What the site draws with: the theme's colours with these over them, computed on each read, so an
      // edited theme file shows too. Public, like the rest of the clinic's site settings.
      name: 'palette',
      type: 'json',
      virtual: true,
      admin: { hidden: true },
      hooks: {
        afterRead: [({ data, siblingData }) => brandPalette(themePalette((data as { theme?: unknown } | undefined)?.theme), siblingData as BrandColors)],
      },
    },
  ],
}
