import type { Endpoint, PayloadRequest } from 'payload'

import { addDataAndFileToRequest } from 'payload'

import { WRITERS } from '../access/content'
import { hasRole, rolesOf } from '../access/roles'
import { relationId, sameId } from '../fields/relation'
import { withTransaction } from '../config/transaction'
import { guarded, json, loadLatest, requireStaff } from '../http/endpoints'
import { HttpError } from '../http/errors'
import { allowedActions, decide, revisionOf } from './decide'
import { revisionHistory } from './events'
import { latestVersionId } from './context'
import { isLive, transition, type TransitionInput } from './engine'
import { workflowQueue } from './queue'
import { dashboard } from './dashboard'
import { buildReviewRecord, reviewRecordHtml } from './reviewRecord'
import { STATE_LABELS, stageLabel, type WorkflowCollection } from './table'

/**
 * Runs one workflow action in a transaction of its own (its emails go out once it commits). Shared
 * by the REST endpoint and the GraphQL mutation.
 */
export async function runTransition(req: PayloadRequest, input: TransitionInput) {
  try {
    return await withTransaction(req.payload, () => transition(req, input), { req })
  } catch (error) {
    throw mapConflict(error)
  }
}

/** A write conflict between concurrent transitions (MongoDB) is the loser's 409, not a 500. */
function mapConflict(error: unknown) {
  const text = String((error as Error)?.message ?? '')
  if (/WriteConflict|write conflict|SQLITE_BUSY/i.test(text)) {
    return new HttpError(
      409,
      'concurrent-change',
      '该内容正在被他人处理,请刷新后重试',
      'a concurrent change won',
    )
  }
  return error
}

export function workflowEndpoints(collection: WorkflowCollection): Endpoint[] {
  return [
    {
      path: '/:id/workflow',
      method: 'post',
      handler: guarded(async (req) => {
        requireStaff(req)
        await addDataAndFileToRequest(req)
        const body = (req.data ?? {}) as Record<string, unknown>
        const id = String(req.routeParams?.id)
        const result = await runTransition(req, { ...body, collection, id, action: body.action })
        return json(result)
      }),
    },
    {
      // What the current user may do now: the admin's buttons.
      path: '/:id/workflow',
      method: 'get',
      handler: guarded(async (req) => {
        const doc = await loadLatest(req, collection)
        const history = await revisionHistory(req, collection, doc.id)
        const revision = revisionOf(doc, history)
        const { state, stage } = revision
        const actor = { id: req.user!.id, roles: rolesOf(req.user) }
        const actions = allowedActions(collection, revision, actor)
        // 更正 is offered on a live item whose newer revision waits (engine.ts decides it so).
        if (revision.state !== 'published' && (await isLive(req, collection, doc.id))) {
          if (decide(collection, { ...revision, state: 'published' }, actor, 'correct').ok)
            actions.push('correct')
        }
        const last = history.events[0]
        return json({
          id: doc.id,
          collection,
          state,
          stateLabel: STATE_LABELS[state],
          stage,
          stageLabel: stageLabel(collection, stage) ?? null,
          publishAt: (doc as any).publishAt ?? null,
          withdrawAt: (doc as any).withdrawAt ?? null,
          actions,
          // The version this answer describes: the admin sends it back with the action it takes.
          versionId: await latestVersionId(req, collection, doc.id),
          lastEvent: last
            ? { action: last.action, comment: last.comment ?? null, at: last.at }
            : null,
        })
      }),
    },
    {
      path: '/:id/review-record',
      method: 'get',
      handler: guarded(async (req) => {
        const doc = await loadLatest(req, collection)
        assertMayReadRecord(req, collection, doc)
        const record = await buildReviewRecord(req, collection, doc)
        if (req.searchParams?.get('format') === 'html') {
          return new Response(reviewRecordHtml(record), {
            headers: {
              'Content-Type': 'text/html; charset=utf-8',
              'Cache-Control': 'private, no-store',
            },
          })
        }
        return json(record)
      }),
    },
  ]
}

/**
 * The 审签单 carries every reviewer's comments: the newsroom's writers read any, a photographer
 * only those of their own photos (the same rule as reading workflow events).
 */
function assertMayReadRecord(
  req: PayloadRequest,
  collection: WorkflowCollection,
  doc: Record<string, unknown>,
) {
  if (hasRole(req.user, ...WRITERS)) return
  if (collection === 'photos' && sameId(relationId(doc.createdBy), req.user!.id)) return
  throw new HttpError(
    403,
    'forbidden',
    '您的角色只能查看自己图片的审签单',
    'photographers read the records of their own photos',
  )
}

/** GET /api/workflow/queue: what waits for the current user, and their rejected items. */
/** The dashboard's counts and lists (workflow/dashboard.ts), for staff. */
export const dashboardEndpoint: Endpoint = {
  path: '/workflow/dashboard',
  method: 'get',
  handler: guarded(async (req) => {
    requireStaff(req)
    return json(await dashboard(req))
  }),
}

export const queueEndpoint: Endpoint = {
  path: '/workflow/queue',
  method: 'get',
  handler: guarded(async (req) => {
    requireStaff(req)
    return json(await workflowQueue(req))
  }),
}
