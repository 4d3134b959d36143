/**
 * The nightly link check: every link in every published article fetched afresh (dead links,
 * hijacked domains), with a report under 复查报告 and a notification to chief editors and admins
 * when something is wrong. Queues itself for the next night, like the site-health check.
 */
import type { Payload, PayloadRequest, TaskConfig } from 'payload'

import { ensureDaily, nextChinaHour, queueDaily } from '../config/recurring'
import { articleSegments } from '../content/segments'
import { notifyUsers, usersWithRoles } from '../workflow/notify'
import { findLinkIssues } from './proof/links'
import { forEachPublishedArticle } from './rescan'

export const LINK_CHECK_TASK = 'linkCheckNightly'
const RUN_AT_CHINA_HOUR = 3

export const nextNight = (from = new Date()) => nextChinaHour(RUN_AT_CHINA_HOUR, from)

export async function recheckPublishedLinks(req: PayloadRequest) {
  const broken: { id: number | string; title: string; links: string[] }[] = []
  const scanned = await forEachPublishedArticle(req, async (articles) => {
    for (const article of articles) {
      const segments = articleSegments(article).filter((segment) => !segment.derived)
      const issues = await findLinkIssues(article, segments, { fresh: true })
      if (issues.length)
        broken.push({ id: article.id, title: article.title, links: issues.map((i) => i.message) })
    }
  })
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
    if (input.repeat) await queueDaily(req.payload, 'linkCheckNightly', RUN_AT_CHINA_HOUR, req)
    return { output: { reportId: String(reportId), broken } }
  },
}

/** Queues the nightly check unless one is already waiting (the server calls this at start). */
export const ensureNightlyLinkCheck = (payload: Payload) =>
  ensureDaily(payload, LINK_CHECK_TASK, RUN_AT_CHINA_HOUR)
