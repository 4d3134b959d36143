import type { CollectionBeforeChangeHook } from 'payload'

import { makeExcerpt } from '../../../src/content/plainText'
import { relationId, type Id } from '../../../src/fields/relation'
import { photosUsedBy } from '../../../src/workflow/photos'

export const DATA_SOURCE_PREFIX = '数据来源:'

/** The `数据来源:` line readers see, in the order the sources were linked. */
export function dataSourceLine(offices: string[]): string | null {
  const names = offices.map((office) => office.trim()).filter(Boolean)
  return names.length ? `${DATA_SOURCE_PREFIX}${[...new Set(names)].join('、')}` : null
}

/**
 * Keeps the derived text in step with what editors wrote: the data-source line from the linked
 * offices (one query, inside the same transaction) and a plain-text excerpt when none was written.
 */
export const deriveArticleText: CollectionBeforeChangeHook = async ({ data, req }) => {
  const ids = ((data.dataSources ?? []) as unknown[])
    .map(relationId)
    .filter((id): id is Id => id != null)
  let line: string | null = null
  if (ids.length) {
    const { docs } = await req.payload.find({
      collection: 'data-sources',
      where: { id: { in: ids } },
      select: { office: true },
      depth: 0,
      limit: ids.length,
      draft: true,
      overrideAccess: true,
      req,
    })
    const byId = new Map(docs.map((doc) => [String(doc.id), doc.office]))
    line = dataSourceLine(ids.map((id) => byId.get(String(id)) ?? ''))
  }
  const excerpt =
    typeof data.excerpt === 'string' && data.excerpt.trim()
      ? data.excerpt.trim()
      : makeExcerpt(data.lead, data.body)
  // Which photos the article shows, kept as a relation so rights expiry can find the articles.
  return { ...data, dataSourceLine: line, excerpt, usedPhotos: photosUsedBy(data) }
}
