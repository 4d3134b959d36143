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
  // The alt text describes the picture; the caption is already read out from <figcaption>, so a
  // photo nobody described gets an empty alt rather than the caption twice.
  return (
    `<figure class="photo-slot"><img src="${escapeHtml(photo.url)}" alt="${escapeHtml(photo.alt?.trim() ?? '')}"${size} loading="lazy">` +
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

/** 更正 under the article, as readers must see them: when, and what was corrected. */
export function correctionsHtml(corrections: unknown): string {
  if (!Array.isArray(corrections) || !corrections.length) return ''
  const items = corrections
    .map((c: { at?: string; note?: string }) => {
      const day = c.at
        ? new Date(c.at).toLocaleDateString('zh-CN', { timeZone: 'Asia/Shanghai' })
        : ''
      return `<li><time datetime="${escapeHtml(String(c.at ?? ''))}">${escapeHtml(day)}</time> ${escapeHtml(String(c.note ?? ''))}</li>`
    })
    .join('')
  return `<aside class="corrections"><h2>更正</h2><ul>${items}</ul></aside>`
}
