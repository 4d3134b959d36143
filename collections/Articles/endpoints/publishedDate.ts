/**
 * The time an article was published is an inspection item: a falsified publication date vetoes a
 * government site. `firstPublishedAt` is set by the engine at the first publication and no API
 * changes it; the displayed `publishedDate` changes only through this endpoint, by a chief editor
 * or an admin, with a reason, and each change is a workflow event.
 */
import type { Endpoint, FieldAccess } from 'payload'

import { addDataAndFileToRequest } from 'payload'

import { hasRole } from '../../../src/access/roles'
import { withTransaction } from '../../../src/config/transaction'
import { publicChange } from '../../../src/delivery/invalidations'
import { guarded, json, loadLatest, requireStaff } from '../../../src/http/endpoints'
import { HttpError } from '../../../src/http/errors'
import { byWorkflowEngine } from '../../../src/workflow/context'
import { recordEvent } from '../../../src/workflow/events'
import type { State } from '../../../src/workflow/table'

/** Written by the engine and by system calls (import, seed), never by a person's save. */
export const engineOrSystemWrites: FieldAccess = ({ req }) => byWorkflowEngine(req) || !req.user

export const publishedDateEndpoint: Endpoint = {
  path: '/:id/published-date',
  method: 'post',
  handler: guarded(async (req) => {
    requireStaff(req)
    if (!hasRole(req.user, 'chief-editor', 'admin')) {
      throw new HttpError(
        403,
        'forbidden',
        '只有总编辑可以修改发布日期',
        'only a chief editor may change the published date',
      )
    }
    await addDataAndFileToRequest(req)
    const body = (req.data ?? {}) as { publishedDate?: unknown; reason?: unknown }
    const reason = typeof body.reason === 'string' ? body.reason.trim() : ''
    if (!reason)
      throw new HttpError(400, 'comment-required', '修改发布日期须说明理由', 'a reason is required')
    const date = new Date(String(body.publishedDate ?? ''))
    if (!body.publishedDate || Number.isNaN(date.getTime())) {
      throw new HttpError(
        400,
        'invalid-date',
        `时间格式无效:${String(body.publishedDate)},请使用 ISO 8601`,
        'invalid date',
      )
    }
    const result = await withTransaction(
      req.payload,
      async () => {
        const doc = await loadLatest(req, 'articles')
        const before = doc.publishedDate ?? null
        const publishedDate = date.toISOString()
        // The live document and its newest revision alike, and nothing else: a pending revision
        // is neither published by this nor loses the date when it is published later.
        await req.payload.db.updateOne({
          collection: 'articles',
          id: doc.id,
          data: { publishedDate },
          req,
        })
        const { docs } = await req.payload.db.findVersions({
          collection: 'articles',
          where: { parent: { equals: doc.id } },
          sort: '-updatedAt',
          limit: 1,
          pagination: false,
          req,
        })
        if (docs[0]) {
          await req.payload.db.updateVersion({
            collection: 'articles',
            id: docs[0].id,
            versionData: { ...(docs[0].version as object), publishedDate } as never,
            req,
          })
        }
        const saved = { ...doc, publishedDate }
        // Written past Payload's hooks: the read model and the caches are told here. The date
        // orders every list of articles, and this one's own page shows it.
        await publicChange(req, 'articles', saved)
        const step = {
          state: (doc.workflowState ?? 'draft') as State,
          stage: doc.reviewStage ?? null,
        }
        await recordEvent(req, {
          collection: 'articles',
          doc: saved,
          action: 'change-published-date',
          from: step,
          to: step,
          comment: `${reason}\n${before ?? '—'} → ${date.toISOString()}`,
        })
        return {
          id: saved.id,
          publishedDate,
          firstPublishedAt: doc.firstPublishedAt ?? null,
        }
      },
      { req },
    )
    return json(result)
  }),
}
