import type {
  CollectionAfterChangeHook,
  CollectionBeforeChangeHook,
  CollectionBeforeOperationHook,
  PayloadRequest,
} from 'payload'

import { relationId } from '../fields/relation'
import { byWorkflowEngine } from './context'
import { recordEvent } from './events'
import type { State, WorkflowCollection } from './table'

const REVISED = 'newsdeskRevisedFrom'
const RESTORING = 'newsdeskRestoringVersion'

/**
 * People save drafts; only the engine publishes. Whatever a request asks, a user's create or
 * update is saved as a draft revision, so the live version stays live until the next revision is
 * published by a workflow action. System calls without a user (seed, migrations) are left alone.
 */
export const saveAsDraft: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (byWorkflowEngine(req) || !req.user) return args
  if (operation === 'create' || operation === 'update') {
    args.draft = true
    const data = args.data as Record<string, unknown> | undefined
    if (data && typeof data === 'object' && data._status === 'published') {
      args.data = { ...data, _status: 'draft' } as typeof args.data
    }
  }
  return args
}

/** Marks the next save on this request as the restore of an old version (workflow/restore.ts). */
export const markRestoring = (req: PayloadRequest, versionId: string) => {
  req.context[RESTORING] = versionId
}

/**
 * Keeps the workflow fields honest outside the engine: a new item starts as a draft, and editing
 * an item that is in review, approved, published or withdrawn starts a new draft revision (what was
 * approved is what gets published). System saves follow their `_status`.
 */
export const resetWorkflowOnEdit: CollectionBeforeChangeHook = ({
  data,
  operation,
  originalDoc,
  req,
}) => {
  if (byWorkflowEngine(req)) return data
  if (!req.user) {
    const systemState: State = data._status === 'published' ? 'published' : 'draft'
    return { ...data, workflowState: systemState, reviewStage: null }
  }
  const editor = req.user.id
  if (operation === 'create') {
    const fresh = { workflowState: 'draft', reviewStage: null, publishAt: null, withdrawAt: null }
    return { ...data, ...fresh, revisionContributors: [editor], lastChangedBy: editor }
  }
  const from = (originalDoc?.workflowState ?? 'draft') as State
  // Who changed the revision since the last published version: nobody who did may review it.
  const since =
    from === 'published' || from === 'withdrawn' ? [] : (originalDoc?.revisionContributors ?? [])
  const contributors = [
    ...new Map([...since, editor].map((id) => [String(relationId(id)), relationId(id)])).values(),
  ]
  const restoring = req.context[RESTORING] !== undefined
  if (from === 'draft' && !restoring) {
    return {
      ...data,
      workflowState: 'draft',
      reviewStage: originalDoc?.reviewStage ?? null,
      revisionContributors: contributors,
      lastChangedBy: editor,
    }
  }
  req.context[REVISED] = { state: from, stage: originalDoc?.reviewStage ?? null }
  return {
    ...data,
    workflowState: 'draft',
    reviewStage: null,
    publishAt: null,
    revisionContributors: contributors,
    lastChangedBy: editor,
  }
}

/**
 * Records the step back to draft that an edit caused, so the 审签单 shows why review restarted; a
 * restored version is always such a step, and names the version it came from.
 */
export const recordRevision: CollectionAfterChangeHook = async ({ collection, doc, req }) => {
  const from = req.context[REVISED] as { state: State; stage: string | null } | undefined
  const restored = req.context[RESTORING] as string | undefined
  if (!from && !restored) return doc
  delete req.context[REVISED]
  delete req.context[RESTORING]
  await recordEvent(req, {
    collection: collection.slug as WorkflowCollection,
    doc,
    action: 'revise',
    from: from ?? { state: 'draft', stage: null },
    to: { state: 'draft', stage: null },
    comment: restored ? `恢复历史版本 ${restored} (restored version ${restored})` : null,
  })
  return doc
}
