import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'

import { convertLexicalToHTML } from '@payloadcms/richtext-lexical/html'

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => ESCAPES[ch]!)

export type PopulatedPhoto = {
  url?: string | null
  alt?: string | null
  width?: number
  height?: number
}

/**
 * A photo slot as a figure: the image with its caption under it, or, when no photo is chosen (or the
 * reader may not see it, so it did not populate), the caption marked as awaiting its image.
 */
function photoSlotHtml(
  fields: { caption?: string | null; photo?: unknown },
  photos?: Map<string, PopulatedPhoto>,
): string {
  const caption = escapeHtml(fields.caption ?? '')
  const photo =
    fields.photo && typeof fields.photo === 'object'
      ? (fields.photo as PopulatedPhoto)
      : fields.photo != null
        ? (photos?.get(String(fields.photo)) ?? null)
        : null
  if (!photo?.url) {
    return `<figure class="photo-slot photo-slot--pending" data-pending="true"><figcaption>${caption}</figcaption></figure>`
  }
  const size = photo.width && photo.height ? ` width="${photo.width}" height="${photo.height}"` : ''
  return (
    `<figure class="photo-slot"><img src="${escapeHtml(photo.url)}" alt="${escapeHtml(photo.alt ?? fields.caption ?? '')}"${size} loading="lazy">` +
    `<figcaption>${caption}</figcaption></figure>`
  )
}

/**
 * The article body as HTML for downstream sites. Text is escaped by the converters. Photos that
 * were not populated (GraphQL, depth 0) are looked up in `photos`, loaded by the caller.
 */
export function bodyToHtml(
  body: SerializedEditorState | null | undefined,
  photos?: Map<string, PopulatedPhoto>,
): string {
  if (!body?.root) return ''
  return convertLexicalToHTML({
    data: body,
    disableContainer: true,
    converters: ({ defaultConverters }) => ({
      ...defaultConverters,
      blocks: {
        photoSlot: ({ node }: { node: unknown }) =>
          photoSlotHtml((node as any).fields ?? {}, photos),
      },
    }),
  })
}
