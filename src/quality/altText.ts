import type { PayloadRequest } from 'payload'

import { photoSlotsOf } from '../import/lexical'
import { relationId } from '../fields/relation'

/**
 * A photo an article uses that has no alt text (替代文字): screen-reader users hear only the
 * caption, and a caption ("全省招商引资大会在兰州新区召开") says when and why, not what the picture
 * shows. A warning, never a block: the description is the photographer's or editor's to write.
 */
export type AltTextFinding = {
  severity: 'warn'
  photo: number | string
  caption: string
  place: string
  message: string
}

export async function findMissingAltText(
  req: PayloadRequest,
  article: { coverPhoto?: unknown; body?: unknown },
): Promise<AltTextFinding[]> {
  const places = new Map<string, string>()
  const cover = relationId(article.coverPhoto)
  if (cover != null) places.set(String(cover), '封面图')
  photoSlotsOf(article.body).forEach((slot, i) => {
    const id = relationId(slot.photo)
    if (id != null && !places.has(String(id))) places.set(String(id), `第${i + 1}个图片位`)
  })
  if (!places.size) return []
  const { docs } = await req.payload.find({
    collection: 'photos',
    where: { id: { in: [...places.keys()] } },
    draft: true,
    depth: 0,
    limit: places.size,
    pagination: false,
    select: { caption: true, filename: true, alt: true },
    req,
    overrideAccess: true,
  })
  return docs
    .filter((photo) => !(typeof photo.alt === 'string' && photo.alt.trim()))
    .map((photo) => {
      const caption = photo.caption || photo.filename || `#${photo.id}`
      return {
        severity: 'warn' as const,
        photo: photo.id,
        caption,
        place: places.get(String(photo.id)) ?? '图片',
        message: `图片「${caption}」没有替代文字:请描述画面内容,供看不见图片的读者使用`,
      }
    })
}
