/**
 * Applies workflow actions: decides them by the table (decide.ts), runs the collection's gates,
 * saves the new state, records the event, runs the collection's effects in the same transaction,
 * and leaves its listeners for after the commit (steps.ts). Everything happens in the caller's
 * transaction (`req`); a failure anywhere leaves nothing half-done. The engine knows no feature by
 * name: what happens around an article's publication is declared in collections/Articles.
 */
import type { PayloadRequest } from 'payload'

import { rolesOf } from '../access/roles'
import { loadRevision, notLoggedIn } from '../http/endpoints'
import { HttpError } from '../http/errors'
import { asEngine, latestVersion } from './context'
import { decide, isAction, revisionOf, type Actor, type Revision } from './decide'
import { recordEvent, revisionHistory } from './events'
import {
  runEffects,
  runGates,
  scheduleListeners,
  stepsOf,
  type Step,
  type TransitionContext,
} from './steps'
import {
  ACTION_LABELS,
  RULES,
  stagesOf,
  WORKFLOWS,
  type Action,
  type State,
  type WorkflowCollection,
} from './table'

export type TransitionInput = {
  collection: WorkflowCollection
  id: number | string
  action: unknown
  comment?: unknown
  publishAt?: unknown
  withdrawAt?: unknown
  /** Anything else a collection's gates read (the quality gate's `override`). */
  [option: string]: unknown
}

export type TransitionResult = {
  id: number | string
  collection: WorkflowCollection
  state: State
  stage: string | null
  publishAt?: string | null
  withdrawAt?: string | null
}

type Options = {
  /** Who acts: the request's user unless given (the scheduler acts as SCHEDULER). */
  actor?: Actor
  now?: Date
}

/** Validates what a request asked for; the 400s of the contract. */
export function parseRequest(input: TransitionInput, now = new Date()) {
  if (!isAction(input.action)) {
    throw new HttpError(
      400,
      'unknown-action',
      `未知的操作「${String(input.action)}」,可选:submit、approve、reject、publish、withdraw、correct`,
      'unknown action',
    )
  }
  const action = input.action
  const rule = RULES[action]
  const comment = typeof input.comment === 'string' ? input.comment.trim() : ''
  if (rule.comment === 'required' && !comment) {
    throw new HttpError(
      400,
      'comment-required',
      `${ACTION_LABELS[action].zh}须填写意见`,
      `a comment is required to ${action}`,
    )
  }
  const when = rule.schedule ? input[rule.schedule] : undefined
  let scheduledFor: Date | null = null
  if (when !== undefined && when !== null && when !== '') {
    scheduledFor = new Date(String(when))
    if (Number.isNaN(scheduledFor.getTime())) {
      throw new HttpError(
        400,
        'invalid-date',
        `时间格式无效:${String(when)},请使用 ISO 8601`,
        'invalid date',
      )
    }
    if (scheduledFor.getTime() <= now.getTime()) {
      throw new HttpError(
        400,
        'date-in-past',
        `预定时间已经过去:${scheduledFor.toISOString()}`,
        'the date is in the past',
      )
    }
  }
  return { action, comment: comment || null, scheduledFor }
}

/** The actor a request's user is, or a 401 for anyone who is not staff. */
function actorOf(req: PayloadRequest): Actor {
  const user = req.user
  if (!user || user.collection !== 'users' || rolesOf(user).length === 0) throw notLoggedIn()
  return { id: user.id, roles: rolesOf(user) }
}

const actsAsUser = (actor: Actor) => actor.id !== null

/**
 * The state an action starts from is the latest revision's, except for withdrawal: that acts on
 * the live version, which stays published while a newer revision is being edited or reviewed.
 */
async function effectiveState(
  req: PayloadRequest,
  collection: WorkflowCollection,
  doc: Record<string, any>,
  action: Action,
  asUser: boolean,
): Promise<State> {
  const state = (doc.workflowState ?? 'draft') as State
  if (action === 'correct') {
    // A correction publishes the live item's pending revision: there must be one.
    if (state === 'published') {
      throw new HttpError(
        409,
        'nothing-to-correct',
        '没有待更正的修订:请先保存修改',
        'no pending revision to publish as a correction',
      )
    }
    return (await isLive(req, collection, doc.id, asUser)) ? 'published' : state
  }
  if (action !== 'withdraw' || state === 'published' || state === 'withdrawn') return state
  return (await isLive(req, collection, doc.id, asUser)) ? 'published' : state
}

