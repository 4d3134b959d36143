import type { CollectionBeforeChangeHook } from 'payload'

import { byWorkflowEngine } from '../../../src/workflow/context'

/**
 * An article published without a date written by the editor takes the moment of its first
 * publication. Only the engine publishes, so only its saves are looked at.
 */
export const stampPublishedDate: CollectionBeforeChangeHook = ({ data, originalDoc, req }) => {
  if (!byWorkflowEngine(req) || data._status !== 'published') return data
  if (data.publishedDate || originalDoc?.publishedDate) return data
  return { ...data, publishedDate: new Date().toISOString() }
}
