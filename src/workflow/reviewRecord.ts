/**
 * 审签单: the sign-off sheet of a revision — who submitted it, who approved each stage and when,
 * the comments, and who published it. For the current revision, or, when that has not been
 * submitted yet, for the last published one.
 */
import type { PayloadRequest } from 'payload'

import { escapeHtml } from '../content/bodyHtml'
import { titleOf } from './events'
import { redline, type RedlineChange } from './redline'
import {
  ACTION_LABELS,
  STATE_LABELS,
  stageLabel,
  stagesOf,
  type Action,
  type State,
  type WorkflowCollection,
} from './table'

type Event = Record<string, any>

export type ReviewRecord = {
  collection: WorkflowCollection
  id: string
  title: string
  state: State
  stage: string | null
  revision: 'current' | 'last-published' | 'none'
  submitted: Signature | null
  stages: { stage: string; label: string; approved: Signature | null; redline: RedlineChange[] }[]
  rejections: Signature[]
  published: Signature | null
  comments: (Signature & { action: string })[]
  /** What this revision changed against the last published version (or the first one). */
  redline: RedlineChange[]
}

type Signature = {
  by: string | null
  byId: string | number | null
  at: string
  comment: string | null
}

const sign = (event: Event): Signature => ({
  // The name signed at the time; rows from before names were kept fall back to the account's name.
  by:
    event.actorType === 'scheduler'
      ? '定时任务 (scheduler)'
      : (event.actorName ?? event.actor?.name ?? event.actor?.email ?? null),
  byId: event.actor?.id ?? null,
  at: event.at,
  comment: event.comment ?? null,
})

export async function buildReviewRecord(
  req: PayloadRequest,
  collection: WorkflowCollection,
  doc: Record<string, any>,
): Promise<ReviewRecord> {
  const { docs } = await req.payload.find({
    collection: 'workflow-events',
    where: {
      and: [{ collection: { equals: collection } }, { documentId: { equals: String(doc.id) } }],
    },
    sort: ['at', 'id'],
    depth: 1,
    pagination: false,
    populate: { users: { name: true, email: true } },
    req,
    overrideAccess: false,
    user: req.user,
  })
  // Revisions start at each submit. The current one if it was submitted since the last publish,
  // else the one that was last published.
  const starts = docs.flatMap((event, index) => (event.action === 'submit' ? [index] : []))
  const lastPublish = docs.map((e) => e.action).lastIndexOf('publish')
  const lastStart = starts.at(-1)
  let from: number | undefined
  let revision: ReviewRecord['revision'] = 'none'
  if (lastStart !== undefined && lastStart > lastPublish) {
    from = lastStart
    revision = 'current'
  } else if (lastPublish >= 0) {
    from = starts.filter((s) => s < lastPublish).at(-1)
    revision = 'last-published'
  }
  const events =
    from === undefined
      ? []
      : docs.slice(from, revision === 'last-published' ? lastPublish + 1 : undefined)
  const find = (action: string, stage?: string) =>
    events
      .filter((e) => e.action === action && (stage === undefined || e.fromStage === stage))
      .at(-1)

  // The texts to compare: the last published version before this revision (or the item's first
  // version), and the version each stage approved. Two queries, however many stages.
  const startAt = from === undefined ? docs.length : from
  const baselineEvent = docs
    .slice(0, startAt)
    .filter((e) => e.action === 'publish')
    .at(-1)
  const approvals = stagesOf(collection).map((stage) => find('approve', stage.key))
  const versionIds = [baselineEvent?.versionId, ...approvals.map((e) => e?.versionId)].filter(
    Boolean,
  ) as string[]
  const snapshots = new Map<string, Record<string, any>>()
  if (versionIds.length) {
    const { docs: versions } = await req.payload.findVersions({
      collection,
      where: { id: { in: versionIds } },
      depth: 0,
      pagination: false,
      req,
      overrideAccess: true,
    })
    for (const version of versions)
      snapshots.set(String(version.id), version.version as Record<string, any>)
  }
  let baseline = baselineEvent ? snapshots.get(String(baselineEvent.versionId)) : undefined
  if (!baselineEvent) {
    const { docs: first } = await req.payload.findVersions({
      collection,
      where: { parent: { equals: doc.id } },
      sort: 'createdAt',
      limit: 1,
      depth: 0,
      req,
      overrideAccess: true,
    })
    baseline = first[0]?.version as Record<string, any> | undefined
  }
  const current =
    revision === 'last-published' ? (snapshots.get(String(find('publish')?.versionId)) ?? doc) : doc
  let previous = baseline

  return {
    collection,
    id: String(doc.id),
    title: titleOf(doc as never),
    state: (doc.workflowState ?? 'draft') as State,
    stage: doc.reviewStage ?? null,
    revision,
    submitted: find('submit') ? sign(find('submit')!) : null,
    stages: stagesOf(collection).map((stage, index) => {
      const approved = approvals[index]
      const snapshot = approved ? snapshots.get(String(approved.versionId)) : undefined
      const changes = snapshot ? redline(previous, snapshot) : []
      if (snapshot) previous = snapshot
      return {
        stage: stage.key,
        label: stage.label.zh,
        approved: approved ? sign(approved) : null,
        redline: changes,
      }
    }),
    rejections: events.filter((e) => e.action === 'reject').map(sign),
    published: find('publish') ? sign(find('publish')!) : null,
    comments: events.filter((e) => e.comment).map((e) => ({ ...sign(e), action: e.action })),
    redline: redline(baseline, current),
  }
}

