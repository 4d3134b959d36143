import type { CollectionAfterReadHook, Field } from 'payload'

import { createDataloaderCacheKey, getDataLoader } from 'payload'

import { label } from '../../../src/config/i18n'
import { bodyToHtml, type PopulatedPhoto } from '../../../src/content/bodyHtml'
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
  const photos = new Map<string, PopulatedPhoto>()
  if (ids.length) {
    const loader = req.payloadDataLoader ?? getDataLoader(req)
    const loaded = await Promise.all(
      ids.map((id) =>
        loader
          .load(
            createDataloaderCacheKey({
              collectionSlug: 'photos',
              currentDepth: 1,
              depth: 0,
              docID: id,
              draft: false,
              fallbackLocale: req.fallbackLocale!,
              locale: req.locale!,
              overrideAccess: false,
              showHiddenFields: false,
              transactionID: req.transactionID!,
            }),
          )
          .catch(() => null),
      ),
    )
    loaded.forEach((photo, i) => {
      if (photo) photos.set(String(ids[i]), photo as PopulatedPhoto)
    })
  }
  doc.bodyHtml = bodyToHtml(doc.body, photos)
  return doc
}
