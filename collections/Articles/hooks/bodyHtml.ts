import type { CollectionAfterReadHook, Field } from 'payload'

import { label } from '../../../src/config/i18n'
import { bodyToHtml, correctionsHtml, type PopulatedPhoto } from '../../../src/content/bodyHtml'
import { loadPhotos } from '../../../src/content/loadPhotos'
import { photoSlotsOf } from '../../../src/import/lexical'

/** The body as HTML for downstream sites: declared here, filled by renderBodyHtml. */
export const bodyHtmlField = (): Field => ({
  name: 'bodyHtml',
  type: 'textarea',
  virtual: true,
  label: label('正文 HTML', 'Body as HTML'),
  admin: { hidden: true },
})

/**
 * A collection hook, because it must run after the editor has populated the photos in the body.
 * Photos left unpopulated (GraphQL, or depth 0) are loaded through Payload's request dataloader,
 * which batches them across every document of the response into one query, with the reader's
 * access: a photo the reader may not see stays out, and its slot renders as awaiting its image.
 */
export const renderBodyHtml: CollectionAfterReadHook = async ({ doc, req }) => {
  if (!doc || !('body' in doc)) return doc
  const ids = photoSlotsOf(doc.body)
    .map((slot) => slot.photo)
    .filter((photo): photo is number | string => photo != null && typeof photo !== 'object')
  const photos = await loadPhotos(req, ids, { asReader: true })
  doc.bodyHtml =
    bodyToHtml(doc.body, photos as Map<string, PopulatedPhoto>) + correctionsHtml(doc.corrections)
  return doc
}
