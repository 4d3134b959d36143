import type { CollectionBeforeChangeHook } from 'payload'

import { byWorkflowEngine } from '../../../src/workflow/context'

/**
 * At an article's first publication the engine stamps `firstPublishedAt` (never changed after),
 * and a `publishedDate` nobody set takes the original date an import found, or else that moment.
 * Only the engine publishes, so only its saves are looked at.
 */
export const stampPublishedDate: CollectionBeforeChangeHook = ({ data, originalDoc, req }) => {
  if (!byWorkflowEngine(req) || data._status !== 'published') return data
  const now = new Date().toISOString()
  const firstPublishedAt = originalDoc?.firstPublishedAt ?? data.firstPublishedAt ?? now
  // An imported archive article keeps the date it first appeared on.
  const publishedDate =
    data.publishedDate ??
    originalDoc?.publishedDate ??
    data.originalPublishedAt ??
    originalDoc?.originalPublishedAt ??
    firstPublishedAt
  return { ...data, firstPublishedAt, publishedDate }
}
