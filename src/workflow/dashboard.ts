/**
 * The dashboard's figures (GET /api/workflow/dashboard): per collection the count in each state and
 * review stage, and what went live today; the user's own drafts and rejected items; what waits for
 * them; scheduled publications within 24 hours; the nightly jobs' latest reports. Every count comes
 * with the admin list filtered to exactly those items, and every query runs with the user's access.
 */
import type { PayloadRequest, Where } from 'payload'

import { hasRole } from '../access/roles'
import { titleOf } from './events'
import { workflowQueue, type QueueItem } from './queue'
import {
  STATE_LABELS,
  stagesOf,
  WORKFLOW_COLLECTIONS,
  type State,
  type WorkflowCollection,
} from './table'

export type Cell = { key: string; label: string; count: number; href: string }
export type Listed = {
  collection: WorkflowCollection
  id: number | string
  title: string
  href: string
  at?: string
}

type Condition = [field: string, operator: string, value: string]

/** The admin list of a collection filtered by every condition (Payload reads `where` from the URL). */
export function listHref(admin: string, collection: string, conditions: Condition[]): string {
  const query = conditions
    .map(
      ([field, operator, value], i) =>
        `${encodeURIComponent(`where[and][${i}][${field}][${operator}]`)}=${encodeURIComponent(value)}`,
    )
    .join('&')
  return `${admin}/collections/${collection}${query ? `?${query}` : ''}`
}

const toWhere = (conditions: Condition[]): Where => ({
  and: conditions.map(([field, operator, value]) => ({
    [field]: { [operator]: operator === 'in' ? value.split(',') : value },
  })),
})

/** Midnight in China (UTC+8, no daylight saving) of the day `now` falls on, as an instant. */
export function chinaDayStart(now = new Date()): Date {
  const shifted = new Date(now.getTime() + 8 * 3_600_000)
  return new Date(
    Date.UTC(shifted.getUTCFullYear(), shifted.getUTCMonth(), shifted.getUTCDate()) - 8 * 3_600_000,
  )
}

const REPORTS = [
  { kind: 'links', label: '链接巡检' },
  { kind: 'rescan', label: '敏感词复查' },
  { kind: 'site-health', label: '网站健康检查' },
] as const

export async function dashboard(req: PayloadRequest, now = new Date()) {
  const user = req.user!
  const admin = req.payload.config.routes.admin
  const asUser = { req, user, overrideAccess: false, depth: 0 } as const
  const count = async (collection: WorkflowCollection, conditions: Condition[]) =>
    (
      await req.payload.find({
        ...asUser,
        collection,
        where: toWhere(conditions),
        draft: true,
        limit: 1,
        select: { workflowState: true },
      })
    ).totalDocs
  const cell = async (
    collection: WorkflowCollection,
    key: string,
    label: string,
    conditions: Condition[],
  ): Promise<Cell> => ({
    key,
    label,
    count: await count(collection, conditions),
    href: listHref(admin, collection, conditions),
  })
  const state = (value: State): Condition => ['workflowState', 'equals', value]
  const dayStart = chinaDayStart(now)

  const counts = []
  for (const collection of WORKFLOW_COLLECTIONS) {
    const label = req.payload.collections[collection].config.labels.plural as { zh?: string }
    const cells: Cell[] = [await cell(collection, 'draft', '草稿', [state('draft')])]
    for (const stage of stagesOf(collection)) {
      cells.push(
        await cell(collection, `in_review:${stage.key}`, `${stage.label.zh}中`, [
          state('in_review'),
          ['reviewStage', 'equals', stage.key],
        ]),
      )
    }
    cells.push(await cell(collection, 'approved', STATE_LABELS.approved.zh, [state('approved')]))
    // 今日发布: what a publish event put live since midnight (China) and is still live.
    const events = await req.payload.find({
      ...asUser,
      collection: 'workflow-events',
      where: {
        and: [
          { collection: { equals: collection } },
          { action: { equals: 'publish' } },
          { at: { greater_than_equal: dayStart.toISOString() } },
        ],
      },
      limit: 500,
      pagination: false,
      select: { documentId: true },
    })
    const ids = [...new Set(events.docs.map((event) => String(event.documentId)))]
    cells.push(
      ids.length
        ? await cell(collection, 'published-today', '今日发布', [
            state('published'),
            ['id', 'in', ids.join(',')],
          ])
        : {
            key: 'published-today',
            label: '今日发布',
            count: 0,
            href: listHref(admin, collection, [state('published')]),
          },
    )
    cells.push(await cell(collection, 'withdrawn', STATE_LABELS.withdrawn.zh, [state('withdrawn')]))
    counts.push({
      collection,
      label: label?.zh ?? collection,
      href: listHref(admin, collection, []),
      cells,
    })
  }

  const listed = async (
    collection: WorkflowCollection,
    where: Where,
    sort: string,
    at?: string,
  ): Promise<Listed[]> =>
    (
      await req.payload.find({ ...asUser, collection, where, draft: true, limit: 20, sort })
    ).docs.map((doc) => ({
      collection,
      id: doc.id,
      title: titleOf(doc as never),
      href: `${admin}/collections/${collection}/${doc.id}`,
      ...(at ? { at: String((doc as unknown as Record<string, unknown>)[at] ?? '') } : {}),
    }))
  const drafts: Listed[] = []
  const scheduled: Listed[] = []
  const soon = new Date(now.getTime() + 24 * 3_600_000).toISOString()
  for (const collection of WORKFLOW_COLLECTIONS) {
    drafts.push(
      ...(await listed(
        collection,
        { and: [{ workflowState: { equals: 'draft' } }, { createdBy: { equals: user.id } }] },
        '-updatedAt',
      )),
    )
    scheduled.push(
      ...(await listed(
        collection,
        {
          and: [
            { workflowState: { equals: 'approved' } },
            { publishAt: { greater_than_equal: now.toISOString() } },
            { publishAt: { less_than_equal: soon } },
          ],
        },
        'publishAt',
        'publishAt',
      )),
    )
  }
  scheduled.sort((a, b) => String(a.at).localeCompare(String(b.at)))

  const reports = []
  // The nightly reports are the chief editors' (and admins'): others are not shown them.
  if (hasRole(user, 'chief-editor', 'admin')) {
    for (const { kind, label } of REPORTS) {
      const { docs } = await req.payload.find({
        ...asUser,
        collection: 'quality-reports',
        where: { kind: { equals: kind } },
        sort: '-createdAt',
        limit: 1,
      })
      const report = docs[0]
      if (!report) continue
      reports.push({
        kind,
        label,
        summary: report.summary,
        findings: Array.isArray(report.matches) ? report.matches.length : 0,
        createdAt: report.createdAt,
        href: `${admin}/collections/quality-reports/${report.id}`,
      })
    }
  }

  const { toReview, rejected } = await workflowQueue(req)
  const withHref = (item: QueueItem) => ({
    ...item,
    href: `${admin}/collections/${item.collection}/${item.id}`,
  })
  return {
    counts,
    toReview: toReview.map(withHref),
    rejected: rejected.map(withHref),
    drafts,
    scheduled,
    reports,
  }
}
