/**
 * Site health as an inspection sees it (政府网站普查): public columns not updated within their
 * cadence (and those within 20 % of it), empty public columns, 政策解读 articles that do not link the
 * policy they interpret, and published policies that nothing interprets. Each finding is a sentence
 * and a link to what needs doing.
 */
import type { PayloadRequest } from 'payload'

import { relationId, type Id } from '../fields/relation'
import { published } from '../access/content'
import { columnActivity, inColumns, readableColumns, withDescendants, type ColumnRow } from './tree'

export type FindingKind =
  'overdue' | 'due-soon' | 'empty' | 'interpretation-unlinked' | 'policy-uninterpreted'

export type Finding = {
  /** Stable across runs, so the daily job can tell new findings from known ones. */
  key: string
  kind: FindingKind
  severity: 'error' | 'warn'
  text: string
  column?: { id: Id; name: string }
  article?: { id: Id; title: string }
  daysSince?: number
  cadenceDays?: number
  /** Where in the admin the fix starts. */
  link: string
}

const DAY = 86_400_000
const DUE_SOON = 0.8

export async function siteHealth(
  req: PayloadRequest,
  now = new Date(),
): Promise<{ generatedAt: string; findings: Finding[] }> {
  const admin = req.payload.config.routes.admin
  // Staff see every column; the checks concern those readers can see.
  const rows = (await readableColumns(req)).filter(
    (row) => row._status === 'published' && row.isPublic !== false,
  )
  const findings: Finding[] = []
  for (const row of rows) {
    const column = { id: row.id, name: row.name }
    const list = `${admin}/collections/articles?where[primaryColumn][equals]=${row.id}`
    const { count, lastUpdated } = await columnActivity(req, withDescendants(rows, row.id))
    if (count === 0) {
      findings.push({
        key: `empty:${row.id}`,
        kind: 'empty',
        severity: 'error',
        text: `栏目「${row.name}」对外公开,但还没有任何已发布内容(空栏目)`,
        column,
        link: `${admin}/collections/articles/create`,
      })
      continue
    }
    if (!row.cadenceDays || !lastUpdated) continue
    const daysSince = Math.floor((now.getTime() - new Date(lastUpdated).getTime()) / DAY)
    if (daysSince > row.cadenceDays) {
      findings.push({
        key: `overdue:${row.id}`,
        kind: 'overdue',
        severity: 'error',
        text: `栏目「${row.name}」已 ${daysSince} 天未更新,超过 ${row.cadenceDays} 天的更新周期`,
        column,
        daysSince,
        cadenceDays: row.cadenceDays,
        link: list,
      })
    } else if (daysSince >= row.cadenceDays * DUE_SOON) {
      findings.push({
        key: `due-soon:${row.id}`,
        kind: 'due-soon',
        severity: 'warn',
        text: `栏目「${row.name}」已 ${daysSince} 天未更新,${row.cadenceDays - daysSince} 天后将超过更新周期`,
        column,
        daysSince,
        cadenceDays: row.cadenceDays,
        link: list,
      })
    }
  }
  findings.push(...(await interpretationFindings(req, rows, admin)))
  return { generatedAt: now.toISOString(), findings }
}

/** 政策解读 must link the policy it interprets; a published policy should have its 解读. */
async function interpretationFindings(
  req: PayloadRequest,
  rows: ColumnRow[],
  admin: string,
): Promise<Finding[]> {
  const idsOf = (kind: string) =>
    rows.filter((row) => row.kind === kind).flatMap((row) => withDescendants(rows, row.id))
  const interpretationColumns = idsOf('interpretation')
  const policyColumns = idsOf('policy')
  const findings: Finding[] = []

  const interpretations = interpretationColumns.length
    ? (
        await req.payload.find({
          collection: 'articles',
          where: { and: [published, inColumns(interpretationColumns)] },
          select: { title: true, interprets: true },
          depth: 0,
          pagination: false,
          req,
          overrideAccess: true,
        })
      ).docs
    : []
  const policies = policyColumns.length
    ? (
        await req.payload.find({
          collection: 'articles',
          where: { and: [published, inColumns(policyColumns)] },
          select: { title: true },
          depth: 0,
          pagination: false,
          req,
          overrideAccess: true,
        })
      ).docs
    : []
  const livePolicies = new Set(policies.map((policy) => String(policy.id)))
  const interpreted = new Set<string>()
  for (const article of interpretations) {
    const target = relationId(article.interprets)
    if (target != null && livePolicies.has(String(target))) {
      interpreted.add(String(target))
      continue
    }
    findings.push({
      key: `interpretation-unlinked:${article.id}`,
      kind: 'interpretation-unlinked',
      severity: 'error',
      text:
        target == null
          ? `政策解读「${article.title}」没有关联所解读的政策文件`
          : `政策解读「${article.title}」关联的政策文件未发布或已撤稿`,
      article: { id: article.id, title: article.title },
      link: `${admin}/collections/articles/${article.id}`,
    })
  }
  for (const policy of policies) {
    if (interpreted.has(String(policy.id))) continue
    findings.push({
      key: `policy-uninterpreted:${policy.id}`,
      kind: 'policy-uninterpreted',
      severity: 'warn',
      text: `政策文件「${policy.title}」还没有政策解读`,
      article: { id: policy.id, title: policy.title },
      link: `${admin}/collections/articles/create`,
    })
  }
  return findings
}
