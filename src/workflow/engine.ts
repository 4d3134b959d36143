/**
 * Applies workflow actions: checks them against the table (decide.ts), saves the new state,
 * records the event, notifies who acts next and schedules timed actions. Everything happens in the
 * caller's transaction (`req`); a failure anywhere leaves nothing half-done.
 */
import type { PayloadRequest } from 'payload'

import { rolesOf } from '../access/roles'
import { recordEvent, revisionHistory, titleOf } from './events'
import { decide, isAction, revisionOf, type Decision, type Revision } from './decide'
import { asEngine } from './fields'
import { notifyAfterTransition, type Outbox } from './notify'
import { photosUsedBy } from './photos'
import { queueWebhooks } from '../delivery/webhooks'
import { QualityBlock, qualityGate } from '../quality/gate'
import { ACTION_LABELS, RULES, stagesOf, WORKFLOWS, type Action, type State, type WorkflowCollection } from './table'

export class WorkflowError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409,
    message: string,
  ) {
    super(message)
    this.name = 'WorkflowError'
  }
}

export type TransitionInput = {
  collection: WorkflowCollection
  id: number | string
  action: unknown
  comment?: unknown
  publishAt?: unknown
  withdrawAt?: unknown
  /** At final review: approve although figures contradict the records (needs a comment). */
  override?: unknown
}

export type TransitionResult = {
  id: number | string
  collection: WorkflowCollection
  state: State
  stage: string | null
  publishAt?: string | null
  withdrawAt?: string | null
}

type Options = { scheduler?: boolean; now?: Date; outbox?: Outbox }

/** Validates what a request asked for; the 400s of the contract. */
export function parseRequest(input: TransitionInput, now = new Date()) {
  if (!isAction(input.action)) {
    throw new WorkflowError(400, `未知的操作「${String(input.action)}」,可选:submit、approve、reject、publish、withdraw (unknown action)`)
  }
  const action = input.action
  const rule = RULES[action]
  const comment = typeof input.comment === 'string' ? input.comment.trim() : ''
  if (rule.comment === 'required' && !comment) {
    throw new WorkflowError(400, `${ACTION_LABELS[action].zh}须填写意见 (a comment is required to ${action})`)
  }
  const when = rule.schedule ? input[rule.schedule] : undefined
  let scheduledFor: Date | null = null
  if (when !== undefined && when !== null && when !== '') {
    scheduledFor = new Date(String(when))
    if (Number.isNaN(scheduledFor.getTime())) {
      throw new WorkflowError(400, `时间格式无效:${String(when)},请使用 ISO 8601 (invalid date)`)
    }
    if (scheduledFor.getTime() <= now.getTime()) {
      throw new WorkflowError(400, `预定时间已经过去:${scheduledFor.toISOString()} (the date is in the past)`)
    }
  }
  return { action, comment: comment || null, scheduledFor }
}

/**
 * The state an action starts from is the latest revision's, except for withdrawal: that acts on
 * the live version, which stays published while a newer revision is being edited or reviewed.
 */
async function effectiveState(
  req: PayloadRequest,
  collection: WorkflowCollection,
  doc: Record<string, any> & { id: number | string },
  action: Action,
  asUser: boolean,
): Promise<State> {
  const state = (doc.workflowState ?? 'draft') as State
  if (action !== 'withdraw' || state === 'published' || state === 'withdrawn') return state
  return (await isLive(req, collection, doc.id, asUser)) ? 'published' : state
}

/** Whether the item's live (main) version is published, whatever its latest revision is. */
export async function isLive(req: PayloadRequest, collection: WorkflowCollection, id: number | string, asUser = false): Promise<boolean> {
  const live = await req.payload.findByID({
    collection,
    id,
    depth: 0,
    req,
    overrideAccess: !asUser,
    user: asUser ? req.user : undefined,
    disableErrors: true,
    select: { _status: true } as never,
  })
  return (live as { _status?: string } | null)?._status === 'published'
}

