/**
 * The nightly link check: every link in every published article fetched afresh (dead links,
 * hijacked domains), with a report under 复查报告 and a notification to chief editors and admins
 * when something is wrong. Queues itself for the next night, like the site-health check.
 */
import type { Payload, PayloadRequest, TaskConfig } from 'payload'

import { articleSegments } from '../content/segments'
import { notifyUsers, usersWithRoles } from '../workflow/notify'
import { findLinkIssues } from './proof/links'

export const LINK_CHECK_TASK = 'linkCheckNightly'
const RUN_AT_CHINA_HOUR = 3

export function nextNight(from = new Date()): Date {
  const china = new Date(from.getTime() + 8 * 3600_000)
  const next = new Date(
    Date.UTC(china.getUTCFullYear(), china.getUTCMonth(), china.getUTCDate(), RUN_AT_CHINA_HOUR),
  )
  if (next.getTime() <= china.getTime()) next.setUTCDate(next.getUTCDate() + 1)
  return new Date(next.getTime() - 8 * 3600_000)
}

export async function recheckPublishedLinks(req: PayloadRequest) {
  const broken: { id: number | string; title: string; links: string[] }[] = []
  let scanned = 0
  for (let page = 1; ; page += 1) {
    const { docs, hasNextPage } = await req.payload.find({
      collection: 'articles',
      where: { _status: { equals: 'published' } },
      depth: 0,
      limit: 50,
      page,
      req,
      overrideAccess: true,
    })
    for (const article of docs) {
      scanned += 1
      const segments = articleSegments(article).filter((segment) => !segment.derived)
      const issues = await findLinkIssues(article, segments, { fresh: true })
      if (issues.length)
        broken.push({ id: article.id, title: article.title, links: issues.map((i) => i.message) })
    }
    if (!hasNextPage) break
  }
  const summary = `链接巡检:${scanned} 篇已发布文章,${broken.length} 篇有失效或被劫持的链接`
  const report = await req.payload.create({
    collection: 'quality-reports',
    data: { kind: 'links', summary, scanned, matches: broken as never },
    req,
    overrideAccess: true,
  })
  if (broken.length) {
    await notifyUsers(req, await usersWithRoles(req, ['chief-editor', 'admin']), {
      kind: 'quality',
      title: summary,
      message: broken.map((b) => `「${b.title}」:${b.links.join(';')}`).join('\n'),
      collectionSlug: 'quality-reports',
      documentId: String(report.id),
    })
  }
  return { reportId: report.id, broken: broken.length, scanned }
}

export const linkCheckTask: TaskConfig<'linkCheckNightly'> = {
  slug: 'linkCheckNightly',
  label: '链接巡检 (nightly link check)',
  retries: 1,
  inputSchema: [{ name: 'repeat', type: 'checkbox' }],
  handler: async ({ input, req }) => {
    const { reportId, broken } = await recheckPublishedLinks(req)
    if (input.repeat) {
      await req.payload.jobs.queue({
        task: 'linkCheckNightly',
        queue: 'workflow',
        input: { repeat: true },
        waitUntil: nextNight(),
        req,
      })
    }
    return { output: { reportId: String(reportId), broken } }
  },
}

/** Queues the nightly check unless one is already waiting (the server calls this at start). */
export async function ensureNightlyLinkCheck(payload: Payload): Promise<void> {
  const { totalDocs } = await payload.count({
    collection: 'payload-jobs',
    where: {
      and: [
        { taskSlug: { equals: LINK_CHECK_TASK } },
        { completedAt: { exists: false } },
        { hasError: { not_equals: true } },
      ],
    },
    overrideAccess: true,
  })
  if (totalDocs > 0) return
  await payload.jobs.queue({
    task: 'linkCheckNightly',
    queue: 'workflow',
    input: { repeat: true },
    waitUntil: nextNight(),
  })
}
