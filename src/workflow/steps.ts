/**
 * The engine's extension points. A collection declares, in its config (`custom.workflow`), the
 * steps that run around its transitions, and the engine runs them without knowing any by name:
 *
 * - `gates`, before anything is written: refuse with an HttpError, or note what was overridden (the
 *   engine records each note as an event);
 * - `effects`, inside the transition's transaction, after the new state is saved and its event
 *   recorded: a failure rolls the whole transition back;
 * - `listeners`, after the transaction commits: what must not happen for a rolled-back change
 *   (sending email). A failure is logged and changes nothing.
 *
 * src/workflow never imports the features that plug in here (quality, delivery, photodesk): they
 * import these types and register themselves on the collections they concern.
 */
import type { PayloadRequest } from 'payload'

import { afterCommit } from '../config/afterCommit'
import type { Id } from '../fields/relation'
import type { Actor, Revision } from './decide'
import type { Action, State, WorkflowCollection } from './table'

export type Step = { state: State; stage: string | null }

export type Mail = { to: string; subject: string; text: string }

export type TransitionContext = {
  req: PayloadRequest
  collection: WorkflowCollection
  action: Action
  actor: Actor
  /** The revision the action was taken on, as read before it. */
  doc: Record<string, any> & { id: Id }
  revision: Revision
  history: { events: Record<string, any>[]; submittedBy: Id | null; approvedBy: Id[] }
  from: Step
  to: Step
  comment: string | null
  /** What the request carried besides the action (a gate's own options, such as `override`). */
  input: Record<string, unknown>
  /** Whether the final review stage is the one being approved. */
  finalStage: boolean
  /** The saved document, once the new state is written (effects and listeners). */
  saved?: Record<string, any> & { id: Id }
  /** Emails to send once the transaction has committed. */
  outbox: Mail[]
}

/** A note a gate leaves: an event the engine records beside the transition's own. */
export type GateNote = { action: string; comment: string }

export type Gate = (context: TransitionContext) => Promise<GateNote[] | void> | GateNote[] | void
export type Effect = (context: TransitionContext) => Promise<void> | void
export type Listener = (context: TransitionContext) => Promise<void> | void

export type WorkflowSteps = { gates?: Gate[]; effects?: Effect[]; listeners?: Listener[] }

/** The steps a collection declared (`custom.workflow` in its config). */
export function stepsOf(req: PayloadRequest, collection: WorkflowCollection): WorkflowSteps {
  return (
    (req.payload.collections[collection]?.config.custom?.workflow as WorkflowSteps | undefined) ??
    {}
  )
}

export async function runGates(
  steps: WorkflowSteps,
  context: TransitionContext,
): Promise<GateNote[]> {
  const notes: GateNote[] = []
  for (const gate of steps.gates ?? []) notes.push(...((await gate(context)) ?? []))
  return notes
}

export async function runEffects(steps: WorkflowSteps, context: TransitionContext) {
  for (const effect of steps.effects ?? []) await effect(context)
}

/** Listeners run once the request's transaction commits (at once outside a transaction). */
export async function scheduleListeners(steps: WorkflowSteps, context: TransitionContext) {
  for (const listener of steps.listeners ?? []) {
    await afterCommit(context.req, () => {
      void Promise.resolve()
        .then(() => listener(context))
        .catch((error: unknown) =>
          context.req.payload.logger.error({ err: error, msg: 'workflow listener failed' }),
        )
    })
  }
}