/** Reads the latest revision (as the user, or as the system), or 404. */
export async function loadRevision(req: PayloadRequest, collection: WorkflowCollection, id: number | string, asUser: boolean) {
  const doc = await req.payload
    .findByID({
      collection,
      id,
      draft: true,
      depth: 0,
      req,
      overrideAccess: !asUser,
      user: asUser ? req.user : undefined,
      disableErrors: true,
    })
    .catch(() => null)
  if (!doc) throw new WorkflowError(404, `找不到该内容 (no ${collection} with id ${id})`)
  return doc as Record<string, any> & { id: number | string }
}

export async function transition(
  req: PayloadRequest,
  input: TransitionInput,
  { scheduler = false, now = new Date(), outbox }: Options = {},
): Promise<TransitionResult> {
  const { collection, id } = input
  const user = scheduler ? null : req.user
  if (!scheduler && (!user || user.collection !== 'users' || rolesOf(user).length === 0)) {
    throw new WorkflowError(401, '请先登录 (log in first)')
  }
  const { action, comment, scheduledFor } = parseRequest(input, now)
  const doc = await loadRevision(req, collection, id, !scheduler)
  const history = await revisionHistory(req, collection, id)
  const revision: Revision = {
    ...revisionOf(doc, history),
    state: await effectiveState(req, collection, doc, action, !scheduler),
  }

  const decision: Decision = scheduler
    ? schedulerDecision(revision, action)
    : decide(collection, revision, { id: user!.id, roles: rolesOf(user) }, action)
  if (!decision.ok) throw new WorkflowError(decision.status, decision.message)
  if (action === 'submit') assertReadyForReview(collection, doc)
  const overridden = scheduler ? [] : await runQualityGate(req, collection, doc, action, revision, input.override, comment)

  const from = { state: revision.state, stage: revision.stage }
  const rule = RULES[action]

  if (scheduledFor && rule.schedule) {
    return schedule(req, { collection, doc, action, comment, scheduledFor, from, asUser: !scheduler, outbox })
  }

  if (action === 'publish' && collection === 'articles') {
    await publishPhotosOf(req, doc, { scheduler, outbox })
  }

  const to = decision.to
  const data: Record<string, unknown> = { workflowState: to.state, reviewStage: to.stage }
  let draft = true
  if (action === 'publish') {
    draft = false
    Object.assign(data, { _status: 'published', publishAt: null })
    if (collection === 'articles' && !doc.publishedDate) data.publishedDate = now.toISOString()
  } else if (action === 'withdraw') {
    // Unpublishing the main document takes it out of every public read at once.
    draft = false
    Object.assign(data, { _status: 'draft', withdrawAt: null })
  }
  const saved = await saveAsEngine(req, { collection, id, data, draft, asUser: !scheduler })
  if (overridden.length) {
    await recordEvent(req, {
      collection,
      doc: saved,
      action: 'override-figures',
      from,
      to: from,
      comment: `${comment}\n${overridden.join('\n')}`,
    })
  }
  await recordEvent(req, { collection, doc: saved, action, from, to, comment, scheduler })
  if (action === 'publish' || action === 'withdraw') {
    const before = history.events.some((event) => event.action === 'publish') || revision.state === 'withdrawn'
    const event = action === 'withdraw' ? 'withdrawn' : before ? 'updated' : 'published'
    await queueWebhooks(req, { event, collection, doc: saved })
  }
  await notifyAfterTransition(req, { collection, doc: saved, action, to, history, comment, outbox })
  return { id: saved.id, collection, state: to.state, stage: to.stage }
}

async function runQualityGate(
  req: PayloadRequest,
  collection: WorkflowCollection,
  doc: Record<string, any>,
  action: Action,
  revision: Revision,
  override: unknown,
  comment: string | null,
) {
  const finalStage = action === 'approve' && revision.stage === stagesOf(collection).at(-1)!.key
  try {
    return await qualityGate(req, { collection, doc, action, finalStage, override: override === true || override === 'true', comment })
  } catch (error) {
    if (error instanceof QualityBlock) throw new WorkflowError(error.status, error.message)
    throw error
  }
}

