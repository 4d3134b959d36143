import type { PayloadRequest } from 'payload'

import { rolesOf } from '../access/roles'
import { allowedActions, revisionOf } from './decide'
import { revisionHistory, titleOf } from './events'
import { stageLabel, WORKFLOW_COLLECTIONS, type State } from './table'

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
export async function workflowQueue(req: PayloadRequest): Promise<{ toReview: QueueItem[]; rejected: QueueItem[] }> {
  const user = req.user!
  const toReview: QueueItem[] = []
  const rejected: QueueItem[] = []
  for (const collection of WORKFLOW_COLLECTIONS) {
    const { docs } = await req.payload.find({
      collection,
      where: { workflowState: { in: ['in_review', 'approved'] } },
      draft: true,
      depth: 0,
      limit: 100,
      sort: '-updatedAt',
      req,
      overrideAccess: false,
      user,
    })
    for (const doc of docs as Record<string, any>[]) {
      const history = await revisionHistory(req, collection, doc.id)
      const actions = allowedActions(collection, revisionOf(doc, history), { id: user.id, roles: rolesOf(user) }).filter((action) => action === 'approve' || action === 'publish')
      if (!actions.length) continue
      toReview.push(item(collection, doc, actions))
    }
    const mine = await req.payload.find({
      collection,
      where: { and: [{ workflowState: { equals: 'draft' } }, { createdBy: { equals: user.id } }] },
      draft: true,
      depth: 0,
      limit: 100,
      sort: '-updatedAt',
      req,
      overrideAccess: false,
      user,
    })
    for (const doc of mine.docs as Record<string, any>[]) {
      const { events } = await revisionHistory(req, collection, doc.id)
      if (events[0]?.action === 'reject') rejected.push({ ...item(collection, doc, ['submit']), comment: events[0].comment ?? null })
    }
  }
  return { toReview, rejected }
}

function item(collection: (typeof WORKFLOW_COLLECTIONS)[number], doc: Record<string, any>, actions: string[]): QueueItem {
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
