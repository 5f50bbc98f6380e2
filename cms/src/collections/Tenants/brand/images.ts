import type { Field, UploadFieldSingleValidation } from 'payload'
import { idOf, sameId } from '../../../access/roles.ts'
import { lookup } from '../../../database/index.ts'

/**
 * An image of the clinic's own (Images collection, same clinic): offered from that
 * clinic's images only, and refused when another clinic's image id is sent anyway.
 * Images are resized on upload (see Media): the site uses the square icons.
 */
export const clinicImageField = (name: string, label: string, description: string): Field => ({
  name,
  label,
  type: 'upload',
  relationTo: 'media',
  admin: { description },
  filterOptions: ({ id }) => (id ? { tenant: { equals: id } } : false),
  validate: (async (value, { id, req }) => {
    const imageId = idOf(value)
    if (!imageId) return true
    if (id === undefined || id === null) return "Save the clinic first: its logo is one of the clinic's own images."
    const image = await lookup.byId(req, 'media', imageId, { tenant: true })
    if (!image) return 'This image does not exist (any more). Upload it again.'
    return sameId(idOf(image.tenant), id) ? true : "Choose one of this clinic's images."
  }) as UploadFieldSingleValidation,
})