/** What a collection asks to be filled in before review (a photo's caption and credit). */
function assertReadyForReview(collection: WorkflowCollection, doc: Record<string, any>) {
  const missing = (WORKFLOWS[collection].requiredForReview ?? []).filter(
    ({ field }) => typeof doc[field] !== 'string' || !doc[field].trim(),
  )
  if (missing.length) {
    const zh = missing.map((m) => m.label.zh).join('、')
    const en = missing.map((m) => m.label.en).join(', ')
    throw new WorkflowError(400, `送审前请填写${zh} (fill in ${en} before submitting)`)
  }
}

/** The scheduler only carries out timed actions that a chief editor already decided. */
function schedulerDecision(revision: Revision, action: Action): Decision {
  if (action === 'publish' && revision.state === 'approved') return { ok: true, to: { state: 'published', stage: null } }
  if (action === 'withdraw' && revision.state === 'published') return { ok: true, to: { state: 'withdrawn', stage: null } }
  return { ok: false, status: 409, message: `定时${ACTION_LABELS[action].zh}已不适用:当前状态为 ${revision.state}` }
}

async function schedule(
  req: PayloadRequest,
  args: {
    collection: WorkflowCollection
    doc: Record<string, any> & { id: number | string }
    action: Action
    comment: string | null
    scheduledFor: Date
    from: { state: State; stage: string | null }
    asUser: boolean
    outbox?: Outbox
  },
): Promise<TransitionResult> {
  const { collection, doc, action, scheduledFor, from } = args
  const field = RULES[action].schedule!
  const at = scheduledFor.toISOString()
  // A published item's schedule is written on the live version; an approved one's on its revision.
  const saved = await saveAsEngine(req, {
    collection,
    id: doc.id,
    data: { [field]: at },
    draft: from.state !== 'published',
    asUser: args.asUser,
  })
  await req.payload.jobs.queue({
    task: 'workflowScheduled',
    queue: 'workflow',
    input: { collection, id: String(doc.id), action, at, comment: args.comment },
    waitUntil: scheduledFor,
    req,
  })
  await recordEvent(req, {
    collection,
    doc: saved,
    action: `schedule-${action}`,
    from,
    to: from,
    comment: args.comment,
    scheduledFor: at,
  })
  return {
    id: doc.id,
    collection,
    state: from.state,
    stage: from.stage,
    ...(field === 'publishAt' ? { publishAt: at } : { withdrawAt: at }),
  }
}

/**
 * Publishing an article publishes, in the same transaction, the approved photos it uses; if any of
 * them is not yet approved, publishing is refused with the list.
 */
async function publishPhotosOf(
  req: PayloadRequest,
  article: Record<string, any>,
  { scheduler, outbox }: { scheduler: boolean; outbox?: Outbox },
) {
  const ids = photosUsedBy(article)
  if (!ids.length) return
  const { docs } = await req.payload.find({
    collection: 'photos',
    where: { id: { in: ids } },
    draft: true,
    depth: 0,
    limit: ids.length,
    pagination: false,
    select: { caption: true, filename: true, workflowState: true },
    req,
    overrideAccess: true,
  })
  const blocked = docs.filter((photo) => !['approved', 'published'].includes(String(photo.workflowState)))
  if (blocked.length) {
    const list = blocked.map((p) => `#${p.id}「${p.caption || p.filename}」(${p.workflowState})`).join('、')
    throw new WorkflowError(409, `文章使用的图片尚未审核通过,不能发布:${list} (photos not yet approved)`)
  }
  for (const photo of docs.filter((p) => p.workflowState === 'approved')) {
    await transition(req, { collection: 'photos', id: photo.id, action: 'publish' }, { scheduler, outbox })
  }
}

async function saveAsEngine(
  req: PayloadRequest,
  args: { collection: WorkflowCollection; id: number | string; data: Record<string, unknown>; draft: boolean; asUser: boolean },
) {
  return asEngine(
    req,
    async () =>
      (await req.payload.update({
        collection: args.collection,
        id: args.id,
        data: args.data as never,
        draft: args.draft,
        depth: 0,
        req,
        overrideAccess: !args.asUser,
        user: args.asUser ? req.user : undefined,
      })) as Record<string, any> & { id: number | string },
  )
}


export { titleOf }
