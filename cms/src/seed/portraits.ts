import sharp from 'sharp'

/** How a demo doctor's drawn portrait looks. */
export type PortraitLook = {
  skin: string
  hair: string
  hairStyle: 'short' | 'long' | 'bun' | 'curly'
  /** The backdrop behind the head and shoulders. */
  backdrop: string
  /** The shirt under the white coat. */
  shirt: string
}

const HAIR_BACK: Record<PortraitLook['hairStyle'], string> = {
  short: '',
  curly: '',
  long: '<path d="M70 112c-6 60 4 110 18 128h80c14-18 24-68 18-128-10-40-106-40-116 0z"/>',
  bun: '<circle cx="128" cy="52" r="24"/>',
}
const HAIR_FRONT: Record<PortraitLook['hairStyle'], string> = {
  short: '<path d="M80 118c-4-44 22-64 48-64s52 20 48 64c-8-20-24-30-48-30s-40 10-48 30z"/>',
  curly:
    '<circle cx="92" cy="92" r="18"/><circle cx="112" cy="76" r="19"/><circle cx="136" cy="74" r="19"/><circle cx="158" cy="86" r="18"/><circle cx="170" cy="106" r="13"/><circle cx="84" cy="110" r="12"/>',
  long: '<path d="M80 124c-4-46 22-68 48-68s52 22 48 68c-14-26-30-36-48-40-18 4-34 14-48 40z"/>',
  bun: '<path d="M80 120c-4-44 22-64 48-64s52 20 48 64c-12-22-28-32-48-32s-36 10-48 32z"/>',
}

/** A flat, drawn head-and-shoulders portrait as SVG: demo data, no photo of a real person. */
export function portraitSvg(look: PortraitLook): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 256 256" width="256" height="256">
  <rect width="256" height="256" fill="${look.backdrop}"/>
  <g fill="${look.hair}">${HAIR_BACK[look.hairStyle]}</g>
  <path d="M40 256c4-52 40-78 88-78s84 26 88 78z" fill="#f7f7f5"/>
  <path d="M104 182l24 40 24-40z" fill="${look.shirt}"/>
  <path d="M104 182l-14 10 22 44 16-14zM152 182l14 10-22 44-16-14z" fill="#e4e4e0"/>
  <rect x="112" y="150" width="32" height="38" rx="12" fill="${look.skin}"/>
  <ellipse cx="128" cy="118" rx="46" ry="52" fill="${look.skin}"/>
  <g fill="${look.hair}">${HAIR_FRONT[look.hairStyle]}</g>
  <g fill="#2b2b2b"><circle cx="110" cy="122" r="4.5"/><circle cx="146" cy="122" r="4.5"/></g>
  <path d="M112 146c8 8 24 8 32 0" fill="none" stroke="#2b2b2b" stroke-width="4" stroke-linecap="round"/>
  <path d="M84 214c10 6 14 14 14 24" fill="none" stroke="#9aa3a8" stroke-width="4" stroke-linecap="round"/>
  <circle cx="98" cy="240" r="7" fill="#9aa3a8"/>
</svg>`
}

/** The portrait as a 256 px PNG, the kind of file a clinic uploads. */
export async function portraitPng(look: PortraitLook): Promise<Buffer> {
  return sharp(Buffer.from(portraitSvg(look))).png().toBuffer()
}
