import type { PayloadRequest, Where } from 'payload'

import { rolesOf } from '../access/roles'
import { allowedActions, revisionOf } from './decide'
import { revisionHistories, titleOf } from './events'
import { stageLabel, WORKFLOW_COLLECTIONS, type State, type WorkflowCollection } from './table'

export type QueueItem = {
  collection: string
  id: number | string
  title: string
  state: State
  stage: string | null
  stageLabel: string | null
  actions: string[]
  comment?: string | null
  updatedAt: string
}

/**
 * 待我审核: items in review or approved that this user may act on now (their own work excluded by
 * the table's independence rule), and 被退回: their items that were rejected.
 */
export async function workflowQueue(
  req: PayloadRequest,
): Promise<{ toReview: QueueItem[]; rejected: QueueItem[] }> {
  const user = req.user!
  const toReview: QueueItem[] = []
  const rejected: QueueItem[] = []
  // The latest revisions the user may read, newest first: a panel shows at most 100 a collection.
  const latest = async (collection: WorkflowCollection, where: Where) =>
    (
      await req.payload.find({
        collection,
        where,
        draft: true,
        depth: 0,
        limit: 100,
        sort: '-updatedAt',
        req,
        overrideAccess: false,
        user,
      })
    ).docs as Record<string, any>[]
  const actor = { id: user.id, roles: rolesOf(user) }
  for (const collection of WORKFLOW_COLLECTIONS) {
    const waiting = await latest(collection, { workflowState: { in: ['in_review', 'approved'] } })
    const mine = await latest(collection, {
      and: [{ workflowState: { equals: 'draft' } }, { createdBy: { equals: user.id } }],
    })
    // Every item's history in one query, not one per item.
    const histories = await revisionHistories(
      req,
      collection,
      [...waiting, ...mine].map((doc) => doc.id),
    )
    for (const doc of waiting) {
      const history = histories.get(String(doc.id))!
      const actions = allowedActions(collection, revisionOf(doc, history), actor).filter(
        (action) => action === 'approve' || action === 'publish',
      )
      if (!actions.length) continue
      toReview.push(item(collection, doc, actions))
    }
    for (const doc of mine) {
      const { events } = histories.get(String(doc.id))!
      if (events[0]?.action === 'reject')
        rejected.push({ ...item(collection, doc, ['submit']), comment: events[0].comment ?? null })
    }
  }
  return { toReview, rejected }
}

function item(
  collection: (typeof WORKFLOW_COLLECTIONS)[number],
  doc: Record<string, any>,
  actions: string[],
): QueueItem {
  return {
    collection,
    id: doc.id,
    title: titleOf(doc as never),
    state: doc.workflowState,
    stage: doc.reviewStage ?? null,
    stageLabel: stageLabel(collection, doc.reviewStage)?.zh ?? null,
    actions,
    updatedAt: doc.updatedAt,
  }
}
