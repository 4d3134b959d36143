/**
 * Whether an actor may take an action on a revision, and where it leads. Pure: everything it needs
 * is passed in, so the whole table is unit-tested without a database.
 */
import type { ErrorCode } from '../http/errors'
import { relationId, sameId, type Id } from '../fields/relation'
import {
  ACTION_LABELS,
  ACTIONS,
  RULES,
  STATE_LABELS,
  stagesOf,
  WORKFLOWS,
  type Action,
  type ActorRole,
  type State,
  type WorkflowCollection,
} from './table'

export type { Id }

export type Revision = {
  state: State
  stage: string | null
  /** Who created the item. */
  createdBy: Id | null
  /** Who submitted the current revision, and who approved its earlier stages. */
  submittedBy: Id | null
  approvedBy: Id[]
  /** Who saved the revision since the last published version. */
  contributors: Id[]
}

/** A person (their id and roles) or the scheduler (no id). */
export type Actor = { id: Id | null; roles: ActorRole[] }

export const SCHEDULER: Actor = { id: null, roles: ['scheduler'] }

export type Refusal = { ok: false; status: 403 | 409; code: ErrorCode; zh: string; en: string }
export type Decision = { ok: true; to: { state: State; stage: string | null } } | Refusal

/** A document's latest revision as the table sees it, with its history since the last submit. */
export function revisionOf(
  doc: Record<string, unknown>,
  history: { submittedBy: Id | null; approvedBy: Id[] },
): Revision {
  return {
    state: ((doc.workflowState as State | undefined) ?? 'draft') as State,
    stage: (doc.reviewStage as string | null | undefined) ?? null,
    createdBy: relationId(doc.createdBy),
    submittedBy: history.submittedBy,
    approvedBy: history.approvedBy,
    contributors: ((doc.revisionContributors as unknown[] | undefined) ?? [])
      .map(relationId)
      .filter((id): id is Id => id != null),
  }
}

export const isAction = (value: unknown): value is Action =>
  (ACTIONS as readonly string[]).includes(value as string)

export function decide(
  collection: WorkflowCollection,
  revision: Revision,
  actor: Actor,
  action: Action,
): Decision {
  const rule = RULES[action]
  const stages = stagesOf(collection)
  const actionName = ACTION_LABELS[action].zh
  const stateName = STATE_LABELS[revision.state].zh

  if (!rule.from.includes(revision.state)) {
    return refuse(
      409,
      'wrong-state',
      `当前状态为「${stateName}」,不能${actionName}`,
      `cannot ${action} from ${revision.state}`,
    )
  }

  const stageIndex = stages.findIndex((stage) => stage.key === revision.stage)
  const stage = stages[stageIndex]
  if (rule.who === 'stage' && !stage) {
    return refuse(409, 'unknown-stage', `审核环节「${revision.stage}」无效`, 'unknown review stage')
  }

  const roles = actor.roles
  const allowed: ActorRole[] =
    rule.who === 'submitters'
      ? WORKFLOWS[collection].submitters
      : rule.who === 'stage'
        ? stage!.roles
        : rule.who
  const isCreator = sameId(actor.id, revision.createdBy)
  const mayByRole = roles.some((role) => allowed.includes(role))
  const mayAsAuthor = rule.who === 'submitters' && isCreator && roles.length > 0
  if (!mayByRole && !mayAsAuthor) {
    const where = stage && rule.who === 'stage' ? `「${stage.label.zh}」环节` : ''
    return refuse(
      403,
      'role-forbidden',
      `您的角色不能在${where}${actionName}`,
      `your role may not ${action}${stage ? ` at ${stage.key}` : ''}`,
    )
  }

  if (rule.independent) {
    if (revision.contributors.some((id) => sameId(id, actor.id))) {
      return refuse(
        403,
        'contributor',
        `您修改过本稿,不能${actionName}:修改过稿件的人不能审核这一版`,
        'you changed this revision: whoever changed it may not approve or reject it',
      )
    }
    // An item made without a person's save (an import, the seed) still has its creator as author.
    const authoredByCreator = isCreator && revision.contributors.length === 0
    if (authoredByCreator || sameId(actor.id, revision.submittedBy)) {
      return refuse(
        403,
        'self-approval',
        `不能审核自己的稿件:作者不能${actionName}`,
        'no self-approval: you wrote or submitted this revision',
      )
    }
    if (revision.approvedBy.some((id) => sameId(id, actor.id))) {
      return refuse(
        403,
        'same-reviewer',
        '三审须由不同的人完成:您已通过本稿的前一环节',
        'three different people: you approved an earlier stage',
      )
    }
  }

  switch (rule.to) {
    case 'first-stage':
      return { ok: true, to: { state: 'in_review', stage: stages[0]!.key } }
    case 'next-stage': {
      const next = stages[stageIndex + 1]
      return {
        ok: true,
        to: next ? { state: 'in_review', stage: next.key } : { state: 'approved', stage: null },
      }
    }
    default:
      return { ok: true, to: { state: rule.to, stage: null } }
  }
}

function refuse(status: Refusal['status'], code: ErrorCode, zh: string, en: string): Refusal {
  return { ok: false, status, code, zh, en }
}

/** The actions an actor may take now: what the admin offers as buttons. */
export function allowedActions(
  collection: WorkflowCollection,
  revision: Revision,
  actor: Actor,
): Action[] {
  // A correction acts on the live version, not on the revision decide() is shown here: the
  // workflow endpoint offers it when the item is live and has a pending revision.
  return ACTIONS.filter(
    (action) => action !== 'correct' && decide(collection, revision, actor, action).ok,
  )
}
