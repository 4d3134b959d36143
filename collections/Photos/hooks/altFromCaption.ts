import type { CollectionBeforeChangeHook } from 'payload'

/** Screen readers get the caption when nobody wrote alt text. */
export const altFromCaption: CollectionBeforeChangeHook = ({ data }) => {
  const alt = typeof data.alt === 'string' ? data.alt.trim() : ''
  const caption = typeof data.caption === 'string' ? data.caption.trim() : ''
  return alt || !caption ? data : { ...data, alt: caption }
}
