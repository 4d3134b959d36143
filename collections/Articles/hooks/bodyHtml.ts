import type { Field } from 'payload'

import { label } from '../../../src/config/i18n'
import { bodyToHtml } from '../../../src/content/bodyHtml'

/**
 * The body as HTML for downstream sites, computed on read from what was populated: no extra queries.
 * A photo the reader may not see does not populate, so its slot renders as awaiting its image.
 */
export const bodyHtmlField = (): Field => ({
  name: 'bodyHtml',
  type: 'textarea',
  virtual: true,
  label: label('正文 HTML', 'Body as HTML'),
  admin: { hidden: true },
  hooks: {
    afterRead: [({ siblingData }) => bodyToHtml(siblingData?.body)],
  },
})
