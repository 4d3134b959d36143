import { relationId } from '../fields/relation'
import { photoSlotsOf } from '../import/lexical'

/** The photos an article shows: its cover and the photos in its body's photo slots. */
export function photosUsedBy(article: {
  coverPhoto?: unknown
  body?: unknown
}): (number | string)[] {
  const ids = [
    relationId(article.coverPhoto),
    ...photoSlotsOf(article.body).map((slot) => relationId(slot.photo)),
  ]
  return [...new Set(ids.filter((id): id is number | string => id !== null && id !== undefined))]
}