/** Whether the item's live (main) version is published, whatever its latest revision is. */
export async function isLive(
  req: PayloadRequest,
  collection: WorkflowCollection,
  id: number | string,
  asUser = false,
): Promise<boolean> {
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

export async function transition(
  req: PayloadRequest,
  input: TransitionInput,
  options: Options = {},
): Promise<TransitionResult> {
  const { collection, id } = input
  const actor = options.actor ?? actorOf(req)
  const now = options.now ?? new Date()
  const asUser = actsAsUser(actor)
  const { action, comment, scheduledFor } = parseRequest(input, now)
  const doc = await loadRevision(req, collection, id, asUser)
  const history = await revisionHistory(req, collection, id)
  const revision: Revision = {
    ...revisionOf(doc, history),
    state: await effectiveState(req, collection, doc, action, asUser),
  }

  const decision = decide(collection, revision, actor, action)
  if (!decision.ok) throw new HttpError(decision.status, decision.code, decision.zh, decision.en)
  if (action === 'submit') assertReadyForReview(collection, doc)
  const reviewedVersionId = BOUND_TO_READ.has(action)
    ? await assertReadVersionIsLatest(req, collection, id, input.versionId)
    : null

  const from: Step = { state: revision.state, stage: revision.stage }
  const steps = stepsOf(req, collection)
  const context: TransitionContext = {
    req,
    collection,
    action,
    actor,
    doc,
    revision,
    history,
    from,
    to: decision.to,
    comment,
    input,
    finalStage: action === 'approve' && revision.stage === stagesOf(collection).at(-1)!.key,
    outbox: [],
  }
  const notes = await runGates(steps, context)

  const rule = RULES[action]
  if (scheduledFor && rule.schedule) return schedule(context, scheduledFor)

  const data: Record<string, unknown> = {
    workflowState: decision.to.state,
    reviewStage: decision.to.stage,
    lastChangedBy: actor.id,
  }
  // Publishing, correcting and withdrawing change the live document; others, the latest revision.
  if (action === 'publish') Object.assign(data, { _status: 'published', publishAt: null })
  if (action === 'correct') {
    Object.assign(data, {
      _status: 'published',
      corrections: await correctionsWith(req, collection, id, comment!, actor, now),
    })
  }
  if (action === 'withdraw') Object.assign(data, { _status: 'draft', withdrawAt: null })
  const draft = action !== 'publish' && action !== 'withdraw' && action !== 'correct'
  context.saved = await saveAsEngine(req, { collection, id, data, draft, asUser })
  for (const note of notes) {
    await recordEvent(req, {
      collection,
      doc: context.saved,
      action: note.action,
      from,
      to: from,
      comment: note.comment,
      actor,
    })
  }
  await recordEvent(req, {
    collection,
    doc: context.saved,
    action,
    from,
    to: decision.to,
    comment,
    actor,
    reviewedVersionId,
  })
  await runEffects(steps, context)
  await scheduleListeners(steps, context)
  return { id: context.saved.id, collection, state: decision.to.state, stage: decision.to.stage }
}

/** The actions a person takes on what they read. */
const BOUND_TO_READ = new Set<Action>(['approve', 'reject', 'publish', 'correct'])

/** The live item's corrections with this one added: when, the public note, and who signed it. */
export async function correctionsWith(
  req: PayloadRequest,
  collection: WorkflowCollection,
  id: number | string,
  note: string,
  actor: { id: unknown } | null,
  at = new Date(),
) {
  const live = (await req.payload.findByID({
    collection,
    id,
    depth: 0,
    req,
    overrideAccess: true,
    select: { corrections: true } as never,
  })) as {
    corrections?: { at: string; note: string; approvedBy?: string | null }[] | null
  }
  const signer =
    actor?.id != null
      ? await req.payload.findByID({
          collection: 'users',
          id: actor.id as number,
          depth: 0,
          req,
          overrideAccess: true,
          disableErrors: true,
        })
      : null
  const approvedBy = signer ? String(signer.name ?? signer.email) : null
  return [
    ...(live.corrections ?? []).map(({ at, note, approvedBy }) => ({ at, note, approvedBy })),
    { at: at.toISOString(), note, approvedBy },
  ]
}

/**
 * An approval, rejection or publication is bound to the revision the person read: when the request
 * names it (`versionId`, which the admin's buttons always send) and it is no longer the latest
 * version, the answer is 409, naming who changed it and when.
 */
async function assertReadVersionIsLatest(
  req: PayloadRequest,
  collection: WorkflowCollection,
  id: number | string,
  versionId: unknown,
): Promise<string | null> {
  if (versionId === undefined || versionId === null || versionId === '') return null
  const latest = await latestVersion(req, collection, id)
  if (!latest || latest.id === String(versionId)) return String(versionId)
  throw new HttpError(
    409,
    'stale-version',
    `您审阅的版本已过时:${latest.by} 于 ${latest.at} 修改了本稿,请刷新后重新审阅`,
    `the revision changed after you read it: ${latest.by} at ${latest.updatedAt}`,
  )
}

/** What a collection asks to be filled in before review (a photo's caption and credit). */
function assertReadyForReview(collection: WorkflowCollection, doc: Record<string, any>) {
  const missing = (WORKFLOWS[collection].requiredForReview ?? []).filter(
    ({ field }) => typeof doc[field] !== 'string' || !doc[field].trim(),
  )
  if (missing.length) {
    const zh = missing.map((m) => m.label.zh).join('、')
    const en = missing.map((m) => m.label.en).join(', ')
    throw new HttpError(
      400,
      'missing-fields',
      `送审前请填写${zh}`,
      `fill in ${en} before submitting`,
    )
  }
}

/** A timed publication or withdrawal: the time is written and a job queued; the state waits for it. */
async function schedule(context: TransitionContext, scheduledFor: Date): Promise<TransitionResult> {
  const { req, collection, doc, action, from, actor } = context
  const field = RULES[action].schedule!
  const at = scheduledFor.toISOString()
  // A published item's schedule is written on the live version; an approved one's on its revision.
  const saved = await saveAsEngine(req, {
    collection,
    id: doc.id,
    data: { [field]: at },
    draft: from.state !== 'published',
    asUser: actsAsUser(actor),
  })
  await req.payload.jobs.queue({
    task: 'workflowScheduled',
    queue: 'workflow',
    input: { collection, id: String(doc.id), action, at, comment: context.comment },
    waitUntil: scheduledFor,
    req,
  })
  await recordEvent(req, {
    collection,
    doc: saved,
    action: `schedule-${action}`,
    from,
    to: from,
    comment: context.comment,
    scheduledFor: at,
    actor,
  })
  return {
    id: doc.id,
    collection,
    state: from.state,
    stage: from.stage,
    ...(field === 'publishAt' ? { publishAt: at } : { withdrawAt: at }),
  }
}

async function saveAsEngine(
  req: PayloadRequest,
  args: {
    collection: WorkflowCollection
    id: number | string
    data: Record<string, unknown>
    draft: boolean
    asUser: boolean
  },
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
