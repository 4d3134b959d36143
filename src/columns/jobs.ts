/**
 * The daily site-health check on the jobs queue: it writes a report and tells chief editors (and
 * admins) about findings that the previous report did not have, then queues itself for the next
 * morning. `ensureDailySiteHealth` queues the first run when none is waiting.
 */
import type { Payload, PayloadRequest, TaskConfig } from 'payload'

import { ensureDaily, nextChinaHour, queueDaily } from '../config/recurring'
import { notifyUsers, usersWithRoles } from '../workflow/notify'
import { siteHealth, type Finding } from './health'

export const SITE_HEALTH_TASK = 'siteHealthDaily'
const RUN_AT_CHINA_HOUR = 7

/** The next 07:00 in China after `from`. */
export const nextMorning = (from = new Date()) => nextChinaHour(RUN_AT_CHINA_HOUR, from)

export const siteHealthTask: TaskConfig<'siteHealthDaily'> = {
  slug: 'siteHealthDaily',
  label: '网站健康检查 (daily site health)',
  retries: 2,
  inputSchema: [{ name: 'repeat', type: 'checkbox' }],
  handler: async ({ input, req }) => {
    const { reportId, fresh } = await checkSiteHealth(req)
    if (input.repeat) await queueDaily(req.payload, 'siteHealthDaily', RUN_AT_CHINA_HOUR, req)
    return { output: { reportId: String(reportId), fresh } }
  },
}

/** One check: a report, and a notification of what is new since the last one. */
export async function checkSiteHealth(req: PayloadRequest) {
  const { findings } = await siteHealth(req)
  const { docs } = await req.payload.find({
    collection: 'quality-reports',
    where: { kind: { equals: 'site-health' } },
    sort: '-createdAt',
    limit: 1,
    depth: 0,
    req,
    overrideAccess: true,
  })
  const before = new Set(
    ((docs[0]?.matches as Finding[] | undefined) ?? []).map((finding) => finding.key),
  )
  const fresh = findings.filter((finding) => !before.has(finding.key))
  const summary = `网站健康检查:${findings.length} 项问题${fresh.length ? `,新增 ${fresh.length} 项` : ''}`
  const report = await req.payload.create({
    collection: 'quality-reports',
    data: { kind: 'site-health', summary, scanned: findings.length, matches: findings as never },
    req,
    overrideAccess: true,
  })
  if (fresh.length) {
    await notifyUsers(req, await usersWithRoles(req, ['chief-editor', 'admin']), {
      kind: 'site-health',
      title: `网站健康检查新增 ${fresh.length} 项问题`,
      message: fresh.map((finding) => finding.text).join('\n'),
      collectionSlug: 'quality-reports',
      documentId: String(report.id),
    })
  }
  return { reportId: report.id, fresh: fresh.length }
}

/** Queues the daily check unless one is already waiting (each server start calls this). */
export const ensureDailySiteHealth = (payload: Payload) =>
  ensureDaily(payload, SITE_HEALTH_TASK, RUN_AT_CHINA_HOUR)
