import type { CollectionAfterReadHook, Field } from 'payload'

import { label } from '../../../src/config/i18n'
import { bodyToHtml } from '../../../src/content/bodyHtml'

/** The body as HTML for downstream sites: declared here, filled by renderBodyHtml. */
export const bodyHtmlField = (): Field => ({
  name: 'bodyHtml',
  type: 'textarea',
  virtual: true,
  label: label('正文 HTML', 'Body as HTML'),
  admin: { hidden: true },
})

/**
 * Computed from what was populated, with no extra queries. A collection hook, because it must run
 * after the editor has populated the photos in the body; a photo the reader may not see does not
 * populate, so its slot renders as awaiting its image.
 */
export const renderBodyHtml: CollectionAfterReadHook = ({ doc }) => {
  if (doc && 'body' in doc) doc.bodyHtml = bodyToHtml(doc.body)
  return doc
}
