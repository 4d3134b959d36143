/**
 * Restoring an old version, as the admin's 恢复 button, `POST /api/{collection}/versions/{id}` and
 * GraphQL's `restoreVersion…` ask. Payload's own restore writes the old version over the live
 * document, which took a live article offline with no reason, event or webhook. Here a restore is
 * an edit like any other: the old content saved as a new draft revision (a `revise` event naming
 * the version), which goes through review; what is live changes only through the engine.
 */
import type { Endpoint, PayloadRequest } from 'payload'

import { withTransaction } from '../config/transaction'
import { guarded, json, requireStaff } from '../http/endpoints'
import { HttpError } from '../http/errors'
import { markRestoring } from './hooks'
import type { WorkflowCollection } from './table'

/** What a revision never takes from an old version: identity, timestamps and workflow state. */
const NOT_RESTORED = [
  'id',
  'createdAt',
  'updatedAt',
  '_status',
  'workflowState',
  'reviewStage',
  'publishAt',
  'withdrawAt',
]

export async function restoreAsRevision(
  req: PayloadRequest,
  collection: WorkflowCollection,
  versionId: string,
) {
  requireStaff(req)
  const version = await req.payload
    .findVersionByID({
      collection,
      id: versionId,
      depth: 0,
      req,
      overrideAccess: false,
      user: req.user,
      disableErrors: true,
    })
    .catch(() => null)
  if (!version?.version)
    throw new HttpError(404, 'not-found', '找不到该历史版本', `no version ${versionId}`)
  const data = { ...(version.version as unknown as Record<string, unknown>) }
  for (const field of NOT_RESTORED) delete data[field]
  markRestoring(req, versionId)
  return req.payload.update({
    collection,
    id: version.parent as number | string,
    data: data as never,
    draft: true,
    depth: 0,
    req,
    overrideAccess: false,
    user: req.user,
  })
}

/** Takes the place of Payload's restore endpoint (custom endpoints are matched first). */
export const restoreEndpoint = (collection: WorkflowCollection): Endpoint => ({
  path: '/versions/:id',
  method: 'post',
  handler: guarded(async (req) => {
    const doc = await withTransaction(
      req.payload,
      () => restoreAsRevision(req, collection, String(req.routeParams?.id)),
      { req },
    )
    return json({ doc, message: req.t('version:restoredSuccessfully') })
  }),
})
