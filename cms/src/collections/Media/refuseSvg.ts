import { ValidationError, type CollectionBeforeOperationHook } from 'payload'

/**
 * A clinic's images are shown on its public site and in browsers' tabs and home
 * screens. SVG files can carry scripts and outside references, so they are refused
 * with a message saying what to upload instead (before Payload's own, terser check).
 */
export const refuseSvg: CollectionBeforeOperationHook = ({ args, collection, operation, req }) => {
  if (operation !== 'create' && operation !== 'update') return args
  const file = req.file
  if (!file) return args
  const head = file.data?.subarray(0, 512).toString('utf8').trimStart().toLowerCase() ?? ''
  const isSvg = /svg/i.test(file.mimetype ?? '') || /\.svgz?$/i.test(file.name ?? '') || head.startsWith('<svg') || (head.startsWith('<?xml') && head.includes('<svg'))
  if (isSvg)
    throw new ValidationError({
      collection: collection.slug,
      req,
      errors: [
        {
          path: 'file',
          message: 'SVG images are not accepted (they can carry scripts). Upload a PNG, JPEG or WebP, at least 512 × 512 pixels for a logo.',
        },
      ],
    })
  return args
}