const when = (iso: string | undefined) =>
  iso ? new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) : ''

/** A printable page; every value is escaped. */
export function reviewRecordHtml(record: ReviewRecord): string {
  const e = (value: unknown) => escapeHtml(String(value ?? ''))
  const row = (label: string, s: Signature | null) =>
    `<tr><th>${e(label)}</th><td>${e(s?.by ?? '—')}</td><td>${e(when(s?.at))}</td><td>${e(s?.comment ?? '')}</td></tr>`
  const stageName = stageLabel(record.collection, record.stage)?.zh
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>审签单 · ${e(record.title)}</title>
<style>
  @page { size: A4; margin: 18mm 16mm; }
  body { font-family: "SimSun", "Songti SC", "WenQuanYi Micro Hei", "Microsoft YaHei", serif; margin: 2rem auto; max-width: 48rem; font-size: 11pt; }
  h1 { font-size: 1.4rem; text-align: center; letter-spacing: .3em; }
  table { width: 100%; border-collapse: collapse; margin: 1rem 0; }
  th, td { border: 1px solid #333; padding: .5rem; text-align: left; vertical-align: top; }
  th { width: 7rem; background: #f3f3f3; }
  .meta { color: #555; }
  ins { color: #0a5c0a; background: #e4f5e4; text-decoration: underline; }
  del { color: #a40000; background: #fbe5e5; text-decoration: line-through; }
  .redline dt { font-weight: bold; margin-top: .4rem; }
  .redline dd { margin: 0 0 .3rem 1rem; line-height: 1.7; }
  @media print { body { margin: 0; } }
</style></head>
<body>
<h1>审 签 单</h1>
<p><strong>${e(record.title)}</strong></p>
<p class="meta">内容类型:${e(record.collection)} · 编号:${e(record.id)} · 当前状态:${e(STATE_LABELS[record.state].zh)}${stageName ? `(${e(stageName)})` : ''} · ${record.revision === 'last-published' ? '最近发布版本' : '当前版本'}</p>
<table>
<tr><th>环节</th><th>签名</th><th>时间</th><th>意见</th></tr>
${row('送审', record.submitted)}
${record.stages.map((s) => row(s.label, s.approved)).join('\n')}
${record.rejections.map((r) => row('退回', r)).join('\n')}
${row('发布', record.published)}
</table>
<h2>修改对照(与上次发布版本相比)</h2>
${redlineHtml(record.redline)}
${record.stages
  .filter((st) => st.redline.length)
  .map((st) => `<h3>${e(st.label)}时的修改</h3>${redlineHtml(st.redline)}`)
  .join('\n')}
${record.comments.length ? `<h2>意见记录</h2><ol>${record.comments.map((c) => `<li>${e(ACTION_LABELS[c.action as Action]?.zh ?? c.action)} · ${e(c.by)} · ${e(when(c.at))}:${e(c.comment)}</li>`).join('')}</ol>` : ''}
</body></html>`
}

/** A redline as HTML: removed text struck through, added text underlined; every value escaped. */
export function redlineHtml(changes: RedlineChange[]): string {
  if (!changes.length) return '<p class="meta">无文字改动</p>'
  const part = (p: RedlineChange['parts'][number]) =>
    p.added
      ? `<ins>${escapeHtml(p.value)}</ins>`
      : p.removed
        ? `<del>${escapeHtml(p.value)}</del>`
        : escapeHtml(p.value)
  return `<dl class="redline">${changes.map((c) => `<dt>${escapeHtml(c.place)}</dt><dd>${c.parts.map(part).join('')}</dd>`).join('')}</dl>`
}
