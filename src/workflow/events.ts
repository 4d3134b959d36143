import type { PayloadRequest } from 'payload'

import { rolesOf } from '../access/roles'
import { relationId, type Id } from '../fields/relation'
import { asEngine, latestVersionId } from './context'
import type { State, WorkflowCollection } from './table'

type Step = { state: State | string; stage: string | null }

export type EventInput = {
  collection: WorkflowCollection
  doc: { id: number | string; title?: unknown; caption?: unknown; name?: unknown; office?: unknown }
  action: string
  from: Step
  to: Step
  comment?: string | null
  scheduledFor?: string | null
  /** Who acted; the request's user when not given (hooks), the scheduler when it has no id. */
  actor?: { id: unknown; roles: readonly string[] }
  /** The version the person read and acted on, when the request named it. */
  reviewedVersionId?: string | null
}

export const titleOf = (doc: EventInput['doc']) =>
  String(doc.title ?? doc.caption ?? doc.name ?? doc.office ?? `#${doc.id}`).slice(0, 200)

/**
 * Writes one audit row in the caller's transaction. The engine's context flag is what lets it
 * through the collection's create access; the user is kept as the actor.
 */
export async function recordEvent(req: PayloadRequest, input: EventInput) {
  const scheduler = input.actor !== undefined && input.actor.id === null
  const user = scheduler ? null : req.user?.collection === 'users' ? req.user : null
  const versionId = await latestVersionId(req, input.collection, input.doc.id)
  return asEngine(req, () =>
    req.payload.create({
      collection: 'workflow-events',
      data: {
        collection: input.collection,
        documentId: String(input.doc.id),
        documentTitle: titleOf(input.doc),
        versionId,
        action: input.action,
        fromState: input.from.state,
        fromStage: input.from.stage,
        toState: input.to.state,
        toStage: input.to.stage,
        actor: user?.id ?? null,
        actorName: user ? String(user.name ?? user.email ?? '') || null : null,
        actorRoles: user ? rolesOf(user) : [],
        actorType: scheduler ? 'scheduler' : user ? 'user' : 'system',
        comment: input.comment ?? null,
        reviewedVersionId: input.reviewedVersionId ?? null,
        scheduledFor: input.scheduledFor ?? null,
        at: new Date().toISOString(),
      },
      req,
      depth: 0,
      overrideAccess: !user,
      user: user ?? undefined,
    }),
  )
}

type WorkflowEvent = Record<string, any>
export type History = { events: WorkflowEvent[]; submittedBy: Id | null; approvedBy: Id[] }

/** Who submitted the current revision and who approved its stages: events since the last submit. */
export async function revisionHistory(
  req: PayloadRequest,
  collection: WorkflowCollection,
  id: Id,
): Promise<History> {
  return (await revisionHistories(req, collection, [id])).get(String(id))!
}

/**
 * The histories of many documents of one collection in one query (the review queue reads a
 * hundred at a time), each newest first. Every id asked for gets one, empty if it has no events.
 */
export async function revisionHistories(
  req: PayloadRequest,
  collection: WorkflowCollection,
  ids: Id[],
): Promise<Map<string, History>> {
  const byDocument = new Map<string, WorkflowEvent[]>(ids.map((id) => [String(id), []]))
  if (ids.length) {
    const { docs } = await req.payload.find({
      collection: 'workflow-events',
      where: {
        and: [{ collection: { equals: collection } }, { documentId: { in: ids.map(String) } }],
      },
      sort: ['-at', '-id'],
      depth: 0,
      pagination: false,
      req,
      overrideAccess: true,
    })
    for (const event of docs) byDocument.get(String(event.documentId))?.push(event)
  }
  return new Map([...byDocument].map(([id, events]) => [id, historyOf(events)]))
}

/** What the table needs from a document's events, newest first. */
function historyOf(events: WorkflowEvent[]): History {
  const sinceSubmit = []
  for (const event of events) {
    sinceSubmit.push(event)
    if (event.action === 'submit') break
  }
  const submit = sinceSubmit.find((event) => event.action === 'submit')
  return {
    events,
    submittedBy: submit ? relationId(submit.actor) : null,
    approvedBy: sinceSubmit
      .filter((e) => e.action === 'approve')
      .map((e) => relationId(e.actor))
      .filter((id): id is Id => id != null),
  }
}
