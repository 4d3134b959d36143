import { photoSlotsOf } from '../import/lexical'

const idOf = (value: unknown): number | string | null =>
  value && typeof value === 'object' ? ((value as { id?: number | string }).id ?? null) : ((value as number | string) ?? null)

/** The photos an article shows: its cover and the photos in its body's photo slots. */
export function photosUsedBy(article: { coverPhoto?: unknown; body?: unknown }): (number | string)[] {
  const ids = [idOf(article.coverPhoto), ...photoSlotsOf(article.body).map((slot) => idOf(slot.photo))]
  return [...new Set(ids.filter((id): id is number | string => id !== null && id !== undefined))]
}
