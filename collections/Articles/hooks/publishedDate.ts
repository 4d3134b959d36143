import type { CollectionBeforeChangeHook } from 'payload'

import { byWorkflowEngine } from '../../../src/workflow/context'

/**
 * At an article's first publication the engine stamps `firstPublishedAt` (never changed after),
 * and a `publishedDate` nobody set takes the same moment. Only the engine publishes, so only its
 * saves are looked at.
 */
export const stampPublishedDate: CollectionBeforeChangeHook = ({ data, originalDoc, req }) => {
  if (!byWorkflowEngine(req) || data._status !== 'published') return data
  const now = new Date().toISOString()
  const firstPublishedAt = originalDoc?.firstPublishedAt ?? data.firstPublishedAt ?? now
  const publishedDate = data.publishedDate ?? originalDoc?.publishedDate ?? firstPublishedAt
  return { ...data, firstPublishedAt, publishedDate }
}
